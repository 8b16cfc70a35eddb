// The pack's self-test (`shipshape labs test`): for every step in order, its setup runs and every
// check must fail; its solve runs and every check must pass; its cleanup runs. At the end nothing the
// pack owns may be left. What an instructor runs in CI before handing a pack out.
import type { ActionRunner } from './actions';
import { actionSummary } from './actions';
import type { CheckKind, CheckStatus } from './check';
import { whyNot } from './describe';
import { evaluateCheck, type CheckEnvironment } from './evaluate';
import type { OwnedObject, Ownership } from './ownership';
import type { Action, Lab, Pack, Step } from './pack';

export interface StepSelfTest {
  id: string;
  /** Each check's status before the solve ('skipped': answered by the student). */
  beforeSolve: (CheckStatus | 'skipped')[];
  afterSolve: (CheckStatus | 'skipped')[];
  ms: number;
  /** "ok", or every way it misbehaved. */
  message: string;
}

export interface SelfTestReport {
  pack: string;
  version: string;
  passed: boolean;
  ms: number;
  labs: { id: string; steps: StepSelfTest[] }[];
  /** What the pack still owned at the end (then removed); empty when cleanup was complete. */
  leftovers: string[];
}

export interface SelfTestOptions {
  actions: ActionRunner;
  ownership: Ownership;
  environment: CheckEnvironment;
  kinds: ReadonlyMap<string, CheckKind>;
  /** Only this lab. */
  lab?: string;
  /** Each step as it finishes, for a live report. */
  onStep?: (lab: Lab, result: StepSelfTest) => void;
}

const describeOwned = (o: OwnedObject) => `${o.kind} ${o.name} (${o.because})`;

export async function selfTest(pack: Pack, options: SelfTestOptions): Promise<SelfTestReport> {
  const started = Date.now();
  const labs: SelfTestReport['labs'] = [];
  for (const lab of pack.labs) {
    if (options.lab !== undefined && lab.id !== options.lab) continue;
    const steps: StepSelfTest[] = [];
    for (const step of lab.steps) {
      const result = await testStep(lab, step, options);
      steps.push(result);
      options.onStep?.(lab, result);
    }
    labs.push({ id: lab.id, steps });
  }
  // The pack's own images (built or pulled before the steps run) are the pack's, not a step's leftovers.
  const prepared = new Set(pack.images.map((i) => (i.kind === 'build' ? i.tag : i.reference)));
  const left = (await options.ownership.list(pack)).filter((o) => !(o.kind === 'image' && prepared.has(o.name)));
  if (left.length) await options.ownership.remove(left); // leave the machine as it was, whatever the verdict
  const passed = !left.length && labs.every((l) => l.steps.every((s) => s.message === 'ok'));
  return { pack: pack.id, version: pack.version, passed, ms: Date.now() - started, labs, leftovers: left.map(describeOwned) };
}

async function testStep(lab: Lab, step: Step, options: SelfTestOptions): Promise<StepSelfTest> {
  const started = Date.now();
  const where = `${lab.id}/${step.id}`;
  const problems: string[] = [];
  const act = async (action: Action | undefined, what: string) => {
    if (!action) return true;
    const outcome = await options.actions.run(action, `the ${what} of ${where}`);
    if (!outcome.ok) problems.push(actionSummary(outcome, `${what} failed`));
    return outcome.ok;
  };
  const judge = (once: boolean) =>
    Promise.all(
      step.checks.map(async (spec, i) => {
        if (options.kinds.get(spec.kind)?.meta.answeredByStudent) return { status: 'skipped' as const, why: '' };
        const ctx = { ...options.environment, answer: () => undefined, checkId: `${where}/${i}`, signal: new AbortController().signal };
        const result = await evaluateCheck(spec, ctx, { kinds: options.kinds, trusted: true, once });
        return { status: result.status, why: `${result.name}: ${whyNot(result) ?? 'passed'}` };
      }),
    );
  let beforeSolve: StepSelfTest['beforeSolve'] = [];
  let afterSolve: StepSelfTest['afterSolve'] = [];
  if (await act(step.setup, 'setup')) {
    const before = await judge(true);
    beforeSolve = before.map((b) => b.status);
    before.forEach((b, i) => {
      const expected = step.checks[i]!.expectBeforeSolve ?? 'failed';
      if (b.status !== 'skipped' && b.status !== expected) problems.push(`before the solve, ${expected} was expected of ${b.why}`);
    });
    // A check that observes the machine (expectBeforeSolve: passed) and a quiz need no solve.
    const toSolve = step.checks.some((c) => !options.kinds.get(c.kind)?.meta.answeredByStudent && c.expectBeforeSolve !== 'passed');
    if (!step.solve && toSolve) problems.push('it has no solve, so nothing shows its checks can pass: add a solve action');
    else if (await act(step.solve, 'solve')) {
      const after = await judge(false);
      afterSolve = after.map((a) => a.status);
      for (const a of after) if (a.status !== 'skipped' && a.status !== 'passed') problems.push(`after the solve, ${a.why}`);
    }
  }
  await act(step.cleanup, 'cleanup');
  return { id: step.id, beforeSolve, afterSolve, ms: Date.now() - started, message: problems.length ? problems.join('; ') : 'ok' };
}
