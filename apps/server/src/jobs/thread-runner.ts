/** Runs one solve in a worker thread; cancel through the signal, progress through the callback. */
import { startWorker } from '@planmaat/threads';
import type { SolverContext, SolverPlugin } from './solver-port.ts';
import type { ThreadMessage, ThreadRequest } from './solve-thread.ts';

/** After a cancel the solver gets this long to return its best so far before the thread is killed. */
const CANCEL_GRACE_MS = 3000;

export class SolveCancelledError extends Error {
  constructor() {
    super('solve cancelled');
    this.name = 'SolveCancelledError';
  }
}

export function runInThread(plugin: SolverPlugin, input: unknown, context: SolverContext): Promise<unknown> {
  const request: ThreadRequest = {
    entry: plugin.threadEntry.href,
    exportName: plugin.exportName ?? 'solve',
    input,
    timeLimitMs: context.timeLimitMs,
  };
  const worker = startWorker(new URL('./solve-thread.ts', import.meta.url), { workerData: request });
  return new Promise((resolve, reject) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      context.signal.removeEventListener('abort', onAbort);
      fn();
      void worker.terminate();
    };
    const onAbort = () => {
      worker.postMessage({ type: 'cancel' });
      killTimer = setTimeout(() => finish(() => reject(new SolveCancelledError())), CANCEL_GRACE_MS);
    };
    if (context.signal.aborted) onAbort();
    else context.signal.addEventListener('abort', onAbort, { once: true });
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'progress') context.onProgress(message.progress);
      else if (message.type === 'result') finish(() => resolve(message.result));
      else if (message.type === 'error')
        finish(() => reject(context.signal.aborted ? new SolveCancelledError() : new Error(message.message)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`solver thread exited (${code}) without a result`))),
    );
  });
}
