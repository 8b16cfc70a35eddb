import { hadolintDocs, defineRule } from '../define';
import { OVERRIDDEN_STAGES, reportOverridden } from '../overridden';

export default defineRule(
  {
    id: 'DL3012',
    aliases: ['MultipleInstructionsDisallowed'],
    source: 'hadolint',
    severity: 'error',
    description: 'Multiple HEALTHCHECK instructions',
    rationale:
      'Only the last HEALTHCHECK of a stage takes effect; earlier ones are silently overridden. Having several usually means a leftover from copy-paste, and readers may trust the wrong one. Shipshape reports it once, on the overridden instruction (where BuildKit\'s MultipleInstructionsDisallowed points), with the one that takes effect (where hadolint reports it) as related information; `# hadolint ignore=` or `# check=skip=` above either one silences it.',
    examples: {
      bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK CMD wget -qO- http://localhost/\n',
      good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n',
    },
    docs: hadolintDocs('DL3012'),
    fixable: false,
    stages: OVERRIDDEN_STAGES,
  },
  (ctx) => reportOverridden(ctx, 'HEALTHCHECK', 'DL3012', false),
);
