/**
 * Solve a UHHC instance: independent searches (different seeds) on worker threads, optionally
 * the first in the calling thread; the best plan is timed and written as a solution JSON.
 */
import type { UhhcInstance } from './instance.ts';
import { buildUhhcModel, type UhhcModel } from './model.ts';
import { searchUhhc, type UhhcProgress, type UhhcSearchOptions, type UhhcSearchResult } from './search.ts';
import { uhhcSolution, type UhhcSolution } from './solution.ts';
import { collectAfterDeadline, newStopFlag, runWorker, type WorkerRun } from '../engine/workers.ts';

export interface UhhcSolveOptions {
  seed?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  threads?: number;
  /** First search in the calling thread (saves worker start-up; blocks the caller). */
  inline?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: UhhcProgress & { workers: number }) => void;
}

export interface UhhcWorkerInput {
  model: UhhcModel;
  options: Omit<UhhcSearchOptions, 'shouldStop' | 'onProgress'>;
  stopFlag: Int32Array;
}

export interface UhhcSolveResult {
  solution: UhhcSolution;
  objective: number;
  iterations: number;
  elapsedMs: number;
}

export async function solveUhhc(
  instance: UhhcInstance,
  options: UhhcSolveOptions = {},
): Promise<UhhcSolveResult> {
  const started = performance.now();
  const model = buildUhhcModel(instance);
  const threads = Math.max(1, options.threads ?? 2);
  const deadline = options.timeLimitMs === undefined ? undefined : Date.now() + options.timeLimitMs;
  const stop = newStopFlag(options.signal);
  const latest: (UhhcProgress | undefined)[] = new Array(threads).fill(undefined);
  const report = (member: number, p: UhhcProgress) => {
    latest[member] = p;
    let best = Infinity;
    let iterations = 0;
    for (const q of latest)
      if (q) {
        best = Math.min(best, q.bestObjective);
        iterations += q.iteration;
      }
    options.onProgress?.({
      iteration: iterations,
      elapsedMs: performance.now() - started,
      bestObjective: best,
      workers: threads,
    });
  };
  const memberOptions = (member: number) => ({
    seed: ((options.seed ?? 1) + member * 7919) >>> 0,
    maxIterations: options.maxIterations,
    deadlineEpochMs: deadline,
  });
  try {
    const runs: WorkerRun<UhhcSearchResult>[] = [];
    const first = options.inline ? 1 : 0;
    for (let member = first; member < threads; member++) {
      const input: UhhcWorkerInput = { model, options: memberOptions(member), stopFlag: stop.flag };
      runs.push(
        runWorker<UhhcProgress, UhhcSearchResult>(new URL('./worker.ts', import.meta.url), input, (p) =>
          report(member, p),
        ),
      );
    }
    let results: UhhcSearchResult[];
    if (first === 1) {
      const own = searchUhhc(model, {
        ...memberOptions(0),
        shouldStop: () => Atomics.load(stop.flag, 0) === 1 || options.signal?.aborted === true,
        onProgress: (p) => report(0, p),
      });
      results =
        deadline === undefined
          ? [own, ...(await Promise.all(runs.map((r) => r.result)))]
          : [own, ...(await collectAfterDeadline(runs, stop.flag, 1000))];
    } else results = await Promise.all(runs.map((r) => r.result));
    let best = results[0];
    for (const r of results) if (r.bestObjective < best.bestObjective) best = r;
    const { solution, objective } = uhhcSolution(model, best.routes, best.pins, best.refs);
    return {
      solution,
      objective,
      iterations: results.reduce((a, r) => a + r.iteration, 0),
      elapsedMs: performance.now() - started,
    };
  } finally {
    stop.dispose();
  }
}
