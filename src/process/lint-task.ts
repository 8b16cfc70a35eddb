// The `lint` task kind of a worker thread: Dockerfiles linted as `shipshape lint` lints them in its own process
// (the same setup, host and per-input function), so the results are the ones it would have found itself.
import { Linter } from '../core/lint/engine';
import { InputLint, InputToLint, lintInOrder } from '../core/lint/lint-input';
import { LintOverrides, LintSetup } from '../core/lint/setup';
import { nodeLintHost } from './lint-host';
import type { TaskHandler } from './worker-pool';

/** What a worker needs to lint like the CLI: plain data only (the overrides' buildContextDir is a path, not a function). */
export interface LintTaskPayload {
  overrides: LintOverrides & { buildContextDir?: string };
  cwd: string;
  inputs: InputToLint[];
}

export interface LintPrepare {
  /** Where the bundle keeps its .wasm files. */
  wasmDir?: string;
  /** ShellCheck processes this worker may run at once (its share of the cores). */
  shellcheckJobs?: number;
}

let linter: Promise<Linter> | undefined;
let shellcheckJobs: number | undefined;
const setups = new Map<string, LintSetup>();

function linterOf(prepare: LintPrepare = {}): Promise<Linter> {
  return (linter ??= Linter.create(prepare.wasmDir ? { wasmDir: prepare.wasmDir } : {}));
}

export const lintTask: TaskHandler = {
  // Loading tree-sitter's WebAssembly and the bash grammar is most of a worker's start-up: begun before the first task.
  prepare: (data) => {
    shellcheckJobs = (data as LintPrepare).shellcheckJobs;
    void linterOf(data as LintPrepare).catch(() => {});
  },
  async run(payload): Promise<InputLint[]> {
    const { overrides, cwd, inputs } = payload as LintTaskPayload;
    const key = JSON.stringify(overrides);
    let setup = setups.get(key);
    if (!setup) setups.set(key, (setup = new LintSetup(await linterOf(), nodeLintHost({ shellcheckLimits: { concurrency: shellcheckJobs } }), overrides)));
    return lintInOrder(setup, inputs, cwd);
  },
};
