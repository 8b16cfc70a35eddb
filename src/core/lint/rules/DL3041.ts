import { defineInstructionRule, hadolintDocs, commandsIn } from '../define';
import { DNF_TOOLS, DNF_VALUED, unpinnedRpms } from '../package-managers';

export default defineInstructionRule(
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
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, ...DNF_TOOLS)) {
      for (const { word, module } of unpinnedRpms(command, DNF_VALUED)) {
        const pkg = word.value;
        ctx.report({
          range: word.range,
          message: module
            ? `Specify the module stream in ${command.name} module install: instead of \`${pkg}\` use \`${pkg}:<stream>\``
            : `Specify version with ${command.name} install: instead of \`${pkg}\` use \`${pkg}-<version>\``,
        });
      }
    }
  },
);
