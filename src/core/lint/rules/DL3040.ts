import { hasMountOver } from '../../dockerfile/mounts';
import { positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, fix, hadolintDocs, insertAt } from '../define';
import { DNF_INSTALLS, DNF_TOOLS, DNF_VALUED, appendPosition, removesDir, rpmInstall } from '../package-managers';

// dnf 4 caches in /var/cache/dnf, dnf 5 in /var/cache/libdnf5, microdnf (and hadolint's examples) in /var/cache/yum.
const CACHE_DIRS = ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum'];

/** The cache directory to suggest mounting: microdnf (and yum) keep theirs in /var/cache/yum. */
function cacheOf(tool: string): string {
  return tool === 'dnf' ? '/var/cache/dnf' : '/var/cache/yum';
}

export default defineInstructionRule(
  {
    id: 'DL3040',
    source: 'hadolint',
    severity: 'warning',
    description: '`dnf clean all` missing after dnf command',
    rationale:
      'dnf keeps downloaded packages and repository metadata in its cache directory, and whatever a RUN leaves behind is stored in its layer for good. Running `dnf clean all` (or `microdnf clean all`) in the same RUN, or mounting a BuildKit cache over the cache directory, keeps it out of the image.',
    examples: {
      bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    docs: hadolintDocs('DL3040'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    const script = ctx.shell(instruction);
    if (!script || !script.commands.some((c) => DNF_TOOLS.includes(c.name))) return;
    // A BuildKit cache or tmpfs mount over the dnf cache keeps it out of the layer.
    const cached = (target: string) => CACHE_DIRS.some((dir) => target.includes(dir)) || target.includes('.cache/libdnf5');
    if (hasMountOver(instruction, ['cache', 'tmpfs'], cached)) return;
    // As in hadolint, each tool needs its own clean: `microdnf clean all` does not count for `dnf install`.
    for (const tool of DNF_TOOLS) {
      // As hadolint main: `dnf install|in|upgrade|up|upgrade-minimal|up-min|reinstall|rei`, and `dnf module|group install`.
      const installs = script.commands.filter((c) => c.name === tool && rpmInstall(c, DNF_VALUED, DNF_INSTALLS) !== undefined);
      if (installs.length === 0) continue;
      const last = installs[installs.length - 1]!;
      const lastIndex = script.commands.indexOf(last);
      // Only a clean after the last install empties what it downloaded; `rm -rf /var/cache/dnf/*` (or a parent) does too.
      const cleaned = script.commands.some(
        (c, i) => i > lastIndex && ((c.name === tool && positionalArgs(c, DNF_VALUED)[0]?.value === 'clean') || removesDir(c, CACHE_DIRS)),
      );
      if (cleaned) continue;
      const first = installs[0]!;
      const word = rpmInstall(first, DNF_VALUED, DNF_INSTALLS)!.word;
      const at = appendPosition(script, last);
      ctx.report({
        range: { start: first.nameWord!.range.start, end: word.range.end },
        message: `\`${tool} clean all\` missing after ${tool} ${word.value}: add \`&& ${tool} clean all\` to this RUN, or mount a cache with \`--mount=type=cache,target=${cacheOf(tool)}\``,
        fixes: [fix(`Append \`&& ${tool} clean all\``, insertAt(at.line, at.character, ` && ${tool} clean all`))],
      });
    }
  },
);
