/**
 * One employee's shifts as typed arrays, with everything the rules derive from them: diensten
 * (work between rests of ≥ 8 h, ATW 1:7 c), night classification (> 60 worked minutes in local
 * 00:00–06:00, ATW 1:7 d), and per-calendar-week aggregates (Monday 00:00 – Monday 00:00 local).
 *
 * Buffers grow but are reused across rebuilds, so a solver can rebuild or re-score a timeline
 * without allocating. Instants are epoch minutes; durations are real elapsed minutes.
 *
 * Break placement: the CSV only gives the unpaid minutes of a block, not where they fall. The
 * break is assumed to lie in the middle of the block; this decides which minutes count for the
 * night window, a week boundary or a Sunday. Exact break positions can be given by splitting the
 * block in two rows: the gap between them is then a pause.
 */
import {
  KIND,
  MASK_COUNTED,
  MASK_DIENST,
  MASK_ON_CALL,
  MASK_ON_CALL_HOME,
  type ShiftInput,
} from './types.ts';
import { amsterdamClock, DAY, mondayOfWeek, weekOfDay, type ZoneClock } from './zone-clock.ts';

/** A dienst ends at a rest of at least 8 h (ATW 1:7 lid 1 c). */
export const DIENST_SEPARATOR_MINUTES = 480;
/** Night window and threshold (ATW 1:7 lid 1 d). */
export const NIGHT_WINDOW_END_MINUTE = 360;
export const NIGHT_MIN_WORK_EXCLUSIVE = 60;
export const NIGHT_LATE_END_MINUTE = 120;

export const D_NIGHT = 1;
/** Night dienst that ends after 02:00 (ATW 5:8 lid 4, lid 8). */
export const D_AFTER_0200 = 2;
/** Contains an aanwezigheidsdienst (on-call at the workplace): ATB 4.8 regime, not 5:7 lid 2 / 5:8. */
export const D_SITE = 4;
/** The employee is younger than 18 at the start of the dienst. */
export const D_MINOR = 8;
/** "After 02:00" only because of the repeated hour in the October night (counted conservatively). */
export const D_AMBIGUOUS_END = 16;

/** Week flags for Sunday and weekend work. */
export const W_SUNDAY_SAME_DAY = 1;
export const W_SUNDAY_FROM_SATURDAY = 2;

function grow(a: Int32Array, n: number): Int32Array {
  if (a.length >= n) return a;
  const b = new Int32Array(Math.max(n, a.length * 2, 16));
  b.set(a);
  return b;
}
function growU8(a: Uint8Array, n: number): Uint8Array {
  if (a.length >= n) return a;
  const b = new Uint8Array(Math.max(n, a.length * 2, 16));
  b.set(a);
  return b;
}
function growF64(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, a.length * 2, 16));
  b.set(a);
  return b;
}

/** Worked minutes of a block inside [from, to): elapsed overlap minus the (centred) break overlap. */
export function workMinutesIn(start: number, end: number, brk: number, from: number, to: number): number {
  const a = start > from ? start : from;
  const b = end < to ? end : to;
  if (b <= a) return 0;
  let minutes = b - a;
  if (brk > 0) {
    const bs = start + Math.floor((end - start - brk) / 2);
    const be = bs + brk;
    const c = bs > a ? bs : a;
    const d = be < b ? be : b;
    if (d > c) minutes -= d - c;
  }
  return minutes;
}

/** Staging buffers for loadShifts (copied into the timeline's own arrays by load). */
const loadScratch: { start: Int32Array; end: Int32Array; brk: Int32Array; kind: Uint8Array } = {
  start: new Int32Array(0),
  end: new Int32Array(0),
  brk: new Int32Array(0),
  kind: new Uint8Array(0),
};

export class Timeline {
  readonly clock: ZoneClock;
  employee = '';
  /** Local day numbers of the 18th birthday (minor before it); -Infinity when unknown (adult). */
  adultFromDay = -Infinity;

  // Blocks (all kinds), sorted by start.
  n = 0;
  bStart: Int32Array = new Int32Array(0);
  bEnd: Int32Array = new Int32Array(0);
  bBreak: Int32Array = new Int32Array(0);
  bKind: Uint8Array = new Uint8Array(0);
  /** Caller's reference for each block (index into its own shift list). */
  bRef: Int32Array = new Int32Array(0);

  // Diensten.
  nd = 0;
  dStart: Int32Array = new Int32Array(0);
  dEnd: Int32Array = new Int32Array(0);
  dWork: Int32Array = new Int32Array(0);
  dNightMinutes: Int32Array = new Int32Array(0);
  dFlags: Uint8Array = new Uint8Array(0);
  /** Local day of the night window (00:00–06:00) holding most of the dienst's night work. */
  dNightDay: Int32Array = new Int32Array(0);
  dFirst: Int32Array = new Int32Array(0);
  dLast: Int32Array = new Int32Array(0);
  /** Local days of the dienst's first and last minute. */
  dFirstDay: Int32Array = new Int32Array(0);
  dLastDay: Int32Array = new Int32Array(0);

  // Calendar weeks: index w covers week number week0 + w.
  week0 = 0;
  nw = 0;
  /** Minutes that count for the ATW maxima and averages (work, on-call on site, leave, sick). */
  wMinutes: Int32Array = new Int32Array(0);
  /** Night diensten starting in the week (all / ending after 02:00). */
  wNights: Int32Array = new Int32Array(0);
  wNights0200: Int32Array = new Int32Array(0);
  wOnCallHome: Int32Array = new Int32Array(0);
  wOnCallAny: Int32Array = new Int32Array(0);
  wSunday: Uint8Array = new Uint8Array(0);
  wWeekend: Uint8Array = new Uint8Array(0);
  /** Employee is under 18 at the week's Monday 00:00. */
  wMinor: Uint8Array = new Uint8Array(0);

  /** Scratch for evaluators (sized to diensten / weeks). */
  scratchA: Float64Array = new Float64Array(0);

  constructor(clock: ZoneClock = amsterdamClock) {
    this.clock = clock;
  }

  /** The employee is under 18 at some moment / 18 or over at some moment of the data. */
  hasMinor = false;
  hasAdult = true;

  isMinorAt(epoch: number): boolean {
    return this.adultFromDay !== -Infinity && this.clock.localDay(epoch) < this.adultFromDay;
  }

  weekStart(weekIndex: number): number {
    return this.clock.dayStart(mondayOfWeek(this.week0 + weekIndex));
  }

  /** Index (relative to week0) of the week containing an instant. */
  weekIndexOf(epoch: number): number {
    return weekOfDay(this.clock.localDay(epoch)) - this.week0;
  }

  /**
   * Load blocks from parallel arrays (already sorted by start, non-overlapping within the counted
   * kinds) and derive everything. `adultFromDay` is the local day of the 18th birthday.
   */
  load(
    employee: string,
    count: number,
    start: ArrayLike<number>,
    end: ArrayLike<number>,
    brk: ArrayLike<number>,
    kind: ArrayLike<number>,
    ref: ArrayLike<number> | null,
    adultFromDay: number,
  ): this {
    this.employee = employee;
    this.adultFromDay = adultFromDay;
    this.n = count;
    this.bStart = grow(this.bStart, count);
    this.bEnd = grow(this.bEnd, count);
    this.bBreak = grow(this.bBreak, count);
    this.bKind = growU8(this.bKind, count);
    this.bRef = grow(this.bRef, count);
    for (let i = 0; i < count; i++) {
      this.bStart[i] = start[i];
      this.bEnd[i] = end[i];
      this.bBreak[i] = brk[i];
      this.bKind[i] = kind[i];
      this.bRef[i] = ref ? ref[i] : i;
    }
    this.hasMinor = count > 0 && this.isMinorAt(this.bStart[0]);
    let lastEnd = count > 0 ? this.bEnd[0] : 0;
    for (let i = 1; i < count; i++) if (this.bEnd[i] > lastEnd) lastEnd = this.bEnd[i];
    this.hasAdult = count === 0 || !this.isMinorAt(lastEnd - 1);
    this.deriveDiensten();
    this.deriveWeeks();
    this.scratchA = growF64(this.scratchA, Math.max(this.nd, this.nw) + 1);
    return this;
  }

  /** Load ShiftInput objects (sorted by start) of one employee. */
  loadShifts(employee: string, shifts: readonly ShiftInput[], adultFromDay: number): this {
    const n = shifts.length;
    const s = (loadScratch.start = grow(loadScratch.start, n));
    const e = (loadScratch.end = grow(loadScratch.end, n));
    const b = (loadScratch.brk = grow(loadScratch.brk, n));
    const k = (loadScratch.kind = growU8(loadScratch.kind, n));
    for (let i = 0; i < n; i++) {
      s[i] = shifts[i].start;
      e[i] = shifts[i].end;
      b[i] = shifts[i].breakMinutes;
      k[i] = KIND[shifts[i].kind];
    }
    return this.load(employee, n, s, e, b, k, null, adultFromDay);
  }

  private deriveDiensten(): void {
    const n = this.n;
    this.dStart = grow(this.dStart, n);
    this.dEnd = grow(this.dEnd, n);
    this.dWork = grow(this.dWork, n);
    this.dNightMinutes = grow(this.dNightMinutes, n);
    this.dFlags = growU8(this.dFlags, n);
    this.dNightDay = grow(this.dNightDay, n);
    this.dFirst = grow(this.dFirst, n);
    this.dLast = grow(this.dLast, n);
    this.dFirstDay = grow(this.dFirstDay, n);
    this.dLastDay = grow(this.dLastDay, n);
    let nd = 0;
    let cur = -1;
    for (let i = 0; i < n; i++) {
      if (((1 << this.bKind[i]) & MASK_DIENST) === 0) continue;
      if (cur >= 0 && this.bStart[i] - this.dEnd[cur] < DIENST_SEPARATOR_MINUTES) {
        if (this.bEnd[i] > this.dEnd[cur]) this.dEnd[cur] = this.bEnd[i];
        this.dLast[cur] = i;
      } else {
        cur = nd++;
        this.dStart[cur] = this.bStart[i];
        this.dEnd[cur] = this.bEnd[i];
        this.dFirst[cur] = i;
        this.dLast[cur] = i;
      }
    }
    this.nd = nd;
    const clock = this.clock;
    for (let d = 0; d < nd; d++) {
      let work = 0;
      let night = 0;
      let site = false;
      let bestDay = 0;
      let bestNight = -1;
      let prevDay = 0;
      let prevDayNight = 0;
      let firstDayOfDienst = 0;
      let lastDayOfDienst = 0;
      for (let i = this.dFirst[d]; i <= this.dLast[d]; i++) {
        const kind = this.bKind[i];
        if (((1 << kind) & MASK_DIENST) === 0) continue;
        if (kind === KIND['on-call-site']) site = true;
        const s = this.bStart[i];
        const e = this.bEnd[i];
        const b = this.bBreak[i];
        work += e - s - b;
        // With one UTC offset over the whole block, wall-clock minutes are real minutes shifted
        // by a constant: compute in local minutes. Blocks across a DST change take exact instants.
        const off = clock.offsetAt(s);
        const steady = clock.offsetAt(e) === off;
        const ls = s + off;
        const le = e + off;
        const firstDay = Math.floor(ls / DAY);
        const lastDay = steady ? Math.floor((le - 1) / DAY) : clock.localDay(e - 1);
        if (i === this.dFirst[d]) firstDayOfDienst = firstDay;
        if (lastDay > lastDayOfDienst) lastDayOfDienst = lastDay;
        for (let day = firstDay; day <= lastDay; day++) {
          const w = steady
            ? workMinutesIn(ls, le, b, day * DAY, day * DAY + NIGHT_WINDOW_END_MINUTE)
            : workMinutesIn(s, e, b, clock.dayStart(day), clock.at(day, NIGHT_WINDOW_END_MINUTE));
          if (w <= 0) continue;
          night += w;
          // Accumulate per window day (blocks of one dienst may share a night).
          const total = day === prevDay ? prevDayNight + w : w;
          prevDay = day;
          prevDayNight = total;
          if (total > bestNight) {
            bestNight = total;
            bestDay = day;
          }
        }
      }
      let flags = 0;
      if (site) flags |= D_SITE;
      if (!site && night > NIGHT_MIN_WORK_EXCLUSIVE) {
        flags |= D_NIGHT;
        const after = endsAfter(clock, this.dEnd[d], NIGHT_LATE_END_MINUTE);
        if (after) flags |= D_AFTER_0200;
        if (after === AFTER_BY_INSTANT_ONLY) flags |= D_AMBIGUOUS_END;
      }
      if (this.isMinorAt(this.dStart[d])) flags |= D_MINOR;
      this.dFirstDay[d] = firstDayOfDienst;
      this.dLastDay[d] = lastDayOfDienst;
      this.dWork[d] = work;
      this.dNightMinutes[d] = night;
      this.dNightDay[d] = bestDay;
      this.dFlags[d] = flags;
    }
  }

  private deriveWeeks(): void {
    const n = this.n;
    const clock = this.clock;
    if (n === 0) {
      this.nw = 0;
      return;
    }
    let minStart = this.bStart[0];
    let maxEnd = this.bEnd[0];
    for (let i = 1; i < n; i++) if (this.bEnd[i] > maxEnd) maxEnd = this.bEnd[i];
    for (let i = 1; i < n; i++) if (this.bStart[i] < minStart) minStart = this.bStart[i];
    this.week0 = weekOfDay(clock.localDay(minStart));
    const nw = weekOfDay(clock.localDay(maxEnd - 1)) - this.week0 + 1;
    this.nw = nw;
    this.wMinutes = grow(this.wMinutes, nw);
    this.wNights = grow(this.wNights, nw);
    this.wNights0200 = grow(this.wNights0200, nw);
    this.wOnCallHome = grow(this.wOnCallHome, nw);
    this.wOnCallAny = grow(this.wOnCallAny, nw);
    this.wSunday = growU8(this.wSunday, nw);
    this.wWeekend = growU8(this.wWeekend, nw);
    this.wMinor = growU8(this.wMinor, nw);
    this.wMinutes.fill(0, 0, nw);
    this.wNights.fill(0, 0, nw);
    this.wNights0200.fill(0, 0, nw);
    this.wOnCallHome.fill(0, 0, nw);
    this.wOnCallAny.fill(0, 0, nw);
    this.wSunday.fill(0, 0, nw);
    this.wWeekend.fill(0, 0, nw);
    for (let w = 0; w < nw; w++) this.wMinor[w] = this.isMinorAt(this.weekStart(w)) ? 1 : 0;

    for (let i = 0; i < n; i++) {
      const bit = 1 << this.bKind[i];
      const s = this.bStart[i];
      const e = this.bEnd[i];
      const b = this.bBreak[i];
      if (bit & MASK_ON_CALL) {
        const w = this.weekIndexOf(s);
        this.wOnCallAny[w]++;
        if (bit & MASK_ON_CALL_HOME) this.wOnCallHome[w]++;
      }
      if ((bit & MASK_COUNTED) === 0) continue;
      // Local-minute arithmetic when the offset is the same over the block (see deriveDiensten).
      const off = clock.offsetAt(s);
      const steady = clock.offsetAt(e) === off;
      const ls = s + off;
      const le = e + off;
      const startDay = Math.floor(ls / DAY);
      const lastDay = steady ? Math.floor((le - 1) / DAY) : clock.localDay(e - 1);
      let w = weekOfDay(startDay) - this.week0;
      if (steady && weekOfDay(lastDay) - this.week0 === w) {
        this.wMinutes[w] += e - s - b;
      } else {
        // Split at Monday 00:00 boundaries.
        let segStart = s;
        for (;;) {
          const nextMonday = clock.dayStart(mondayOfWeek(this.week0 + w + 1));
          const segEnd = e < nextMonday ? e : nextMonday;
          this.wMinutes[w] += workMinutesIn(s, e, b, segStart, segEnd);
          if (segEnd >= e) break;
          segStart = segEnd;
          w++;
        }
      }
      // Sunday and weekend work: actual work only (dienst kinds), not leave or sick.
      if ((bit & MASK_DIENST) === 0) continue;
      for (let day = startDay; day <= lastDay; day++) {
        const weekday = (((day + 3) % 7) + 7) % 7; // 0 = Monday … 6 = Sunday
        if (weekday < 5) continue;
        const worked =
          (steady
            ? workMinutesIn(ls, le, b, day * DAY, (day + 1) * DAY)
            : workMinutesIn(s, e, b, clock.dayStart(day), clock.dayStart(day + 1))) > 0;
        if (!worked) continue;
        const wi = weekOfDay(day) - this.week0;
        this.wWeekend[wi] = 1;
        if (weekday === 6) this.wSunday[wi] |= day === startDay ? W_SUNDAY_SAME_DAY : W_SUNDAY_FROM_SATURDAY;
      }
    }
    for (let d = 0; d < this.nd; d++) {
      const f = this.dFlags[d];
      if ((f & D_NIGHT) === 0) continue;
      const w = this.weekIndexOf(this.dStart[d]);
      this.wNights[w]++;
      if (f & D_AFTER_0200) this.wNights0200[w]++;
    }
  }

  /** Index of the first dienst whose end is after `t` (nd when none). */
  firstDienstEndingAfter(t: number): number {
    let lo = 0;
    let hi = this.nd;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.dEnd[mid] > t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Index of the first dienst starting at or after `t` (nd when none). */
  firstDienstStartingFrom(t: number): number {
    let lo = 0;
    let hi = this.nd;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.dStart[mid] >= t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Index of the first block whose end is after `t` (n when none). */
  firstBlockEndingAfter(t: number): number {
    // Blocks are sorted by start and the counted kinds do not overlap; on-call blocks may, so
    // search by start with a margin and scan.
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bStart[mid] >= t - 2 * DAY) hi = mid;
      else lo = mid + 1;
    }
    while (lo < this.n && this.bEnd[lo] <= t) lo++;
    return lo;
  }

  /** Index of the first block starting at or after `t` (n when none). */
  firstBlockStartingFrom(t: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.bStart[mid] >= t) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

export const AFTER_BY_CLOCK = 1;
export const AFTER_BY_INSTANT_ONLY = 2;

/**
 * Whether an instant that ends a night dienst is "after 02:00" (or another wall-clock minute) on
 * the day it ends. The wall clock decides, except in the repeated October hour: an end after the
 * first 02:00 counts as after 02:00 even when the clock shows 02:00 again (conservative, catalogue
 * E3, marked unconfirmed). Returns 0, AFTER_BY_CLOCK or AFTER_BY_INSTANT_ONLY.
 */
export function endsAfter(clock: ZoneClock, end: number, minuteOfDay: number): number {
  const local = clock.local(end);
  const day = Math.floor((local - 1) / DAY);
  const tod = local - day * DAY; // (0, 1440]
  if (tod > minuteOfDay) return AFTER_BY_CLOCK;
  if (end > clock.at(day, minuteOfDay)) return AFTER_BY_INSTANT_ONLY;
  return 0;
}
