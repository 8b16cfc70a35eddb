// Applying fixes to text (the CLI's --fix and tests; the editor applies them as WorkspaceEdits).
import type { Position } from '../dockerfile/model';
import type { Fix, TextEdit } from './types';

function offsetOf(lineStarts: number[], text: string, p: Position): number {
  const start = lineStarts[Math.min(p.line, lineStarts.length - 1)]!;
  if (p.line >= lineStarts.length) return text.length;
  const lineEnd = p.line + 1 < lineStarts.length ? lineStarts[p.line + 1]! : text.length;
  return Math.min(start + p.character, lineEnd);
}

/** Applies fixes; edits that overlap an earlier-applied edit are skipped (apply again to converge). */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') lineStarts.push(i + 1);
  }
  const edits = fixes
    .flatMap((f) => f.edits)
    .map((e: TextEdit) => ({ start: offsetOf(lineStarts, text, e.range.start), end: offsetOf(lineStarts, text, e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let floor = Infinity;
  for (const e of edits) {
    if (e.end > floor) continue; // overlaps an edit already applied
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    floor = e.start;
  }
  return out;
}
