/**
 * One day of a home-care team for the `routes` job, in the home-care model of @planmaat/routes
 * (docs/homecare-planning.md; the same model as `planmaat homecare plan`):
 *  - the team's clients and their visits that day; the team's carers with a route shift that day,
 *    minus the carers the planner drops (`excludedEmployeeIds`) and carers absent during the shift;
 *  - hard: time windows (a visit starts inside one of its windows), return at most 15 minutes after
 *    the shift end (overtime up to that is a soft cost), level and skills, excluded and pinned
 *    carers, two-carer sync, `maxWorkMinutes`;
 *  - a visit that fits nowhere is left unplanned with a reason (never stacked onto a late route);
 *  - travel: each carer's own travel mode, estimated from coordinates in the solver thread, or
 *    OSRM minutes fetched beforehand (`osrmTravel` in routes.ts).
 */
import type {
  Absence,
  CareVisit,
  CarerShift,
  Client,
  Employee,
  GeoPoint,
  TravelMode,
} from '@planmaat/domain';
import { pointKey, type CareDayInput } from '@planmaat/routes';

/** Travel minutes fetched before the solve (row-major points² per mode). */
export interface GivenTravel {
  /** Provider name for the result, e.g. "osrm". */
  name: string;
  points: GeoPoint[];
  byMode: Partial<Record<TravelMode, Float64Array>>;
}

export interface RoutesInput {
  teamId: string;
  date: string;
  day: CareDayInput;
  /** Absent: the solver thread estimates travel times from coordinates. */
  travel?: GivenTravel;
}

export function buildRoutesInput(day: {
  teamId: string;
  date: string;
  visits: CareVisit[];
  clients: Client[];
  shifts: CarerShift[];
  /** The carers who may work (the team's employees minus those who drop out). */
  employees: Employee[];
  absences?: Absence[];
  travel?: GivenTravel;
}): RoutesInput {
  const employeeById = new Map(day.employees.map((e) => [e.id, e]));
  const clientIds = new Set(day.clients.map((c) => c.id));
  const absent = (shift: CarerShift) => {
    const from = `${day.date}T${shift.start}`;
    // A shift ending at or before its start ends the next day.
    const to = shift.end > shift.start ? `${day.date}T${shift.end}` : `${day.date}T24:00`;
    return (day.absences ?? []).some(
      (a) => a.employeeId === shift.employeeId && a.start < to && a.end > from,
    );
  };
  const carers = day.shifts
    .filter((s) => s.date === day.date && employeeById.has(s.employeeId) && !absent(s))
    .map((shift) => {
      const e = employeeById.get(shift.employeeId)!;
      return {
        shift,
        employee: { id: e.id, level: e.level, skills: e.skills, travelMode: e.travelMode },
      };
    });
  const visits = day.visits.filter((v) => v.date === day.date && clientIds.has(v.clientId));
  const visited = new Set(visits.map((v) => v.clientId));
  const clients = day.clients.filter((c) => visited.has(c.id));
  return {
    teamId: day.teamId,
    date: day.date,
    day: { date: day.date, teamId: day.teamId, clients, visits, carers },
    ...(day.travel ? { travel: day.travel } : {}),
  };
}

/** Every point the day's routes can touch: carers' start and end points, then the clients. */
export function dayPoints(day: CareDayInput): GeoPoint[] {
  const points = new Map<string, GeoPoint>();
  for (const c of day.carers)
    for (const p of [c.from ?? c.shift.startPoint, c.shift.endPoint]) points.set(pointKey(p), p);
  for (const c of day.clients) points.set(pointKey(c.point), c.point);
  return [...points.values()];
}

/** The travel modes of the day's carers (one matrix each). */
export function dayModes(day: CareDayInput): TravelMode[] {
  return [...new Set(day.carers.map((c) => c.employee.travelMode ?? 'car'))];
}
