/** Solver routes → UHHC solution JSON (timed by the solver's scheduler, lunch breaks included). */
import type { UhhcModel } from './model.ts';
import { Plan } from './schedule.ts';

export interface UhhcSolutionEntry {
  patient: string;
  service: string;
  arrival_time?: number;
  departure_time?: number;
  start_time?: number;
  end_time?: number;
}

export interface UhhcSolution {
  routes: { caregiver_id: string; locations?: UhhcSolutionEntry[] }[];
  cost_components: Record<string, number>;
}

/**
 * Time the routes (visit ids per caregiver; `pins` = fixed start per visit or -1) and write the
 * solution; returns it with the solver's objective.
 */
export function uhhcSolution(
  m: UhhcModel,
  routes: readonly (readonly number[])[],
  pins: readonly number[],
  refs: readonly [number, number] = [0, 0],
): { solution: UhhcSolution; objective: number } {
  const plan = new Plan(m);
  routes.forEach((route, r) => route.forEach((v, k) => plan.insert(v, r, k)));
  pins.forEach((t, v) => {
    if (t >= 0) plan.pin(v, t);
  });
  // Time with the references the search used, so the objective is the search's.
  [plan.maxIdle, plan.maxTardiness] = refs;
  const objective = plan.evaluate();
  const out: UhhcSolution['routes'] = [];
  for (let r = 0; r < m.caregivers; r++) {
    const n = plan.len[r];
    if (n === 0) continue;
    const locations: UhhcSolutionEntry[] = [];
    const route = plan.routes[r];
    for (let k = 0; k <= n; k++) {
      if (plan.lunchGap[r] === k) {
        const at = route[Math.min(k, n - 1)];
        locations.push({
          patient: m.patientIds[m.visitPatient[at]],
          service: 'lunch_break',
          start_time: plan.lunchAt[r],
          end_time: plan.lunchAt[r] + m.lunchDuration,
        });
      }
      if (k === n) break;
      const v = route[k];
      locations.push({
        patient: m.patientIds[m.visitPatient[v]],
        service: m.serviceIds[v],
        arrival_time: plan.startOf[v],
        departure_time: plan.startOf[v] + m.visitDuration[v],
      });
    }
    out.push({ caregiver_id: m.caregiverIds[r], locations });
  }
  return { solution: { routes: out, cost_components: {} }, objective };
}
