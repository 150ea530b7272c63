/**
 * The home-care day plan in the shapes the screen draws: a timeline of segments per carer
 * (travel, wait, visit, break), route lines from coordinates, and continuity per client.
 */
import type { CarerRoute, RoutePlan } from '../api/types.ts';

export type SegmentKind = 'travel' | 'wait' | 'visit' | 'break';

export interface Segment {
  kind: SegmentKind;
  /** Minutes since midnight. */
  start: number;
  end: number;
  visitId?: string;
  clientId?: string;
}

export function timelineSegments(route: CarerRoute): Segment[] {
  const out: Segment[] = [];
  const breakStart = route.breakMinutes ? route.breakStart : undefined;
  const breakEnd = breakStart === undefined ? undefined : breakStart + route.breakMinutes!;
  let clock = route.start;
  // A break taken between `clock` and `until` (after a visit, before travelling on): the time up
  // to it is waiting, and the clock moves past it.
  const breakBefore = (until: number) => {
    if (breakStart === undefined || breakStart < clock || breakEnd! > until) return;
    if (breakStart > clock) out.push({ kind: 'wait', start: clock, end: breakStart });
    clock = breakEnd!;
  };
  for (const stop of route.stops) {
    breakBefore(stop.arrival - stop.travelMinutes);
    const travelStart = Math.max(clock, stop.arrival - stop.travelMinutes);
    if (stop.arrival > travelStart) out.push({ kind: 'travel', start: travelStart, end: stop.arrival });
    if (stop.start > stop.arrival) out.push({ kind: 'wait', start: stop.arrival, end: stop.start });
    out.push({
      kind: 'visit',
      start: stop.start,
      end: stop.end,
      visitId: stop.visitId,
      clientId: stop.clientId,
    });
    clock = stop.end;
  }
  if (route.stops.length) breakBefore(route.end);
  if (route.end > clock && route.stops.length) out.push({ kind: 'travel', start: clock, end: route.end });
  if (breakStart !== undefined) out.push({ kind: 'break', start: breakStart, end: breakEnd! });
  return out.sort((a, b) => a.start - b.start);
}

export function routeTotals(route: CarerRoute): { travel: number; care: number; wait: number } {
  let travel = 0;
  let care = 0;
  let wait = 0;
  for (const s of timelineSegments(route)) {
    const d = s.end - s.start;
    if (s.kind === 'travel') travel += d;
    else if (s.kind === 'visit') care += d;
    else if (s.kind === 'wait') wait += d;
  }
  return { travel, care, wait };
}

/** The time axis that fits all routes, rounded out to whole hours. */
export function dayRange(routes: CarerRoute[]): { start: number; end: number } {
  if (routes.length === 0) return { start: 7 * 60, end: 17 * 60 };
  let start = Infinity;
  let end = -Infinity;
  for (const r of routes) {
    for (const s of timelineSegments(r)) {
      start = Math.min(start, s.start);
      end = Math.max(end, s.end);
    }
    start = Math.min(start, r.start);
    end = Math.max(end, r.end);
  }
  return { start: Math.floor(start / 60) * 60, end: Math.ceil(end / 60) * 60 };
}

export interface LatLon {
  lat: number;
  lon: number;
}

/** The points of a route in driving order: start, each client, end. */
export function routePath(
  route: CarerRoute,
  clientPoint: (clientId: string) => LatLon | undefined,
  startPoint?: LatLon,
  endPoint?: LatLon,
): LatLon[] {
  const path: LatLon[] = [];
  if (startPoint) path.push(startPoint);
  for (const stop of route.stops) {
    const p = clientPoint(stop.clientId);
    if (p) path.push(p);
  }
  if (endPoint && route.stops.length) path.push(endPoint);
  return path;
}

export interface ClientContinuity {
  clientId: string;
  visits: number;
  carers: number;
  /** Visits done by one of the client's regular (preferred) carers. */
  byPreferred: number;
  withPreference: number;
}

/**
 * Per client over one or more day plans: how many different carers came, and how many visits a
 * regular carer did. Sorted worst first (most carers).
 */
export function continuity(
  plans: RoutePlan[],
  preferredOf: (visitId: string) => string[] | undefined,
): ClientContinuity[] {
  const byClient = new Map<
    string,
    { visits: number; carers: Set<string>; byPreferred: number; withPreference: number }
  >();
  for (const plan of plans)
    for (const route of plan.routes)
      for (const stop of route.stops) {
        let c = byClient.get(stop.clientId);
        if (!c)
          byClient.set(
            stop.clientId,
            (c = { visits: 0, carers: new Set(), byPreferred: 0, withPreference: 0 }),
          );
        c.visits++;
        c.carers.add(route.employeeId);
        const preferred = preferredOf(stop.visitId);
        if (preferred && preferred.length) {
          c.withPreference++;
          if (preferred.includes(route.employeeId)) c.byPreferred++;
        }
      }
  return [...byClient.entries()]
    .map(([clientId, c]) => ({
      clientId,
      visits: c.visits,
      carers: c.carers.size,
      byPreferred: c.byPreferred,
      withPreference: c.withPreference,
    }))
    .sort((a, b) => b.carers - a.carers || b.visits - a.visits || a.clientId.localeCompare(b.clientId));
}

/** Distinct, readable colours for carers' routes (cycled). */
export const ROUTE_COLORS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#17becf',
  '#8c564b',
  '#e377c2',
  '#0b6e4f',
  '#bcbd22',
  '#393b79',
  '#ad494a',
  '#637939',
  '#7b4173',
  '#3182bd',
  '#e6550d',
];
