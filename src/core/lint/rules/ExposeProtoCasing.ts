import { rangeOf } from '../../dockerfile/model';
import { trimQuotes } from '../../dockerfile/quotes';
import { buildkitDocs, defineInstructionRule, fix, replace } from '../define';

export default defineInstructionRule(
  {
    id: 'ExposeProtoCasing',
    source: 'buildkit',
    severity: 'warning',
    description: 'Protocol in EXPOSE instruction should be lowercase',
    rationale:
      'Docker lowercases the protocol of an exposed port, so `80/TCP` works, but tools that read the Dockerfile or compare port specs literally may not. Writing `tcp`, `udp` and `sctp` in lowercase matches the form Docker stores in the image.',
    examples: {
      bad: 'FROM nginx:1.27\nEXPOSE 80/TCP\n',
      good: 'FROM nginx:1.27\nEXPOSE 80/tcp\n',
    },
    docs: buildkitDocs('ExposeProtoCasing'),
    fixable: true,
  },
  'EXPOSE',
  (instruction, ctx) => {
    // Top-level EXPOSEs only: ONBUILD triggers are not checked.
    if (instruction.onbuildParent) return;
    for (const word of instruction.args) {
      // Ports from variables are only known at build time.
      if (word.value.includes('$') || word.range.start.line !== word.range.end.line) continue;
      const slash = word.value.lastIndexOf('/');
      if (slash < 0) continue;
      const proto = word.value.slice(slash + 1).replace(/["']+$/, '');
      // BuildKit rejects any protocol other than tcp, udp and sctp before this check.
      if (!['tcp', 'udp', 'sctp'].includes(proto.toLowerCase()) || proto === proto.toLowerCase()) continue;
      const spec = trimQuotes(word.value);
      const start = word.range.start.character + slash + 1;
      const protoRange = rangeOf(word.range.start.line, start, word.range.start.line, start + proto.length);
      ctx.report({
        range: protoRange,
        message: `Defined protocol '${spec}' in EXPOSE instruction should be lowercase: write '${proto.toLowerCase()}'`,
        fixes: [fix(`Write '${proto.toLowerCase()}'`, replace(protoRange, proto.toLowerCase()))],
      });
    }
  },
);
