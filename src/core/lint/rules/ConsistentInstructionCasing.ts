import { INSTRUCTION_KEYWORDS, allInstructions } from '../../dockerfile/model';
import { buildkitDocs, defineRule, fix, replace } from '../define';

export default defineRule(
  {
    id: 'ConsistentInstructionCasing',
    source: 'buildkit',
    severity: 'warning',
    description: 'All commands within the Dockerfile should use the same casing (either upper or lower)',
    rationale:
      'Instruction keywords are case-insensitive, so mixing `RUN` and `run` (or writing `Run`) works but makes the file harder to scan: keywords stop standing out from their arguments. Uppercase is the common convention; whichever casing most of the file uses wins.',
    examples: {
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\ncopy . /app\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCOPY . /app\n',
    },
    docs: buildkitDocs('ConsistentInstructionCasing'),
    fixable: true,
    fileLevelCheck: true,
  },
  (ctx) => {
    // Unlike BuildKit, which only sees stage instructions, global ARGs and ONBUILD triggers count too.
    const instructions = [...allInstructions(ctx.model)].filter((i) => INSTRUCTION_KEYWORDS.has(i.keyword));
    let lower = 0;
    let upper = 0;
    for (const i of instructions) {
      if (i.keywordText === i.keywordText.toLowerCase()) lower++;
      else if (i.keywordText === i.keywordText.toUpperCase()) upper++;
    }
    // Like BuildKit, a tie goes to uppercase.
    const majorityLower = lower > upper;
    const casing = majorityLower ? 'lowercase' : 'uppercase';
    for (const i of instructions) {
      const wanted = majorityLower ? i.keywordText.toLowerCase() : i.keywordText.toUpperCase();
      if (i.keywordText === wanted) continue;
      ctx.report({
        range: i.keywordRange,
        message: `Command '${i.keywordText}' should match the case of the command majority (${casing}): write '${wanted}'`,
        fixes: [fix(`Write '${wanted}'`, replace(i.keywordRange, wanted))],
      });
    }
  },
);
