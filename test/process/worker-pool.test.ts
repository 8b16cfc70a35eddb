// The worker pool and the CLI's lint on it, against real worker threads: scripts written for the test that
// answer, throw, or die the ways a worker can (an uncaught error, an exit, a script that fails to load).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from '../../src/core/lint/engine';
import { lintInput } from '../../src/core/lint/lint-input';
import { LintSetup } from '../../src/core/lint/setup';
import { nodeLintHost } from '../../src/process/lint-host';
import { PARALLEL_FROM_CORES, PARALLEL_FROM_FILES, defaultJobs, lintInputs, shellcheckJobsPerThread, startLintWorkers } from '../../src/process/lint-jobs';
import { TaskFailed, WorkerPool, WorkerStopped } from '../../src/process/worker-pool';

/** A worker script answering the pool's protocol: `echo` returns its thread and payload, `fail` throws, `die` kills the thread. */
const SCRIPT = `
const { parentPort, threadId } = require('node:worker_threads');
parentPort.on('message', ({ id, kind, payload }) => {
  if (kind === 'echo') parentPort.postMessage({ id, result: { threadId, payload } });
  else if (kind === 'fail') parentPort.postMessage({ id, error: 'no such thing: ' + payload });
  else if (kind === 'die') setImmediate(() => { throw new Error('the worker broke: ' + payload); });
  else if (kind === 'exit') process.exit(3);
});
`;

function script(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-pool-')), 'worker.js');
  fs.writeFileSync(file, text);
  return file;
}

describe('WorkerPool', () => {
  it('runs tasks on worker threads, not this one, each answer going to its own task', async () => {
    const pool = new WorkerPool(script(SCRIPT), 2);
    try {
      const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run<{ threadId: number; payload: number }>('echo', n)));
      assert.deepEqual(answers.map((a) => a.payload), [1, 2, 3, 4, 5]);
      assert.ok(answers.every((a) => a.threadId > 0));
    } finally {
      await pool.close();
    }
    assert.deepEqual(pool.stopped, [], 'workers stopped by close() are not failures');
  });

  it('a handler that fails rejects its task with TaskFailed and the message; the worker goes on', async () => {
    const pool = new WorkerPool(script(SCRIPT), 1);
    try {
      await assert.rejects(pool.run('fail', 'x'), (e: Error) => e instanceof TaskFailed && e.message === 'no such thing: x');
      assert.equal((await pool.run<{ payload: string }>('echo', 'after')).payload, 'after');
      assert.equal(pool.size, 1);
    } finally {
      await pool.close();
    }
  });

  it('a worker that dies of an uncaught error rejects its task with WorkerStopped saying why; the other worker takes the next tasks', async () => {
    const pool = new WorkerPool(script(SCRIPT), 2);
    try {
      await assert.rejects(pool.run('die', 'on purpose'), (e: Error) => e instanceof WorkerStopped && /a worker thread stopped \(the worker broke: on purpose\)/.test(e.message));
      assert.equal(pool.size, 1);
      assert.deepEqual(pool.stopped, ['a worker thread stopped (the worker broke: on purpose)']);
      assert.deepEqual((await Promise.all([pool.run<{ payload: number }>('echo', 1), pool.run<{ payload: number }>('echo', 2)])).map((a) => a.payload), [1, 2]);
    } finally {
      await pool.close();
    }
  });

  it('when the last worker exits, its task and those waiting are rejected with WorkerStopped, and so are later ones', async () => {
    const pool = new WorkerPool(script(SCRIPT), 1);
    const dying = pool.run('exit', null);
    const waiting = pool.run('echo', 1);
    await assert.rejects(dying, (e: Error) => e instanceof WorkerStopped && /exited with code 3/.test(e.message));
    await assert.rejects(waiting, (e: Error) => e instanceof WorkerStopped && /no worker thread is left running/.test(e.message));
    await assert.rejects(pool.run('echo', 2), WorkerStopped);
  });
});

describe('lintInputs (the CLI lint on threads)', () => {
  let linter: Linter;
  before(async () => (linter = await Linter.create()));
  const inputs = Array.from({ length: 13 }, (_, i) => ({ file: `/nowhere/svc${i}/Dockerfile`, text: i % 2 ? `FROM debian\nRUN cd /tmp${i}\n` : `FROM alpine:3.${i}\nMAINTAINER me\n` }));

  it('with the real worker entry on 3 threads: the results are those of one thread, in input order, and no worker failed', async () => {
    const setup = new LintSetup(linter, nodeLintHost(), { shellcheck: 'off' });
    const alone = await Promise.all(inputs.map((input) => lintInput(setup, input, '/')));
    const failures: Error[] = [];
    // Each worker's first batch is waited for (it starts before this thread takes one): no failure means each worker answered.
    const pool = startLintWorkers(3, inputs.length)!;
    assert.equal(pool.size, 2);
    const results = await lintInputs(inputs, { pool, setup, overrides: { shellcheck: 'off' }, cwd: '/', onWorkerFailure: (error) => failures.push(error) }).finally(() => pool.close());
    assert.deepEqual(failures, []);
    assert.deepEqual(results, alone);
    assert.ok(results.some((r) => r.findings.some((f) => f.code === 'DL4000')) && results.some((r) => r.findings.some((f) => f.code === 'DL3003')));
  });

  it('no worker for one thread, or for files that fit in one batch', () => {
    assert.equal(startLintWorkers(1, 100), undefined);
    assert.equal(startLintWorkers(8, 4), undefined);
  });

  it('with workers that die at start-up, every batch is linted on this thread: the results are those of one thread, each failure is reported', async () => {
    const setup = new LintSetup(linter, nodeLintHost(), { shellcheck: 'off' });
    const alone = await Promise.all(inputs.map((input) => lintInput(setup, input, '/')));
    const failures: string[] = [];
    const pool = startLintWorkers(3, inputs.length, { workerScript: script("throw new Error('cannot load');") });
    const results = await lintInputs(inputs, {
      pool,
      setup,
      overrides: { shellcheck: 'off' },
      cwd: '/',
      onWorkerFailure: (error) => failures.push(error.message),
    }).finally(() => pool?.close());
    assert.deepEqual(results, alone);
    assert.deepEqual(failures, ['a worker thread stopped (cannot load)', 'a worker thread stopped (cannot load)']);
  });
});

describe('process/lint-jobs: the default number of threads', () => {
  it('is one thread below the file threshold or on fewer cores than PARALLEL_FROM_CORES (2 cores: V8 already keeps the second busy), else one per core', () => {
    assert.equal(defaultJobs(PARALLEL_FROM_FILES - 1, 8), 1, 'a small set');
    assert.equal(defaultJobs(5000, 2), 1, 'two cores');
    assert.equal(defaultJobs(5000, 1), 1, 'one core');
    assert.equal(defaultJobs(PARALLEL_FROM_FILES, PARALLEL_FROM_CORES), PARALLEL_FROM_CORES);
    assert.equal(defaultJobs(5000, 8), 8);
  });
});

describe('process/lint-jobs: ShellCheck processes per thread', () => {
  it('share the cores among the threads (at least one each), so all threads together run about one per core', () => {
    assert.equal(shellcheckJobsPerThread(1, 2), 2, 'one thread on two cores');
    assert.equal(shellcheckJobsPerThread(2, 2), 1);
    assert.equal(shellcheckJobsPerThread(8, 8), 1);
    assert.equal(shellcheckJobsPerThread(3, 8), 3);
    assert.equal(shellcheckJobsPerThread(16, 4), 1, 'more threads than cores');
  });
});
