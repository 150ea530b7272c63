/**
 * Time handling. The model stores Europe/Amsterdam wall-clock values as strings
 * (`2026-03-28` dates, `2026-03-28T22:00` date-times, `22:00` clock times); computation uses
 * exact instants as whole minutes since the Unix epoch ("epoch minutes"), so that every duration
 * is real elapsed time — a night across the March DST change is 1 h shorter, October 1 h longer.
 *
 * Zone rules come from the Temporal polyfill (IANA tz data via Intl), never from offset tables.
 * Wall-clock times that do not exist (the skipped hour in March) move forward, ambiguous ones
 * (the repeated hour in October) take the earlier instant: Temporal's "compatible" disambiguation,
 * the same as most planning systems and RFC 5545.
 */
import { Temporal } from 'temporal-polyfill';

export const DEFAULT_ZONE = 'Europe/Amsterdam';

/** `YYYY-MM-DD` */
export type LocalDate = string;
/** `YYYY-MM-DDTHH:MM` */
export type LocalDateTime = string;
/** `HH:MM` */
export type ClockTime = string;
/** Whole minutes since 1970-01-01T00:00Z. */
export type EpochMinutes = number;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::00)?$/;
const CLOCK_RE = /^([01]\d|2[0-4]):([0-5]\d)$/;

export class TimeFormatError extends Error {
  constructor(
    readonly value: string,
    readonly expected: string,
  ) {
    super(`"${value}" is not a valid ${expected}`);
    this.name = 'TimeFormatError';
  }
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/**
 * Conversions by their input. Rule checks and solvers convert the same few hundred dates over and
 * over (every shift, every save); a lookup is several times cheaper than parsing and validating
 * again. Cleared when full, so memory stays bounded.
 */
class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  set(key: K, value: V): V {
    if (this.map.size >= this.capacity) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}

const dayNumbers = new BoundedMemo<string, number>(50_000);
const localMinuteValues = new BoundedMemo<string, number>(50_000);
const datesByDayNumber = new BoundedMemo<number, LocalDate>(50_000);

function checkDateParts(value: string, y: number, m: number, d: number, expected: string): void {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) throw new TimeFormatError(value, expected);
}

/** Days since 1970-01-01 of a calendar date (zone-independent). */
export function dayNumber(date: LocalDate): number {
  return dayNumbers.get(date) ?? dayNumbers.set(date, parseDayNumber(date));
}

function parseDayNumber(date: LocalDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new TimeFormatError(date, 'date (YYYY-MM-DD)');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  checkDateParts(date, y, mo, d, 'date (YYYY-MM-DD)');
  return Date.UTC(y, mo - 1, d) / 86_400_000;
}

export function dateFromDayNumber(day: number): LocalDate {
  return (
    datesByDayNumber.get(day) ??
    datesByDayNumber.set(day, new Date(day * 86_400_000).toISOString().slice(0, 10))
  );
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const dow = (dayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday
  return dow === 0 ? 7 : dow;
}

export function isValidDate(date: string): boolean {
  try {
    dayNumber(date);
    return true;
  } catch {
    return false;
  }
}

/** Minutes after midnight of an `HH:MM` clock time; `24:00` is allowed as end of day. */
export function clockMinutes(clock: ClockTime): number {
  const m = CLOCK_RE.exec(clock);
  if (!m) throw new TimeFormatError(clock, 'clock time (HH:MM)');
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (minutes > 24 * 60) throw new TimeFormatError(clock, 'clock time (HH:MM)');
  return minutes;
}

export function formatClock(minutes: number): ClockTime {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Wall-clock minutes since 1970-01-01T00:00 as if the zone were UTC ("local minutes"). */
export function localMinutes(dateTime: LocalDateTime): number {
  return localMinuteValues.get(dateTime) ?? localMinuteValues.set(dateTime, parseLocalMinutes(dateTime));
}

function parseLocalMinutes(dateTime: LocalDateTime): number {
  const m = DATE_TIME_RE.exec(dateTime);
  if (!m) throw new TimeFormatError(dateTime, 'date-time (YYYY-MM-DDTHH:MM)');
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  checkDateParts(dateTime, y, mo, d, 'date-time (YYYY-MM-DDTHH:MM)');
  if (h > 23) throw new TimeFormatError(dateTime, 'date-time (YYYY-MM-DDTHH:MM)');
  return Date.UTC(y, mo - 1, d, h, mi) / 60_000;
}

/** `HH:MM` of every minute of a day, so formatting a date-time allocates one string only. */
const CLOCK_TEXTS = Array.from({ length: 1440 }, (_, m) => formatClock(m));

function formatLocalMinutes(local: number): LocalDateTime {
  if (!Number.isInteger(local)) return new Date(local * 60_000).toISOString().slice(0, 16);
  const day = Math.floor(local / 1440);
  return `${dateFromDayNumber(day)}T${CLOCK_TEXTS[local - day * 1440]}`;
}

/**
 * Offsets are constant within a wall-clock hour (transitions in Europe happen on the hour), so
 * caching them per local hour makes conversions cheap for large rosters without giving up the
 * tz database as the source of truth.
 */
class ZoneOffsets {
  private readonly byLocalHour = new Map<number, number>();
  private readonly byUtcHour = new Map<number, number>();
  constructor(readonly zone: string) {
    // Fail early on an unknown zone name.
    Temporal.Now.instant().toZonedDateTimeISO(zone);
  }

  /** Offset (minutes east of UTC) to subtract from local minutes to get the instant. */
  offsetForLocal(local: number): number {
    const hour = Math.floor(local / 60);
    let offset = this.byLocalHour.get(hour);
    if (offset === undefined) {
      const pdt = Temporal.PlainDateTime.from(formatLocalMinutes(hour * 60));
      const zdt = pdt.toZonedDateTime(this.zone, { disambiguation: 'compatible' });
      offset = hour * 60 - zdt.epochMilliseconds / 60_000;
      this.byLocalHour.set(hour, offset);
    }
    return offset;
  }

  /** Offset (minutes east of UTC) in force at an instant. */
  offsetAtInstant(epoch: number): number {
    const hour = Math.floor(epoch / 60);
    let offset = this.byUtcHour.get(hour);
    if (offset === undefined) {
      const zdt = Temporal.Instant.fromEpochMilliseconds(hour * 3_600_000).toZonedDateTimeISO(this.zone);
      offset = zdt.offsetNanoseconds / 60e9;
      this.byUtcHour.set(hour, offset);
    }
    return offset;
  }
}

const zones = new Map<string, ZoneOffsets>();
function zoneOffsets(zone: string): ZoneOffsets {
  let z = zones.get(zone);
  if (!z) {
    z = new ZoneOffsets(zone);
    zones.set(zone, z);
  }
  return z;
}

/** Exact instant of a wall-clock date-time in the zone. */
export function toEpochMinutes(dateTime: LocalDateTime, zone: string = DEFAULT_ZONE): EpochMinutes {
  const local = localMinutes(dateTime);
  return local - zoneOffsets(zone).offsetForLocal(local);
}

/** Exact instant of a clock time on a date; `minutesAfterMidnight` may exceed 24 h (next day). */
export function instantOf(
  date: LocalDate,
  minutesAfterMidnight: number,
  zone: string = DEFAULT_ZONE,
): EpochMinutes {
  const local = dayNumber(date) * 1440 + minutesAfterMidnight;
  return local - zoneOffsets(zone).offsetForLocal(local);
}

/** Wall-clock date-time of an instant in the zone. */
export function fromEpochMinutes(epoch: EpochMinutes, zone: string = DEFAULT_ZONE): LocalDateTime {
  return formatLocalMinutes(epoch + zoneOffsets(zone).offsetAtInstant(epoch));
}

/** Wall-clock minutes (see localMinutes) of an instant in the zone. */
export function localMinutesOfInstant(epoch: EpochMinutes, zone: string = DEFAULT_ZONE): number {
  return epoch + zoneOffsets(zone).offsetAtInstant(epoch);
}

/** Offset from UTC in minutes at an instant (60 in winter, 120 in summer for Amsterdam). */
export function utcOffsetAt(epoch: EpochMinutes, zone: string = DEFAULT_ZONE): number {
  return zoneOffsets(zone).offsetAtInstant(epoch);
}

/** Instant of local midnight at the start of a date. */
export function startOfDay(date: LocalDate, zone: string = DEFAULT_ZONE): EpochMinutes {
  return instantOf(date, 0, zone);
}

/** Real length of a calendar day in minutes: 1380 on the March change, 1500 on the October one. */
export function dayLengthMinutes(date: LocalDate, zone: string = DEFAULT_ZONE): number {
  return startOfDay(addDays(date, 1), zone) - startOfDay(date, zone);
}

/** Monday of the ISO week that contains the date. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO 8601 week as `2026-W13`. */
export function isoWeek(date: LocalDate): string {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every date from `from` to `to` inclusive. */
export function datesBetween(from: LocalDate, to: LocalDate): LocalDate[] {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const out: LocalDate[] = [];
  for (let d = a; d <= b; d++) out.push(dateFromDayNumber(d));
  return out;
}
