/**
 * Run one worker thread per input and collect their results. Workers post
 * `{kind: 'progress', progress}` while searching, then `{kind: 'result', result}` or
 * `{kind: 'error', message}`. A shared stop flag (Int32Array on a SharedArrayBuffer) set on
 * abort lets workers in tight loops notice a cancel.
 */
import { startWorker } from '@planmaat/threads';

export type SearchWorkerMessage<P, R> =
  { kind: 'progress'; progress: P } | { kind: 'result'; result: R } | { kind: 'error'; message: string };

export function newStopFlag(signal?: AbortSignal): { flag: Int32Array; dispose: () => void } {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const onAbort = () => Atomics.store(flag, 0, 1);
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort);
  return { flag, dispose: () => signal?.removeEventListener('abort', onAbort) };
}

export interface WorkerRun<R> {
  result: Promise<R>;
  /** Stop the thread at once (its result is then never delivered). */
  terminate: () => void;
}

export function runWorker<P, R>(entry: URL, input: unknown, onProgress: (p: P) => void): WorkerRun<R> {
  const worker = startWorker(entry, { workerData: input });
  const result = new Promise<R>((resolve, reject) => {
    let done = false;
    worker.on('message', (message: SearchWorkerMessage<P, R>) => {
      if (message.kind === 'progress') onProgress(message.progress);
      else if (message.kind === 'result') {
        done = true;
        resolve(message.result);
        void worker.terminate();
      } else {
        done = true;
        reject(new Error(message.message));
        void worker.terminate();
      }
    });
    worker.on('error', (error) => {
      done = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!done) reject(new Error(`search worker stopped with code ${code}`));
    });
  });
  return { result, terminate: () => void worker.terminate() };
}

/**
 * After the calling thread's own search has finished at the deadline: ask the workers to stop and
 * wait at most `graceMs` for each; a worker still starting up (or starved of CPU) is terminated
 * and left out, so a timed solve returns close to its deadline.
 */
export async function collectAfterDeadline<R>(
  runs: WorkerRun<R>[],
  stopFlag: Int32Array,
  graceMs: number,
): Promise<R[]> {
  Atomics.store(stopFlag, 0, 1);
  const results: R[] = [];
  for (const run of runs) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), graceMs)));
    const result = await Promise.race([run.result, late]);
    clearTimeout(timer);
    if (result === undefined) run.terminate();
    else results.push(result);
  }
  return results;
}
