// The operands of COPY and ADD: sources then the destination, in exec form (a JSON array) or shell form.
import { unquotedBlank } from './quotes';
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

/**
 * The operands as hadolint reads them: exec form's strings, or else the shell-form words split at blanks outside
 * quotes with quotes and backslashes kept (`"C:\\Program Files\\x.tar"` is one word). Each word has its own range
 * where it lines up with the parsed words, else the whole arguments' range.
 */
export function writtenOperands(instruction: Instruction, escape: string): CopyOperand[] {
  if (instruction.json || instruction.heredocs.length > 0) return copyOperands(instruction);
  const text = instruction.argsText;
  const words: string[] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] === ' ' || text[i] === '\t') i++;
    else {
      const end = unquotedBlank(text, escape, i);
      words.push(text.slice(i, end));
      i = end;
    }
  }
  const parsed = instruction.headerArgs;
  const whole = instruction.argsRange ?? instruction.range;
  return words.map((value, i) => ({ value, range: words.length === parsed.length ? parsed[i]!.range : whole, exec: false }));
}
