/** Worker thread entry: one UHHC search of the portfolio. */
import { parentPort, workerData } from 'node:worker_threads';
import { workerPayload } from '@planmaat/threads';
import { searchUhhc } from './search.ts';
import type { UhhcWorkerInput } from './solve.ts';

const input = workerPayload<UhhcWorkerInput>(workerData);
try {
  const result = searchUhhc(input.model, {
    ...input.options,
    shouldStop: () => Atomics.load(input.stopFlag, 0) === 1,
    onProgress: (progress) => parentPort?.postMessage({ kind: 'progress', progress }),
  });
  parentPort?.postMessage({ kind: 'result', result });
} catch (error) {
  parentPort?.postMessage({
    kind: 'error',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
}
