// `shipshape lint` over many files on several threads: this one and jobs - 1 worker threads take small batches
// of files in turn from one queue, and the results come back in input order, so what is printed does not
// depend on the number of jobs. A batch whose worker fails is linted on this thread instead, never lost.
import os from 'node:os';
import path from 'node:path';
import { InputLint, InputToLint, lintInput } from '../core/lint/lint-input';
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

/** Files handed out at a time: small enough that the threads finish together, big enough that messages cost little. */
const BATCH = 4;

/** The bundled worker entry: dist/worker.js beside dist/cli.js (or out/src/process/worker.js beside this file, compiled). */
export const WORKER_SCRIPT = path.join(__dirname, 'worker.js');

/** The default of --jobs: every core for a large set, else this thread alone. */
export function defaultJobs(files: number): number {
  return files >= PARALLEL_FROM_FILES ? os.availableParallelism() : 1;
}

/**
 * Starts the worker threads for `jobs` threads over `files` inputs (none when one thread is enough), as early as
 * possible: each loads its bundle and tree-sitter's WebAssembly while this thread is still getting ready.
 */
export function startLintWorkers(jobs: number, files: number, options: { wasmDir?: string; workerScript?: string } = {}): WorkerPool | undefined {
  const workers = Math.min(jobs - 1, Math.ceil(files / BATCH) - 1);
  if (workers < 1) return undefined;
  const prepare: LintPrepare = options.wasmDir ? { wasmDir: options.wasmDir } : {};
  return new WorkerPool(options.workerScript ?? WORKER_SCRIPT, workers, { workerData: { prepare: { lint: prepare } } });
}

export interface LintJobsOptions {
  setup: LintSetup;
  /** The setup's overrides, for the workers to build the same setup. */
  overrides: LintTaskPayload['overrides'];
  cwd: string;
  /** Workers from startLintWorkers (the caller closes them); without, this thread lints alone. */
  pool: WorkerPool | undefined;
  /** A worker failed: its batch of `files` inputs is linted on this thread instead. */
  onWorkerFailure(error: Error, files: number): void;
}

export async function lintInputs(inputs: InputToLint[], options: LintJobsOptions): Promise<InputLint[]> {
  const results: InputLint[] = new Array(inputs.length);
  const here = async (from: number, to: number) => {
    for (let i = from; i < to; i++) results[i] = await lintInput(options.setup, inputs[i]!, options.cwd);
  };
  const pool = options.pool;
  if (!pool || pool.size === 0) {
    await here(0, inputs.length);
    return results;
  }
  const queue: number[] = [];
  for (let i = 0; i < inputs.length; i += BATCH) queue.push(i);
  const end = (from: number) => Math.min(from + BATCH, inputs.length);
  /** Batches a worker gave back, for this thread. */
  const returned: number[] = [];
  let wake: () => void = () => {};
  const lane = async () => {
    for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
      try {
        const payload: LintTaskPayload = { overrides: options.overrides, cwd: options.cwd, inputs: inputs.slice(from, end(from)) };
        const lints = await pool.run<InputLint[]>('lint', payload);
        lints.forEach((lint, k) => (results[from! + k] = lint));
      } catch (error) {
        options.onWorkerFailure(error as Error, end(from) - from);
        returned.push(from);
        wake();
        if (error instanceof WorkerStopped) return; // this lane's worker is gone
      }
    }
  };
  let running = pool.size;
  const lanes = Array.from({ length: pool.size }, () => lane().finally(() => (running--, wake())));
  // This thread takes batches too, and between two lets the workers' answers in (they arrive as events).
  for (;;) {
    const from = returned.shift() ?? queue.shift();
    if (from !== undefined) {
      await here(from, end(from));
      await new Promise((resolve) => setImmediate(resolve));
    } else if (running > 0) await new Promise<void>((resolve) => (wake = resolve));
    else break;
  }
  await Promise.all(lanes);
  return results;
}
