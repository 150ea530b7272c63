// Worker bootstrap for TypeScript entries: Node 20 does not pass loader hooks on to workers,
// so the worker registers tsx itself and then loads the real entry.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.__planmaatEntry);
