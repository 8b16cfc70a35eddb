import type { Instruction, Position, Range } from '../../dockerfile/model';
import type { ShellCommand, ShellScript } from '../../dockerfile/shell';
import { positionalArgs } from '../../dockerfile/shell';
import { defineRule, fix, hadolintDocs, insertAt, instructionsOf } from '../define';

const TRAILING_GLOB = /\/\*?$/;
const CACHE_DIR = '/var/cache/yum';
/** yum options that take a separate value, so the value is not the subcommand. */
const VALUED = [
  'c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'x', 'exclude', 'installroot', 'releasever', 'enablerepo', 'disablerepo', 'setopt', 'R',
  'randomwait',
];

function subcommandWord(command: ShellCommand) {
  return positionalArgs(command, VALUED)[0];
}

/** The `install` word of `yum install`, `yum module install` or `yum group install`. */
function installWord(command: ShellCommand) {
  if (command.name !== 'yum') return undefined;
  const [first, second] = positionalArgs(command, VALUED);
  if (first?.value === 'install') return first;
  return first && ['module', 'group', 'groups'].includes(first.value) && second?.value === 'install' ? second : undefined;
}

/** A BuildKit cache or tmpfs mount over the yum cache keeps it out of the layer. */
function hasCacheMount(instruction: Instruction): boolean {
  return instruction.flags.some((flag) => {
    if (flag.name.toLowerCase() !== 'mount' || !flag.value) return false;
    const options = new Map(flag.value.split(',').map((part) => [part.split('=')[0]!.trim().toLowerCase(), part.slice(part.indexOf('=') + 1).trim()]));
    const type = options.get('type');
    const target = options.get('target') ?? options.get('dst') ?? options.get('destination') ?? '';
    return (type === 'cache' || type === 'tmpfs') && target.includes(CACHE_DIR);
  });
}

/** `rm -rf /var/cache/yum/*` (or a parent such as `/var/cache/*`) empties the cache too. */
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

/** Where ` && yum clean all` goes: after the install, or after the whole pipeline the install feeds. */
function fixPosition(script: ShellScript, install: ShellCommand): Position {
  if (!install.inPipeline) return install.range.end;
  let end = install.range.end;
  for (const command of script.commands) if (after(command.range.end, end)) end = command.range.end;
  return end;
}

export default defineRule(
  {
    id: 'DL3032',
    source: 'hadolint',
    severity: 'warning',
    description: '`yum clean all` missing after yum command',
    rationale:
      'yum keeps downloaded packages and repository metadata in /var/cache/yum, and whatever a RUN leaves behind is stored in its layer for good. Running `yum clean all` in the same RUN (or mounting a BuildKit cache over /var/cache/yum) keeps that cache out of the image.',
    examples: {
      bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    docs: hadolintDocs('DL3032'),
    fixable: true,
  },
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      const script = ctx.shell(instruction);
      if (!script) continue;
      const installs = script.commands.filter((c) => installWord(c) !== undefined);
      if (installs.length === 0 || hasCacheMount(instruction)) continue;
      const last = installs[installs.length - 1]!;
      const lastIndex = script.commands.indexOf(last);
      // Only a clean after the last install empties what it downloaded.
      const cleaned = script.commands.some((c, i) => i > lastIndex && ((c.name === 'yum' && subcommandWord(c)?.value === 'clean') || removesCache(c)));
      if (cleaned) continue;
      const first = installs[0]!;
      const range: Range = { start: first.nameWord!.range.start, end: installWord(first)!.range.end };
      const at = fixPosition(script, last);
      ctx.report({
        range,
        message: '`yum clean all` missing after yum install: add `&& yum clean all` to this RUN, or mount a cache with `--mount=type=cache,target=/var/cache/yum`',
        fixes: [fix('Append `&& yum clean all`', insertAt(at.line, at.character, ' && yum clean all'))],
      });
    }
  },
);
