import { copyOperands } from '../../dockerfile/copy';
import { unquotePair } from '../../dockerfile/quotes';
import { defineInstructionRule, fix, insertAfter, shipshapeDocs } from '../define';

// The destination ends in a variable: only the build knows whether it ends in a slash.
const ENDS_WITH_VARIABLE = /\$(?:\w+|\{[^}]*\})["']?$/;

export default defineInstructionRule(
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
  'ADD',
  (instruction, ctx) => {
    // COPY is DL3021's; heredoc sources are files created by the build, not several inputs; text that only looks like JSON is not judged.
    if (instruction.heredocs.length > 0 || (instruction.looksLikeJson && !instruction.json)) return;
    const operands = copyOperands(instruction);
    const count = operands.length;
    const dest = operands[count - 1];
    const destination = !dest ? '' : dest.exec ? dest.value : unquotePair(dest.value);
    if (!dest || count <= 2 || destination.endsWith('/') || destination.endsWith('\\') || ENDS_WITH_VARIABLE.test(destination)) return;
    ctx.report({
      range: dest.range,
      message: `ADD with ${count - 1} sources needs a directory destination: write \`${destination}/\` with a trailing slash`,
      fixes: !dest.exec && !/["']$/.test(dest.value) ? [fix(`Change to ${destination}/`, insertAfter(dest.range, '/'))] : [],
    });
  },
);
