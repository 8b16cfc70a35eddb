// Packs built in code for the runner's, grade's and self-test's unit tests (the loader's own tests
// use pack folders), and check kinds over a value a test controls.
import type { CheckKind, CheckTrigger, Observation } from '../../src/core/labs/check';
import { observe } from '../../src/core/labs/check';
import type { CheckEnvironment } from '../../src/core/labs/evaluate';
import type { CheckSpec, Lab, Pack, SourcePosition, Step } from '../../src/core/labs/pack';

export const AT: SourcePosition = { file: 'shipshape-pack.yaml', line: 1, column: 1 };

export function spec(kind: string, fields: Record<string, unknown> = {}, common: Partial<CheckSpec> = {}): CheckSpec {
  return { kind, fields, fieldsAt: {}, timeoutMs: 0, intervalMs: 1000, stableForMs: 0, at: AT, ...common };
}

export function step(id: string, checks: CheckSpec[], more: Partial<Step> = {}): Step {
  return { id, title: `Step ${id}`, body: '', bodyFile: `${id}.md`, checks, hints: [], points: 10, needs: [], at: AT, ...more };
}

export function lab(id: string, steps: Step[]): Lab {
  return { id, title: `Lab ${id}`, intro: '', recap: '', steps, at: AT };
}

export function pack(labs: Lab[], more: Partial<Pack> = {}): Pack {
  return {
    schemaVersion: 1,
    id: 'sample',
    title: 'Sample',
    version: '1.0.0',
    description: '',
    requires: {},
    images: [],
    resources: { containers: [], networks: [], volumes: [], images: [], prefixes: [] },
    labs,
    root: '/nonexistent/pack',
    manifestFile: '/nonexistent/pack/shipshape-pack.yaml',
    contentHash: 'sha256:0',
    ...more,
  };
}

/** An environment whose daemon must not be used (the kinds under test look at the world object). */
export function environment(): CheckEnvironment {
  const refuse = () => Promise.reject(new Error('the fake environment has no daemon'));
  return {
    daemon: new Proxy({}, { get: () => refuse }) as CheckEnvironment['daemon'],
    packRoot: '/nonexistent/pack',
    workspace: undefined,
    readFile: async () => undefined,
    httpGet: refuse,
    runScript: refuse,
  };
}

/** A kind named `name` that compares world[key] with fields.want, counting its runs. */
export function worldKind(name: string, world: Record<string, string>, triggers: readonly CheckTrigger[], more: Partial<CheckKind['meta']> = {}) {
  const counter = { runs: 0 };
  const kind: CheckKind = {
    meta: { kind: name, description: 'test kind', fields: {}, triggers, examples: [], ...more },
    title: (f) => `${String(f.key)} is ${String(f.want)}`,
    async run(f): Promise<Observation[]> {
      counter.runs++;
      const actual = world[String(f.key)] ?? 'missing';
      if (actual === 'THROW') throw new Error(`cannot read ${String(f.key)}`);
      return [observe(String(f.key), actual === f.want, String(f.want), actual, `set ${String(f.key)} to ${String(f.want)}`)];
    },
  };
  return { kind, counter };
}

export const kindsOf = (...kinds: CheckKind[]) => new Map(kinds.map((k) => [k.meta.kind, k]));
