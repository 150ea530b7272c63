/**
 * A timed plan as plain JSON: per carer the route with its timeline (travel, wait, visit, break),
 * left-out visits with the reason, cost components and the penalties with the visits behind them.
 * Times are minutes since local midnight of the plan's date.
 */
import type { CareDayInput, CareProblem } from './model.ts';
import type { CarePlan } from './plan.ts';

export interface CareStop {
  kind: 'travel' | 'wait' | 'visit' | 'break';
  start: number;
  end: number;
  visitId?: string;
  clientId?: string;
}

export interface CareRouteVisit {
  visitId: string;
  clientId: string;
  /** Which carer of a two-carer visit (0 or 1); 0 otherwise. */
  task: number;
  /** When the carer gets there: the previous visit's end (or break end, or departure) + travel. */
  arrival: number;
  start: number;
  end: number;
  /** Minutes on the way from the previous address (or the start point). */
  travelMinutes: number;
  /** Minutes between arrival and start (the window is not open yet, or a pinned partner). */
  waitMinutes: number;
}

export interface CareRoute {
  carerId: string;
  travelMode: string;
  shiftStart: number;
  shiftEnd: number;
  departure: number;
  returnAt: number;
  visits: CareRouteVisit[];
  break: { start: number; end: number } | null;
  missedBreak: boolean;
  timeline: CareStop[];
  travelMinutes: number;
  waitingMinutes: number;
  workMinutes: number;
  overtimeMinutes: number;
  lateMinutes: number;
}

export type UnplannedReasonCode =
  | 'no-qualified-carer'
  | 'excluded-carers'
  | 'pinned-carer-not-working'
  | 'needs-two-carers'
  | 'no-shift-covers-window'
  | 'no-room'
  | 'optional-left-out';

export interface UnplannedVisit {
  visitId: string;
  clientId: string;
  mandatory: boolean;
  reason: { code: UnplannedReasonCode; nl: string; en: string };
}

export interface CareCosts {
  travelMinutes: number;
  waitingMinutes: number;
  overtimeMinutes: number;
  lateMinutes: number;
  missedBreaks: number;
  unmetPreferences: number;
  /** Distinct (client, carer) pairs new to the client (continuity term). */
  newClientCarerPairs: number;
  balance: number;
  optionalLeftOutCost: number;
  mandatoryUnplanned: number;
  carerChanges: number;
  shiftedMinutes: number;
}

export interface CarePenalty {
  kind:
    | 'overtime'
    | 'lateness'
    | 'waiting'
    | 'missed-break'
    | 'preference'
    | 'continuity'
    | 'optional-left-out'
    | 'mandatory-unplanned'
    | 'carer-change'
    | 'time-shift';
  cost: number;
  carerId?: string;
  clientId?: string;
  visitIds: string[];
}

export interface CareTeamPlan {
  date: string;
  teamId: string;
  objective: number;
  costs: CareCosts;
  routes: CareRoute[];
  unplanned: UnplannedVisit[];
  penalties: CarePenalty[];
  /** Routing engine state to resume from: task lists per carer and pinned starts. */
  solver: { routes: number[][]; pins: number[] };
}

/** Write the timed plan (all routes refreshed) as plain data. */
export function carePlanResult(p: CareProblem, plan: CarePlan, input: CareDayInput): CareTeamPlan {
  const w = p.weights;
  const routes: CareRoute[] = [];
  const penalties: CarePenalty[] = [];
  const costs: CareCosts = {
    travelMinutes: 0,
    waitingMinutes: 0,
    overtimeMinutes: 0,
    lateMinutes: 0,
    missedBreaks: 0,
    unmetPreferences: 0,
    newClientCarerPairs: plan.newPairs,
    balance: 0,
    optionalLeftOutCost: 0,
    mandatoryUnplanned: 0,
    carerChanges: 0,
    shiftedMinutes: 0,
  };
  for (let r = 0; r < p.carers; r++) {
    const n = plan.len[r];
    const t = plan.timing[r];
    const carerId = p.carerIds[r];
    if (n === 0) continue;
    const travelM = p.travel[p.carerMode[r]];
    const visits: CareRouteVisit[] = [];
    const timeline: CareStop[] = [];
    let loc = p.startLoc[r];
    let clock = t.departure;
    const route = plan.routes[r];
    let breakSpan: { start: number; end: number } | null = null;
    for (let k = 0; k < n; k++) {
      const task = route[k];
      const v = p.taskVisit[task];
      const leg = travelM[loc * p.size + p.visitLoc[v]];
      if (leg > 0) timeline.push({ kind: 'travel', start: clock, end: clock + leg });
      clock += leg;
      const s = plan.startOf[task];
      if (s > clock + 1e-9) timeline.push({ kind: 'wait', start: clock, end: s, visitId: p.visitIds[v] });
      const e = s + p.visitDuration[v];
      const visitId = p.visitIds[v];
      const clientId = p.clientIds[p.visitClient[v]];
      timeline.push({ kind: 'visit', start: s, end: e, visitId, clientId });
      visits.push({
        visitId,
        clientId,
        task: p.visitTasks[v * 2] === task ? 0 : 1,
        arrival: clock,
        start: s,
        end: e,
        travelMinutes: leg,
        waitMinutes: Math.max(0, s - clock),
      });
      clock = e;
      if (t.breakAfter === k + 1) {
        if (t.breakAt > clock + 1e-9) timeline.push({ kind: 'wait', start: clock, end: t.breakAt });
        breakSpan = { start: t.breakAt, end: t.breakAt + p.breakMinutes[r] };
        timeline.push({ kind: 'break', ...breakSpan });
        clock = breakSpan.end;
      }
      // Penalties with the visits behind them.
      let close = 0;
      for (let wi = p.windowOffset[v]; wi < p.windowOffset[v + 1]; wi++)
        if (s <= p.windowClose[wi] + p.rules.maxLatenessMinutes) {
          close = p.windowClose[wi];
          break;
        }
      if (s > close)
        penalties.push({
          kind: 'lateness',
          cost: w.lateness * (s - close),
          carerId,
          clientId,
          visitIds: [visitId],
        });
      if (p.unpreferred[v * p.carers + r])
        penalties.push({ kind: 'preference', cost: w.preference, carerId, clientId, visitIds: [visitId] });
      if (p.previousCarer[task] !== -1 && p.previousCarer[task] !== r)
        penalties.push({ kind: 'carer-change', cost: w.carerChange, carerId, clientId, visitIds: [visitId] });
      const ps = p.previousStart[task];
      if (ps === ps && Math.abs(s - ps) > p.rules.timeShiftToleranceMinutes)
        penalties.push({
          kind: 'time-shift',
          cost: w.timeShift * (Math.abs(s - ps) - p.rules.timeShiftToleranceMinutes),
          carerId,
          clientId,
          visitIds: [visitId],
        });
      loc = p.visitLoc[v];
    }
    const leg = travelM[loc * p.size + p.endLoc[r]];
    if (leg > 0) timeline.push({ kind: 'travel', start: clock, end: clock + leg });
    const routeVisitIds = visits.map((x) => x.visitId);
    if (t.waiting > 0)
      penalties.push({
        kind: 'waiting',
        cost: w.waiting * t.waiting,
        carerId,
        visitIds: timeline.filter((s) => s.kind === 'wait' && s.visitId).map((s) => s.visitId!),
      });
    if (t.overtime > 0)
      penalties.push({
        kind: 'overtime',
        cost: w.overtime * t.overtime,
        carerId,
        visitIds: routeVisitIds.slice(-1),
      });
    if (t.missedBreak)
      penalties.push({ kind: 'missed-break', cost: w.missedBreak, carerId, visitIds: routeVisitIds });
    routes.push({
      carerId,
      travelMode: p.modes[p.carerMode[r]],
      shiftStart: p.shiftStart[r],
      shiftEnd: p.shiftEnd[r],
      departure: t.departure,
      returnAt: t.returnAt,
      visits,
      break: breakSpan,
      missedBreak: t.missedBreak === 1,
      timeline,
      travelMinutes: t.travel,
      waitingMinutes: t.waiting,
      workMinutes: t.work,
      overtimeMinutes: t.overtime,
      lateMinutes: t.lateness,
    });
    costs.travelMinutes += t.travel;
    costs.waitingMinutes += t.waiting;
    costs.overtimeMinutes += t.overtime;
    costs.lateMinutes += t.lateness;
    costs.missedBreaks += t.missedBreak;
    costs.unmetPreferences += t.unmet;
    costs.balance += t.balance;
    costs.carerChanges += t.changes;
    costs.shiftedMinutes += t.shifted;
  }
  // Continuity: per client the visits by carers new to them.
  const byClient = new Map<number, Map<number, string[]>>();
  for (let task = 0; task < p.tasks; task++) {
    const r = plan.routeOf[task];
    if (r < 0) continue;
    const v = p.taskVisit[task];
    const c = p.visitClient[v];
    if (p.known[c * p.carers + r]) continue;
    let m = byClient.get(c);
    if (!m) byClient.set(c, (m = new Map()));
    const list = m.get(r) ?? [];
    list.push(p.visitIds[v]);
    m.set(r, list);
  }
  for (const [c, m] of byClient)
    for (const [r, visitIds] of m)
      penalties.push({
        kind: 'continuity',
        cost: p.pairCost[c * p.carers + r],
        carerId: p.carerIds[r],
        clientId: p.clientIds[c],
        visitIds,
      });
  const unplanned: UnplannedVisit[] = [];
  for (let v = 0; v < p.visits; v++) {
    if (plan.routeOf[p.visitTasks[v * 2]] >= 0) continue;
    const mandatory = p.mandatory[v] === 1;
    const clientId = p.clientIds[p.visitClient[v]];
    if (mandatory) costs.mandatoryUnplanned++;
    else costs.optionalLeftOutCost += p.omitCost[v];
    penalties.push({
      kind: mandatory ? 'mandatory-unplanned' : 'optional-left-out',
      cost: p.omitCost[v],
      clientId,
      visitIds: [p.visitIds[v]],
    });
    unplanned.push({ visitId: p.visitIds[v], clientId, mandatory, reason: unplannedReason(p, input, v) });
  }
  return {
    date: p.date,
    teamId: p.teamId,
    objective: plan.objective,
    costs,
    routes,
    unplanned,
    penalties,
    solver: plan.snapshot(),
  };
}

/** Why visit v could not be planned, from the cheapest check that explains it. */
export function unplannedReason(p: CareProblem, input: CareDayInput, v: number): UnplannedVisit['reason'] {
  const visit = input.visits[v];
  const C = p.carers;
  const need = visit.carersRequired;
  if (p.mandatory[v] === 0)
    return {
      code: 'optional-left-out',
      nl: 'optioneel bezoek weggelaten: inplannen kost meer dan weglaten',
      en: 'optional visit left out: planning it costs more than leaving it out',
    };
  if (visit.pinnedCarerId !== undefined && !p.carerIds.includes(visit.pinnedCarerId))
    return {
      code: 'pinned-carer-not-working',
      nl: `vastgezette zorgverlener ${visit.pinnedCarerId} werkt niet op deze dag`,
      en: `pinned carer ${visit.pinnedCarerId} is not working on this day`,
    };
  let qualified = 0;
  let allowed = 0;
  let covering = 0;
  const lastClose = p.windowClose[p.windowOffset[v + 1] - 1] + p.rules.maxLatenessMinutes;
  const firstOpen = p.windowOpen[p.windowOffset[v]];
  input.carers.forEach((carer, r) => {
    const e = carer.employee;
    if (e.level >= visit.minLevel && visit.skills.every((s) => e.skills.includes(s))) qualified++;
    if (p.canServe[v * C + r]) {
      allowed++;
      const reach = p.availableFrom[r] + p.travel[p.carerMode[r]][p.startLoc[r] * p.size + p.visitLoc[v]];
      const back = p.travel[p.carerMode[r]][p.visitLoc[v] * p.size + p.endLoc[r]];
      const start = Math.max(reach, firstOpen);
      if (
        start <= lastClose &&
        start + p.visitDuration[v] + back <= p.shiftEnd[r] + p.rules.maxOvertimeMinutes
      )
        covering++;
    }
  });
  if (qualified === 0)
    return {
      code: 'no-qualified-carer',
      nl: `geen zorgverlener met niveau ${visit.minLevel}${visit.skills.length ? ` en ${visit.skills.join(', ')}` : ''} werkt vandaag`,
      en: `no carer with level ${visit.minLevel}${visit.skills.length ? ` and ${visit.skills.join(', ')}` : ''} works today`,
    };
  if (allowed === 0)
    return {
      code: 'excluded-carers',
      nl: 'alle bevoegde zorgverleners zijn voor deze cliënt uitgesloten',
      en: 'every qualified carer is excluded for this client',
    };
  if (allowed < need)
    return {
      code: 'needs-two-carers',
      nl: 'er werken geen twee bevoegde zorgverleners voor dit bezoek met twee zorgverleners',
      en: 'fewer than two qualified carers work today for this two-carer visit',
    };
  if (covering < need)
    return {
      code: 'no-shift-covers-window',
      nl: 'geen dienst van een bevoegde zorgverlener valt over het tijdvenster',
      en: "no qualified carer's shift covers the time window",
    };
  return {
    code: 'no-room',
    nl: 'de bevoegde zorgverleners zijn in dit tijdvenster volgeboekt',
    en: 'the qualified carers are fully booked in this time window',
  };
}
