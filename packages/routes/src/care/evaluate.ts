/**
 * Independent evaluator: re-scores a written team plan from the domain input (qualification,
 * exclusions, pins, windows, shifts, breaks, sync) and the same travel matrices, without the
 * solver's data structures. Agreement with the solver's objective is what the tests check.
 */
import { clockMinutes, isQualified } from '@planmaat/domain';
import { pointKey } from '../travel/provider.ts';
import { MANDATORY_VISIT_PENALTY, newCarerFactor, type CareDayInput, type CareProblem } from './model.ts';
import type { CareTeamPlan } from './result.ts';

export interface CareCheck {
  objective: number;
  hardViolations: string[];
  mandatoryUnplanned: number;
  travelMinutes: number;
  serviceMinutes: number;
}

const EPS = 1e-6;

export function evaluateCarePlan(input: CareDayInput, problem: CareProblem, plan: CareTeamPlan): CareCheck {
  const w = problem.weights;
  const rules = problem.rules;
  const violations: string[] = [];
  const visitById = new Map(input.visits.map((v) => [v.id, v]));
  const clientPoint = new Map(input.clients.map((c) => [c.id, c.point]));
  const carerById = new Map(input.carers.map((c) => [c.employee.id, c]));
  const pointIndex = new Map(problem.points.map((p, i) => [pointKey(p), i]));
  const minutes = (mode: string, a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
    const m = problem.modes.indexOf(mode as never);
    const i = pointIndex.get(pointKey(a));
    const j = pointIndex.get(pointKey(b));
    if (m < 0 || i === undefined || j === undefined)
      throw new Error('point or mode outside the travel matrices');
    return problem.travel[m][i * problem.size + j];
  };
  const known = new Set<string>();
  for (const [client, carers] of Object.entries(input.knownCarers ?? {}))
    for (const c of carers) known.add(`${client}|${c}`);
  const served = new Map<string, { carers: string[]; starts: number[]; tasks: number[] }>();
  let objective = 0;
  let travelTotal = 0;
  let serviceTotal = 0;
  const pairs = new Set<string>();
  for (const route of plan.routes) {
    const carer = carerById.get(route.carerId);
    if (!carer) {
      violations.push(`route of unknown or unavailable carer ${route.carerId}`);
      continue;
    }
    const e = carer.employee;
    const mode = e.travelMode ?? 'car';
    const shift = carer.shift;
    const shiftStart = clockMinutes(shift.start);
    let shiftEnd = clockMinutes(shift.end);
    if (shiftEnd <= shiftStart) shiftEnd += 1440;
    const available = Math.max(shiftStart, carer.availableFrom ?? 0);
    const startPoint = carer.from ?? shift.startPoint;
    if (route.departure < available - EPS)
      violations.push(`${route.carerId}: leaves at ${route.departure}, before ${available}`);
    let at = startPoint;
    let clock = route.departure;
    let travel = 0;
    let waiting = 0;
    let lateness = 0;
    let unmet = 0;
    let changes = 0;
    let shifted = 0;
    let tookBreak = false;
    const breakMinutes = shift.breakWindow?.minutes ?? 0;
    route.visits.forEach((rv, k) => {
      const visit = visitById.get(rv.visitId);
      if (!visit) {
        violations.push(`${route.carerId}: unknown visit ${rv.visitId}`);
        return;
      }
      const point = clientPoint.get(visit.clientId)!;
      if (!isQualified(e.level, e.skills, visit.minLevel, visit.skills))
        violations.push(
          `${rv.visitId}: carer ${e.id} lacks level ${visit.minLevel} or skills ${visit.skills.join(',')}`,
        );
      if (visit.excludedCarerIds.includes(e.id)) violations.push(`${rv.visitId}: carer ${e.id} is excluded`);
      if (visit.pinnedCarerId !== undefined && visit.pinnedCarerId !== e.id)
        violations.push(`${rv.visitId}: pinned to ${visit.pinnedCarerId}, planned with ${e.id}`);
      const leg = minutes(mode, at, point);
      travel += leg;
      const arrival = clock + leg;
      // Older written plans have no arrival; when given, it must be the one the timeline implies.
      if (rv.arrival !== undefined && Math.abs(rv.arrival - arrival) > EPS)
        violations.push(`${rv.visitId}: arrival ${rv.arrival}, timeline says ${arrival}`);
      if (rv.start < arrival - EPS)
        violations.push(`${rv.visitId}: starts ${rv.start} before arrival ${arrival}`);
      if (rv.start < (input.releaseFrom ?? 0) - EPS)
        violations.push(`${rv.visitId}: starts before the re-plan time`);
      waiting += Math.max(0, rv.start - arrival);
      const window = visit.windows
        .map((x) => ({ open: clockMinutes(x.start), close: clockMinutes(x.end) }))
        .find((x) => rv.start >= x.open - EPS && rv.start <= x.close + rules.maxLatenessMinutes + EPS);
      if (!window) violations.push(`${rv.visitId}: start ${rv.start} outside its time windows`);
      else lateness += Math.max(0, rv.start - window.close);
      if (Math.abs(rv.end - rv.start - visit.durationMinutes) > EPS)
        violations.push(`${rv.visitId}: lasts ${rv.end - rv.start}, expected ${visit.durationMinutes}`);
      if (visit.preferredCarerIds.length > 0 && !visit.preferredCarerIds.includes(e.id)) unmet++;
      const previous = input.previous?.[visit.id];
      if (previous) {
        const pc = previous.carerIds[rv.task];
        if (pc !== undefined && pc !== e.id) changes++;
        const ps = previous.starts[rv.task];
        if (ps !== undefined)
          shifted += Math.max(0, Math.abs(rv.start - ps) - rules.timeShiftToleranceMinutes);
      }
      const entry = served.get(visit.id) ?? { carers: [], starts: [], tasks: [] };
      entry.carers.push(e.id);
      entry.starts.push(rv.start);
      entry.tasks.push(rv.task);
      served.set(visit.id, entry);
      pairs.add(`${visit.clientId}|${e.id}`);
      serviceTotal += visit.durationMinutes;
      clock = rv.end;
      at = point;
      if (route.break && !tookBreak && k === indexOfBreak(route)) {
        tookBreak = true;
        const bw = shift.breakWindow;
        if (!bw) violations.push(`${route.carerId}: break without a break window`);
        else if (
          route.break.start < clockMinutes(bw.start) - EPS ||
          route.break.end > clockMinutes(bw.end) + EPS
        )
          violations.push(`${route.carerId}: break outside its window`);
        if (route.break.start < clock - EPS) violations.push(`${route.carerId}: break overlaps a visit`);
        waiting += route.break.start - clock;
        clock = route.break.start + breakMinutes;
      }
    });
    const back = minutes(mode, at, shift.endPoint);
    travel += back;
    const ret = clock + back;
    if (Math.abs(ret - route.returnAt) > 1e-6)
      violations.push(`${route.carerId}: returns at ${ret}, plan says ${route.returnAt}`);
    if (ret > shiftEnd + rules.maxOvertimeMinutes + EPS)
      violations.push(
        `${route.carerId}: back at ${ret}, past the shift end ${shiftEnd} + ${rules.maxOvertimeMinutes}`,
      );
    const overtime = Math.max(0, ret - shiftEnd);
    const work = ret - route.departure - (tookBreak ? breakMinutes : 0);
    if (shift.maxWorkMinutes !== undefined && work > shift.maxWorkMinutes + EPS)
      violations.push(`${route.carerId}: works ${work} min, more than ${shift.maxWorkMinutes}`);
    const missed = breakMinutes > 0 && !tookBreak && work > rules.breakRequiredAfterMinutes ? 1 : 0;
    if (route.break && !tookBreak) violations.push(`${route.carerId}: break not between visits`);
    const balance = (work * work) / Math.max(1, shiftEnd - shiftStart);
    travelTotal += travel;
    objective +=
      w.travel * travel +
      w.waiting * waiting +
      w.overtime * overtime +
      w.lateness * lateness +
      w.preference * unmet +
      w.balance * balance +
      w.carerChange * changes +
      w.timeShift * shifted +
      w.missedBreak * missed;
  }
  for (const pair of pairs) {
    if (known.has(pair)) continue;
    const [client, carer] = pair.split('|');
    objective += w.continuity * newCarerFactor(input.newCarerFactor?.[client]?.[carer]);
  }
  const unplanned = new Set(plan.unplanned.map((u) => u.visitId));
  let mandatoryUnplanned = 0;
  for (const visit of input.visits) {
    const entry = served.get(visit.id);
    if (!entry) {
      if (!unplanned.has(visit.id)) violations.push(`${visit.id}: neither planned nor reported as unplanned`);
      if (visit.optionalCost === undefined) {
        mandatoryUnplanned++;
        objective += MANDATORY_VISIT_PENALTY;
      } else objective += visit.optionalCost * w.optional;
      if (input.previous?.[visit.id]) objective += w.dropPlanned;
      continue;
    }
    if (entry.carers.length !== visit.carersRequired)
      violations.push(`${visit.id}: ${entry.carers.length} carers, needs ${visit.carersRequired}`);
    else if (visit.carersRequired === 2) {
      if (entry.carers[0] === entry.carers[1]) violations.push(`${visit.id}: the same carer twice`);
      const first = entry.tasks[0] === 0 ? 0 : 1;
      const gap = entry.starts[1 - first] - entry.starts[first];
      const sync = visit.sync ?? { kind: 'simultaneous', minGapMinutes: 0, maxGapMinutes: 0 };
      if (sync.kind === 'simultaneous' && Math.abs(gap) > EPS)
        violations.push(`${visit.id}: carers start ${Math.abs(gap)} min apart, must be together`);
      if (
        sync.kind === 'sequential' &&
        (gap < sync.minGapMinutes - EPS || gap > Math.max(sync.minGapMinutes, sync.maxGapMinutes) + EPS)
      )
        violations.push(`${visit.id}: gap ${gap} min outside ${sync.minGapMinutes}–${sync.maxGapMinutes}`);
    }
  }
  return {
    objective,
    hardViolations: violations,
    mandatoryUnplanned,
    travelMinutes: travelTotal,
    serviceMinutes: serviceTotal,
  };
}

function indexOfBreak(route: CareTeamPlan['routes'][number]): number {
  if (!route.break) return -1;
  let k = -1;
  route.visits.forEach((v, i) => {
    if (v.end <= route.break!.start + EPS) k = i;
  });
  return k;
}
