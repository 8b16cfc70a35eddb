import type { Instruction, Word } from '../../dockerfile/model';
import { defineRule, fix, insertAt, shipshapeDocs } from '../define';

// The destination ends in a variable: only the build knows whether it ends in a slash.
const ENDS_WITH_VARIABLE = /\$(?:\w+|\{[^}]*\})["']?$/;

export default defineRule(
  {
    id: 'InvalidDestination',
    source: 'syntax',
    severity: 'error',
    description: 'ADD with several sources needs a directory destination ending in /',
    rationale:
      'When ADD copies more than one source, the destination must be a directory, written with a trailing slash. Without it the build fails ("the destination must be a directory and end with a /"). COPY has the same rule, reported as DL3021.',
    examples: { bad: 'FROM alpine:3.20\nADD a.txt b.txt /data\n', good: 'FROM alpine:3.20\nADD a.txt b.txt /data/\n' },
    docs: shipshapeDocs('InvalidDestination'),
    fixable: true,
  },
  (ctx) => {
    const check = (instruction: Instruction) => {
      // COPY is DL3021's; heredoc sources are files created by the build, not several inputs.
      if (instruction.keyword !== 'ADD' || instruction.heredocs.length > 0) return;
      let count: number;
      let destination: string;
      let word: Word | undefined;
      if (instruction.json) {
        count = instruction.json.length;
        destination = instruction.json[count - 1] ?? '';
      } else {
        if (instruction.looksLikeJson) return;
        count = instruction.args.length;
        word = instruction.args[count - 1];
        destination = word?.value.replace(/^(["'])(.*)\1$/, '$2') ?? '';
      }
      if (count <= 2 || destination.endsWith('/') || destination.endsWith('\\') || ENDS_WITH_VARIABLE.test(destination)) return;
      const range = word?.range ?? instruction.argsRange!;
      ctx.report({
        range,
        message: `ADD with ${count - 1} sources needs a directory destination: write \`${destination}/\` with a trailing slash`,
        fixes: word && !/["']$/.test(word.value) ? [fix(`Change to ${destination}/`, insertAt(word.range.end.line, word.range.end.character, '/'))] : [],
      });
    };
    for (const instruction of ctx.model.instructions) {
      check(instruction);
      if (instruction.trigger) check(instruction.trigger);
    }
  },
);
