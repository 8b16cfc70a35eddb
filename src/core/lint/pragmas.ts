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

/** BuildKit's check comment right above an instruction (`# check=skip=…`): it applies to that instruction only. */
export interface CheckComment {
  /** Check names to skip there, or 'all'. */
  skip: string[] | 'all';
  /** Line of the comment. */
  line: number;
  /** Lines (inclusive) of the instruction it applies to (an ONBUILD's trigger included). */
  target: { start: number; end: number };
}

export interface Pragmas {
  ignores: IgnorePragma[];
  /** Check comments above instructions (the directive at the top is `check`). */
  checkComments: CheckComment[];
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
  const pragmas: Pragmas = { ignores: [], checkComments: readCheckComments(model), globalIgnores: [], shell: null, check: readCheckDirective(model) };
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

// BuildKit's directive line: a name, `=`, a value (parser/directives.go).
const DIRECTIVE = /^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const PARSER_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const GO_BOOLEANS: Record<string, boolean> = { 1: true, t: true, T: true, TRUE: true, true: true, True: true, 0: false, f: false, F: false, FALSE: false, false: false, False: false };

/** The lines BuildKit takes as parser directives: the leading run of known, unrepeated `# name=value` lines. */
function parserDirectiveLines(lines: readonly string[]): Set<number> {
  const out = new Set<number>();
  const seen = new Set<string>();
  for (let line = 0; line < lines.length; line++) {
    const text = (line === 0 ? lines[0]!.replace(/^\uFEFF/, '') : lines[line]!).trimStart();
    const match = text.startsWith('#') ? DIRECTIVE.exec(text.slice(1).trimStart()) : null;
    const name = match?.[1]!.toLowerCase();
    if (!name || !PARSER_DIRECTIVES.has(name) || seen.has(name)) break;
    seen.add(name);
    out.add(line);
  }
  return out;
}

/** What a check comment's value skips, read as BuildKit's ParseLintOptions does; undefined when BuildKit rejects it (and applies nothing). */
function checkSkips(value: string): string[] | 'all' | undefined {
  // BuildKit keeps the value up to its first space: `skip=A // why` skips A.
  const options = value.split(' ', 1)[0]!.trim();
  let skip: string[] | 'all' = [];
  if (options === '') return skip;
  const parts = options.split(';');
  // Go's SplitN(…, 3): the third part keeps any further `;`.
  for (const part of [...parts.slice(0, 2), ...(parts.length > 2 ? [parts.slice(2).join(';')] : [])]) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    const key = part.slice(0, eq).trim();
    const v = part.slice(eq + 1).trim();
    if (key === 'skip') skip = v === 'all' ? 'all' : v.split(',').map((s) => s.trim());
    else if (key === 'error') {
      if (!(v in GO_BOOLEANS)) return undefined;
    } else if (key !== 'experimental') return undefined;
  }
  return skip;
}

/**
 * Check comments above instructions, as BuildKit collects them (parser.go, linter.WithMergedConfigFromComments):
 * the comment lines since the previous instruction, parser directives left out, an empty `#` starting afresh;
 * the first of them that is a `check=` directive counts. A comment is read from the character after the line's
 * first one, so an indented `# check=` is not one (BuildKit's quirk, kept).
 */
export function readCheckComments(model: DockerfileModel): CheckComment[] {
  const out: CheckComment[] = [];
  const directives = parserDirectiveLines(model.lines);
  let from = 0;
  for (const instruction of model.instructions) {
    const start = instruction.range.start.line;
    let comments: { line: number; text: string }[] = [];
    for (let line = from; line < start; line++) {
      const raw = line === 0 ? model.lines[0]!.replace(/^\uFEFF/, '') : model.lines[line]!;
      if (!raw.trimStart().startsWith('#') || directives.has(line)) continue;
      const text = raw.slice(1).trim();
      if (text === '') comments = [];
      else comments.push({ line, text });
    }
    from = instruction.range.end.line + 1;
    for (const comment of comments) {
      const match = DIRECTIVE.exec(comment.text);
      if (!match || match[1]!.toLowerCase() !== 'check') continue;
      const skip = checkSkips(match[2]!);
      if (skip !== undefined && (skip === 'all' || skip.length > 0)) out.push({ skip, line: comment.line, target: { start, end: instruction.range.end.line } });
      break;
    }
  }
  return out;
}
