import type { ShellCommand } from '../../dockerfile/shell';
import { hasFlag } from '../../dockerfile/shell';
import { defineInstructionRule, fix, hadolintDocs, insertAfter, commandsIn } from '../define';

/** wget's short options that take a value: the rest of a cluster after one of them is that value (`-O-`, `-o/tmp/log`). */
const SHORT_VALUED = 'oaiBtOTwQePUlARDXI';
/** -nv, -nc, -nd, -nH …: after -n comes an option name, not a cluster. */
const NO_OPTION = /^-n[a-zA-Z]/;
/** hadolint's list: --progress, or an option that quiets or redirects wget's output. */
const QUIET = ['q', 'o', 'a', 'progress', 'quiet', 'no-verbose', 'output-file', 'append-output'];

function isQuiet(command: ShellCommand): boolean {
  if (command.args.some((a) => a.value === '-nv')) return true;
  return hasFlag({ ...command, args: command.args.filter((a) => !NO_OPTION.test(a.value)) }, QUIET, SHORT_VALUED);
}

export default defineInstructionRule(
  {
    id: 'DL3047',
    source: 'hadolint',
    severity: 'info',
    description: 'Avoid use of wget without progress bar: use `wget --progress=dot:giga <url>`, or -q / -nv',
    rationale:
      'Without a terminal wget falls back to its dot progress display, printing a line per few kilobytes: a large download floods the build log with thousands of lines. `--progress=dot:giga` prints a dot per megabyte, and `-q` or `-nv` keep it quiet.',
    examples: {
      bad: 'FROM debian:12\nRUN wget https://example.com/big.tar.gz\n',
      good: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/big.tar.gz\n',
    },
    docs: hadolintDocs('DL3047'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'wget')) {
      if (!command.nameWord || isQuiet(command)) continue;
      ctx.report({
        range: command.nameWord.range,
        message: 'Avoid use of wget without progress bar: use `wget --progress=dot:giga <url>`, or `-q` / `-nv` to keep the build log short',
        fixes: [fix('Add --progress=dot:giga', insertAfter(command.nameWord.range, ' --progress=dot:giga'))],
      });
    }
  },
);
