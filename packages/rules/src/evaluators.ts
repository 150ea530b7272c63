/**
 * One evaluator per rule kind. `evaluate(tl, from, to, sink)` reports every violation whose
 * extent (the span of data it depends on) intersects [from, to]; pass -Infinity/Infinity for a
 * full check. Evaluators read typed arrays only and allocate nothing while running.
 *
 * How each rule is measured is documented in docs/rules.md; the comments here say why.
 */
import type { CompiledRule } from './compile.ts';
import type { ParamsOf } from './schema.ts';
import { U_DST_END, U_REST_ANCHOR, U_SUNDAY_FROM_SATURDAY, type Sink } from './sink.ts';
import {
  AFTER_BY_INSTANT_ONLY,
  D_AFTER_0200,
  D_AMBIGUOUS_END,
  D_MINOR,
  D_NIGHT,
  D_SITE,
  endsAfter,
  NIGHT_LATE_END_MINUTE,
  W_SUNDAY_FROM_SATURDAY,
  workMinutesIn,
  type Timeline,
} from './timeline.ts';
import { KIND, MASK_COUNTED, MASK_DIENST, MASK_ON_CALL, MASK_ON_CALL_HOME } from './types.ts';
import { DAY } from './zone-clock.ts';

export interface Evaluator {
  readonly rule: CompiledRule;
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void;
}

/** Whether a rule can apply to this timeline at all (adults-only rules skip a minor's data). */
export function appliesTo(rule: CompiledRule, tl: Timeline): boolean {
  return rule.ageScope === 'all' || (rule.ageScope === 'minor' ? tl.hasMinor : tl.hasAdult);
}

function inScope(rule: CompiledRule, minor: boolean): boolean {
  return rule.ageScope === 'all' || (rule.ageScope === 'minor') === minor;
}
function dienstInScope(rule: CompiledRule, tl: Timeline, d: number): boolean {
  return inScope(rule, (tl.dFlags[d] & D_MINOR) !== 0);
}

/** First dienst whose span reaches `from` or later. */
function dienstLo(tl: Timeline, from: number): number {
  return from === -Infinity ? 0 : tl.firstDienstEndingAfter(from - 1);
}
/** One past the last dienst starting at or before `to`. */
function dienstHi(tl: Timeline, to: number): number {
  return to === Infinity ? tl.nd : tl.firstDienstStartingFrom(to + 1);
}

function setDienstBlocks(sink: Sink, tl: Timeline, first: number, last: number): void {
  sink.v.firstBlock = tl.dFirst[first];
  sink.v.lastBlock = tl.dLast[last];
  sink.v.blockMask = MASK_DIENST;
}

// ------------------------------------------------------------------ per-dienst rules

class DienstLength implements Evaluator {
  private readonly p: ParamsOf<'dienst-length'>;
  constructor(readonly rule: CompiledRule) {
    this.p = rule.params as ParamsOf<'dienst-length'>;
  }
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    const lo = dienstLo(tl, from);
    const hi = dienstHi(tl, to);
    for (let d = lo; d < hi; d++) {
      const f = tl.dFlags[d];
      // An aanwezigheidsdienst has its own regime (ATB 4.8) instead of 5:7 lid 2 and 5:8.
      if (f & D_SITE || !dienstInScope(this.rule, tl, d)) continue;
      if (this.p.nightOnly && (f & D_NIGHT) === 0) continue;
      if (tl.dWork[d] <= this.p.maxWorkMinutes) continue;
      const v = sink.v.reset();
      v.start = v.extentStart = tl.dStart[d];
      v.end = v.extentEnd = tl.dEnd[d];
      v.value = tl.dWork[d];
      v.limit = this.p.maxWorkMinutes;
      setDienstBlocks(sink, tl, d, d);
      sink.commit(this.rule, tl);
    }
  }
}

class BreakRule implements Evaluator {
  private readonly p: ParamsOf<'break'>;
  constructor(readonly rule: CompiledRule) {
    this.p = rule.params as ParamsOf<'break'>;
  }
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    const lo = dienstLo(tl, from);
    const hi = dienstHi(tl, to);
    const minPart = this.p.minPartMinutes;
    for (let d = lo; d < hi; d++) {
      if (tl.dFlags[d] & D_SITE || !dienstInScope(this.rule, tl, d)) continue;
      const work = tl.dWork[d];
      let required = 0;
      const tiers = this.p.tiers;
      for (let t = 0; t < tiers.length; t++)
        if (work > tiers[t].overWorkMinutes && tiers[t].minBreakMinutes > required)
          required = tiers[t].minBreakMinutes;
      if (required === 0) continue;
      // Pauses: each block's break (one uninterrupted pause) and the gaps between blocks of
      // the dienst; parts shorter than the minimum are no pause (ATW 1:7 lid 1 e).
      let pause = 0;
      let prevEnd = -1;
      for (let i = tl.dFirst[d]; i <= tl.dLast[d]; i++) {
        if (((1 << tl.bKind[i]) & MASK_DIENST) === 0) continue;
        if (tl.bBreak[i] >= minPart) pause += tl.bBreak[i];
        if (prevEnd >= 0 && tl.bStart[i] - prevEnd >= minPart) pause += tl.bStart[i] - prevEnd;
        prevEnd = tl.bEnd[i];
      }
      if (pause >= required) continue;
      const v = sink.v.reset();
      v.start = v.extentStart = tl.dStart[d];
      v.end = v.extentEnd = tl.dEnd[d];
      v.value = pause;
      v.limit = required;
      v.work = work;
      setDienstBlocks(sink, tl, d, d);
      sink.commit(this.rule, tl);
    }
  }
}

class NoWorkWindow implements Evaluator {
  private readonly p: ParamsOf<'no-work-window'>;
  constructor(readonly rule: CompiledRule) {
    this.p = rule.params as ParamsOf<'no-work-window'>;
  }
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    const lo = dienstLo(tl, from);
    const hi = dienstHi(tl, to);
    const { fromMinute, toMinute } = this.p;
    const clock = tl.clock;
    for (let d = lo; d < hi; d++) {
      if (!dienstInScope(this.rule, tl, d)) continue;
      let minutes = 0;
      for (let i = tl.dFirst[d]; i <= tl.dLast[d]; i++) {
        if (((1 << tl.bKind[i]) & MASK_DIENST) === 0) continue;
        const s = tl.bStart[i];
        const e = tl.bEnd[i];
        const b = tl.bBreak[i];
        const firstDay = clock.localDay(s) - 1;
        const lastDay = clock.localDay(e - 1);
        for (let day = firstDay; day <= lastDay; day++) {
          if (fromMinute < toMinute) {
            minutes += workMinutesIn(s, e, b, clock.at(day, fromMinute), clock.at(day, toMinute));
          } else {
            // Window wraps midnight: from `fromMinute` on `day` to `toMinute` on the next day.
            minutes += workMinutesIn(s, e, b, clock.at(day, fromMinute), clock.at(day + 1, toMinute));
          }
        }
      }
      if (minutes <= 0) continue;
      const v = sink.v.reset();
      v.start = v.extentStart = tl.dStart[d];
      v.end = v.extentEnd = tl.dEnd[d];
      v.value = minutes;
      v.limit = 0;
      setDienstBlocks(sink, tl, d, d);
      sink.commit(this.rule, tl);
    }
  }
}

// ------------------------------------------------------------------ calendar-week windows

/**
 * Windows of N consecutive calendar weeks, one per start week. For N > 1 overlapping violating
 * windows are merged into one report showing the worst window (one overload would otherwise be
 * reported up to N times); the extent covers the whole run.
 */
abstract class WeekWindows implements Evaluator {
  constructor(
    readonly rule: CompiledRule,
    protected readonly weeks: number,
  ) {}

  /** > 0 when window k (start week index relative to week0) violates; larger = worse. */
  protected abstract excess(tl: Timeline, k: number): number;
  /** Fill value/limit/details of window k into sink.v (after reset and period). */
  protected abstract describe(tl: Timeline, k: number, sink: Sink): void;
  protected blockMask = MASK_COUNTED;

  protected windowInScope(tl: Timeline, k: number): boolean {
    if (this.rule.ageScope === 'all') return true;
    if (this.rule.ageScope === 'minor') return tl.wMinor[Math.max(0, k)] === 1;
    return tl.wMinor[Math.min(tl.nw - 1, k + this.weeks - 1)] === 0;
  }

  private check(tl: Timeline, k: number): number {
    return this.windowInScope(tl, k) ? this.excess(tl, k) : 0;
  }

  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    if (tl.nw === 0) return;
    const N = this.weeks;
    const kMin = 1 - N;
    const kMax = tl.nw - 1;
    let lo = from === -Infinity ? kMin : Math.max(kMin, tl.weekIndexOf(from) - N + 1);
    let hi = to === Infinity ? kMax : Math.min(kMax, tl.weekIndexOf(to));
    if (lo > hi) return;
    const merge = N > 1;
    if (merge) {
      while (lo > kMin && this.check(tl, lo - 1) > 0) lo--;
      while (hi < kMax && this.check(tl, hi + 1) > 0) hi++;
    }
    if (!merge) {
      for (let k = lo; k <= hi; k++) if (this.check(tl, k) > 0) this.report(tl, k, k, k, sink);
      return;
    }
    let runFirst = -1;
    let worst = -1;
    let worstExcess = 0;
    for (let k = lo; k <= hi + 1; k++) {
      const x = k <= hi ? this.check(tl, k) : 0;
      if (x > 0) {
        if (runFirst < 0 || x > worstExcess) {
          worst = k;
          worstExcess = x;
        }
        if (runFirst < 0) runFirst = k;
      } else if (runFirst >= 0) {
        this.report(tl, worst, runFirst, k - 1, sink);
        runFirst = -1;
      }
    }
  }

  private report(tl: Timeline, k: number, runFirst: number, runLast: number, sink: Sink): void {
    const v = sink.v.reset();
    v.start = tl.weekStart(k);
    v.end = tl.weekStart(k + this.weeks);
    v.extentStart = tl.weekStart(runFirst);
    v.extentEnd = tl.weekStart(runLast + this.weeks);
    v.weeks = this.weeks;
    v.firstBlock = tl.firstBlockEndingAfter(v.start);
    v.lastBlock = tl.firstBlockStartingFrom(v.end) - 1;
    v.blockMask = this.blockMask;
    this.describe(tl, k, sink);
    sink.commit(this.rule, tl);
  }
}

function sumWeeks(tl: Timeline, arr: Int32Array, k: number, n: number): number {
  const a = Math.max(0, k);
  const b = Math.min(tl.nw, k + n);
  let s = 0;
  for (let w = a; w < b; w++) s += arr[w];
  return s;
}

class WeekHours extends WeekWindows {
  private readonly p: ParamsOf<'week-hours'>;
  constructor(rule: CompiledRule) {
    const p = rule.params as ParamsOf<'week-hours'>;
    super(rule, p.weeks);
    this.p = p;
  }
  private limitAvg(tl: Timeline, k: number): number {
    const { nightShiftThreshold, maxAvgMinutesPerWeekNight } = this.p;
    if (nightShiftThreshold !== undefined && maxAvgMinutesPerWeekNight !== undefined) {
      if (sumWeeks(tl, tl.wNights, k, this.weeks) >= nightShiftThreshold) return maxAvgMinutesPerWeekNight;
    }
    return this.p.maxAvgMinutesPerWeek;
  }
  protected excess(tl: Timeline, k: number): number {
    // Compare totals (exact integers) instead of averages.
    return sumWeeks(tl, tl.wMinutes, k, this.weeks) - this.limitAvg(tl, k) * this.weeks;
  }
  protected describe(tl: Timeline, k: number, sink: Sink): void {
    const v = sink.v;
    const total = sumWeeks(tl, tl.wMinutes, k, this.weeks);
    const limit = this.limitAvg(tl, k);
    v.total = total;
    v.value = this.weeks === 1 ? total : Math.round((total / this.weeks) * 100) / 100;
    v.limit = limit;
    if (limit !== this.p.maxAvgMinutesPerWeek) {
      v.aspect = 'night';
      v.nights = sumWeeks(tl, tl.wNights, k, this.weeks);
    }
  }
}

class WeekCount extends WeekWindows {
  private readonly p: ParamsOf<'week-count'>;
  constructor(rule: CompiledRule) {
    const p = rule.params as ParamsOf<'week-count'>;
    super(rule, p.weeks);
    this.p = p;
    this.blockMask = MASK_DIENST;
  }
  private count(tl: Timeline, k: number): number {
    return sumWeeks(tl, this.p.events === 'night' ? tl.wNights : tl.wNights0200, k, this.weeks);
  }
  protected excess(tl: Timeline, k: number): number {
    return this.count(tl, k) - this.p.max;
  }
  protected describe(tl: Timeline, k: number, sink: Sink): void {
    sink.v.value = this.count(tl, k);
    sink.v.limit = this.p.max;
  }
}

class FreeSundays extends WeekWindows {
  private readonly p: ParamsOf<'free-sundays'>;
  constructor(rule: CompiledRule) {
    const p = rule.params as ParamsOf<'free-sundays'>;
    super(rule, p.weeks);
    this.p = p;
    this.blockMask = MASK_DIENST;
  }
  private worked(tl: Timeline, k: number): number {
    const a = Math.max(0, k);
    const b = Math.min(tl.nw, k + this.weeks);
    let s = 0;
    for (let w = a; w < b; w++) if (tl.wSunday[w] !== 0) s++;
    return s;
  }
  protected excess(tl: Timeline, k: number): number {
    return this.p.minFree - (this.weeks - this.worked(tl, k));
  }
  protected describe(tl: Timeline, k: number, sink: Sink): void {
    const v = sink.v;
    v.value = this.weeks - this.worked(tl, k);
    v.limit = this.p.minFree;
    // Unconfirmed when a Sunday counts only through a shift that began on Saturday and the
    // window would comply without such Sundays.
    let touched = 0;
    const a = Math.max(0, k);
    const b = Math.min(tl.nw, k + this.weeks);
    for (let w = a; w < b; w++) if (tl.wSunday[w] === W_SUNDAY_FROM_SATURDAY) touched++;
    if (touched > 0 && v.value + touched >= v.limit) v.flags |= U_SUNDAY_FROM_SATURDAY;
  }
}

/** Free weekends (Saturday 00:00 – Monday 00:00) per calendar year. */
class FreeWeekends implements Evaluator {
  private readonly p: ParamsOf<'free-weekends'>;
  constructor(readonly rule: CompiledRule) {
    this.p = rule.params as ParamsOf<'free-weekends'>;
  }
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    if (tl.nw === 0) return;
    const clock = tl.clock;
    const firstYear = yearOfDay(clock.localDay(tl.weekStart(0)) + 5);
    const lastYear = yearOfDay(clock.localDay(tl.weekStart(tl.nw - 1)) + 5);
    for (let year = firstYear; year <= lastYear; year++) {
      const yStart = clock.dayStart(Date.UTC(year, 0, 1) / 86_400_000);
      const yEnd = clock.dayStart(Date.UTC(year + 1, 0, 1) / 86_400_000);
      if (yEnd <= from || yStart > to) continue;
      // Weekends belong to the year of their Saturday.
      let weekends = 0;
      let worked = 0;
      let anyMinor = false;
      let anyAdult = false;
      const firstDay = Date.UTC(year, 0, 1) / 86_400_000;
      const lastDay = Date.UTC(year + 1, 0, 1) / 86_400_000;
      // Saturdays only: day 0 (1970-01-01) was a Thursday, so Saturdays have (day + 3) mod 7 = 5.
      const firstSaturday = firstDay + ((((5 - (firstDay + 3)) % 7) + 7) % 7);
      for (let day = firstSaturday; day < lastDay; day += 7) {
        weekends++;
        const w = Math.floor((day + 3) / 7) - tl.week0;
        if (w >= 0 && w < tl.nw) {
          if (tl.wWeekend[w]) worked++;
          if (tl.wMinor[w]) anyMinor = true;
          else anyAdult = true;
        }
      }
      if (this.rule.ageScope === 'adult' && !anyAdult) continue;
      if (this.rule.ageScope === 'minor' && !anyMinor) continue;
      const free = weekends - worked;
      if (free >= this.p.minFreePerYear) continue;
      const v = sink.v.reset();
      v.start = v.extentStart = yStart;
      v.end = v.extentEnd = yEnd;
      v.value = free;
      v.limit = this.p.minFreePerYear;
      v.year = year;
      v.firstBlock = tl.firstBlockEndingAfter(yStart);
      v.lastBlock = tl.firstBlockStartingFrom(yEnd) - 1;
      v.blockMask = MASK_DIENST;
      sink.commit(this.rule, tl);
    }
  }
}

function yearOfDay(day: number): number {
  return new Date(day * 86_400_000).getUTCFullYear();
}

// ------------------------------------------------------------------ rests

/** Result of scanning the rests inside a window that starts at a dienst start. */
class RestScan {
  longest = 0;
  longestStart = 0;
  longestEnd = 0;
  /** Sum of rests (clipped to the window) of at least `minPart` minutes. */
  partsTotal = 0;
  lastBlock = 0;

  /**
   * Rests between working blocks (dienst kinds) inside [wStart, wEnd), clipped to the window.
   * Leave, sick and on-call from home do not interrupt rest; time after the last known block
   * counts as rest.
   */
  scan(tl: Timeline, firstBlock: number, wStart: number, wEnd: number, minPart: number): this {
    let prevEnd = wStart;
    this.longest = -1;
    this.partsTotal = 0;
    this.lastBlock = firstBlock;
    for (let i = firstBlock; i < tl.n && tl.bStart[i] < wEnd; i++) {
      if (((1 << tl.bKind[i]) & MASK_DIENST) === 0) continue;
      const s = tl.bStart[i];
      if (s > prevEnd) this.take(prevEnd, s, minPart);
      if (tl.bEnd[i] > prevEnd) prevEnd = tl.bEnd[i];
      this.lastBlock = i;
    }
    if (prevEnd < wEnd) this.take(prevEnd, wEnd, minPart);
    if (this.longest < 0) {
      this.longest = 0;
      this.longestStart = this.longestEnd = prevEnd;
    }
    return this;
  }

  private take(a: number, b: number, minPart: number): void {
    const len = b - a;
    if (len > this.longest) {
      this.longest = len;
      this.longestStart = a;
      this.longestEnd = b;
    }
    if (len >= minPart) this.partsTotal += len;
  }
}

/**
 * Shortened rests: allowed `slots` (sorted minimums) per rolling window of reductions. A set
 * of shortened rests is allowed when the k-th shortest rest is at least the k-th smallest slot.
 * Returns 0 when allowed, otherwise the minimum the latest rest should have had.
 */
function reductionLimit(
  rests: Float64Array,
  m: number,
  current: number,
  slots: readonly number[],
  minRest: number,
): number {
  if (m <= slots.length) {
    // Insertion sort: m is at most slots.length (1 or 2).
    for (let i = 1; i < m; i++) {
      const x = rests[i];
      let j = i - 1;
      while (j >= 0 && rests[j] > x) {
        rests[j + 1] = rests[j];
        j--;
      }
      rests[j + 1] = x;
    }
    let ok = true;
    for (let k = 0; k < m; k++) if (rests[k] < slots[k]) ok = false;
    if (ok) return 0;
  }
  for (let k = 0; k < slots.length; k++) if (slots[k] > current) return slots[k];
  return minRest;
}

const restScan = new RestScan();
const reducedScratch = new Float64Array(8);

class DailyRest implements Evaluator {
  private readonly p: ParamsOf<'daily-rest'>;
  private readonly slots: number[];
  constructor(readonly rule: CompiledRule) {
    this.p = rule.params as ParamsOf<'daily-rest'>;
    this.slots = [...this.p.reductions].sort((a, b) => a - b);
  }

  /**
   * The rest after a night dienst ending after 02:00 is governed by the night-rest rule: such an
   * anchor is only reported here when its 24 h period has less than the lowest allowed rest (a
   * rest inside the dienst), and it never uses up a reduction.
   */
  private nightAnchor(tl: Timeline, d: number): boolean {
    return this.p.skipAfterNight0200 && (tl.dFlags[d] & D_NIGHT) !== 0 && (tl.dFlags[d] & D_AFTER_0200) !== 0;
  }

  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    const { periodMinutes: P, reductionWindowMinutes: W, minRestMinutes: minRest } = this.p;
    const slots = this.slots;
    const minSlot = slots.length > 0 ? slots[0] : minRest;
    // Anchors whose extent [s - W, s + P] meets [from, to], plus the earlier ones they look back on.
    const first = from === -Infinity ? 0 : tl.firstDienstStartingFrom(from - P - W);
    const evalFirst = from === -Infinity ? 0 : tl.firstDienstStartingFrom(from - P);
    const last = to === Infinity ? tl.nd : tl.firstDienstStartingFrom(to + W + 1);
    const rest = tl.scratchA;
    for (let d = first; d < last; d++) {
      if (!dienstInScope(this.rule, tl, d)) {
        rest[d] = Infinity;
        continue;
      }
      const r = restScan.scan(tl, tl.dFirst[d], tl.dStart[d], tl.dStart[d] + P, 0).longest;
      rest[d] = this.nightAnchor(tl, d) && r >= minSlot ? Infinity : r;
    }
    let windowStart = first;
    for (let d = evalFirst; d < last; d++) {
      const r = rest[d];
      if (r >= minRest) continue;
      let limit = 0;
      let aspect = 'default';
      if (r < minSlot) limit = minSlot;
      else {
        while (tl.dStart[windowStart] <= tl.dStart[d] - W) windowStart++;
        let m = 0;
        for (let j = windowStart; j <= d; j++) {
          if (rest[j] >= minRest) continue;
          if (m < reducedScratch.length) reducedScratch[m] = rest[j];
          m++;
        }
        limit = reductionLimit(reducedScratch, m, r, slots, minRest);
        aspect = 'reduction-used';
      }
      if (limit === 0) continue;
      restScan.scan(tl, tl.dFirst[d], tl.dStart[d], tl.dStart[d] + P, 0);
      const v = sink.v.reset();
      v.aspect = aspect;
      v.start = restScan.longestStart;
      v.end = restScan.longestEnd;
      v.value = r;
      v.limit = limit;
      v.extentStart = tl.dStart[d] - W;
      v.extentEnd = tl.dStart[d] + P;
      v.firstBlock = tl.dFirst[d];
      v.lastBlock = restScan.lastBlock;
      v.blockMask = MASK_DIENST;
      const plainGap = d + 1 < tl.nd ? tl.dStart[d + 1] - tl.dEnd[d] : Infinity;
      if (plainGap > r) v.flags |= U_REST_ANCHOR;
      sink.commit(this.rule, tl);
    }
  }
}

class NightRest implements Evaluator {
  private readonly p: ParamsOf<'night-rest'>;
  private readonly slots: number[];
  constructor(readonly rule: CompiledRule) {
    this.p = rule.params as ParamsOf<'night-rest'>;
    this.slots = [...this.p.reductions].sort((a, b) => a - b);
  }
  /** 0 = not a qualifying night dienst, 1 = qualifies, 2 = qualifies by the DST instant rule. */
  private qualifies(tl: Timeline, d: number): number {
    const f = tl.dFlags[d];
    if ((f & D_NIGHT) === 0 || !dienstInScope(this.rule, tl, d)) return 0;
    // A long night's rest is governed by 5:8 lid 3 (≥ 12 h, checked by the night-length rule).
    const long = this.p.longNightOverMinutes;
    if (long !== null && tl.dWork[d] > long) return 0;
    const minute = this.p.onlyEndingAfterMinute;
    if (minute === null) return 1;
    if (minute === NIGHT_LATE_END_MINUTE) return f & D_AFTER_0200 ? (f & D_AMBIGUOUS_END ? 2 : 1) : 0;
    const after = endsAfter(tl.clock, tl.dEnd[d], minute);
    return after === 0 ? 0 : after === AFTER_BY_INSTANT_ONLY ? 2 : 1;
  }
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    const { minRestMinutes: minRest, reductionWindowMinutes: W } = this.p;
    const slots = this.slots;
    const minSlot = slots.length > 0 ? slots[0] : minRest;
    const first = from === -Infinity ? 0 : tl.firstDienstStartingFrom(from - minRest - 2 * DAY - W);
    const evalFirst = from === -Infinity ? 0 : tl.firstDienstStartingFrom(from - minRest - 2 * DAY);
    const last = to === Infinity ? tl.nd : tl.firstDienstStartingFrom(to + W + 1);
    const rest = tl.scratchA;
    for (let d = first; d < last; d++) {
      rest[d] = this.qualifies(tl, d) && d + 1 < tl.nd ? tl.dStart[d + 1] - tl.dEnd[d] : Infinity;
    }
    let windowStart = first;
    for (let d = evalFirst; d < last; d++) {
      const r = rest[d];
      if (r >= minRest) continue;
      let limit = 0;
      let aspect = 'default';
      if (r < minSlot) limit = minSlot;
      else {
        while (tl.dStart[windowStart] <= tl.dStart[d] - W) windowStart++;
        let m = 0;
        for (let j = windowStart; j <= d; j++) {
          if (rest[j] >= minRest) continue;
          if (m < reducedScratch.length) reducedScratch[m] = rest[j];
          m++;
        }
        limit = reductionLimit(reducedScratch, m, r, slots, minRest);
        aspect = 'reduction-used';
      }
      if (limit === 0) continue;
      const v = sink.v.reset();
      v.aspect = aspect;
      v.start = tl.dEnd[d];
      v.end = tl.dStart[d + 1];
      v.value = r;
      v.limit = limit;
      v.extentStart = tl.dStart[d] - W;
      v.extentEnd = tl.dStart[d + 1];
      v.firstBlock = tl.dFirst[d];
      v.lastBlock = tl.dFirst[d + 1];
      v.blockMask = MASK_DIENST;
      if (this.qualifies(tl, d) === 2) v.flags |= U_DST_END;
      sink.commit(this.rule, tl);
    }
  }
}

/**
 * Weekly rest, checked in windows anchored at every dienst start (the worst positions of a
 * rolling window: moving it into a rest only adds rest). A window passes when option A (one
 * rest ≥ X in 7×24 h) or option B (rests ≥ minPart adding up to ≥ Y in 14×24 h, starting at
 * the same anchor) holds.
 */
class WeeklyRest implements Evaluator {
  private readonly p: ParamsOf<'weekly-rest'>;
  private readonly span: number;
  constructor(readonly rule: CompiledRule) {
    this.p = rule.params as ParamsOf<'weekly-rest'>;
    this.span = Math.max(this.p.optionA?.windowMinutes ?? 0, this.p.optionB?.windowMinutes ?? 0);
  }
  private aLongest = 0;
  private bTotal = 0;

  /** Shortfall (> 0 = violation) for the window anchored at dienst d. */
  private shortfall(tl: Timeline, d: number): number {
    if (!dienstInScope(this.rule, tl, d)) return 0;
    const { optionA, optionB } = this.p;
    const s = tl.dStart[d];
    let shortA = Infinity;
    let shortB = Infinity;
    this.aLongest = NaN;
    this.bTotal = NaN;
    if (optionA) {
      this.aLongest = restScan.scan(tl, tl.dFirst[d], s, s + optionA.windowMinutes, 0).longest;
      shortA = optionA.minRestMinutes - this.aLongest;
      if (shortA <= 0) return 0;
    }
    if (optionB) {
      this.bTotal = restScan.scan(
        tl,
        tl.dFirst[d],
        s,
        s + optionB.windowMinutes,
        optionB.minPartMinutes,
      ).partsTotal;
      shortB = optionB.minTotalMinutes - this.bTotal;
      if (shortB <= 0) return 0;
    }
    return Math.min(shortA, shortB);
  }

  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    const span = this.span;
    let lo = from === -Infinity ? 0 : tl.firstDienstStartingFrom(from - span);
    let hi = to === Infinity ? tl.nd - 1 : tl.firstDienstStartingFrom(to + 1) - 1;
    if (lo > hi) return;
    // Extend to whole runs of overlapping failing windows.
    while (
      lo > 0 &&
      tl.dStart[lo] - tl.dStart[lo - 1] < span &&
      this.shortfall(tl, lo - 1) > 0 &&
      this.shortfall(tl, lo) > 0
    )
      lo--;
    while (
      hi + 1 < tl.nd &&
      tl.dStart[hi + 1] - tl.dStart[hi] < span &&
      this.shortfall(tl, hi + 1) > 0 &&
      this.shortfall(tl, hi) > 0
    )
      hi++;
    let runFirst = -1;
    let worst = -1;
    let worstShort = 0;
    for (let d = lo; d <= hi; d++) {
      const x = this.shortfall(tl, d);
      if (x > 0) {
        if (runFirst >= 0 && tl.dStart[d] - tl.dStart[d - 1] >= span) {
          this.report(tl, worst, runFirst, d - 1, sink);
          runFirst = -1;
        }
        if (runFirst < 0) {
          runFirst = d;
          worst = d;
          worstShort = x;
        } else if (x > worstShort) {
          worst = d;
          worstShort = x;
        }
      } else if (runFirst >= 0) {
        this.report(tl, worst, runFirst, d - 1, sink);
        runFirst = -1;
      }
    }
    if (runFirst >= 0) this.report(tl, worst, runFirst, hi, sink);
  }

  private report(tl: Timeline, d: number, runFirst: number, runLast: number, sink: Sink): void {
    this.shortfall(tl, d);
    const { optionA, optionB } = this.p;
    const s = tl.dStart[d];
    const v = sink.v.reset();
    v.start = s;
    v.end = s + (optionA ? optionA.windowMinutes : optionB!.windowMinutes);
    v.extentStart = tl.dStart[runFirst];
    v.extentEnd = tl.dStart[runLast] + this.span;
    if (optionA) {
      v.value = this.aLongest;
      v.limit = optionA.minRestMinutes;
      if (optionB) v.total = this.bTotal;
    } else {
      v.value = this.bTotal;
      v.limit = optionB!.minTotalMinutes;
      v.total = this.bTotal;
    }
    v.firstBlock = tl.dFirst[d];
    v.lastBlock = tl.firstBlockStartingFrom(v.end) - 1;
    v.blockMask = MASK_DIENST;
    sink.commit(this.rule, tl);
  }
}

// ------------------------------------------------------------------ night rules

/** Whether diensten d and d+1 are consecutive nights: both night diensten on successive nights. */
function consecutiveNights(tl: Timeline, d: number): boolean {
  return (
    (tl.dFlags[d] & D_NIGHT) !== 0 &&
    (tl.dFlags[d + 1] & D_NIGHT) !== 0 &&
    tl.dNightDay[d + 1] - tl.dNightDay[d] === 1
  );
}

/** Series of consecutive night diensten meeting [from, to]: calls back with [first, last]. */
abstract class NightSeries implements Evaluator {
  constructor(readonly rule: CompiledRule) {}
  protected abstract lookAhead(): number;
  protected abstract series(tl: Timeline, first: number, last: number, sink: Sink): void;
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    let d = from === -Infinity ? 0 : tl.firstDienstEndingAfter(from - this.lookAhead() - 1);
    const hi = to === Infinity ? tl.nd : tl.firstDienstStartingFrom(to + 1);
    // Back up to the start of a series that began earlier.
    while (d > 0 && d < tl.nd && consecutiveNights(tl, d - 1)) d--;
    while (d < hi) {
      if ((tl.dFlags[d] & D_NIGHT) === 0) {
        d++;
        continue;
      }
      let last = d;
      while (last + 1 < tl.nd && consecutiveNights(tl, last)) last++;
      if (dienstInScope(this.rule, tl, d)) this.series(tl, d, last, sink);
      d = last + 1;
    }
  }
}

class NightSeriesRest extends NightSeries {
  private readonly p: ParamsOf<'night-series-rest'>;
  constructor(rule: CompiledRule) {
    super(rule);
    this.p = rule.params as ParamsOf<'night-series-rest'>;
  }
  protected lookAhead(): number {
    return this.p.minRestMinutes;
  }
  protected series(tl: Timeline, first: number, last: number, sink: Sink): void {
    const nights = last - first + 1;
    if (nights < this.p.minNights || last + 1 >= tl.nd) return;
    const rest = tl.dStart[last + 1] - tl.dEnd[last];
    if (rest >= this.p.minRestMinutes) return;
    const v = sink.v.reset();
    v.start = tl.dEnd[last];
    v.end = tl.dStart[last + 1];
    v.value = rest;
    v.limit = this.p.minRestMinutes;
    v.nights = nights;
    v.extentStart = tl.dStart[first];
    v.extentEnd = tl.dStart[last + 1];
    v.firstBlock = tl.dFirst[first];
    v.lastBlock = tl.dFirst[last + 1];
    v.blockMask = MASK_DIENST;
    sink.commit(this.rule, tl);
  }
}

class ConsecutiveNights extends NightSeries {
  private readonly p: ParamsOf<'consecutive-nights'>;
  constructor(rule: CompiledRule) {
    super(rule);
    this.p = rule.params as ParamsOf<'consecutive-nights'>;
  }
  protected lookAhead(): number {
    return 0;
  }
  protected series(tl: Timeline, first: number, last: number, sink: Sink): void {
    const nights = last - first + 1;
    if (nights <= this.p.maxNights) return;
    const v = sink.v.reset();
    v.start = v.extentStart = tl.dStart[first];
    v.end = v.extentEnd = tl.dEnd[last];
    v.value = nights;
    v.limit = this.p.maxNights;
    setDienstBlocks(sink, tl, first, last);
    sink.commit(this.rule, tl);
  }
}

/**
 * A "reeks" of diensten: consecutive diensten with no free calendar day between them (a day
 * touched by no dienst ends the series; catalogue NT-07, unconfirmed reading).
 */
class NightSeriesLength implements Evaluator {
  private readonly p: ParamsOf<'night-series-length'>;
  constructor(readonly rule: CompiledRule) {
    this.p = rule.params as ParamsOf<'night-series-length'>;
  }
  private joined(tl: Timeline, d: number): boolean {
    return tl.dFirstDay[d + 1] <= tl.dLastDay[d] + 1;
  }
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    let d = from === -Infinity ? 0 : tl.firstDienstEndingAfter(from - 1);
    const hi = to === Infinity ? tl.nd : tl.firstDienstStartingFrom(to + 1);
    while (d > 0 && d < tl.nd && this.joined(tl, d - 1)) d--;
    while (d < hi) {
      let last = d;
      let nights = (tl.dFlags[d] & D_NIGHT) !== 0 ? 1 : 0;
      while (last + 1 < tl.nd && this.joined(tl, last)) {
        last++;
        if (tl.dFlags[last] & D_NIGHT) nights++;
      }
      const length = last - d + 1;
      if (nights > 0 && length > this.p.maxDiensten && dienstInScope(this.rule, tl, d)) {
        const v = sink.v.reset();
        v.start = v.extentStart = tl.dStart[d];
        v.end = v.extentEnd = tl.dEnd[last];
        v.value = length;
        v.limit = this.p.maxDiensten;
        v.nights = nights;
        setDienstBlocks(sink, tl, d, last);
        sink.commit(this.rule, tl);
      }
      d = last + 1;
    }
  }
}

/** Night-shift length with the long-night exception (ATW 5:8 lid 1 and 3). */
class NightLength implements Evaluator {
  private readonly p: ParamsOf<'night-length'>;
  private readonly weekly: LongNightWeeks;
  constructor(readonly rule: CompiledRule) {
    this.p = rule.params as ParamsOf<'night-length'>;
    this.weekly = new LongNightWeeks(rule, this.p);
  }
  private isLong(tl: Timeline, d: number): boolean {
    const f = tl.dFlags[d];
    return (f & D_NIGHT) !== 0 && tl.dWork[d] > this.p.maxWorkMinutes && dienstInScope(this.rule, tl, d);
  }
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    const p = this.p;
    const W = p.longWindowMinutes;
    const lo = dienstLo(tl, from - p.longRestAfterMinutes - W - DAY);
    const hi = dienstHi(tl, to + W);
    let windowStart = lo;
    let inWindow = 0; // long nights with start in (s - W, s]
    for (let d = lo; d < hi; d++) {
      if (!this.isLong(tl, d)) continue;
      const s = tl.dStart[d];
      while (tl.dStart[windowStart] <= s - W) {
        if (this.isLong(tl, windowStart)) inWindow--;
        windowStart++;
      }
      inWindow++;
      const inRange = tl.dEnd[d] + p.longRestAfterMinutes >= from && s - W <= to;
      if (!inRange) continue;
      if (tl.dWork[d] > p.longMaxWorkMinutes) {
        const v = sink.v.reset();
        v.start = v.extentStart = s;
        v.end = v.extentEnd = tl.dEnd[d];
        v.value = tl.dWork[d];
        v.limit = p.longMaxWorkMinutes;
        setDienstBlocks(sink, tl, d, d);
        sink.commit(this.rule, tl);
      }
      if (inWindow > p.longMaxPerWindow) {
        const v = sink.v.reset();
        v.aspect = 'count-window';
        v.start = tl.dStart[windowStart];
        v.end = tl.dEnd[d];
        v.value = inWindow;
        v.limit = p.longMaxPerWindow;
        v.extentStart = s - W;
        v.extentEnd = tl.dEnd[d];
        setDienstBlocks(sink, tl, windowStart, d);
        sink.commit(this.rule, tl);
      }
      if (d + 1 < tl.nd && tl.dStart[d + 1] - tl.dEnd[d] < p.longRestAfterMinutes) {
        const v = sink.v.reset();
        v.aspect = 'rest-after';
        v.start = tl.dEnd[d];
        v.end = tl.dStart[d + 1];
        v.value = v.end - v.start;
        v.limit = p.longRestAfterMinutes;
        v.extentStart = s;
        v.extentEnd = v.end;
        v.firstBlock = tl.dFirst[d];
        v.lastBlock = tl.dFirst[d + 1];
        v.blockMask = MASK_DIENST;
        sink.commit(this.rule, tl);
      }
    }
    this.weekly.evaluate(tl, from, to, sink);
  }
}

/** The 22-per-52-weeks part of the long-night exception. */
class LongNightWeeks extends WeekWindows {
  constructor(
    rule: CompiledRule,
    private readonly p: ParamsOf<'night-length'>,
  ) {
    super(rule, p.longWeeks);
    this.blockMask = MASK_DIENST;
  }
  private counts = new Int32Array(0);

  override evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    if (this.counts.length < tl.nw) this.counts = new Int32Array(Math.max(tl.nw, 64));
    this.counts.fill(0, 0, tl.nw);
    for (let d = 0; d < tl.nd; d++) {
      if ((tl.dFlags[d] & D_NIGHT) !== 0 && tl.dWork[d] > this.p.maxWorkMinutes)
        this.counts[tl.weekIndexOf(tl.dStart[d])]++;
    }
    super.evaluate(tl, from, to, sink);
  }
  protected excess(tl: Timeline, k: number): number {
    return sumWeeks(tl, this.counts, k, this.weeks) - this.p.longMaxPerWeeks;
  }
  protected describe(tl: Timeline, k: number, sink: Sink): void {
    sink.v.aspect = 'count-weeks';
    sink.v.value = sumWeeks(tl, this.counts, k, this.weeks);
    sink.v.limit = this.p.longMaxPerWeeks;
  }
}

// ------------------------------------------------------------------ on-call duties

function onCallMask(kinds: 'home' | 'any'): number {
  return kinds === 'home' ? MASK_ON_CALL_HOME : MASK_ON_CALL;
}

class OnCallCount implements Evaluator {
  private readonly p: ParamsOf<'on-call-count'>;
  private readonly mask: number;
  private readonly weekly: OnCallWeeks;
  constructor(readonly rule: CompiledRule) {
    this.p = rule.params as ParamsOf<'on-call-count'>;
    this.mask = onCallMask(this.p.kinds);
    this.weekly = new OnCallWeeks(rule, this.p);
  }
  private counts(tl: Timeline, i: number): boolean {
    return ((1 << tl.bKind[i]) & this.mask) !== 0 && inScope(this.rule, tl.isMinorAt(tl.bStart[i]));
  }
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    const W = this.p.windowMinutes;
    const lo = from === -Infinity ? 0 : tl.firstBlockStartingFrom(from - W - 2 * DAY);
    const hi = to === Infinity ? tl.n : tl.firstBlockStartingFrom(to + W + 1);
    let windowStart = lo;
    let inWindow = 0;
    for (let i = lo; i < hi; i++) {
      if (!this.counts(tl, i)) continue;
      const s = tl.bStart[i];
      while (tl.bStart[windowStart] <= s - W) {
        if (this.counts(tl, windowStart)) inWindow--;
        windowStart++;
      }
      inWindow++;
      if (inWindow <= this.p.maxPerWindow || tl.bEnd[i] < from || s - W > to) continue;
      const v = sink.v.reset();
      v.start = tl.bStart[windowStart];
      v.end = tl.bEnd[i];
      v.value = inWindow;
      v.limit = this.p.maxPerWindow;
      v.extentStart = s - W;
      v.extentEnd = tl.bEnd[i];
      v.firstBlock = windowStart;
      v.lastBlock = i;
      v.blockMask = this.mask;
      sink.commit(this.rule, tl);
    }
    this.weekly.evaluate(tl, from, to, sink);
  }
}

class OnCallWeeks extends WeekWindows {
  constructor(
    rule: CompiledRule,
    private readonly p: ParamsOf<'on-call-count'>,
  ) {
    super(rule, p.weeks);
    this.blockMask = onCallMask(p.kinds);
  }
  private arr(tl: Timeline): Int32Array {
    return this.p.kinds === 'home' ? tl.wOnCallHome : tl.wOnCallAny;
  }
  protected excess(tl: Timeline, k: number): number {
    return sumWeeks(tl, this.arr(tl), k, this.weeks) - this.p.maxPerWeeks;
  }
  protected describe(tl: Timeline, k: number, sink: Sink): void {
    sink.v.aspect = 'count-weeks';
    sink.v.value = sumWeeks(tl, this.arr(tl), k, this.weeks);
    sink.v.limit = this.p.maxPerWeeks;
  }
}

/** Per on-call block checks: too long, or not allowed at all (minors). */
class OnCallBlocks implements Evaluator {
  private readonly max: number;
  constructor(readonly rule: CompiledRule) {
    this.max = rule.kind === 'on-call-length' ? (rule.params as ParamsOf<'on-call-length'>).maxMinutes : 0;
  }
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    const lo = from === -Infinity ? 0 : tl.firstBlockEndingAfter(from - 1);
    for (let i = lo; i < tl.n && tl.bStart[i] <= to; i++) {
      const bit = 1 << tl.bKind[i];
      if ((bit & MASK_ON_CALL) === 0 || !inScope(this.rule, tl.isMinorAt(tl.bStart[i]))) continue;
      const length = tl.bEnd[i] - tl.bStart[i];
      if (length <= this.max) continue;
      const v = sink.v.reset();
      v.start = v.extentStart = tl.bStart[i];
      v.end = v.extentEnd = tl.bEnd[i];
      v.value = length;
      v.limit = this.max;
      v.kindCode = tl.bKind[i];
      v.firstBlock = v.lastBlock = i;
      v.blockMask = bit;
      sink.commit(this.rule, tl);
    }
  }
}

/** No on-call from home in the `before` minutes before and `after` minutes after a night dienst. */
class OnCallNearNight implements Evaluator {
  private readonly p: ParamsOf<'on-call-near-night'>;
  constructor(readonly rule: CompiledRule) {
    this.p = rule.params as ParamsOf<'on-call-near-night'>;
  }
  evaluate(tl: Timeline, from: number, to: number, sink: Sink): void {
    const { beforeMinutes, afterMinutes } = this.p;
    const lo = from === -Infinity ? 0 : tl.firstBlockEndingAfter(from - 1);
    for (let i = lo; i < tl.n && tl.bStart[i] <= to; i++) {
      if (tl.bKind[i] !== KIND['on-call-home'] || !inScope(this.rule, tl.isMinorAt(tl.bStart[i]))) continue;
      const s = tl.bStart[i];
      const e = tl.bEnd[i];
      // Night diensten that could be within reach.
      let d = tl.firstDienstEndingAfter(s - afterMinutes);
      for (; d < tl.nd && tl.dStart[d] < e + beforeMinutes; d++) {
        if ((tl.dFlags[d] & D_NIGHT) === 0) continue;
        let distance: number;
        let limit: number;
        if (e <= tl.dStart[d]) {
          distance = tl.dStart[d] - e;
          limit = beforeMinutes;
        } else if (s >= tl.dEnd[d]) {
          distance = s - tl.dEnd[d];
          limit = afterMinutes;
        } else {
          distance = 0;
          limit = Math.min(beforeMinutes, afterMinutes);
        }
        if (distance >= limit) continue;
        const v = sink.v.reset();
        v.start = s;
        v.end = e;
        v.value = distance;
        v.limit = limit;
        v.extentStart = Math.min(s, tl.dStart[d]);
        v.extentEnd = Math.max(e, tl.dEnd[d]);
        v.firstBlock = Math.min(i, tl.dFirst[d]);
        v.lastBlock = Math.max(i, tl.dLast[d]);
        v.blockMask = MASK_DIENST | MASK_ON_CALL_HOME;
        sink.commit(this.rule, tl);
      }
    }
  }
}

export function createEvaluator(rule: CompiledRule): Evaluator {
  switch (rule.kind) {
    case 'dienst-length':
      return new DienstLength(rule);
    case 'week-hours':
      return new WeekHours(rule);
    case 'week-count':
      return new WeekCount(rule);
    case 'daily-rest':
      return new DailyRest(rule);
    case 'weekly-rest':
      return new WeeklyRest(rule);
    case 'break':
      return new BreakRule(rule);
    case 'night-length':
      return new NightLength(rule);
    case 'night-rest':
      return new NightRest(rule);
    case 'night-series-rest':
      return new NightSeriesRest(rule);
    case 'consecutive-nights':
      return new ConsecutiveNights(rule);
    case 'night-series-length':
      return new NightSeriesLength(rule);
    case 'free-sundays':
      return new FreeSundays(rule);
    case 'free-weekends':
      return new FreeWeekends(rule);
    case 'no-work-window':
      return new NoWorkWindow(rule);
    case 'on-call-count':
      return new OnCallCount(rule);
    case 'on-call-length':
    case 'no-on-call':
      return new OnCallBlocks(rule);
    case 'on-call-near-night':
      return new OnCallNearNight(rule);
  }
}
