// Running one check kind in a test as the runner would: fields parsed by the kind's field types and
// validated (a test case with fields the loader would refuse fails), then judged once.
import assert from 'node:assert/strict';
import type { CheckContext, CheckKind, Observation } from '../../src/core/labs/check';
import { parseField } from '../../src/core/labs/fields';
import { daemonForLabs } from '../../src/docker/labs';
import { createCheckContext, type CheckContextOptions } from '../../src/process/lab-io';
import { testClient } from './daemon';

/** The fields as the loader hands them to the kind. */
export function parseFields(kind: CheckKind, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const spec = kind.meta.fields[name];
    assert.ok(spec, `${kind.meta.kind} has no field ${name}`);
    const parsed = parseField(spec, value);
    assert.ok(parsed.ok, `${kind.meta.kind}.${name}: ${parsed.ok ? '' : parsed.message}`);
    out[name] = parsed.value;
  }
  for (const [name, spec] of Object.entries(kind.meta.fields)) if (spec.required) assert.ok(name in out, `${kind.meta.kind} needs ${name}`);
  assert.deepEqual(kind.validate?.(out) ?? [], [], 'the loader would refuse these fields');
  return out;
}

/** A context on the machine's daemon, with the given parts replaced. */
export function labContext(overrides: Partial<CheckContextOptions> = {}, parts: Partial<CheckContext> = {}): CheckContext {
  const client = testClient();
  return { ...createCheckContext({ daemon: daemonForLabs(() => client), packRoot: process.cwd(), checkId: 'lab/step/0', ...overrides }), ...parts };
}

export async function judge(kind: CheckKind, raw: Record<string, unknown>, ctx: CheckContext): Promise<Observation[]> {
  return kind.run(parseFields(kind, raw), ctx);
}

/** The observation of one field, which must be there. */
export function field(observations: Observation[], name: string): Observation {
  const found = observations.find((o) => o.field === name);
  assert.ok(found, `no observation of ${name} among ${observations.map((o) => o.field).join(', ')}`);
  return found;
}

export const passed = (observations: Observation[]) => observations.every((o) => o.ok);

/** A failing case of a kind's table: the field that fails and its words, exactly (or matching). */
export interface FailingCase {
  title: string;
  fields: Record<string, unknown>;
  field: string;
  expected: string;
  actual: string | RegExp;
  hint: RegExp;
}

/** One `it` per case: the field's observation fails with the expected, actual and hint given. */
export function itFails(kind: CheckKind, cases: FailingCase[], ctx: () => CheckContext): void {
  for (const c of cases)
    it(`fails: ${c.title}`, async () => {
      const observations = await judge(kind, c.fields, ctx());
      const o = field(observations, c.field);
      assert.equal(o.ok, false, JSON.stringify(observations));
      assert.equal(o.expected, c.expected);
      if (typeof c.actual === 'string') assert.equal(o.actual, c.actual);
      else assert.match(o.actual, c.actual);
      assert.match(o.hint ?? '', c.hint);
    });
}
