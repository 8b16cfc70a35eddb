// A check as written into a CheckSpec: the common fields (kind, name, points, timeout, interval,
// stableFor) and the kind's own, each parsed with its field type (parseField) so `256m`, `1.5g`,
// `0.5` CPUs and `2s` are numbers by the time a check runs.
import type { CheckKind } from './check';
import { parseDuration, parseField } from './fields';
import type { ProblemList } from './manifest';
import type { CheckSpec, SourcePosition } from './pack';
import { nearestKey, type YamlPath } from '../yaml-positions';

export const DEFAULT_CHECK_INTERVAL_MS = 1000;

const COMMON = ['kind', 'name', 'points', 'timeout', 'interval', 'stableFor', 'expectBeforeSolve'];
const DURATIONS = { timeout: 0, interval: DEFAULT_CHECK_INTERVAL_MS, stableFor: 0 } as const;

export interface CheckScope {
  kinds: ReadonlyMap<string, CheckKind>;
  /** Every image the pack declares, by logical name, tag and reference. */
  imageNames: ReadonlySet<string>;
  /** Logical names only, for suggestions. */
  logicalNames: readonly string[];
  at: (path: YamlPath) => SourcePosition;
  problems: ProblemList;
}

export function parseCheck(raw: unknown, path: YamlPath, scope: CheckScope): CheckSpec | undefined {
  const { problems } = scope;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const written = raw as Record<string, unknown>;
  if (typeof written.kind !== 'string') return undefined; // the schema said it is missing
  const kind = scope.kinds.get(written.kind);
  if (!kind) {
    const guess = nearestKey(written.kind, [...scope.kinds.keys()]);
    const known = [...scope.kinds.keys()].join(', ') || 'none are registered';
    problems.error([...path, 'kind'], `unknown check kind "${written.kind}"`, guess ? `did you mean "${guess}"?` : `known kinds: ${known}`);
    return undefined;
  }
  let ok = true;
  const durations = { ...DURATIONS } as Record<keyof typeof DURATIONS, number>;
  for (const key of Object.keys(DURATIONS) as (keyof typeof DURATIONS)[]) {
    if (written[key] === undefined) continue;
    const raw = written[key];
    const ms = typeof raw === 'string' || typeof raw === 'number' ? parseDuration(raw) : undefined;
    if (ms === undefined || (key === 'interval' && ms <= 0)) {
      problems.error([...path, key], `${key}: "${String(raw)}" is not a duration`, 'write a number with ms, s, m or h: 500ms, 2s, 1m');
      ok = false;
    } else durations[key] = ms;
  }
  if (written.points !== undefined && !(Number.isInteger(written.points) && (written.points as number) >= 0)) {
    problems.error([...path, 'points'], `points: "${String(written.points)}" is not a whole number of points`, 'write a whole number, 0 or more');
    ok = false;
  }
  if (written.expectBeforeSolve !== undefined && !['failed', 'errored', 'passed'].includes(written.expectBeforeSolve as string)) {
    problems.error([...path, 'expectBeforeSolve'], `expectBeforeSolve: "${String(written.expectBeforeSolve)}" is not failed, errored or passed`, "write failed (the default), errored (it cannot be judged yet) or passed (it observes the machine): what the self-test expects before the step's solve runs");
    ok = false;
  }
  if (written.name !== undefined && typeof written.name !== 'string') {
    problems.error([...path, 'name'], 'name must be a string', 'write the name as text');
    ok = false;
  }
  const fields: Record<string, unknown> = {};
  const fieldsAt: Record<string, SourcePosition> = {};
  for (const [name, value] of Object.entries(written)) {
    if (COMMON.includes(name)) continue;
    const spec = kind.meta.fields[name];
    if (!spec) continue; // an unknown field: the schema named it, with the nearest known one
    const parsed = parseField(spec, value);
    if (!parsed.ok) {
      problems.error([...path, name], `${name}: ${parsed.message}`, parsed.hint ?? `see the ${kind.meta.kind} kind in docs/packs.md`);
      ok = false;
      continue;
    }
    if (spec.refersTo === 'image' && typeof parsed.value === 'string' && !scope.imageNames.has(parsed.value)) {
      const guess = nearestKey(parsed.value, scope.logicalNames);
      problems.error([...path, name], `${name}: "${parsed.value}" is not declared in images`, guess ? `did you mean "${guess}"?` : 'declare it under images: (build or pull), by name or tag');
      ok = false;
      continue;
    }
    fields[name] = parsed.value;
    fieldsAt[name] = scope.at([...path, name]);
  }
  if (!ok) return undefined;
  // What a field's type cannot say (a non-loopback URL, a quiz with two answers …), at the field it is about.
  const invalid = kind.validate?.(fields) ?? [];
  for (const p of invalid) problems.error(fields[p.field] !== undefined ? [...path, p.field] : path, `${p.field}: ${p.message}`, p.hint ?? `see the ${kind.meta.kind} kind in docs/packs.md`);
  if (invalid.length) return undefined;
  return {
    kind: kind.meta.kind,
    ...(typeof written.name === 'string' ? { name: written.name } : {}),
    ...(typeof written.points === 'number' ? { points: written.points } : {}),
    ...(['failed', 'errored', 'passed'].includes(written.expectBeforeSolve as string) ? { expectBeforeSolve: written.expectBeforeSolve as 'failed' | 'errored' | 'passed' } : {}),
    timeoutMs: durations.timeout,
    intervalMs: durations.interval,
    stableForMs: durations.stableFor,
    fields,
    fieldsAt,
    at: scope.at(path),
  };
}
