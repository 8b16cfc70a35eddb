import { commandsNamed, hasFlag, positionalArgs } from '../../dockerfile/shell';
import { defineRule, fix, hadolintDocs, insertAt, instructionsOf } from '../define';

/** yum options that take a value, so their value is not the subcommand. */
const VALUED = [
  'c', 'config', 'd', 'debuglevel', 'e', 'errorlevel', 'R', 'randomwait', 'installroot', 'enablerepo', 'disablerepo', 'x', 'exclude', 'releasever', 'setopt',
];
const INSTALLS = new Set(['install', 'groupinstall', 'localinstall']);

export default defineRule(
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
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      const script = ctx.shell(instruction);
      if (!script) continue;
      for (const command of commandsNamed(script, 'yum')) {
        const sub = positionalArgs(command, VALUED)[0];
        if (!sub || !INSTALLS.has(sub.value) || hasFlag(command, 'y', 'assumeyes')) continue;
        const end = sub.range.end;
        ctx.report({
          range: sub.range,
          message: `Use the -y switch to avoid manual input: \`yum ${sub.value} -y <package>\`; without it the build fails at yum's confirmation prompt`,
          fixes: [fix(`Add -y to yum ${sub.value}`, insertAt(end.line, end.character, ' -y'))],
        });
      }
    }
  },
);
