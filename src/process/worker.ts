// The entry of every worker thread of a WorkerPool (bundled as dist/worker.js beside the CLI): the table of task
// kinds it runs. Each kind's handler may prepare up front (what workerData.prepare names), while the caller is
// still busy, so the first task does not wait for it.
import { parentPort, workerData } from 'node:worker_threads';
import { lintTask } from './lint-task';
import type { ResultMessage, TaskHandler, TaskMessage } from './worker-pool';

const handlers: Record<string, TaskHandler> = { lint: lintTask };

export interface WorkerData {
  /** Kinds to prepare before the first task, with what each needs. */
  prepare?: Record<string, unknown>;
}

if (parentPort) {
  const port = parentPort;
  for (const [kind, data] of Object.entries((workerData as WorkerData | undefined)?.prepare ?? {})) handlers[kind]?.prepare?.(data);
  port.on('message', async ({ id, kind, payload }: TaskMessage) => {
    let answer: ResultMessage;
    try {
      const handler = handlers[kind];
      if (!handler) throw new Error(`no task kind "${kind}" in this worker`);
      answer = { id, result: await handler.run(payload) };
    } catch (error) {
      answer = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(answer);
  });
}
