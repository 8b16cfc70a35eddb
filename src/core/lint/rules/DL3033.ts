import { commandsIn, defineRule, hadolintDocs, instructionsOf } from '../define';
import { YUM_VALUED, namesSetBefore, unpinnedRpms } from '../package-managers';

export default defineRule(
  {
    id: 'DL3033',
    source: 'hadolint',
    severity: 'warning',
    description: 'Specify version with `yum install -y <package>-<version>`',
    rationale:
      'Unpinned packages install whatever the repository holds on the day of the build, so two builds of one Dockerfile can differ. `yum install -y httpd-2.4.6` (and `yum module install nodejs:18`) keeps builds repeatable and makes upgrades deliberate.',
    examples: {
      bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    docs: hadolintDocs('DL3033'),
    fixable: false,
  },
  // A whole-file rule: an ENV or ARG earlier in the stage can pin `pkg-${VERSION}`, so a RUN's findings depend on more than its text.
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      const commands = commandsIn(ctx, instruction, 'yum');
      if (commands.length === 0) continue;
      const defined = namesSetBefore(instruction);
      for (const command of commands) {
        // `pkg-${VERSION}` is pinned when VERSION is set in scope.
        for (const { word, module } of unpinnedRpms(command, YUM_VALUED, defined)) {
          const pkg = word.value;
          ctx.report({
            range: word.range,
            message: module
              ? `Specify the module stream in yum module install: instead of \`${pkg}\` use \`${pkg}:<stream>\``
              : `Specify version with yum install: instead of \`${pkg}\` use \`${pkg}-<version>\``,
          });
        }
      }
    }
  },
);
