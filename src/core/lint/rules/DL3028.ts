import { positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, hadolintDocs, commandsIn } from '../define';
import { GEM_INSTALL_VALUED } from '../package-managers';

const VERSION_OPTION = /^(-v|--version)(=.*)?$/;

export default defineInstructionRule(
  {
    id: 'DL3028',
    source: 'hadolint',
    severity: 'warning',
    description: 'Pin versions in gem install. Instead of `gem install <gem>` use `gem install <gem>:<version>`',
    rationale:
      'Without a version `gem install` takes the newest release at build time, so rebuilding the same Dockerfile can bring in a breaking major version. `gem install rails:7.1.3` (or `-v`) keeps builds repeatable.',
    examples: {
      bad: 'FROM ruby:3.3\nRUN gem install bundler\n',
      good: 'FROM ruby:3.3\nRUN gem install bundler:2.5.11\n',
    },
    docs: hadolintDocs('DL3028'),
    fixable: false,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'gem')) {
      // Everything after `--` goes to the gem's build, not to gem install.
      const end = command.args.findIndex((a) => a.value === '--');
      const own = { ...command, args: end < 0 ? command.args : command.args.slice(0, end) };
      const positional = positionalArgs(own, GEM_INSTALL_VALUED);
      const sub = positional[0]?.value;
      // As hadolint, a -v/--version anywhere pins the gems of the command.
      if ((sub !== 'install' && sub !== 'i') || own.args.some((a) => VERSION_OPTION.test(a.value))) continue;
      for (const gem of positional.slice(1)) {
        // hadolint's spec lets `--use-system-libraries true` pass: a bare boolean is an option's value, not a gem.
        if (gem.dynamic || gem.value.includes(':') || gem.value === 'true' || gem.value === 'false') continue;
        ctx.report({ range: gem.range, message: `Pin versions in gem install: instead of \`${gem.value}\` use \`${gem.value}:<version>\`` });
      }
    }
  },
);
