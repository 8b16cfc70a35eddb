// The manifest against its JSON Schema: ajv's errors, collapsed and in words, each at a path in the
// document. What the schema cannot say well (a check's own fields, versions, references) the assembler
// says; this module leaves those paths to it so nothing is reported twice.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { CheckKind } from './check';
import { packSchema } from './schema';
import { collapseAnyOf, explainAjvError, pathOf, type YamlPath } from '../yaml-positions';

/** A problem at a path in the manifest, positioned later; `key` points at a map's key instead of its value. */
export interface Located {
  path: YamlPath;
  key?: string;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

/** Collects problems at paths; the assembler reports through it. */
export class ProblemList {
  readonly items: Located[] = [];
  /** Paths whose value the schema already refused: nothing more is said at or under them. */
  private readonly refused: string[] = [];

  error(path: YamlPath, message: string, hint?: string, key?: string): void {
    this.add({ path, message, severity: 'error', ...(hint ? { hint } : {}), ...(key !== undefined ? { key } : {}) });
  }

  warn(path: YamlPath, message: string, hint?: string): void {
    this.add({ path, message, severity: 'warning', ...(hint ? { hint } : {}) });
  }

  refuse(path: YamlPath): void {
    this.refused.push(path.join('/'));
  }

  add(problem: Located): void {
    const at = problem.path.join('/');
    if (this.refused.some((r) => at === r || at.startsWith(`${r}/`) || r === '')) return;
    this.items.push(problem);
  }

  get hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }
}

const validators = new WeakMap<readonly CheckKind[], ValidateFunction>();

function validatorFor(kinds: readonly CheckKind[]): ValidateFunction {
  let v = validators.get(kinds);
  if (!v) {
    v = new Ajv({ allErrors: true, strict: false, verbose: true, discriminator: true }).compile(packSchema(kinds));
    validators.set(kinds, v);
  }
  return v;
}

/** Paths whose values the assembler parses and explains itself (with the field types' own words). */
const ASSEMBLER_OWNS = [
  /^\/labs\/\d+\/steps\/\d+\/checks\/\d+\/[^/]+/,
  /^\/labs\/\d+\/steps\/\d+\/(setup|solve|cleanup)\/timeout$/,
  /^\/(version|minShipshapeVersion)$/,
];

/** How a place in the manifest is named in a message: `labs[0].steps[1].checks[0]`. */
export function describePath(path: YamlPath): string {
  if (!path.length) return 'the manifest';
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

const ID_WORDS = 'an id: lowercase letters, digits and "-", starting with a letter or a digit, e.g. "first-lab"';

function explain(error: ErrorObject): Omit<Located, 'severity'> {
  const path = pathOf(error.instancePath);
  const explained = explainAjvError(error, { where: describePath(path), fallbackHint: 'see docs/packs.md for the manifest format' });
  if (error.keyword === 'pattern' && /\bid$|^name$|^needs$/.test(String(path.at(-1) ?? path.at(-2))))
    explained.hint = `write ${ID_WORDS}${path.at(-2) === 'needs' ? ', or lab-id/step-id' : ''}`;
  return { path, message: explained.message, hint: explained.hint, ...(explained.key !== undefined ? { key: explained.key } : {}) };
}

/** Validates the manifest's data; problems go to `problems`, refused paths are marked there. */
export function validateManifest(data: unknown, kinds: readonly CheckKind[], problems: ProblemList): void {
  const validate = validatorFor(kinds);
  if (validate(data)) return;
  const errors = collapseAnyOf(validate.errors ?? []).filter((e) => e.keyword !== 'discriminator' && !ASSEMBLER_OWNS.some((r) => r.test(e.instancePath)));
  // A missing key that is a typo of an unknown one present is said once, at the typo.
  const misspelt = new Set(
    errors.filter((e) => e.keyword === 'additionalProperties').map((e) => `${e.instancePath}|${explainAjvError(e, { where: '', fallbackHint: '' }).hint}`),
  );
  for (const error of errors) {
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}|did you mean "${String(error.params.missingProperty)}"?`)) continue;
    problems.add({ ...explain(error), severity: 'error' });
  }
  for (const error of errors) {
    const path = pathOf(error.instancePath);
    if (error.keyword === 'additionalProperties') problems.refuse([...path, String(error.params.additionalProperty)]);
    else if (error.keyword !== 'required') problems.refuse(path);
  }
}
