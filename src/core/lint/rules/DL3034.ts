import { hasFlag, positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, fix, hadolintDocs, insertAfter, commandsIn } from '../define';
import { ZYPPER_GLOBAL_VALUED } from '../package-managers';

/** Subcommands (and their aliases) that stop to ask for confirmation. */
const ASKING = new Set(['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch']);

export default defineInstructionRule(
  {
    id: 'DL3034',
    source: 'hadolint',
    severity: 'warning',
    description: 'Non-interactive switch missing from `zypper` command: `zypper install -y`',
    rationale:
      'A build has no one to answer prompts: without a non-interactive switch zypper waits for a confirmation that never comes, or gives up, and the build fails. `zypper --non-interactive install …` (or `install -y`) answers for you.',
    examples: {
      bad: 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.58 && zypper clean\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean\n',
    },
    docs: hadolintDocs('DL3034'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'zypper')) {
      if (!command.nameWord) continue;
      const sub = positionalArgs(command, ZYPPER_GLOBAL_VALUED)[0];
      if (!sub || !ASKING.has(sub.value)) continue;
      // -n/--non-interactive is global; -y/--no-confirm belongs to the subcommand: either will do.
      if (hasFlag(command, ['n', 'non-interactive', 'y', 'no-confirm'])) continue;
      ctx.report({
        range: { start: command.nameWord.range.start, end: sub.range.end },
        message: `Non-interactive switch missing from \`zypper ${sub.value}\`: use \`zypper --non-interactive ${sub.value}\` (or \`zypper ${sub.value} -y\`)`,
        // The global switch is valid for every subcommand, unlike -y.
        fixes: [fix('Add --non-interactive', insertAfter(command.nameWord.range, ' --non-interactive'))],
      });
    }
  },
);
