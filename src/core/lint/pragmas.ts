// In-file switches: hadolint's `# hadolint ignore=…`, `# hadolint global ignore=…`,
// `# hadolint shell=…`, and BuildKit's `# check=skip=…;error=true;experimental=…` directive.
import type { DockerfileModel, Range } from '../dockerfile/model';

export interface IgnorePragma {
  ids: string[];
  /** Line of the comment. */
  line: number;
  range: Range;
  /** Lines (inclusive) of the instruction it applies to; null when no instruction follows. */
  target: { start: number; end: number } | null;
}

export interface Pragmas {
  ignores: IgnorePragma[];
  globalIgnores: string[];
  /** `# hadolint shell=…`: the shell RUN uses, when not the default. */
  shell: string | null;
  check: CheckDirective;
}

export interface CheckDirective {
  /** Check names to skip, or 'all'. */
  skip: string[] | 'all';
  /** Check findings fail the build (error severity). */
  error: boolean;
  /** Experimental checks enabled, or 'all'. */
  experimental: string[] | 'all';
  range: Range | null;
}

const IGNORE = /^hadolint\s+(global\s+)?ignore\s*=\s*(.*)$/i;
const SHELL = /^hadolint\s+shell\s*=\s*(\S+)/i;

function idList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

export function readPragmas(model: DockerfileModel): Pragmas {
  const pragmas: Pragmas = { ignores: [], globalIgnores: [], shell: null, check: readCheckDirective(model) };
  const starts = model.instructions.map((i) => i.range.start.line);
  for (const comment of model.comments) {
    const text = comment.text.replace(/^#\s*/, '');
    const ignore = IGNORE.exec(text);
    if (ignore) {
      const ids = idList(ignore[2]!.split(/\s/)[0]!);
      if (ignore[1]) {
        pragmas.globalIgnores.push(...ids);
        continue;
      }
      const next = model.instructions[starts.findIndex((line) => line > comment.line)];
      pragmas.ignores.push({ ids, line: comment.line, range: comment.range, target: next ? { start: next.range.start.line, end: next.range.end.line } : null });
      continue;
    }
    const shell = SHELL.exec(text);
    if (shell) pragmas.shell = shell[1]!;
  }
  return pragmas;
}

/** BuildKit reads `# check=` only among the parser directives at the very top of the file. */
export function readCheckDirective(model: DockerfileModel): CheckDirective {
  const directive: CheckDirective = { skip: [], error: false, experimental: [], range: null };
  for (let line = 0; line < model.lines.length; line++) {
    const match = /^\s*#\s*([a-zA-Z]+)\s*=\s*(.*?)\s*$/.exec(model.lines[line]!);
    if (!match) break;
    if (match[1]!.toLowerCase() !== 'check') continue;
    directive.range = { start: { line, character: 0 }, end: { line, character: model.lines[line]!.length } };
    for (const part of match[2]!.split(';')) {
      const [key, value = ''] = part.split('=', 2).map((s) => s.trim());
      if (key === 'skip') directive.skip = value === 'all' ? 'all' : idList(value);
      else if (key === 'error') directive.error = value === 'true';
      else if (key === 'experimental') directive.experimental = value === 'all' ? 'all' : idList(value);
    }
  }
  return directive;
}
