/**
 * The home-care day as flat arrays for the solver: one problem per team and day. A visit that
 * needs two carers becomes two tasks (one per carer) linked by a sync rule; everything else is one
 * task per visit. Times are minutes since local midnight of the day (home-care shifts do not cross
 * midnight, so the DST switch at 02:00–03:00 never falls inside a route).
 */
import {
  clockMinutes,
  isQualified,
  type CareVisit,
  type CarerShift,
  type Client,
  type Employee,
  type GeoPoint,
  type TravelMode,
} from '@planmaat/domain';
import { pointKey, type TravelTimeProvider } from '../travel/provider.ts';

/** Objective weights; travel minutes weigh 1. */
export interface CareWeights {
  /** Per travel minute. */
  travel: number;
  /** Per minute of waiting inside a route (before a window opens, before the break window). */
  waiting: number;
  /** Per minute after the shift end (up to the hard cap `maxOvertimeMinutes`). */
  overtime: number;
  /** Per minute late (only when `maxLatenessMinutes` > 0; windows are hard otherwise). */
  lateness: number;
  /** Per required break that does not fit in its window. */
  missedBreak: number;
  /** Per visit by a carer not on the client's preferred list (when the list is not empty). */
  preference: number;
  /** Per distinct carer a client sees (over the day, or the week in a week plan) who is new to them. */
  continuity: number;
  /** Workload balance: weight × worked minutes² ÷ shift minutes, summed over carers (convex: spreads work). */
  balance: number;
  /** Multiplies a left-out optional visit's `optionalCost`. */
  optional: number;
  /** Re-planning: per visit that gets a different carer than in the previous plan. */
  carerChange: number;
  /** Re-planning: per minute a visit moves beyond `timeShiftToleranceMinutes`. */
  timeShift: number;
  /** Re-planning: per visit that was planned before and is now left out (on top of its omission cost). */
  dropPlanned: number;
}

export const DEFAULT_CARE_WEIGHTS: CareWeights = {
  travel: 1,
  waiting: 0.2,
  overtime: 5,
  lateness: 10,
  missedBreak: 60,
  preference: 5,
  continuity: 60,
  balance: 0.1,
  optional: 1,
  carerChange: 30,
  timeShift: 0.5,
  dropPlanned: 300,
};

export interface CareRules {
  /** Hard cap on minutes after the shift end (overtime up to it is a soft penalty). Default 15. */
  maxOvertimeMinutes: number;
  /** Minutes a visit may start after its window closes (soft, weighted); default 0 = windows are hard. */
  maxLatenessMinutes: number;
  /** A break in the carer's break window is required when the route's working time exceeds this. Default 330 (ATW: 30 min after 5.5 h). */
  breakRequiredAfterMinutes: number;
  /** Re-planning: moves up to this many minutes are free. Default 15. */
  timeShiftToleranceMinutes: number;
}

export const DEFAULT_CARE_RULES: CareRules = {
  maxOvertimeMinutes: 15,
  maxLatenessMinutes: 0,
  breakRequiredAfterMinutes: 330,
  timeShiftToleranceMinutes: 15,
};

/** Cost of an unplanned mandatory visit: dominates every soft cost. */
export const MANDATORY_VISIT_PENALTY = 1e6;

export const CARE_SYNC_NONE = 0;
export const CARE_SYNC_SIMULTANEOUS = 1;
export const CARE_SYNC_SEQUENTIAL = 2;

/** A carer working on the day, with what the optimiser needs from the employee record. */
export interface CareCarer {
  employee: Pick<Employee, 'id' | 'level' | 'skills' | 'travelMode'>;
  shift: CarerShift;
  /** Re-planning: not available before this minute, starting from `from` (where they are then). */
  availableFrom?: number;
  from?: GeoPoint;
}

/** What was planned before (re-planning): carers and start minutes per visit. */
export interface PreviousAssignment {
  carerIds: string[];
  starts: number[];
}

/** One team's day in domain terms: the input of `buildCareProblem`. */
export interface CareDayInput {
  date: string;
  teamId: string;
  clients: Client[];
  visits: CareVisit[];
  carers: CareCarer[];
  /** Re-planning: nothing may start before this minute. */
  releaseFrom?: number;
  previous?: Record<string, PreviousAssignment>;
  /** Week planning: carers who already visited each client this week (client id → carer ids). */
  knownCarers?: Record<string, string[]>;
  /**
   * Week planning: multiplier (0–1, default 1) on the continuity cost of a carer new to a client
   * (client id → carer id → factor); a carer who works more of the client's coming days costs less,
   * so the new face is one the client will see again. Rounded to 1/64.
   */
  newCarerFactor?: Record<string, Record<string, number>>;
}

export interface CareProblem {
  date: string;
  teamId: string;
  weights: CareWeights;
  rules: CareRules;
  // Locations and travel.
  size: number;
  points: GeoPoint[];
  modes: TravelMode[];
  /** Travel minutes per mode index (size × size). */
  travel: Float64Array[];
  // Visits.
  visits: number;
  visitIds: string[];
  clientIds: string[];
  visitClient: Int32Array;
  visitLoc: Int32Array;
  visitDuration: Float64Array;
  windowOffset: Int32Array;
  windowOpen: Float64Array;
  windowClose: Float64Array;
  visitSync: Uint8Array;
  seqMin: Float64Array;
  seqMax: Float64Array;
  /** Cost of leaving the visit out: optional cost × weight, or MANDATORY_VISIT_PENALTY. */
  omitCost: Float64Array;
  mandatory: Uint8Array;
  /** Earliest start (re-planning cut), 0 otherwise. */
  visitRelease: Float64Array;
  /** visit × carer: 1 = may serve (level, skills, not excluded, pinned carer). */
  canServe: Uint8Array;
  /** visit × carer: 1 = serving counts as an unmet preference. */
  unpreferred: Uint8Array;
  // Tasks (one per carer a visit needs).
  tasks: number;
  taskVisit: Int32Array;
  /** visit × 2: its tasks (second -1 for a one-carer visit). */
  visitTasks: Int32Array;
  /** Re-planning: carer index and start of each task in the previous plan (-1 / NaN when none; -2 = a carer no longer available). */
  previousCarer: Int32Array;
  previousStart: Float64Array;
  // Carers.
  carers: number;
  carerIds: string[];
  carerMode: Uint8Array;
  startLoc: Int32Array;
  endLoc: Int32Array;
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  /** Earliest departure: the shift start, or later when re-planning. */
  availableFrom: Float64Array;
  breakStart: Float64Array;
  breakEnd: Float64Array;
  breakMinutes: Float64Array;
  maxWork: Float64Array;
  /** client × carer: 1 = the carer already visited the client (week continuity). */
  known: Uint8Array;
  /** client × carer: continuity cost when the pair appears (0 when known). */
  pairCost: Float64Array;
}

export interface BuildOptions {
  weights?: Partial<CareWeights>;
  rules?: Partial<CareRules>;
  signal?: AbortSignal;
}

export async function buildCareProblem(
  input: CareDayInput,
  provider: TravelTimeProvider,
  options: BuildOptions = {},
): Promise<CareProblem> {
  const weights = { ...DEFAULT_CARE_WEIGHTS, ...options.weights };
  const rules = { ...DEFAULT_CARE_RULES, ...options.rules };
  const points: GeoPoint[] = [];
  const pointIndex = new Map<string, number>();
  const loc = (p: GeoPoint) => {
    const key = pointKey(p);
    let i = pointIndex.get(key);
    if (i === undefined) {
      i = points.length;
      pointIndex.set(key, i);
      points.push(p);
    }
    return i;
  };
  const clientById = new Map(input.clients.map((c) => [c.id, c]));
  const clientIds: string[] = [];
  const clientIndex = new Map<string, number>();
  const V = input.visits.length;
  const C = input.carers.length;
  const carerIndex = new Map(input.carers.map((c, i) => [c.employee.id, i]));
  const visitClient = new Int32Array(V);
  const visitLoc = new Int32Array(V);
  const visitDuration = new Float64Array(V);
  const windowOffset = new Int32Array(V + 1);
  const open: number[] = [];
  const close: number[] = [];
  const visitSync = new Uint8Array(V);
  const seqMin = new Float64Array(V);
  const seqMax = new Float64Array(V);
  const omitCost = new Float64Array(V);
  const mandatory = new Uint8Array(V);
  const visitRelease = new Float64Array(V).fill(input.releaseFrom ?? 0);
  const canServe = new Uint8Array(V * C);
  const unpreferred = new Uint8Array(V * C);
  const visitTasks = new Int32Array(V * 2).fill(-1);
  const taskVisit: number[] = [];
  const previousCarer: number[] = [];
  const previousStart: number[] = [];
  input.visits.forEach((visit, v) => {
    const client = clientById.get(visit.clientId);
    if (!client) throw new Error(`visit ${visit.id}: unknown client ${visit.clientId}`);
    let ci = clientIndex.get(client.id);
    if (ci === undefined) {
      ci = clientIds.length;
      clientIndex.set(client.id, ci);
      clientIds.push(client.id);
    }
    visitClient[v] = ci;
    visitLoc[v] = loc(client.point);
    visitDuration[v] = visit.durationMinutes;
    windowOffset[v] = open.length;
    const windows = [...visit.windows].sort((a, b) => a.start.localeCompare(b.start));
    for (const w of windows) {
      open.push(clockMinutes(w.start));
      close.push(clockMinutes(w.end));
    }
    const two = visit.carersRequired === 2;
    visitSync[v] = !two
      ? CARE_SYNC_NONE
      : visit.sync?.kind === 'sequential'
        ? CARE_SYNC_SEQUENTIAL
        : CARE_SYNC_SIMULTANEOUS;
    seqMin[v] = visit.sync?.minGapMinutes ?? 0;
    seqMax[v] = Math.max(seqMin[v], visit.sync?.maxGapMinutes ?? 0);
    mandatory[v] = visit.optionalCost === undefined ? 1 : 0;
    omitCost[v] =
      (mandatory[v] ? MANDATORY_VISIT_PENALTY : visit.optionalCost! * weights.optional) +
      (input.previous?.[visit.id] ? weights.dropPlanned : 0);
    input.carers.forEach((carer, r) => {
      const e = carer.employee;
      const ok =
        isQualified(e.level, e.skills, visit.minLevel, visit.skills) &&
        !visit.excludedCarerIds.includes(e.id) &&
        (visit.pinnedCarerId === undefined || visit.pinnedCarerId === e.id);
      canServe[v * C + r] = ok ? 1 : 0;
      unpreferred[v * C + r] =
        visit.preferredCarerIds.length > 0 && !visit.preferredCarerIds.includes(e.id) ? 1 : 0;
    });
    const previous = input.previous?.[visit.id];
    for (let k = 0; k < (two ? 2 : 1); k++) {
      visitTasks[v * 2 + k] = taskVisit.length;
      taskVisit.push(v);
      const pc = previous?.carerIds[k];
      previousCarer.push(pc === undefined ? -1 : (carerIndex.get(pc) ?? -2));
      previousStart.push(previous?.starts[k] ?? NaN);
    }
  });
  windowOffset[V] = open.length;
  const modes: TravelMode[] = [];
  const carerMode = new Uint8Array(C);
  const startLoc = new Int32Array(C);
  const endLoc = new Int32Array(C);
  const shiftStart = new Float64Array(C);
  const shiftEnd = new Float64Array(C);
  const availableFrom = new Float64Array(C);
  const breakStart = new Float64Array(C);
  const breakEnd = new Float64Array(C);
  const breakMinutes = new Float64Array(C);
  const maxWork = new Float64Array(C).fill(Infinity);
  input.carers.forEach((carer, r) => {
    const mode = carer.employee.travelMode ?? 'car';
    let mi = modes.indexOf(mode);
    if (mi < 0) mi = modes.push(mode) - 1;
    carerMode[r] = mi;
    const s = carer.shift;
    startLoc[r] = loc(carer.from ?? s.startPoint);
    endLoc[r] = loc(s.endPoint);
    shiftStart[r] = clockMinutes(s.start);
    shiftEnd[r] = clockMinutes(s.end);
    if (shiftEnd[r] <= shiftStart[r]) shiftEnd[r] += 24 * 60;
    availableFrom[r] = Math.max(shiftStart[r], carer.availableFrom ?? 0);
    if (s.breakWindow && s.breakWindow.minutes > 0) {
      breakStart[r] = clockMinutes(s.breakWindow.start);
      breakEnd[r] = clockMinutes(s.breakWindow.end);
      breakMinutes[r] = s.breakWindow.minutes;
    }
    if (s.maxWorkMinutes !== undefined) maxWork[r] = s.maxWorkMinutes;
  });
  const known = new Uint8Array(clientIds.length * C);
  for (const [clientId, carerIds] of Object.entries(input.knownCarers ?? {})) {
    const ci = clientIndex.get(clientId);
    if (ci === undefined) continue;
    for (const id of carerIds) {
      const r = carerIndex.get(id);
      if (r !== undefined) known[ci * C + r] = 1;
    }
  }
  const pairCost = new Float64Array(clientIds.length * C);
  for (let ci = 0; ci < clientIds.length; ci++) {
    const factors = input.newCarerFactor?.[clientIds[ci]];
    for (let r = 0; r < C; r++) {
      if (known[ci * C + r]) continue;
      pairCost[ci * C + r] = weights.continuity * newCarerFactor(factors?.[input.carers[r].employee.id]);
    }
  }
  const travel: Float64Array[] = [];
  for (const mode of modes) {
    options.signal?.throwIfAborted();
    travel.push(await provider.matrix(points, mode, options.signal));
  }
  return {
    date: input.date,
    teamId: input.teamId,
    weights,
    rules,
    size: points.length,
    points,
    modes,
    travel,
    visits: V,
    visitIds: input.visits.map((v) => v.id),
    clientIds,
    visitClient,
    visitLoc,
    visitDuration,
    windowOffset,
    windowOpen: Float64Array.from(open),
    windowClose: Float64Array.from(close),
    visitSync,
    seqMin,
    seqMax,
    omitCost,
    mandatory,
    visitRelease,
    canServe,
    unpreferred,
    tasks: taskVisit.length,
    taskVisit: Int32Array.from(taskVisit),
    visitTasks,
    previousCarer: Int32Array.from(previousCarer),
    previousStart: Float64Array.from(previousStart),
    carers: C,
    carerIds: input.carers.map((c) => c.employee.id),
    carerMode,
    startLoc,
    endLoc,
    shiftStart,
    shiftEnd,
    availableFrom,
    breakStart,
    breakEnd,
    breakMinutes,
    maxWork,
    known,
    pairCost,
  };
}

/** The continuity multiplier of a new client–carer pair: within 0–1, rounded to 1/64 (exact sums). */
export function newCarerFactor(factor: number | undefined): number {
  if (factor === undefined || !Number.isFinite(factor)) return 1;
  return Math.round(Math.min(1, Math.max(0, factor)) * 64) / 64;
}
