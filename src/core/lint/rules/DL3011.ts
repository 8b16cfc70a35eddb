import { trimQuotes } from '../../dockerfile/quotes';
import { defineInstructionRule, hadolintDocs } from '../define';

const PORT_SPEC = /^(\d+)(?:-(\d+))?(?:\/\w+)?$/;

export default defineInstructionRule(
  {
    id: 'DL3011',
    source: 'hadolint',
    severity: 'error',
    description: 'Valid UNIX ports range from 0 to 65535',
    rationale:
      'A TCP or UDP port is a 16-bit number, so anything above 65535 cannot be listened on or published; Docker refuses such an EXPOSE at build or run time. It is usually a typo for a real port.',
    examples: { bad: 'FROM nginx:1.27\nEXPOSE 80800\n', good: 'FROM nginx:1.27\nEXPOSE 8080\n' },
    docs: hadolintDocs('DL3011'),
    fixable: false,
  },
  'EXPOSE',
  (instruction, ctx) => {
    for (const arg of instruction.args) {
      // Variables and malformed specs are not numbers this rule can judge.
      const match = PORT_SPEC.exec(trimQuotes(arg.value));
      if (!match) continue;
      const bad = [match[1]!, match[2]].filter((p): p is string => p !== undefined).find((p) => Number(p) > 65535);
      if (bad === undefined) continue;
      ctx.report({ range: arg.range, message: `Valid UNIX ports range from 0 to 65535: ${bad} is out of range` });
    }
  },
);
