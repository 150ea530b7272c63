/**
 * Reads a route proposal's payload into a RoutePlan. Accepts times as minutes or "HH:MM", and
 * fills client ids and travel minutes from the visits when the solver leaves them out. The route
 * job sends arrival, travel and waiting minutes per stop; older payloads only start and end, and
 * then the whole gap before a visit counts as travel.
 */
import type { CareVisit, CarerRoute, RoutePlan, RouteStop } from '../api/types.ts';
import { clockMinutes } from '../dates.ts';

type Raw = Record<string, unknown>;

function minutes(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^\d{1,2}:\d{2}/.test(v)) return clockMinutes(v.padStart(5, '0'));
  if (typeof v === 'string' && /T\d{2}:\d{2}/.test(v))
    return clockMinutes(v.slice(v.indexOf('T') + 1, v.indexOf('T') + 6));
  return NaN;
}

export function routePlanFromPayload(payload: unknown, visits: Map<string, CareVisit>): RoutePlan {
  const p = (payload ?? {}) as Raw;
  const rawRoutes = (Array.isArray(p.routes) ? p.routes : []) as Raw[];
  const routes: CarerRoute[] = rawRoutes.map((r) => {
    const rawStops = (Array.isArray(r.stops) ? r.stops : Array.isArray(r.visits) ? r.visits : []) as Raw[];
    let clock = minutes(r.start);
    const stops: RouteStop[] = rawStops.map((s) => {
      const visitId = String(s.visitId ?? s.id ?? '');
      const start = minutes(s.start ?? s.serviceStart);
      const given = typeof s.travelMinutes === 'number' ? s.travelMinutes : NaN;
      const arrival = Number.isFinite(minutes(s.arrival))
        ? minutes(s.arrival)
        : Number.isFinite(given) && typeof s.waitMinutes === 'number'
          ? start - s.waitMinutes
          : start;
      const end = Number.isFinite(minutes(s.end))
        ? minutes(s.end)
        : start + (visits.get(visitId)?.durationMinutes ?? 0);
      const travel = Number.isFinite(given)
        ? given
        : Number.isFinite(clock)
          ? Math.max(0, arrival - clock)
          : 0;
      clock = end;
      return {
        visitId,
        clientId: String(s.clientId ?? visits.get(visitId)?.clientId ?? ''),
        arrival,
        start,
        end,
        travelMinutes: travel,
        waitMinutes: Math.max(0, start - arrival),
      };
    });
    const brk = (r.break ?? undefined) as Raw | undefined;
    return {
      employeeId: String(r.employeeId ?? r.carerId ?? ''),
      start: Number.isFinite(minutes(r.start)) ? minutes(r.start) : (stops[0]?.arrival ?? 0),
      end: Number.isFinite(minutes(r.end)) ? minutes(r.end) : (stops[stops.length - 1]?.end ?? 0),
      stops,
      breakStart: brk ? minutes(brk.start) : typeof r.breakStart === 'number' ? r.breakStart : undefined,
      breakMinutes: brk
        ? Number(brk.minutes ?? minutes(brk.end) - minutes(brk.start))
        : typeof r.breakMinutes === 'number'
          ? r.breakMinutes
          : undefined,
    };
  });
  // The route job names them unplannedVisitIds.
  const unassigned = (p.unplannedVisitIds ?? p.unassignedVisitIds ?? p.unassigned ?? []) as unknown[];
  // With the reason per visit (route job: `unplanned`).
  const reasons: NonNullable<RoutePlan['unassignedReasons']> = {};
  for (const u of (Array.isArray(p.unplanned) ? p.unplanned : []) as Raw[]) {
    const reason = (u.reason ?? {}) as Raw;
    if (typeof u.visitId === 'string')
      reasons[u.visitId] = {
        mandatory: u.mandatory !== false,
        nl: String(reason.nl ?? reason.code ?? ''),
        en: String(reason.en ?? reason.code ?? ''),
      };
  }
  return {
    date: String(p.date ?? ''),
    teamId: String(p.teamId ?? ''),
    routes,
    unassignedVisitIds: unassigned.map((u) =>
      typeof u === 'string' ? u : String((u as Raw).visitId ?? (u as Raw).id),
    ),
    ...(Object.keys(reasons).length ? { unassignedReasons: reasons } : {}),
    violations: (Array.isArray(p.violations) ? p.violations : []).map(String),
  };
}
