/** Worker thread entry: search a bin of team problems in sequence (see teams.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { workerPayload } from '@planmaat/threads';
import { searchTeamsInline, type TeamsWorkerInput } from './teams.ts';

const input = workerPayload<TeamsWorkerInput>(workerData);
try {
  const result = searchTeamsInline(input.jobs, input.indices, {
    deadlineEpochMs: input.deadlineEpochMs,
    maxIterations: input.maxIterations,
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
