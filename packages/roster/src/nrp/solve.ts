/**
 * Solve a Curtois & Qu instance: greedy construction, then a portfolio of annealing / late
 * acceptance searches (one per thread) sharing the best roster. Reports the objective and the
 * hard-violation count of the best roster, both recomputed from scratch.
 */
import { Random } from '@planmaat/domain';
import type { AcceptanceConfig } from '../engine/acceptance.ts';
import { runPortfolio, type ProgressEvent, type StopReason } from '../engine/portfolio.ts';
import { compileNrp } from './compiled.ts';
import type { NrpInstance } from './instance.ts';
import { construct, NrpProblem, type NrpMoveWeights } from './moves.ts';
import type { NrpRoster } from './roster-file.ts';
import { NrpState } from './state.ts';

/** A cell the search may not change: the given shift ('' = day off). */
export interface NrpPin {
  employeeId: string;
  day: number;
  shiftId: string;
}

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

export interface NrpTuning {
  hardWeight?: number;
  adaptHardWeight?: boolean;
  moveWeights?: NrpMoveWeights;
  acceptance?: AcceptanceConfig[];
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

export interface NrpPayload {
  instance: NrpInstance;
  pins: NrpPin[];
  tuning: NrpTuning;
}

/** Per-thread acceptance: thread 0 anneals, thread 1 uses late acceptance, and so on. */
export const NRP_PORTFOLIO: AcceptanceConfig[] = [
  { kind: 'annealing', startTemperature: 30, endTemperature: 0.5, cycles: 3 },
  { kind: 'annealing', startTemperature: 15, endTemperature: 0.3, cycles: 5 },
];

export const DEFAULT_HARD_WEIGHT = 4;

export function createNrpProblem(payload: NrpPayload, _threadIndex: number, seed: number): NrpProblem {
  const compiled = compileNrp(payload.instance);
  const state = new NrpState(compiled, payload.tuning.hardWeight ?? DEFAULT_HARD_WEIGHT);
  const H = compiled.H;
  const staffIndex = new Map(compiled.staffIds.map((id, i) => [id, i]));
  const shiftIndex = new Map(compiled.shiftIds.map((id, i) => [id, i]));
  for (const pin of payload.pins) {
    const n = staffIndex.get(pin.employeeId);
    const v = pin.shiftId === '' ? -1 : shiftIndex.get(pin.shiftId);
    if (n === undefined || v === undefined || pin.day < 0 || pin.day >= H)
      throw new Error(`pin ${pin.employeeId}/${pin.day}/${pin.shiftId} does not match the instance`);
    state.beginMove();
    state.changeCell(n, pin.day, v);
    state.pinned[n * H + pin.day] = 1;
  }
  construct(state, new Random(seed ^ 0x5bd1e995));
  state.recompute();
  return new NrpProblem(state, payload.tuning.moveWeights, payload.tuning.adaptHardWeight ?? true);
}

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
