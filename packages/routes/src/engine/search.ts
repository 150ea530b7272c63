/**
 * One search: greedy construction, then iterated ruin-and-recreate (SISR) with local search on
 * promising candidates, accepted by simulated annealing or late acceptance. Deterministic for a
 * seed when bounded by iterations; a time limit and a stop check (shared flag, AbortSignal) end
 * it early. Progress is reported through a callback.
 */
import { Random } from '@planmaat/domain';
import type { VrpProblem } from './problem.ts';
import { nearestNeighbours } from './problem.ts';
import { RouteState } from './state.ts';
import { Sisr, DEFAULT_SISR, type SisrParams } from './sisr.ts';
import { LocalSearch } from './local-search.ts';

export type Acceptance = 'annealing' | 'late-acceptance';

export interface SearchOptions {
  seed: number;
  /** Wall-clock limit in milliseconds (default: none, then maxIterations must be set). */
  timeLimitMs?: number;
  /** Alternative to timeLimitMs: stop at this Date.now() value. */
  deadlineEpochMs?: number;
  maxIterations?: number;
  acceptance?: Acceptance;
  /** Simulated annealing start/end temperature as a fraction of the initial objective per visit. */
  startTemperature?: number;
  endTemperature?: number;
  /**
   * Late acceptance history length. Default: adaptive, about 1/15 of the iterations the run will
   * make (from maxIterations, or from the iteration rate measured early in a timed run), at least
   * 200 — short runs need a short memory, long runs profit from a long one.
   */
  historyLength?: number;
  sisr?: Partial<SisrParams>;
  /** Apply local search to candidates within this relative distance of the best (0 = never). */
  localSearchWindow?: number;
  /** SWAP* between routes in the local search (default false: see docs/route-optimiser.md). */
  swapStar?: boolean;
  /** Initial routes (vehicle index → customers), e.g. a previous plan. */
  initialRoutes?: readonly (readonly number[])[];
  shouldStop?: () => boolean;
  onProgress?: (progress: SearchProgress) => void;
  progressIntervalMs?: number;
}

export interface SearchProgress {
  iteration: number;
  elapsedMs: number;
  bestObjective: number;
  bestDistance: number;
  bestVehicles: number;
  unassigned: number;
}

export interface SearchResult extends SearchProgress {
  /** Vehicle index → customers in visiting order. */
  routes: number[][];
  stopped: 'time' | 'iterations' | 'cancelled';
}

export function search(problem: VrpProblem, options: SearchOptions): SearchResult {
  const start = performance.now();
  const random = new Random(options.seed);
  const neighbours = nearestNeighbours(problem, 40);
  const sisr = new Sisr(problem, neighbours, random, { ...DEFAULT_SISR, ...options.sisr });
  const localSearch = new LocalSearch(problem, neighbours, random);
  localSearch.swapStarEnabled = options.swapStar ?? false;
  const state = new RouteState(problem);
  const shouldStop = options.shouldStop ?? (() => false);
  const timeLimit =
    options.deadlineEpochMs !== undefined
      ? Math.max(0, options.deadlineEpochMs - Date.now())
      : (options.timeLimitMs ?? Infinity);
  const maxIterations = options.maxIterations ?? Infinity;
  if (timeLimit === Infinity && maxIterations === Infinity)
    throw new Error('search needs a time or iteration limit');

  if (options.initialRoutes) state.load(options.initialRoutes);
  state.begin();
  sisr.recreate(state, false);
  localSearch.run(state, shouldStop);
  let current = state.objective();
  let best = current;
  let bestRoutes = state.routes();
  let bestDistance = state.distance();
  let bestVehicles = state.usedVehicles();
  let bestUnassigned = state.unassignedCount;

  const acceptance = options.acceptance ?? 'annealing';
  const scale = current / Math.max(1, problem.n);
  const t0 = (options.startTemperature ?? 0.1) * scale;
  const tf = (options.endTemperature ?? 0.001) * scale;
  const MAX_HISTORY = 20_000;
  const adaptive = options.historyLength === undefined;
  let historyLength = options.historyLength ?? historyFor(maxIterations);
  const history = new Float64Array(Math.max(historyLength, adaptive ? MAX_HISTORY : 0)).fill(current);
  let calibrated = !adaptive || maxIterations !== Infinity;
  const calibrateAt = Math.min(300, timeLimit * 0.05);
  const lsWindow = options.localSearchWindow ?? 0.02;

  let iteration = 0;
  let stopped: SearchResult['stopped'] = 'iterations';
  let elapsed = 0;
  let lastProgress = 0;
  const progressInterval = options.progressIntervalMs ?? 250;
  const report = () =>
    options.onProgress?.({
      iteration,
      elapsedMs: elapsed,
      bestObjective: best,
      bestDistance,
      bestVehicles,
      unassigned: bestUnassigned,
    });

  while (iteration < maxIterations) {
    if ((iteration & 31) === 0) {
      elapsed = performance.now() - start;
      if (elapsed >= timeLimit) {
        stopped = 'time';
        break;
      }
      if (shouldStop()) {
        stopped = 'cancelled';
        break;
      }
      if (!calibrated && elapsed >= calibrateAt && iteration > 0) {
        calibrated = true;
        const longer = historyFor((iteration / elapsed) * timeLimit);
        if (longer > historyLength) {
          history.fill(current, historyLength, longer);
          historyLength = longer;
        }
      }
      if (elapsed - lastProgress >= progressInterval) {
        lastProgress = elapsed;
        report();
      }
    }
    iteration++;
    state.begin();
    sisr.ruin(state);
    sisr.recreate(state, true);
    let candidate = state.objective();
    if (lsWindow > 0 && candidate < best * (1 + lsWindow)) {
      localSearch.run(state);
      candidate = state.objective();
    }
    const progress = timeLimit !== Infinity ? Math.min(1, elapsed / timeLimit) : iteration / maxIterations;
    let accept: boolean;
    if (acceptance === 'annealing') {
      const temperature = t0 * Math.pow(tf / t0, progress);
      accept = candidate < current - temperature * Math.log(random.next());
    } else {
      const slot = iteration % historyLength;
      accept = candidate <= history[slot] || candidate <= current;
      if (accept) current = candidate;
      if (current < history[slot]) history[slot] = current;
    }
    if (accept) {
      current = candidate;
      if (candidate < best - 1e-9) {
        best = candidate;
        bestRoutes = state.routes();
        bestDistance = state.distance();
        bestVehicles = state.usedVehicles();
        bestUnassigned = state.unassignedCount;
      }
    } else {
      state.rollback();
    }
  }
  elapsed = performance.now() - start;
  report();
  return {
    iteration,
    elapsedMs: elapsed,
    bestObjective: best,
    bestDistance,
    bestVehicles,
    unassigned: bestUnassigned,
    routes: bestRoutes,
    stopped,
  };
}

function historyFor(iterations: number): number {
  if (!Number.isFinite(iterations)) return 200;
  return Math.max(200, Math.min(20_000, Math.round(iterations / 15)));
}
