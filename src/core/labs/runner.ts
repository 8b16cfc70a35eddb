// A model of a student working through a loaded pack: each step's state, checks run against the
// daemon, hints, solutions, quiz answers, resets and points, saved through a ProgressStore after each
// change. Views subscribe to onDidChange and never run checks of their own.
import { EventEmitter } from 'node:events';
import type { CheckKind, CheckResult } from './check';
import { CHECK_KIND_BY_NAME } from './checks';
import { resultSummary, whyNot } from './describe';
import { evaluateCheck, type CheckEnvironment } from './evaluate';
import type { Hint, Lab, Pack, Step } from './pack';
import { addPoints, checkPoints, stepAvailable, type Points } from './points';
import { stepKey, type Progress, type ProgressStore, type StepProgress, type StepStatus } from './progress';
import { StepWatches, type DaemonEvents, type WatchOptions } from './watch';

export interface StepState {
  status: StepStatus;
  /** By check index; undefined: that check has not run yet. */
  results: readonly (CheckResult | undefined)[];
  hintsShown: number;
  solved: boolean;
  checkedAt?: string;
  passedAt?: string;
  unpassed?: { at: string; reason: string };
}

export interface LabRunnerOptions {
  pack: Pack;
  environment: CheckEnvironment;
  /** Workspace trust, asked each time (it can be granted while the pack is open). */
  trusted: boolean | (() => boolean);
  kinds?: ReadonlyMap<string, CheckKind>;
  store?: ProgressStore;
  events?: DaemonEvents;
  /** Events for one step arriving within this window are answered with one run (ms). */
  coalesceMs?: number;
  clock?: () => Date;
}

export type RunnerChange = { kind: 'step'; lab: string; step: string } | { kind: 'reset' } | { kind: 'save-failed'; message: string };

export type ResetScope = { pack: true } | { lab: string } | { lab: string; step: string };

/** A step's progress as the runner keeps it: what is saved, and the results of its last run. */
interface Entry extends Omit<StepProgress, 'points'> {
  results: (CheckResult | undefined)[];
  /** Points as saved, until its checks run again after a reload (results are not saved). */
  savedPoints?: number;
}

const fresh = (): Entry => ({ status: 'ready', results: [], hintsShown: 0, solved: false, answers: {} });
const isDone = (s: StepStatus) => s === 'passed' || s === 'solved';

/** The times a step has, without keys for those it has not. */
const timesOf = (e: Pick<StepProgress, 'checkedAt' | 'passedAt' | 'unpassed'>) => ({
  ...(e.checkedAt ? { checkedAt: e.checkedAt } : {}),
  ...(e.passedAt ? { passedAt: e.passedAt } : {}),
  ...(e.unpassed ? { unpassed: e.unpassed } : {}),
});

export class LockedStepError extends Error {
  constructor(readonly lab: string, readonly step: string, readonly missing: string[]) {
    super(`step ${lab}/${step} is locked: pass ${missing.join(', ')} first`);
    this.name = 'LockedStepError';
  }
}

export class LabRunner {
  readonly pack: Pack;
  /** Set when the progress was restored from its backup copy: what happened, for the person to see. */
  recovered: string | undefined;
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new EventEmitter();
  private readonly kinds: ReadonlyMap<string, CheckKind>;
  private readonly watches: StepWatches;
  private readonly running = new Map<string, Promise<unknown>>();
  private saving: Promise<void> = Promise.resolve();
  private readonly abort = new AbortController();

  constructor(private readonly options: LabRunnerOptions) {
    this.pack = options.pack;
    this.kinds = options.kinds ?? CHECK_KIND_BY_NAME;
    this.watches = new StepWatches(options.events, this.kinds, options.coalesceMs ?? 100, (lab, step, indices) => {
      void this.run(lab, step, indices).catch((error) => this.emitter.emit('change', { kind: 'save-failed', message: String(error) }));
    });
    for (const lab of this.pack.labs) for (const step of lab.steps) this.entries.set(stepKey(lab.id, step.id), fresh());
  }

  /** A runner with the progress its store has for this pack id and version. */
  static async open(options: LabRunnerOptions): Promise<LabRunner> {
    const runner = new LabRunner(options);
    const progress = await options.store?.load(options.pack.id, options.pack.version);
    if (progress) runner.restore(progress);
    return runner;
  }

  private restore(progress: Progress): void {
    this.recovered = progress.recovered;
    for (const [key, saved] of Object.entries(progress.steps)) {
      const entry = this.entries.get(key);
      if (!entry) continue; // a step the pack no longer has
      Object.assign(entry, {
        status: saved.status === 'locked' ? 'ready' : saved.status,
        hintsShown: saved.hintsShown,
        savedPoints: saved.points,
        solved: saved.solved,
        answers: { ...saved.answers },
        ...timesOf(saved),
      });
    }
  }

  onDidChange(listener: (change: RunnerChange) => void): { dispose(): void } {
    this.emitter.on('change', listener);
    return { dispose: () => this.emitter.off('change', listener) };
  }

  lab(labId: string): Lab {
    const lab = this.pack.labs.find((l) => l.id === labId);
    if (!lab) throw new Error(`pack ${this.pack.id} has no lab "${labId}"; its labs are ${this.pack.labs.map((l) => l.id).join(', ')}`);
    return lab;
  }

  step(labId: string, stepId: string): Step {
    const lab = this.lab(labId);
    const step = lab.steps.find((s) => s.id === stepId);
    if (!step) throw new Error(`lab ${labId} has no step "${stepId}"; its steps are ${lab.steps.map((s) => s.id).join(', ')}`);
    return step;
  }

  private entry(labId: string, stepId: string): Entry {
    this.step(labId, stepId);
    return this.entries.get(stepKey(labId, stepId))!;
  }

  /** `needs` as lab/step keys: a bare id is a step of the same lab. */
  private needsOf(labId: string, step: Step): string[] {
    return step.needs.map((n) => (n.includes('/') ? n : stepKey(labId, n)));
  }

  private missingNeeds(labId: string, step: Step): string[] {
    return this.needsOf(labId, step).filter((key) => !isDone(this.entries.get(key)?.status ?? 'ready'));
  }

  state(labId: string, stepId: string): StepState {
    const step = this.step(labId, stepId);
    const e = this.entry(labId, stepId);
    const status: StepStatus = e.status === 'ready' && this.missingNeeds(labId, step).length ? 'locked' : e.status;
    return {
      status,
      results: [...e.results],
      hintsShown: e.hintsShown,
      solved: e.solved,
      ...timesOf(e),
    };
  }

  /** Runs every check of the step (a locked step only with ignoreNeeds: grading and the CLI). */
  async check(labId: string, stepId: string, options: { ignoreNeeds?: boolean } = {}): Promise<StepState> {
    const lab = this.lab(labId);
    const step = this.step(labId, stepId);
    const missing = this.missingNeeds(labId, step);
    if (missing.length && !options.ignoreNeeds) throw new LockedStepError(labId, stepId, missing);
    await this.run(lab, step, step.checks.map((_, i) => i));
    return this.state(labId, stepId);
  }

  /** Runs these checks of a step after any run of it in flight, and applies their results. */
  private run(lab: Lab, step: Step, indices: number[]): Promise<void> {
    const key = stepKey(lab.id, step.id);
    const previous = this.running.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const results = await Promise.all(indices.map((i) => this.evaluate(lab, step, i)));
      if (this.abort.signal.aborted) return;
      this.apply(lab, step, indices, results);
    });
    this.running.set(key, next);
    void next.finally(() => this.running.get(key) === next && this.running.delete(key)).catch(() => undefined);
    return next;
  }

  private evaluate(lab: Lab, step: Step, index: number): Promise<CheckResult> {
    const env = this.options.environment;
    const trusted = this.trusted;
    return evaluateCheck(
      step.checks[index]!,
      {
        ...env,
        runScript: (script, timeoutMs) =>
          trusted ? env.runScript(script, timeoutMs) : Promise.reject(new Error('held back: scripts run only in a trusted workspace')),
        answer: (id) => {
          const at = id.lastIndexOf('/');
          return at < 0 ? undefined : this.entries.get(id.slice(0, at))?.answers[id.slice(at + 1)];
        },
        checkId: `${lab.id}/${step.id}/${index}`,
        signal: this.abort.signal,
      },
      { kinds: this.kinds, trusted, signal: this.abort.signal },
    );
  }

  private get trusted(): boolean {
    return typeof this.options.trusted === 'function' ? this.options.trusted() : this.options.trusted;
  }

  private apply(lab: Lab, step: Step, indices: number[], results: CheckResult[]): void {
    const e = this.entries.get(stepKey(lab.id, step.id))!;
    const at = this.now();
    indices.forEach((i, n) => (e.results[i] = results[n]));
    delete e.savedPoints;
    e.results.length = step.checks.length;
    const wasDone = isDone(e.status);
    const all = Array.from({ length: step.checks.length }, (_, i) => e.results[i]);
    const failing = all.find((r) => r && r.status !== 'passed');
    let status: StepStatus;
    if (all.some((r) => r?.status === 'failed')) status = 'failed';
    else if (failing) status = 'errored';
    else if (all.every((r) => r)) status = e.solved ? 'solved' : 'passed';
    else status = wasDone ? e.status : 'ready'; // some checks have not run yet: nothing to judge the step by
    e.status = status;
    e.checkedAt = at;
    if (isDone(status)) {
      if (!wasDone) e.passedAt = at;
      delete e.unpassed;
    } else if (wasDone && failing) {
      const worst = all.find((r) => r?.status === 'failed') ?? failing;
      e.unpassed = { at, reason: `${worst.name}: ${whyNot(worst)}` };
    }
    this.changed({ kind: 'step', lab: lab.id, step: step.id });
  }

  /** The next tier of hints, or undefined when every tier has been shown. */
  hint(labId: string, stepId: string): Hint | undefined {
    const step = this.step(labId, stepId);
    const e = this.entry(labId, stepId);
    if (e.hintsShown >= step.hints.length) return undefined;
    const hint = step.hints[e.hintsShown++]!;
    this.changed({ kind: 'step', lab: labId, step: stepId });
    return hint;
  }

  /** The pack's solution was run for this step: it earns nothing, whatever its checks say next. */
  markSolved(labId: string, stepId: string): void {
    const e = this.entry(labId, stepId);
    e.solved = true;
    if (e.status === 'passed') e.status = 'solved';
    this.changed({ kind: 'step', lab: labId, step: stepId });
  }

  /** A quiz answer, by the check's id `<lab>/<step>/<index>`. Run the step's check to judge it. */
  answer(checkId: string, text: string): void {
    const [labId, stepId, index, ...rest] = checkId.split('/');
    const step = this.step(labId ?? '', stepId ?? '');
    const i = Number(index);
    if (rest.length || !Number.isInteger(i) || i < 0 || i >= step.checks.length)
      throw new Error(`"${checkId}" names no check: a check id is <lab>/<step>/<index>, and ${labId}/${stepId} has ${step.checks.length} checks`);
    this.entry(labId!, stepId!).answers[String(i)] = text;
    this.changed({ kind: 'step', lab: labId!, step: stepId! });
  }

  /** Forgets a step's, a lab's or the whole pack's progress (what is in the daemon is the caller's to clean up). */
  reset(scope: ResetScope): void {
    if ('step' in scope) this.step(scope.lab, scope.step);
    else if ('lab' in scope) this.lab(scope.lab);
    for (const lab of this.pack.labs) {
      if ('lab' in scope && scope.lab !== lab.id) continue;
      for (const step of lab.steps) {
        if ('step' in scope && scope.step !== step.id) continue;
        this.entries.set(stepKey(lab.id, step.id), fresh());
      }
    }
    this.changed({ kind: 'reset' });
  }

  watch(labId: string, stepId: string, options: WatchOptions = {}): void {
    this.watches.watch(this.lab(labId), this.step(labId, stepId), options);
  }

  unwatch(labId: string, stepId: string): void {
    this.watches.unwatch(stepKey(labId, stepId));
  }

  /** The step to do next: the first, in pack order, not passed whose needs are passed. */
  next(): { lab: string; step: string } | undefined {
    for (const lab of this.pack.labs)
      for (const step of lab.steps) {
        const e = this.entries.get(stepKey(lab.id, step.id))!;
        if (!isDone(e.status) && !this.missingNeeds(lab.id, step).length) return { lab: lab.id, step: step.id };
      }
    return undefined;
  }

  /** Earned and available points of a step, a lab, or the pack. */
  points(labId?: string, stepId?: string): Points {
    if (labId !== undefined && stepId !== undefined) {
      const step = this.step(labId, stepId);
      const e = this.entries.get(stepKey(labId, stepId))!;
      return { earned: e.solved ? 0 : earnedOf(step, e), available: stepAvailable(step) };
    }
    const labs = labId === undefined ? this.pack.labs : [this.lab(labId)];
    return labs.flatMap((l) => l.steps.map((s) => this.points(l.id, s.id))).reduce(addPoints, { earned: 0, available: 0 });
  }

  /** One line per step's result, for logs: "first/run-web ✗ container web is running — …". */
  summary(labId: string, stepId: string): string[] {
    return this.entry(labId, stepId).results.flatMap((r) => (r ? [resultSummary(r)] : []));
  }

  /** Resolves when every change so far has been saved. */
  flush(): Promise<void> {
    return this.saving;
  }

  dispose(): void {
    this.watches.dispose();
    this.abort.abort();
    this.emitter.removeAllListeners();
  }

  private now(): string {
    return (this.options.clock?.() ?? new Date()).toISOString();
  }

  private changed(change: RunnerChange): void {
    this.save();
    this.emitter.emit('change', change);
  }

  private snapshot(): Progress {
    const steps: Record<string, StepProgress> = {};
    for (const lab of this.pack.labs)
      for (const step of lab.steps) {
        const e = this.entries.get(stepKey(lab.id, step.id))!;
        steps[stepKey(lab.id, step.id)] = {
          status: e.status,
          points: this.points(lab.id, step.id).earned,
          hintsShown: e.hintsShown,
          solved: e.solved,
          answers: { ...e.answers },
          ...timesOf(e),
        };
      }
    return { packId: this.pack.id, version: this.pack.version, savedAt: this.now(), steps };
  }

  /** Saves in order, one at a time; a failed save is reported, and the next change tries again. */
  private save(): void {
    const store = this.options.store;
    if (!store) return;
    const progress = this.snapshot();
    this.saving = this.saving.then(() =>
      store.save(progress).catch((error) => {
        this.emitter.emit('change', { kind: 'save-failed', message: `progress of ${this.pack.id} was not saved: ${(error as Error).message}` });
      }),
    );
  }
}

/** Points of the checks that passed when last run (a step without checks: its points once passed). */
function earnedOf(step: Step, e: Entry): number {
  if (!step.checks.length) return isDone(e.status) ? step.points : 0;
  if (e.savedPoints !== undefined) return e.savedPoints;
  const shares = checkPoints(step);
  return shares.reduce((n, share, i) => n + (e.results[i]?.status === 'passed' ? share : 0), 0);
}
