/** Load the OrganisationData slice one roster period needs (rule checks, solver input). */
import * as repo from '@planmaat/db';
import { addDays, type OrganisationData } from '@planmaat/domain';

export async function loadRosterSlice(
  db: repo.Executor,
  organisationId: string,
  rosterPeriodId: string,
  options: { employeeIds?: string[] } = {},
): Promise<{
  data: OrganisationData;
  period: repo.Versioned<OrganisationData['rosterPeriods'][number]>;
  from: string;
  to: string;
}> {
  const period = await repo.getRosterPeriod(db, organisationId, rosterPeriodId);
  const from = period.start;
  const to = repo.periodEnd(period);
  const [organisation, team, employeesPage, shiftTypes, demand, assignments] = await Promise.all([
    repo.getOrganisation(db, organisationId),
    repo.getTeam(db, organisationId, period.teamId),
    repo.listEmployees(db, organisationId, { teamId: period.teamId }, { limit: 10_000, offset: 0 }),
    repo.listShiftTypes(db, organisationId),
    repo.listDemand(db, organisationId, { teamId: period.teamId, from, to }),
    repo.listAssignments(db, organisationId, rosterPeriodId),
  ]);
  const employeeIds = options.employeeIds ?? employeesPage.items.map((e) => e.id);
  const [absences, wishes] = await Promise.all([
    repo.listAbsences(db, organisationId, { employeeIds, from, to }),
    repo.listWishes(db, organisationId, { employeeIds, from, to }),
  ]);
  const strip = <T extends { version: number }>({ version: _v, ...rest }: T) => rest;
  const data: OrganisationData = {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      ruleProfiles: organisation.ruleProfiles,
      timeZone: organisation.timeZone,
    },
    locations: [],
    teams: [team],
    employees: employeesPage.items.map(strip),
    shiftTypes: shiftTypes.map(strip),
    demand,
    absences,
    wishes,
    rosterPeriods: [strip(period)],
    assignments,
    clients: [],
    visits: [],
    carerShifts: [],
  };
  return { data, period, from, to };
}

/** Days before and after a period whose shifts inform rest and average rules. */
export const RULE_CONTEXT_DAYS = 28;

/**
 * What a rule check needs, and no more: the employees (birth dates), shift types and their shifts
 * in and around the period. Runs on every save, so it is four queries in parallel.
 */
export async function loadRuleCheckInput(
  db: repo.Executor,
  organisationId: string,
  rosterPeriodId: string,
  employeeIds?: string[],
): Promise<{
  data: OrganisationData;
  period: repo.Versioned<OrganisationData['rosterPeriods'][number]>;
  from: string;
  to: string;
}> {
  const period = await repo.getRosterPeriod(db, organisationId, rosterPeriodId);
  const from = period.start;
  const to = repo.periodEnd(period);
  const [organisation, employeesPage, shiftTypes] = await Promise.all([
    repo.getOrganisation(db, organisationId),
    repo.listEmployees(db, organisationId, employeeIds ? { ids: employeeIds } : { teamId: period.teamId }, {
      limit: 10_000,
      offset: 0,
    }),
    repo.listShiftTypes(db, organisationId),
  ]);
  const ids = employeesPage.items.map((e) => e.id);
  const around = await repo.listAssignmentsInRange(db, organisationId, {
    employeeIds: ids,
    from: addDays(from, -RULE_CONTEXT_DAYS),
    to: addDays(to, RULE_CONTEXT_DAYS),
  });
  // Where periods overlap, this period's cell wins.
  const seen = new Set<string>();
  const assignments = [
    ...around.filter((a) => a.rosterPeriodId === rosterPeriodId),
    ...around.filter((a) => a.rosterPeriodId !== rosterPeriodId),
  ].filter((a) => {
    const key = `${a.employeeId}|${a.date}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const strip = <T extends { version: number }>({ version: _v, ...rest }: T) => rest;
  return {
    period,
    from,
    to,
    data: {
      organisation: {
        id: organisation.id,
        name: organisation.name,
        ruleProfiles: organisation.ruleProfiles,
        timeZone: organisation.timeZone,
      },
      locations: [],
      teams: [],
      employees: employeesPage.items.map(strip),
      shiftTypes: shiftTypes.map(strip),
      demand: [],
      absences: [],
      wishes: [],
      rosterPeriods: [strip(period)],
      assignments,
      clients: [],
      visits: [],
      carerShifts: [],
    },
  };
}
