import { rangeOf } from '../../dockerfile/model';
import { buildkitDocs, defineRule, fix, replace } from '../define';

export default defineRule(
  {
    id: 'NoEmptyContinuation',
    source: 'buildkit',
    severity: 'warning',
    description: 'Empty continuation lines will become errors in a future release',
    rationale:
      'An empty line after a trailing backslash does not end the instruction: the next non-empty line is still glued onto it. That is easy to misread (it looks like two instructions) and Docker has announced that such empty continuation lines will become a parse error. Reported once per instruction, on the line where its text ends (where BuildKit reports it), with each empty line as related information; the quick fix deletes them all.',
    examples: {
      bad: 'FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl\n',
      good: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    docs: buildkitDocs('NoEmptyContinuation'),
    fixable: true,
    fileLevelCheck: true,
  },
  (ctx) => {
    const model = ctx.model;
    for (const instruction of model.instructions) {
      const { start, end } = instruction.range;
      if (end.line === start.line) continue;
      // Heredoc bodies may hold empty lines of their own.
      const bodyStart = instruction.heredocs.length > 0 ? instruction.heredocs[0]!.nameRange.end.line + 1 : Infinity;
      const inHeredoc = (line: number) => line >= bodyStart;
      const empty: number[] = [];
      for (let line = start.line + 1; line < end.line; line++) if ((model.lines[line] ?? '').trim() === '' && !inHeredoc(line)) empty.push(line);
      if (empty.length === 0) continue;
      // As BuildKit, one finding per instruction, on the line where its text ends; the empty lines are related.
      const last = instruction.headerEndLine;
      const lines = empty.map((l) => l + 1).join(', ');
      ctx.report({
        range: rangeOf(last, 0, last, model.lines[last]!.length),
        message: `Empty continuation line${empty.length > 1 ? 's' : ''} in ${instruction.keyword} (line ${lines}): delete ${empty.length > 1 ? 'them' : 'it'} (the instruction goes on after ${empty.length > 1 ? 'them' : 'it'})`,
        related: empty.map((l) => ({ range: rangeOf(l, 0, l, model.lines[l]!.length), message: 'empty continuation line' })),
        fixes: [fix(`Delete the empty line${empty.length > 1 ? 's' : ''}`, ...empty.map((l) => replace(rangeOf(l, 0, l + 1, 0), '')))],
      });
    }
  },
);
