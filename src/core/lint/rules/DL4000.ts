import { defineInstructionRule, fix, hadolintDocs, replace } from '../define';

export default defineInstructionRule(
  {
    id: 'DL4000',
    aliases: ['MaintainerDeprecated'],
    source: 'hadolint',
    severity: 'error',
    description: 'MAINTAINER is deprecated',
    rationale:
      'MAINTAINER was deprecated in Docker 1.13 in favour of labels, which tools can query and which follow a shared vocabulary. `LABEL maintainer="…"` (or the OCI `org.opencontainers.image.authors`) records the same information where people look for it.',
    examples: { bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n', good: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"\n' },
    docs: hadolintDocs('DL4000'),
    fixable: true,
  },
  'MAINTAINER',
  (instruction, ctx) => {
    // Top-level MAINTAINERs only (`ONBUILD MAINTAINER` is DL3043's finding).
    if (instruction.onbuildParent) return;
    const escape = ctx.model.escapeChar;
    const who = instruction.argsText.trim();
    // Inside LABEL's double quotes, the escape character, `"` and `$` (LABEL expands variables, MAINTAINER did not) need escaping.
    const quoted = who.replace(/[\\`"$]/g, (ch) => (ch === '"' || ch === '$' || ch === escape ? escape + ch : ch));
    const keyword = instruction.keywordText === instruction.keywordText.toLowerCase() ? 'label' : 'LABEL';
    ctx.report({
      range: instruction.keywordRange,
      message: `MAINTAINER is deprecated: use \`LABEL maintainer="${who}"\` instead`,
      fixes: who ? [fix(`Replace with LABEL maintainer="${quoted}"`, replace(instruction.range, `${keyword} maintainer="${quoted}"`))] : [],
    });
  },
);
