import type { Instruction } from '../../dockerfile/model';
import { defineRule, fix, replace, shipshapeDocs } from '../define';
import type { Fix } from '../types';

const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

export default defineRule(
  {
    id: 'UnterminatedHeredoc',
    source: 'syntax',
    severity: 'error',
    description: 'Heredoc without its closing delimiter line',
    rationale:
      'A heredoc (`RUN <<EOF`) runs until a line that is exactly its delimiter. Without that line BuildKit fails with "unterminated heredoc", and an editor reads every instruction after it as part of the heredoc. A delimiter indented with spaces does not count (only `<<-` allows leading tabs).',
    examples: { bad: 'FROM alpine:3.20\nRUN <<EOF\necho hi\n', good: 'FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\n' },
    docs: shipshapeDocs('UnterminatedHeredoc'),
    fixable: true,
  },
  (ctx) => {
    const { model } = ctx;
    const check = (instruction: Instruction) => {
      if (instruction.heredocs.length === 0 || !HEREDOC_KEYWORDS.has(instruction.keyword) || instruction.looksLikeJson) return;
      for (const heredoc of instruction.heredocs) {
        if (heredoc.delimiterRange) continue;
        const name = heredoc.name;
        const fixes: Fix[] = [];
        let hint = '';
        // A delimiter with leading spaces (or tabs without <<-) is the usual cause: find it.
        const from = heredoc.nameRange.end.line + 1;
        for (let line = from; line < model.lines.length; line++) {
          const text = model.lines[line]!;
          if (text.trim() !== name || text === name) continue;
          hint = `: line ${line + 1} is indented, but the closing \`${name}\` must start at column 1 (only <<- allows leading tabs)`;
          const whole = { start: { line, character: 0 }, end: { line, character: text.length } };
          fixes.push(fix(`Remove the indentation on line ${line + 1}`, replace(whole, name)));
          break;
        }
        ctx.report({
          range: heredoc.nameRange,
          message: `Heredoc \`${name}\` is never closed${hint || `: end it with a line containing only \`${name}\``}`,
          fixes,
        });
      }
    };
    for (const instruction of model.instructions) {
      check(instruction);
      if (instruction.trigger) check(instruction.trigger);
    }
  },
);
