/** Load the OrganisationData slice one roster period needs (rule checks, solver input). */
import * as repo from '@planmaat/db';
import type { OrganisationData } from '@planmaat/domain';

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

/** The OrganisationData a rule check reads, from the context the database returned. */
export function ruleCheckData(
  period: repo.Versioned<OrganisationData['rosterPeriods'][number]>,
  context: repo.RosterRuleContext,
): OrganisationData {
  // The rows as read (their `version` along): the checker only reads them, so no copies per save.
  return {
    organisation: context.organisation,
    locations: [],
    teams: [],
    employees: context.employees,
    shiftTypes: context.shiftTypes,
    demand: [],
    absences: context.absences,
    wishes: [],
    rosterPeriods: [period],
    assignments: context.assignments,
    clients: [],
    visits: [],
    carerShifts: [],
  };
}

/**
 * What a rule check needs, and no more: the employees (birth dates, contract hours), shift types,
 * their shifts and absences in and around the period. One statement.
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
  const loaded = await repo.loadRosterWithContext(db, organisationId, rosterPeriodId, {
    employeeIds,
    contextDays: RULE_CONTEXT_DAYS,
  });
  if (!loaded) throw new repo.NotFoundError('roster period', rosterPeriodId);
  const { period, context } = loaded;
  // Where periods overlap, this period's cell wins.
  const seen = new Set<string>();
  const assignments = [
    ...context.assignments.filter((a) => a.rosterPeriodId === rosterPeriodId),
    ...context.assignments.filter((a) => a.rosterPeriodId !== rosterPeriodId),
  ].filter((a) => {
    const key = `${a.employeeId}|${a.date}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    period,
    from: period.start,
    to: repo.periodEnd(period),
    data: ruleCheckData(period, { ...context, assignments }),
  };
}
