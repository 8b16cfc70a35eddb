import { buildkitDocs, defineRule } from '../define';

/** Names BuildKit gives a meaning of its own: the empty image and the build context. */
const RESERVED = new Set(['context', 'scratch']);

export default defineRule(
  {
    id: 'ReservedStageName',
    source: 'buildkit',
    severity: 'warning',
    description: 'Reserved words should not be used as stage names',
    rationale:
      '`scratch` is the empty base image and `context` names the build context (for example in `--build-context`). A stage with one of those names makes `FROM scratch` or `COPY --from=context` mean something else than readers expect.',
    examples: {
      bad: 'FROM alpine:3.20 AS scratch\nRUN echo hello > /hello\n',
      good: 'FROM alpine:3.20 AS base\nRUN echo hello > /hello\n',
    },
    docs: buildkitDocs('ReservedStageName'),
    fixable: false,
    fileLevelCheck: true,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      const name = stage.name?.toLowerCase();
      if (!name || !stage.nameRange || !RESERVED.has(name)) continue;
      ctx.report({ range: stage.nameRange, message: `Stage name should not use the same name as reserved stage "${name}": rename the stage` });
    }
  },
);
