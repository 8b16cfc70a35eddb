import type { Instruction, Position } from '../../dockerfile/model';
import type { ShellCommand, ShellScript } from '../../dockerfile/shell';
import { positionalArgs } from '../../dockerfile/shell';
import { defineRule, fix, hadolintDocs, insertAt, instructionsOf } from '../define';

const TRAILING_GLOB = /\/\*?$/;
const CACHE_DIR = '/var/cache/zypp';
/** zypper's global options that take a separate value, so the value is not the subcommand. */
const GLOBAL_VALUED = [
  'c', 'config', 'userdata', 'D', 'reposd-dir', 'C', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'R', 'root', 'installroot',
  'releasever',
];

function subcommandWord(command: ShellCommand) {
  return positionalArgs(command, GLOBAL_VALUED)[0];
}

/** A BuildKit cache or tmpfs mount over the zypper cache keeps it out of the layer. */
function hasCacheMount(instruction: Instruction): boolean {
  return instruction.flags.some((flag) => {
    if (flag.name.toLowerCase() !== 'mount' || !flag.value) return false;
    const options = new Map(flag.value.split(',').map((part) => [part.split('=')[0]!.trim().toLowerCase(), part.slice(part.indexOf('=') + 1).trim()]));
    const type = options.get('type');
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '';
    return (type === 'cache' || type === 'tmpfs') && target.includes(CACHE_DIR);
  });
}

/** `rm -rf /var/cache/zypp/*` (or a parent such as `/var/cache/*`) empties the cache too. */
function removesCache(command: ShellCommand): boolean {
  if (command.name !== 'rm') return false;
  return positionalArgs(command).some((arg) => {
    const path = arg.value.replace(TRAILING_GLOB, '');
    return path.startsWith(CACHE_DIR) || (path.length >= '/var/cache'.length && CACHE_DIR.startsWith(path));
  });
}

function after(a: Position, b: Position): boolean {
  return a.line > b.line || (a.line === b.line && a.character > b.character);
}

/** Where ` && zypper clean` goes: after the install, or after the whole pipeline the install feeds. */
function fixPosition(script: ShellScript, install: ShellCommand): Position {
  if (!install.inPipeline) return install.range.end;
  let end = install.range.end;
  for (const command of script.commands) if (after(command.range.end, end)) end = command.range.end;
  return end;
}

export default defineRule(
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
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      const script = ctx.shell(instruction);
      if (!script) continue;
      const installs = script.commands.filter((c) => c.name === 'zypper' && ['install', 'in'].includes(subcommandWord(c)?.value ?? ''));
      if (installs.length === 0 || hasCacheMount(instruction)) continue;
      const last = installs[installs.length - 1]!;
      const lastIndex = script.commands.indexOf(last);
      // Only a clean after the last install empties what it downloaded.
      const cleaned = script.commands.some(
        (c, i) => i > lastIndex && ((c.name === 'zypper' && ['clean', 'cc'].includes(subcommandWord(c)?.value ?? '')) || removesCache(c)),
      );
      if (cleaned) continue;
      const first = installs[0]!;
      const at = fixPosition(script, last);
      ctx.report({
        range: { start: first.nameWord!.range.start, end: subcommandWord(first)!.range.end },
        message: '`zypper clean` missing after zypper install: add `&& zypper clean` to this RUN, or mount a cache with `--mount=type=cache,target=/var/cache/zypp`',
        fixes: [fix('Append `&& zypper clean`', insertAt(at.line, at.character, ' && zypper clean'))],
      });
    }
  },
);
