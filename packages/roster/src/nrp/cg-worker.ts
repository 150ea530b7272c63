/** Worker thread entry of the column-generation companion (see companion.ts for the protocol). */
import { parentPort, workerData } from 'node:worker_threads';
import { workerPayload } from '@planmaat/threads';
import { solveByColumnGeneration } from './column-generation.ts';
import { compileNrp } from './compiled.ts';
import type { CompanionMessage, CompanionRequest, CompanionStart } from './companion.ts';
import { solveByWindows } from './window-search.ts';

const start = workerPayload<CompanionStart>(workerData);
const stop = new Int32Array(start.stopBuffer);
const port = parentPort!;
const post = (message: CompanionMessage) => port.postMessage(message);
const shouldStop = () => Atomics.load(stop, 0) !== 0;
const onImproved = (assign: Int8Array, objective: number) => post({ kind: 'improved', assign, objective });
const compiled = compileNrp(start.instance);

if (start.mode === 'windows') {
  // The main thread pushes each new feasible best of the search; a window takes the latest.
  let latest: Int8Array | undefined;
  port.on('message', (message: CompanionRequest) => (latest = message.assign ?? latest));
  const result = await solveByWindows(compiled, {
    deadline: start.deadline,
    shouldStop,
    onImproved,
    incumbent: async () => {
      // Let the event loop deliver the messages that came in during the last window.
      await new Promise((resolve) => setImmediate(resolve));
      const known = latest;
      latest = undefined;
      return known;
    },
  });
  post({ kind: 'done', objective: result.objective, status: result.status });
  port.removeAllListeners('message');
} else {
  const result = await solveByColumnGeneration(compiled, {
    deadline: start.deadline,
    shouldStop,
    onImproved,
    onLowerBound: (lowerBound) => post({ kind: 'bound', lowerBound }),
    branching: true,
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
}
