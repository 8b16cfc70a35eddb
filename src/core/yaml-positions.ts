// YAML files validated against a JSON Schema, with every problem at the line:col of its node: the one way
// `.hadolint.yaml` and `shipshape-pack.yaml` are read. Parse with positions, map ajv's errors to nodes,
// explain each in words with a hint (unknown keys get the nearest known one).
import type { ErrorObject } from 'ajv';
import { Document, LineCounter, isMap, parseDocument } from 'yaml';
import { levenshtein } from './dockerfile/spelling';

/** A path into the document: map keys and sequence indexes. */
export type YamlPath = (string | number)[];

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** Syntax errors, each at its offset. */
  syntax: { offset: number; message: string; hint: string }[];
}

export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors.map((e) => ({
    offset: e.pos[0],
    message: `YAML: ${e.message.split('\n')[0]}`,
    hint: e.code === 'DUPLICATE_KEY' ? 'remove or rename one of the two keys' : 'fix the YAML syntax (indentation, a missing colon or quote)',
  }));
  return { doc, lineCounter, syntax };
}

/** 1-based line and column of an offset. */
export function positionAt(parsed: ParsedYaml, offset: number): { line: number; column: number } {
  const pos = parsed.lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** The offset of the node at a path, or of the key `key` in the map there (for unknown keys). */
export function offsetOf(doc: Document, path: YamlPath, key?: string): number {
  const node = path.length ? doc.getIn(path, true) : doc.contents;
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
    const at = (pair?.key as { range?: [number, number] } | undefined)?.range?.[0];
    if (at !== undefined) return at;
  }
  const at = (node as { range?: [number, number] } | undefined)?.range?.[0];
  // A path the document does not have (a default): the nearest ancestor that exists.
  if (at === undefined && path.length) return offsetOf(doc, path.slice(0, -1));
  return at ?? 0;
}

/** An ajv instancePath (`/labs/0/id`) as a YAML path. */
export function pathOf(instancePath: string): YamlPath {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
}

/** The known key nearest to a misspelt one, ignoring case, '-' and '_' (failure_threshold, FailureThreshold). */
export function nearestKey(word: string, candidates: readonly string[]): string | undefined {
  const normalized = (x: string) => x.toLowerCase().replace(/[-_]/g, '');
  const limit = Math.max(2, Math.floor(word.length / 3)) + 1;
  let best: string | undefined;
  let bestDistance = limit;
  for (const c of candidates) {
    const d = levenshtein(normalized(word), normalized(c), bestDistance);
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return best;
}

export interface Explained {
  message: string;
  hint: string;
  /** For an unknown key: the key, so the problem points at it rather than at its map. */
  key?: string;
}

export interface ExplainOptions {
  /** How the place is named in messages ("labs.0.id", "the top level"). */
  where: string;
  /** Known keys for an unknown one; by default the properties of the schema that refused it (ajv `verbose`). */
  knownKeys?: readonly string[];
  /** The hint for errors without a better one. */
  fallbackHint: string;
}

const KIND_WORDS: Record<string, string> = { array: 'a list', object: 'a mapping', integer: 'a whole number', boolean: 'true or false' };
const KIND_HINTS: Record<string, string> = { array: 'write it as a YAML list, one "- item" per line', object: 'write it as a YAML mapping, one "key: value" per line' };

/** One ajv error in words. */
export function explainAjvError(error: ErrorObject, options: ExplainOptions): Explained {
  const { where } = options;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = options.knownKeys ?? Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = nearestKey(key, known);
      return { message: `unknown key "${key}" in ${where}`, hint: guess ? `did you mean "${guess}"?` : `known keys: ${known.join(', ')}`, key };
    }
    case 'required':
      return { message: `${where} is missing "${String(error.params.missingProperty)}"`, hint: `add "${String(error.params.missingProperty)}:" to it` };
    case 'enum':
      return { message: `${where} must be one of ${(error.params.allowedValues as string[]).join(', ')}`, hint: 'use one of the listed values' };
    case 'const':
      return { message: `${where} must be ${JSON.stringify(error.params.allowedValue)}`, hint: `write ${JSON.stringify(error.params.allowedValue)}` };
    case 'type': {
      const type = String(error.params.type).split(',')[0]!;
      return { message: `${where} must be ${KIND_WORDS[type] ?? `a ${type}`}`, hint: KIND_HINTS[type] ?? `give it ${KIND_WORDS[type] ?? `a ${type}`} value` };
    }
    case 'minLength':
      return { message: `${where} must not be empty`, hint: 'remove the empty entry' };
    case 'minItems':
      return { message: `${where} needs at least ${String(error.params.limit)} item${error.params.limit === 1 ? '' : 's'}`, hint: 'add one' };
    case 'pattern': {
      const described = (error.parentSchema as { description?: string } | undefined)?.description;
      return { message: `${where}: ${JSON.stringify(error.data)} is not valid`, hint: described ? `expected ${described}` : `it must match ${String(error.params.pattern)}` };
    }
    case 'anyOf': {
      const described = (error.parentSchema as { description?: string } | undefined)?.description;
      return { message: described ? `${where} must be ${described}` : `${where} has none of the accepted forms`, hint: options.fallbackHint };
    }
    case 'minimum':
      return { message: `${where} must be at least ${String(error.params.limit)}`, hint: 'use a larger value' };
    default:
      return { message: `${where} ${error.message ?? 'is invalid'}`, hint: options.fallbackHint };
  }
}

const typeOf = (data: unknown): string => (Array.isArray(data) ? 'array' : data === null ? 'null' : Number.isInteger(data) ? 'integer' : typeof data);
const allows = (branch: { type?: string | string[] }, type: string): boolean => {
  const types = branch.type === undefined ? [] : Array.isArray(branch.type) ? branch.type : [branch.type];
  return types.includes(type) || (type === 'integer' && types.includes('number'));
};

/**
 * ajv reports every branch of a failed anyOf. Keep the errors of the one branch whose type the data has
 * (a list given for a list form: point into it); with none or several, keep only the anyOf error itself.
 */
export function collapseAnyOf(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  for (const anyOf of errors.filter((e) => e.keyword === 'anyOf')) {
    const branches = (anyOf.schema as { type?: string | string[] }[] | undefined) ?? [];
    const matching = branches.map((b, i) => (allows(b, typeOf(anyOf.data)) ? i : -1)).filter((i) => i >= 0);
    const prefix = `${anyOf.schemaPath}/`;
    kept = kept.filter((e) => {
      if (e === anyOf) return matching.length !== 1;
      if (!e.schemaPath.startsWith(prefix)) return true;
      return matching.length === 1 && e.schemaPath.startsWith(`${prefix}${matching[0]}/`);
    });
  }
  return kept;
}
