// The rule ids a Dockerfile's pragmas name, with where each is written: `# hadolint ignore=`,
// `# hadolint global ignore=` and BuildKit's `# check=skip=…;experimental=…` (at the top, or above an instruction).
import type { DockerfileModel, Range } from '../dockerfile/model';
import { readCheckComments, readCheckDirective } from './pragmas';

export interface PragmaId {
  id: string;
  range: Range;
  /** The pragma, as people write it: `hadolint ignore`, `check skip`, … */
  pragma: string;
}

const IGNORE = /^(\s*#\s*hadolint\s+(global\s+)?ignore\s*=\s*)(\S*)/i;

/** The comma-separated ids of `list`, which starts at `character` on `line`. */
function idsAt(list: string, line: number, character: number, pragma: string): PragmaId[] {
  const out: PragmaId[] = [];
  let offset = 0;
  for (const part of list.split(',')) {
    const id = part.trim();
    if (id) {
      const start = character + offset + part.indexOf(id);
      out.push({ id, pragma, range: { start: { line, character: start }, end: { line, character: start + id.length } } });
    }
    offset += part.length + 1;
  }
  return out;
}

export function pragmaIds(model: DockerfileModel): PragmaId[] {
  const out: PragmaId[] = [];
  for (const comment of model.comments) {
    const match = IGNORE.exec(model.lines[comment.line] ?? '');
    if (match) out.push(...idsAt(match[3]!, comment.line, match[1]!.length, match[2] ? 'hadolint global ignore' : 'hadolint ignore'));
  }
  const check = readCheckDirective(model).range;
  if (check) {
    const line = model.lines[check.start.line]!;
    for (const m of line.matchAll(/(skip|experimental)\s*=\s*([^;]*)/gi)) {
      const value = m[2]!.trimEnd();
      if (value.trim() === 'all') continue;
      out.push(...idsAt(value, check.start.line, m.index! + m[0].length - m[2]!.length, `check ${m[1]!.toLowerCase()}`));
    }
  }
  // Check comments above instructions: BuildKit reads their value up to its first space (`// why` is no id).
  for (const { line } of readCheckComments(model)) {
    const text = model.lines[line]!;
    const m = /\bskip\s*=\s*([^;\s]*)/.exec(text);
    if (m && m[1] !== 'all') out.push(...idsAt(m[1]!, line, m.index + m[0].length - m[1]!.length, 'check skip'));
  }
  return out;
}
