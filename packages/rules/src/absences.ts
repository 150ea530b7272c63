/**
 * Absences as rule-engine blocks. Leave and sick hours count as worked time for the ATW maxima
 * and averages (ATW 5:2), so a roster check has to see them. An absence is split per calendar day:
 * a whole day counts its share of the contract hours (or of `countedHours` when recorded) as one
 * block from 08:00; a part of a day keeps its own start and counts at most its length. The same
 * reading as the roster optimiser's model (packages/roster care/compile.ts).
 */
import { addDays, fromEpochMinutes, toEpochMinutes } from '@planmaat/domain';
import type { ShiftInput, ShiftKind } from './types.ts';

export interface AbsencePeriod {
  employeeId: string;
  /** leave, sick, unavailable, training, parental-leave */
  kind: string;
  /** Local date-times `YYYY-MM-DDTHH:MM` (end exclusive). */
  start: string;
  end: string;
  /** Hours that count for the whole absence; default: contract hours pro rata per day. */
  countedHours?: number;
}

/** A day at least this long counts as a whole day (a DST day has 23 or 25 hours). */
const WHOLE_DAY_MINUTES = 23 * 60;

/** The rule kind an absence counts as; `unavailable` is not working time and counts as nothing. */
export function absenceRuleKind(kind: string): ShiftKind | null {
  if (kind === 'sick') return 'sick';
  if (kind === 'unavailable') return null;
  return 'leave';
}

/** The counted blocks of one absence, one per calendar day it touches. */
export function absenceShifts(
  absence: AbsencePeriod,
  contractHoursPerWeek: number,
  zone: string,
): ShiftInput[] {
  const kind = absenceRuleKind(absence.kind);
  if (kind === null) return [];
  const start = toEpochMinutes(absence.start, zone);
  const end = toEpochMinutes(absence.end, zone);
  const days: Array<{ from: number; to: number; date: string }> = [];
  for (let date = fromEpochMinutes(start, zone).slice(0, 10); ; date = addDays(date, 1)) {
    const dayStart = toEpochMinutes(`${date}T00:00`, zone);
    if (dayStart >= end) break;
    const dayEnd = toEpochMinutes(`${addDays(date, 1)}T00:00`, zone);
    const from = Math.max(dayStart, start);
    const to = Math.min(dayEnd, end);
    if (to > from) days.push({ from, to, date });
  }
  const perDay =
    absence.countedHours !== undefined
      ? (absence.countedHours * 60) / Math.max(1, days.length)
      : (contractHoursPerWeek * 60) / 7;
  const out: ShiftInput[] = [];
  for (const day of days) {
    const wholeDay = day.to - day.from >= WHOLE_DAY_MINUTES;
    const minutes = Math.round(wholeDay ? perDay : Math.min(perDay, day.to - day.from));
    if (minutes <= 0) continue;
    const blockStart = wholeDay ? toEpochMinutes(`${day.date}T08:00`, zone) : day.from;
    out.push({
      employee: absence.employeeId,
      start: blockStart,
      end: blockStart + minutes,
      breakMinutes: 0,
      kind,
    });
  }
  return out;
}

/**
 * Absence blocks that may join the given work blocks: the engine needs counted blocks that do not
 * overlap, and a day that was worked counts as work, not as absence (the first absence wins
 * where two overlap).
 */
export function absenceShiftsBeside(
  work: readonly ShiftInput[],
  absence: readonly ShiftInput[],
): ShiftInput[] {
  const taken = work
    .filter((s) => s.kind !== 'on-call-home')
    .map((s) => ({ employee: s.employee, start: s.start, end: s.end }));
  const out: ShiftInput[] = [];
  for (const block of [...absence].sort((a, b) => a.start - b.start)) {
    const clash = taken.some(
      (t) => t.employee === block.employee && t.start < block.end && t.end > block.start,
    );
    if (clash) continue;
    out.push(block);
    taken.push({ employee: block.employee, start: block.start, end: block.end });
  }
  return out;
}
