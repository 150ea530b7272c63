/**
 * Best whole-horizon row for one employee with everyone else fixed, by dynamic programming with
 * Lagrangian prices on the employee's totals. The DP state is (value, run length, run touches
 * day 0), so successions, run lengths (with the horizon-edge exemption) and pinned cells are
 * exact, while total minutes, worked weekends and type maxima are priced: a multiplier per
 * minute (found by bisection so the minutes land in range), per weekend and per type, raised
 * while the row breaks them. The state stays small (values × run lengths × 2), so a full 364-day
 * row costs a few milliseconds where the exact windowed DP (row-dp.ts) cannot span the horizon.
 * Day costs are the request cost plus the marginal cover cost given the others, so iterating it
 * over the employees is a coordinate descent on the objective; every returned row satisfies all
 * hard rules when the multipliers converge (usually), otherwise the least-violating row found.
 */
import type { Random } from '@planmaat/domain';
import type { NrpState } from './state.ts';

const MAX_ROUNDS = 24;
const JITTER = 0.6;

export class RowPricer {
  private readonly baseCost: Float64Array;
  private readonly dayCost: Float64Array;
  private readonly jitter: Float64Array;
  private readonly layerA: Float64Array;
  private readonly layerB: Float64Array;
  private readonly back: Int32Array;
  private readonly row: Int8Array;
  private readonly bestRow: Int8Array;
  private readonly typeCount: Int32Array;
  /** Multipliers kept per employee between calls (warm start). */
  private readonly minutePrice: Float64Array;
  private readonly weekendPrice: Float64Array;
  private readonly typePrice: Float64Array;
  /** DP solves done, and their transitions (deterministic work measures for budgets). */
  solves = 0;
  work = 0;
  /** Transitions of the largest single solve over the employees. */
  readonly maxSolveWork: number;

  constructor(private readonly state: NrpState) {
    const c = state.c;
    const { N, H, S } = c;
    let maxStates = 0;
    let maxValues = 0;
    let maxWork = 0;
    for (let n = 0; n < N; n++) {
      const values = c.allowedStart[n + 1] - c.allowedStart[n];
      maxValues = Math.max(maxValues, values);
      maxStates = Math.max(maxStates, values * this.runCap(n) * 2);
      maxWork = Math.max(maxWork, H * values * this.runCap(n) * 2 * values);
    }
    this.maxSolveWork = maxWork;
    this.baseCost = new Float64Array(H * maxValues);
    this.dayCost = new Float64Array(H * maxValues);
    this.jitter = new Float64Array(H * maxValues);
    this.layerA = new Float64Array(maxStates);
    this.layerB = new Float64Array(maxStates);
    this.back = new Int32Array(H * maxStates);
    this.row = new Int8Array(H);
    this.bestRow = new Int8Array(H);
    this.typeCount = new Int32Array(S);
    this.minutePrice = new Float64Array(N);
    this.weekendPrice = new Float64Array(N);
    this.typePrice = new Float64Array(N * S);
  }

  private runCap(n: number): number {
    const c = this.state.c;
    return Math.max(1, c.maxConsecutive[n], c.minConsecutive[n], c.minDaysOff[n]);
  }

  /**
   * Compute the best row of employee n into `this.row` and apply it through the state's delta
   * scoring; returns the cost change, or NaN when the row is unchanged.
   */
  optimise(n: number, rng?: Random): number {
    const s = this.state;
    const c = s.c;
    const { H, S } = c;
    const A = c.allowedStart[n + 1] - c.allowedStart[n];
    const first = c.allowedStart[n];
    const base = n * H;
    // Prices on totals that were broken earlier fade, so they do not distort later rows forever.
    this.weekendPrice[n] *= 0.9;
    for (let t = 0; t < S; t++) this.typePrice[n * S + t] *= 0.9;
    // Request plus marginal cover cost of each allowed value on each day, others fixed.
    for (let d = 0; d < H; d++) {
      for (let a = 0; a < A; a++) {
        const u = c.allowedValues[first + a];
        this.baseCost[d * A + a] = s.costGivenOthers(n, d, u);
        // A small jitter breaks the ties that make the minutes jump past their range as the
        // minute price crosses a cover weight (every shift worth the same at that price).
        this.jitter[d * A + a] = rng && u >= 0 ? rng.next() * JITTER : 0;
      }
    }

    let below = NaN; // largest minute price seen with too many minutes
    let above = NaN; // smallest minute price seen with too few minutes
    let bestViolation = Infinity;
    let bestCost = Infinity;
    let step = 0.05;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const cost = this.solve(n, A, first);
      if (cost === Infinity) break;
      // Totals of the row found.
      let minutes = 0;
      let weekends = 0;
      this.typeCount.fill(0);
      for (let d = 0; d < H; d++) {
        const v = this.row[d];
        if (v >= 0) {
          minutes += c.shiftMinutes[v];
          this.typeCount[v]++;
        }
        if (d % 7 === 6 && (v >= 0 || this.row[d - 1] >= 0)) weekends++;
      }
      let violation = 0;
      let realCost = 0;
      let repriced = false;
      for (let d = 0; d < H; d++) realCost += this.baseCost[d * A + this.indexOf(first, A, this.row[d])];
      const extraWeekends = weekends - c.maxWeekends[n];
      if (extraWeekends > 0) {
        violation += extraWeekends * 480;
        this.weekendPrice[n] += 20 * extraWeekends + this.weekendPrice[n] * 0.5;
        repriced = true;
      } else if (extraWeekends < 0 && this.weekendPrice[n] > 0) {
        // Slack: lower the price again (projected subgradient step).
        this.weekendPrice[n] = Math.max(0, this.weekendPrice[n] + 10 * extraWeekends);
        repriced = true;
      }
      for (let t = 0; t < S; t++) {
        const extra = this.typeCount[t] - c.maxPerType[n * S + t];
        const k = n * S + t;
        if (extra > 0) {
          violation += extra * 480;
          this.typePrice[k] += 20 * extra + this.typePrice[k] * 0.5;
          repriced = true;
        } else if (extra < 0 && this.typePrice[k] > 0) {
          this.typePrice[k] = Math.max(0, this.typePrice[k] + 10 * extra);
          repriced = true;
        }
      }
      const price = this.minutePrice[n];
      if (minutes > c.maxMinutes[n]) {
        violation += minutes - c.maxMinutes[n] + 480;
        below = below === below ? Math.max(below, price) : price;
      } else if (minutes < c.minMinutes[n]) {
        violation += c.minMinutes[n] - minutes + 480;
        above = above === above ? Math.min(above, price) : price;
      }
      if (violation < bestViolation || (violation === bestViolation && realCost < bestCost)) {
        bestViolation = violation;
        bestCost = realCost;
        this.bestRow.set(this.row);
      }
      if (violation === 0 && !repriced) break;
      if (repriced) {
        // The minutes curve moved with the other prices: bracket the minute price again.
        below = NaN;
        above = NaN;
        step = 0.02;
      }
      if (minutes > c.maxMinutes[n] || minutes < c.minMinutes[n]) {
        let next: number;
        if (below === below && above === above) {
          if (above <= below) {
            // The bracket broke after another price changed: start it again from here.
            if (minutes > c.maxMinutes[n]) above = NaN;
            else below = NaN;
          }
        }
        if (below === below && above === above) {
          if (above - below < 1e-5) break;
          next = (below + above) / 2;
        } else if (below === below) next = below + step;
        else if (above === above) next = above - step;
        else next = minutes > c.maxMinutes[n] ? price + step : price - step;
        step *= 2;
        this.minutePrice[n] = next;
      }
    }
    if (bestViolation === Infinity) return NaN;
    let changes = 0;
    for (let d = 0; d < H; d++) if (this.bestRow[d] !== s.assign[base + d]) changes++;
    if (changes === 0) return NaN;
    return s.changeRange(n, 0, H - 1, this.bestRow, 0);
  }

  private indexOf(first: number, A: number, v: number): number {
    const values = this.state.c.allowedValues;
    for (let a = 0; a < A; a++) if (values[first + a] === v) return a;
    return 0;
  }

  /** One DP with the current prices; writes the row and returns its priced cost. */
  private solve(n: number, A: number, first: number): number {
    this.solves++;
    const c = this.state.c;
    const { H, S } = c;
    const R = this.runCap(n);
    const maxCons = c.maxConsecutive[n];
    const minCons = c.minConsecutive[n];
    const minOff = Math.max(1, c.minDaysOff[n]);
    const values = c.allowedValues;
    const lambda = this.minutePrice[n];
    const mu = this.weekendPrice[n];
    for (let d = 0; d < H; d++)
      for (let a = 0; a < A; a++) {
        const u = values[first + a];
        this.dayCost[d * A + a] =
          this.baseCost[d * A + a] +
          this.jitter[d * A + a] +
          (u >= 0 ? lambda * c.shiftMinutes[u] + this.typePrice[n * S + u] : 0);
      }
    const states = A * R * 2;
    this.work += H * states * A;
    let cur = this.layerA;
    let next = this.layerB;
    cur.fill(Infinity, 0, states);
    // State index: (a * R + r - 1) * 2 + e, with a the allowed-value index (0 = day off).
    for (let a = 0; a < A; a++) {
      const cost = this.dayCost[a];
      if (cost === Infinity) continue;
      cur[a * R * 2 + 1] = cost;
      this.back[a * R * 2 + 1] = -1;
    }
    for (let d = 1; d < H; d++) {
      next.fill(Infinity, 0, states);
      const sunday = d % 7 === 6;
      const dayBase = d * A;
      const backBase = d * states;
      for (let p = 0; p < states; p++) {
        const here = cur[p];
        if (here === Infinity) continue;
        const e = p & 1;
        const r = ((p >> 1) % R) + 1;
        const va = ((p >> 1) / R) | 0;
        const v = values[first + va];
        const vWorks = v >= 0;
        // Day off next.
        const offCost = this.dayCost[dayBase];
        if (offCost !== Infinity) {
          let to = -1;
          if (!vWorks) to = (Math.min(r + 1, minOff) - 1) * 2 + e;
          else if (e === 1 || r >= minCons) to = 0;
          if (to >= 0) {
            const total = here + offCost + (sunday && vWorks ? mu : 0);
            if (total < next[to]) {
              next[to] = total;
              this.back[backBase + to] = p;
            }
          }
        }
        // A shift next.
        if (vWorks ? r >= maxCons : e === 0 && r < minOff) continue;
        const weekend = sunday ? mu : 0;
        for (let a = 1; a < A; a++) {
          const cost = this.dayCost[dayBase + a];
          if (cost === Infinity) continue;
          const u = values[first + a];
          let to: number;
          if (vWorks) {
            if (c.forbidden[v * S + u] === 1) continue;
            to = (a * R + r) * 2 + e;
          } else to = a * R * 2;
          const total = here + cost + weekend;
          if (total < next[to]) {
            next[to] = total;
            this.back[backBase + to] = p;
          }
        }
      }
      const t = cur;
      cur = next;
      next = t;
    }
    let best = -1;
    let bestCost = Infinity;
    for (let p = 0; p < states; p++)
      if (cur[p] < bestCost) {
        bestCost = cur[p];
        best = p;
      }
    if (best < 0) return Infinity;
    for (let d = H - 1, p = best; d >= 0; d--) {
      this.row[d] = values[first + (((p >> 1) / R) | 0)];
      p = this.back[d * states + p];
    }
    return bestCost;
  }
}
