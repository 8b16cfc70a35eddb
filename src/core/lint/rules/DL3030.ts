import { hasFlag } from '../../dockerfile/shell';
import { defineInstructionRule, fix, hadolintDocs, insertAfter, commandsIn } from '../define';
import { YUM_VALUED, rpmInstall } from '../package-managers';

const INSTALLS = ['install', 'groupinstall', 'localinstall'];

export default defineInstructionRule(
  {
    id: 'DL3030',
    source: 'hadolint',
    severity: 'warning',
    description: 'Use the -y switch to avoid manual input `yum install -y <package>`',
    rationale:
      'yum asks for confirmation before installing, and a build has no one to answer: without -y the step fails (or hangs until it times out). `-y` makes the install non-interactive.',
    examples: {
      bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
    docs: hadolintDocs('DL3030'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'yum')) {
      // As hadolint main: install, groupinstall and localinstall, and the install of `yum module|group install`.
      const install = rpmInstall(command, YUM_VALUED, INSTALLS);
      if (!install || hasFlag(command, ['y', 'assumeyes'])) continue;
      const sub = install.word;
      const shown = install.group ? `${install.group.value} install` : sub.value;
      ctx.report({
        range: sub.range,
        message: `Use the -y switch to avoid manual input: \`yum ${shown} -y <package>\`; without it the build fails at yum's confirmation prompt`,
        fixes: [fix(`Add -y to yum ${sub.value}`, insertAfter(sub.range, ' -y'))],
      });
    }
  },
);
