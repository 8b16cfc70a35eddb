import { defineInstructionRule, fix, replace, shipshapeDocs, toExecForm } from '../define';
import type { Fix } from '../types';

// Words that can be put into a JSON array as they are.
const PLAIN = /^[^\s"'\\$`[\],]+$/;

export default defineInstructionRule(
  {
    id: 'ShellRequiresJson',
    source: 'syntax',
    severity: 'error',
    description: 'SHELL must be a non-empty JSON array',
    rationale:
      'SHELL replaces the program that runs shell-form instructions, and BuildKit only accepts it as a JSON array of strings, such as SHELL ["/bin/bash", "-o", "pipefail", "-c"]. Any other form, or an empty array, stops the build.',
    examples: { bad: 'FROM debian:12\nSHELL /bin/bash -c\n', good: 'FROM debian:12\nSHELL ["/bin/bash", "-c"]\n' },
    docs: shipshapeDocs('ShellRequiresJson'),
    fixable: true,
  },
  'SHELL',
  (instruction, ctx) => {
    if (!instruction.argsRange) return;
    if (instruction.json) {
      if (instruction.json.length === 0) {
        ctx.report({ range: instruction.argsRange, message: 'SHELL needs at least one element, e.g. SHELL ["/bin/sh", "-c"]' });
      }
      return;
    }
    const words = instruction.args.map((a) => a.value);
    const fixes: Fix[] = [];
    if (!instruction.looksLikeJson && words.every((w) => PLAIN.test(w))) {
      const exec = toExecForm(words);
      fixes.push(fix(`Change to ${exec}`, replace(instruction.argsRange, exec)));
    }
    ctx.report({
      range: instruction.argsRange,
      message: instruction.looksLikeJson
        ? 'SHELL must be a valid JSON array of double-quoted strings, e.g. SHELL ["/bin/bash", "-c"]'
        : `SHELL must be written as a JSON array: SHELL ${toExecForm(words)}`,
      fixes,
    });
  },
);
