import { defineRule, fix, replace, shipshapeDocs } from '../define';
import { effectiveDirectives } from '../../dockerfile/directives';

export default defineRule(
  {
    id: 'DirectiveCasing',
    source: 'syntax',
    severity: 'warning',
    description: 'Parser directives should be written in lowercase',
    rationale:
      'BuildKit reads `# ESCAPE=` the same as `# escape=`, but other tools (editors, linters, older builders) match the lowercase name only. Lowercase directives read as what they are and behave the same everywhere.',
    examples: { bad: '# Escape=`\nFROM alpine:3.20\n', good: '# escape=`\nFROM alpine:3.20\n' },
    docs: shipshapeDocs('DirectiveCasing'),
    fixable: true,
  },
  (ctx) => {
    if (ctx.model.directives.length === 0) return;
    for (const directive of effectiveDirectives(ctx.model.directives)) {
      const lower = directive.name.toLowerCase();
      if (directive.name === lower) continue;
      ctx.report({
        range: directive.nameRange,
        message: `Write the parser directive \`${directive.name}\` in lowercase: \`${lower}\``,
        fixes: [fix(`Change to ${lower}`, replace(directive.nameRange, lower))],
      });
    }
  },
);
