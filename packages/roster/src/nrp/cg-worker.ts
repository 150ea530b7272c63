/** Worker thread entry of the column-generation companion (see companion.ts for the protocol). */
import { parentPort, workerData } from 'node:worker_threads';
import { workerPayload } from '@planmaat/threads';
import { solveByColumnGeneration } from './column-generation.ts';
import { compileNrp } from './compiled.ts';
import type { CompanionMessage, CompanionPush, CompanionStart } from './companion.ts';
import { solveByWindows } from './window-search.ts';

/**
 * Share of the time the windows get after whole-horizon column generation that proved nothing.
 * Measured from the 60 s search's rosters (windows alone, one thread): 18 4,574 → 4,467 in 12 s,
 * 15 4,439 → 4,146 in 30 s, where the integer master over the columns found nothing better.
 */
const WINDOWS_AFTER_WHOLE_SHARE = 0.3;

const start = workerPayload<CompanionStart>(workerData);
const stop = new Int32Array(start.stopBuffer);
const port = parentPort!;
const post = (message: CompanionMessage) => port.postMessage(message);
const shouldStop = () => Atomics.load(stop, 0) !== 0;
const onImproved = (assign: Int8Array, objective: number) => post({ kind: 'improved', assign, objective });
const compiled = compileNrp(start.instance);

// The main thread pushes each new feasible best of the search; the companion takes the latest.
let latest: Int8Array | undefined;
port.on('message', (message: CompanionPush) => (latest = message.assign));
const incumbent = async () => {
  // Let the event loop deliver the messages that came in meanwhile.
  await new Promise((resolve) => setImmediate(resolve));
  return latest;
};

/** Windows until the deadline, the first over the better of `first` and the search's latest. */
const windows = (first?: Int8Array) =>
  solveByWindows(compiled, { deadline: start.deadline, shouldStop, onImproved, incumbent, start: first });

if (start.mode === 'windows') {
  const result = await windows();
  post({ kind: 'done', objective: result.objective, status: result.status });
} else {
  const began = Date.now();
  const whole = await solveByColumnGeneration(compiled, {
    // Whole-horizon column generation first; what it leaves unproven, windows improve.
    deadline: start.deadline - (start.deadline - began) * WINDOWS_AFTER_WHOLE_SHARE,
    shouldStop,
    onImproved,
    onLowerBound: (lowerBound) => post({ kind: 'bound', lowerBound }),
    branching: true,
    incumbent,
  });
  const proven = whole.objective !== undefined && whole.objective === whole.lowerBound;
  let status = whole.status;
  let objective = whole.objective;
  if (!proven && !shouldStop() && Date.now() < start.deadline) {
    const result = await windows(whole.assign);
    status += `; then ${result.status}`;
    if (result.objective !== undefined && (objective === undefined || result.objective < objective))
      objective = result.objective;
  }
  post({ kind: 'done', objective, lowerBound: whole.lowerBound, status });
}
port.removeAllListeners('message');
