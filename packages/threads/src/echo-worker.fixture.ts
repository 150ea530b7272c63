import { parentPort, workerData } from 'node:worker_threads';
import { workerPayload } from './index.ts';

const double = (n: number): number => n * 2;
parentPort?.postMessage(double(workerPayload<number>(workerData)));
