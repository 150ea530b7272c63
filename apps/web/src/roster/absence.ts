/** Absence on the grid: a kind per cell (never a cause), shown as a short code. */
import { dayNumber } from '../dates.ts';
import type { GridModel } from './grid-model.ts';

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
