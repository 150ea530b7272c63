/**
 * worker_threads for the solvers. Sources are TypeScript run through tsx; Node 20 does not hand
 * loader hooks on to workers, so a `.ts` entry starts through a small bootstrap that registers tsx
 * inside the worker first. Built `.js` entries start directly.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';
import os from 'node:os';

const bootstrap = new URL('./ts-bootstrap.mjs', import.meta.url);

export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const data: unknown = options.workerData;
  return new Worker(bootstrap, {
    ...options,
    workerData: wrap(entry.href, data),
  });
}

/** The worker's own data: what the caller passed, minus the bootstrap's entry field. */
export function workerPayload<T>(raw: unknown): T {
  if (raw && typeof raw === 'object' && '__planmaatEntry' in raw) return (raw as unknown as { data: T }).data;
  return raw as T;
}

function wrap(entry: string, data: unknown): unknown {
  return { __planmaatEntry: entry, data };
}

/** Threads to use by default: all cores, as the solvers run independent searches per core. */
export function defaultThreadCount(): number {
  return Math.max(1, os.availableParallelism());
}
