/** Carers' route shifts for home-care days, derived from the home-care teams' published roster. */
import {
  type Assignment,
  type CarerShift,
  type Employee,
  type Location,
  type ShiftType,
  type Team,
} from '@planmaat/domain';

export interface CarerShiftInput {
  assignments: Assignment[];
  employees: Employee[];
  shiftTypes: ShiftType[];
  teams: Team[];
  locations: Location[];
}

export function carerShiftsFromRoster(input: CarerShiftInput): CarerShift[] {
  const employee = new Map(input.employees.map((e) => [e.id, e]));
  const shift = new Map(input.shiftTypes.map((s) => [s.id, s]));
  const team = new Map(input.teams.map((t) => [t.id, t]));
  const location = new Map(input.locations.map((l) => [l.id, l]));
  const out: CarerShift[] = [];
  for (const a of input.assignments) {
    const e = employee.get(a.employeeId)!;
    const t = team.get(e.teamIds[0])!;
    if (t.kind !== 'home-care') continue;
    const s = shift.get(a.shiftTypeId)!;
    const office = location.get(t.locationId)!.point;
    // Carers start from home by car or bike and end at home; the district office is the fallback.
    const home = e.home ?? office;
    const carerShift: CarerShift = {
      employeeId: e.id,
      date: a.date,
      start: s.start,
      end: s.end,
      startPoint: home,
      endPoint: home,
    };
    if (s.breakMinutes > 0)
      carerShift.breakWindow = { start: '11:30', end: '13:30', minutes: s.breakMinutes };
    out.push(carerShift);
  }
  return out.sort((x, y) =>
    x.date === y.date ? x.employeeId.localeCompare(y.employeeId) : x.date.localeCompare(y.date),
  );
}
