/**
 * Re-planning after a carer drops out: visits that started before the cut stay as they are (done
 * or under way), the remaining visits are re-planned from the cut with the carers who are left,
 * starting where each carer is, and changes against the previous plan cost extra (another carer
 * for a client, a start moved beyond the tolerance), so the search moves only what it must.
 */
import type { OrganisationData } from '@planmaat/domain';
import type { CareDayInput, PreviousAssignment } from './model.ts';
import {
  buildTeams,
  selectCareDays,
  solveTeams,
  summarise,
  toMinute,
  type HomeCareContext,
  type HomeCareDayResult,
  type HomeCareOptions,
  type HomeCareTeamResult,
} from './day.ts';
import { estimateTravelProvider } from '../travel/provider.ts';

export interface ReplanRequest extends HomeCareOptions {
  /** The carer who drops out. */
  carerId: string;
  /** From this moment ("HH:MM" or minutes since midnight). */
  at: string | number;
  /**
   * `minimal` (default): visits of the other carers stay with their carer (their times may move);
   * only the visits of the carer who dropped out and visits that were unplanned are placed anew.
   * `open`: every remaining visit may move to any carer (change costs still apply).
   */
  mode?: 'minimal' | 'open';
}

export interface FixedVisit {
  carerId: string;
  visitId: string;
  clientId: string;
  start: number;
  end: number;
}

export interface CareChange {
  visitId: string;
  clientId: string;
  kind: 'carer' | 'time' | 'unplanned' | 'planned';
  fromCarerIds: string[];
  toCarerIds: string[];
  fromStart: number | null;
  toStart: number | null;
}

export interface ReplanResult {
  plan: HomeCareDayResult;
  /** Visits started before the cut, kept as they were. */
  fixed: FixedVisit[];
  changes: CareChange[];
  summary: {
    carerId: string;
    at: number;
    replannedVisits: number;
    movedToOtherCarer: number;
    timeChanged: number;
    newlyUnplanned: number;
    carersWithChanges: number;
    clientsWithChanges: number;
  };
}

interface Placement {
  carerIds: string[];
  starts: number[];
  tasks: number[];
}

function placements(team: HomeCareTeamResult): Map<string, Placement> {
  const out = new Map<string, Placement>();
  for (const route of team.routes)
    for (const v of route.visits) {
      const p = out.get(v.visitId) ?? { carerIds: [], starts: [], tasks: [] };
      p.carerIds[v.task] = route.carerId;
      p.starts[v.task] = v.start;
      p.tasks.push(v.task);
      out.set(v.visitId, p);
    }
  return out;
}

export async function replanHomeCareDay(
  data: OrganisationData,
  previous: HomeCareDayResult,
  request: ReplanRequest,
  context: HomeCareContext = {},
): Promise<ReplanResult> {
  const started = performance.now();
  const cut = toMinute(request.at);
  const date = previous.date;
  const fixed: FixedVisit[] = [];
  const changes: CareChange[] = [];
  const teamsOut: HomeCareTeamResult[] = [];
  if (!selectCareDays(data, date).some((t) => t.carers.some((c) => c.employee.id === request.carerId)))
    throw new RangeError(`carer ${request.carerId} does not work a route shift on ${date}`);
  let replanned = 0;
  for (const team of previous.teams) {
    const hasCarer = team.routes.some((r) => r.carerId === request.carerId);
    if (!hasCarer) {
      teamsOut.push(team);
      continue;
    }
    const [input] = selectCareDays(data, date, team.teamId);
    const before = placements(team);
    // Visits started before the cut stay; each carer continues from the last of them.
    const frozen = new Set<string>();
    const position = new Map<string, { at: number; point: { lat: number; lon: number } }>();
    const clientPoint = new Map(input.clients.map((c) => [c.id, c.point]));
    for (const route of team.routes)
      for (const v of route.visits)
        if (v.start < cut) {
          frozen.add(v.visitId);
          fixed.push({
            carerId: route.carerId,
            visitId: v.visitId,
            clientId: v.clientId,
            start: v.start,
            end: v.end,
          });
          if (route.carerId !== request.carerId)
            // Free from the end of that visit (on the road at the cut); visits still start after the cut.
            position.set(route.carerId, { at: v.end, point: clientPoint.get(v.clientId)! });
        }
    const previousAssignments: Record<string, PreviousAssignment> = {};
    for (const [visitId, p] of before)
      if (!frozen.has(visitId)) previousAssignments[visitId] = { carerIds: p.carerIds, starts: p.starts };
    const replanInput: CareDayInput = {
      ...input,
      visits: input.visits.filter((v) => !frozen.has(v.id)),
      carers: input.carers
        .filter((c) => c.employee.id !== request.carerId)
        .map((c) => {
          const where = position.get(c.employee.id);
          if (where) return { ...c, availableFrom: where.at, from: where.point };
          // Left home before the cut for the first visit: keep that departure.
          const route = team.routes.find((r) => r.carerId === c.employee.id);
          return { ...c, availableFrom: route && route.departure < cut ? route.departure : cut };
        }),
      releaseFrom: cut,
      previous: previousAssignments,
    };
    replanned += replanInput.visits.length;
    const [solve] = await buildTeams([replanInput], request, context);
    const p = solve.problem;
    if ((request.mode ?? 'minimal') === 'minimal') {
      // Keep the other carers' visits with them: only their previous carers may serve them.
      p.visitIds.forEach((id, v) => {
        const prev = previousAssignments[id];
        if (!prev || prev.carerIds.includes(request.carerId)) return;
        const keep = new Set(prev.carerIds.map((c) => p.carerIds.indexOf(c)));
        if ([...keep].some((r) => r < 0)) return;
        for (let r = 0; r < p.carers; r++) if (!keep.has(r)) p.canServe[v * p.carers + r] = 0;
      });
    }
    // Start from the previous plan without the carer who dropped out.
    const visitIndex = new Map(p.visitIds.map((id, v) => [id, v]));
    const carerIndex = new Map(p.carerIds.map((id, r) => [id, r]));
    const routes: number[][] = p.carerIds.map(() => []);
    const pins = new Array<number>(p.tasks).fill(-1);
    const dropped = new Set<number>();
    for (const route of team.routes)
      if (route.carerId === request.carerId)
        for (const v of route.visits) if (visitIndex.has(v.visitId)) dropped.add(visitIndex.get(v.visitId)!);
    for (const route of team.routes) {
      const r = carerIndex.get(route.carerId);
      if (r === undefined) continue;
      for (const v of route.visits) {
        const vi = visitIndex.get(v.visitId);
        if (vi === undefined || dropped.has(vi)) continue;
        const task = p.visitTasks[vi * 2 + v.task];
        routes[r].push(task);
        if (p.visitTasks[vi * 2 + 1] >= 0) pins[task] = v.start;
      }
    }
    solve.initial = { routes, pins };
    const [result] = await solveTeams(date, [solve], { ...request, seconds: request.seconds ?? 10 }, context);
    teamsOut.push(result);
    const after = placements(result);
    for (const visit of replanInput.visits) {
      const b = before.get(visit.id);
      const a = after.get(visit.id);
      const fromCarerIds = b?.carerIds ?? [];
      const toCarerIds = a?.carerIds ?? [];
      const fromStart = b ? Math.min(...b.starts) : null;
      const toStart = a ? Math.min(...a.starts) : null;
      let kind: CareChange['kind'] | null = null;
      if (b && !a) kind = 'unplanned';
      else if (!b && a) kind = 'planned';
      else if (b && a && [...fromCarerIds].sort().join() !== [...toCarerIds].sort().join()) kind = 'carer';
      else if (b && a && Math.abs(fromStart! - toStart!) >= 1) kind = 'time';
      if (kind)
        changes.push({
          visitId: visit.id,
          clientId: visit.clientId,
          kind,
          fromCarerIds,
          toCarerIds,
          fromStart,
          toStart,
        });
    }
  }
  const carers = new Set<string>();
  for (const c of changes)
    for (const id of [...c.fromCarerIds, ...c.toCarerIds]) if (id !== request.carerId) carers.add(id);
  return {
    plan: {
      date,
      travelProvider: (context.travel ?? estimateTravelProvider()).name,
      teams: teamsOut,
      summary: summarise(date, teamsOut, performance.now() - started),
    },
    fixed,
    changes,
    summary: {
      carerId: request.carerId,
      at: cut,
      replannedVisits: replanned,
      movedToOtherCarer: changes.filter((c) => c.kind === 'carer').length,
      timeChanged: changes.filter((c) => c.kind === 'time').length,
      newlyUnplanned: changes.filter((c) => c.kind === 'unplanned').length,
      carersWithChanges: carers.size,
      clientsWithChanges: new Set(changes.map((c) => c.clientId)).size,
    },
  };
}
