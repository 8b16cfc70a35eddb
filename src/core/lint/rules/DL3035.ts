import { positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, hadolintDocs, commandsIn } from '../define';
import { ZYPPER_GLOBAL_VALUED } from '../package-managers';

export default defineInstructionRule(
  {
    id: 'DL3035',
    source: 'hadolint',
    severity: 'warning',
    description: 'Do not use `zypper dist-upgrade`',
    rationale:
      'A distribution upgrade inside a build swaps the base image\'s release for whatever the repositories offer that day: the image no longer matches its tag, builds stop being repeatable, and a large layer duplicates most of the base. Choose a newer base image instead, and install or update only the packages you need.',
    examples: {
      bad: 'FROM opensuse/leap:15.6\nRUN zypper dist-upgrade -y\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean\n',
    },
    docs: hadolintDocs('DL3035'),
    fixable: false,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'zypper')) {
      const sub = positionalArgs(command, ZYPPER_GLOBAL_VALUED)[0];
      if (sub?.value !== 'dist-upgrade' && sub?.value !== 'dup') continue;
      ctx.report({
        range: sub.range,
        message: `Do not use \`zypper ${sub.value}\`: pick a newer base image instead, and install only the packages you need`,
      });
    }
  },
);
