/**
 * Search several team problems one after another until a shared deadline (each gets a share of
 * the remaining time by its visit count), in the calling thread or, split into balanced bins, on
 * worker threads — teams are independent, so two cores plan two teams at once.
 */
import type { CareProblem } from './model.ts';
import { searchCare, type CareSearchResult } from './search.ts';
import { newStopFlag, runWorker } from '../engine/workers.ts';

export interface TeamJob {
  problem: CareProblem;
  seed: number;
  initial?: { routes: number[][]; pins: number[] };
}

export interface TeamsProgress {
  /** Job index → fraction of its time used and best objective. */
  job: number;
  fraction: number;
  bestObjective: number;
}

export interface TeamsRunOptions {
  deadlineEpochMs?: number;
  maxIterations?: number;
  shouldStop?: () => boolean;
  onProgress?: (p: TeamsProgress) => void;
}

/** The jobs in order, each with its share of the time left. */
export function searchTeamsInline(
  jobs: TeamJob[],
  indices: number[],
  options: TeamsRunOptions,
): CareSearchResult[] {
  let remainingVisits = indices.reduce((s, i) => s + Math.max(1, jobs[i].problem.visits), 0);
  return indices.map((i) => {
    const job = jobs[i];
    const visits = Math.max(1, job.problem.visits);
    const left =
      options.deadlineEpochMs === undefined ? 0 : Math.max(0, options.deadlineEpochMs - Date.now());
    const budget = (left * visits) / remainingVisits;
    remainingVisits -= visits;
    return searchCare(job.problem, {
      seed: job.seed,
      timeLimitMs: options.maxIterations === undefined ? budget : undefined,
      maxIterations: options.maxIterations,
      initial: job.initial,
      shouldStop: options.shouldStop,
      onProgress: (p) =>
        options.onProgress?.({
          job: i,
          fraction:
            options.maxIterations === undefined
              ? Math.min(1, p.elapsedMs / Math.max(1, budget))
              : p.iteration / options.maxIterations,
          bestObjective: p.bestObjective,
        }),
    });
  });
}

export interface TeamsWorkerInput {
  jobs: TeamJob[];
  indices: number[];
  deadlineEpochMs?: number;
  maxIterations?: number;
  stopFlag: Int32Array;
}

/** Run the jobs on up to `threads` worker threads (balanced by visit count). */
export async function searchTeams(
  jobs: TeamJob[],
  threads: number,
  options: TeamsRunOptions & { signal?: AbortSignal },
): Promise<CareSearchResult[]> {
  const bins = Math.max(1, Math.min(threads, jobs.length));
  const order = jobs
    .map((_, i) => i)
    .sort((a, b) => jobs[b].problem.visits - jobs[a].problem.visits || a - b);
  if (bins === 1)
    return searchTeamsInline(
      jobs,
      order.sort((a, b) => a - b),
      options,
    );
  const load = new Array<number>(bins).fill(0);
  const members: number[][] = Array.from({ length: bins }, () => []);
  for (const i of order) {
    let b = 0;
    for (let k = 1; k < bins; k++) if (load[k] < load[b]) b = k;
    load[b] += jobs[i].problem.visits;
    members[b].push(i);
  }
  const stop = newStopFlag(options.signal);
  try {
    const runs = members.map((indices) => {
      const input: TeamsWorkerInput = {
        jobs: indices.map((i) => jobs[i]),
        indices: indices.map((_, k) => k),
        deadlineEpochMs: options.deadlineEpochMs,
        maxIterations: options.maxIterations,
        stopFlag: stop.flag,
      };
      return runWorker<TeamsProgress, CareSearchResult[]>(
        new URL('./worker.ts', import.meta.url),
        input,
        (p) => options.onProgress?.({ ...p, job: indices[p.job] }),
      );
    });
    const results = await Promise.all(runs.map((r) => r.result));
    const out = new Array<CareSearchResult>(jobs.length);
    members.forEach((indices, b) => indices.forEach((i, k) => (out[i] = results[b][k])));
    return out;
  } finally {
    stop.dispose();
  }
}
