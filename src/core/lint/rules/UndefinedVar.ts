import type { DockerfileModel, Instruction, Position, Range, Word } from '../../dockerfile/model';
import { buildkitDocs, defineRule } from '../define';

// ---------------------------------------------------------------------------------------------
// Shared with the other BuildKit rules (UndefinedArgInFrom, InvalidDefaultArgInFrom, …): variable
// expansion as BuildKit's Dockerfile word lexer does it, the predefined build arguments, the global
// ARG scope, and "did you mean". Candidates for the framework.

/** One `$NAME` / `${NAME…}` reference: offsets in the expanded text, and whether the lookup knew it. */
export interface VarRef {
  name: string;
  start: number;
  end: number;
  found: boolean;
}

export interface Expansion {
  value: string;
  refs: VarRef[];
  /** A syntax error (unterminated quote or `${`, `${x:?}` on an unset x): BuildKit would fail the build. */
  error: boolean;
}

export type Lookup = (name: string) => string | undefined;

const NAME_CHAR = /[\p{L}\p{N}_]/u;
const DIGIT = /[0-9]/;
const SPECIAL_PARAMS = '@*#?-$!0';

/** Expands one word the way BuildKit's shell lexer does (quotes removed, `\` escapes, `${x:-y}` …). Never throws. */
export function expandWord(text: string, lookup: Lookup, escape = '\\'): Expansion {
  const refs: VarRef[] = [];
  const n = text.length;
  let pos = 0;
  let error = false;

  const get = (name: string, start: number): string | undefined => {
    const value = lookup(name);
    refs.push({ name, start, end: pos, found: value !== undefined });
    return value;
  };

  const processName = (): string => {
    const first = text[pos];
    if (first === undefined) return '';
    if (DIGIT.test(first)) {
      const from = pos;
      while (pos < n && DIGIT.test(text[pos]!)) pos++;
      return text.slice(from, pos);
    }
    if (SPECIAL_PARAMS.includes(first)) {
      pos++;
      return first;
    }
    const from = pos;
    while (pos < n && NAME_CHAR.test(text[pos]!)) pos++;
    return text.slice(from, pos);
  };

  const single = (): string => {
    const close = text.indexOf("'", pos + 1);
    if (close < 0) {
      error = true;
      const rest = text.slice(pos + 1);
      pos = n;
      return rest;
    }
    const out = text.slice(pos + 1, close);
    pos = close + 1;
    return out;
  };

  const double = (): string => {
    pos++;
    let out = '';
    while (pos < n) {
      const ch = text[pos]!;
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch === '$') {
        out += dollar();
        continue;
      }
      pos++;
      if (ch === escape) {
        const next = text[pos];
        if (next === undefined) continue;
        if (next === '"' || next === '$' || next === escape) {
          out += next;
          pos++;
          continue;
        }
      }
      out += ch;
    }
    error = true;
    return out;
  };

  // Reads up to `stop` (consumed); a missing `stop` is a syntax error.
  const until = (stop: string | null, rawEscapes: boolean): string => {
    let out = '';
    while (pos < n) {
      const ch = text[pos]!;
      if (stop !== null && ch === stop) {
        pos++;
        return out;
      }
      if (ch === '$') out += dollar();
      else if (ch === "'") out += single();
      else if (ch === '"') out += double();
      else {
        pos++;
        if (ch === escape) {
          if (rawEscapes) out += ch;
          if (pos >= n) break;
          out += text[pos++];
        } else out += ch;
      }
    }
    if (stop !== null) error = true;
    return out;
  };

  const dollar = (): string => {
    const start = pos;
    pos++;
    if (text[pos] !== '{') {
      const name = processName();
      if (name === '') return '$';
      return get(name, start) ?? '';
    }
    pos++;
    const first = text[pos];
    if (first === undefined || first === '{' || first === '}' || first === ':') {
      error = true;
      pos = n;
      return '';
    }
    const name = processName();
    let op = text[pos++];
    let nullIsUnset = false;
    if (op === '}') return get(name, start) ?? '';
    if (op === ':') {
      nullIsUnset = true;
      op = text[pos++];
    }
    if (op === '+' || op === '-' || op === '?' || op === '#' || op === '%') {
      const rawEscapes = op === '#' || op === '%';
      if (nullIsUnset && rawEscapes) {
        error = true;
        pos = n;
        return '';
      }
      const word = until('}', rawEscapes);
      const value = get(name, start);
      const unset = value === undefined || (nullIsUnset && value === '');
      if (op === '-') return unset ? word : value!;
      if (op === '+') return unset ? '' : word;
      if (op === '?') {
        if (unset) error = true;
        return value ?? '';
      }
      return trimPattern(value ?? '', word, op === '#');
    }
    if (op === '/' && !nullIsUnset) {
      const all = text[pos] === '/';
      if (all) pos++;
      const pattern = until('/', true);
      const replacement = until('}', true);
      const value = get(name, start) ?? '';
      const re = globToRegex(pattern, true, all ? 'g' : '');
      return re ? value.replace(re, () => replacement) : value;
    }
    error = true;
    pos = n;
    return '';
  };

  const value = until(null, false);
  return { value, refs, error };
}

/** A shell glob (`*`, `?`, `\x`) as a regular expression; null when it is not valid. */
function globToRegex(pattern: string, greedy: boolean, flags: string, anchored = false): RegExp | null {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*') source += greedy ? '.*' : '.*?';
    else if (ch === '?') source += '.';
    else if (ch === '\\' && i + 1 < pattern.length) source += pattern[++i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    else source += ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  try {
    return new RegExp(anchored ? `^(?:${source})$` : source, flags);
  } catch {
    return null;
  }
}

/** `${v#p}`, `${v##p}` (prefix) and `${v%p}`, `${v%%p}` (suffix): remove the shortest or longest match. */
function trimPattern(value: string, word: string, prefix: boolean): string {
  const marker = prefix ? '#' : '%';
  const greedy = word.startsWith(marker);
  const re = globToRegex(greedy ? word.slice(1) : word, true, '', true);
  if (!re) return value;
  const lengths = [...Array(value.length + 1).keys()];
  if (greedy) lengths.reverse();
  for (const len of lengths) {
    if (prefix && re.test(value.slice(0, len))) return value.slice(len);
    if (!prefix && re.test(value.slice(value.length - len))) return value.slice(0, value.length - len);
  }
  return value;
}

/** Dockerfile text of a range with line continuations (and the comment or empty lines inside them) removed, with positions back. */
export interface MappedText {
  text: string;
  /** The document position of character `i` (the end of the range for `i` past the text). */
  at(i: number): Position;
  /** The document range of characters [start, end). */
  range(start: number, end: number): Range;
}

const CONTINUATION = { '\\': /\\[ \t]*$/, '`': /`[ \t]*$/ } as Record<string, RegExp>;

export function mappedText(model: DockerfileModel, range: Range): MappedText {
  let text = '';
  const lines: number[] = [];
  const chars: number[] = [];
  const continuation = CONTINUATION[model.escapeChar] ?? CONTINUATION['\\']!;
  for (let line = range.start.line; line <= range.end.line; line++) {
    const full = model.lines[line] ?? '';
    if (line > range.start.line && (full.trim() === '' || full.trimStart().startsWith('#'))) continue;
    const from = line === range.start.line ? range.start.character : 0;
    let segment = full.slice(from, line === range.end.line ? range.end.character : full.length);
    if (line < range.end.line) segment = segment.replace(continuation, '');
    for (let i = 0; i < segment.length; i++) {
      lines.push(line);
      chars.push(from + i);
    }
    text += segment;
  }
  const at = (i: number): Position => (i < text.length ? { line: lines[i]!, character: chars[i]! } : range.end);
  return {
    text,
    at,
    range: (start, end) => {
      const last = at(end - 1);
      return { start: at(start), end: end > start && end <= text.length ? { line: last.line, character: last.character + 1 } : at(end) };
    },
  };
}

export interface ArgDefinition {
  key: string;
  keyRange: Range;
  /** The default as written (quotes kept), or null for `ARG NAME`. */
  value: string | null;
  valueRange: Range | null;
}

/** The names and defaults of an ARG (`ARG A B=2 C="x y"` declares three); the model only knows the first. */
export function argDefinitions(instruction: Instruction, escape: string): ArgDefinition[] {
  const definitions: ArgDefinition[] = [];
  let group: Word[] = [];
  const flush = () => {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const text = group.map((w) => w.value).join(' ');
    const eq = text.indexOf('=');
    const key = eq < 0 ? text : text.slice(0, eq);
    const line = first.range.start.line;
    const keyEnd = eq >= 0 && eq <= first.value.length ? first.range.start.character + eq : first.range.end.character;
    definitions.push({
      key,
      keyRange: { start: first.range.start, end: { line, character: eq < 0 && group.length > 1 ? first.range.end.character : keyEnd } },
      value: eq < 0 ? null : text.slice(eq + 1),
      valueRange: eq < 0 ? null : { start: { line, character: keyEnd + 1 }, end: last.range.end },
    });
    group = [];
  };
  // Words split at spaces inside quotes belong together, as BuildKit's quote-aware word splitting has it.
  let quote = '';
  for (const word of instruction.args) {
    group.push(word);
    for (let i = 0; i < word.value.length; i++) {
      const ch = word.value[i]!;
      if (ch === escape && quote !== "'") i++;
      else if (quote) {
        if (ch === quote) quote = '';
      } else if (ch === '"' || ch === "'") quote = ch;
    }
    if (!quote) flush();
  }
  if (group.length > 0) flush();
  return definitions;
}

/** BuildKit's automatic platform args (global scope only: a stage sees them after `ARG NAME`), as a linux/amd64 build sets them. */
export function predefinedArgs(platform = 'linux/amd64', targetStage = ''): Map<string, string> {
  const [os = 'linux', arch = 'amd64', variant = ''] = platform.split('/');
  return new Map([
    ['BUILDPLATFORM', platform],
    ['BUILDOS', os],
    ['BUILDOSVERSION', ''],
    ['BUILDARCH', arch],
    ['BUILDVARIANT', variant],
    ['TARGETPLATFORM', platform],
    ['TARGETOS', os],
    ['TARGETOSVERSION', ''],
    ['TARGETARCH', arch],
    ['TARGETVARIANT', variant],
    ['TARGETSTAGE', targetStage],
  ]);
}

/** Build args Docker passes to RUN without any ARG (the proxy family). */
export const PROXY_ARGS = new Set(
  ['HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'NO_PROXY', 'ALL_PROXY'].flatMap((name) => [name, name.toLowerCase()]),
);

export interface GlobalScope {
  /** Values of the predefined args and of the global ARGs with a default, as a build without --build-arg sees them. */
  values: Map<string, string>;
  /** Every name FROM may use: predefined args and every global ARG (with or without default). */
  names: Set<string>;
  /** A default value failed to expand (BuildKit gives up on default-value checks then). */
  error: boolean;
}

/** The global ARG scope of FROM lines, computed like BuildKit's buildMetaArgs without build args. */
export function globalScope(model: DockerfileModel, platform?: string): GlobalScope {
  const lastStage = model.stages[model.stages.length - 1];
  const values = predefinedArgs(platform, lastStage?.name?.toLowerCase() ?? '');
  const names = new Set(values.keys());
  let error = false;
  for (const arg of model.globalArgs) {
    for (const d of argDefinitions(arg, model.escapeChar)) {
      names.add(d.key);
      if (d.value === null) continue;
      const expanded = expandWord(d.value, (k) => values.get(k), model.escapeChar);
      error ||= expanded.error;
      values.set(d.key, expanded.value);
    }
  }
  return { values, names, error };
}

/** BuildKit's suggestion: the closest option at Levenshtein distance < 3 (case-sensitive), or undefined. */
export function suggestName(name: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const option of options) {
    if (option === name) return undefined;
    const d = levenshtein(name, option, bestDistance);
    if (d < bestDistance) {
      best = option;
      bestDistance = d;
    }
  }
  return best;
}

function levenshtein(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The stage a FROM builds on (by name, case-insensitively, among the stages before it), if any. */
export function parentStageIndex(model: DockerfileModel, stageIndex: number, baseName: string): number | undefined {
  const wanted = baseName.toLowerCase();
  for (let i = stageIndex - 1; i >= 0; i--) if (model.stages[i]!.name?.toLowerCase() === wanted) return i;
  return undefined;
}

// ---------------------------------------------------------------------------------------------

/** Names BuildKit's env has in every stage: it sets PATH when the base image does not. */
const ALWAYS_SET = ['PATH'];
/** ARGs BuildKit never turns into environment variables; it does not report them either. */
const NON_ENV_ARGS = new Set(['BUILDKIT_SBOM_SCAN_CONTEXT', 'BUILDKIT_SBOM_SCAN_STAGE']);
const LOWERCASE = /[a-z]/;

interface Scope {
  known: Set<string>;
  /** The stage chain starts at an image whose environment we cannot see (anything but scratch). */
  imageEnvUnknown: boolean;
}

/** The parts of an instruction BuildKit expands with the stage's variables (not RUN/CMD/ENTRYPOINT shell text). */
function expandedRegions(instruction: Instruction): Range[] {
  const regions: Range[] = [];
  const flags = (...names: string[]) => {
    for (const f of instruction.flags) if (f.valueRange && names.includes(f.name.toLowerCase())) regions.push(f.valueRange);
  };
  switch (instruction.keyword) {
    case 'ENV':
    case 'LABEL':
      for (const p of instruction.properties) {
        regions.push(p.keyRange);
        if (p.valueRange) regions.push(p.valueRange);
      }
      break;
    case 'ADD':
    case 'COPY':
      flags('chown', 'chmod');
      if (instruction.argsRange) {
        const r = instruction.argsRange;
        // Heredoc bodies are file contents, not words BuildKit expands here.
        const end = instruction.heredocs.length > 0 ? { line: r.start.line, character: Number.MAX_SAFE_INTEGER } : r.end;
        regions.push({ start: r.start, end });
      }
      break;
    case 'WORKDIR':
    case 'USER':
    case 'VOLUME':
    case 'STOPSIGNAL':
      if (instruction.argsRange) regions.push(instruction.argsRange);
      break;
    case 'RUN':
      flags('mount');
      break;
  }
  return regions;
}

export default defineRule(
  {
    id: 'UndefinedVar',
    source: 'buildkit',
    severity: 'warning',
    description: 'Variables should be defined before their use',
    rationale:
      'BuildKit expands variables in ENV, ARG, LABEL, COPY, ADD, WORKDIR, USER, VOLUME and RUN --mount itself, and an undefined one silently becomes an empty string: `COPY $APP_DIR/ .` copies the whole context. Typos and global ARGs that were never redeclared in the stage are the usual causes.',
    examples: {
      bad: 'ARG VERSION=1.2.3\nFROM alpine:3.20\nCOPY app-$VERSION.tar.gz /opt/\n',
      good: 'ARG VERSION=1.2.3\nFROM alpine:3.20\nARG VERSION\nCOPY app-$VERSION.tar.gz /opt/\n',
    },
    docs: buildkitDocs('UndefinedVar'),
    fixable: false,
  },
  (ctx) => {
    const model = ctx.model;
    const escape = model.escapeChar;
    const globalNames = new Set(model.globalArgs.flatMap((a) => argDefinitions(a, escape).map((d) => d.key)));
    const platformArgs = predefinedArgs();
    // Where each name is declared in a stage; `ENV X=$X:…` alone does not count (it extends the image's X).
    const declaredBy = new Map<string, Instruction[]>();
    const declare = (name: string, by: Instruction) => declaredBy.set(name, [...(declaredBy.get(name) ?? []), by]);
    for (const stage of model.stages) {
      for (const i of stage.instructions) {
        if (i.keyword === 'ARG') for (const d of argDefinitions(i, escape)) declare(d.key, i);
        if (i.keyword === 'ENV') for (const p of i.properties) declare(p.key, i);
      }
    }
    const declaredElsewhere = (name: string, instruction: Instruction) => globalNames.has(name) || (declaredBy.get(name) ?? []).some((i) => i !== instruction);
    const globals = globalScope(model);
    const scopes: Scope[] = [];

    for (const stage of model.stages) {
      const base = stage.image ? expandWord(stage.image.raw, (k) => globals.values.get(k), model.escapeChar).value : '';
      const parent = base ? parentStageIndex(model, stage.index, base) : undefined;
      const scope: Scope =
        parent !== undefined
          ? { known: new Set(scopes[parent]!.known), imageEnvUnknown: scopes[parent]!.imageEnvUnknown }
          : { known: new Set(ALWAYS_SET), imageEnvUnknown: base.toLowerCase() !== 'scratch' };
      scopes.push(scope);

      const check = (instruction: Instruction, region: Range, reported: Set<string>) => {
        const mapped = mappedText(model, region);
        if (!mapped.text.includes('$')) return;
        const expansion = expandWord(mapped.text, (k) => (scope.known.has(k) || PROXY_ARGS.has(k) ? '' : undefined), model.escapeChar);
        for (const ref of expansion.refs) {
          if (ref.found || NON_ENV_ARGS.has(ref.name) || reported.has(ref.name)) continue;
          const suggestion = suggestName(ref.name, scope.known);
          // Without the base image's environment, an unknown UPPER_CASE name may well come from it
          // (PYTHON_VERSION, GOPATH…): report it only when the Dockerfile itself points at a mistake.
          // A typo keeps the length or is one edit away; GOPATH is no typo of PATH.
          const typo = suggestion !== undefined && (suggestion.length === ref.name.length || levenshtein(ref.name, suggestion, 3) === 1);
          const likelyMistake =
            !scope.imageEnvUnknown ||
            typo ||
            declaredElsewhere(ref.name, instruction) ||
            platformArgs.has(ref.name) ||
            LOWERCASE.test(ref.name);
          if (!likelyMistake) continue;
          reported.add(ref.name);
          let message = `Usage of undefined variable '$${ref.name}'`;
          if (suggestion) message += ` (did you mean $${suggestion}?)`;
          else if (globalNames.has(ref.name)) message += `: a global ARG is only visible in a stage after \`ARG ${ref.name}\` in that stage`;
          else if (platformArgs.has(ref.name)) message += `: declare \`ARG ${ref.name}\` in this stage to get the predefined build argument`;
          else message += ': declare it with ARG or ENV before this instruction';
          ctx.report({ range: mapped.range(ref.start, ref.end), message });
        }
      };

      for (const instruction of stage.instructions) {
        if (instruction.keyword === 'FROM') continue;
        // BuildKit reports each undefined name once per instruction.
        const reported = new Set<string>();
        if (instruction.keyword === 'ARG') {
          // Each ARG default is expanded before the next name is declared.
          for (const d of argDefinitions(instruction, escape)) {
            if (d.valueRange) check(instruction, d.valueRange, reported);
            scope.known.add(d.key);
          }
          continue;
        }
        for (const region of expandedRegions(instruction)) check(instruction, region, reported);
        // ENV assignments take effect after the whole instruction was expanded.
        if (instruction.keyword === 'ENV') for (const p of instruction.properties) scope.known.add(p.key);
      }
    }
  },
);
