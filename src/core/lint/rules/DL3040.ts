import type { Instruction, Position } from '../../dockerfile/model';
import type { ShellCommand, ShellScript } from '../../dockerfile/shell';
import { positionalArgs } from '../../dockerfile/shell';
import { defineRule, fix, hadolintDocs, insertAt, instructionsOf } from '../define';

const TRAILING_GLOB = /\/\*?$/;
// dnf 4 caches in /var/cache/dnf, dnf 5 in /var/cache/libdnf5, microdnf (and hadolint's examples) in /var/cache/yum.
const CACHE_DIRS = ['/var/cache/dnf', '/var/cache/libdnf5', '/var/cache/yum'];
const TOOLS = ['dnf', 'microdnf'];
/** dnf options that take a separate value, so the value is not the subcommand. */
const VALUED = [
  'c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'x', 'exclude', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'repo', 'repoid',
  'setopt', 'forcearch', 'disableplugin', 'enableplugin', 'color', 'destdir', 'downloaddir', 'comment', 'rpmverbosity',
];

/** The `install` word of `dnf install`, `dnf module install` or `dnf group install`. */
function installWord(command: ShellCommand) {
  const [first, second] = positionalArgs(command, VALUED);
  if (first?.value === 'install') return first;
  return first && ['module', 'group', 'groups'].includes(first.value) && second?.value === 'install' ? second : undefined;
}

/** A BuildKit cache or tmpfs mount over the dnf cache keeps it out of the layer. */
function hasCacheMount(instruction: Instruction): boolean {
  return instruction.flags.some((flag) => {
    if (flag.name.toLowerCase() !== 'mount' || !flag.value) return false;
    const options = new Map(flag.value.split(',').map((part) => [part.split('=')[0]!.trim().toLowerCase(), part.slice(part.indexOf('=') + 1).trim()]));
    const type = options.get('type');
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '';
    return (type === 'cache' || type === 'tmpfs') && (CACHE_DIRS.some((dir) => target.includes(dir)) || target.includes('.cache/libdnf5'));
  });
}

/** `rm -rf /var/cache/dnf/*` (or a parent such as `/var/cache/*`) empties the cache too. */
function removesCache(command: ShellCommand): boolean {
  if (command.name !== 'rm') return false;
  return positionalArgs(command).some((arg) => {
    const path = arg.value.replace(TRAILING_GLOB, '');
    return CACHE_DIRS.some((dir) => path.startsWith(dir) || (path.length >= '/var/cache'.length && dir.startsWith(path)));
  });
}

/** The cache directory to suggest mounting: microdnf (and yum) keep theirs in /var/cache/yum. */
function cacheOf(tool: string): string {
  return tool === 'dnf' ? '/var/cache/dnf' : '/var/cache/yum';
}

function after(a: Position, b: Position): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}

/** Where ` && dnf clean all` goes: after the install, or after the whole pipeline the install feeds. */
function fixPosition(script: ShellScript, install: ShellCommand): Position {
  if (!install.inPipeline) return install.range.end;
  let end = install.range.end;
  for (const command of script.commands) if (after(command.range.end, end)) end = command.range.end;
  return end;
}

export default defineRule(
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
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      const script = ctx.shell(instruction);
      if (!script || !script.commands.some((c) => TOOLS.includes(c.name)) || hasCacheMount(instruction)) continue;
      // As in hadolint, each tool needs its own clean: `microdnf clean all` does not count for `dnf install`.
      for (const tool of TOOLS) {
        const installs = script.commands.filter((c) => c.name === tool && installWord(c) !== undefined);
        if (installs.length === 0) continue;
        const last = installs[installs.length - 1]!;
        const lastIndex = script.commands.indexOf(last);
        // Only a clean after the last install empties what it downloaded.
        const cleaned = script.commands.some(
          (c, i) => i > lastIndex && ((c.name === tool && positionalArgs(c, VALUED)[0]?.value === 'clean') || removesCache(c)),
        );
        if (cleaned) continue;
        const first = installs[0]!;
        const at = fixPosition(script, last);
        ctx.report({
          range: { start: first.nameWord!.range.start, end: installWord(first)!.range.end },
          message: `\`${tool} clean all\` missing after ${tool} install: add \`&& ${tool} clean all\` to this RUN, or mount a cache with \`--mount=type=cache,target=${cacheOf(tool)}\``,
          fixes: [fix(`Append \`&& ${tool} clean all\``, insertAt(at.line, at.character, ` && ${tool} clean all`))],
        });
      }
    }
  },
);
