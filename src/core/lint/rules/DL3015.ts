import { commandsNamed, hasFlag, positionalArgs } from '../../dockerfile/shell';
import { defineRule, fix, hadolintDocs, insertAt, instructionsOf } from '../define';

/** apt-get options that take a value, so their value is not the subcommand. */
const VALUED = ['o', 'option', 'c', 'config-file', 't', 'target-release', 'default-release', 'a', 'host-architecture'];
const NO_RECOMMENDS_OPTION = /^APT::Install-Recommends=(false|no|0)$/i;

export default defineRule(
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
  (ctx) => {
    for (const instruction of instructionsOf(ctx.model, 'RUN')) {
      const script = ctx.shell(instruction);
      if (!script) continue;
      for (const command of commandsNamed(script, 'apt-get')) {
        const install = positionalArgs(command, VALUED)[0];
        if (install?.value !== 'install') continue;
        if (hasFlag(command, 'no-install-recommends') || command.args.some((a) => NO_RECOMMENDS_OPTION.test(a.value))) continue;
        const end = install.range.end;
        ctx.report({
          range: install.range,
          message: 'Avoid additional packages by specifying `--no-install-recommends`: `apt-get install --no-install-recommends <package>`',
          fixes: [fix('Add --no-install-recommends to apt-get install', insertAt(end.line, end.character, ' --no-install-recommends'))],
        });
      }
    }
  },
);
