/**
 * A proposal compared with the current roster: what changes per person, and what it does to
 * hours against contract, nights and weekend days. Also used to choose whom to accept it for.
 */
import { isWeekend, shiftMinutes } from '../dates.ts';
import { EMPTY, type GridModel, type GridShiftType } from '../roster/grid-model.ts';

export interface CellDiff {
  date: string;
  from: string | null;
  to: string | null;
}

export interface PersonDiff {
  employeeId: string;
  name: string;
  changes: CellDiff[];
  contractMinutes: number;
  minutesBefore: number;
  minutesAfter: number;
  nightsBefore: number;
  nightsAfter: number;
  weekendDaysBefore: number;
  weekendDaysAfter: number;
}

export interface ProposalDiff {
  people: PersonDiff[];
  changedCells: number;
  /** Assignments in the proposal for employees or dates outside the grid (ignored). */
  ignored: number;
}

interface Tally {
  minutes: number;
  nights: number;
  weekendDays: number;
}

function tally(shift: GridShiftType | undefined, date: string, into: Tally): void {
  if (!shift) return;
  into.minutes += shiftMinutes(shift);
  if (shift.category === 'night') into.nights++;
  if (isWeekend(date)) into.weekendDays++;
}

/** The grid's cells as the proposal would leave them (see diffProposal for `window`). */
export function proposedCells(
  model: GridModel,
  proposed: Array<{ employeeId: string; date: string; shiftTypeId: string }>,
  window?: { from: string; to: string },
): { cells: Int16Array; ignored: number } {
  const days = model.dates.length;
  const next = model.cells.slice();
  const inWindow = (date: string) => !window || (date >= window.from && date <= window.to);
  for (let col = 0; col < days; col++) {
    if (!inWindow(model.dates[col]!)) continue;
    for (let row = 0; row < model.employees.length; row++) next[row * days + col] = EMPTY;
  }
  let ignored = 0;
  for (const a of proposed) {
    const row = model.rowOf.get(a.employeeId);
    const col = model.colOf.get(a.date);
    const shift = model.shiftIndexOf.get(a.shiftTypeId);
    if (row === undefined || col === undefined || shift === undefined || !inWindow(a.date)) {
      ignored++;
      continue;
    }
    next[row * days + col] = shift;
  }
  return { cells: next, ignored };
}

/**
 * `proposed` is the full roster of the proposal for the dates it covers (`window`, default the
 * whole grid): a cell inside the window that the proposal leaves out becomes empty.
 */
export function diffProposal(
  model: GridModel,
  proposed: Array<{ employeeId: string; date: string; shiftTypeId: string }>,
  window?: { from: string; to: string },
): ProposalDiff {
  const days = model.dates.length;
  const { cells: next, ignored } = proposedCells(model, proposed, window);
  const people: PersonDiff[] = [];
  let changedCells = 0;
  for (let row = 0; row < model.employees.length; row++) {
    const employee = model.employees[row]!;
    const before: Tally = { minutes: 0, nights: 0, weekendDays: 0 };
    const after: Tally = { minutes: 0, nights: 0, weekendDays: 0 };
    const changes: CellDiff[] = [];
    for (let col = 0; col < days; col++) {
      const i = row * days + col;
      const date = model.dates[col]!;
      const was = model.cells[i]!;
      const will = next[i]!;
      tally(was === EMPTY ? undefined : model.shiftTypes[was], date, before);
      tally(will === EMPTY ? undefined : model.shiftTypes[will], date, after);
      if (was !== will)
        changes.push({
          date,
          from: was === EMPTY ? null : model.shiftTypes[was]!.id,
          to: will === EMPTY ? null : model.shiftTypes[will]!.id,
        });
    }
    if (changes.length === 0) continue;
    changedCells += changes.length;
    people.push({
      employeeId: employee.id,
      name: employee.name,
      changes,
      contractMinutes: Math.round((employee.contractHoursPerWeek * 60 * days) / 7),
      minutesBefore: before.minutes,
      minutesAfter: after.minutes,
      nightsBefore: before.nights,
      nightsAfter: after.nights,
      weekendDaysBefore: before.weekendDays,
      weekendDaysAfter: after.weekendDays,
    });
  }
  people.sort((a, b) => b.changes.length - a.changes.length || a.name.localeCompare(b.name));
  return { people, changedCells, ignored };
}

/**
 * The chosen people who still have changes in the proposal, in the table's order: what a per-person
 * accept sends to the server (`POST /api/proposals/{id}/accept` with `employeeIds`). People taken
 * over earlier no longer differ and drop out.
 */
export function chosenWithChanges(diff: ProposalDiff, employeeIds: Iterable<string>): string[] {
  const chosen = new Set(employeeIds);
  return diff.people.filter((p) => chosen.has(p.employeeId)).map((p) => p.employeeId);
}

/** Distance to contract in minutes (positive: over contract). */
export function contractDeviation(minutes: number, contractMinutes: number): number {
  return minutes - contractMinutes;
}
