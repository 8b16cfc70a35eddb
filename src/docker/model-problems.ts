// Parts of the model whose list a live daemon refused (an API error, not a lost connection): each is
// shown with the daemon's reason and retried on its own with backoff, while the other parts stay live.
import { daemonMessage } from './errors';
import { MODEL_PARTS, ModelPart } from './model-daemon';

export interface PartProblem {
  part: ModelPart;
  /** The daemon's own words when it gave some. */
  message: string;
  /** When the part first failed (kept while retries fail). */
  since: Date;
  /** When the next automatic retry is due, in ms from the last failure. */
  retryInMs: number;
}

export class PartProblems {
  private readonly problems = new Map<ModelPart, PartProblem>();
  private readonly attempts = new Map<ModelPart, number>();
  private readonly timers = new Map<ModelPart, NodeJS.Timeout>();

  constructor(private readonly backoffMs: readonly number[], private readonly changed: (part: ModelPart) => void) {}

  /** In the tree's order. */
  get all(): PartProblem[] {
    return MODEL_PARTS.flatMap((part) => this.problems.get(part) ?? []);
  }

  of(part: ModelPart): PartProblem | undefined {
    return this.problems.get(part);
  }

  /** Records the failure and schedules `retry` after this part's next backoff step. */
  failed(part: ModelPart, error: unknown, retry: () => void): void {
    const attempt = this.attempts.get(part) ?? 0;
    this.attempts.set(part, attempt + 1);
    const retryInMs = this.backoffMs[Math.min(attempt, this.backoffMs.length - 1)]!;
    const message = daemonMessage(error);
    const previous = this.problems.get(part);
    this.problems.set(part, { part, message, since: previous?.since ?? new Date(), retryInMs });
    clearTimeout(this.timers.get(part));
    this.timers.set(part, setTimeout(() => (this.timers.delete(part), retry()), retryInMs));
    if (previous?.message !== message || previous.retryInMs !== retryInMs) this.changed(part);
  }

  succeeded(part: ModelPart): void {
    this.attempts.delete(part);
    clearTimeout(this.timers.get(part));
    this.timers.delete(part);
    if (this.problems.delete(part)) this.changed(part);
  }

  /** Forgets every problem without a word: the daemon changed or went away, and the connection says so. */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.attempts.clear();
    this.problems.clear();
  }
}
