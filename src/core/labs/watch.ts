// Re-evaluation of open (watched) steps: a daemon event re-runs the checks whose kind says it can be
// changed by that event, coalesced per step; kinds events cannot cover are polled at their interval
// only when the step is watched with `poll`. With nothing changing, nothing runs.
import type { EventEffect } from '../containers/events';
import type { CheckKind } from './check';
import type { Lab, Step } from './pack';

/** The daemon's event stream as the runner needs it; src/docker/lab-events.ts implements it on the model. */
export interface DaemonEvents {
  /** `subjects`: the names and ids the event is about (a container's id and name, a network's …), when known. */
  onEffect(listener: (effect: EventEffect | { kind: 'swarm' }, subjects?: readonly string[]) => void): { dispose(): void };
}

/** Whether an event about `subjects` can concern a check about `names` (a container id may be written short). */
export function eventConcerns(names: readonly string[], subjects: readonly string[]): boolean {
  return names.some((n) => subjects.some((s) => s === n || s === `/${n}` || (n.length >= 12 && /^[0-9a-f]+$/.test(n) && s.startsWith(n))));
}

export interface WatchOptions {
  /** Also run, at each one's interval, the checks no event can cover (http, exec, file, quiz, script): while the panel is visible. */
  poll?: boolean;
}

interface Watched {
  lab: Lab;
  step: Step;
  timers: NodeJS.Timeout[];
  pending: Set<number>;
  flush: NodeJS.Timeout | undefined;
}

export class StepWatches {
  private readonly watched = new Map<string, Watched>();
  private subscription: { dispose(): void } | undefined;

  constructor(
    private readonly events: DaemonEvents | undefined,
    private readonly kinds: ReadonlyMap<string, CheckKind>,
    private readonly coalesceMs: number,
    /** Runs these checks (by index) of the step; the runner serialises runs of one step. */
    private readonly rerun: (lab: Lab, step: Step, indices: number[]) => void,
  ) {}

  get keys(): string[] {
    return [...this.watched.keys()];
  }

  watch(lab: Lab, step: Step, options: WatchOptions = {}): void {
    const key = `${lab.id}/${step.id}`;
    this.unwatch(key);
    const entry: Watched = { lab, step, timers: [], pending: new Set(), flush: undefined };
    if (options.poll) {
      step.checks.forEach((check, i) => {
        if (this.triggersOf(check.kind).length) return;
        entry.timers.push(setInterval(() => this.schedule(entry, [i]), Math.max(10, check.intervalMs)));
      });
    }
    this.watched.set(key, entry);
    this.subscription ??= this.events?.onEffect((effect, subjects) => this.onEffect(effect, subjects));
  }

  unwatch(key: string): void {
    const entry = this.watched.get(key);
    if (!entry) return;
    entry.timers.forEach(clearInterval);
    clearTimeout(entry.flush);
    this.watched.delete(key);
    if (!this.watched.size) {
      this.subscription?.dispose();
      this.subscription = undefined;
    }
  }

  isWatched(key: string): boolean {
    return this.watched.has(key);
  }

  dispose(): void {
    for (const key of this.keys) this.unwatch(key);
  }

  /** An event about other objects than the check names does not re-run it (a busy daemon costs nothing). */
  private concerned(check: Step['checks'][number], subjects: readonly string[] | undefined): boolean {
    const concerns = this.kinds.get(check.kind)?.concerns;
    if (!concerns || !subjects?.length) return true;
    return eventConcerns(concerns(check.fields), subjects);
  }

  private triggersOf(kind: string): readonly string[] {
    return this.kinds.get(kind)?.meta.triggers ?? [];
  }

  private onEffect(effect: EventEffect | { kind: 'swarm' }, subjects: readonly string[] | undefined): void {
    if (effect.kind === 'none') return;
    for (const entry of this.watched.values()) {
      const indices = entry.step.checks.flatMap((c, i) => (this.triggersOf(c.kind).includes(effect.kind) && this.concerned(c, subjects) ? [i] : []));
      if (indices.length) this.schedule(entry, indices);
    }
  }

  /** A burst of events becomes one run of the checks they concern. */
  private schedule(entry: Watched, indices: number[]): void {
    for (const i of indices) entry.pending.add(i);
    if (entry.flush) return;
    entry.flush = setTimeout(() => {
      entry.flush = undefined;
      const due = [...entry.pending].sort((a, b) => a - b);
      entry.pending.clear();
      if (this.watched.get(`${entry.lab.id}/${entry.step.id}`) === entry && due.length) this.rerun(entry.lab, entry.step, due);
    }, this.coalesceMs);
  }
}
