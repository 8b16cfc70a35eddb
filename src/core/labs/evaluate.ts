// Running one check of a step: its kind looked up, trust respected, and eventual state waited for
// (retry every interval until it holds or the timeout passes, then it must hold for stableFor).
import type { CheckContext, CheckKind, CheckResult } from './check';
import type { CheckSpec } from './pack';

/** What every check of a pack runs with; the runner adds the check's id, its answer and a signal. */
export type CheckEnvironment = Omit<CheckContext, 'answer' | 'checkId' | 'signal'>;

export interface EvaluateOptions {
  kinds: ReadonlyMap<string, CheckKind>;
  trusted: boolean;
  /** Judge once, ignoring the check's timeout and stableFor (the self-test's "before solve"). */
  once?: boolean;
  signal?: AbortSignal;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

const errored = (name: string, error: string, ms: number): CheckResult => ({ status: 'errored', name, observations: [], error, ms });

/** The name a result carries: the pack's, or the one the kind derives from its fields. */
export function checkName(spec: CheckSpec, kind: CheckKind | undefined): string {
  if (spec.name) return spec.name;
  if (!kind) return `${spec.kind} check`;
  try {
    return kind.title(spec.fields);
  } catch {
    return `${spec.kind} check`;
  }
}

/** Judges once: a throw is errored with its message, never failed. */
async function judge(kind: CheckKind, spec: CheckSpec, name: string, ctx: CheckContext): Promise<CheckResult> {
  const started = Date.now();
  try {
    const observations = await kind.run(spec.fields, ctx);
    const ms = Date.now() - started;
    return { status: observations.every((o) => o.ok) ? 'passed' : 'failed', name, observations, ms };
  } catch (error) {
    return errored(name, (error as Error)?.message ?? String(error), Date.now() - started);
  }
}

export async function evaluateCheck(spec: CheckSpec, ctx: CheckContext, options: EvaluateOptions): Promise<CheckResult> {
  const started = Date.now();
  const kind = options.kinds.get(spec.kind);
  const name = checkName(spec, kind);
  if (!kind) return errored(name, `there is no check kind "${spec.kind}": the pack needs a newer Shipshape, or the kind is misspelt`, 0);
  if (kind.meta.needsTrust && !options.trusted)
    return errored(name, `held back: a ${spec.kind} check runs only in a trusted workspace (it runs the pack's commands); trust the workspace to run it`, 0);
  const signal = options.signal;
  const deadline = started + (options.once ? 0 : spec.timeoutMs);
  const stableFor = options.once ? 0 : spec.stableForMs;
  const interval = Math.max(1, spec.intervalMs);
  let holdingSince: number | undefined;
  for (;;) {
    const result = await judge(kind, spec, name, ctx);
    const now = Date.now();
    const total = (r: CheckResult) => ({ ...r, ms: Date.now() - started });
    if (signal?.aborted) return total(result);
    if (result.status === 'passed') {
      holdingSince ??= now;
      if (now - holdingSince >= stableFor) return total(result);
      // Holding: look again within the window (never later than its end).
      await sleep(Math.min(interval, holdingSince + stableFor - now), signal);
      continue;
    }
    // It stopped holding (or never did): wait on only while the timeout allows.
    holdingSince = undefined;
    if (now >= deadline) return total(result);
    await sleep(Math.min(interval, deadline - now), signal); // the last try lands on the deadline
  }
}
