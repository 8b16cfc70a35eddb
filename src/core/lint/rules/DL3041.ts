import { commandsIn, defineRule, hadolintDocs, instructionsOf } from '../define';
import { DNF_PINNABLE, DNF_TOOLS, DNF_VALUED, namesSetBefore, unpinnedRpms } from '../package-managers';

export default defineRule(
  {
    id: 'DL3041',
    source: 'hadolint',
    severity: 'warning',
    description: 'Specify version with `dnf install -y <package>-<version>`',
    rationale:
      'Unpinned packages install whatever the repository holds on the day of the build, so two builds of one Dockerfile can differ. `dnf install -y httpd-2.4.62` (and `dnf module install nodejs:20`) keeps builds repeatable and makes upgrades deliberate.',
    examples: {
      bad: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
    docs: hadolintDocs('DL3041'),
    fixable: false,
  },
  // A whole-file rule: an ENV or ARG earlier in the stage can pin `pkg-${VERSION}`, so a RUN's findings depend on more than its text.
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      const commands = commandsIn(ctx, instruction, ...DNF_TOOLS);
      if (commands.length === 0) continue;
      const defined = namesSetBefore(instruction);
      for (const command of commands) {
        // `dnf install` or its alias `dnf in`; `pkg-${VERSION}` is pinned when VERSION is set in scope.
        for (const { word, module } of unpinnedRpms(command, DNF_VALUED, defined, DNF_PINNABLE)) {
          const pkg = word.value;
          ctx.report({
            range: word.range,
            message: module
              ? `Specify the module stream in ${command.name} module install: instead of \`${pkg}\` use \`${pkg}:<stream>\``
              : `Specify version with ${command.name} install: instead of \`${pkg}\` use \`${pkg}-<version>\``,
          });
        }
      }
    }
  },
);
