/**
 * Solve a Curtois & Qu instance: greedy construction, then a portfolio of annealing / late
 * acceptance searches (one per thread) sharing the best roster. Reports the objective and the
 * hard-violation count of the best roster, both recomputed from scratch.
 */
import type { AcceptanceConfig } from '../engine/acceptance.ts';
import { runPortfolio, type ProgressEvent, type StopReason } from '../engine/portfolio.ts';
import { compileNrp } from './compiled.ts';
import type { NrpInstance } from './instance.ts';
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
}

export interface NrpSolveResult {
  roster: NrpRoster;
  objective: number;
  hardViolations: number;
  iterations: number;
  elapsedMs: number;
  stopReason: StopReason;
  progress: ProgressEvent[];
}

/** Per-thread acceptance: thread 0 anneals once over the budget, thread 1 with reheats, and so on. */
export const NRP_PORTFOLIO: AcceptanceConfig[] = [
  { kind: 'annealing', startTemperature: 100, endTemperature: 2, cycles: 1 },
  { kind: 'annealing', startTemperature: 100, endTemperature: 2, cycles: 2 },
];

export async function solveNrp(
  instance: NrpInstance,
  options: NrpSolveOptions = {},
): Promise<NrpSolveResult> {
  const payload: NrpPayload = { instance, pins: options.pins ?? [], tuning: options.tuning ?? {} };
  const result = await runPortfolio({
    threads: options.threads ?? 1,
    seed: options.seed ?? 1,
    seconds: options.seconds,
    maxIterations: options.maxIterations,
    syncIterations: options.syncIterations,
    lowerBound: options.lowerBound,
    signal: options.signal,
    onProgress: options.onProgress,
    acceptance: options.tuning?.acceptance ?? NRP_PORTFOLIO,
    createProblem: createNrpProblem,
    workerUrl: new URL('./worker.ts', import.meta.url),
    payload,
  });
  // Report from a fresh full re-score of the best roster, not from the incremental totals.
  const state = new NrpState(compileNrp(instance));
  state.load(result.best);
  const { N, H } = state.c;
  const roster: NrpRoster = [];
  for (let n = 0; n < N; n++) {
    const row: string[] = [];
    for (let d = 0; d < H; d++) {
      const v = state.assign[n * H + d];
      row.push(v < 0 ? '' : state.c.shiftIds[v]);
    }
    roster.push(row);
  }
  return {
    roster,
    objective: state.soft,
    hardViolations: state.countViolations(),
    iterations: result.iterations,
    elapsedMs: result.elapsedMs,
    stopReason: result.stopReason,
    progress: result.progress,
  };
}
