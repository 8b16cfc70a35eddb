import { subcommand } from '../../dockerfile/shell';
import type { Fix } from '../types';
import { defineInstructionRule, fix, hadolintDocs, replace, commandsIn } from '../define';
import { APT_GET_VALUED } from '../package-managers';

/** apt subcommands and the script-safe tool that does the same; `list` has no one-word equivalent. */
const APT_GET = ['install', 'update', 'upgrade', 'remove', 'purge', 'autoremove', 'autoclean', 'clean', 'dist-upgrade', 'source', 'build-dep', 'download'];
const APT_CACHE = ['search', 'show', 'showsrc', 'policy', 'depends', 'rdepends', 'madison', 'pkgnames', 'stats'];
const EQUIVALENT = new Map<string, string>([
  ...[...APT_GET, 'check', 'satisfy', 'changelog'].map((s): [string, string] => [s, 'apt-get']),
  ...APT_CACHE.map((s): [string, string] => [s, 'apt-cache']),
]);

export default defineInstructionRule(
  {
    id: 'DL3027',
    source: 'hadolint',
    severity: 'warning',
    description: 'Do not use apt as it is meant to be a end-user tool, use apt-get or apt-cache instead',
    rationale:
      'apt is the interactive front end: its output and behaviour may change between releases and it warns that it "does not have a stable CLI interface". apt-get and apt-cache are the stable, scriptable tools meant for builds.',
    examples: {
      bad: 'FROM debian:12\nRUN apt update\n',
      good: 'FROM debian:12\nRUN apt-get update\n',
    },
    docs: hadolintDocs('DL3027'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'apt')) {
      const sub = subcommand(command, APT_GET_VALUED) ?? '';
      // `apt full-upgrade` is apt-get's dist-upgrade under another name.
      const tool = sub === 'full-upgrade' ? 'apt-get' : EQUIVALENT.get(sub);
      const instead = tool ? `\`${tool}${sub ? ` ${sub === 'full-upgrade' ? 'dist-upgrade' : sub}` : ''}\`` : 'apt-get or apt-cache';
      const name = command.nameWord!;
      const fixes: Fix[] = [];
      if (tool) {
        const edits = [replace(name.range, tool)];
        if (sub === 'full-upgrade') {
          const word = command.args.find((a) => a.value === 'full-upgrade')!;
          edits.push(replace(word.range, 'dist-upgrade'));
        }
        fixes.push(fix(`Use ${tool} instead of apt`, ...edits));
      }
      ctx.report({
        range: name.range,
        message: `Do not use apt as it is meant to be an end-user tool: use ${instead} instead`,
        fixes,
      });
    }
  },
);
