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
