import { defineInstructionRule, hadolintDocs, commandsIn } from '../define';

export default defineInstructionRule(
  {
    id: 'DL3003',
    source: 'hadolint',
    severity: 'warning',
    description: 'Use WORKDIR to switch to a directory',
    rationale:
      'A `cd` inside RUN only lasts for that one step, so later steps silently run somewhere else, and long `cd a && … && cd ..` chains are hard to follow. WORKDIR sets the directory for every following instruction and creates it when missing.',
    examples: {
      bad: 'FROM node:20\nCOPY . /app\nRUN cd /app && npm ci\n',
      good: 'FROM node:20\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
    },
    docs: hadolintDocs('DL3003'),
    fixable: false,
  },
  'RUN',
  (instruction, ctx) => {
    for (const command of commandsIn(ctx, instruction, 'cd')) {
      const target = command.args[0]?.value;
      ctx.report({
        range: command.nameWord!.range,
        message: target
          ? `Use WORKDIR ${target} instead of \`cd ${target}\`: a cd only lasts for this RUN`
          : 'Use WORKDIR to switch to a directory instead of `cd`: a cd only lasts for this RUN',
      });
    }
  },
);
