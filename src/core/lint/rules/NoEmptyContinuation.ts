import { rangeOf } from '../../dockerfile/model';
import { buildkitDocs, defineRule, fix, replace } from '../define';

export default defineRule(
  {
    id: 'NoEmptyContinuation',
    source: 'buildkit',
    severity: 'warning',
    description: 'Empty continuation lines will become errors in a future release',
    rationale:
      'An empty line after a trailing backslash does not end the instruction: the next non-empty line is still glued onto it. That is easy to misread (it looks like two instructions) and Docker has announced that such empty continuation lines will become a parse error.',
    examples: {
      bad: 'FROM debian:12\nRUN apt-get update && \\\n\n    apt-get install -y curl\n',
      good: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl\n',
    },
    docs: buildkitDocs('NoEmptyContinuation'),
    fixable: true,
  },
  (ctx) => {
    const model = ctx.model;
    for (const instruction of model.instructions) {
      const { start, end } = instruction.range;
      if (end.line === start.line) continue;
      // Heredoc bodies may hold empty lines of their own.
      const bodyStart = instruction.heredocs.length > 0 ? instruction.heredocs[0]!.nameRange.end.line + 1 : Infinity;
      const inHeredoc = (line: number) => line >= bodyStart;
      for (let line = start.line + 1; line < end.line; line++) {
        if ((model.lines[line] ?? '').trim() !== '' || inHeredoc(line)) continue;
        // BuildKit reports the instruction once; each empty line gets its own finding here so each can be deleted.
        ctx.report({
          range: rangeOf(line, 0, line, model.lines[line]!.length),
          message: `Empty continuation line in ${instruction.keyword}: delete it (the instruction goes on after it)`,
          fixes: [fix('Delete the empty line', replace(rangeOf(line, 0, line + 1, 0), ''))],
        });
      }
    }
  },
);
