// Running a check kind on fields written as in a pack, against the real daemon: fields go through
// parseField as the loader parses them, and a throw becomes errored as the runner makes it.
import assert from 'node:assert/strict';
import type { CheckContext, CheckKind, CheckResult, Observation } from '../../src/core/labs/check';
import type { LabDaemon } from '../../src/core/labs/daemon';
import { parseField } from '../../src/core/labs/fields';
import { createDockerClient } from '../../src/docker/client';
import { daemonForLabs } from '../../src/docker/labs';
import { TEST_LABEL, removeContainer, testClient } from './daemon';
import { waitFor } from './wait';

export function labDaemon(): LabDaemon {
  const client = testClient();
  return daemonForLabs(() => client);
}

/** A daemon at a socket nothing listens on. */
export function deadLabDaemon(): LabDaemon {
  const client = createDockerClient({ env: { DOCKER_HOST: `unix:///tmp/shipshape-dead-${process.pid}.sock` } });
  return daemonForLabs(() => client);
}

/** The kind's fields parsed as the loader parses them; an unknown field, a missing required one or a bad value throws. */
export function parseFields(kind: CheckKind, raw: Record<string, unknown>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    const spec = kind.meta.fields[name];
    if (!spec) throw new Error(`${kind.meta.kind} has no field ${name}`);
    const parsed = parseField(spec, value);
    if (!parsed.ok) throw new Error(`${kind.meta.kind}.${name}: ${parsed.message}`);
    fields[name] = parsed.value;
  }
  for (const [name, spec] of Object.entries(kind.meta.fields)) if (spec.required && !(name in fields)) throw new Error(`${kind.meta.kind} needs ${name}`);
  return fields;
}

function context(daemon: LabDaemon): CheckContext {
  const unused = (what: string) => () => Promise.reject(new Error(`the container family does not use ${what}`));
  return {
    daemon,
    packRoot: '/nonexistent-pack',
    workspace: undefined,
    readFile: unused('readFile'),
    httpGet: unused('httpGet'),
    runScript: unused('runScript'),
    answer: () => undefined,
    checkId: 'test/step/0',
    signal: new AbortController().signal,
  };
}

/** Judges once, as the runner does: a throw is errored with its message. */
export async function runCheck(kind: CheckKind, raw: Record<string, unknown>, daemon: LabDaemon = labDaemon()): Promise<CheckResult> {
  const fields = parseFields(kind, raw);
  const name = kind.title(fields);
  const started = Date.now();
  try {
    const observations = await kind.run(fields, context(daemon));
    return { status: observations.every((o) => o.ok) ? 'passed' : 'failed', name, observations, ms: Date.now() - started };
  } catch (error) {
    return { status: 'errored', name, observations: [], error: (error as Error).message, ms: Date.now() - started };
  }
}

/** A failed observation as a case names it: every part a person reads. */
export type Failure = Pick<Observation, 'field' | 'expected' | 'actual' | 'hint'>;

export interface KindCases {
  /** Each must pass. */
  passing: { name: string; fields: () => Record<string, unknown> }[];
  /** Each must fail with exactly these failed observations (the passing ones are not listed). */
  failing: { name: string; fields: () => Record<string, unknown>; failures: () => Failure[] }[];
}

/** One test per case, like the lint rules' valid/invalid tables, and one against a dead socket (errored). Fields are functions so ids read in before() can be used. */
export function kindCases(kind: CheckKind, cases: KindCases): void {
  for (const c of cases.passing) {
    it(`passes: ${c.name}`, async () => {
      const result = await runCheck(kind, c.fields());
      assert.equal(result.status, 'passed', JSON.stringify(result, null, 1));
      assert.ok(result.observations.length > 0, 'a pass says what it saw');
    });
  }
  it('is errored, not failed, when the daemon cannot be reached', async () => {
    const fields = (cases.passing[0] ?? cases.failing[0])!.fields();
    const result = await runCheck(kind, fields, deadLabDaemon());
    assert.equal(result.status, 'errored', JSON.stringify(result, null, 1));
    assert.match(result.error ?? '', new RegExp(`shipshape-dead-${process.pid}\\.sock`));
  });
  for (const c of cases.failing) {
    it(`fails: ${c.name}`, async () => {
      const result = await runCheck(kind, c.fields());
      assert.equal(result.status, 'failed', JSON.stringify(result, null, 1));
      const failures = result.observations.filter((o) => !o.ok).map(({ field, expected, actual, hint }) => ({ field, expected, actual, hint }));
      assert.deepEqual(failures, c.failures());
    });
  }
}

export interface BusyboxOptions {
  /** busybox:latest unless given (an id, another tag of it). */
  image?: string;
  cmd?: string[];
  env?: string[];
  labels?: Record<string, string>;
  user?: string;
  healthcheck?: Record<string, unknown>;
  /** Exposed without being published ("9090/tcp"). */
  expose?: string[];
  hostConfig?: Record<string, unknown>;
  /** false: created, not started. */
  start?: boolean;
}

/** Busybox containers for one test file: labelled, uniquely named by the caller, all removed by removeAll(). */
export function labContainers() {
  const client = testClient();
  const ids: string[] = [];
  return {
    client,
    async run(name: string, o: BusyboxOptions = {}): Promise<string> {
      const container = await client.api.createContainer({
        name,
        Image: o.image ?? 'busybox:latest',
        Cmd: o.cmd ?? ['sleep', '300'],
        Env: o.env ?? [],
        Labels: { [TEST_LABEL]: 'true', ...o.labels },
        ...(o.user ? { User: o.user } : {}),
        ...(o.healthcheck ? { Healthcheck: o.healthcheck } : {}),
        // As docker run -p does: a published port is exposed too, or the daemon binds nothing.
        ExposedPorts: Object.fromEntries([...Object.keys((o.hostConfig?.PortBindings as object | undefined) ?? {}), ...(o.expose ?? [])].map((port) => [port, {}])),
        HostConfig: { AutoRemove: false, ...o.hostConfig },
      });
      ids.push(container.id);
      if (o.start !== false) await container.start();
      return container.id;
    },
    /** Waits until the container's State satisfies `condition`. */
    async until(id: string, what: string, condition: (state: { Status: string; Health?: { Status: string } }) => boolean, timeoutMs = 15_000): Promise<void> {
      await waitFor(async () => condition((await client.api.getContainer(id).inspect()).State as never), what, timeoutMs);
    },
    async remove(id: string): Promise<void> {
      ids.splice(ids.indexOf(id), 1);
      await removeContainer(client, id);
    },
    async removeAll(): Promise<void> {
      await Promise.all(ids.splice(0).map((id) => removeContainer(client, id)));
    },
  };
}
