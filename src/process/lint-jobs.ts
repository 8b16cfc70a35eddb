// `shipshape lint` over many files on several threads: this one and jobs - 1 worker threads take small batches
// of files in turn from one queue, and the results come back in input order, so what is printed does not
// depend on the number of jobs. A batch whose worker fails is linted on this thread instead, never lost.
import os from 'node:os';
import path from 'node:path';
import { BeforeLint, InputLint, InputToLint, lintInOrder } from '../core/lint/lint-input';
import type { LintSetup } from '../core/lint/setup';
import type { LintPrepare, LintTaskPayload } from './lint-task';
import { WorkerPool, WorkerStopped } from './worker-pool';

/**
 * Fewer files than this are linted on one thread by default. A worker answers its first batch about 175 ms after it
 * is started (thread, bundle, tree-sitter's WebAssembly, rules run for the first time), while a thread lints a
 * corpus file in about 2.5 ms: below some 70 files this thread is done before a worker helps, and measured whole
 * process (bench/lint, `--jobs 1` against `--jobs 2`) 50 files were slower on two threads, 100 about even.
 */
export const PARALLEL_FROM_FILES = 100;

/**
 * Fewer cores than this and the default is one thread whatever the number of files: one lint thread already keeps
 * about 1.6 cores busy (V8's compiler and GC threads, tree-sitter's WebAssembly), so on 2 cores a worker only
 * competes with them. Measured whole process on this 2-core VM over 1,648 corpus files: `--jobs 2` 1.13x the
 * time of `--jobs 1` (CPU 2.0 s for 1.25 s of wall time on one thread). Machines with more cores are not
 * measured here; from 3 cores up the default is one thread per core.
 */
export const PARALLEL_FROM_CORES = 3;

/** Files handed out at a time: small enough that the threads finish together, big enough that messages cost little. */
const BATCH = 4;

/** The bundled worker entry: dist/worker.js beside dist/cli.js (or out/src/process/worker.js beside this file, compiled). */
export const WORKER_SCRIPT = path.join(__dirname, 'worker.js');

/** The default of --jobs: every core for a large set on a machine with cores to spare, else this thread alone. */
export function defaultJobs(files: number, cores = os.availableParallelism()): number {
  return files >= PARALLEL_FROM_FILES && cores >= PARALLEL_FROM_CORES ? cores : 1;
}

/**
 * ShellCheck processes each thread may run at once, so that all threads together run about one per core: each
 * thread batches its own files' scripts, and a thread waiting on ShellCheck costs no core.
 */
export function shellcheckJobsPerThread(threads: number, cores = os.availableParallelism()): number {
  return Math.max(1, Math.round(cores / Math.max(1, threads)));
}

/**
 * Starts the worker threads for `jobs` threads over `files` inputs (none when one thread is enough), as early as
 * possible: each loads its bundle and tree-sitter's WebAssembly while this thread is still getting ready.
 */
export function startLintWorkers(jobs: number, files: number, options: { wasmDir?: string; workerScript?: string } = {}): WorkerPool | undefined {
  const workers = Math.min(jobs - 1, Math.ceil(files / BATCH) - 1);
  if (workers < 1) return undefined;
  const prepare: LintPrepare = { ...(options.wasmDir ? { wasmDir: options.wasmDir } : {}), shellcheckJobs: shellcheckJobsPerThread(workers + 1) };
  return new WorkerPool(options.workerScript ?? WORKER_SCRIPT, workers, { workerData: { prepare: { lint: prepare } } });
}

export interface LintJobsOptions {
  setup: LintSetup;
  /** The setup's overrides, for the workers to build the same setup. */
  overrides: LintTaskPayload['overrides'];
  cwd: string;
  /** Workers from startLintWorkers (the caller closes them); without, this thread lints alone. */
  pool: WorkerPool | undefined;
  /** Called on this thread before each input's lint (its answer goes to the lint); with it, no worker is used. */
  beforeLint?: BeforeLint;
  /** A worker stopped, or a task failed on it: its files were linted on this thread instead. */
  onWorkerFailure(error: Error): void;
}

/**
 * Lints every input, in input order. With a pool, its workers and this thread take batches from one queue; when the
 * queue is empty this thread also lints the batches workers still hold (a worker still starting up, or slowed by a
 * busy machine, then never makes the run longer than one thread would), and whichever answer comes first is kept:
 * both are the same, the linting being deterministic.
 */
export async function lintInputs(inputs: InputToLint[], options: LintJobsOptions): Promise<InputLint[]> {
  const results: InputLint[] = new Array(inputs.length);
  const pool = options.beforeLint ? undefined : options.pool;
  const batches: number[] = [];
  for (let i = 0; i < inputs.length; i += pool && pool.size > 0 ? BATCH : inputs.length) batches.push(i);
  const end = (from: number) => Math.min(from + (pool && pool.size > 0 ? BATCH : inputs.length), inputs.length);
  const done = new Set<number>();
  const here = async (from: number) => keep(from, await lintInOrder(options.setup, inputs.slice(from, end(from)), options.cwd));
  const keep = (from: number, lints: InputLint[]) => {
    if (done.has(from)) return;
    lints.forEach((lint, k) => (results[from + k] = lint));
    done.add(from);
  };
  // Workers that stopped (at start-up, or during the run), reported once each when the run is done.
  const reportStopped = () => pool?.stopped.forEach((why) => options.onWorkerFailure(new WorkerStopped(why)));
  if (!pool || pool.size === 0) {
    // One thread: nothing after the first input with a configuration error is kept (the run stops there).
    const lints = await lintInOrder(options.setup, inputs, options.cwd, { beforeLint: options.beforeLint, stopAtError: true });
    reportStopped();
    return lints;
  }
  const queue = [...batches];
  /** Batches handed to a worker and not answered yet, oldest first. */
  const held = new Set<number>();
  let finished = false;
  /** Each lane's first task settled: its worker has shown it works, or its failure has been reported. */
  const proven: Promise<void>[] = [];
  const lane = async (settled: () => void) => {
    for (let from = queue.shift(); from !== undefined && !finished; from = queue.shift()) {
      held.add(from);
      try {
        const payload: LintTaskPayload = { overrides: options.overrides, cwd: options.cwd, inputs: inputs.slice(from, end(from)) };
        keep(from, await pool.run<InputLint[]>('lint', payload));
        held.delete(from);
      } catch (error) {
        if (finished) return; // the pool closing after the run: nothing was lost
        if (error instanceof WorkerStopped) return; // reported from pool.stopped; the batch stays held, for this thread
        options.onWorkerFailure(error as Error);
      } finally {
        settled();
      }
    }
  };
  for (let w = 0; w < pool.size; w++) proven.push(new Promise<void>((settled) => void lane(settled).finally(settled)));
  // This thread takes batches too, and between two lets the workers' answers in (they arrive as events).
  for (;;) {
    let from = queue.shift();
    if (from === undefined) from = [...held].find((b) => !done.has(b));
    if (from === undefined) break;
    if (!done.has(from)) await here(from);
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Every batch is linted; a worker that never answered is waited for until it does or fails, so that a failure is
  // always reported, whatever the timing (a worker that works answers within its start-up).
  await Promise.all(proven);
  finished = true;
  reportStopped();
  return results;
}
