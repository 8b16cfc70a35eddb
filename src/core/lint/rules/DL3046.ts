import type { ShellCommand, ShellWord } from '../../dockerfile/shell';
import { defineInstructionRule, fix, hadolintDocs, insertAfter, commandsIn } from '../define';

const CLUSTER_ENDING_IN_U = /^-[A-Za-z]*u$/;
const ATTACHED_UID = /^-u\d/;
const CLUSTER_WITH_L = /^-[A-Za-z]*l[A-Za-z]*$/;

/** The UID given with -u/--uid (`-u 1000`, `-u1000`, `--uid 1000`, `--uid=1000`), or undefined. */
function uidWord(command: ShellCommand): { word: ShellWord; value: string } | undefined {
  for (let i = 0; i < command.args.length; i++) {
    const arg = command.args[i]!;
    const value = arg.value;
    if (value === '-u' || value === '--uid') return command.args[i + 1] ? { word: command.args[i + 1]!, value: command.args[i + 1]!.value } : undefined;
    if (value.startsWith('--uid=')) return { word: arg, value: value.slice('--uid='.length) };
    // A cluster of short options ending in u (`-ou`) takes the next word; `-u1000` carries it.
    if (CLUSTER_ENDING_IN_U.test(value)) return command.args[i + 1] ? { word: command.args[i + 1]!, value: command.args[i + 1]!.value } : undefined;
    if (ATTACHED_UID.test(value)) return { word: arg, value: value.slice(2) };
  }
  return undefined;
}

/** -l / --no-log-init, alone or in a cluster of short options without a value (`-lm`). */
function hasNoLogInit(command: ShellCommand): boolean {
  return command.args.some((a) => a.value === '--no-log-init' || CLUSTER_WITH_L.test(a.value));
}

export default defineInstructionRule(
  {
    id: 'DL3046',
    source: 'hadolint',
    severity: 'warning',
    description: '`useradd` without flag `-l` and high UID will result in excessively large Image',
    rationale:
      'useradd records every user in /var/log/lastlog and /var/log/faillog, sparse files indexed by UID. Docker does not keep files sparse in layers, so a UID like 100000 turns them into many megabytes of zeros. `useradd -l` (--no-log-init) skips those records.',
    examples: {
      bad: 'FROM debian:12\nRUN useradd -u 123456 app\n',
      good: 'FROM debian:12\nRUN useradd -l -u 123456 app\n',
    },
    docs: hadolintDocs('DL3046'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'useradd')) {
      if (!command.nameWord || hasNoLogInit(command)) continue;
      const uid = uidWord(command);
      // As hadolint: a UID of more than 5 characters is high; a computed UID cannot be judged.
      if (!uid || uid.word.dynamic || uid.value.length <= 5) continue;
      ctx.report({
        range: uid.word.range,
        message: `\`useradd\` with the high UID ${uid.value} and without \`-l\` writes huge lastlog/faillog files into the image: use \`useradd -l\``,
        fixes: [fix('Add -l (--no-log-init)', insertAfter(command.nameWord.range, ' -l'))],
      });
    }
  },
);
