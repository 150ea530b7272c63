/**
 * Worker-thread entry for every solver: loads the plugin's module, runs its solve function with
 * an AbortSignal and a progress callback, and reports back over the message port.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { workerPayload } from '@planmaat/threads';
import type { SolveFunction, SolveProgress } from './solver-port.ts';

export interface ThreadRequest {
  entry: string;
  exportName: string;
  input: unknown;
  timeLimitMs: number;
}

export type ThreadMessage =
  | { type: 'progress'; progress: SolveProgress }
  | { type: 'result'; result: unknown }
  | { type: 'error'; message: string };

const request = workerPayload<ThreadRequest>(workerData);
const port = parentPort!;
const controller = new AbortController();
port.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort();
});

try {
  const module = (await import(request.entry)) as Record<string, unknown>;
  const solve = module[request.exportName] as SolveFunction | undefined;
  if (typeof solve !== 'function')
    throw new Error(`${request.entry} does not export ${request.exportName}()`);
  const result = await solve(request.input, {
    signal: controller.signal,
    timeLimitMs: request.timeLimitMs,
    onProgress: (progress) => port.postMessage({ type: 'progress', progress } satisfies ThreadMessage),
  });
  port.postMessage({ type: 'result', result } satisfies ThreadMessage);
} catch (error) {
  port.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
  } satisfies ThreadMessage);
}
port.close();
