import { hadolintDocs, defineRule } from '../define';
import { OVERRIDDEN_STAGES, reportOverridden } from '../overridden';

export default defineRule(
  {
    id: 'DL4004',
    aliases: ['MultipleInstructionsDisallowed'],
    source: 'hadolint',
    severity: 'error',
    description: 'Multiple `ENTRYPOINT` instructions found',
    rationale:
      'An image has one ENTRYPOINT: when a stage sets it several times, only the last one takes effect and the others are dead code that misleads readers. Keep a single ENTRYPOINT per stage. Shipshape reports it once, on the overridden instruction (where BuildKit\'s MultipleInstructionsDisallowed points), with the one that takes effect (where hadolint reports it) as related information; `# hadolint ignore=` or `# check=skip=` above either one silences it.',
    examples: {
      bad: 'FROM alpine:3.20\nENTRYPOINT ["echo", "one"]\nENTRYPOINT ["echo", "two"]\n',
      good: 'FROM alpine:3.20\nENTRYPOINT ["echo", "two"]\n',
    },
    docs: hadolintDocs('DL4004'),
    fixable: true,
    stages: OVERRIDDEN_STAGES,
  },
  (ctx) => reportOverridden(ctx, 'ENTRYPOINT', 'DL4004', true),
);
