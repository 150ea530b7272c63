/** Worker thread entry of the column-generation companion (see solve.ts for the protocol). */
import { parentPort, workerData } from 'node:worker_threads';
import { workerPayload } from '@planmaat/threads';
import { solveByColumnGeneration } from './column-generation.ts';
import { compileNrp } from './compiled.ts';
import type { CompanionMessage, CompanionRequest, CompanionStart } from './companion.ts';

const start = workerPayload<CompanionStart>(workerData);
const stop = new Int32Array(start.stopBuffer);
const port = parentPort!;
const post = (message: CompanionMessage) => port.postMessage(message);

const result = await solveByColumnGeneration(compileNrp(start.instance), {
  deadline: start.deadline,
  shouldStop: () => Atomics.load(stop, 0) !== 0,
  onImproved: (assign, objective) => post({ kind: 'improved', assign, objective }),
  onLowerBound: (lowerBound) => post({ kind: 'bound', lowerBound }),
  incumbent: () =>
    new Promise((resolve) => {
      port.once('message', (reply: CompanionRequest) => resolve(reply.assign));
      post({ kind: 'incumbent?' });
    }),
});
post({
  kind: 'done',
  objective: result.objective,
  lowerBound: result.lowerBound,
  status: result.status,
});
