/**
 * Alternatives for one visit: every other carer and position it could move to, with the exact
 * change of the plan objective (the plan is re-timed and re-scored with the move applied). A task
 * of a two-carer visit keeps its synchronised start; its partner's carer is not a candidate.
 */
import type { OrganisationData } from '@planmaat/domain';
import { buildCareProblem, type CareDayInput, type CareProblem } from './model.ts';
import { CarePlan } from './plan.ts';
import type { CareTeamPlan } from './result.ts';
import {
  selectCareDays,
  teamResult,
  type HomeCareContext,
  type HomeCareDayResult,
  type HomeCareOptions,
  type HomeCareTeamResult,
} from './day.ts';
import { estimateTravelProvider } from '../travel/provider.ts';

export interface CareAlternative {
  visitId: string;
  task: number;
  carerId: string;
  /** Position in the carer's route (0 = first visit). */
  position: number;
  /** The visit it would follow, or null at the start of the route. */
  afterVisitId: string | null;
  start: number;
  /** Objective after the move minus before (negative = better). */
  costDelta: number;
}

export function visitAlternatives(
  problem: CareProblem,
  plan: Pick<CareTeamPlan, 'solver'>,
  visitId: string,
  k = 5,
): CareAlternative[] {
  const p = problem;
  const v = p.visitIds.indexOf(visitId);
  if (v < 0) throw new RangeError(`unknown visit ${visitId}`);
  const state = new CarePlan(p);
  state.load(plan.solver.routes, plan.solver.pins);
  const base = state.objective;
  const out: CareAlternative[] = [];
  for (let which = 0; which < 2; which++) {
    const task = p.visitTasks[v * 2 + which];
    if (task < 0) continue;
    const partner = p.visitTasks[v * 2 + 1 - which];
    const partnerRoute = partner >= 0 ? state.routeOf[partner] : -1;
    const from = state.routeOf[task];
    const fromPos = from >= 0 ? state.positionOf(task) : -1;
    const pin = plan.solver.pins[task];
    if (from >= 0) {
      state.remove(task);
      state.refresh(from);
    }
    for (let r = 0; r < p.carers; r++) {
      if (!p.canServe[v * p.carers + r] || r === partnerRoute) continue;
      for (let pos = 0; pos <= state.len[r]; pos++) {
        if (r === from && pos === fromPos) continue;
        if (pin >= 0) state.pin(task, pin);
        state.insert(task, r, pos);
        state.refresh(r);
        const value = state.total();
        if (state.timing[r].cost !== Infinity && state.hardViolations === 0 && value < 1e15)
          out.push({
            visitId,
            task: which,
            carerId: p.carerIds[r],
            position: pos,
            afterVisitId: pos === 0 ? null : p.visitIds[p.taskVisit[state.routes[r][pos - 1]]],
            start: state.startOf[task],
            costDelta: value - base,
          });
        state.remove(task);
        state.refresh(r);
      }
    }
    if (from >= 0) {
      if (pin >= 0) state.pin(task, pin);
      state.insert(task, from, fromPos);
      state.refresh(from);
    }
  }
  out.sort(
    (a, b) => a.costDelta - b.costDelta || a.carerId.localeCompare(b.carerId) || a.position - b.position,
  );
  return out.slice(0, k);
}

/** The plan with one alternative applied, re-timed and re-scored (independent check included). */
export function applyAlternative(
  input: CareDayInput,
  problem: CareProblem,
  plan: Pick<CareTeamPlan, 'solver'>,
  alternative: CareAlternative,
): HomeCareTeamResult {
  const p = problem;
  const v = p.visitIds.indexOf(alternative.visitId);
  const task = p.visitTasks[v * 2 + alternative.task];
  const r = p.carerIds.indexOf(alternative.carerId);
  const routes = plan.solver.routes.map((route) => route.filter((t) => t !== task));
  routes[r].splice(alternative.position, 0, task);
  return teamResult(input, problem, routes, plan.solver.pins);
}

/** Alternatives for a visit of a day plan made by `planHomeCareDay` (rebuilds its team's problem). */
export async function homeCareAlternatives(
  data: OrganisationData,
  day: HomeCareDayResult,
  visitId: string,
  k = 5,
  options: Pick<HomeCareOptions, 'weights' | 'rules'> = {},
  context: Pick<HomeCareContext, 'travel' | 'signal'> = {},
): Promise<CareAlternative[]> {
  const team = day.teams.find(
    (t) =>
      t.routes.some((r) => r.visits.some((v) => v.visitId === visitId)) ||
      t.unplanned.some((u) => u.visitId === visitId),
  );
  if (!team) throw new RangeError(`visit ${visitId} is not in this plan`);
  const [input] = selectCareDays(data, day.date, team.teamId);
  const problem = await buildCareProblem(input, context.travel ?? estimateTravelProvider(), {
    weights: options.weights,
    rules: options.rules,
    signal: context.signal,
  });
  return visitAlternatives(problem, team, visitId, k);
}
