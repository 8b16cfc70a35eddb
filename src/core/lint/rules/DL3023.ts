import { flagNamed } from '../../dockerfile/flags';
import { trimQuotes } from '../../dockerfile/quotes';
import { defineRule, hadolintDocs } from '../define';

export default defineRule(
  {
    id: 'DL3023',
    source: 'hadolint',
    severity: 'error',
    description: 'COPY --from cannot reference its own FROM alias',
    rationale:
      'A stage cannot copy from itself: the files it would copy are the ones it is still building, and Docker rejects the circular reference. Copy from an earlier stage, or use a plain COPY or RUN cp inside the stage.',
    examples: {
      bad: 'FROM node:20 AS build\nCOPY --from=build /src /app\n',
      good: 'FROM node:20 AS deps\nRUN npm ci\nFROM node:20 AS build\nCOPY --from=deps /node_modules /app/node_modules\n',
    },
    docs: hadolintDocs('DL3023'),
    fixable: false,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      const own = stage.name?.toLowerCase();
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY') continue;
        const flag = flagNamed(instruction, 'from');
        if (!flag?.value) continue;
        const value = trimQuotes(flag.value);
        // Stage names are case-insensitive; the stage's own index is the same mistake spelled as a number.
        if (value.toLowerCase() !== own && value !== String(stage.index)) continue;
        const line = stage.from.range.start.line + 1;
        ctx.report({
          range: flag.valueRange ?? flag.range,
          message: `COPY --from cannot reference its own FROM alias: \`${value}\` is the stage this COPY is in (line ${line}); copy from an earlier stage`,
        });
      }
    }
  },
);
