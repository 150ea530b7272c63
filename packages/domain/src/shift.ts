/** Shift instants: where wall-clock shift definitions meet exact time. */
import type { ShiftType } from './model.ts';
import { clockMinutes, instantOf, type EpochMinutes, type LocalDate } from './time.ts';

export interface ShiftInterval {
  /** Exact start and end (epoch minutes); end − start is the real elapsed time. */
  start: EpochMinutes;
  end: EpochMinutes;
  breakMinutes: number;
}

/** Whether a shift type crosses midnight (its end clock time is at or before its start). */
export function crossesMidnight(shift: Pick<ShiftType, 'start' | 'end'>): boolean {
  return clockMinutes(shift.end) <= clockMinutes(shift.start);
}

/**
 * The exact interval of a shift worked on `date` (the day it starts). A night shift
 * 22:00–07:00 on 2026-03-28 lasts 8 h (clocks go forward), on 2026-10-24 10 h.
 */
export function shiftInterval(
  date: LocalDate,
  shift: Pick<ShiftType, 'start' | 'end' | 'breakMinutes'>,
  zone?: string,
): ShiftInterval {
  const s = clockMinutes(shift.start);
  let e = clockMinutes(shift.end);
  if (e <= s) e += 1440;
  return { start: instantOf(date, s, zone), end: instantOf(date, e, zone), breakMinutes: shift.breakMinutes };
}

/** Paid (worked) minutes: elapsed time less the unpaid break. */
export function workedMinutes(interval: ShiftInterval): number {
  return Math.max(0, interval.end - interval.start - interval.breakMinutes);
}

/**
 * Whether an absence (epoch minutes, end exclusive) keeps an employee from a shift: it meets the
 * shift itself or the shift's calendar day. One reading for the optimiser, which never plans
 * such a cell, and the roster check, which flags such a shift as needing cover.
 */
export function absenceBlocksShift(
  absence: { start: number; end: number },
  day: { start: number; end: number },
  shift: { start: number; end: number },
): boolean {
  return (
    (absence.start < day.end && absence.end > day.start) ||
    (absence.start < shift.end && absence.end > shift.start)
  );
}
