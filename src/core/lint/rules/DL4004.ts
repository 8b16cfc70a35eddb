import { rangeOf } from '../../dockerfile/model';
import { defineRule, fix, hadolintDocs, replace } from '../define';

export default defineRule(
  {
    id: 'DL4004',
    aliases: ['MultipleInstructionsDisallowed'],
    source: 'hadolint',
    severity: 'error',
    description: 'Multiple `ENTRYPOINT` instructions found',
    rationale:
      'An image has one ENTRYPOINT: when a stage sets it several times, only the last one takes effect and the others are dead code that misleads readers. Keep a single ENTRYPOINT per stage.',
    examples: {
      bad: 'FROM alpine:3.20\nENTRYPOINT ["echo", "one"]\nENTRYPOINT ["echo", "two"]\n',
      good: 'FROM alpine:3.20\nENTRYPOINT ["echo", "two"]\n',
    },
    docs: hadolintDocs('DL4004'),
    fixable: true,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      // Top-level instructions only: ONBUILD ENTRYPOINT belongs to child images.
      const all = stage.instructions.filter((i) => i.keyword === 'ENTRYPOINT');
      for (let k = 1; k < all.length; k++) {
        // Reported on the later ones, as hadolint; BuildKit points at the earlier, ignored one, which the fix removes.
        const earlier = all[k - 1]!;
        const line = earlier.range.start.line;
        ctx.report({
          range: all[k]!.keywordRange,
          message: `Multiple ENTRYPOINT instructions in this stage: only the last one takes effect, the ENTRYPOINT on line ${line + 1} is ignored`,
          fixes: [fix(`Remove the ignored ENTRYPOINT on line ${line + 1}`, replace(rangeOf(line, 0, earlier.range.end.line + 1, 0), ''))],
        });
      }
    }
  },
);
