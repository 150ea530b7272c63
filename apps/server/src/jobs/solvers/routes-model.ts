/**
 * Maps one day of a home-care team (visits, carer shifts) onto the route optimiser's model (the
 * UHHC format) and its answer back to routes per carer. Decisions, in planners' terms:
 *  - travel: straight-line distance × 1.35 at the team's usual speed (car 30, e-bike 18, bike 15,
 *    walking 5 km/h) plus 2 minutes per leg to park and get in — an estimate, not a road network;
 *  - skills: a carer may do a visit when their level is at least the visit's and they have every
 *    skill it asks for; excluded carers never, a pinned carer always (everyone else excluded);
 *  - a two-carer visit becomes two services, simultaneous or sequential as the visit says;
 *  - cost per minute: travel 1, lateness 5, overtime 3, waiting 0.1; a non-preferred carer 5 per
 *    visit; leaving out an optional visit 60; a missed break 30. Mandatory visits, skills and
 *    exclusions are hard.
 */
import {
  clockMinutes,
  haversineMeters,
  type CareVisit,
  type CarerShift,
  type Client,
  type Employee,
  type GeoPoint,
} from '@planmaat/domain';
import type { RawUhhcInstance } from '@planmaat/routes';

const SPEED_KMH: Record<Employee['travelMode'], number> = { car: 30, 'e-bike': 18, bike: 15, walk: 5 };
const DETOUR = 1.35;
const LEG_OVERHEAD_MINUTES = 2;

export interface RoutesInput {
  teamId: string;
  date: string;
  raw: RawUhhcInstance;
}

export function travelMinutes(a: GeoPoint, b: GeoPoint, speedKmh: number): number {
  const meters = haversineMeters(a, b);
  if (meters < 1) return 0;
  return Math.round(((meters * DETOUR) / 1000 / speedKmh) * 60 + LEG_OVERHEAD_MINUTES);
}

function serviceOf(v: CareVisit): string {
  return `L${v.minLevel}${v.skills.length ? ':' + [...v.skills].sort().join('+') : ''}`;
}

/** Travel mode most of the day's carers use (the model has one travel matrix). */
export function usualTravelMode(shifts: CarerShift[], employees: Employee[]): Employee['travelMode'] {
  const employeeById = new Map(employees.map((e) => [e.id, e]));
  const modes = shifts
    .filter((s) => employeeById.has(s.employeeId))
    .map((s) => employeeById.get(s.employeeId)!.travelMode);
  return (
    (Object.keys(SPEED_KMH) as Employee['travelMode'][])
      .map((m) => [m, modes.filter((x) => x === m).length] as const)
      .sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'car'
  );
}

export function buildRoutesInput(day: {
  teamId: string;
  date: string;
  visits: CareVisit[];
  clients: Client[];
  shifts: CarerShift[];
  employees: Employee[];
  /** Travel minutes between two points (e.g. from OSRM); default the straight-line estimate. */
  travel?: (a: GeoPoint, b: GeoPoint) => number;
}): RoutesInput {
  const clientById = new Map(day.clients.map((c) => [c.id, c]));
  const employeeById = new Map(day.employees.map((e) => [e.id, e]));
  const shifts = day.shifts.filter((s) => employeeById.has(s.employeeId));
  const modes = shifts.map((s) => employeeById.get(s.employeeId)!.travelMode);
  const usual =
    (Object.keys(SPEED_KMH) as Employee['travelMode'][])
      .map((m) => [m, modes.filter((x) => x === m).length] as const)
      .sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'car';
  const speed = SPEED_KMH[usual];

  // Points: carers' start and end points first (terminals), then one per client.
  const points: GeoPoint[] = [];
  const terminals: RawUhhcInstance['terminal_points'] = [];
  const terminalOf = (p: GeoPoint) => {
    const id = `t${p.lat.toFixed(5)},${p.lon.toFixed(5)}`;
    if (!terminals.some((t) => t.id === id)) {
      terminals.push({ id, distance_matrix_index: points.length });
      points.push(p);
    }
    return id;
  };
  const caregiverTerminals = shifts.map((s) => [terminalOf(s.startPoint), terminalOf(s.endPoint)] as const);
  const clientIndex = new Map<string, number>();
  for (const v of day.visits) {
    const client = clientById.get(v.clientId);
    if (client && !clientIndex.has(client.id)) {
      clientIndex.set(client.id, points.length);
      points.push(client.point);
    }
  }
  const distances = points.map((a) =>
    points.map((b) => (day.travel ? day.travel(a, b) : travelMinutes(a, b, speed))),
  );

  // A two-carer visit needs two distinct services (same skills): the second gets a suffix.
  const SECOND = '#2';
  const services = [
    ...new Set(
      day.visits.flatMap((v) =>
        v.carersRequired === 2 ? [serviceOf(v), serviceOf(v) + SECOND] : [serviceOf(v)],
      ),
    ),
  ];
  const canDo = (e: Employee, service: string) => {
    const [level, skills] = service.slice(1).replace(SECOND, '').split(':');
    return e.level >= Number(level) && (skills ? skills.split('+').every((s) => e.skills.includes(s)) : true);
  };
  const withBreak = shifts.find((s) => s.breakWindow)?.breakWindow;
  const caregiverIds = shifts.map((s) => s.employeeId);
  const raw: RawUhhcInstance = {
    metadata: {
      name: `${day.teamId} ${day.date}`,
      origin: 'planmaat',
      time_window_met: 'at_service_start',
      cost_components: {
        travel_time: 1,
        total_tardiness: 5,
        highest_tardiness: 0,
        total_waiting_time: 0.1,
        total_extra_time: 3,
        max_idle_time: 0,
        caregiver_preferences: 5,
        optional_patients: 60,
        missed_lunch_break: 30,
        qualification: 'HARD',
        incompabilities: 'HARD',
      },
    },
    distances,
    terminal_points: terminals,
    caregivers: shifts.map((s, i) => ({
      id: s.employeeId,
      abilities: services.filter((service) => canDo(employeeById.get(s.employeeId)!, service)),
      departing_point: caregiverTerminals[i][0],
      arrival_point: caregiverTerminals[i][1],
      working_shift: { start: clockMinutes(s.start), end: clockMinutes(s.end) },
      lunch_break: Boolean(s.breakWindow && withBreak),
    })),
    patients: day.visits
      .filter((v) => clientIndex.has(v.clientId))
      .map((v) => {
        const service = serviceOf(v);
        const excluded = v.pinnedCarerId
          ? caregiverIds.filter((id) => id !== v.pinnedCarerId)
          : v.excludedCarerIds;
        return {
          id: v.id,
          distance_matrix_index: clientIndex.get(v.clientId)!,
          required_services: Array.from({ length: v.carersRequired }, (_, k) => ({
            service: k === 0 ? service : service + SECOND,
            duration: v.durationMinutes,
          })),
          time_windows: v.windows.map((w) => ({ start: clockMinutes(w.start), end: clockMinutes(w.end) })),
          synchronization:
            v.carersRequired === 2
              ? v.sync?.kind === 'sequential'
                ? {
                    type: 'sequential' as const,
                    distance: { min: v.sync.minGapMinutes, max: v.sync.maxGapMinutes },
                  }
                : { type: 'simultaneous' as const }
              : null,
          preferred_caregivers: v.preferredCarerIds.length ? v.preferredCarerIds : null,
          incompatible_caregivers: excluded.length ? excluded : null,
          optional: v.optionalCost !== undefined,
        };
      }),
    services: services.map((id) => ({ id, default_duration: null })),
    lunch_breaks: withBreak
      ? {
          start: clockMinutes(withBreak.start),
          end: clockMinutes(withBreak.end),
          min_duration: withBreak.minutes,
        }
      : null,
  };
  return { teamId: day.teamId, date: day.date, raw };
}
