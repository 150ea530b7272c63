/** Between the typed-array cells of a care model and the domain's assignments. */
import { InputError, type Assignment, type OrganisationData } from '@planmaat/domain';
import { OFF, type CareModel } from './compile.ts';

/** Cells from a list of assignments of the period (others are ignored). */
export function cellsFromAssignments(m: CareModel, assignments: readonly Assignment[]): Int8Array {
  const cells = new Int8Array(m.E * m.D).fill(OFF);
  const emp = new Map(m.employees.map((e, i) => [e.id, i]));
  const shift = new Map(m.shiftTypes.map((s, i) => [s.id, i]));
  const day = new Map(m.dates.map((d, i) => [d, i]));
  assignments.forEach((a, i) => {
    const e = emp.get(a.employeeId);
    const d = day.get(a.date);
    if (e === undefined || d === undefined) return;
    const s = shift.get(a.shiftTypeId);
    if (s === undefined)
      throw new InputError(`shift type "${a.shiftTypeId}" is not used in this period`, `assignments[${i}]`);
    cells[e * m.D + d] = s;
  });
  return cells;
}

export function assignmentsFromCells(m: CareModel, cells: ArrayLike<number>): Assignment[] {
  const out: Assignment[] = [];
  for (let e = 0; e < m.E; e++)
    for (let d = 0; d < m.D; d++) {
      const s = cells[e * m.D + d];
      if (s === OFF) continue;
      out.push({
        rosterPeriodId: m.period.id,
        employeeId: m.employees[e].id,
        date: m.dates[d],
        shiftTypeId: m.shiftTypes[s].id,
        pinned: m.pinned[e * m.D + d] === 1,
      });
    }
  return out;
}

/** The part of an organisation one team's roster needs (keeps worker messages small). */
export function teamSlice(data: OrganisationData, periodId: string): OrganisationData {
  const period = data.rosterPeriods.find((p) => p.id === periodId);
  if (!period) throw new InputError(`unknown roster period "${periodId}"`, 'periodId');
  const employees = data.employees.filter((e) => e.teamIds.includes(period.teamId));
  const ids = new Set(employees.map((e) => e.id));
  return {
    organisation: data.organisation,
    locations: [],
    teams: data.teams.filter((t) => t.id === period.teamId),
    employees,
    shiftTypes: data.shiftTypes,
    demand: data.demand.filter((d) => d.teamId === period.teamId),
    absences: data.absences.filter((a) => ids.has(a.employeeId)),
    wishes: data.wishes.filter((w) => ids.has(w.employeeId)),
    rosterPeriods: data.rosterPeriods.filter((p) => p.id === periodId),
    assignments: data.assignments.filter((a) => ids.has(a.employeeId)),
    clients: [],
    visits: [],
    carerShifts: [],
  };
}
