// Fixes that silence a rule instead of fixing it: `# hadolint ignore=` above the instruction, or
// `# hadolint global ignore=` at the top (after parser directives, which must stay first).
import { parseDockerfile } from '../dockerfile/model';
import { fix, insertAt, replace } from './define';
import type { Fix } from './types';

const IGNORE_LINE = /^(\s*#\s*hadolint\s+ignore\s*=\s*)(\S*)(.*)$/i;
const GLOBAL_LINE = /^(\s*#\s*hadolint\s+global\s+ignore\s*=\s*)(\S*)(.*)$/i;
const DIRECTIVE_LINE = /^\s*#\s*[a-zA-Z][a-zA-Z0-9]*\s*=/;

function extend(match: RegExpExecArray, line: number, code: string): Fix {
  const start = match[1]!.length;
  const ids = match[2]!;
  return fix(`Ignore ${code} here too`, replace({ start: { line, character: start }, end: { line, character: start + ids.length } }, ids ? `${ids},${code}` : code));
}

/** `# hadolint ignore=CODE` for the instruction that contains `line`. */
export function ignoreHereFix(text: string, line: number, code: string): Fix | undefined {
  const model = parseDockerfile(text);
  const instruction = model.instructions.find((i) => i.range.start.line <= line && line <= i.range.end.line);
  if (!instruction) return undefined;
  const start = instruction.range.start.line;
  const above = start > 0 ? model.lines[start - 1]! : '';
  const existing = IGNORE_LINE.exec(above);
  if (existing && !existing[2]!.split(',').includes(code)) return { ...extend(existing, start - 1, code), title: `Ignore ${code} for this instruction` };
  const indent = /^\s*/.exec(model.lines[start]!)![0];
  return fix(`Ignore ${code} for this instruction`, insertAt(start, 0, `${indent}# hadolint ignore=${code}\n`));
}

/** `# hadolint global ignore=CODE` for the whole file. */
export function ignoreInFileFix(text: string, code: string): Fix {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const existing = GLOBAL_LINE.exec(lines[i]!);
    if (existing) return { ...extend(existing, i, code), title: `Ignore ${code} in this file` };
  }
  let line = 0;
  while (line < lines.length && DIRECTIVE_LINE.test(lines[line]!)) line++;
  return fix(`Ignore ${code} in this file`, insertAt(line, 0, `# hadolint global ignore=${code}\n`));
}
