import { positionalArgs } from '../../dockerfile/shell';
import { defineRule, hadolintDocs, instructionsOf } from '../define';

/** zypper's global options that take a separate value, so the value is not the subcommand. */
const GLOBAL_VALUED = [
  'c', 'config', 'userdata', 'D', 'reposd-dir', 'C', 'cache-dir', 'raw-cache-dir', 'solv-cache-dir', 'pkg-cache-dir', 'R', 'root', 'installroot',
  'releasever',
];

export default defineRule(
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
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      const script = ctx.shell(instruction);
      if (!script) continue;
      for (const command of script.commands) {
        if (command.name !== 'zypper') continue;
        const sub = positionalArgs(command, GLOBAL_VALUED)[0];
        if (sub?.value !== 'dist-upgrade' && sub?.value !== 'dup') continue;
        ctx.report({
          range: sub.range,
          message: `Do not use \`zypper ${sub.value}\`: pick a newer base image instead, and install only the packages you need`,
        });
      }
    }
  },
);
