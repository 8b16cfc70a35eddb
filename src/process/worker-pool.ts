// A pool of worker threads that run tasks of named kinds (src/process/worker.ts serves them inside each worker).
// A task goes to the first idle worker, or waits for one. A worker that dies (an uncaught error, running out
// of memory, a script that cannot load) rejects the task it had with WorkerStopped, saying why; the pool goes on
// with the workers left, and the caller decides what to do with that task's work (do it itself, report it).
import { Worker } from 'node:worker_threads';

/** What a worker is sent: one task. */
export interface TaskMessage {
  id: number;
  kind: string;
  payload: unknown;
}

/** What a worker answers: the task's result, or the message of the error its handler threw. */
export type ResultMessage = { id: number; result: unknown } | { id: number; error: string };

/** What runs one kind of task inside a worker (see src/process/worker.ts). */
export interface TaskHandler {
  /** Called once when the worker starts, with what workerData.prepare gives this kind. */
  prepare?(data: unknown): void;
  run(payload: unknown): Promise<unknown>;
}

/** The worker running a task stopped before answering (or none was left to run it). */
export class WorkerStopped extends Error {}

/** The task's handler threw inside the worker: its message, as the worker saw it. */
export class TaskFailed extends Error {}

interface Waiting {
  message: TaskMessage;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  task: Waiting | undefined;
  /** Why it stopped (the error event), for the task it had. */
  failure: string | undefined;
}

export interface PoolOptions {
  /** Given to every worker as workerData, before any task (what it should load up front). */
  workerData?: unknown;
}

export class WorkerPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Waiting[] = [];
  private nextId = 1;
  private closing = false;
  /** Why each worker that stopped on its own (not by close()) stopped, in order: `a worker thread stopped (…)`. */
  readonly stopped: string[] = [];

  constructor(script: string, size: number, options: PoolOptions = {}) {
    for (let i = 0; i < size; i++) this.start(script, options.workerData);
  }

  /** Workers still running. */
  get size(): number {
    return this.slots.size;
  }

  /** Runs a task on a worker: its result, or TaskFailed (the handler threw) or WorkerStopped (the worker died). */
  run<R>(kind: string, payload: unknown): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const waiting: Waiting = { message: { id: this.nextId++, kind, payload }, resolve: resolve as (v: unknown) => void, reject };
      if (this.slots.size === 0) return reject(new WorkerStopped('no worker thread is left running'));
      this.queue.push(waiting);
      this.dispatch();
    });
  }

  /** Stops every worker; tasks not answered yet are rejected with WorkerStopped. */
  async close(): Promise<void> {
    this.closing = true;
    const stopping = [...this.slots].map((slot) => slot.worker.terminate());
    for (const waiting of this.queue.splice(0)) waiting.reject(new WorkerStopped('the pool was closed'));
    await Promise.all(stopping);
  }

  private start(script: string, workerData: unknown): void {
    const worker = new Worker(script, { workerData });
    const slot: Slot = { worker, task: undefined, failure: undefined };
    this.slots.add(slot);
    worker.on('message', (message: ResultMessage) => {
      const task = slot.task;
      if (!task || task.message.id !== message.id) return;
      slot.task = undefined;
      if ('error' in message) task.reject(new TaskFailed(message.error));
      else task.resolve(message.result);
      this.dispatch();
    });
    worker.on('error', (error) => (slot.failure ??= error instanceof Error ? error.message : String(error)));
    worker.on('exit', (code) => {
      this.slots.delete(slot);
      const why = slot.failure ?? `it exited with code ${code}`;
      if (!this.closing) this.stopped.push(`a worker thread stopped (${why})`);
      slot.task?.reject(new WorkerStopped(`a worker thread stopped (${why})`));
      slot.task = undefined;
      if (this.slots.size === 0) for (const waiting of this.queue.splice(0)) waiting.reject(new WorkerStopped(`no worker thread is left running (the last one stopped: ${why})`));
      else this.dispatch();
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.task) continue;
      slot.task = this.queue.shift()!;
      slot.worker.postMessage(slot.task.message);
    }
  }
}
