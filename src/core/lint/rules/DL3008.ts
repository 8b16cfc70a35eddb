import { positionalArgs, subcommand } from '../../dockerfile/shell';
import { defineInstructionRule, hadolintDocs, commandsIn } from '../define';
import { APT_GET_VALUED } from '../package-managers';

export default defineInstructionRule(
  {
    id: 'DL3008',
    source: 'hadolint',
    severity: 'warning',
    description: 'Pin versions in apt-get install',
    rationale:
      'Unpinned packages install whatever the mirror has on the day of the build, so two builds of one Dockerfile differ. `apt-get install pkg=1.2.*` keeps builds repeatable and makes upgrades deliberate.',
    examples: {
      bad: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.*\n',
    },
    docs: hadolintDocs('DL3008'),
    fixable: false,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'apt-get')) {
      if (subcommand(command, APT_GET_VALUED) !== 'install') continue;
      for (const pkg of positionalArgs(command, APT_GET_VALUED).slice(1)) {
        // name=version pins, and as hadolint main so does name/release; local .deb files and computed names cannot be judged.
        if (pkg.value.includes('=') || pkg.value.includes('/') || pkg.value.endsWith('.deb') || pkg.dynamic) continue;
        ctx.report({ range: pkg.range, message: `Pin versions in apt-get install: instead of \`${pkg.value}\` use \`${pkg.value}=<version>\`` });
      }
    }
  },
);
