import type { ShellCommand } from '../../dockerfile/shell';
import { defineRule, fix, hadolintDocs, insertAt, instructionsOf } from '../define';

/** wget's short options that take a value: the rest of a cluster after them is that value (`-O-`, `-o/tmp/log`). */
const SHORT_CLUSTER = /^-[^-]/;
const QUIET_LONG = /^--(progress|quiet|no-verbose|output-file|append-output)(=|$)/;
const NO_OPTION = /^-n[a-zA-Z]/;
const SHORT_VALUED = new Set('oaiBtOTwQePUlARDXI');

/** Short option letters of a word such as `-qO-` (q, O), up to the first one that takes a value. */
function shortLetters(word: string): string[] {
  if (!SHORT_CLUSTER.test(word)) return [];
  const out: string[] = [];
  for (const ch of word.slice(1)) {
    out.push(ch);
    if (SHORT_VALUED.has(ch)) break;
  }
  return out;
}

/** --progress, or an option that quiets or redirects wget's output (hadolint's list). */
function isQuiet(command: ShellCommand): boolean {
  return command.args.some((a) => {
    const value = a.value;
    if (value === '-nv' || QUIET_LONG.test(value)) return true;
    if (NO_OPTION.test(value)) return false; // -nv handled above; -nc, -nd, -nH … are not quiet
    const letters = shortLetters(value);
    return letters.includes('q') || letters.includes('o') || letters.includes('a');
  });
}

export default defineRule(
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
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      const script = ctx.shell(instruction);
      if (!script) continue;
      for (const command of script.commands) {
        if (command.name !== 'wget' || !command.nameWord || isQuiet(command)) continue;
        const at = command.nameWord.range.end;
        ctx.report({
          range: command.nameWord.range,
          message: 'Avoid use of wget without progress bar: use `wget --progress=dot:giga <url>`, or `-q` / `-nv` to keep the build log short',
          fixes: [fix('Add --progress=dot:giga', insertAt(at.line, at.character, ' --progress=dot:giga'))],
        });
      }
    }
  },
);
