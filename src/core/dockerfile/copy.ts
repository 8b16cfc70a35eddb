// The operands of COPY and ADD: sources then the destination, in exec form (a JSON array) or shell form.
import type { Instruction, Range } from './types';

export interface CopyOperand {
  /** Shell form: the word as written (quotes kept); exec form: the JSON string. */
  value: string;
  /** The word; in exec form the whole JSON array, whose elements have no ranges of their own. */
  range: Range;
  /** Written in exec form: `value` has no quotes or escapes left to resolve. */
  exec: boolean;
}

/**
 * The operands of COPY/ADD in order, the destination last: the JSON array of exec form, or else the words before
 * any heredoc body (text that only looks like JSON is read as words, as Docker does).
 */
export function copyOperands(instruction: Instruction): CopyOperand[] {
  if (instruction.json) {
    const range = instruction.argsRange ?? instruction.range;
    return instruction.json.map((value) => ({ value, range, exec: true }));
  }
  return instruction.headerArgs.map((word) => ({ value: word.value, range: word.range, exec: false }));
}
