import { buildkitDocs, defineRule, fix, replace } from '../define';

export default defineRule(
  {
    id: 'FromAsCasing',
    source: 'buildkit',
    severity: 'warning',
    description: "The 'as' keyword should match the case of the 'from' keyword",
    rationale:
      'Instructions and their keywords are case-insensitive, but mixing `FROM image as name` reads as if `as` were part of the image reference. Writing AS in the same case as FROM keeps the stage name visibly separate.',
    examples: {
      bad: 'FROM debian:12 as builder\n',
      good: 'FROM debian:12 AS builder\n',
    },
    docs: buildkitDocs('FromAsCasing'),
    fixable: true,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      const from = stage.from.keywordText;
      const as = stage.asText;
      if (!as || !stage.asRange || as.toLowerCase() !== 'as') continue;
      // A mixed-case FROM is ConsistentInstructionCasing's business; nothing to match then.
      const lower = from === from.toLowerCase();
      if (!lower && from !== from.toUpperCase()) continue;
      const wanted = lower ? 'as' : 'AS';
      if (as === wanted) continue;
      ctx.report({
        range: stage.asRange,
        message: `'${as}' and '${from}' keywords' casing do not match: write '${wanted}'`,
        fixes: [fix(`Write '${wanted}'`, replace(stage.asRange, wanted))],
      });
    }
  },
);
