import assert from 'node:assert/strict';
import { DaemonError } from '../../../src/core/labs/daemon';
import { evaluateCheck } from '../../../src/core/labs/evaluate';
import type { CheckContext } from '../../../src/core/labs/check';
import { environment, kindsOf, spec, worldKind } from '../../support/lab-pack';

const ctx = (): CheckContext => ({ ...environment(), answer: () => undefined, checkId: 'l/s/0', signal: new AbortController().signal });

describe('core/labs/evaluate: one check, eventual state, trust', () => {
  it('judges once when the timeout is 0: a failing check runs exactly once and fails', async () => {
    const world = { state: 'exited' };
    const { kind, counter } = worldKind('w', world, ['container']);
    const result = await evaluateCheck(spec('w', { key: 'state', want: 'running' }), ctx(), { kinds: kindsOf(kind), trusted: true });
    assert.equal(result.status, 'failed');
    assert.equal(counter.runs, 1);
    assert.deepEqual(result.observations[0], { field: 'state', ok: false, expected: 'running', actual: 'exited', hint: 'set state to running' });
    assert.equal(result.name, 'state is running');
  });

  it('retries every interval until it holds, within the timeout', async () => {
    const world = { state: 'created' };
    const { kind, counter } = worldKind('w', world, []);
    setTimeout(() => (world.state = 'running'), 80);
    const started = Date.now();
    const result = await evaluateCheck(spec('w', { key: 'state', want: 'running' }, { timeoutMs: 1000, intervalMs: 20 }), ctx(), { kinds: kindsOf(kind), trusted: true });
    assert.equal(result.status, 'passed');
    assert.ok(Date.now() - started >= 75, 'it waited for the change');
    assert.ok(Date.now() - started < 500, 'and stopped as soon as it held');
    assert.ok(counter.runs >= 3 && counter.runs <= 8, `ran ${counter.runs} times at a 20 ms interval over ~80 ms`);
  });

  it('gives up after the timeout with the last failed observation', async () => {
    const { kind, counter } = worldKind('w', { state: 'exited' }, []);
    const started = Date.now();
    const result = await evaluateCheck(spec('w', { key: 'state', want: 'running' }, { timeoutMs: 150, intervalMs: 30 }), ctx(), { kinds: kindsOf(kind), trusted: true });
    const took = Date.now() - started;
    assert.equal(result.status, 'failed');
    assert.ok(took >= 145 && took < 400, `waited about the timeout (${took} ms)`);
    assert.ok(counter.runs >= 5 && counter.runs <= 8, `ran ${counter.runs} times`);
    assert.ok(result.ms >= 120, 'the result carries the time it took in all');
  });

  it('must hold for stableFor: a check that flaps never passes; one that settles passes after the window', async () => {
    const world = { state: 'running' };
    const { kind } = worldKind('w', world, []);
    const flap = setInterval(() => (world.state = world.state === 'running' ? 'restarting' : 'running'), 25);
    try {
      const flapping = await evaluateCheck(spec('w', { key: 'state', want: 'running' }, { timeoutMs: 300, intervalMs: 10, stableForMs: 100 }), ctx(), {
        kinds: kindsOf(kind),
        trusted: true,
      });
      assert.equal(flapping.status, 'failed');
    } finally {
      clearInterval(flap);
    }
    world.state = 'running';
    const started = Date.now();
    const settled = await evaluateCheck(spec('w', { key: 'state', want: 'running' }, { timeoutMs: 300, intervalMs: 10, stableForMs: 100 }), ctx(), {
      kinds: kindsOf(kind),
      trusted: true,
    });
    assert.equal(settled.status, 'passed');
    assert.ok(Date.now() - started >= 95, 'it held for the whole window before passing');
  });

  it('a throw is errored with its message, never failed (DaemonError or any error)', async () => {
    const kind = { ...worldKind('w', {}, []).kind, run: async () => Promise.reject(new DaemonError('the daemon at unix:///nope.sock is not answering')) };
    const result = await evaluateCheck(spec('w', { key: 'a', want: 'b' }), ctx(), { kinds: kindsOf(kind), trusted: true });
    assert.equal(result.status, 'errored');
    assert.equal(result.error, 'the daemon at unix:///nope.sock is not answering');
    const plain = await evaluateCheck(spec('w', { key: 'a', want: 'b' }), ctx(), { kinds: kindsOf(worldKind('w', { a: 'THROW' }, []).kind), trusted: true });
    assert.equal(plain.status, 'errored');
    assert.equal(plain.error, 'cannot read a');
  });

  it('an unknown kind is errored and says so', async () => {
    const result = await evaluateCheck(spec('nope'), ctx(), { kinds: kindsOf(), trusted: true });
    assert.equal(result.status, 'errored');
    assert.match(result.error!, /there is no check kind "nope"/);
  });

  it('a needsTrust kind in an untrusted workspace is held back without running; trusted, it runs', async () => {
    const { kind, counter } = worldKind('script', { out: 'ok' }, [], { needsTrust: true });
    const held = await evaluateCheck(spec('script', { key: 'out', want: 'ok' }), ctx(), { kinds: kindsOf(kind), trusted: false });
    assert.equal(held.status, 'errored');
    assert.equal(held.error, "held back: a script check runs only in a trusted workspace (it runs the pack's commands); trust the workspace to run it");
    assert.equal(counter.runs, 0);
    const ran = await evaluateCheck(spec('script', { key: 'out', want: 'ok' }), ctx(), { kinds: kindsOf(kind), trusted: true });
    assert.equal(ran.status, 'passed');
    assert.equal(counter.runs, 1);
  });

  it('`once` ignores the timeout (the self-test judges "before solve" once)', async () => {
    const { kind, counter } = worldKind('w', { state: 'exited' }, []);
    const result = await evaluateCheck(spec('w', { key: 'state', want: 'running' }, { timeoutMs: 5000, intervalMs: 10 }), ctx(), { kinds: kindsOf(kind), trusted: true, once: true });
    assert.equal(result.status, 'failed');
    assert.equal(counter.runs, 1);
  });
});
