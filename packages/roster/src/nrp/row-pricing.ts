/**
 * Exact pricing of one employee's whole-horizon row for column generation: the cheapest row under
 * arbitrary day costs that keeps every hard rule of the employee. A dynamic programme over the
 * days whose state is (value, run length, run touches day 0, worked weekends) holds one vector of
 * costs over the minutes used (in units of the shifts' greatest common divisor), so successions,
 * run lengths with the horizon-edge exemption, weekends and the minutes range are exact, and the
 * inner loop is a shifted vector minimum over typed arrays. A shift type whose maximum the row
 * breaks is counted in the state and the programme runs again (exact for up to two such types);
 * a third is priced, and the cheapest row found that keeps every maximum is returned (such calls
 * are counted in `inexact`); a row that breaks one is never returned.
 */
import { FREE_CELL, minuteUnit, type CompiledNrp } from './compiled.ts';

const TYPE_PRICE_ROUNDS = 10;
/** Largest back-pointer table (days × states × minute units) a call may allocate: 100 MB. */
const MAX_BACK_POINTERS = 50_000_000;

export class ExactRowPricer {
  private readonly unit: number;
  private readonly units: Int32Array;
  /**
   * Back pointers per day, state and minutes: the predecessor's (value, run, edge) code; its
   * weekend and type counts follow from the step taken, so two bytes suffice.
   */
  private back = new Uint16Array(0);
  private layerA = new Float64Array(0);
  private layerB = new Float64Array(0);
  private aliveA = new Int32Array(0);
  private aliveB = new Int32Array(0);
  private readonly typePrice: Float64Array;
  private readonly typeCount: Int32Array;
  private readonly priceLow: Float64Array;
  private readonly priceHigh: Float64Array;
  private readonly bestRow: Int8Array;
  private readonly cost: Float64Array;
  /** Row of the last successful `price` call (shift index or -1 per day). */
  readonly row: Int8Array;
  /** Calls whose answer may not be the cheapest row (a second type had to be priced). */
  inexact = 0;

  constructor(private readonly c: CompiledNrp) {
    this.unit = minuteUnit(c);
    this.units = Int32Array.from(c.shiftMinutes, (m) => m / this.unit);
    this.typePrice = new Float64Array(c.S);
    this.typeCount = new Int32Array(c.S);
    this.priceLow = new Float64Array(c.S);
    this.priceHigh = new Float64Array(c.S);
    this.bestRow = new Int8Array(c.H);
    this.cost = new Float64Array(c.H * (c.S + 1));
    this.row = new Int8Array(c.H);
  }

  /** Drops the DP tables (the next call allocates them again). */
  release(): void {
    this.back = new Uint16Array(0);
    this.layerA = new Float64Array(0);
    this.layerB = new Float64Array(0);
  }

  /** Layer size (states × minute units) of employee n: a measure of the cost of one call. */
  size(n: number): number {
    const d = this.dims(n);
    return d.A * d.R * 2 * d.K * d.M;
  }

  private dims(n: number) {
    const c = this.c;
    const A = c.allowedStart[n + 1] - c.allowedStart[n];
    const R = Math.max(1, c.maxConsecutive[n], c.minConsecutive[n], c.minDaysOff[n]);
    const hi = Math.max(0, Math.floor(c.maxMinutes[n] / this.unit));
    let maxUnits = 0;
    for (let a = 1; a < A; a++)
      maxUnits = Math.max(maxUnits, this.units[c.allowedValues[c.allowedStart[n] + a]]);
    const M = Math.min(hi, c.H * maxUnits) + 1;
    const K = Math.min(c.maxWeekends[n], Math.floor(c.H / 7)) + 1;
    return { A, R, M, K, maxUnits };
  }

  /**
   * Cheapest feasible row of employee n for `dayCost[d * (S + 1) + v + 1]` (listed days off stay
   * off); leaves it in `row` and returns its cost, or Infinity when no feasible row was found.
   */
  price(n: number, dayCost: Float64Array): number {
    const c = this.c;
    const { H, S } = c;
    const V = S + 1;
    this.typePrice.fill(0);
    let spread = 1;
    for (let i = 0; i < H * V; i++)
      if (Number.isFinite(dayCost[i])) spread = Math.max(spread, Math.abs(dayCost[i]));
    // Up to two broken types are counted exactly in the DP state; further ones are priced.
    let tracked = -1;
    let tracked2 = -1;
    let priced = false;
    // Per priced type, a price known to leave it over its maximum (low) and one known to keep
    // it within (high): later rounds bisect between them, and the cheapest row that keeps every
    // maximum is returned.
    const low = this.priceLow.fill(0);
    const high = this.priceHigh.fill(Infinity);
    let bestTotal = Infinity;
    for (let round = 0; round < TYPE_PRICE_ROUNDS; round++) {
      for (let d = 0; d < H; d++) {
        const off = c.fixedOff[n * H + d] === 1;
        this.cost[d * V] = dayCost[d * V];
        for (let u = 0; u < S; u++)
          this.cost[d * V + u + 1] = off ? Infinity : dayCost[d * V + u + 1] + this.typePrice[u];
        const frozen = c.frozen ? c.frozen[n * H + d] : FREE_CELL;
        if (frozen !== FREE_CELL)
          for (let v = -1; v < S; v++) if (v !== frozen) this.cost[d * V + v + 1] = Infinity;
      }
      // Prices are finite, so no row at all keeps the hard rules (and the tracked maximum).
      if (this.solve(n, tracked, tracked2) === Infinity) {
        if (!priced) return Infinity;
        break;
      }
      this.typeCount.fill(0);
      for (let d = 0; d < H; d++) if (this.row[d] >= 0) this.typeCount[this.row[d]]++;
      let worst = -1;
      let worstExcess = 0;
      for (let u = 0; u < S; u++) {
        const excess = this.typeCount[u] - c.maxPerType[n * S + u];
        if (excess > worstExcess) {
          worst = u;
          worstExcess = excess;
        }
      }
      if (worst < 0) {
        let total = 0;
        for (let d = 0; d < H; d++) total += dayCost[d * V + this.row[d] + 1];
        if (!priced) return total;
        if (total < bestTotal) {
          bestTotal = total;
          this.bestRow.set(this.row);
        }
        // Lower the prices that kept their types within bounds, towards the last that did not.
        let open = false;
        for (let u = 0; u < S; u++) {
          if (this.typePrice[u] === 0) continue;
          high[u] = this.typePrice[u];
          if (high[u] - low[u] > 0.01 * spread) open = true;
          this.typePrice[u] = (low[u] + high[u]) / 2;
        }
        if (!open) break;
        continue;
      }
      // The first two types broken are counted exactly in the state (while the back-pointer
      // table stays within its budget); any further one is priced.
      const counted = Math.min(c.maxPerType[n * S + worst], H) + 1;
      const trackedStates = tracked >= 0 ? Math.min(c.maxPerType[n * S + tracked], H) + 1 : 1;
      if (tracked < 0 && this.size(n) * counted * H <= MAX_BACK_POINTERS) tracked = worst;
      else if (tracked2 < 0 && this.size(n) * trackedStates * counted * H <= MAX_BACK_POINTERS)
        tracked2 = worst;
      else {
        priced = true;
        for (let u = 0; u < S; u++)
          if (u !== tracked && u !== tracked2 && this.typeCount[u] > c.maxPerType[n * S + u]) {
            low[u] = this.typePrice[u];
            this.typePrice[u] =
              high[u] < Infinity ? (low[u] + high[u]) / 2 : low[u] + spread * 0.25 * (round + 1);
          }
      }
    }
    this.inexact++;
    if (bestTotal === Infinity) return Infinity;
    this.row.set(this.bestRow);
    return bestTotal;
  }

  /** The DP; `tracked` and `tracked2` are shift types whose counts are part of the state (-1: none). */
  private solve(n: number, tracked: number, tracked2: number): number {
    const c = this.c;
    const { H, S } = c;
    const V = S + 1;
    const { A, R, M, K, maxUnits } = this.dims(n);
    const first = c.allowedStart[n];
    const values = c.allowedValues;
    const units = this.units;
    const maxCons = c.maxConsecutive[n];
    const minCons = c.minConsecutive[n];
    const minOff = Math.max(1, c.minDaysOff[n]);
    const lo = Math.max(0, Math.ceil(c.minMinutes[n] / this.unit));
    const T1 = tracked >= 0 ? Math.min(c.maxPerType[n * S + tracked], H) + 1 : 1;
    const T2 = tracked2 >= 0 ? Math.min(c.maxPerType[n * S + tracked2], H) + 1 : 1;
    const T = T1 * T2;
    // Count index step of each value: T2 for the first tracked type, 1 for the second.
    const step = (v: number) => (v < 0 ? 0 : v === tracked ? T2 : v === tracked2 ? 1 : 0);
    const KT = K * T;
    const states = A * R * 2 * KT;
    const layer = states * M;
    if (A * R * 2 > 0xffff) throw new Error(`employee ${c.staffIds[n]}: too many row states to price`);
    if (this.layerA.length < layer) {
      this.layerA = new Float64Array(layer);
      this.layerB = new Float64Array(layer);
    }
    if (this.back.length < H * layer) this.back = new Uint16Array(H * layer);
    if (this.aliveA.length < 2 * states) {
      this.aliveA = new Int32Array(2 * states);
      this.aliveB = new Int32Array(2 * states);
    }
    let cur = this.layerA;
    let next = this.layerB;
    // Per state, the minutes range [alive[2s], alive[2s + 1]] that may hold a finite cost.
    let curAlive = this.aliveA;
    let nextAlive = this.aliveB;
    const cost = this.cost;
    const back = this.back;
    // State s = (((a * R + r - 1) * 2 + e) * K + k) * T + c1 * T2 + c2, with c1 and c2 the
    // counts of the tracked types; its minutes vector is [s * M, s * M + M).
    cur.fill(Infinity, 0, layer);
    for (let p = 0; p < states; p++) {
      curAlive[2 * p] = M;
      curAlive[2 * p + 1] = -1;
    }
    for (let a = 0; a < A; a++) {
      const v = values[first + a];
      const w = cost[v + 1];
      if (w === Infinity) continue;
      const inc = step(v);
      const s = (a * R * 2 + 1) * KT + inc;
      const m = a > 0 ? units[v] : 0;
      const fits = v < 0 || (v === tracked ? T1 > 1 : v === tracked2 ? T2 > 1 : true);
      if (m < M && fits) {
        cur[s * M + m] = w;
        curAlive[2 * s] = Math.min(curAlive[2 * s], m);
        curAlive[2 * s + 1] = Math.max(curAlive[2 * s + 1], m);
      }
    }
    for (let d = 1; d < H; d++) {
      next.fill(Infinity, 0, layer);
      for (let p = 0; p < states; p++) {
        nextAlive[2 * p] = M;
        nextAlive[2 * p + 1] = -1;
      }
      const sunday = d % 7 === 6;
      const reachable = (H - 1 - d) * maxUnits; // units still addable after day d
      const backBase = d * layer;
      for (let p = 0; p < states; p++) {
        const ct = p % T;
        const c2 = ct % T2;
        const k = ((p / T) | 0) % K;
        const code = (p / KT) | 0;
        const e = code & 1;
        const r = ((code >> 1) % R) + 1;
        const pa = ((code >> 1) / R) | 0;
        const pv = values[first + pa];
        const pWorks = pa > 0;
        const from = p * M;
        // Minutes range of this state that is alive and can still reach the minimum.
        const mLo = Math.max(curAlive[2 * p], lo - reachable - maxUnits);
        const mHi = curAlive[2 * p + 1];
        if (mLo > mHi) continue;
        for (let a = 0; a < A; a++) {
          const v = values[first + a];
          const w = cost[d * V + v + 1];
          if (w === Infinity) continue;
          const works = a > 0;
          let nr: number;
          let ne: number;
          if (pWorks === works) {
            if (works && c.forbidden[pv * S + v] === 1) continue;
            nr = r + 1;
            ne = e;
            if (works && nr > maxCons) continue;
            if (!works && nr > minOff) nr = minOff;
            if (nr > R) nr = R;
          } else {
            if (e === 0 && (pWorks ? r < minCons : r < minOff)) continue;
            nr = 1;
            ne = 0;
          }
          let nk = k;
          if (sunday && (works || pWorks)) nk++;
          if (nk >= K) continue;
          let nct = ct;
          if (works && v === tracked) {
            nct += T2;
            if (nct >= T) continue;
          } else if (works && v === tracked2) {
            if (c2 + 1 >= T2) continue;
            nct++;
          }
          const shift = works ? units[v] : 0;
          const qs = (((a * R + nr - 1) * 2 + ne) * K + nk) * T + nct;
          const q = qs * M + shift;
          const top = Math.min(mHi, M - 1 - shift);
          if (top < mLo) continue;
          if (mLo + shift < nextAlive[2 * qs]) nextAlive[2 * qs] = mLo + shift;
          if (top + shift > nextAlive[2 * qs + 1]) nextAlive[2 * qs + 1] = top + shift;
          for (let m = mLo; m <= top; m++) {
            const total = cur[from + m] + w;
            if (total < next[q + m]) {
              next[q + m] = total;
              back[backBase + q + m] = code;
            }
          }
        }
      }
      const t = cur;
      cur = next;
      next = t;
      const ta = curAlive;
      curAlive = nextAlive;
      nextAlive = ta;
    }
    let best = -1;
    let bestCost = Infinity;
    for (let s = 0; s < states; s++)
      for (let m = lo; m < M; m++) {
        const i = s * M + m;
        if (cur[i] < bestCost) {
          bestCost = cur[i];
          best = i;
        }
      }
    if (best < 0) return Infinity;
    let i = best;
    for (let d = H - 1; d >= 0; d--) {
      const s = (i / M) | 0;
      const m = i % M;
      const ct = s % T;
      const k = ((s / T) | 0) % K;
      const a = ((((s / KT) | 0) >> 1) / R) | 0;
      const v = values[first + a];
      this.row[d] = v;
      if (d === 0) break;
      const code = back[d * layer + i];
      const pa = ((code >> 1) / R) | 0;
      const works = a > 0;
      const pk = d % 7 === 6 && (works || pa > 0) ? k - 1 : k;
      const pct = works ? ct - step(v) : ct;
      i = ((code * K + pk) * T + pct) * M + m - (works ? units[v] : 0);
    }
    return bestCost;
  }
}

/** Estimated minute-vector updates of one pricing round (every employee priced once). */
export function pricingRoundWork(c: CompiledNrp): number {
  const pricer = new ExactRowPricer(c);
  let work = 0;
  for (let n = 0; n < c.N; n++) {
    const values = c.allowedStart[n + 1] - c.allowedStart[n];
    work += c.H * pricer.size(n) * values;
  }
  return work;
}
