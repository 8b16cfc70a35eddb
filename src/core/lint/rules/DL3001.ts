import { defineInstructionRule, hadolintDocs, commandsIn } from '../define';

/** Commands that make no sense in a build step, with the reason shown to the user. */
const POINTLESS = new Map<string, string>([
  ['ssh', 'it needs an interactive session, and a build should get what it needs from the build context or a secret mount'],
  ['vim', 'it is an interactive editor and a build has no terminal; edit files with sed or COPY them in'],
  ['top', 'it is interactive and shows processes of a container that only lives for this step'],
  ['shutdown', 'a build step has no machine to shut down'],
  ['service', 'no init system runs during a build and a started service dies when the step ends'],
  ['ps', 'only the processes of this one build step exist'],
  ['free', 'it reports the memory of the build machine, not of the containers that will run the image'],
  ['kill', 'processes of a build step end with the step anyway'],
  ['mount', 'a build step has no privileges to mount and nothing mounted would be kept in the image'],
]);

export default defineInstructionRule(
  {
    id: 'DL3001',
    source: 'hadolint',
    severity: 'info',
    description: 'For some bash commands it makes no sense running them in a Docker container like ssh, vim, shutdown, service, ps, free, top, kill, mount',
    rationale:
      'A RUN step executes once, without a terminal, an init system or privileges, in a container that is thrown away when the step ends. Interactive tools, service managers and process inspection do nothing useful there and usually mean the step does not do what its author thinks.',
    examples: {
      bad: 'FROM debian:12\nRUN service nginx start\n',
      good: 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
    docs: hadolintDocs('DL3001'),
    fixable: false,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction)) {
      const reason = POINTLESS.get(command.name);
      if (!reason || !command.nameWord) continue;
      ctx.report({ range: command.nameWord.range, message: `Do not run \`${command.name}\` in a Docker build: ${reason}` });
    }
  },
);
