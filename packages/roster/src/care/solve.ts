/**
 * Solve one roster period with the care model: a portfolio of annealing searches (one per
 * thread) over the greedy start, sharing the best roster. The result is plain JSON: the
 * period's assignments, the score recomputed from scratch, coverage shortfall, the changes
 * against a published roster per person, and search figures.
 */
import type { Assignment, OrganisationData } from '@planmaat/domain';
import type { AcceptanceConfig } from '../engine/acceptance.ts';
import { runPortfolio, type ProgressEvent, type StopReason } from '../engine/portfolio.ts';
import type { Score } from '../engine/score.ts';
import { assignmentsFromCells, teamSlice } from './cells.ts';
import { compileCareModel, OFF, type CareModel } from './compile.ts';
import type { CareModelOptions } from './options.ts';
import type { CarePayload } from './problem.ts';
import { CareState } from './state.ts';

export interface CareSolveOptions extends CareModelOptions {
  /** Time limit (default 30 s unless maxIterations or a signal is given). */
  seconds?: number;
  /** Iterations per thread (deterministic for seed + threads when no time limit is given). */
  maxIterations?: number;
  seed?: number;
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  syncIterations?: number;
  acceptance?: AcceptanceConfig[];
}

export interface CareChange {
  employeeId: string;
  date: string;
  from: string | null;
  to: string | null;
  needsConsent: boolean;
}

export interface CareChangeReport {
  count: number;
  needsConsent: number;
  byEmployee: Array<{ employeeId: string; name: string; changes: number; needsConsent: number }>;
  cells: CareChange[];
}

export interface CareSolveResult {
  periodId: string;
  score: Score;
  feasible: boolean;
  assignments: Assignment[];
  coverage: { shortOfMinimum: number; shortOfIdeal: number; demandIdeal: number };
  /** Against the published roster when re-planning; null otherwise. */
  changes: CareChangeReport | null;
  iterations: number;
  elapsedMs: number;
  stopReason: StopReason;
  /** Elapsed time when the best roster first had hard 0 (null when never). */
  timeToFeasibleMs: number | null;
  progress: ProgressEvent[];
}

export const CARE_PORTFOLIO: AcceptanceConfig[] = [
  { kind: 'annealing', startTemperature: 60, endTemperature: 1, cycles: 2 },
  { kind: 'annealing', startTemperature: 30, endTemperature: 0.5, cycles: 3 },
];

export async function solveCareRoster(
  data: OrganisationData,
  periodId: string,
  options: CareSolveOptions = {},
): Promise<CareSolveResult> {
  const {
    seconds,
    maxIterations,
    seed = 1,
    threads = 1,
    signal,
    onProgress,
    syncIterations,
    acceptance,
    ...modelOptions
  } = options;
  const slice = teamSlice(data, periodId);
  const payload: CarePayload = { data: slice, periodId, options: modelOptions };
  const model = compileCareModel(slice, periodId, modelOptions);
  const result = await runPortfolio({
    threads,
    seed,
    seconds: seconds ?? (maxIterations === undefined && !signal ? 30 : undefined),
    maxIterations,
    syncIterations: syncIterations ?? 20_000,
    signal,
    onProgress,
    acceptance: acceptance ?? CARE_PORTFOLIO,
    createProblem: async (p: CarePayload, t: number, s: number) =>
      (await import('./problem.ts')).createCareProblem(p, t, s),
    workerUrl: new URL('./worker.ts', import.meta.url),
    payload,
  });
  // Report from a fresh full score of the best roster, not from the incremental totals.
  const state = new CareState(model, Int8Array.from(result.best));
  const feasibleAt = result.progress.find((p) => p.best.hard === 0);
  return {
    periodId,
    score: { hard: state.hard, medium: state.medium, soft: state.soft },
    feasible: state.hard === 0,
    assignments: assignmentsFromCells(model, state.cells),
    coverage: coverageFigures(state),
    changes: changeReport(model, state.cells),
    iterations: result.iterations,
    elapsedMs: result.elapsedMs,
    stopReason: result.stopReason,
    timeToFeasibleMs: feasibleAt ? feasibleAt.elapsedMs : null,
    progress: result.progress,
  };
}

export function coverageFigures(state: CareState): CareSolveResult['coverage'] {
  const m = state.m;
  let shortOfMinimum = 0;
  let shortOfIdeal = 0;
  let demandIdeal = 0;
  for (let r = 0; r < m.R; r++) {
    shortOfMinimum += Math.max(0, m.rowMin[r] - state.rowCount[r]);
    shortOfIdeal += Math.max(0, m.rowIdeal[r] - state.rowCount[r]);
    demandIdeal += m.rowIdeal[r];
  }
  return { shortOfMinimum, shortOfIdeal, demandIdeal };
}

export function changeReport(m: CareModel, cells: ArrayLike<number>): CareChangeReport | null {
  if (!m.baseline) return null;
  const code = (s: number) => (s === OFF ? null : m.shiftTypes[s].id);
  const changes: CareChange[] = [];
  const byEmployee: CareChangeReport['byEmployee'] = [];
  for (let e = 0; e < m.E; e++) {
    let n = 0;
    let consent = 0;
    for (let d = 0; d < m.D; d++) {
      const i = e * m.D + d;
      if (cells[i] === m.baseline[i]) continue;
      n++;
      if (m.needsConsent[d]) consent++;
      changes.push({
        employeeId: m.employees[e].id,
        date: m.dates[d],
        from: code(m.baseline[i]),
        to: code(cells[i]),
        needsConsent: m.needsConsent[d] === 1,
      });
    }
    if (n > 0)
      byEmployee.push({
        employeeId: m.employees[e].id,
        name: m.employees[e].name,
        changes: n,
        needsConsent: consent,
      });
  }
  return {
    count: changes.length,
    needsConsent: changes.filter((c) => c.needsConsent).length,
    byEmployee,
    cells: changes,
  };
}
