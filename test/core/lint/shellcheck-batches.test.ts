// The batching and caching of ShellCheck's scripts as pure logic: the process is a function written for the test
// (it records what it was given and answers one comment per script naming it). The real binary is used in
// test/process/shellcheck-batches.test.ts.
import assert from 'node:assert/strict';
import { BatchLimits, RunBatch, ShellcheckBatches } from '../../../src/core/lint/shellcheck-batches';

interface Fake {
  batches: ShellcheckBatches<string>;
  /** The texts each process got, in start order. */
  calls: string[][];
  /** Most processes running at once. */
  peak: () => number;
}

function fake(limits: Partial<BatchLimits> = {}, behave: (texts: string[]) => void = () => {}): Fake {
  const calls: string[][] = [];
  let running = 0;
  let peak = 0;
  const run: RunBatch<string> = async (texts) => {
    calls.push(texts);
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, 5));
    running--;
    behave(texts);
    return texts.map((t) => [`checked ${t}`]);
  };
  const batches = new ShellcheckBatches(run, { maxScripts: 10, maxChars: 1000, concurrency: 2, cacheSize: 100, ...limits });
  return { batches, calls, peak: () => peak };
}

describe('ShellcheckBatches (a fake process)', () => {
  it('scripts asked for by several lints in one turn share processes, spread over the concurrency', async () => {
    const f = fake();
    const [a, b] = await Promise.all([f.batches.check(['a1', 'a2', 'a3']), f.batches.check(['b1', 'b2', 'b3'])]);
    assert.deepEqual(a, [{ comments: ['checked a1'] }, { comments: ['checked a2'] }, { comments: ['checked a3'] }]);
    assert.deepEqual(b.map((r) => ('comments' in r ? r.comments[0] : r.failure)), ['checked b1', 'checked b2', 'checked b3']);
    assert.deepEqual(f.calls, [['a1', 'a2', 'a3'], ['b1', 'b2', 'b3']]);
  });

  it('never runs more processes than the concurrency, nor more scripts or characters per process than the limits', async () => {
    const f = fake({ maxScripts: 4, maxChars: 10, concurrency: 2 });
    const texts = Array.from({ length: 30 }, (_, i) => `s${String(i).padStart(2, '0')}`);
    const results = await f.batches.check(texts);
    assert.equal(results.length, 30);
    assert.equal(f.peak(), 2);
    assert.ok(f.calls.every((c) => c.length <= 3 && c.join('').length <= 10), JSON.stringify(f.calls));
    assert.deepEqual(f.calls.flat().sort(), texts);
  });

  it('a script larger than maxChars still goes, alone', async () => {
    const f = fake({ maxChars: 5 });
    await f.batches.check(['x'.repeat(50), 'y']);
    assert.deepEqual(f.calls.map((c) => c.map((t) => t.length)), [[50], [1]]);
  });

  it('an identical script is checked once, within a lint, across lints and later (the editor\'s re-lint)', async () => {
    const f = fake();
    await Promise.all([f.batches.check(['same', 'other']), f.batches.check(['same'])]);
    const again = await f.batches.check(['same', 'other', 'new']);
    assert.deepEqual(again.map((r) => ('comments' in r ? r.comments[0] : '')), ['checked same', 'checked other', 'checked new']);
    assert.deepEqual(f.calls.flat().sort(), ['new', 'other', 'same']);
  });

  it('the same text under another context (version, options) is checked again', async () => {
    const f = fake();
    await f.batches.check(['t'], '0.9.0');
    await f.batches.check(['t'], '0.10.0');
    await f.batches.check(['t'], '0.9.0');
    assert.equal(f.calls.length, 2);
  });

  it('keeps at most cacheSize answers, dropping the least recently used', async () => {
    const f = fake({ cacheSize: 2 });
    await f.batches.check(['a']);
    await f.batches.check(['b']);
    await f.batches.check(['a']); // a is now the most recent
    await f.batches.check(['c']); // drops b
    await f.batches.check(['a']);
    await f.batches.check(['b']);
    assert.deepEqual(f.calls.flat(), ['a', 'b', 'c', 'b']);
  });

  it('cacheSize 0 checks every script every time', async () => {
    const f = fake({ cacheSize: 0 });
    await f.batches.check(['a', 'a']);
    await f.batches.check(['a']);
    assert.equal(f.calls.flat().length, 3);
  });

  it('a process that fails on one script: the others are checked alone and keep their answers, the one fails with its reason', async () => {
    const f = fake({ concurrency: 1 }, (texts) => {
      if (texts.includes('bad')) throw new Error('shellcheck crashed on bad');
    });
    const results = await f.batches.check(['ok1', 'bad', 'ok2']);
    assert.deepEqual(results, [{ comments: ['checked ok1'] }, { failure: 'shellcheck crashed on bad' }, { comments: ['checked ok2'] }]);
    assert.deepEqual(f.calls, [['ok1', 'bad', 'ok2'], ['ok1'], ['bad'], ['ok2']]);
  });

  it('a failure is not kept: the next lint asks ShellCheck again', async () => {
    let failing = true;
    const f = fake({}, () => {
      if (failing) throw new Error('timed out');
    });
    assert.deepEqual(await f.batches.check(['t']), [{ failure: 'timed out' }]);
    failing = false;
    assert.deepEqual(await f.batches.check(['t']), [{ comments: ['checked t'] }]);
  });
});
