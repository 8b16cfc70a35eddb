// Parser directives (`# syntax=`, `# escape=`, `# check=`) as BuildKit reads them.
import type { Directive } from './types';

// BuildKit's parser directives; the first comment that is not one of them ends the directive block.
const KNOWN = new Set(['syntax', 'escape', 'check']);

/** The directives BuildKit reads: the leading run of known `# name=value` lines. */
export function effectiveDirectives(directives: readonly Directive[]): Directive[] {
  const out: Directive[] = [];
  for (const d of directives) {
    if (!KNOWN.has(d.name.toLowerCase())) break;
    out.push(d);
  }
  return out;
}
