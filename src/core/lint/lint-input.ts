// One Dockerfile of a `shipshape lint` run, linted under its setup, as plain data: what the CLI prints and
// decides its exit status from. Plain, so that a worker thread can lint it and hand it back unchanged.
import path from 'node:path';
import type { ConfigProblem } from './hadolint-config';
import type { LintSetup } from './setup';
import { type Finding, type LocalImages, SEVERITY_RANK } from './types';

export interface InputToLint {
  /** Absolute, or `-` for standard input. */
  file: string;
  text: string;
}

export interface InputLint {
  findings: Finding[];
  /** The setup's problems (config file, .dockerignore), in file order; with an error among them nothing was linted. */
  problems: ConfigProblem[];
  /** Why ShellCheck's findings are missing, when it failed. */
  shellcheckFailure?: string;
  /** A finding reaches the failure threshold, and no-fail is not set. */
  fails: boolean;
}

/** What the caller learns for one file's lint once its setup has no error (`--docker`: the daemon's base images). */
export type BeforeLint = (text: string) => Promise<{ localImages?: LocalImages }>;

/** Lints one input; configs are looked for from `cwd` for standard input. */
export async function lintInput(setup: LintSetup, input: InputToLint, cwd: string, beforeLint?: BeforeLint): Promise<InputLint> {
  const isStdin = input.file === '-';
  const fileSetup = setup.forDockerfile(isStdin ? undefined : input.file, isStdin ? cwd : path.dirname(input.file));
  const problems = fileSetup.problems;
  if (problems.some((p) => p.severity === 'error')) return { findings: [], problems, fails: false };
  const { findings, shellcheckFailure } = await fileSetup.lint(input.text, beforeLint ? await beforeLint(input.text) : undefined);
  const { noFail, failureThreshold: threshold } = fileSetup.config;
  const fails = !noFail && threshold !== 'none' && findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[threshold]);
  return { findings, problems, ...(shellcheckFailure ? { shellcheckFailure } : {}), fails };
}

/** Files linted at once by lintInOrder. */
export const LINT_WINDOW = 64;

/**
 * Lints `inputs`, results in input order, up to `window` at once: while one lint waits for ShellCheck, the next
 * files' rules run and their scripts join the same ShellCheck processes. With `stopAtError`, nothing after the
 * first input whose setup has an error is returned (the run stops there), as linting one at a time would.
 */
export async function lintInOrder(
  setup: LintSetup,
  inputs: readonly InputToLint[],
  cwd: string,
  options: { beforeLint?: BeforeLint; stopAtError?: boolean; window?: number } = {},
): Promise<InputLint[]> {
  const results: InputLint[] = [];
  let next = 0;
  let stop = inputs.length;
  const lane = async () => {
    while (next < stop) {
      const i = next++;
      const lint = await lintInput(setup, inputs[i]!, cwd, options.beforeLint);
      results[i] = lint;
      if (options.stopAtError && lint.problems.some((p) => p.severity === 'error')) stop = Math.min(stop, i + 1);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.window ?? LINT_WINDOW, inputs.length) }, lane));
  return results.slice(0, stop);
}
