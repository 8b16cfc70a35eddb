import type { Flag, Instruction } from '../../dockerfile/model';
import { knownFlags } from '../../dockerfile/flags';
import { defineRule, fix, replace, shipshapeDocs } from '../define';

export default defineRule(
  {
    id: 'DuplicateFlag',
    source: 'syntax',
    severity: 'error',
    description: 'Flag given more than once',
    rationale:
      'Only `--mount`, `--exclude` and `--device` may be repeated. Any other flag given twice stops the build with "Duplicate flag specified", and even if it did not, only one of the two values could win, so the instruction does not say what it does.',
    examples: { bad: 'FROM alpine:3.20\nCOPY --chown=app --chown=root . /app\n', good: 'FROM alpine:3.20\nCOPY --chown=app . /app\n' },
    docs: shipshapeDocs('DuplicateFlag'),
    fixable: true,
  },
  (ctx) => {
    const check = (instruction: Instruction) => {
      if (instruction.flags.length < 2) return;
      const seen = new Map<string, Flag>();
      for (const { flag, kind } of knownFlags(instruction)) {
        if (kind === 'repeatable') continue;
        const first = seen.get(flag.name);
        if (!first) {
          seen.set(flag.name, flag);
          continue;
        }
        // Removing the repeat is only safe when it says the same thing as the first one.
        const previous = instruction.flags[instruction.flags.indexOf(flag) - 1]!;
        const fixes =
          first.value === flag.value && flag.range.start.line === previous.range.end.line
            ? [fix(`Remove the repeated --${flag.name}`, replace({ start: previous.range.end, end: flag.range.end }, ''))]
            : [];
        ctx.report({
          range: flag.range,
          message: `Duplicate flag \`--${flag.name}\`: it is already given at line ${first.range.start.line + 1}, column ${
            first.range.start.character + 1
          }; keep one`,
          fixes,
        });
      }
    };
    for (const instruction of ctx.model.instructions) {
      check(instruction);
      if (instruction.trigger) check(instruction.trigger);
    }
  },
);
