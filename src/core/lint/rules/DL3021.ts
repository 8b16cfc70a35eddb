import type { Fix } from '../types';
import { defineRule, fix, hadolintDocs, insertAt, instructionsOf } from '../define';

export default defineRule(
  {
    id: 'DL3021',
    source: 'hadolint',
    severity: 'error',
    description: 'COPY with more than 2 arguments requires the last argument to end with /',
    rationale:
      'With several sources the destination has to be a directory, and Docker only treats it as one when it ends with `/`; otherwise the build fails. The trailing slash also tells readers that files land inside the directory.',
    examples: { bad: 'FROM node:20\nCOPY package.json package-lock.json /app\n', good: 'FROM node:20\nCOPY package.json package-lock.json /app/\n' },
    docs: hadolintDocs('DL3021'),
    fixable: true,
  },
  (ctx) => {
    const message = (dest: string) => `COPY with more than 2 arguments requires the last argument to end with /: use \`${dest}/\` so the sources go into it`;
    for (const instruction of instructionsOf(ctx.model, 'COPY')) {
      // Heredoc bodies show up as arguments; they are inline files, not a list of sources.
      if (instruction.heredocs.length > 0) continue;
      if (instruction.looksLikeJson) {
        const last = instruction.json?.[instruction.json.length - 1];
        if (!last || instruction.json!.length < 3 || last.endsWith('/') || last.includes('$') || !instruction.argsRange) continue;
        ctx.report({ range: instruction.argsRange, message: message(last) });
        continue;
      }
      if (instruction.args.length < 3) continue;
      const dest = instruction.args[instruction.args.length - 1]!;
      const path = dest.value.replace(/^["']|["']$/g, '');
      // A variable may expand to a path that already ends with a slash.
      if (path.endsWith('/') || path.includes('$')) continue;
      const fixes: Fix[] = [];
      const { start, end } = dest.range;
      if (start.line === end.line) {
        // The slash goes inside a closing quote: "/dest" becomes "/dest/".
        const raw = (ctx.model.lines[start.line] ?? '').slice(start.character, end.character);
        const quoted = raw.length > 1 && /^["']/.test(raw) && raw.endsWith(raw[0]!);
        fixes.push(fix(`Use ${path}/ as the destination`, insertAt(end.line, end.character - (quoted ? 1 : 0), '/')));
      }
      ctx.report({ range: dest.range, message: message(path), fixes });
    }
  },
);
