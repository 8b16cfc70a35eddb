// `.hadolint.yaml` / `.hadolint.yml`: found from the Dockerfile's folder upward (then hadolint's
// per-user places), parsed with positions, validated against a JSON Schema, and turned into a
// LintConfig. Every problem carries file:line:col and a hint.
import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Document } from 'yaml';
import type { LintConfig } from './config';
import type { RuleIds } from './rule-ids';
import { SEVERITIES, type LabelType, type Severity } from './types';
import type { Explained } from '../yaml-positions';

// The YAML parser and the schema validator are loaded when a config file is read, not with the linter: most
// linted folders have no .hadolint.yaml, and loading both is a noticeable part of a CLI run's start-up.
const yamlPositions = () => require('../yaml-positions') as typeof import('../yaml-positions');

export const CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

export interface ConfigProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  hint: string;
  /** An error leaves the file's settings unused; a warning (an unknown rule id) does not. */
  severity: 'error' | 'warning';
  /** The file exists but could not be read (a folder, no permission): shown where the Dockerfile is, not in the file. */
  unreadable?: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigError';
  }
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}\n  hint: ${p.hint}`;
}

const LABEL_TYPES = ['text', 'url', 'spdx', 'hash', 'rfc3339', 'semver', 'email'];
const idList = { type: 'array', items: { type: 'string', minLength: 1 } };

/** hadolint's configuration keys (its own schema forbids others). */
export const hadolintConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    'disable-ignore-pragma': { type: 'boolean' },
    'failure-threshold': { enum: [...SEVERITIES, 'ignore', 'none'] },
    format: { enum: ['tty', 'json', 'checkstyle', 'codeclimate', 'gitlab_codeclimate', 'gnu', 'codacy', 'sonarqube', 'sarif'] },
    ignored: idList,
    'label-schema': { type: 'object', additionalProperties: { enum: LABEL_TYPES } },
    'no-color': { type: 'boolean' },
    'no-fail': { type: 'boolean' },
    override: { type: 'object', additionalProperties: false, properties: Object.fromEntries(SEVERITIES.map((s) => [s, idList])) },
    'strict-labels': { type: 'boolean' },
    trustedRegistries: { type: 'array', items: { type: 'string', minLength: 1 } },
    verbose: { type: 'boolean' },
  },
} as const;

let validator: ReturnType<Ajv['compile']> | undefined;

function explain(error: ErrorObject): Explained {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the top level';
  const knownKeys = error.instancePath === '' ? Object.keys(hadolintConfigSchema.properties) : error.instancePath === '/override' ? SEVERITIES : [];
  return yamlPositions().explainAjvError(error, { where, knownKeys, fallbackHint: 'see https://github.com/hadolint/hadolint#configure' });
}

/** Problems in file order. */
function inFileOrder(problems: ConfigProblem[]): ConfigProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * Parses and validates a hadolint config file's text. With an error the settings are not used (config is
 * empty); warnings name rule ids that no rule has (when `ids` is given), at their position.
 */
export function readHadolintConfig(text: string, file: string, ids?: RuleIds): { config: Partial<LintConfig>; problems: ConfigProblem[] } {
  const { parseYaml, positionAt, offsetOf, pathOf } = yamlPositions();
  const parsed = parseYaml(text);
  const { doc } = parsed;
  const at = (offset: number) => positionAt(parsed, offset);
  const problems: ConfigProblem[] = parsed.syntax.map((e) => ({ file, ...at(e.offset), message: e.message, hint: e.hint, severity: 'error' as const }));
  if (problems.length) return { config: {}, problems: inFileOrder(problems) };
  const data: unknown = doc.toJS() ?? {};
  const AjvClass = (require('ajv') as { default: typeof Ajv }).default;
  validator ??= new AjvClass({ allErrors: true, strict: false, verbose: true }).compile(hadolintConfigSchema);
  if (!validator(data)) {
    for (const error of validator.errors ?? []) {
      const explained = explain(error);
      // Point at the offending key for unknown keys, otherwise at the value.
      const pos = at(offsetOf(doc, pathOf(error.instancePath), explained.key));
      problems.push({ file, ...pos, message: explained.message, hint: explained.hint, severity: 'error' });
    }
    return { config: {}, problems: inFileOrder(problems) };
  }
  if (ids) problems.push(...unknownIds(doc, file, ids, at));
  return { config: toLintConfig(data as Record<string, unknown>), problems: inFileOrder(problems) };
}

/** Unknown ids in `ignored` and the `override` lists. */
function unknownIds(doc: Document, file: string, ids: RuleIds, at: (offset: number) => { line: number; column: number }): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const lists: (string | number)[][] = [['ignored'], ...SEVERITIES.map((s) => ['override', s])];
  for (const where of lists) {
    const list = doc.getIn(where, true);
    if (!(require('yaml') as typeof import('yaml')).isSeq(list)) continue;
    for (const item of list.items) {
      const node = item as { value?: unknown; range?: [number, number] };
      if (typeof node.value !== 'string' || ids.isKnown(node.value)) continue;
      const pos = at(node.range?.[0] ?? 0);
      problems.push({ file, line: pos.line, column: pos.column, message: `unknown rule id "${node.value}" in ${where.join('.')}`, hint: ids.hint(node.value), severity: 'warning' });
    }
  }
  return problems;
}

function toLintConfig(raw: Record<string, unknown>): Partial<LintConfig> {
  const config: Partial<LintConfig> = {};
  if (raw.ignored) config.ignored = raw.ignored as string[];
  if (raw.override) config.override = raw.override as Partial<Record<Severity, string[]>>;
  if (raw.trustedRegistries) config.trustedRegistries = raw.trustedRegistries as string[];
  if (raw['label-schema']) config.labelSchema = raw['label-schema'] as Record<string, LabelType>;
  if (raw['strict-labels'] !== undefined) config.strictLabels = raw['strict-labels'] as boolean;
  if (raw['disable-ignore-pragma'] !== undefined) config.disableIgnorePragma = raw['disable-ignore-pragma'] as boolean;
  if (raw['no-fail'] !== undefined) config.noFail = raw['no-fail'] as boolean;
  const threshold = raw['failure-threshold'] as string | undefined;
  if (threshold) config.failureThreshold = threshold === 'ignore' ? 'none' : (threshold as LintConfig['failureThreshold']);
  return config;
}

/** Parses and validates a hadolint config file's text; throws a ConfigError on an error. */
export function parseHadolintConfig(text: string, file: string): Partial<LintConfig> {
  const { config, problems } = readHadolintConfig(text, file);
  if (problems.some((p) => p.severity === 'error')) throw new ConfigError(problems);
  return config;
}

export interface ConfigSearch {
  home?: string;
  xdgConfigHome?: string;
}

/** The config file that applies to a Dockerfile in `dir`: nearest upward, then hadolint's per-user places. */
export function findHadolintConfig(dir: string, search: ConfigSearch = {}, exists: (file: string) => boolean = fs.existsSync): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (exists(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  const home = search.home ?? os.homedir();
  const xdg = search.xdgConfigHome ?? process.env.XDG_CONFIG_HOME ?? path.join(home, '.config');
  const userPlaces = [path.join(xdg, 'hadolint.yaml'), path.join(home, '.config', 'hadolint.yaml'), path.join(home, '.hadolint', 'hadolint.yaml'), path.join(home, '.hadolint.yaml')];
  return userPlaces.find((p) => exists(p));
}

/** The problem of a file that exists but cannot be read. */
export function unreadable(file: string, error: unknown): ConfigProblem {
  return { file, line: 1, column: 1, message: `cannot read: ${error instanceof Error ? error.message : String(error)}`, hint: 'check the path and its permissions', severity: 'error', unreadable: true };
}
