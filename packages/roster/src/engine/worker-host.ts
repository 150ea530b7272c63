/** The worker side of the portfolio: run segments, report, adopt the shared best, repeat. */
import { parentPort, workerData } from 'node:worker_threads';
import { workerPayload } from '@planmaat/threads';
import type { SearchProblem, Solution } from './problem.ts';
import type { WorkerReport, WorkerStart } from './portfolio.ts';
import { SearchRunner, type SegmentEnd } from './runner.ts';
import type { Score } from './score.ts';

const IMPROVEMENT_REPORT_MS = 100;

export async function serveSearch<Payload>(
  createProblem: (
    payload: Payload,
    threadIndex: number,
    seed: number,
  ) => SearchProblem | Promise<SearchProblem>,
): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('serveSearch runs inside a worker thread');
  const start = workerPayload<WorkerStart<Payload>>(workerData);
  const { stopBuffer, ...limits } = start.budget;
  const budget = { ...limits, stop: new Int32Array(stopBuffer) };
  const runner = new SearchRunner(
    await createProblem(start.payload, start.threadIndex, start.seed),
    start.acceptance,
    start.seed,
    budget,
  );
  const post = (message: WorkerReport) => port.postMessage(message);
  post({ kind: 'improved', score: runner.score });
  let lastReport = Date.now();
  // Short sub-segments only to post progress; synchronisation happens at syncIterations.
  const slice = Math.max(1, Math.min(start.syncIterations, 5000));
  for (;;) {
    let end: SegmentEnd = 'segment';
    const target = runner.iterations + start.syncIterations;
    while (runner.iterations < target) {
      end = runner.runSegment(Math.min(slice, target - runner.iterations));
      if (Date.now() - lastReport >= IMPROVEMENT_REPORT_MS && runner.takeImprovement()) {
        lastReport = Date.now();
        post({ kind: 'improved', score: runner.score });
      }
      if (end !== 'segment') break;
    }
    post({
      kind: 'segment',
      end,
      best: runner.bestSolution.slice(),
      score: runner.score,
      iterations: runner.iterations,
    });
    if (end !== 'segment') return;
    const shared = await new Promise<{ best: Solution; score: Score }>((resolve) =>
      port.once('message', resolve),
    );
    runner.adopt(shared.best, shared.score);
  }
}
