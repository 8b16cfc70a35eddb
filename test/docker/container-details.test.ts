// The container-details model over a fake reader: what it caches, when it samples, and how a watch ends.
import assert from 'node:assert/strict';
import type { ContainerSummary } from '../../src/core/containers/summary';
import type { ContainerInternals } from '../../src/core/internals/model';
import { ContainerDetailsModel, DetailsReader } from '../../src/docker/container-details';

const summary = (id: string): ContainerSummary => ({ id, name: id, image: 'busybox', state: 'running', status: 'Up', created: '', labels: {}, ports: [] });
const SAMPLE = { read: '2026-12-02T19:54:02Z', memory_stats: { usage: 2048, limit: 4096 }, pids_stats: { current: 3 } };

function fakeReader(overrides: Partial<DetailsReader> = {}) {
  const calls: string[] = [];
  const reader: DetailsReader = {
    inspect: async (id) => (calls.push(`inspect ${id}`), { Id: id }),
    internals: async (id, helper) => (calls.push(`internals ${id} helper=${helper !== false}`), { id } as unknown as ContainerInternals),
    stats: async (id) => (calls.push(`stats ${id}`), SAMPLE),
    ...overrides,
  };
  return { reader, calls };
}

const options = { helperAllowed: () => false, confirm: async () => false, intervalMs: 60_000 };

describe('docker/container-details (the model under the tree, fake daemon)', () => {
  let model: ContainerDetailsModel | undefined;
  afterEach(() => model?.dispose());

  it('reads inspect and internals once per container summary, again for a new one', async () => {
    const { reader, calls } = fakeReader();
    model = new ContainerDetailsModel(reader, options);
    const first = summary('a');
    await model.details(first);
    await model.details(first);
    await model.details({ ...first, status: 'Up 2 s' });
    assert.deepEqual(calls, ['inspect a', 'internals a helper=false', 'inspect a', 'internals a helper=false']);
  });

  it('says why internals are missing instead of failing the whole section', async () => {
    const { reader } = fakeReader({ internals: async () => Promise.reject(new Error('cannot read /proc/42')) });
    model = new ContainerDetailsModel(reader, options);
    const d = await model.details(summary('a'));
    assert.deepEqual([d.inspect.Id, d.internals, d.problem], ['a', undefined, 'cannot read /proc/42']);
  });

  it('asks through the confirm callback once per helper command line', async () => {
    const asked: string[] = [];
    const { reader } = fakeReader({
      internals: async (_id, helper) => {
        if (helper === false) throw new Error('helper not offered');
        return { approved: await helper.confirm!('docker run --rm busybox') } as unknown as ContainerInternals;
      },
    });
    model = new ContainerDetailsModel(reader, { ...options, helperAllowed: () => true, confirm: async (line) => (asked.push(line), true) });
    const first = await model.details(summary('a'));
    const second = await model.details(summary('b'));
    assert.deepEqual([first.internals, second.internals], [{ approved: true }, { approved: true }]);
    assert.deepEqual(asked, ['docker run --rm busybox']);
  });

  it('samples watched containers only while active, and fires a change per sample', async () => {
    const { reader, calls } = fakeReader();
    model = new ContainerDetailsModel(reader, options);
    const changed: string[] = [];
    model.onDidChangeLive((id) => changed.push(id));
    model.watch('a', true);
    await new Promise((r) => setImmediate(r));
    assert.equal(calls.length, 0, 'nothing sampled while the view is hidden');
    model.setActive(true);
    await model.poll();
    assert.ok(calls.includes('stats a'));
    assert.deepEqual(model.live('a'), { kind: 'sampled', stats: { cpuPercent: 0, memory: { usage: 2048, limit: 4096, percent: 50 }, network: { rx: 0, tx: 0 }, block: { read: 0, write: 0 }, pids: 3 } });
    assert.ok(changed.length >= 1 && changed.every((id) => id === 'a'));
  });

  it('ends a watch whose stats call fails, saying the daemon\'s reason, and samples it no more', async () => {
    let fail = false;
    const calls: string[] = [];
    const { reader } = fakeReader({
      stats: async (id) => {
        calls.push(`stats ${id}`);
        if (fail) throw Object.assign(new Error('(HTTP code 404) no such container - No such container: a'), { statusCode: 404 });
        return SAMPLE;
      },
    });
    model = new ContainerDetailsModel(reader, options);
    model.watch('a', true);
    model.setActive(true);
    await model.poll();
    fail = true;
    await model.poll();
    assert.deepEqual(model.live('a'), { kind: 'stopped', reason: 'No such container: a' });
    const before = calls.length;
    await model.poll();
    assert.equal(calls.length, before, 'the dropped watch is not sampled again');
  });

  it('ends a watch when the container no longer runs (the daemon answers an empty sample)', async () => {
    const { reader } = fakeReader({ stats: async () => ({ read: '0001-01-01T00:00:00Z' }) });
    model = new ContainerDetailsModel(reader, options);
    model.watch('a', true);
    model.setActive(true);
    await model.poll();
    assert.deepEqual(model.live('a'), { kind: 'stopped', reason: 'the container is not running' });
    model.watch('a', true);
    assert.equal(model.live('a'), undefined, 'expanding again starts afresh');
  });
});
