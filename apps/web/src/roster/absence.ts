/**
 * Absence on the grid: a kind per cell (never a cause), shown as a short code; and the planner's
 * sick call: the form's checks, the shifts that fall open and the days to re-plan.
 */
import { addDays, dateOfDayNumber, dayNumber } from '../dates.ts';
import { EMPTY, type GridModel } from './grid-model.ts';

export const ABSENCE_CODES = ['', 'VL', 'ZK', 'NB', 'SC', 'OV'] as const;
export const ABSENCE_KIND_INDEX: Record<string, number> = {
  leave: 1,
  sick: 2,
  unavailable: 3,
  training: 4,
  'parental-leave': 5,
};

export interface AbsencePeriod {
  employeeId: string;
  kind: string;
  /** Local date-times `YYYY-MM-DDTHH:MM`. */
  start: string;
  end: string;
}

/** Absence kind per grid cell: a day counts when the absence covers any part of it. */
export function absenceGrid(model: GridModel, absences: AbsencePeriod[]): Uint8Array {
  const days = model.dates.length;
  const out = new Uint8Array(model.employees.length * days);
  if (days === 0) return out;
  const first = dayNumber(model.dates[0]!);
  for (const a of absences) {
    const row = model.rowOf.get(a.employeeId);
    if (row === undefined) continue;
    const startDay = dayNumber(a.start.slice(0, 10));
    // An absence ending at 00:00 does not cover that day.
    const endDay = dayNumber(a.end.slice(0, 10)) - (a.end.slice(11) === '00:00' ? 1 : 0);
    for (let d = Math.max(startDay, first); d <= Math.min(endDay, first + days - 1); d++)
      out[row * days + (d - first)] = ABSENCE_KIND_INDEX[a.kind] ?? 3;
  }
  return out;
}

/** Whether an absence covers (part of) a day; an end at 00:00 leaves that day free. */
export function absenceCovers(a: Pick<AbsencePeriod, 'start' | 'end'>, date: string): boolean {
  const day = dayNumber(date);
  const endDay = dayNumber(a.end.slice(0, 10)) - (a.end.slice(11) === '00:00' ? 1 : 0);
  return dayNumber(a.start.slice(0, 10)) <= day && day <= endDay;
}

/** The kinds a planner can register, most frequent first (the API's `absenceKind`). */
export const ABSENCE_KINDS = ['sick', 'leave', 'unavailable', 'training', 'parental-leave'] as const;
export type AbsenceKindName = (typeof ABSENCE_KINDS)[number];

export interface StoredAbsence extends AbsencePeriod {
  id: string;
}

/** Whole days `from` … `to` (inclusive) as an absence period: the end is 00:00 of the day after. */
export function wholeDays(from: string, to: string): { start: string; end: string } {
  return { start: `${from}T00:00`, end: `${addDays(to, 1)}T00:00` };
}

/** First and last day an absence covers (an end at 00:00 leaves that day free). */
export function absenceDays(a: Pick<AbsencePeriod, 'start' | 'end'>): { first: string; last: string } {
  const endDay = a.end.slice(0, 10);
  return { first: a.start.slice(0, 10), last: a.end.slice(11) === '00:00' ? addDays(endDay, -1) : endDay };
}

/** The employee's absence on that day (the one starting last when several overlap). */
export function absenceOn<T extends AbsencePeriod>(
  absences: readonly T[],
  employeeId: string,
  date: string,
): T | undefined {
  let found: T | undefined;
  for (const a of absences)
    if (a.employeeId === employeeId && absenceCovers(a, date) && (!found || a.start > found.start)) found = a;
  return found;
}

/** The employee's shifts in the grid on days the absence covers: they fall open and need cover. */
export function shiftsFallingOpen(
  model: GridModel,
  absence: AbsencePeriod,
): Array<{ date: string; shiftTypeId: string }> {
  const row = model.rowOf.get(absence.employeeId);
  if (row === undefined) return [];
  const days = model.dates.length;
  const out: Array<{ date: string; shiftTypeId: string }> = [];
  model.dates.forEach((date, col) => {
    const s = model.cells[row * days + col]!;
    if (s !== EMPTY && absenceCovers(absence, date)) out.push({ date, shiftTypeId: model.shiftTypes[s]!.id });
  });
  return out;
}

/** The days to re-plan: from the first to the last shift that fell open; null when none did. */
export function replanWindow(open: ReadonlyArray<{ date: string }>): { from: string; to: string } | null {
  if (open.length === 0) return null;
  const dates = open.map((o) => o.date).sort();
  return { from: dates[0]!, to: dates[dates.length - 1]! };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A real calendar date `YYYY-MM-DD` (not 2027-02-30). */
export function isDate(value: string): boolean {
  return DATE.test(value) && dateOfDayNumber(dayNumber(value)) === value;
}

/** Longest absence registered at once (a longer one is almost certainly a typing error). */
export const MAX_ABSENCE_DAYS = 366;

export interface AbsenceForm {
  employeeId: string;
  kind: string;
  /** First and last day, inclusive. */
  from: string;
  to: string;
}

/** What is wrong with the form, per field, as i18n keys (empty when it can be sent). */
export function absenceFormErrors(form: AbsenceForm): Array<{ field: keyof AbsenceForm; key: string }> {
  const errors: Array<{ field: keyof AbsenceForm; key: string }> = [];
  if (!form.employeeId) errors.push({ field: 'employeeId', key: 'absence.errorEmployee' });
  if (!(ABSENCE_KINDS as readonly string[]).includes(form.kind))
    errors.push({ field: 'kind', key: 'absence.errorKind' });
  const fromOk = isDate(form.from);
  const toOk = isDate(form.to);
  if (!fromOk) errors.push({ field: 'from', key: 'absence.errorFrom' });
  if (!toOk) errors.push({ field: 'to', key: 'absence.errorTo' });
  if (fromOk && toOk) {
    if (form.to < form.from) errors.push({ field: 'to', key: 'absence.errorOrder' });
    else if (dayNumber(form.to) - dayNumber(form.from) + 1 > MAX_ABSENCE_DAYS)
      errors.push({ field: 'to', key: 'absence.errorTooLong' });
  }
  return errors;
}

/**
 * A recovery ("hersteld per" a day): the employee works again from that day, so the absence ends
 * at 00:00 of it. The day must come after the absence's first day. Returns an i18n key or null.
 */
export function recoveryError(absence: Pick<AbsencePeriod, 'start'>, date: string): string | null {
  if (!isDate(date)) return 'absence.errorRecoveryDate';
  if (date <= absence.start.slice(0, 10)) return 'absence.errorRecoveryOrder';
  return null;
}

/** A new absence id (the API takes the client's id); unique enough without crypto.randomUUID (http). */
export function newAbsenceId(kind: string, employeeId: string, now = Date.now()): string {
  return `${kind}-${employeeId}-${now.toString(36)}${Math.random().toString(36).slice(2, 6)}`.slice(0, 100);
}
