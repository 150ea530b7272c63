/** Load the OrganisationData slice one roster period needs (rule checks, solver input). */
import * as repo from '@planmaat/db';
import { addDays, type OrganisationData } from '@planmaat/domain';

export async function loadRosterSlice(
  db: repo.Executor,
  organisationId: string,
  rosterPeriodId: string,
  options: { contextDays?: number; employeeIds?: string[] } = {},
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
  if (options.contextDays) {
    // Shifts just before and after the period (other periods) matter for rest and average rules.
    const around = await repo.listAssignmentsInRange(db, organisationId, {
      employeeIds,
      from: addDays(from, -options.contextDays),
      to: addDays(to, options.contextDays),
    });
    const inPeriod = new Set(assignments.map((a) => `${a.employeeId}|${a.date}`));
    for (const a of around)
      if (a.rosterPeriodId !== rosterPeriodId && !inPeriod.has(`${a.employeeId}|${a.date}`))
        assignments.push(a);
  }
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
