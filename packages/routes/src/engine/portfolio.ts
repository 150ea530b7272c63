/**
 * Portfolio solve: independent searches on worker threads (different seeds and acceptance
 * rules), best result wins. Cancel through an AbortSignal (a shared flag the workers poll),
 * progress merged from all workers. The time limit is a wall-clock deadline from the call, so
 * worker start-up counts against it.
 */
import { collectAfterDeadline, newStopFlag, runWorker, type WorkerRun } from './workers.ts';
import type { VrpProblem } from './problem.ts';
import { search, type SearchOptions, type SearchProgress, type SearchResult } from './search.ts';

export interface SolveOptions {
  seed?: number;
  timeLimitMs?: number;
  maxIterations?: number;
  /** Parallel searches (default 2). */
  threads?: number;
  /**
   * Run the first search in the calling thread instead of a worker (saves the worker start-up
   * time on short runs, but blocks the calling thread: cancelling then only takes effect in the
   * worker searches and at the time limit). `threads: 1, inline: true` uses no worker at all.
   */
  inline?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: PortfolioProgress) => void;
  initialRoutes?: readonly (readonly number[])[];
  /** Overrides per portfolio member (default: see PORTFOLIO). */
  members?: Partial<SearchOptions>[];
}

export interface PortfolioProgress extends SearchProgress {
  /** Iterations summed over all workers. */
  iteration: number;
  workers: number;
}

export interface SolveResult extends SearchResult {
  /** Which portfolio member found the returned solution. */
  member: number;
  iterationsPerMember: number[];
}

/** How long a timed inline solve waits for its workers after the deadline. */
const GRACE_MS = 300;

/** Search settings per worker; more workers than entries cycle through them with new seeds. */
export const PORTFOLIO: Partial<SearchOptions>[] = [
  { acceptance: 'late-acceptance', localSearchWindow: 0 },
  { acceptance: 'late-acceptance', localSearchWindow: 0, sisr: { averageRemoved: 15 } },
];

export interface WorkerInput {
  problem: VrpProblem;
  options: Omit<SearchOptions, 'shouldStop' | 'onProgress'>;
  stopFlag: Int32Array;
}

function memberOptions(
  options: SolveOptions,
  member: number,
): Omit<SearchOptions, 'shouldStop' | 'onProgress'> {
  const members = options.members ?? PORTFOLIO;
  const base = members[member % members.length];
  return {
    ...base,
    seed: ((options.seed ?? 1) + member * 7919) >>> 0,
    timeLimitMs: options.timeLimitMs,
    maxIterations: options.maxIterations,
    initialRoutes: options.initialRoutes,
  };
}

export async function solve(problem: VrpProblem, options: SolveOptions = {}): Promise<SolveResult> {
  const threads = Math.max(1, options.threads ?? 2);
  const deadline = options.timeLimitMs === undefined ? undefined : Date.now() + options.timeLimitMs;
  const stop = newStopFlag(options.signal);
  const latest: (SearchProgress | undefined)[] = new Array(threads).fill(undefined);
  const report = (member: number, progress: SearchProgress) => {
    latest[member] = progress;
    let best: SearchProgress | undefined;
    let iterations = 0;
    for (const p of latest) {
      if (!p) continue;
      iterations += p.iteration;
      if (!best || p.bestObjective < best.bestObjective) best = p;
    }
    if (best) options.onProgress?.({ ...best, iteration: iterations, workers: threads });
  };
  const first = options.inline ? 1 : 0;
  try {
    const runs: WorkerRun<SearchResult>[] = [];
    for (let member = first; member < threads; member++) {
      const input: WorkerInput = {
        problem,
        options: { ...memberOptions(options, member), timeLimitMs: undefined, deadlineEpochMs: deadline },
        stopFlag: stop.flag,
      };
      runs.push(
        runWorker<SearchProgress, SearchResult>(new URL('./worker.ts', import.meta.url), input, (p) =>
          report(member, p),
        ),
      );
    }
    let results: SearchResult[];
    if (first === 1) {
      const own = search(problem, {
        ...memberOptions(options, 0),
        timeLimitMs: undefined,
        deadlineEpochMs: deadline,
        shouldStop: () => Atomics.load(stop.flag, 0) === 1 || options.signal?.aborted === true,
        onProgress: (p) => report(0, p),
      });
      // Iteration-limited runs wait for every worker (determinism); timed runs only briefly.
      results =
        deadline === undefined
          ? [own, ...(await Promise.all(runs.map((r) => r.result)))]
          : [own, ...(await collectAfterDeadline(runs, stop.flag, GRACE_MS))];
    } else results = await Promise.all(runs.map((r) => r.result));
    let member = 0;
    for (let k = 1; k < results.length; k++)
      if (results[k].bestObjective < results[member].bestObjective - 1e-9) member = k;
    return { ...results[member], member, iterationsPerMember: results.map((r) => r.iteration) };
  } finally {
    stop.dispose();
  }
}
