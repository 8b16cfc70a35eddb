import type { ShellCommand } from '../../dockerfile/shell';
import { hasFlag, positionalArgs } from '../../dockerfile/shell';
import { defineInstructionRule, fix, hadolintDocs, insertAfter, commandsIn } from '../define';
import { APT_GET_VALUED } from '../package-managers';

const ASSUME_YES_OPTION = /^APT::Get::Assume-Yes=(true|yes|1)$/i;
const QUIET_CLUSTER = /^-[A-Za-z]+$/;
const QUIET_LEVEL = /^(-q|--quiet)=(\d+)$/;

/** apt-get's quiet level: each `-q` (also inside `-qq`, `-yq`) and `--quiet` adds one, `-q=N` and `--quiet=N` set it. */
function quietLevel(command: ShellCommand): number {
  let level = 0;
  for (const { value } of command.args) {
    const set = QUIET_LEVEL.exec(value);
    if (set) level = Number(set[2]);
    else if (value === '--quiet') level++;
    else if (QUIET_CLUSTER.test(value)) level += value.split('q').length - 1;
  }
  return level;
}

export default defineInstructionRule(
  {
    id: 'DL3014',
    source: 'hadolint',
    severity: 'warning',
    description: 'Use the `-y` switch to avoid manual input `apt-get -y install <package>`',
    rationale:
      'A build has no one to answer apt-get\'s "Do you want to continue?" prompt: without -y the install aborts as soon as it needs confirmation, which depends on what the package pulls in. `-y` makes the step non-interactive and predictable.',
    examples: {
      bad: 'FROM debian:12\nRUN apt-get install --no-install-recommends curl=7.88.*\n',
      good: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl=7.88.*\n',
    },
    docs: hadolintDocs('DL3014'),
    fixable: true,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'apt-get')) {
      const install = positionalArgs(command, APT_GET_VALUED)[0];
      if (install?.value !== 'install') continue;
      // As hadolint main, quiet level 2 (`-qq`, `-q -q`, `-q=2`, `--quiet --quiet`) implies -y, one -q does not; hadolint
      // wants exactly two, where apt-get takes any level from 2 up. `-o APT::Get::Assume-Yes=true` is the long way;
      // --force-yes only overrides the safety checks, the confirmation prompt still comes (hadolint main agrees).
      const yes = hasFlag(command, ['y', 'yes', 'assume-yes']) || quietLevel(command) >= 2 || command.args.some((a) => ASSUME_YES_OPTION.test(a.value));
      if (yes) continue;
      ctx.report({
        range: install.range,
        message: 'Use the -y switch to avoid manual input: `apt-get install -y <package>`; without it the build fails when apt-get asks for confirmation',
        fixes: [fix('Add -y to apt-get install', insertAfter(install.range, ' -y'))],
      });
    }
  },
);
