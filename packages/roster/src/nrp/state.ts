/**
 * Roster state with incremental (delta) scoring. A move changes a range of days of one employee
 * at a time (`changeRange`); only that employee's affected work/off runs, successions and totals
 * are re-scored, plus the cover of the changed days. Every change is logged so a rejected move is
 * undone by restoring cells and the saved totals — no allocation in the hot path.
 *
 * Scores: `soft` is the benchmark objective; `hard` is a penalty (0 ⇔ feasible) measured in
 * minute-like units so that the search sees how far from feasible it is: each discrete violation
 * (or missing/extra day of a block) costs HARD_UNIT, a minutes total out of range HARD_UNIT plus
 * the minutes missing or in excess. The search minimises soft + hardWeight × hard.
 */
import type { CompiledNrp } from './compiled.ts';

export const HARD_UNIT = 480;

export class NrpState {
  readonly c: CompiledNrp;
  /** assign[n * H + d] = shift index, or -1 for a day off. */
  readonly assign: Int8Array;
  readonly count: Int32Array;
  readonly minutes: Int32Array;
  readonly weekends: Int32Array;
  readonly cover: Int32Array;
  /** pinned[n * H + d] = 1: the search never changes this cell. */
  readonly pinned: Uint8Array;
  hard = 0;
  soft = 0;
  hardWeight: number;

  private readonly logCell: Int32Array;
  private readonly logValue: Int8Array;
  private logLength = 0;
  private savedHard = 0;
  private savedSoft = 0;

  constructor(compiled: CompiledNrp, hardWeight = 4) {
    const { N, H, S } = compiled;
    this.c = compiled;
    this.hardWeight = hardWeight;
    this.assign = new Int8Array(N * H).fill(-1);
    this.count = new Int32Array(N * S);
    this.minutes = new Int32Array(N);
    this.weekends = new Int32Array(N);
    this.cover = new Int32Array(H * S);
    this.pinned = new Uint8Array(N * H);
    for (let i = 0; i < N * H; i++) if (compiled.fixedOff[i]) this.pinned[i] = 1;
    this.logCell = new Int32Array(N * H * 2 + 16);
    this.logValue = new Int8Array(N * H * 2 + 16);
    this.recompute();
  }

  cost(): number {
    return this.soft + this.hardWeight * this.hard;
  }

  /** Load a whole roster (values per cell) and re-score from scratch. */
  load(values: ArrayLike<number>): void {
    const { N, H } = this.c;
    for (let i = 0; i < N * H; i++) this.rawSet((i / H) | 0, i % H, values[i]);
    this.recompute();
  }

  beginMove(): void {
    this.logLength = 0;
    this.savedHard = this.hard;
    this.savedSoft = this.soft;
  }

  undo(): void {
    this.rollBack(0, this.savedHard, this.savedSoft);
  }

  /** Position in the change log, to roll back part of a compound move. */
  mark(): number {
    return this.logLength;
  }

  /** Undo the changes logged after `mark`, restoring the totals taken at that point. */
  rollBack(mark: number, hard: number, soft: number): void {
    const H = this.c.H;
    for (let k = this.logLength - 1; k >= mark; k--) {
      const i = this.logCell[k];
      this.rawSet((i / H) | 0, i % H, this.logValue[k]);
    }
    this.logLength = mark;
    this.hard = hard;
    this.soft = soft;
  }

  /** Set days a..b of employee n to values[offset..]; returns the change of cost(). */
  changeRange(n: number, a: number, b: number, values: Int8Array, offset: number): number {
    const c = this.c;
    const { H, S } = c;
    const V = S + 1;
    const lo = a > 0 ? a - 1 : 0;
    const hi = b < H - 1 ? b + 1 : H - 1;
    const hardBefore = this.regionHard(n, lo, hi);
    let hard = 0;
    let soft = 0;
    const base = n * H;
    for (let d = a; d <= b; d++) {
      const i = base + d;
      const old = this.assign[i];
      const v = values[offset + d - a];
      if (old === v) continue;
      this.logCell[this.logLength] = i;
      this.logValue[this.logLength++] = old;
      const cell = i * V + 1;
      soft += c.cellCost[cell + v] - c.cellCost[cell + old];
      if (old >= 0) {
        const k = d * S + old;
        soft += this.cover[k] <= c.coverRequired[k] ? c.coverUnder[k] : -c.coverOver[k];
        if (this.count[n * S + old] > c.maxPerType[n * S + old]) hard -= HARD_UNIT;
        if (c.fixedOff[i]) hard -= HARD_UNIT;
      }
      if (v >= 0) {
        const k = d * S + v;
        soft += this.cover[k] < c.coverRequired[k] ? -c.coverUnder[k] : c.coverOver[k];
        if (this.count[n * S + v] >= c.maxPerType[n * S + v]) hard += HARD_UNIT;
        if (c.fixedOff[i]) hard += HARD_UNIT;
      }
      this.rawSet(n, d, v);
    }
    hard += this.regionHard(n, lo, hi) - hardBefore;
    this.hard += hard;
    this.soft += soft;
    return soft + this.hardWeight * hard;
  }

  /** Set one cell; returns the change of cost(). */
  changeCell(n: number, d: number, v: number): number {
    this.single[0] = v;
    return this.changeRange(n, d, d, this.single, 0);
  }
  private readonly single = new Int8Array(1);

  /** Update the counters for one cell without scoring. */
  private rawSet(n: number, d: number, v: number): void {
    const { H, S } = this.c;
    const i = n * H + d;
    const old = this.assign[i];
    if (old === v) return;
    const dow = d % 7;
    const weekendBefore = dow >= 5 ? this.weekendWorked(n, d - dow + 5) : 0;
    if (old >= 0) {
      this.count[n * S + old]--;
      this.minutes[n] -= this.c.shiftMinutes[old];
      this.cover[d * S + old]--;
    }
    if (v >= 0) {
      this.count[n * S + v]++;
      this.minutes[n] += this.c.shiftMinutes[v];
      this.cover[d * S + v]++;
    }
    this.assign[i] = v;
    if (dow >= 5) this.weekends[n] += this.weekendWorked(n, d - dow + 5) - weekendBefore;
  }

  private weekendWorked(n: number, saturday: number): number {
    const i = n * this.c.H + saturday;
    return this.assign[i] >= 0 || this.assign[i + 1] >= 0 ? 1 : 0;
  }

  /**
   * Hard penalty of employee n that depends on days lo..hi: successions between those days,
   * every maximal work/off run that touches them, and the per-employee totals.
   */
  private regionHard(n: number, lo: number, hi: number): number {
    const c = this.c;
    const { H, S } = c;
    const base = n * H;
    const assign = this.assign;
    let pen = 0;
    for (let d = lo; d < hi; d++) {
      const s = assign[base + d];
      const t = assign[base + d + 1];
      if (s >= 0 && t >= 0 && c.forbidden[s * S + t] === 1) pen += HARD_UNIT;
    }
    const maxCons = c.maxConsecutive[n];
    const minCons = c.minConsecutive[n];
    const minOff = c.minDaysOff[n];
    // Off runs are scanned only as far as their length matters (minOff), so a move next to a
    // long stretch of days off costs O(minOff), not O(horizon); work runs are scanned fully.
    let start = lo;
    const firstWorks = assign[base + lo] >= 0;
    while (start > 0 && assign[base + start - 1] >= 0 === firstWorks && (firstWorks || lo - start < minOff))
      start--;
    while (start <= hi) {
      const works = assign[base + start] >= 0;
      let end = start;
      while (
        end + 1 < H &&
        assign[base + end + 1] >= 0 === works &&
        (works || end < hi || end - start < minOff)
      )
        end++;
      const length = end - start + 1;
      const interior = start > 0 && end < H - 1;
      if (works) {
        if (length > maxCons) pen += (length - maxCons) * HARD_UNIT;
        if (interior && length < minCons) pen += (minCons - length) * HARD_UNIT;
      } else if (interior && length < minOff) pen += (minOff - length) * HARD_UNIT;
      start = end + 1;
    }
    const m = this.minutes[n];
    if (m < c.minMinutes[n]) pen += HARD_UNIT + c.minMinutes[n] - m;
    else if (m > c.maxMinutes[n]) pen += HARD_UNIT + m - c.maxMinutes[n];
    const extraWeekends = this.weekends[n] - c.maxWeekends[n];
    if (extraWeekends > 0) pen += extraWeekends * HARD_UNIT;
    return pen;
  }

  /**
   * Cost of employee n taking value v on day d with everyone else as they are: the request cost
   * plus the marginal cover cost; Infinity where a pin holds the cell at another value. The day
   * cost of the row DPs (row-dp.ts, row-price.ts, the whole-row repair).
   */
  costGivenOthers(n: number, d: number, v: number): number {
    const c = this.c;
    const i = n * c.H + d;
    const own = this.assign[i];
    if (this.pinned[i] && v !== own) return Infinity;
    let cost = c.cellCost[i * (c.S + 1) + v + 1];
    if (v >= 0) {
      const k = d * c.S + v;
      const others = this.cover[k] - (own === v ? 1 : 0);
      cost += others < c.coverRequired[k] ? -c.coverUnder[k] : c.coverOver[k];
    }
    return cost;
  }

  /** Hard penalty of one employee's row (all hard terms are per employee). */
  employeeHard(n: number): number {
    const c = this.c;
    const { H, S } = c;
    let hard = this.regionHard(n, 0, H - 1);
    for (let s = 0; s < S; s++) {
      const excess = this.count[n * S + s] - c.maxPerType[n * S + s];
      if (excess > 0) hard += excess * HARD_UNIT;
    }
    for (let d = 0; d < H; d++) if (c.fixedOff[n * H + d] && this.assign[n * H + d] >= 0) hard += HARD_UNIT;
    return hard;
  }

  /**
   * A day where employee n breaks a local rule (succession, run length, listed day off), chosen
   * uniformly by `pick` in [0, 1); -1 when only totals (minutes, weekends, type maxima) are broken.
   */
  violationDay(n: number, pick: number): number {
    const c = this.c;
    const { H, S } = c;
    const a = this.assign;
    const base = n * H;
    let found = 0;
    let chosen = -1;
    const consider = (d: number) => {
      found++;
      // Reservoir sampling with one uniform number: keep d with probability 1/found.
      if (pick * found < 1) chosen = d;
      else pick = (pick * found - 1) / (found - 1);
    };
    for (let d = 0; d < H; d++) {
      const v = a[base + d];
      if (v >= 0 && c.fixedOff[base + d]) consider(d);
      if (d + 1 < H && v >= 0 && a[base + d + 1] >= 0 && c.forbidden[v * S + a[base + d + 1]]) consider(d);
    }
    for (let start = 0; start < H;) {
      const works = a[base + start] >= 0;
      let end = start;
      while (end + 1 < H && a[base + end + 1] >= 0 === works) end++;
      const length = end - start + 1;
      const interior = start > 0 && end < H - 1;
      if (
        works
          ? length > c.maxConsecutive[n] || (interior && length < c.minConsecutive[n])
          : interior && length < c.minDaysOff[n]
      )
        consider(start);
      start = end + 1;
    }
    return chosen;
  }

  /** Re-score everything from the counters and cells (used after loading). */
  recompute(): void {
    const c = this.c;
    const { N, H, S } = c;
    let hard = 0;
    let soft = 0;
    for (let n = 0; n < N; n++) {
      hard += this.regionHard(n, 0, H - 1);
      for (let s = 0; s < S; s++) {
        const excess = this.count[n * S + s] - c.maxPerType[n * S + s];
        if (excess > 0) hard += excess * HARD_UNIT;
      }
      for (let d = 0; d < H; d++) {
        const i = n * H + d;
        soft += c.cellCost[i * (S + 1) + 1 + this.assign[i]];
        if (c.fixedOff[i] && this.assign[i] >= 0) hard += HARD_UNIT;
      }
    }
    for (let k = 0; k < H * S; k++) {
      const diff = this.cover[k] - c.coverRequired[k];
      soft += diff < 0 ? -diff * c.coverUnder[k] : diff * c.coverOver[k];
    }
    this.hard = hard;
    this.soft = soft;
  }

  /**
   * Number of hard violations, counted as the evaluator documents (evaluate.ts), from the
   * compiled cells; used for the score the solver reports.
   */
  countViolations(): number {
    const c = this.c;
    const { N, H, S } = c;
    const a = this.assign;
    let count = 0;
    for (let n = 0; n < N; n++) {
      const base = n * H;
      for (let d = 0; d + 1 < H; d++) {
        const s = a[base + d];
        const t = a[base + d + 1];
        if (s >= 0 && t >= 0 && c.forbidden[s * S + t]) count++;
      }
      for (let s = 0; s < S; s++) count += Math.max(0, this.count[n * S + s] - c.maxPerType[n * S + s]);
      if (this.minutes[n] < c.minMinutes[n] || this.minutes[n] > c.maxMinutes[n]) count++;
      for (let start = 0; start < H;) {
        const works = a[base + start] >= 0;
        let end = start;
        while (end + 1 < H && a[base + end + 1] >= 0 === works) end++;
        const length = end - start + 1;
        const interior = start > 0 && end < H - 1;
        if (works) {
          count += Math.max(0, length - c.maxConsecutive[n]);
          if (interior && length < c.minConsecutive[n]) count++;
        } else if (interior && length < c.minDaysOff[n]) count++;
        start = end + 1;
      }
      count += Math.max(0, this.weekends[n] - c.maxWeekends[n]);
      for (let d = 0; d < H; d++) if (c.fixedOff[base + d] && a[base + d] >= 0) count++;
    }
    return count;
  }
}
