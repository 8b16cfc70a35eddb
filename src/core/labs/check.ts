// How a check kind declares itself (like a lint rule's meta) and what it is given to judge with.
import type { EventEffect } from '../containers/events';
import type { LintOutcome } from '../lint/setup';
import type { ExecResult, LabDaemon } from './daemon';
import type { FieldSpec } from './fields';
import type { CheckSpec } from './pack';

/** Which daemon events make an open step re-run a check of this kind; 'none' runs it on Check and at its interval. */
export type CheckTrigger = EventEffect['kind'] | 'swarm';

export interface CheckMeta {
  kind: string;
  description: string;
  fields: Record<string, FieldSpec>;
  /** Events that can change the result; empty = events cannot tell (http, exec, file, quiz, script). */
  triggers: readonly CheckTrigger[];
  /** Runs commands of the pack's (script): only in a trusted workspace. */
  needsTrust?: boolean;
  /** Its result depends on what the student answers (quiz): the self-test cannot solve it and skips it. */
  answeredByStudent?: boolean;
  /** YAML a pack author can copy, each with what it checks. */
  examples: { title: string; yaml: string }[];
}

/** One comparison a check made: the field, what was expected, what the daemon has. */
export interface Observation {
  field: string;
  ok: boolean;
  expected: string;
  actual: string;
  /** What to do about it, for a failed field: "re-create the container with --memory 256m". */
  hint?: string;
}

export type CheckStatus = 'passed' | 'failed' | 'errored';

export interface CheckResult {
  status: CheckStatus;
  /** The check's name, as results and grades show it. */
  name: string;
  observations: Observation[];
  /** For errored: why it could not be judged (unreachable daemon, missing image, timeout). */
  error?: string;
  ms: number;
}

/** What a check runs with: the daemon, and the rest of the world it may look at. */
export interface CheckContext {
  daemon: LabDaemon;
  /** The pack's folder, for files the pack ships. */
  packRoot: string;
  /** The workspace folder the student works in (Dockerfiles they write), when there is one. */
  workspace: string | undefined;
  /** Reads a file, relative paths from the workspace; undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  /** GET a URL on the local machine (http checks); never follows redirects off localhost. */
  httpGet(url: string, timeoutMs: number): Promise<{ status: number; body: string }>;
  /** Runs a pack's script (trusted workspaces only; the runner refuses it otherwise). */
  runScript(script: string, timeoutMs: number): Promise<ExecResult>;
  /** The student's answer to a quiz check, by the check's id in its step; undefined when not answered. */
  answer(checkId: string): string | undefined;
  /** The id the quiz was asked under: `<lab>/<step>/<index>`. */
  checkId: string;
  signal: AbortSignal;
  /** Lints a Dockerfile's text as `shipshape lint` does (its .hadolint.yaml honoured); `file` is absolute.
   * Optional so contexts built by hand in tests need not carry a linter; the dockerfile kind is errored without it. */
  lint?(file: string, text: string): Promise<LintOutcome>;
}

/** A problem with a check's fields that their types cannot express (a URL off loopback, two answers):
 * the loader reports it at the field's position. */
export interface FieldProblem {
  field: string;
  message: string;
  hint?: string;
}


export interface CheckKind {
  meta: CheckMeta;
  /** A name for results when the pack gives none: "container web is running". */
  title(fields: Record<string, unknown>): string;
  /** Checks the parsed fields together, at load; none when they are fine. */
  validate?(fields: Record<string, unknown>): FieldProblem[];
  /**
   * The objects (names or ids) whose events can change this check's result: a watched step re-runs it only for
   * events about one of them. Without it, every event of a trigger's kind re-runs it.
   */
  concerns?(fields: Record<string, unknown>): string[];
  /** Judges once. Throws DaemonError (or any error) for errored; the runner waits and retries per timeout/interval. */
  run(fields: Record<string, unknown>, ctx: CheckContext): Promise<Observation[]>;
}

export function defineCheck(kind: CheckKind): CheckKind {
  return kind;
}

/** An observation of one field: expected and actual as a person reads them. */
export function observe(field: string, ok: boolean, expected: string, actual: string, hint?: string): Observation {
  return { field, ok, expected, actual, ...(hint && !ok ? { hint } : {}) };
}

/** The result a spec's observations add up to. */
export function resultOf(spec: CheckSpec, name: string, observations: Observation[], ms: number): CheckResult {
  return { status: observations.every((o) => o.ok) ? 'passed' : 'failed', name: spec.name ?? name, observations, ms };
}
