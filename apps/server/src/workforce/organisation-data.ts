/**
 * The whole organisation as `OrganisationData` for capacity planning and workforce insight. Both
 * are organisation-wide (every team, a year of history), unlike the roster-period slices in
 * ../roster-data.ts; both read through the same tenant-scoped repositories, and nothing else.
 */
import * as repo from '@planmaat/db';
import { fromEpochMinutes, parseOrThrow, type OrganisationData } from '@planmaat/domain';
import {
  insightDataFrom,
  insightDataSchema,
  type InsightData,
  type RosterChange,
  type StaffFlag,
} from '@planmaat/insight';
import { demoHistory } from './compute.ts';

const EVER = { from: '0001-01-01', to: '9999-12-31' };
const ALL_ROWS = { limit: 1_000_000, offset: 0 };
const strip = <T extends { version: number }>({ version: _v, ...rest }: T) => rest;

/** Teams, staff, shift types, demand, absences, wishes, roster periods and the visit plan. */
export async function loadOrganisationData(
  db: repo.Executor,
  organisationId: string,
  options: { assignments?: boolean } = {},
): Promise<{ data: OrganisationData; isDemo: boolean }> {
  const [organisation, teams, employeesPage, shiftTypes, absences, wishes, periods, visits, clientsPage] =
    await Promise.all([
      repo.getOrganisation(db, organisationId),
      repo.listTeams(db, organisationId),
      repo.listEmployees(db, organisationId, {}, ALL_ROWS),
      repo.listShiftTypes(db, organisationId),
      repo.listAbsences(db, organisationId, {}),
      repo.listWishes(db, organisationId, {}),
      repo.listRosterPeriods(db, organisationId, {}),
      repo.listVisitsBetween(db, organisationId, EVER),
      repo.listClients(db, organisationId, {}, ALL_ROWS),
    ]);
  const demand = (
    await Promise.all(teams.map((t) => repo.listDemand(db, organisationId, { teamId: t.id, ...EVER })))
  ).flat();
  const employees = employeesPage.items.map(strip);
  const assignments = options.assignments
    ? await repo.listAssignmentsInRange(db, organisationId, {
        employeeIds: employees.map((e) => e.id),
        ...EVER,
      })
    : [];
  return {
    isDemo: organisation.isDemo,
    data: {
      organisation: {
        id: organisation.id,
        name: organisation.name,
        ruleProfiles: organisation.ruleProfiles,
        timeZone: organisation.timeZone,
      },
      locations: [],
      teams,
      employees,
      shiftTypes: shiftTypes.map(strip),
      demand,
      absences,
      wishes,
      rosterPeriods: periods.map(strip),
      assignments,
      clients: clientsPage.items,
      visits,
      carerShifts: [],
    },
  };
}

/** Cells changed on a published roster, from the roster audit log. */
async function publishedRosterChanges(
  db: repo.Executor,
  organisationId: string,
  data: OrganisationData,
): Promise<RosterChange[]> {
  const zone = data.organisation.timeZone;
  const published = data.rosterPeriods.filter((p) => p.status === 'published');
  const logs = await Promise.all(
    published.map((p) => repo.listRosterChanges(db, organisationId, p.id, { publishedOnly: true })),
  );
  const out: RosterChange[] = [];
  type Cell = { employeeId: string; date: string; shiftTypeId: string };
  for (const log of logs)
    for (const change of log) {
      if (!Array.isArray(change.before) || !Array.isArray(change.after)) continue;
      const at = fromEpochMinutes(Math.floor(Date.parse(change.at) / 60_000), zone).slice(0, 16);
      const before = new Map((change.before as Cell[]).map((c) => [`${c.employeeId}|${c.date}`, c]));
      const after = new Map((change.after as Cell[]).map((c) => [`${c.employeeId}|${c.date}`, c]));
      for (const key of new Set([...before.keys(), ...after.keys()])) {
        const was = before.get(key);
        const now = after.get(key);
        const cell = (now ?? was)!;
        const kind = !was ? 'added' : !now ? 'removed' : 'changed';
        if (kind === 'changed' && was!.shiftTypeId === now!.shiftTypeId) continue;
        out.push({
          employeeId: cell.employeeId,
          date: cell.date,
          kind,
          at,
          ...(now ? { shiftTypeId: now.shiftTypeId } : {}),
        });
      }
    }
  return out;
}

/**
 * What the insight figures are computed from: published rosters, absences, wishes, changes after
 * publication and the flagged themes. A demo organisation has no past of its own, so its
 * generated year of history (the same as `planmaat insight demo-history`) is merged in.
 */
export async function loadInsightData(
  db: repo.Executor,
  organisationId: string,
): Promise<{ input: InsightData; teams: OrganisationData['teams'] }> {
  const { data, isDemo } = await loadOrganisationData(db, organisationId, { assignments: true });
  const history = isDemo ? await demoHistory(data) : undefined;
  const [changes, flags] = await Promise.all([
    publishedRosterChanges(db, organisationId, data),
    repo.listStaffFlags(db, organisationId, EVER),
  ]);
  const merged = insightDataFrom(data, history);
  const input = parseOrThrow(
    insightDataSchema,
    {
      ...merged,
      rosterChanges: [...merged.rosterChanges, ...changes],
      staffFlags: [...merged.staffFlags, ...(flags as StaffFlag[])],
    },
    'organisation data',
  );
  return { teams: data.teams, input };
}
