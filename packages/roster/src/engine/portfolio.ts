/**
 * A portfolio of independent searches, one per thread, that share the best solution. The searches
 * synchronise at fixed iteration counts (every `syncIterations`): each reports its best, the main
 * thread picks the best of the round (ties to the lowest thread index) and sends it back; a search
 * whose own best is worse continues from it. Run to an iteration limit, the result therefore
 * depends only on the seed and the thread count. Under a time limit it depends on how far each
 * thread got, so it is not reproducible.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '@planmaat/threads';
import type { AcceptanceConfig } from './acceptance.ts';
import type { SearchProblem, Solution } from './problem.ts';
import { SearchRunner, type Budget, type SegmentEnd } from './runner.ts';
import { compareScores, type Score } from './score.ts';

export interface ProgressEvent {
  elapsedMs: number;
  /** Iterations summed over all threads at the last synchronisation. */
  iterations: number;
  best: Score;
}

export type StopReason = 'time' | 'iterations' | 'cancelled' | 'lower-bound';

export interface PortfolioOptions<Payload> {
  threads: number;
  seed: number;
  seconds?: number;
  /** Iterations per thread. */
  maxIterations?: number;
  syncIterations?: number;
  lowerBound?: number;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  /** Thread i's acceptance: configs[i % configs.length]. */
  acceptance: AcceptanceConfig[];
  /** Builds the problem in the current thread (single-thread runs). */
  createProblem: (
    payload: Payload,
    threadIndex: number,
    seed: number,
  ) => SearchProblem | Promise<SearchProblem>;
  /**
   * Solutions found outside the portfolio (e.g. by an exact method beside it): `incoming` is
   * polled at every synchronisation and a better solution becomes the shared best; `onBest`
   * hears each new shared best (a copy), so the outside method can start from it.
   */
  exchange?: SolutionExchange;
  /** Worker entry that calls serveSearch() with the same problem factory. */
  workerUrl: URL;
  payload: Payload;
}

export interface SolutionExchange {
  incoming(): { solution: Solution; score: Score } | undefined;
  onBest?(solution: Solution, score: Score): void;
}

export interface PortfolioResult {
  best: Solution;
  score: Score;
  iterations: number;
  elapsedMs: number;
  stopReason: StopReason;
  progress: ProgressEvent[];
}

/** Message from the main thread to a worker. */
export interface WorkerStart<Payload> {
  payload: Payload;
  threadIndex: number;
  seed: number;
  acceptance: AcceptanceConfig;
  budget: Omit<Budget, 'stop'> & { stopBuffer: SharedArrayBuffer };
  syncIterations: number;
}

/** Message from a worker. */
export type WorkerReport =
  | { kind: 'improved'; score: Score }
  | { kind: 'segment'; end: SegmentEnd; best: Solution; score: Score; iterations: number };

export const threadSeed = (seed: number, threadIndex: number): number =>
  (Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(threadIndex + 1, 0x85ebca77)) >>> 0;

export async function runPortfolio<Payload>(options: PortfolioOptions<Payload>): Promise<PortfolioResult> {
  const startedAt = Date.now();
  const stopBuffer = new SharedArrayBuffer(4);
  const stop = new Int32Array(stopBuffer);
  const budget = {
    startedAt,
    deadline: options.seconds === undefined ? Infinity : startedAt + options.seconds * 1000,
    maxIterations: options.maxIterations ?? Infinity,
    lowerBound: options.lowerBound ?? -Infinity,
  };
  if (budget.deadline === Infinity && budget.maxIterations === Infinity && !options.signal)
    throw new Error('give a time limit, an iteration limit or an abort signal');
  const syncIterations = options.syncIterations ?? 50_000;
  const progress: ProgressEvent[] = [];
  let bestScore: Score | undefined;
  let totalIterations = 0;
  const report = (score: Score) => {
    if (bestScore && compareScores(score, bestScore) >= 0) return;
    bestScore = score;
    const event = { elapsedMs: Date.now() - startedAt, iterations: totalIterations, best: score };
    progress.push(event);
    options.onProgress?.(event);
  };
  const onAbort = () => Atomics.store(stop, 0, 1);
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort);
  try {
    const threads = Math.max(1, Math.floor(options.threads));
    const outcome =
      threads === 1
        ? await runInThisThread(
            options,
            { ...budget, stop },
            syncIterations,
            report,
            (n) => (totalIterations = n),
          )
        : await runInWorkers(
            options,
            threads,
            { ...budget, stopBuffer },
            stop,
            syncIterations,
            report,
            (n) => {
              totalIterations = n;
            },
          );
    report(outcome.score);
    return { ...outcome, iterations: totalIterations, elapsedMs: Date.now() - startedAt, progress };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}

interface Outcome {
  best: Solution;
  score: Score;
  stopReason: StopReason;
}

async function runInThisThread<Payload>(
  options: PortfolioOptions<Payload>,
  budget: Budget,
  syncIterations: number,
  report: (score: Score) => void,
  setIterations: (n: number) => void,
): Promise<Outcome> {
  const seed = threadSeed(options.seed, 0);
  const runner = new SearchRunner(
    await options.createProblem(options.payload, 0, seed),
    options.acceptance[0],
    seed,
    budget,
  );
  report(runner.score);
  const exchange = options.exchange;
  for (;;) {
    const end = runner.runSegment(syncIterations);
    setIterations(runner.iterations);
    const incoming = exchange?.incoming();
    if (incoming) runner.adopt(incoming.solution, incoming.score);
    if (runner.takeImprovement() || incoming) {
      report(runner.score);
      exchange?.onBest?.(runner.bestSolution.slice(), runner.score);
    }
    if (end !== 'segment') return { best: runner.bestSolution, score: runner.score, stopReason: end };
    // Let the event loop deliver an abort between segments.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function runInWorkers<Payload>(
  options: PortfolioOptions<Payload>,
  threads: number,
  budget: WorkerStart<Payload>['budget'],
  stop: Int32Array,
  syncIterations: number,
  report: (score: Score) => void,
  setIterations: (n: number) => void,
): Promise<Outcome> {
  return new Promise<Outcome>((resolve, reject) => {
    const workers: Worker[] = [];
    const active = new Set<number>();
    const reportedEnd = new Set<number>();
    const iterations = new Float64Array(threads);
    let round = new Map<number, Extract<WorkerReport, { kind: 'segment' }>>();
    let best: { solution: Solution; score: Score } | undefined;
    let stopReason: StopReason = 'iterations';
    let finished = false;

    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else if (!best) reject(new Error('no search reported a solution'));
      else resolve({ best: best.solution, score: best.score, stopReason });
    };

    const closeRound = () => {
      // Threads in index order: the shared best is the same whatever order messages arrived in.
      const before = best;
      for (const index of [...round.keys()].sort((a, b) => a - b)) {
        const r = round.get(index)!;
        if (!best || compareScores(r.score, best.score) < 0) best = { solution: r.best, score: r.score };
      }
      const incoming = options.exchange?.incoming();
      if (incoming && (!best || compareScores(incoming.score, best.score) < 0)) best = incoming;
      if (best && best !== before) options.exchange?.onBest?.(best.solution.slice(), best.score);
      setIterations(iterations.reduce((a, b) => a + b, 0));
      if (best) report(best.score);
      for (const [index, r] of round) {
        if (r.end === 'segment') workers[index].postMessage({ best: best!.solution, score: best!.score });
        else {
          active.delete(index);
          if (r.end === 'lower-bound') Atomics.store(stop, 0, 1);
          if (stopReason === 'iterations' || r.end === 'lower-bound' || r.end === 'cancelled')
            stopReason = r.end;
          if (r.end === 'time' && stopReason === 'iterations') stopReason = 'time';
        }
      }
      round = new Map();
      if (active.size === 0) finish();
    };

    for (let i = 0; i < threads; i++) {
      const start: WorkerStart<Payload> = {
        payload: options.payload,
        threadIndex: i,
        seed: threadSeed(options.seed, i),
        acceptance: options.acceptance[i % options.acceptance.length],
        budget,
        syncIterations,
      };
      const worker = startWorker(options.workerUrl, { workerData: start });
      workers.push(worker);
      active.add(i);
      worker.on('message', (message: WorkerReport) => {
        if (message.kind === 'improved') {
          report(message.score);
          return;
        }
        iterations[i] = message.iterations;
        if (message.end !== 'segment') reportedEnd.add(i);
        round.set(i, message);
        if (round.size === active.size) closeRound();
      });
      worker.on('error', (error) => finish(error));
      worker.on('exit', (code) => {
        if (!reportedEnd.has(i) && !finished)
          finish(new Error(`search thread ${i} stopped with exit code ${code}`));
      });
    }
  });
}
