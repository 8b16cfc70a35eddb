import { defineInstructionRule, fix, insertAt, shipshapeDocs } from '../define';

export default defineInstructionRule(
  {
    id: 'InvalidHealthcheck',
    source: 'syntax',
    severity: 'error',
    description: 'HEALTHCHECK without CMD <command> or NONE',
    rationale:
      'HEALTHCHECK is either `HEALTHCHECK [options] CMD <command>` or `HEALTHCHECK NONE`. Forgetting the CMD keyword, or writing CMD with no command after it, stops the build with "Unknown type" or "Missing command after HEALTHCHECK CMD".',
    examples: { bad: 'FROM nginx:1.27\nHEALTHCHECK curl -f http://localhost/\n', good: 'FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/\n' },
    docs: shipshapeDocs('InvalidHealthcheck'),
    fixable: true,
  },
  'HEALTHCHECK',
  (instruction, ctx) => {
    if (instruction.args.length === 0) return;
    const first = instruction.args[0]!;
    const type = first.value.toUpperCase();
    if (type === 'NONE') return;
    if (type === 'CMD') {
      const rest = instruction.args.slice(1);
      if (rest.length === 0 || (rest.length === 1 && /^\[\s*\]$/.test(rest[0]!.value))) {
        ctx.report({ range: first.range, message: 'HEALTHCHECK CMD needs a command after it, e.g. HEALTHCHECK CMD curl -f http://localhost/ || exit 1' });
      }
      return;
    }
    ctx.report({
      range: first.range,
      message: `Unknown HEALTHCHECK type \`${first.value}\`: start the check with CMD, e.g. HEALTHCHECK CMD ${first.value} ...`,
      fixes: [fix('Insert CMD', insertAt(first.range.start.line, first.range.start.character, 'CMD '))],
    });
  },
);
