// ShellCheck at the price of a few processes: scripts asked for by any number of lints (the files of a CLI run,
// the edits of an open Dockerfile) wait a moment in one queue, go to ShellCheck many per process, a few processes
// at a time, and their answers are kept by script text, so a script is checked once for as long as the text
// stays the same. What runs one process is given (src/process/shellcheck.ts); this file decides what goes in it.

/** What ShellCheck made of one script: its comments, or why it could not check it. */
export type BatchResult<C> = { comments: C[] } | { failure: string };

/** Runs one ShellCheck process over the scripts; its comments per script, in order. Rejects when the process fails. */
export type RunBatch<C> = (texts: string[]) => Promise<C[][]>;

export interface BatchLimits {
  /** Scripts per process at most. */
  maxScripts: number;
  /** Characters per process at most (one larger script still goes alone). */
  maxChars: number;
  /** Processes at once. */
  concurrency: number;
  /** Answers kept, the least recently used dropped first; 0 keeps none (each script is checked every time). */
  cacheSize: number;
}

export const DEFAULT_LIMITS: BatchLimits = { maxScripts: 48, maxChars: 256 * 1024, concurrency: 2, cacheSize: 4096 };

interface Waiting<C> {
  text: string;
  /** Checked alone after its batch failed: its failure is its own. */
  alone: boolean;
  settle(result: BatchResult<C>): void;
}

export class ShellcheckBatches<C> {
  private readonly cache = new Map<string, Promise<BatchResult<C>>>();
  private readonly queue: Waiting<C>[] = [];
  private running = 0;
  private flushScheduled = false;
  /** Processes started, for the bench and the tests. */
  processes = 0;

  constructor(
    private readonly run: RunBatch<C>,
    private readonly limits: BatchLimits = DEFAULT_LIMITS,
  ) {}

  /**
   * Each script's result, in order. Never rejects: a failed process turns into failures of the scripts it had.
   * Answers are kept under `context` (what else decides them: the version, the options) and the text.
   */
  check(texts: readonly string[], context = ''): Promise<BatchResult<C>[]> {
    return Promise.all(texts.map((text) => this.one(text, `${context}\0${text}`)));
  }

  private one(text: string, key: string): Promise<BatchResult<C>> {
    const cached = this.cache.get(key);
    if (cached) {
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const result = new Promise<BatchResult<C>>((settle) => this.queue.push({ text, alone: false, settle }));
    if (this.limits.cacheSize > 0) {
      this.cache.set(key, result);
      // A failure is not kept: the next lint of the text asks again (a timeout may not recur).
      void result.then((r) => 'failure' in r && this.cache.get(key) === result && this.cache.delete(key));
      if (this.cache.size > this.limits.cacheSize) this.cache.delete(this.cache.keys().next().value as string);
    }
    this.schedule();
    return result;
  }

  /** Starts batches once the lints of this turn of the event loop have all asked (so their scripts share processes). */
  private schedule(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.limits.concurrency && this.queue.length > 0) {
      const free = this.limits.concurrency - this.running;
      // Spread what waits over the free processes, so that two cores share a small queue too.
      const share = Math.max(1, Math.min(this.limits.maxScripts, Math.ceil(this.queue.length / free)));
      const batch = this.take(share);
      this.running++;
      void this.start(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  /** The next scripts of the queue, at most `count` and maxChars (a script checked alone goes alone). */
  private take(count: number): Waiting<C>[] {
    const batch = [this.queue.shift()!];
    let chars = batch[0]!.text.length;
    if (batch[0]!.alone) return batch;
    while (batch.length < count && this.queue.length > 0 && !this.queue[0]!.alone && chars + this.queue[0]!.text.length <= this.limits.maxChars) {
      const next = this.queue.shift()!;
      chars += next.text.length;
      batch.push(next);
    }
    return batch;
  }

  private async start(batch: Waiting<C>[]): Promise<void> {
    this.processes++;
    let answers: C[][];
    try {
      answers = await this.run(batch.map((w) => w.text));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.settle({ failure: error instanceof Error ? error.message : String(error) });
        return;
      }
      // One script may have crashed or hung it: each is checked alone, so only that one loses its comments.
      this.queue.unshift(...batch.map((w) => ({ ...w, alone: true })));
      return;
    }
    batch.forEach((w, i) => w.settle({ comments: answers[i] ?? [] }));
  }
}
