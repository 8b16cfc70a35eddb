import { defineInstructionRule, fix, replace, shipshapeDocs } from '../define';

export default defineInstructionRule(
  {
    id: 'InvalidAs',
    source: 'syntax',
    severity: 'error',
    description: 'FROM stage name not introduced by AS, or AS without a name',
    rationale:
      'A build stage is named with `FROM <image> AS <name>`. A different word in the place of AS, or an AS with nothing after it, makes BuildKit reject the FROM line ("FROM requires either one or three arguments").',
    examples: { bad: 'FROM golang:1.22 AZ build\nRUN go version\n', good: 'FROM golang:1.22 AS build\nRUN go version\n' },
    docs: shipshapeDocs('InvalidAs'),
    fixable: true,
  },
  'FROM',
  (instruction, ctx) => {
    const args = instruction.args;
    if (args.length === 2 && args[1]!.value.toUpperCase() === 'AS') {
      ctx.report({ range: args[1]!.range, message: `\`${args[1]!.value}\` needs a stage name after it: FROM ${args[0]!.value} AS <name>` });
    } else if (args.length >= 3 && args[1]!.value.toUpperCase() !== 'AS') {
      const word = args[1]!.value;
      // A one-letter slip (AZ, ASS, A) is mechanical to fix; another word may mean something else.
      const typo = word.length <= 3 && /^[a-z]*$/i.test(word) && (word.toUpperCase().includes('A') || word.toUpperCase().includes('S'));
      ctx.report({
        range: args[1]!.range,
        message: `Expected AS before the stage name \`${args[2]!.value}\`, found \`${word}\``,
        fixes: typo ? [fix('Change to AS', replace(args[1]!.range, 'AS'))] : [],
      });
    }
  },
);
