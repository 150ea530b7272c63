/**
 * Solve a Curtois & Qu instance: greedy construction, then a portfolio of annealing / late
 * acceptance searches (one per thread) sharing the best roster. On small models under a time
 * limit one of the threads runs HiGHS on the whole 0-1 model instead (the exact companion).
 * Reports the objective and the hard-violation count of the best roster, both recomputed from
 * scratch.
 */
import { startWorker } from '@planmaat/threads';
import type { AcceptanceConfig } from '../engine/acceptance.ts';
import { runPortfolio, type ProgressEvent, type StopReason } from '../engine/portfolio.ts';
import { compileNrp, type CompiledNrp } from './compiled.ts';
import type { NrpInstance } from './instance.ts';
import { mipBinaryCount, type MipBaselineResult } from './mip-baseline.ts';
import { createNrpProblem, type NrpPayload, type NrpPin, type NrpTuning } from './problem.ts';

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
   * Exact companion: 'auto' (default) runs HiGHS on the whole model in one of the threads when
   * the model is small (≤ EXACT_COMPANION_MAX_BINARIES), a time limit governs, there are at least
   * two threads and no pins; false never does.
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
  exact?: { status: string; objective?: number; hardViolations?: number; used: boolean; elapsedMs: number };
}

/**
 * On models this small (the two-week instances 1–3: 104–598 binaries) HiGHS proves or nearly
 * reaches the optimum within a minute, where the local search stalls 0.1–1.4 % above it; from the
 * four-week instances on, the MIP falls far behind (measured, docs/roster-optimiser.md).
 */
export const EXACT_COMPANION_MAX_BINARIES = 600;

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
  const payload: NrpPayload = { instance, pins: options.pins ?? [], tuning: options.tuning ?? {} };
  const threads = options.threads ?? 1;
  const exact = wantsExactCompanion(compiled, options, threads)
    ? startExactCompanion(instance, options.seconds!, options.signal)
    : undefined;
  // The local search stops early when the companion proves its roster optimal.
  const stopSearch = new AbortController();
  const stopOnCaller = () => stopSearch.abort();
  options.signal?.addEventListener('abort', stopOnCaller);
  if (options.signal?.aborted) stopSearch.abort();
  let provenOptimal = false;
  void exact?.result.then((r) => {
    if (r.status === 'optimal' && r.roster) {
      provenOptimal = true;
      stopSearch.abort();
    }
  });
  let result;
  try {
    result = await runPortfolio({
      threads: exact ? threads - 1 : threads,
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
  if (exact) {
    // The search ended first (time, bound or cancel): the companion is near its own limit or told to stop.
    if (result.stopReason !== 'time') exact.stop();
    const r = await exact.result;
    exactReport = { status: r.status, used: false, elapsedMs: r.elapsedMs };
    if (r.roster) {
      state.load(assignmentOf(compiled, r.roster));
      const candidate = {
        assign: state.assign.slice(),
        hard: state.countViolations(),
        objective: state.soft,
      };
      exactReport.objective = candidate.objective;
      exactReport.hardViolations = candidate.hard;
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

function wantsExactCompanion(c: CompiledNrp, options: NrpSolveOptions, threads: number): boolean {
  if (options.exactCompanion === false) return false;
  // An iteration limit promises a deterministic result; HiGHS under a time limit is not.
  if (options.seconds === undefined || options.maxIterations !== undefined) return false;
  if (threads < 2 || (options.pins?.length ?? 0) > 0) return false;
  return mipBinaryCount(c) <= EXACT_COMPANION_MAX_BINARIES;
}

interface ExactCompanion {
  result: Promise<MipBaselineResult>;
  stop(): void;
}

function startExactCompanion(instance: NrpInstance, seconds: number, signal?: AbortSignal): ExactCompanion {
  const worker = startWorker(new URL('./mip-worker.ts', import.meta.url), {
    workerData: { instance, seconds },
  });
  const started = Date.now();
  const stopped = (): MipBaselineResult => ({
    status: 'stopped',
    elapsedMs: Date.now() - started,
    columns: 0,
    rows: 0,
    nonzeros: 0,
  });
  let settle: (r: MipBaselineResult) => void = () => undefined;
  const result = new Promise<MipBaselineResult>((resolve) => (settle = resolve));
  const stop = () => {
    settle(stopped());
    void worker.terminate();
  };
  worker.once('message', (r: MipBaselineResult) => {
    settle(r);
    void worker.terminate();
  });
  worker.once('error', (error) =>
    settle({ ...stopped(), status: `failed: ${error instanceof Error ? error.message : String(error)}` }),
  );
  worker.once('exit', () => settle(stopped()));
  signal?.addEventListener('abort', stop, { once: true });
  void result.then(() => signal?.removeEventListener('abort', stop));
  return { result, stop };
}

/** A roster (shift ids per employee and day) as the state's value array. */
function assignmentOf(c: CompiledNrp, roster: NrpRoster): Int32Array {
  const { N, H } = c;
  const index = new Map(c.shiftIds.map((id, i) => [id, i]));
  const assign = new Int32Array(N * H).fill(-1);
  for (let n = 0; n < N; n++)
    for (let d = 0; d < H; d++) {
      const id = roster[n]?.[d] ?? '';
      assign[n * H + d] = id === '' ? -1 : (index.get(id) ?? -1);
    }
  return assign;
}
