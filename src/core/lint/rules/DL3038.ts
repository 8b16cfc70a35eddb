import { hasFlag } from '../../dockerfile/shell';
import { defineInstructionRule, fix, hadolintDocs, insertAfter, commandsIn } from '../define';
import { DNF_INSTALLS, DNF_TOOLS, DNF_VALUED, rpmInstall } from '../package-managers';

/** hadolint main's install, groupinstall and localinstall, and the aliases and upgrades it lists for DL3040: all of them ask. */
const INSTALLS = [...DNF_INSTALLS, 'groupinstall', 'localinstall'];

export default defineInstructionRule(
  {
    id: 'DL3038',
    source: 'hadolint',
    severity: 'warning',
    description: 'Use the -y switch to avoid manual input `dnf install -y <package>`',
    rationale:
      'A build has no one to answer prompts: without -y dnf asks "Is this ok [y/N]", reads end of input as no, and the build fails. `dnf install -y` answers yes for you.',
    examples: {
      bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    docs: hadolintDocs('DL3038'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, ...DNF_TOOLS)) {
      if (!command.nameWord) continue;
      // `dnf install` (or `in`, `upgrade`, `reinstall` …), `dnf groupinstall`, `dnf localinstall`, and `dnf module|group install`.
      const install = rpmInstall(command, DNF_VALUED, INSTALLS);
      if (!install || hasFlag(command, ['y', 'assumeyes'])) continue;
      const sub = install.word;
      ctx.report({
        range: { start: command.nameWord.range.start, end: sub.range.end },
        message: `Use the -y switch to avoid manual input: \`${command.name} ${(install.group ?? sub).value}${install.group ? ' install' : ''} -y …\``,
        fixes: [fix('Add -y', insertAfter(sub.range, ' -y'))],
      });
    }
  },
);
