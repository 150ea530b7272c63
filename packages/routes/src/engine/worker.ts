/** Worker thread entry: runs one search of the portfolio and posts progress and the result. */
import { parentPort, workerData } from 'node:worker_threads';
import { workerPayload } from '@planmaat/threads';
import { search } from './search.ts';
import type { WorkerInput } from './portfolio.ts';
import type { SearchWorkerMessage } from './workers.ts';
import type { SearchProgress, SearchResult } from './search.ts';

const input = workerPayload<WorkerInput>(workerData);
const post = (message: SearchWorkerMessage<SearchProgress, SearchResult>) => parentPort?.postMessage(message);
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
