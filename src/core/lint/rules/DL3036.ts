import { hasMountOver } from '../../dockerfile/mounts';
import type { ShellCommand } from '../../dockerfile/shell';
import { positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, fix, hadolintDocs, insertAt } from '../define';
import { ZYPPER_GLOBAL_VALUED, appendPosition, removesDir } from '../package-managers';

const CACHE_DIR = '/var/cache/zypp';

function subcommandWord(command: ShellCommand) {
  return positionalArgs(command, ZYPPER_GLOBAL_VALUED)[0];
}

export default defineInstructionRule(
  {
    id: 'DL3036',
    source: 'hadolint',
    severity: 'warning',
    description: '`zypper clean` missing after zypper use',
    rationale:
      'zypper keeps downloaded packages and repository metadata in /var/cache/zypp, and whatever a RUN leaves behind is stored in its layer for good. Running `zypper clean` in the same RUN (or mounting a BuildKit cache over /var/cache/zypp) keeps that cache out of the image.',
    examples: {
      bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean\n',
    },
    docs: hadolintDocs('DL3036'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    const script = ctx.shell(instruction);
    if (!script) return;
    const installs = script.commands.filter((c) => c.name === 'zypper' && ['install', 'in'].includes(subcommandWord(c)?.value ?? ''));
    // A BuildKit cache or tmpfs mount over the zypper cache keeps it out of the layer.
    if (installs.length === 0 || hasMountOver(instruction, ['cache', 'tmpfs'], (target) => target.includes(CACHE_DIR))) return;
    const last = installs[installs.length - 1]!;
    const lastIndex = script.commands.indexOf(last);
    // Only a clean after the last install empties what it downloaded; `rm -rf /var/cache/zypp/*` (or a parent) does too.
    const cleaned = script.commands.some(
      (c, i) => i > lastIndex && ((c.name === 'zypper' && ['clean', 'cc'].includes(subcommandWord(c)?.value ?? '')) || removesDir(c, [CACHE_DIR])),
    );
    if (cleaned) return;
    const first = installs[0]!;
    const at = appendPosition(script, last);
    ctx.report({
      range: { start: first.nameWord!.range.start, end: subcommandWord(first)!.range.end },
      message: '`zypper clean` missing after zypper install: add `&& zypper clean` to this RUN, or mount a cache with `--mount=type=cache,target=/var/cache/zypp`',
      fixes: [fix('Append `&& zypper clean`', insertAt(at.line, at.character, ' && zypper clean'))],
    });
  },
);
