/** The `routes` job kind: plan one day of a home-care team with @planmaat/routes. */
import { z } from 'zod';
import { localDate } from '@planmaat/domain';
import * as repo from '@planmaat/db';
import type { SolverPlugin } from '../solver-port.ts';
import { pointKey, TravelProviderError } from '@planmaat/routes';
import { osrmTravelProvider } from '@planmaat/travel-osrm';
import type { CareVisit, CarerShift, Client, Employee, GeoPoint } from '@planmaat/domain';
import { buildRoutesInput, usualTravelMode, type RoutesInput } from './routes-model.ts';

/**
 * Travel minutes from the OSRM server in PLANMAAT_OSRM_URL for the day's points (carers' start and
 * end points, clients), or undefined without the variable. An OSRM that cannot answer is logged
 * with the reason and the job plans with the straight-line estimate.
 */
export async function osrmTravel(
  shifts: CarerShift[],
  employees: Employee[],
  clients: Client[],
  visits: CareVisit[],
): Promise<((a: GeoPoint, b: GeoPoint) => number) | undefined> {
  const url = process.env.PLANMAAT_OSRM_URL;
  if (!url) return undefined;
  const clientPoint = new Map(clients.map((c) => [c.id, c.point]));
  const points = new Map<string, GeoPoint>();
  for (const s of shifts) for (const p of [s.startPoint, s.endPoint]) points.set(pointKey(p), p);
  for (const v of visits) {
    const p = clientPoint.get(v.clientId);
    if (p) points.set(pointKey(p), p);
  }
  const list = [...points.values()];
  try {
    const minutes = await osrmTravelProvider({ url }).matrix(list, usualTravelMode(shifts, employees));
    const index = new Map(list.map((p, i) => [pointKey(p), i]));
    return (a, b) => Math.round(minutes[index.get(pointKey(a))! * list.length + index.get(pointKey(b))!]);
  } catch (error) {
    if (!(error instanceof TravelProviderError)) throw error;
    console.warn(`routes job: ${error.message} — reistijden geschat / travel times estimated instead`);
    return undefined;
  }
}
import type { RoutesSolveResult } from './routes-thread.ts';

const paramsSchema = z.object({
  teamId: z.string().min(1).max(100),
  date: localDate,
  /** Carers who drop out (e.g. called in sick): their visits are planned on the others. */
  excludedEmployeeIds: z.array(z.string()).max(500).default([]),
});

export const routePlanTarget = (teamId: string, date: string) => `${teamId}/${date}`;

/** The solver's routes in the shape the web app reads: minutes since midnight per stop. */
function toRoutePayload(input: RoutesInput, result: RoutesSolveResult) {
  const caregivers = new Map(input.raw.caregivers.map((c) => [c.id, c]));
  const served = new Set<string>();
  const routes = result.solution.routes.map((r) => {
    const stops = (r.locations ?? []).filter((l) => l.service !== 'lunch_break');
    const lunch = (r.locations ?? []).find((l) => l.service === 'lunch_break');
    for (const s of stops) served.add(s.patient);
    return {
      employeeId: r.caregiver_id,
      start: caregivers.get(r.caregiver_id)?.working_shift.start,
      stops: stops.map((s) => ({ visitId: s.patient, start: s.arrival_time, end: s.departure_time })),
      ...(lunch ? { break: { start: lunch.start_time, end: lunch.end_time } } : {}),
    };
  });
  return {
    teamId: input.teamId,
    date: input.date,
    routes,
    unplannedVisitIds: input.raw.patients.map((p) => p.id).filter((id) => !served.has(id)),
    feasible: result.feasible,
    violations: result.violations,
    costComponents: result.components,
    objective: result.objective,
  };
}

export const routesPlugin: SolverPlugin<z.infer<typeof paramsSchema>, RoutesInput, RoutesSolveResult> = {
  kind: 'routes',
  description: 'Thuiszorgroutes van één dag plannen / plan one day of home-care routes',
  paramsSchema,
  async prepare(db, organisationId, params) {
    const team = await repo.getTeam(db, organisationId, params.teamId).catch(() => {
      throw new repo.RuleViolationError(
        `team ${params.teamId} bestaat niet / does not exist`,
        'params.teamId',
      );
    });
    const [employees, clients, visits] = await Promise.all([
      repo.listEmployees(db, organisationId, { teamId: team.id }, { limit: 10_000, offset: 0 }),
      repo.listClients(db, organisationId, { teamId: team.id }, { limit: 100_000, offset: 0 }),
      repo.listVisits(db, organisationId, { date: params.date, teamId: team.id }),
    ]);
    const excluded = new Set(params.excludedEmployeeIds);
    const carers = employees.items.filter((e) => !excluded.has(e.id));
    const shifts = await repo.listCarerShifts(db, organisationId, {
      date: params.date,
      employeeIds: carers.map((e) => e.id),
    });
    if (visits.length === 0)
      throw new repo.RuleViolationError(
        `geen bezoeken op ${params.date} / no visits that day`,
        'params.date',
      );
    if (shifts.length === 0)
      throw new repo.RuleViolationError(
        `geen diensten op ${params.date} / no carer shifts that day`,
        'params.date',
      );
    const target = routePlanTarget(team.id, params.date);
    const plan = await repo.getRoutePlan(db, organisationId, target);
    const staff = carers.map(({ version: _v, ...e }) => e);
    return {
      input: buildRoutesInput({
        teamId: team.id,
        date: params.date,
        visits,
        clients: clients.items,
        shifts,
        employees: staff,
        travel: await osrmTravel(shifts, staff, clients.items, visits),
      }),
      target: { id: target, version: plan.version },
    };
  },
  threadEntry: new URL('./routes-thread.ts', import.meta.url),
  toProposal(result, prepared) {
    return {
      kind: 'routes',
      targetId: prepared.target.id,
      baseVersion: prepared.target.version,
      payload: toRoutePayload(prepared.input, result),
      score: result.objective,
    };
  },
  scoreOf: (result) => result.objective,
};
