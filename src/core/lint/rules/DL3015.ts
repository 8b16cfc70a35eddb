import { hasFlag, positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, fix, hadolintDocs, insertAfter, commandsIn } from '../define';
import { APT_GET_VALUED } from '../package-managers';

const NO_RECOMMENDS_OPTION = /^APT::Install-Recommends=(false|no|0)$/i;

export default defineInstructionRule(
  {
    id: 'DL3015',
    source: 'hadolint',
    severity: 'info',
    description: 'Avoid additional packages by specifying `--no-install-recommends`',
    rationale:
      'By default apt-get also installs every "recommended" package, often doubling the size of an image with documentation, GUIs and tools nothing uses. `--no-install-recommends` installs only what you asked for and its hard dependencies.',
    examples: {
      bad: 'FROM debian:12\nRUN apt-get install -y curl=7.88.*\n',
      good: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.*\n',
    },
    docs: hadolintDocs('DL3015'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'apt-get')) {
      const install = positionalArgs(command, APT_GET_VALUED)[0];
      if (install?.value !== 'install') continue;
      if (hasFlag(command, 'no-install-recommends') || command.args.some((a) => NO_RECOMMENDS_OPTION.test(a.value))) continue;
      ctx.report({
        range: install.range,
        message: 'Avoid additional packages by specifying `--no-install-recommends`: `apt-get install --no-install-recommends <package>`',
        fixes: [fix('Add --no-install-recommends to apt-get install', insertAfter(install.range, ' --no-install-recommends'))],
      });
    }
  },
);
