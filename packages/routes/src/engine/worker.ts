/** Worker thread entry: runs one search of the portfolio and posts progress and the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { workerPayload } from '@planmaat/threads';
import { search } from './search.ts';
import type { WorkerInput, WorkerMessage } from './portfolio.ts';

const input = workerPayload<WorkerInput>(workerData);
const post = (message: WorkerMessage) => parentPort?.postMessage(message);
try {
  const result = search(input.problem, {
    ...input.options,
    shouldStop: () => Atomics.load(input.stopFlag, 0) === 1,
    onProgress: (progress) => post({ kind: 'progress', progress }),
  });
  post({ kind: 'result', result });
} catch (error) {
  post({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
