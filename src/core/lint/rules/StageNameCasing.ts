import { allInstructions, rangeOf } from '../../dockerfile/model';
import type { TextEdit } from '../types';
import { buildkitDocs, defineRule, fix, replace } from '../define';

export default defineRule(
  {
    id: 'StageNameCasing',
    source: 'buildkit',
    severity: 'warning',
    description: 'Stage names should be lowercase',
    rationale:
      'Stage names are case-insensitive: BuildKit lowercases them, so `AS Builder` is really `builder`. Writing them in lowercase everywhere keeps `COPY --from=`, `FROM <stage>` and `--target` references recognisably the same name.',
    examples: {
      bad: 'FROM golang:1.22 AS Builder\nRUN go version\nFROM alpine:3.20\nCOPY --from=Builder /usr/local/go/VERSION /\n',
      good: 'FROM golang:1.22 AS builder\nRUN go version\nFROM alpine:3.20\nCOPY --from=builder /usr/local/go/VERSION /\n',
    },
    docs: buildkitDocs('StageNameCasing'),
    fixable: true,
  },
  (ctx) => {
    const model = ctx.model;
    for (const stage of model.stages) {
      const name = stage.name;
      if (!name || !stage.nameRange || name === name.toLowerCase()) continue;
      const lower = name.toLowerCase();
      const edits: TextEdit[] = [replace(stage.nameRange, lower)];
      // Every reference to the stage: FROM <stage> in later stages, COPY --from=, RUN --mount=…,from=.
      for (const later of model.stages) {
        const image = later.image;
        if (later.index > stage.index && image && image.raw.toLowerCase() === lower && image.raw !== lower) edits.push(replace(image.range, lower));
      }
      for (const instruction of allInstructions(model)) {
        for (const flag of instruction.flags) {
          const flagName = flag.name.toLowerCase();
          if (!flag.value || !flag.valueRange) continue;
          if (flagName === 'from' && instruction.keyword === 'COPY' && flag.value.toLowerCase() === lower && flag.value !== lower) {
            edits.push(replace(flag.valueRange, lower));
          }
          if (flagName === 'mount' && instruction.keyword === 'RUN' && flag.valueRange.start.line === flag.valueRange.end.line) {
            let offset = 0;
            for (const option of flag.value.split(',')) {
              const [key = '', value = ''] = option.split('=', 2);
              if (key.trim().toLowerCase() === 'from' && value.toLowerCase() === lower && value !== lower) {
                const start = flag.valueRange.start.character + offset + option.indexOf('=') + 1;
                edits.push(replace(rangeOf(flag.valueRange.start.line, start, flag.valueRange.start.line, start + value.length), lower));
              }
              offset += option.length + 1;
            }
          }
        }
      }
      const references = edits.length - 1;
      ctx.report({
        range: stage.nameRange,
        message: `Stage name '${name}' should be lowercase`,
        fixes: [fix(references > 0 ? `Rename to '${lower}' (and ${references} reference${references > 1 ? 's' : ''})` : `Rename to '${lower}'`, ...edits)],
      });
    }
  },
);
