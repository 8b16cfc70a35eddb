import type { Instruction } from '../../dockerfile/model';
import { defineRule, hadolintDocs } from '../define';

export default defineRule(
  {
    id: 'DL3012',
    aliases: ['MultipleInstructionsDisallowed'],
    source: 'hadolint',
    severity: 'error',
    description: 'Multiple HEALTHCHECK instructions',
    rationale:
      'Only the last HEALTHCHECK of a stage takes effect; earlier ones are silently overridden. Having several usually means a leftover from copy-paste, and readers may trust the wrong one.',
    examples: {
      bad: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\nHEALTHCHECK CMD wget -qO- http://localhost/\n',
      good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n',
    },
    docs: hadolintDocs('DL3012'),
    fixable: false,
  },
  (ctx) => {
    for (const stage of ctx.model.stages) {
      let first: Instruction | undefined;
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'HEALTHCHECK') continue;
        if (!first) {
          first = instruction;
          continue;
        }
        const line = first.range.start.line + 1;
        // As hadolint, the second and later ones are reported: they are where the duplication was added.
        ctx.report({
          range: instruction.keywordRange,
          message: `Multiple HEALTHCHECK instructions in one stage: only the last one is used (another is on line ${line}); keep a single HEALTHCHECK`,
        });
      }
    }
  },
);
