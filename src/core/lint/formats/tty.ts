import type { Severity } from '../types';
import { Formatter, oneBased } from './types';

const COLOR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', style: '\x1b[2m' };

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Control characters (C0, DEL, C1) from a Dockerfile or its name as visible escapes: only our own colours reach the terminal. */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => NAMED[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

export const tty: Formatter = ({ results, color }) => {
  const paint = (s: Severity, text: string) => (color ? `${COLOR[s]}${text}\x1b[0m` : text);
  const lines: string[] = [];
  let total = 0;
  for (const { file, findings } of results) {
    for (const f of findings) {
      const p = oneBased(f);
      const fixable = f.fixes.length ? ' (fixable)' : '';
      lines.push(`${visible(file)}:${p.line}:${p.column} ${paint(f.severity, f.severity)} ${f.code}: ${visible(f.message)}${fixable}`);
      for (const r of f.related ?? []) lines.push(`    ${visible(file)}:${r.range.start.line + 1}:${r.range.start.character + 1} ${visible(r.message)}`);
      total++;
    }
  }
  const files = results.length;
  lines.push(total === 0 ? `${files} file${files === 1 ? '' : 's'} checked, no problems` : `${total} problem${total === 1 ? '' : 's'} in ${results.filter((r) => r.findings.length).length} of ${files} file${files === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
};
