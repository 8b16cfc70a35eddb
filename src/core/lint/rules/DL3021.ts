import { copyOperands } from '../../dockerfile/copy';
import { trimQuotes } from '../../dockerfile/quotes';
import type { Fix } from '../types';
import { defineInstructionRule, fix, hadolintDocs, insertAt } from '../define';

export default defineInstructionRule(
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
  'COPY',
  (instruction, ctx) => {
    const message = (dest: string) => `COPY with more than 2 arguments requires the last argument to end with /: use \`${dest}/\` so the sources go into it`;
    // Heredoc sources are inline files, not a list of sources; text that only looks like JSON is not worth guessing at.
    if (instruction.heredocs.length > 0 || (instruction.looksLikeJson && !instruction.json)) return;
    const operands = copyOperands(instruction);
    if (operands.length < 3) return;
    const dest = operands[operands.length - 1]!;
    const path = dest.exec ? dest.value : trimQuotes(dest.value);
    // A variable may expand to a path that already ends with a slash.
    if (path.endsWith('/') || path.includes('$') || (dest.exec && path === '')) return;
    const fixes: Fix[] = [];
    const { start, end } = dest.range;
    if (!dest.exec && start.line === end.line) {
      // The slash goes inside a closing quote: "/dest" becomes "/dest/".
      const raw = (ctx.model.lines[start.line] ?? '').slice(start.character, end.character);
      const quoted = raw.length > 1 && /^["']/.test(raw) && raw.endsWith(raw[0]!);
      fixes.push(fix(`Use ${path}/ as the destination`, insertAt(end.line, end.character - (quoted ? 1 : 0), '/')));
    }
    ctx.report({ range: dest.range, message: message(path), fixes });
  },
);
