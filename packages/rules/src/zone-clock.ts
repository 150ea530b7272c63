/**
 * Fast wall-clock arithmetic for the evaluator. The domain's time functions are the source of
 * truth (Temporal + IANA data); this class asks them once per year for the UTC offset transitions
 * and afterwards answers "what does the clock show at instant t" and "which instant is local
 * midnight / 06:00 / 02:00 of day d" with a couple of comparisons — no strings, no allocation —
 * so that building 1,000 timelines or scoring a solver move stays cheap.
 *
 * "Local minutes" are wall-clock minutes since 1970-01-01T00:00 as if the zone were UTC (the same
 * convention as `localMinutes` in @planmaat/domain); "local day" = floor(local minutes / 1440).
 */
import { DEFAULT_ZONE, utcOffsetAt } from '@planmaat/domain';

const MINUTES_PER_DAY = 1440;

export class ZoneClock {
  /** Transition instants (epoch minutes) in ascending order; offsets[i] holds from transitions[i]. */
  private transitions: number[] = [];
  private offsets: number[] = [];
  private firstYear = 0;
  private lastYear = -1;
  private baseOffset = 0;

  constructor(readonly zone: string = DEFAULT_ZONE) {}

  // The interval between two transitions that the last lookup fell in (most lookups repeat it).
  private hitFrom = 0;
  private hitTo = -1;
  private hitOffset = 0;

  /** UTC offset in minutes in force at an instant. */
  offsetAt(epoch: number): number {
    if (epoch >= this.hitFrom && epoch < this.hitTo) return this.hitOffset;
    this.cover(epoch);
    const t = this.transitions;
    // Few transitions per year: binary search over a short array.
    let lo = 0;
    let hi = t.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid] <= epoch) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const offset = found < 0 ? this.baseOffset : this.offsets[found];
    // Cache the interval only inside the covered years (cover() may extend the table later).
    const coveredFrom = Date.UTC(this.firstYear, 0, 1) / 60_000;
    const coveredTo = Date.UTC(this.lastYear + 1, 0, 1) / 60_000;
    this.hitFrom = Math.max(found < 0 ? -Infinity : t[found], coveredFrom);
    this.hitTo = Math.min(found + 1 < t.length ? t[found + 1] : Infinity, coveredTo);
    this.hitOffset = offset;
    return offset;
  }

  /** Wall-clock minutes of an instant. */
  local(epoch: number): number {
    return epoch + this.offsetAt(epoch);
  }

  /** Local day number (days since 1970-01-01 on the wall clock) of an instant. */
  localDay(epoch: number): number {
    return Math.floor(this.local(epoch) / MINUTES_PER_DAY);
  }

  /**
   * Instant of a wall-clock time, with Temporal's "compatible" disambiguation like the domain:
   * a skipped time (March) moves forward, a repeated time (October) takes the earlier instant.
   */
  instant(local: number): number {
    // Fast path: more than a day from any transition the offset is unambiguous.
    const o = this.offsetAt(local - this.hitOffset);
    const t = local - o;
    if (t - this.hitFrom > MINUTES_PER_DAY && this.hitTo - t > MINUTES_PER_DAY) return t;
    const before = this.offsetAt(local - MINUTES_PER_DAY - 180);
    const after = this.offsetAt(local + MINUTES_PER_DAY);
    const beforeValid = this.offsetAt(local - before) === before;
    const afterValid = this.offsetAt(local - after) === after;
    if (beforeValid && afterValid) return local - Math.max(before, after);
    if (beforeValid) return local - before;
    if (afterValid) return local - after;
    return local - before; // in the gap: the offset before the change moves the time forward
  }

  /** Instant of local midnight that starts local day `day`. */
  dayStart(day: number): number {
    return this.instant(day * MINUTES_PER_DAY);
  }

  /** Instant of wall-clock minute `minuteOfDay` on local day `day`. */
  at(day: number, minuteOfDay: number): number {
    return this.instant(day * MINUTES_PER_DAY + minuteOfDay);
  }

  private cover(epoch: number): void {
    const year = 1970 + Math.floor(epoch / 525_960); // approximate; we cover a margin of a year
    if (year - 1 >= this.firstYear && year + 1 <= this.lastYear) return;
    if (this.lastYear < this.firstYear) {
      this.firstYear = year - 1;
      this.lastYear = year - 2;
      this.baseOffset = utcOffsetAt(Date.UTC(year - 1, 0, 1) / 60_000, this.zone);
    }
    while (year - 1 < this.firstYear) this.prependYear();
    while (year + 1 > this.lastYear) this.appendYear();
  }

  /** Transitions inside [from, to), found by sampling monthly and bisecting on whole hours. */
  private scan(from: number, to: number): { at: number[]; off: number[] } {
    const at: number[] = [];
    const off: number[] = [];
    const step = 28 * MINUTES_PER_DAY;
    let prevT = from;
    let prevOff = utcOffsetAt(from, this.zone);
    for (let t = from + step; ; t += step) {
      const cur = Math.min(t, to);
      const curOff = utcOffsetAt(cur, this.zone);
      if (curOff !== prevOff) {
        // Bisect on hours: the first hour whose offset equals curOff.
        let lo = Math.floor(prevT / 60);
        let hi = Math.floor(cur / 60);
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          if (utcOffsetAt(mid * 60, this.zone) === prevOff) lo = mid;
          else hi = mid;
        }
        at.push(hi * 60);
        off.push(curOff);
      }
      prevT = cur;
      prevOff = curOff;
      if (cur >= to) break;
    }
    return { at, off };
  }

  private yearStart(year: number): number {
    return Date.UTC(year, 0, 1) / 60_000;
  }

  private appendYear(): void {
    const year = this.lastYear + 1;
    const { at, off } = this.scan(this.yearStart(year), this.yearStart(year + 1));
    this.transitions.push(...at);
    this.offsets.push(...off);
    this.lastYear = year;
  }

  private prependYear(): void {
    const year = this.firstYear - 1;
    const { at, off } = this.scan(this.yearStart(year), this.yearStart(year + 1));
    this.baseOffset = utcOffsetAt(this.yearStart(year), this.zone);
    this.transitions.unshift(...at);
    this.offsets.unshift(...off);
    this.firstYear = year;
  }
}

/** One shared clock for Europe/Amsterdam. */
export const amsterdamClock = new ZoneClock();

export const DAY = MINUTES_PER_DAY;
export const WEEK = 7 * MINUTES_PER_DAY;

/** Monday-based week index of a local day (1970-01-01 was a Thursday; week 0 starts 1969-12-29). */
export function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** First local day (a Monday) of a week index. */
export function mondayOfWeek(week: number): number {
  return week * 7 - 3;
}
