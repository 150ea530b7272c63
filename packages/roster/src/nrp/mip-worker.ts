/** Worker thread entry of the exact companion: HiGHS on the whole model (see solve.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { workerPayload } from '@planmaat/threads';
import type { NrpInstance } from './instance.ts';
import { solveNrpMip } from './mip-baseline.ts';

const { instance, seconds } = workerPayload<{ instance: NrpInstance; seconds: number }>(workerData);
parentPort!.postMessage(await solveNrpMip(instance, seconds));
