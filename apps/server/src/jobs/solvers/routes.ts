/** The `routes` job kind: plan one day of a home-care team with @planmaat/routes. */
import { z } from 'zod';
import { localDate } from '@planmaat/domain';
import * as repo from '@planmaat/db';
import type { SolverPlugin } from '../solver-port.ts';
import { TravelProviderError, type CareDayInput } from '@planmaat/routes';
import { osrmTravelProvider } from '@planmaat/travel-osrm';
import { buildRoutesInput, dayModes, dayPoints, type GivenTravel, type RoutesInput } from './routes-model.ts';
import type { RoutesSolveResult } from './routes-thread.ts';

/**
 * Travel minutes from the OSRM server in PLANMAAT_OSRM_URL for the day's points (carers' start and
 * end points, clients), one matrix per travel mode of the day's carers, or undefined without the
 * variable. An OSRM that cannot answer is logged with the reason and the job plans with the
 * coordinate estimate.
 */
export async function osrmTravel(day: CareDayInput): Promise<GivenTravel | undefined> {
  const url = process.env.PLANMAAT_OSRM_URL;
  if (!url) return undefined;
  const points = dayPoints(day);
  const osrm = osrmTravelProvider({ url });
  try {
    const byMode: GivenTravel['byMode'] = {};
    for (const mode of dayModes(day)) byMode[mode] = await osrm.matrix(points, mode);
    return { name: osrm.name, points, byMode };
  } catch (error) {
    if (!(error instanceof TravelProviderError)) throw error;
    console.warn(`routes job: ${error.message} — reistijden geschat / travel times estimated instead`);
    return undefined;
  }
}

const paramsSchema = z.object({
  teamId: z.string().min(1).max(100),
  date: localDate,
  /** Carers who drop out (e.g. called in sick): their visits are planned on the others. */
  excludedEmployeeIds: z.array(z.string()).max(500).default([]),
});

export const routePlanTarget = (teamId: string, date: string) => `${teamId}/${date}`;

/**
 * The plan in the shape the web app reads: minutes since midnight; per route the departure
 * (`start`) and return (`end`), per stop arrival, start, end, travel and waiting minutes; the
 * visits left out with their reason; the evaluator's hard violations (`feasible` = none, and every
 * mandatory visit planned).
 */
export function toRoutePayload(input: RoutesInput, result: RoutesSolveResult) {
  const { team } = result;
  return {
    teamId: input.teamId,
    date: input.date,
    travelProvider: result.travelProvider,
    routes: team.routes.map((r) => ({
      employeeId: r.carerId,
      travelMode: r.travelMode,
      shiftStart: r.shiftStart,
      shiftEnd: r.shiftEnd,
      start: r.departure,
      end: r.returnAt,
      stops: r.visits.map((v) => ({
        visitId: v.visitId,
        clientId: v.clientId,
        task: v.task,
        arrival: v.arrival,
        start: v.start,
        end: v.end,
        travelMinutes: v.travelMinutes,
        waitMinutes: v.waitMinutes,
      })),
      ...(r.break
        ? { break: { start: r.break.start, end: r.break.end, minutes: r.break.end - r.break.start } }
        : {}),
      missedBreak: r.missedBreak,
      travelMinutes: r.travelMinutes,
      waitingMinutes: r.waitingMinutes,
      workMinutes: r.workMinutes,
      overtimeMinutes: r.overtimeMinutes,
      lateMinutes: r.lateMinutes,
    })),
    unplannedVisitIds: team.unplanned.map((u) => u.visitId),
    unplanned: team.unplanned,
    mandatoryUnplanned: team.check.mandatoryUnplanned,
    feasible: result.feasible,
    violations: result.violations,
    costComponents: team.costs,
    objective: result.objective,
    summary: result.summary,
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
    const employeeIds = carers.map((e) => e.id);
    const [shifts, absences] = await Promise.all([
      repo.listCarerShifts(db, organisationId, { date: params.date, employeeIds }),
      repo.listAbsences(db, organisationId, { employeeIds, from: params.date, to: params.date }),
    ]);
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
    const input = buildRoutesInput({
      teamId: team.id,
      date: params.date,
      visits,
      clients: clients.items,
      shifts,
      employees: carers.map(({ version: _v, ...e }) => e),
      absences,
    });
    const travel = await osrmTravel(input.day);
    return {
      input: travel ? { ...input, travel } : input,
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
