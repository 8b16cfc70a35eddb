import { effectiveDirectives } from '../../dockerfile/directives';
import type { Directive } from '../../dockerfile/model';
import { defineRule, shipshapeDocs } from '../define';

export default defineRule(
  {
    id: 'InvalidDirective',
    source: 'syntax',
    severity: 'error',
    description: 'Parser directive that BuildKit rejects',
    rationale:
      'The `escape` directive only accepts a backslash or a backtick, and each of `syntax`, `escape` and `check` may appear once. Anything else stops the build before the first instruction is read.',
    examples: { bad: '# escape=/\nFROM alpine:3.20\n', good: '# escape=`\nFROM alpine:3.20\n' },
    docs: shipshapeDocs('InvalidDirective'),
    fixable: false,
  },
  (ctx) => {
    if (ctx.model.directives.length === 0) return;
    const seen = new Map<string, Directive>();
    for (const directive of effectiveDirectives(ctx.model.directives)) {
      const name = directive.name.toLowerCase();
      const first = seen.get(name);
      if (first) {
        ctx.report({
          range: { start: directive.nameRange.start, end: directive.valueRange.end },
          message: `Only one \`${name}\` parser directive is allowed: line ${first.range.start.line + 1} already sets it; remove this one`,
        });
        continue;
      }
      seen.set(name, directive);
      if (name === 'escape' && directive.value !== '\\' && directive.value !== '`' && directive.value !== '') {
        ctx.report({ range: directive.valueRange, message: `Invalid escape character \`${directive.value}\`: use \\ (the default) or \` (backtick)` });
      }
    }
  },
);
