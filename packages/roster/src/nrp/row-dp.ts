/**
 * Exact re-optimisation of one employee's days a..b with everyone else fixed: a dynamic programme
 * over the days whose state is (value, run length, run touches day 0, minutes used, weekends
 * used). Each day's cost is the employee's request cost plus the marginal cover cost given the
 * others, so the optimum is the best row for the cover as it stands. Successions, run lengths
 * (with the horizon-edge exemption, across the window edges), minutes and weekends are exact;
 * a type maximum is respected when its remaining capacity is 0 and otherwise left to the scorer.
 * The new row is applied through the state's delta scoring (logged, so it can be undone).
 */
import { minuteUnit } from './compiled.ts';
import type { NrpState } from './state.ts';

export class RowDp {
  private readonly unit: number;
  private readonly shiftUnits: Int32Array;
  private readonly maxShiftUnits: number;
  private readonly runCap: number;
  private readonly codes: number;
  private readonly stepCost: Float64Array;
  private layerA = new Float64Array(0);
  private layerB = new Float64Array(0);
  private back = new Int32Array(0);
  private readonly row: Int8Array;

  constructor(
    private readonly state: NrpState,
    /** Upper bound on days × states per call, to bound the time of one move. */
    private readonly budget = 400_000,
  ) {
    const c = state.c;
    this.unit = minuteUnit(c);
    this.shiftUnits = Int32Array.from(c.shiftMinutes, (m) => m / this.unit);
    this.maxShiftUnits = Math.max(...this.shiftUnits);
    let cap = 1;
    for (let n = 0; n < c.N; n++)
      cap = Math.max(cap, c.maxConsecutive[n], c.minConsecutive[n], c.minDaysOff[n]);
    this.runCap = cap + 1;
    this.codes = (c.S + 1) * this.runCap * 2;
    this.stepCost = new Float64Array(c.H * (c.S + 1));
    this.row = new Int8Array(Math.max(c.H, c.S));
  }

  /** Days a window of this employee may span within the budget. */
  windowFor(n: number, maxDays: number): number {
    const c = this.state.c;
    let W = Math.min(maxDays, c.H);
    while (W > 1 && W * this.layerSize(n, W) > this.budget) W--;
    return W;
  }

  /** Upper bound of the DP layer size for a window of W days. */
  private layerSize(n: number, W: number): number {
    const c = this.state.c;
    const units = Math.min(Math.ceil(c.maxMinutes[n] / this.unit), W * this.maxShiftUnits);
    const weekends = Math.min(c.maxWeekends[n], Math.ceil(W / 7) + 1);
    return this.codes * (units + 1) * (weekends + 1);
  }

  /** Re-optimise days a..b of employee n; returns the cost change, or NaN when nothing changed. */
  optimise(n: number, a: number, b: number): number {
    const s = this.state;
    const c = s.c;
    const { H, S } = c;
    const V = S + 1;
    const base = n * H;
    const assign = s.assign;
    const R = this.runCap;
    const maxCons = c.maxConsecutive[n];
    const minCons = c.minConsecutive[n];
    const minOff = Math.max(1, c.minDaysOff[n]);

    // Fixed context outside the window.
    let minutesOut = 0;
    for (let d = 0; d < H; d++)
      if ((d < a || d > b) && assign[base + d] >= 0) minutesOut += c.shiftMinutes[assign[base + d]];
    const hiUnits = Math.floor((c.maxMinutes[n] - minutesOut) / this.unit);
    const loUnits = Math.max(0, Math.ceil((c.minMinutes[n] - minutesOut) / this.unit));
    if (hiUnits < loUnits || hiUnits < 0) return NaN;
    let weekendsOut = 0;
    for (let sat = 5; sat + 1 < H; sat += 7) {
      const touches = (sat >= a && sat <= b) || (sat + 1 >= a && sat + 1 <= b);
      if (!touches && (assign[base + sat] >= 0 || assign[base + sat + 1] >= 0)) weekendsOut++;
    }
    const remWeekends = c.maxWeekends[n] - weekendsOut;
    if (remWeekends < 0) return NaN;
    const W = b - a + 1;
    const M = Math.min(hiUnits, W * this.maxShiftUnits) + 1;
    const K = Math.min(remWeekends, Math.ceil(W / 7) + 1) + 1;
    const hiCap = M - 1;
    const weekendCap = K - 1;
    const layer = this.codes * M * K;
    if (layer * W > this.budget * 2) return NaN;
    if (this.layerA.length < layer) {
      this.layerA = new Float64Array(layer);
      this.layerB = new Float64Array(layer);
    }
    if (this.back.length < layer * W) this.back = new Int32Array(layer * W);

    // Values allowed in the window and their day costs.
    const capacity = this.row; // reused as scratch: remaining capacity flag per shift
    for (let t = 0; t < S; t++) {
      let inside = 0;
      for (let d = a; d <= b; d++) if (assign[base + d] === t) inside++;
      capacity[t] = c.maxPerType[n * S + t] - (s.count[n * S + t] - inside) > 0 ? 1 : 0;
    }
    for (let d = a; d <= b; d++)
      for (let u = -1; u < S; u++)
        this.stepCost[d * V + u + 1] = u >= 0 && !capacity[u] ? Infinity : s.costGivenOthers(n, d, u);

    const encode = (v: number, r: number, e: number, m: number, k: number) =>
      ((((v + 1) * R + r - 1) * 2 + e) * M + m) * K + k;
    let cur = this.layerA.subarray(0, layer).fill(Infinity);
    let next = this.layerB.subarray(0, layer);

    // Transition into day d from (v, r, e, m, k) with value u; returns the new index or -1.
    const step = (d: number, v: number, r: number, e: number, m: number, k: number, u: number): number => {
      const works = u >= 0;
      let nr: number;
      let ne: number;
      if (d > 0 && v >= 0 && works && c.forbidden[v * S + u]) return -1;
      if (d === 0) {
        nr = 1;
        ne = 1;
      } else if (v >= 0 === works) {
        nr = r + 1;
        ne = e;
        if (works && nr > maxCons) return -1;
        if (!works && nr > minOff) nr = minOff;
        if (works && nr > R - 1) nr = R - 1;
      } else {
        if (!e && (v >= 0 ? r < minCons : r < minOff)) return -1;
        nr = 1;
        ne = 0;
      }
      const nm = m + (works ? this.shiftUnits[u] : 0);
      if (nm > hiCap) return -1;
      let nk = k;
      if (d % 7 === 6 && d > 0 && (works || v >= 0)) nk++;
      if (nk > weekendCap) return -1;
      return encode(u, nr, ne, nm, nk);
    };

    // Day a from the context (or from nothing at day 0).
    next.fill(Infinity);
    const backA = 0;
    let v0 = -1;
    let r0 = 1;
    let e0 = 0;
    if (a > 0) {
      v0 = assign[base + a - 1];
      let start = a - 1;
      while (start > 0 && assign[base + start - 1] >= 0 === v0 >= 0) start--;
      r0 = a - start;
      e0 = start === 0 ? 1 : 0;
      if (v0 >= 0 && r0 > maxCons) return NaN;
      if (v0 < 0 && r0 > minOff) r0 = minOff;
      if (v0 >= 0 && r0 > R - 1) r0 = R - 1;
    }
    const startIndex = a > 0 ? encode(v0, r0, e0, 0, 0) : -1;
    for (let u = -1; u < S; u++) {
      const cost = this.stepCost[a * V + u + 1];
      if (cost === Infinity) continue;
      const to = step(a, v0, r0, e0, 0, 0, u);
      if (to < 0) continue;
      if (cost < next[to]) {
        next[to] = cost;
        this.back[backA + to] = startIndex;
      }
    }
    [cur, next] = [next, cur];

    for (let d = a + 1; d <= b; d++) {
      next.fill(Infinity);
      const backBase = (d - a) * layer;
      for (let idx = 0; idx < layer; idx++) {
        const here = cur[idx];
        if (here === Infinity) continue;
        const k = idx % K;
        const m = ((idx / K) | 0) % M;
        const code = (idx / (K * M)) | 0;
        const e = code & 1;
        const r = ((code >> 1) % R) + 1;
        const v = (((code >> 1) / R) | 0) - 1;
        for (let u = -1; u < S; u++) {
          const cost = this.stepCost[d * V + u + 1];
          if (cost === Infinity) continue;
          const to = step(d, v, r, e, m, k, u);
          if (to < 0) continue;
          const total = here + cost;
          if (total < next[to]) {
            next[to] = total;
            this.back[backBase + to] = idx;
          }
        }
      }
      [cur, next] = [next, cur];
    }

    // Close the window against the fixed days after it.
    let bestIdx = -1;
    let bestCost = Infinity;
    const u1 = b + 1 < H ? assign[base + b + 1] : -2;
    let rightLength = 0;
    let rightEdge = true;
    if (b + 1 < H) {
      let end = b + 1;
      while (end + 1 < H && assign[base + end + 1] >= 0 === u1 >= 0) end++;
      rightLength = end - b;
      rightEdge = end === H - 1;
    }
    for (let idx = 0; idx < layer; idx++) {
      const here = cur[idx];
      if (here >= bestCost) continue;
      const k = idx % K;
      const m = ((idx / K) | 0) % M;
      if (m < loUnits) continue;
      const code = (idx / (K * M)) | 0;
      const e = code & 1;
      const r = ((code >> 1) % R) + 1;
      const v = (((code >> 1) / R) | 0) - 1;
      if (u1 !== -2) {
        if (v >= 0 && u1 >= 0 && c.forbidden[v * S + u1]) continue;
        if (v >= 0 === u1 >= 0) {
          const total = r + rightLength;
          if (v >= 0 && total > maxCons) continue;
          if (!e && !rightEdge && total < (v >= 0 ? minCons : minOff)) continue;
        } else if (!e && (v >= 0 ? r < minCons : r < minOff)) continue;
        if (b % 7 === 5 && k + (v >= 0 || u1 >= 0 ? 1 : 0) > weekendCap) continue;
      }
      bestCost = here;
      bestIdx = idx;
    }
    if (bestIdx < 0) return NaN;

    const row = this.row;
    let idx = bestIdx;
    let changes = 0;
    for (let d = b; d >= a; d--) {
      const code = (idx / (K * M)) | 0;
      row[d - a] = (((code >> 1) / R) | 0) - 1;
      if (row[d - a] !== assign[base + d]) changes++;
      idx = this.back[(d - a) * layer + idx];
    }
    if (changes === 0) return NaN;
    return s.changeRange(n, a, b, row, 0);
  }
}
