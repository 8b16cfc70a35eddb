import { defineRule, hadolintDocs } from '../define';

// Names BuildKit gives a meaning of its own: the empty image and the build context.
const RESERVED = new Set(['scratch', 'context']);

export default defineRule(
  {
    id: 'DL3063',
    source: 'hadolint',
    severity: 'warning',
    description: 'Stage name should not be a reserved word',
    rationale:
      '`scratch` is the empty base image and `context` names the build context in `COPY --from` and `--build-context`. A stage with one of these names makes `FROM scratch` or `COPY --from=context` mean something other than what readers (and some tools) assume.',
    examples: {
      bad: 'FROM golang:1.22 AS scratch\nRUN go build -o /app .\n',
      good: 'FROM golang:1.22 AS build\nRUN go build -o /app .\n',
    },
    docs: hadolintDocs('DL3063'),
    fixable: false,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      // BuildKit compares stage names case-insensitively, so `Scratch` collides too (hadolint: exact case).
      if (!stage.name || !stage.nameRange || !RESERVED.has(stage.name.toLowerCase())) continue;
      ctx.report({
        range: stage.nameRange,
        message: `Stage name \`${stage.name}\` is a reserved word: rename the stage (e.g. \`${stage.name.toLowerCase()}-stage\`)`,
      });
    }
  },
);
