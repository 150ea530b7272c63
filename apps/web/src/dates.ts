/**
 * Calendar arithmetic on local dates (`YYYY-MM-DD`), independent of the browser's time zone:
 * a date is a day number since 1970-01-01, computed in UTC.
 */
const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.round(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS);
}

export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return d === 0 ? 7 : d;
}

export function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}

export function datesOf(start: string, count: number): string[] {
  const first = dayNumber(start);
  return Array.from({ length: count }, (_, i) => dateOfDayNumber(first + i));
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO week number. */
export function isoWeekNumber(date: string): number {
  const thursday = dayNumber(date) + 4 - isoWeekday(date);
  const yearStart = dayNumber(`${dateOfDayNumber(thursday).slice(0, 4)}-01-01`);
  return Math.floor((thursday - yearStart) / 7) + 1;
}

/** Minutes since midnight of a clock time `HH:MM`. */
export function clockMinutes(clock: string): number {
  return +clock.slice(0, 2) * 60 + +clock.slice(3, 5);
}

export function formatClock(minutes: number): string {
  const m = ((Math.round(minutes) % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** Paid minutes of a shift (crossing midnight when the end is at or before the start). */
export function shiftMinutes(shift: { start: string; end: string; breakMinutes?: number }): number {
  let span = clockMinutes(shift.end) - clockMinutes(shift.start);
  if (span <= 0) span += 1440;
  return span - (shift.breakMinutes ?? 0);
}

export function todayLocal(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Locale-aware date text, e.g. "ma 4 jan" (nl) or "Mon 4 Jan" (en). */
export function formatDate(
  date: string,
  locale: string,
  style: 'short' | 'weekday' | 'long' | 'year' = 'short',
): string {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'short'
        ? { day: 'numeric', month: 'short', timeZone: 'UTC' }
        : style === 'year'
          ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
          : style === 'weekday'
            ? { weekday: 'short', timeZone: 'UTC' }
            : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', options);
    formatters.set(key, f);
  }
  return f.format(new Date(dayNumber(date) * DAY_MS));
}

/**
 * A day in a list: "ma 7 jun", with the year when it is not the current one ("ma 7 jun 2027"), so
 * an old or far-ahead entry is not mistaken for one of this year.
 */
export function formatListDate(date: string, locale: string, today: string = todayLocal()): string {
  const sameYear = date.slice(0, 4) === today.slice(0, 4);
  return `${formatDate(date, locale, 'weekday')} ${formatDate(date, locale, sameYear ? 'short' : 'year')}`;
}
