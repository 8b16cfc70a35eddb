// Build arguments as BuildKit sees them: its word expansion (`$X`, `${X:-y}`, quotes, escapes), the
// predefined platform args, the global ARG scope of FROM lines, and the images the stages build on.
import type { DockerfileModel, Stage } from './types';

/** One `$NAME` / `${NAME…}` reference: its offsets in the text given, and whether the lookup knew it. */
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

/**
 * Expands one word the way BuildKit's shell lexer does (quotes removed, `\` escapes, `${x:-y}` …). Never throws.
 * `processQuotes: false` is its SkipProcessQuotes mode (heredoc bodies of COPY/ADD): quotes are plain text.
 */
export function expandWord(text: string, lookup: Lookup, escape = '\\', processQuotes = true): Expansion {
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
      else if (processQuotes && ch === "'") out += single();
      else if (processQuotes && ch === '"') out += double();
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

export interface GlobalScope {
  /** Values of the predefined args and of the global ARGs with a default, as a build without --build-arg sees them. */
  values: ReadonlyMap<string, string>;
  /** Every name FROM may use: predefined args and every global ARG (with or without default). */
  names: ReadonlySet<string>;
  /** A default value failed to expand (BuildKit gives up on default-value checks then). */
  error: boolean;
}

const defaultScopes = new WeakMap<DockerfileModel, GlobalScope>();

/** The global ARG scope of FROM lines, computed like BuildKit's buildMetaArgs without build args (shared per model: do not modify). */
export function globalScope(model: DockerfileModel, platform?: string): GlobalScope {
  if (platform !== undefined) return computeGlobalScope(model, platform);
  let scope = defaultScopes.get(model);
  if (!scope) defaultScopes.set(model, (scope = computeGlobalScope(model, undefined)));
  return scope;
}

function computeGlobalScope(model: DockerfileModel, platform: string | undefined): GlobalScope {
  const lastStage = model.stages[model.stages.length - 1];
  const values = predefinedArgs(platform, lastStage?.name?.toLowerCase() ?? '');
  const names = new Set(values.keys());
  let error = false;
  for (const arg of model.globalArgs) {
    for (const d of arg.properties) {
      names.add(d.key);
      if (d.rawValue === null) continue;
      const expanded = expandWord(d.rawValue, (k) => values.get(k), model.escapeChar);
      error ||= expanded.error;
      values.set(d.key, expanded.value);
    }
  }
  return { values, names, error };
}

/** The stage a FROM builds on (by name, case-insensitively, among the stages before it), if any. */
export function parentStageIndex(model: DockerfileModel, stageIndex: number, baseName: string): number | undefined {
  const wanted = baseName.toLowerCase();
  for (let i = stageIndex - 1; i >= 0; i--) if (model.stages[i]!.name?.toLowerCase() === wanted) return i;
  return undefined;
}

/** The image a stage's FROM pulls, global ARGs expanded; undefined for scratch, an earlier stage, or a name only the build knows. */
export function pulledImage(model: DockerfileModel, stage: Stage, globals: GlobalScope): string | undefined {
  if (!stage.image) return undefined;
  const name = expandWord(stage.image.raw, (k) => globals.values.get(k), model.escapeChar);
  if (name.error || name.refs.some((r) => !r.found) || name.value === '' || name.value.toLowerCase() === 'scratch') return undefined;
  if (parentStageIndex(model, stage.index, name.value) !== undefined) return undefined;
  return name.value;
}

/** The distinct images the stages build on (see pulledImage), in order of first use; `platform` fills the predefined platform args. */
export function baseImageReferences(model: DockerfileModel, platform?: string): string[] {
  const globals = globalScope(model, platform);
  const out = new Set<string>();
  for (const stage of model.stages) {
    const name = pulledImage(model, stage, globals);
    if (name !== undefined) out.add(name);
  }
  return [...out];
}

/** The earlier stage a stage's FROM builds on, its name written out or in a global ARG's default (`FROM $BASE`). */
export function parentStage(model: DockerfileModel, stage: Stage, globals: GlobalScope = globalScope(model)): Stage | undefined {
  if (stage.parent) return stage.parent;
  if (!stage.image || !stage.image.raw.includes('$')) return undefined;
  const name = expandWord(stage.image.raw, (k) => globals.values.get(k), model.escapeChar);
  if (name.error || name.value === '') return undefined;
  const index = parentStageIndex(model, stage.index, name.value);
  return index === undefined ? undefined : model.stages[index];
}

/** A stage and the stages it is built on, nearest first: whose state (SHELL, WORKDIR, ENV, …) it starts from. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const globals = globalScope(model);
  const chain = [stage];
  for (let parent = parentStage(model, stage, globals); parent; parent = parentStage(model, parent, globals)) chain.push(parent);
  return chain;
}
