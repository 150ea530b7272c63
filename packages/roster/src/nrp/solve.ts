/**
 * Solve a Curtois & Qu instance: greedy construction, then a portfolio of annealing / late
 * acceptance searches (one per thread) sharing the best roster. Under a time limit one of the
 * threads runs column generation instead (the exact companion, companion.ts), trading rosters
 * with the search. Reports the objective and the hard-violation count of the best roster, both
 * recomputed from scratch.
 */
import type { AcceptanceConfig } from '../engine/acceptance.ts';
import { runPortfolio, type ProgressEvent, type StopReason } from '../engine/portfolio.ts';
import { startCompanion, type CompanionMode } from './companion.ts';
import { compileNrp, type CompiledNrp } from './compiled.ts';
import type { NrpInstance } from './instance.ts';
import { pricingRoundWork } from './row-pricing.ts';
import {
  createNrpProblem,
  type NrpPayload,
  type NrpPin,
  type NrpTuning,
  usesWeekendPlan,
  WEEKEND_PLAN_SECONDS,
  weekendPlanByDefault,
} from './problem.ts';

export type { NrpPin, NrpTuning };
import type { NrpRoster } from './roster-file.ts';
import { NrpState } from './state.ts';

export interface NrpSolveOptions {
  seconds?: number;
  /** Iteration limit per thread (deterministic for seed + threads). */
  maxIterations?: number;
  seed?: number;
  threads?: number;
  signal?: AbortSignal;
  /** Stop as soon as a feasible roster reaches this objective (a proven lower bound). */
  lowerBound?: number;
  onProgress?: (event: ProgressEvent) => void;
  pins?: NrpPin[];
  /** Iterations between synchronisations of the threads. */
  syncIterations?: number;
  /** Expert settings; the defaults are tuned on the benchmark. */
  tuning?: NrpTuning;
  /**
   * Exact companion: 'auto' (default) runs column generation in one of the threads when a time
   * limit governs, there are at least two threads, no pins, and one round of pricing is cheap
   * enough (≤ COMPANION_MAX_PRICING_WORK); false never does.
   */
  exactCompanion?: 'auto' | false;
}

export interface NrpSolveResult {
  roster: NrpRoster;
  objective: number;
  hardViolations: number;
  iterations: number;
  elapsedMs: number;
  stopReason: StopReason;
  progress: ProgressEvent[];
  /** What the exact companion did, when it ran. */
  exact?: {
    status: string;
    objective?: number;
    hardViolations?: number;
    /** Proven lower bound on the objective, when the companion found one. */
    lowerBound?: number;
    /** True when the returned roster is (or was polished from) the companion's. */
    used: boolean;
    elapsedMs: number;
  };
}

/**
 * Pricing work (minute-vector updates) one round of column generation may cost, estimated from
 * the pricing DP's layer sizes (`pricingRoundWork`): up to here (instances 1–12 and 14–18 of the
 * benchmark) a round takes well under a second; beyond, 13, 19 and the year-long instances would
 * spend much of the minute in the first LP.
 */
export const COMPANION_MAX_PRICING_WORK = 4e8;

/** Per-thread acceptance: thread 0 anneals once over the budget, thread 1 with reheats, and so on. */
export const NRP_PORTFOLIO: AcceptanceConfig[] = [
  { kind: 'annealing', startTemperature: 100, endTemperature: 2, cycles: 1 },
  { kind: 'annealing', startTemperature: 100, endTemperature: 2, cycles: 2 },
];

export async function solveNrp(
  instance: NrpInstance,
  options: NrpSolveOptions = {},
): Promise<NrpSolveResult> {
  const started = Date.now();
  const compiled = compileNrp(instance);
  const threads = options.threads ?? 1;
  const { mode, tuning } = searchSettings(compiled, options, threads);
  const payload: NrpPayload = { instance, pins: options.pins ?? [], tuning };
  const stopSearch = new AbortController();
  const stopOnCaller = () => stopSearch.abort();
  options.signal?.addEventListener('abort', stopOnCaller);
  if (options.signal?.aborted) stopSearch.abort();
  // The search stops early when the companion proves a roster optimal.
  let provenOptimal = false;
  const companion = mode
    ? startCompanion(instance, mode, started + options.seconds! * 1000, () => {
        provenOptimal = true;
        stopSearch.abort();
      })
    : undefined;
  let result;
  try {
    result = await runPortfolio({
      threads: companion ? threads - 1 : threads,
      seed: options.seed ?? 1,
      seconds: options.seconds,
      maxIterations: options.maxIterations,
      syncIterations: options.syncIterations,
      lowerBound: options.lowerBound,
      signal: stopSearch.signal,
      onProgress: options.onProgress,
      acceptance: options.tuning?.acceptance ?? NRP_PORTFOLIO,
      createProblem: createNrpProblem,
      workerUrl: new URL('./worker.ts', import.meta.url),
      payload,
      exchange: companion?.exchange,
    });
  } finally {
    options.signal?.removeEventListener('abort', stopOnCaller);
  }
  // Report from a fresh full re-score of the best roster, not from the incremental totals.
  const state = new NrpState(compiled);
  state.load(result.best);
  let best = { assign: state.assign.slice(), hard: state.countViolations(), objective: state.soft };
  let stopReason: StopReason = result.stopReason;
  let exactReport: NrpSolveResult['exact'];
  const progress = result.progress;
  if (companion) {
    // The search ended first (time, bound or cancel): the companion is at its own deadline or told to stop.
    companion.stop();
    const r = await companion.result;
    exactReport = { status: r.status, used: false, elapsedMs: r.elapsedMs, lowerBound: r.lowerBound };
    if (r.assign) {
      state.load(r.assign);
      const candidate = {
        assign: state.assign.slice(),
        hard: state.countViolations(),
        objective: state.soft,
      };
      exactReport.objective = candidate.objective;
      exactReport.hardViolations = candidate.hard;
      // A search that took over a companion roster polished it: that counts as used too.
      exactReport.used = companion.handedOver() > 0;
      if (
        candidate.hard < best.hard ||
        (candidate.hard === best.hard && candidate.objective < best.objective)
      ) {
        best = candidate;
        exactReport.used = true;
        const event: ProgressEvent = {
          elapsedMs: Date.now() - started,
          iterations: result.iterations,
          best: { hard: candidate.hard, medium: 0, soft: candidate.objective },
        };
        progress.push(event);
        options.onProgress?.(event);
      }
    }
    if (provenOptimal && !options.signal?.aborted) stopReason = 'lower-bound';
  }
  const { N, H } = compiled;
  const roster: NrpRoster = [];
  for (let n = 0; n < N; n++) {
    const row: string[] = [];
    for (let d = 0; d < H; d++) {
      const v = best.assign[n * H + d];
      row.push(v < 0 ? '' : compiled.shiftIds[v]);
    }
    roster.push(row);
  }
  return {
    roster,
    objective: best.objective,
    hardViolations: best.hard,
    iterations: result.iterations,
    elapsedMs: Date.now() - started,
    stopReason,
    progress,
    exact: exactReport,
  };
}

/** Shortest time limit for which the weekend plan is on by default (it takes up to half of it). */
export const WEEKEND_PLAN_MIN_SECONDS = 10;
/** Shortest time limit for which the search beside the whole-row companion holds a weekend plan. */
export const WEEKEND_PLAN_BESIDE_WHOLE_MIN_SECONDS = 60;

/**
 * The companion mode and the search's settings for a run, the caller's tuning first.
 *
 * The weekend plan is a time investment: HiGHS needs ~5 s for instance 13's plan, and the search
 * then rebuilds the weekdays around the held shifts. So under a time limit the plan gets at most
 * half of it (`weekendPlanSeconds` ≤ 10 s) and is on by default only from 10 s: on 13 (2 threads,
 * seeds 1 / 2) at 5 s it left 17 / 16 violations and overran to 7–8 s (no plan: 3,452 / 3,431,
 * feasible), at 10 s it pays (2,686 / 2,495 → 1,997 / 2,284), at 30 s too (2,032 / 1,950 →
 * 1,663 / 1,778).
 *
 * Beside the whole-row companion the plan pays only with a minute: on 15 (seeds 1 / 2) at 10 s
 * 4,812 / 4,534 → 6,092 (1 violation) / 5,219, at 30 s 4,400 / 4,190 → 4,983 / 5,084, at 60 s
 * 4,369 / 4,162 → 4,064 / 3,872 (seeds 3 / 4: 4,354 / 4,171 → 3,985 / 3,971); on 12 and 14 at
 * 10 s it was worse too, and on 8 at 5 s it left one seed of six infeasible. With 60 s or more
 * it is on there (1–12 and 14–18 the same as without at 60 s, 15 better).
 */
export function searchSettings(
  c: CompiledNrp,
  options: NrpSolveOptions,
  threads: number,
): { mode: CompanionMode | undefined; tuning: NrpTuning } {
  const given = options.tuning ?? {};
  // An iteration limit governs when given; then the plan keeps HiGHS' own limit.
  const seconds = options.maxIterations === undefined ? options.seconds : undefined;
  const planByDefault =
    weekendPlanByDefault(c.N, c.H) && (seconds === undefined || seconds >= WEEKEND_PLAN_MIN_SECONDS);
  const weekendPlan = given.weekendPlan ?? planByDefault;
  const mode = companionMode(c, { ...options, tuning: { ...given, weekendPlan } }, threads);
  const besideWhole =
    mode === 'whole' && seconds !== undefined && seconds >= WEEKEND_PLAN_BESIDE_WHOLE_MIN_SECONDS;
  return {
    mode,
    tuning: {
      ...given,
      weekendPlan: given.weekendPlan ?? (planByDefault || besideWhole),
      weekendPlanSeconds:
        given.weekendPlanSeconds ??
        (seconds === undefined ? WEEKEND_PLAN_SECONDS : Math.min(WEEKEND_PLAN_SECONDS, seconds / 2)),
    },
  };
}

/**
 * Whole-horizon column generation where a round of pricing is cheap enough, column generation
 * by windows (of days, and of employees where needed) where it is not (instances 19–24; on 13 the
 * weekend plan runs instead).
 */
export function companionMode(
  c: CompiledNrp,
  options: NrpSolveOptions,
  threads: number,
): CompanionMode | undefined {
  if (options.exactCompanion === false) return undefined;
  // An iteration limit promises a deterministic result; a thread racing the clock is not.
  if (options.seconds === undefined || options.maxIterations !== undefined) return undefined;
  if (threads < 2 || (options.pins?.length ?? 0) > 0) return undefined;
  if (pricingRoundWork(c) <= COMPANION_MAX_PRICING_WORK) return 'whole';
  // Beside a held weekend plan, windows did not pay (instance 13, 60 s, seeds 1–3: two searches
  // 1,647 / 1,580 / 1,586, search and windows 1,627 / 1,835 / 1,684).
  return usesWeekendPlan(c, options.tuning ?? {}, 0) ? undefined : 'windows';
}
