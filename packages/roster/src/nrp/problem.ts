/**
 * Building one search thread's NRP problem: compile the instance, apply pins, construct a start
 * roster, and wire the neighbourhood. Kept apart from solve.ts so worker threads load little.
 */
import { Random } from '@planmaat/domain';
import type { AcceptanceConfig } from '../engine/acceptance.ts';
import { type CompiledNrp, compileNrp } from './compiled.ts';
import type { NrpInstance } from './instance.ts';
import {
  construct,
  constructByRows,
  DEFAULT_MOVE_WEIGHTS,
  NrpProblem,
  type NrpMoveWeights,
} from './moves.ts';
import { computePacing, type Pacing, unevenness } from './pacing.ts';
import { NrpState } from './state.ts';
import type { WindowMip } from './window-mip.ts';

/** A cell the search may not change: the given shift ('' = day off). */
export interface NrpPin {
  employeeId: string;
  day: number;
  shiftId: string;
}

export interface NrpTuning {
  hardWeight?: number;
  adaptHardWeight?: boolean;
  /** Use the exact HiGHS window sub-solver as an occasional move (default false: measured slower). */
  windowMip?: boolean;
  /** Move weights; the ones given replace the defaults. */
  moveWeights?: Partial<NrpMoveWeights>;
  acceptance?: AcceptanceConfig[];
  /**
   * Start roster: 'rows' (best row per employee, iterated) or 'greedy' (cell by cell, day by day).
   * Default: rows on long horizons or many employees, where it measured better; greedy otherwise.
   */
  construction?: 'rows' | 'greedy';
  /**
   * Pace the greedy construction's minutes and type counts by where the work is needed
   * (pacing.ts). Default: on horizons of half a year or more whose demand is uneven (startPacing).
   */
  pacing?: boolean;
  /** Passes of the row construction. */
  rowPasses?: number;
  /**
   * Plan the weekends first (weekend-plan.ts) and hold the planned weekend shifts fixed.
   * Default: on for many employees on a short horizon (weekendPlanByDefault); solveNrp also
   * weighs the time limit and the companion (searchSettings).
   */
  weekendPlan?: boolean;
  /**
   * Share of the search budget from which the held weekend shifts of employees whose row is still
   * infeasible are let go (default 0.3).
   */
  weekendPlanRelease?: number;
  /** HiGHS' time limit for the weekend plan, in seconds (default 10; solveNrp: ≤ half the run). */
  weekendPlanSeconds?: number;
}

export interface NrpPayload {
  instance: NrpInstance;
  pins: NrpPin[];
  tuning: NrpTuning;
}

export const DEFAULT_HARD_WEIGHT = 4;

export async function createNrpProblem(
  payload: NrpPayload,
  _threadIndex: number,
  seed: number,
): Promise<NrpProblem> {
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
  const planned = usesWeekendPlan(compiled, payload.tuning, payload.pins.length)
    ? await holdWeekendPlan(state, payload.tuning.weekendPlanSeconds ?? WEEKEND_PLAN_SECONDS)
    : undefined;
  const constructionRng = new Random(seed ^ 0x5bd1e995);
  const construction =
    payload.tuning.construction ?? (preferRows(compiled.N, compiled.H) ? 'rows' : 'greedy');
  if (construction === 'rows') constructByRows(state, constructionRng, payload.tuning.rowPasses ?? 2);
  else construct(state, constructionRng, startPacing(compiled, payload.tuning.pacing));
  state.recompute();
  const exact = payload.tuning.windowMip !== true ? undefined : await createWindowMip(state);
  const problem = new NrpProblem(
    state,
    { ...DEFAULT_MOVE_WEIGHTS, ...horizonWeights(H), ...payload.tuning.moveWeights },
    payload.tuning.adaptHardWeight ?? true,
    exact,
  );
  if (planned)
    problem.holdUntilInfeasible(planned, payload.tuning.weekendPlanRelease ?? WEEKEND_PLAN_RELEASE);
  return problem;
}

const WEEKEND_PLAN_RELEASE = 0.3;
/** HiGHS' time limit for the weekend plan, in seconds, unless told otherwise. */
export const WEEKEND_PLAN_SECONDS = 10;

/**
 * The weekend plan where it measured better: many employees on a short horizon (instance 13,
 * 120 employees × 4 weeks, 18 shift types), where the search alone leaves 13 weekend shifts short
 * and the plan 11. 60 s, 2 threads, seeds 1 / 2: 1,724 / 1,750 → 1,601 / 1,492; the search alone
 * (one thread, 60 s) 1,936 / 1,945 → 1,676 / 1,649. Elsewhere the held plan hurts the search,
 * since it ignores what the weekdays need (one thread, 10 s, seeds 1–2: 1: 607 → 717, 5: 1,251 →
 * 1,975, 8: 1,414 → 2,166, 12: 4,298 → 6,296; 30 s: 15: 4,501 → 6,325) or does not pay (19:
 * 3,975 → 3,945, 17 the same); on 22 the planned weekends leave no room for the tight 5-on-2-off
 * rhythms (74 violations at 60 s), and on 23 and 24 HiGHS finds no plan in 30–60 s.
 */
export function weekendPlanByDefault(N: number, H: number): boolean {
  return N >= 100 && H <= 84;
}

/** Whether the search starts from a held weekend plan (never with user pins). */
export function usesWeekendPlan(c: CompiledNrp, tuning: NrpTuning, pins: number): boolean {
  return pins === 0 && (tuning.weekendPlan ?? weekendPlanByDefault(c.N, c.H));
}

/** Put the weekend plan's shifts into the roster and pin them; returns the pinned cells. */
async function holdWeekendPlan(state: NrpState, seconds: number): Promise<Int32Array | undefined> {
  const [{ loadHighs }, { planWeekends }] = await Promise.all([
    import('./highs.ts'),
    import('./weekend-plan.ts'),
  ]);
  const plan = planWeekends(state.c, await loadHighs(), { seconds });
  if (!plan) return undefined;
  const H = state.c.H;
  for (let k = 0; k < plan.cells.length; k++) {
    state.beginMove();
    state.changeCell(Math.floor(plan.cells[k] / H), plan.cells[k] % H, plan.shifts[k]);
    state.pinned[plan.cells[k]] = 1;
  }
  return plan.cells;
}

/**
 * The repair move on year-long horizons, where an employee's minutes can demand the tightest
 * rhythm all year (instance 22); on 4- to 12-week instances it measured worse (13: 2,398 → 2,624,
 * 19: 4,114 → 4,374 at 60 s), so it stays off there. The relocate move moves work across the
 * year (24: 79,727 → 70,811 with seed 1, 79,690 → 69,983 with seed 2 at 60 s; 20–23 unchanged
 * within the run-to-run spread); on 13–19 it showed no clear effect (15 better with one seed and
 * worse with the other, 19 the reverse), so it stays off there too. The weekend transfer pays
 * where there are many weekends to trade (search alone, 30 s, seeds 1–3: 19 (12 weeks) 3,794 →
 * 3,647, 24 at 60 s −670 to −1,400 per seed) and not on 4–6 weeks (13: 1,953 → 2,232, 15:
 * 4,313 → 4,506), so it is on from 84 days. The weekend fill (search alone, 60 s, means of
 * seeds 1–2) took 22 from 35,938 to 34,783 and 24 from 55,120 to 53,790; 20, 21, 23 and 19 stayed
 * within the spread (5,443 / 5,410, 22,635 / 22,606, 20,692 / 20,732, 3,607 / 3,625), so it is on
 * from half a year. Each draw runs a row DP (~1 ms on 24), hence the small weight: at 0.3 24
 * ended at 55,448, at 2 infeasible. On the year-long instances the cheap cover repair gives the
 * most improvement per millisecond once the roster is feasible, after the wish move; at weight 60
 * instead of 10 (search alone, 60 s, seeds 1–2) 24 went from 53,934 to 51,987 (seeds 1–4 at 40:
 * 53,827 → 52,786), 22 from 34,935 to 34,432, 23 from 20,894 to 20,498, with 20 and 21 the same
 * (5,468 / 5,472, 22,610 / 22,687); on 13 and 19 it did not help (1,626 / 1,630, 3,551 / 3,615).
 */
function horizonWeights(H: number): Partial<NrpMoveWeights> {
  if (H >= 182) return { coverRepair: 60, repair: 0.002, relocate: 5, weekendTransfer: 3, weekendFill: 0.1 };
  return H >= 84 ? { weekendTransfer: 3 } : {};
}

/**
 * Pacing where demand is uneven over a long horizon: on instance 24 (demand doubles towards the
 * year's end, share off an even spread by 0.084) it starts the last five weeks far less short; on
 * 21 and 23 (even demand, 0.001 / 0.014) it made no measurable difference at 60 s, so only
 * horizons of half a year or more with a share off by 0.05 or more are paced by default.
 */
function startPacing(compiled: CompiledNrp, wanted: boolean | undefined): Pacing | undefined {
  if (wanted === false || (wanted === undefined && compiled.H < 182)) return undefined;
  const pacing = computePacing(compiled);
  return wanted || unevenness(pacing) >= 0.05 ? pacing : undefined;
}

/**
 * Where the row construction measured better than the greedy one at 30 s (instances 13, 20, 22:
 * many employees on 4 weeks, or long horizons with few employees); on 21 and 23 (100 employees,
 * half or whole year) the greedy start did better.
 */
function preferRows(N: number, H: number): boolean {
  return (H >= 182 && N <= 60) || (H <= 28 && N >= 100);
}

async function createWindowMip(state: NrpState): Promise<WindowMip> {
  const [{ loadHighs }, { WindowMip }] = await Promise.all([import('./highs.ts'), import('./window-mip.ts')]);
  return new WindowMip(await loadHighs(), state, { maxNodes: 200, seconds: 1 });
}
