/**
 * A leave period in words. Periods are stored like absences: wall-clock start and an exclusive
 * end, so whole days end at 00:00 of the day after the last day.
 */
import { addDays, formatListDate } from '../dates.ts';

export interface PeriodParts {
  firstDay: string;
  lastDay: string;
  /** `HH:MM` when the period starts or ends within a day. */
  startTime?: string;
  endTime?: string;
}

export function periodParts(start: string, end: string): PeriodParts {
  const startTime = start.slice(11, 16);
  const endTime = end.slice(11, 16);
  const wholeEnd = endTime === '00:00';
  return {
    firstDay: start.slice(0, 10),
    lastDay: wholeEnd ? addDays(end.slice(0, 10), -1) : end.slice(0, 10),
    ...(startTime !== '00:00' ? { startTime } : {}),
    ...(!wholeEnd ? { endTime } : {}),
  };
}

/**
 * "ma 7 jun – vr 11 jun", "ma 21 jun 13:00–17:00" or "ma 7 jun 13:00 – di 8 jun"; a day outside
 * the current year (of `today`) shows its year.
 */
export function describePeriod(start: string, end: string, lang: string, today?: string): string {
  const p = periodParts(start, end);
  const day = (d: string) => formatListDate(d, lang, today);
  if (p.firstDay === p.lastDay) {
    if (!p.startTime && !p.endTime) return day(p.firstDay);
    return `${day(p.firstDay)} ${p.startTime ?? '00:00'}–${p.endTime ?? '24:00'}`;
  }
  const from = p.startTime ? `${day(p.firstDay)} ${p.startTime}` : day(p.firstDay);
  const to = p.endTime ? `${day(p.lastDay)} ${p.endTime}` : day(p.lastDay);
  return `${from} – ${to}`;
}
