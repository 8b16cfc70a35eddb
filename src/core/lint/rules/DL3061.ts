import { defineRule, hadolintDocs } from '../define';

export default defineRule(
  {
    id: 'DL3061',
    source: 'hadolint',
    severity: 'error',
    description: 'Invalid instruction order. Dockerfile must begin with `FROM`, `ARG` or comment',
    rationale:
      'Every build instruction acts on a stage, and a stage starts with FROM. Only ARG (to parameterise FROM), comments and parser directives may come before it; anything else fails the build.',
    examples: { bad: 'LABEL maintainer="ops@example.com"\nFROM alpine:3.20\n', good: 'FROM alpine:3.20\nLABEL maintainer="ops@example.com"\n' },
    docs: hadolintDocs('DL3061'),
    fixable: false,
  },
  (ctx) => {
    for (const instruction of ctx.model.instructions) {
      if (instruction.keyword === 'FROM') return;
      if (instruction.keyword === 'ARG') continue;
      ctx.report({
        range: instruction.keywordRange,
        message: `Invalid instruction order: ${instruction.keyword} comes before the first FROM; only ARG, comments and parser directives may precede FROM`,
      });
    }
  },
);
