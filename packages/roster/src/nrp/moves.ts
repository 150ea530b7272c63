/**
 * The NRP neighbourhood on top of NrpState: the moves of NrpMoveWeights (cell and block changes
 * and swaps, cover and wish moves, moves of work across the horizon, exact row re-optimisation,
 * ruin-and-recreate), chosen at random by weight. Each move logs its cell changes in the state so
 * the engine can undo it. Pinned cells (listed days off, user pins) are never touched.
 */
import type { Random } from '@planmaat/domain';
import type { SearchProblem, Solution } from '../engine/problem.ts';
import type { CompiledNrp } from './compiled.ts';
import type { NrpState } from './state.ts';
import type { WindowMip } from './window-mip.ts';
import { type Pacing, withinPace } from './pacing.ts';
import { RowDp } from './row-dp.ts';
import { RowPricer } from './row-price.ts';
import { ExactRowPricer } from './row-pricing.ts';

export interface NrpMoveWeights {
  change: number;
  swap: number;
  blockChange: number;
  blockSwap: number;
  /** Exchange two days of one employee (keeps their totals). */
  dayExchange: number;
  /** Exchange two employees' cells on two days (keeps cover). */
  doubleSwap: number;
  /** Put someone on an under-covered shift (or take someone off an over-covered one). */
  coverRepair: number;
  ruinRecreate: number;
  /** Exact re-optimisation of a window (needs a WindowMip; ignored without one). */
  windowMip: number;
  /** Rotate one employee's days a..b by one day (moves a work block, keeps its length). */
  rotate: number;
  /** Exact dynamic-programming re-optimisation of one employee's window of days. */
  rowDp: number;
  /** Row DP around a broken rule of an infeasible employee (no-op when feasible). */
  repair: number;
  /**
   * Ejection chain for cover: someone takes an under-covered shift and re-optimises the days
   * around it (row DP); a shift they drop that leaves its cover short is taken over the same way
   * by a second employee.
   */
  coverChain: number;
  /**
   * Whole-horizon priced row DP (row-price.ts) as a move: an employee who can take an
   * under-covered shift is held on it and gets the cheapest whole row around it against the
   * current cover; a shift the new row drops that leaves its cover short is taken over the same
   * way by a second employee. Its share of the time is capped (PRICE_WORK_PER_MOVE).
   */
  priceChain: number;
  /**
   * Someone takes an under-covered shift; if that puts them over their maximum minutes, they
   * hand a shift on another day to (or swap it for a shorter one with) a colleague with room,
   * which leaves that day's cover unchanged.
   */
  fillTransfer: number;
  /**
   * Move one shift of an employee across the horizon: they take an under-covered shift on a day
   * off and give up the best of their shifts that are over-covered (year-long instances spend
   * minutes early that a later peak needs).
   */
  relocate: number;
  /**
   * Grant a wish that is not granted: the employee takes the wished value on that day and a
   * colleague who has it takes theirs — on that day or over a block of days around it — so the
   * cover stays as it was. The best of a few colleagues is kept.
   */
  wish: number;
  /**
   * Move work between weeks within one employee's row: an employee off on an under-covered
   * shift's day exchanges a block of days around it with the same weekdays of a week where they
   * work that shift, so minutes, shift-type counts and (for whole weekends) worked weekends stay
   * as they were. The best of a few employees is kept.
   */
  weekExchange: number;
  /**
   * Move a worked weekend to a weekend with a short shift: an employee off all that weekend
   * exchanges it with one of their worked weekends (one worked on a single day first) and takes
   * the short shift; if that puts them over their maximum minutes they give up an over-covered
   * shift elsewhere. Worked weekends are the scarcest resource on the long instances.
   */
  weekendTransfer: number;
  /**
   * Complete a single-day weekend: someone who works the other day of a weekend with a short
   * shift takes it, and the days around it are re-optimised (row DP), as in the cover chain.
   */
  weekendFill: number;
}

export const DEFAULT_MOVE_WEIGHTS: NrpMoveWeights = {
  change: 20,
  swap: 15,
  blockChange: 10,
  blockSwap: 15,
  dayExchange: 20,
  doubleSwap: 14,
  coverRepair: 10,
  ruinRecreate: 0.3,
  windowMip: 0,
  rotate: 10,
  rowDp: 0.002,
  repair: 0,
  coverChain: 0.03,
  priceChain: 0,
  fillTransfer: 0.3,
  relocate: 0,
  wish: 8,
  weekExchange: 3,
  weekendTransfer: 0,
  weekendFill: 0,
};

const MAX_BLOCK = 7;
const PRICE_CHAIN_LINKS = 2;
/** Over-covered shifts scored when an employee gives one up (relocate, weekend transfer). */
const DROP_CANDIDATES = 48;
/** Employees the weekend-transfer move scores. */
const WEEKEND_TRANSFER_CANDIDATES = 8;
/** Employees the week-exchange move scores. */
const WEEK_EXCHANGE_CANDIDATES = 8;
/** Employees the relocate move scores as the taker of the under-covered shift. */
const RELOCATE_TAKERS = 8;
/**
 * Colleagues the wish move scores per move. Search alone (30 s, one thread): 16 against 6 gave
 * 13: 1,988 vs 2,178, 19: 4,063 vs 4,250, 20: 5,658 vs 5,790, 24: 69,323 vs 70,853 (means of
 * 2–3 seeds); 23 the same.
 */
const WISH_PARTNERS = 16;
/** Exchanges the fill-transfer move scores before keeping the best. */
const FILL_TRANSFER_CANDIDATES = 4;
/**
 * Work budget of the price chain in DP transitions per move of the search (all kinds): a
 * transition costs ≈ 4–5 ns and an ordinary move ≈ 1.3 µs, so 60 holds it to ≈ 1/6 of the time
 * on any instance, and deterministically (no clock).
 */
const PRICE_WORK_PER_MOVE = 60;
/** Skip the price chain where one DP solve alone is this big (instance 24: 6·10⁶, ≈ 0.7 s a row). */
const PRICE_MAX_SOLVE_WORK = 2_000_000;
/** Days × states of one wide repair DP (≈ 0.1 s) and its longest window. */
const WIDE_REPAIR_BUDGET = 20_000_000;
const WIDE_REPAIR_DAYS = 84;
/** Wide-repair budget per move drawn: one wide repair per 2·10⁶ moves (≈ 3 s) at most. */
const REPAIR_WORK_PER_MOVE = 10;
/**
 * Largest whole-horizon repair (days × states × minute units of the exact row DP, two bytes
 * each): instance 22's tightest employees need 1.85·10⁸ (≈ 0.6 s, 370 MB while it runs).
 */
const WHOLE_ROW_REPAIR_MAX = 200_000_000;

export class NrpProblem implements SearchProblem {
  private readonly thresholds: Float64Array;
  private readonly bufferA: Int8Array;
  private readonly bufferB: Int8Array;
  private readonly ruinPeople: Int32Array;
  /** Cells (n·H + d) where some value costs a request weight: the wishes. */
  private readonly wishCells: Int32Array;
  private readonly baseHardWeight: number;
  private readonly rowDp: RowDp;
  private pricer: RowPricer | undefined;
  private wideRowDp: RowDp | undefined;
  private wholeRowPricer: ExactRowPricer | undefined;
  private wholeRowCost: Float64Array | undefined;
  /** DP budget spent by wide repairs so far. */
  private repairWork = 0;
  /** Moves drawn so far (the price chain's work budget grows with it). */
  private moves = 0;
  /** DP transitions the price chain may spend per move drawn (tests lift it). */
  priceWorkPerMove = PRICE_WORK_PER_MOVE;

  constructor(
    readonly state: NrpState,
    weights: NrpMoveWeights = DEFAULT_MOVE_WEIGHTS,
    private readonly adaptive = true,
    private readonly windowMip?: WindowMip,
  ) {
    const w = [
      weights.change,
      weights.swap,
      weights.blockChange,
      weights.blockSwap,
      weights.dayExchange,
      weights.doubleSwap,
      weights.coverRepair,
      weights.ruinRecreate,
      windowMip ? weights.windowMip : 0,
      weights.rotate,
      weights.rowDp,
      weights.repair,
      weights.coverChain,
      weights.priceChain,
      weights.fillTransfer,
      weights.relocate,
      weights.wish,
      weights.weekExchange,
      weights.weekendTransfer,
      weights.weekendFill,
    ];
    const total = w.reduce((a, b) => a + b, 0);
    let acc = 0;
    this.thresholds = Float64Array.from(w, (x) => (acc += x / total));
    // Rounding must not leave a sliver of probability to moves of weight 0 at the end.
    for (let k = w.length - 1; k >= 0 && (k === w.length - 1 || w[k + 1] === 0); k--) {
      this.thresholds[k] = 1;
      if (w[k] !== 0) break;
    }
    this.bufferA = new Int8Array(state.c.H);
    this.bufferB = new Int8Array(state.c.H);
    this.ruinPeople = new Int32Array(state.c.N);
    this.wishCells = wishCellsOf(state.c);
    this.baseHardWeight = state.hardWeight;
    this.rowDp = new RowDp(state);
  }

  cost(): number {
    return this.state.cost();
  }
  hardScore(): number {
    return this.state.hard;
  }
  mediumScore(): number {
    return 0;
  }
  softScore(): number {
    return this.state.soft;
  }
  snapshot(): Solution {
    return this.state.assign.slice();
  }
  saveTo(target: Solution): void {
    target.set(this.state.assign);
  }
  load(solution: Solution): void {
    this.state.load(solution);
  }
  undo(): void {
    this.state.undo();
  }

  /** Cells pinned by a plan (weekend-plan.ts) rather than by the user, and when to let go. */
  private heldCells: Int32Array | undefined;
  private heldFrom = 0;

  /**
   * Hold `cells` (already pinned by the caller) as long as the roster can be made feasible around
   * them: once the search's progress reaches `share`, each adaptation step frees the held cells of
   * every employee whose row is still infeasible.
   */
  holdUntilInfeasible(cells: Int32Array, share: number): void {
    this.heldCells = cells;
    this.heldFrom = share;
  }

  private releaseInfeasibleRows(): void {
    const s = this.state;
    const H = s.c.H;
    const held = this.heldCells!;
    let kept = 0;
    // Held cells come grouped by employee: one row check per employee.
    let employee = -1;
    let infeasible = false;
    for (let k = 0; k < held.length; k++) {
      const cell = held[k];
      const n = (cell / H) | 0;
      if (n !== employee) {
        employee = n;
        infeasible = s.employeeHard(n) > 0;
      }
      if (infeasible) s.pinned[cell] = 0;
      else held[kept++] = cell;
    }
    this.heldCells = kept > 0 ? held.subarray(0, kept) : undefined;
  }

  /**
   * Strategic oscillation: the hard weight grows while the search stays infeasible. Held cells
   * of infeasible employees are let go once their grace share of the search has passed.
   */
  adapt(progress = 0): void {
    const s = this.state;
    if (this.heldCells && s.hard > 0 && progress >= this.heldFrom) this.releaseInfeasibleRows();
    if (!this.adaptive) return;
    if (s.hard > 0) s.hardWeight = Math.min(s.hardWeight * 1.05, this.baseHardWeight * 32);
    else s.hardWeight = Math.max(this.baseHardWeight, s.hardWeight * 0.98);
  }

  move(rng: Random): number {
    this.moves++;
    this.state.beginMove();
    const r = rng.next();
    const t = this.thresholds;
    if (r < t[0]) return this.change(rng);
    if (r < t[1]) return this.swap(rng);
    if (r < t[2]) return this.blockChange(rng);
    if (r < t[3]) return this.blockSwap(rng);
    if (r < t[4]) return this.dayExchange(rng);
    if (r < t[5]) return this.doubleSwap(rng);
    if (r < t[6]) return this.coverRepair(rng);
    if (r < t[7]) return this.ruinRecreate(rng);
    if (r < t[8]) return this.exactWindow(rng);
    if (r < t[9]) return this.rotate(rng);
    if (r < t[10]) return this.rowOptimum(rng);
    if (r < t[11]) return this.repair(rng);
    if (r < t[12]) return this.coverChain(rng);
    if (r < t[13]) return this.priceChain(rng);
    if (r < t[14]) return this.fillTransfer(rng);
    if (r < t[15]) return this.relocate(rng);
    if (r < t[16]) return this.grantWish(rng);
    if (r < t[17]) return this.weekExchange(rng);
    if (r < t[18]) return this.weekendTransfer(rng);
    return this.coverChain(rng, true);
  }

  private grantWish(rng: Random): number {
    const s = this.state;
    const c = s.c;
    const { N, H, S } = c;
    const V = S + 1;
    const cells = this.wishCells;
    if (cells.length === 0) return NaN;
    // A wish not granted: its current value costs more than the cheapest value the employee may take.
    let cell = -1;
    let wanted = -1;
    for (let tries = 0; tries < 8 && cell < 0; tries++) {
      const i = cells[rng.int(cells.length)];
      if (s.pinned[i]) continue;
      const n = (i / H) | 0;
      const current = s.assign[i];
      let best = c.cellCost[i * V + current + 1];
      let bestValue = current;
      const first = c.allowedStart[n];
      const count = c.allowedStart[n + 1] - first;
      const offset = rng.int(count);
      for (let k = 0; k < count; k++) {
        const v = c.allowedValues[first + ((offset + k) % count)];
        if (c.cellCost[i * V + v + 1] < best) {
          best = c.cellCost[i * V + v + 1];
          bestValue = v;
        }
      }
      if (bestValue !== current) {
        cell = i;
        wanted = bestValue;
      }
    }
    if (cell < 0) return NaN;
    const n = (cell / H) | 0;
    const d = cell % H;
    const mark = s.mark();
    const hard = s.hard;
    const soft = s.soft;
    // Option 0: the change alone; then swaps with colleagues who have the wished value that day.
    let bestDelta = s.changeCell(n, d, wanted);
    s.rollBack(mark, hard, soft);
    let bestPartner = -1;
    let bestFrom = d;
    let bestTo = d;
    let partners = 0;
    const firstOther = rng.int(N);
    for (let k = 0; k < N && partners < WISH_PARTNERS; k++) {
      const m = (firstOther + k) % N;
      const j = m * H + d;
      if (m === n || s.assign[j] !== wanted || s.pinned[j]) continue;
      partners++;
      // The day alone, or a block of 2..MAX_BLOCK days around it (keeps both runs whole).
      let from = d;
      let to = d;
      if (rng.next() < 0.5) {
        const length = Math.min(H, 2 + rng.int(MAX_BLOCK - 1));
        from = Math.max(0, Math.min(d - rng.int(length), H - length));
        to = from + length - 1;
      }
      const delta = this.swapRange(n, m, from, to);
      s.rollBack(mark, hard, soft);
      if (!Number.isNaN(delta) && delta < bestDelta) {
        bestDelta = delta;
        bestPartner = m;
        bestFrom = from;
        bestTo = to;
      }
    }
    if (bestPartner < 0) return s.changeCell(n, d, wanted);
    return this.swapRange(n, bestPartner, bestFrom, bestTo);
  }

  /** A short shift on a weekend day (slot d·S + s), or -1 if 32 random tries find none. */
  private randomWeekendGap(rng: Random): number {
    const s = this.state;
    const c = s.c;
    const weeks = Math.floor(c.H / 7);
    for (let tries = 0; tries < 32; tries++) {
      const k = (rng.int(weeks) * 7 + 5 + rng.int(2)) * c.S + rng.int(c.S);
      if (this.isShort(k)) return k;
    }
    return -1;
  }

  private weekendTransfer(rng: Random): number {
    const s = this.state;
    const c = s.c;
    const { N, H, S } = c;
    const weeks = Math.floor(H / 7);
    if (weeks < 2) return NaN;
    const slot = this.randomWeekendGap(rng);
    if (slot < 0) return NaN;
    const day = (slot / S) | 0;
    const shift = slot % S;
    const saturday = day - (day % 7) + 5;
    const mark = s.mark();
    const hard = s.hard;
    const soft = s.soft;
    let bestDelta = Infinity;
    let bestEmployee = -1;
    let bestSource = -1;
    let tried = 0;
    const firstEmployee = rng.int(N);
    for (let j = 0; j < N && tried < WEEKEND_TRANSFER_CANDIDATES; j++) {
      const n = (firstEmployee + j) % N;
      const base = n * H;
      if (s.assign[base + saturday] >= 0 || s.assign[base + saturday + 1] >= 0) continue;
      if (s.pinned[base + day] || c.maxPerType[n * S + shift] === 0) continue;
      // One of their worked weekends, a single-day one if there is one.
      let source = -1;
      let single = false;
      const firstWeek = rng.int(weeks);
      for (let w = 0; w < weeks && !single; w++) {
        const sat = ((firstWeek + w) % weeks) * 7 + 5;
        const a = s.assign[base + sat];
        const b = s.assign[base + sat + 1];
        if (sat === saturday || (a < 0 && b < 0)) continue;
        if (source < 0 || a < 0 || b < 0) {
          source = sat;
          single = a < 0 || b < 0;
        }
      }
      if (source < 0) continue;
      tried++;
      const delta = this.transferWeekend(n, source, saturday, day, shift);
      s.rollBack(mark, hard, soft);
      if (!Number.isNaN(delta) && delta < bestDelta) {
        bestDelta = delta;
        bestEmployee = n;
        bestSource = source;
      }
    }
    if (bestEmployee < 0) return NaN;
    const n = bestEmployee;
    const delta = this.transferWeekend(n, bestSource, saturday, day, shift);
    if (s.minutes[n] <= c.maxMinutes[n]) return delta;
    return delta + this.dropOverCovered(n, day, rng);
  }

  /** Exchange employee n's weekends at `from` and `to` (Saturdays), then put n on `shift` on `day`. */
  private transferWeekend(n: number, from: number, to: number, day: number, shift: number): number {
    const delta = this.exchangeRanges(n, from, to, 2);
    if (Number.isNaN(delta)) return NaN;
    return delta + this.state.changeCell(n, day, shift);
  }

  /**
   * Employee n gives up the best, by exact delta, of up to DROP_CANDIDATES of their
   * over-covered shifts (not on `keep`); 0 when there is none.
   */
  private dropOverCovered(n: number, keep: number, rng: Random): number {
    const s = this.state;
    const c = s.c;
    const { H, S } = c;
    const base = n * H;
    const mark = s.mark();
    const hard = s.hard;
    const soft = s.soft;
    let bestDelta = Infinity;
    let bestDay = -1;
    let candidates = 0;
    const start = rng.int(H);
    for (let j = 0; j < H && candidates < DROP_CANDIDATES; j++) {
      const d = (start + j) % H;
      const v = s.assign[base + d];
      if (v < 0 || d === keep || s.pinned[base + d] || s.cover[d * S + v] <= c.coverRequired[d * S + v])
        continue;
      candidates++;
      const change = s.changeCell(n, d, -1);
      s.rollBack(mark, hard, soft);
      if (change < bestDelta) {
        bestDelta = change;
        bestDay = d;
      }
    }
    return bestDay < 0 ? 0 : s.changeCell(n, bestDay, -1);
  }

  private weekExchange(rng: Random): number {
    const s = this.state;
    const c = s.c;
    const { N, H, S } = c;
    if (H < 14) return NaN;
    const slot = this.randomCoverGap(rng, 32, true);
    if (slot < 0) return NaN;
    const day = (slot / S) | 0;
    const shift = slot % S;
    const weeks = Math.floor(H / 7);
    const mark = s.mark();
    const hard = s.hard;
    const soft = s.soft;
    let bestDelta = Infinity;
    let bestEmployee = -1;
    let bestFrom = 0;
    let bestOther = 0;
    let bestLength = 0;
    let tried = 0;
    const firstEmployee = rng.int(N);
    for (let j = 0; j < N && tried < WEEK_EXCHANGE_CANDIDATES; j++) {
      const n = (firstEmployee + j) % N;
      const base = n * H;
      if (s.assign[base + day] >= 0 || s.pinned[base + day] || c.maxPerType[n * S + shift] === 0) continue;
      // A week where n works that shift on the same weekday; an over-covered one if there is one.
      let source = -1;
      let sourceOver = false;
      const firstWeek = rng.int(weeks);
      for (let w = 0; w < weeks && !sourceOver; w++) {
        const d = ((firstWeek + w) % weeks) * 7 + (day % 7);
        if (d === day || d >= H || s.assign[base + d] !== shift || s.pinned[base + d]) continue;
        const over = s.cover[d * S + shift] > c.coverRequired[d * S + shift];
        if (source < 0 || over) {
          source = d;
          sourceOver = over;
        }
      }
      if (source < 0) continue;
      tried++;
      const length = 1 + rng.int(MAX_BLOCK);
      const from = Math.max(0, Math.min(day - rng.int(length), H - length));
      const other = from + (source - day);
      if (other < 0 || other + length > H) continue;
      const delta = this.exchangeRanges(n, from, other, length);
      s.rollBack(mark, hard, soft);
      if (!Number.isNaN(delta) && delta < bestDelta) {
        bestDelta = delta;
        bestEmployee = n;
        bestFrom = from;
        bestOther = other;
        bestLength = length;
      }
    }
    if (bestEmployee < 0) return NaN;
    return this.exchangeRanges(bestEmployee, bestFrom, bestOther, bestLength);
  }

  /**
   * Exchange employee n's days a..a+length-1 with b..b+length-1 (disjoint: a and b are at least
   * a week apart); NaN (nothing changed) over a pin.
   */
  private exchangeRanges(n: number, a: number, b: number, length: number): number {
    const s = this.state;
    const base = n * s.c.H;
    for (let k = 0; k < length; k++) {
      if (s.pinned[base + a + k] || s.pinned[base + b + k]) return NaN;
      this.bufferA[k] = s.assign[base + a + k];
      this.bufferB[k] = s.assign[base + b + k];
    }
    return (
      s.changeRange(n, a, a + length - 1, this.bufferB, 0) +
      s.changeRange(n, b, b + length - 1, this.bufferA, 0)
    );
  }

  /** Exchange the cells of employees n1 and n2 on days a..b; NaN (nothing changed) over a pin. */
  private swapRange(n1: number, n2: number, a: number, b: number): number {
    const s = this.state;
    const H = s.c.H;
    for (let d = a; d <= b; d++) {
      if (s.pinned[n1 * H + d] || s.pinned[n2 * H + d]) return NaN;
      this.bufferA[d - a] = s.assign[n1 * H + d];
      this.bufferB[d - a] = s.assign[n2 * H + d];
    }
    return s.changeRange(n1, a, b, this.bufferB, 0) + s.changeRange(n2, a, b, this.bufferA, 0);
  }

  private relocate(rng: Random): number {
    const s = this.state;
    const c = s.c;
    const { N, H, S } = c;
    const slot = this.randomCoverGap(rng, 32, true);
    if (slot < 0) return NaN;
    const day = (slot / S) | 0;
    const shift = slot % S;
    const mark = s.mark();
    const hard = s.hard;
    const soft = s.soft;
    // The taker: the best by exact delta of a few employees off that day with room for the
    // shift; on a weekend day only those who work its other day (they spend no weekend, and
    // weekends bind on the long instances), unless there are none.
    let n = -1;
    let takeDelta = Infinity;
    let takers = 0;
    const firstTaker = rng.int(N);
    const dow = day % 7;
    const partner = dow === 5 ? day + 1 : dow === 6 ? day - 1 : -1;
    for (let pass = partner >= 0 && partner < H ? 0 : 1; pass < 2 && n < 0; pass++)
      for (let j = 0; j < N && takers < RELOCATE_TAKERS; j++) {
        const m = (firstTaker + j) % N;
        const i = m * H + day;
        if (s.pinned[i] || s.assign[i] >= 0 || s.count[m * S + shift] >= c.maxPerType[m * S + shift])
          continue;
        if (pass === 0 && s.assign[m * H + partner] < 0) continue;
        takers++;
        const change = s.changeCell(m, day, shift);
        s.rollBack(mark, hard, soft);
        if (change < takeDelta) {
          takeDelta = change;
          n = m;
        }
      }
    if (n < 0) return NaN;
    return s.changeCell(n, day, shift) + this.dropOverCovered(n, day, rng);
  }

  /**
   * Fill an under-covered shift without breaking the taker's maximum minutes. Where demand
   * exceeds what the staff may work (instance 13) the spare minutes end up scattered over many
   * employees in pieces smaller than any shift, so nobody can take a missing shift alone; this
   * move gathers a piece: the taker passes the excess to a colleague with room by a same-day
   * exchange (cover unchanged) or drops an over-covered shift. The best of a few candidate
   * exchanges is kept.
   */
  private fillTransfer(rng: Random): number {
    const s = this.state;
    const c = s.c;
    const { N, H, S } = c;
    const slot = this.randomCoverGap(rng, 32, true);
    if (slot < 0) return NaN;
    const d = (slot / S) | 0;
    const shift = slot % S;
    // Prefer a taker who is off that day (nothing else becomes short).
    let y = this.employeeFor(d, shift, rng, true);
    if (y < 0) y = this.employeeFor(d, shift, rng);
    if (y < 0) return NaN;
    let delta = s.changeCell(y, d, shift);
    const excess = s.minutes[y] - c.maxMinutes[y];
    if (excess <= 0) return delta;
    const mark = s.mark();
    const hard = s.hard;
    const soft = s.soft;
    let bestDelta = Infinity;
    let bestDay = -1;
    let bestOther = -1;
    let candidates = 0;
    const yBase = y * H;
    const firstDay = rng.int(H);
    for (let j = 0; j < H && candidates < FILL_TRANSFER_CANDIDATES; j++) {
      const e = (firstDay + j) % H;
      const given = s.assign[yBase + e];
      if (e === d || given < 0 || s.pinned[yBase + e]) continue;
      const givenMinutes = c.shiftMinutes[given];
      const k = e * S + given;
      // Drop an over-covered shift outright (x = -1).
      const firstOther = rng.int(N);
      for (let m = -1; m < N && candidates < FILL_TRANSFER_CANDIDATES; m++) {
        const x = m < 0 ? -1 : (firstOther + m) % N;
        let kept = -1;
        let shed = givenMinutes;
        if (x < 0) {
          if (s.cover[k] <= c.coverRequired[k]) continue;
        } else {
          const ix = x * H + e;
          kept = s.assign[ix];
          if (x === y || s.pinned[ix] || c.maxPerType[x * S + given] === 0) continue;
          if (kept >= 0) {
            if (c.maxPerType[y * S + kept] === 0) continue;
            shed -= c.shiftMinutes[kept];
          }
          if (shed < excess || s.minutes[x] + shed > c.maxMinutes[x]) continue;
        }
        if (s.minutes[y] - shed < c.minMinutes[y]) continue;
        candidates++;
        let change = s.changeCell(y, e, kept);
        if (x >= 0) change += s.changeCell(x, e, given);
        s.rollBack(mark, hard, soft);
        if (change < bestDelta) {
          bestDelta = change;
          bestDay = e;
          bestOther = x;
        }
      }
    }
    if (bestDay < 0) return delta;
    const kept = bestOther < 0 ? -1 : s.assign[bestOther * H + bestDay];
    const given = s.assign[yBase + bestDay];
    delta += s.changeCell(y, bestDay, kept);
    if (bestOther >= 0) delta += s.changeCell(bestOther, bestDay, given);
    return delta;
  }

  private priceChain(rng: Random): number {
    const s = this.state;
    const c = s.c;
    const { H, S } = c;
    let slot = this.randomCoverGap(rng, 32, true);
    if (slot < 0) return NaN;
    const pricer = (this.pricer ??= new RowPricer(s));
    if (pricer.work > this.moves * this.priceWorkPerMove || pricer.maxSolveWork > PRICE_MAX_SOLVE_WORK)
      return NaN;
    let delta = 0;
    let moved = false;
    for (let link = 0; link < PRICE_CHAIN_LINKS && slot >= 0; link++) {
      const d = (slot / S) | 0;
      const shift = slot % S;
      const n = this.employeeFor(d, shift, rng);
      if (n < 0) break;
      const before = this.bufferB;
      before.set(s.assign.subarray(n * H, n * H + H));
      delta += s.changeCell(n, d, shift);
      moved = true;
      // Hold d on the new shift while the rest of the row is re-priced around it.
      const i = n * H + d;
      s.pinned[i] = 1;
      const change = pricer.optimise(n, rng);
      s.pinned[i] = 0;
      if (change === change) delta += change;
      // A dropped shift that is now short of cover is the next link.
      slot = -1;
      const start = rng.int(H);
      for (let j = 0; j < H && slot < 0; j++) {
        const day = (start + j) % H;
        const old = before[day];
        if (old < 0 || s.assign[n * H + day] === old) continue;
        const k = day * S + old;
        if (this.isShort(k)) slot = k;
      }
    }
    return moved ? delta : NaN;
  }

  private coverChain(rng: Random, weekend = false): number {
    const s = this.state;
    const c = s.c;
    const { H, S } = c;
    let slot = weekend ? this.randomWeekendGap(rng) : this.randomCoverGap(rng, 32, true);
    if (slot < 0) return NaN;
    let delta = 0;
    let moved = false;
    for (let link = 0; link < 2 && slot >= 0; link++) {
      const d = (slot / S) | 0;
      const shift = slot % S;
      const n = weekend && link === 0 ? this.singleWeekender(d, shift, rng) : this.employeeFor(d, shift, rng);
      if (n < 0) break;
      const before = this.bufferB;
      before.set(s.assign.subarray(n * H, n * H + H));
      delta += s.changeCell(n, d, shift);
      moved = true;
      // Re-optimise the days around d with d held on the new shift.
      const i = n * H + d;
      s.pinned[i] = 1;
      const width = this.rowDp.windowFor(n, Math.min(H, 14));
      const a = Math.max(0, Math.min(H - width, d - rng.int(width)));
      const change = this.rowDp.optimise(n, a, a + width - 1);
      s.pinned[i] = 0;
      if (change === change) delta += change;
      // A dropped shift that is now short of cover is the next link.
      slot = -1;
      const start = rng.int(width);
      for (let j = 0; j < width && slot < 0; j++) {
        const day = a + ((start + j) % width);
        const old = before[day];
        if (old < 0 || s.assign[n * H + day] === old) continue;
        const k = day * S + old;
        if (s.cover[k] < c.coverRequired[k]) slot = k;
      }
    }
    return moved ? delta : NaN;
  }

  /**
   * A random employee off on weekend day d who works the weekend's other day and may take `shift`
   * (so taking it costs no weekend); -1 if none.
   */
  private singleWeekender(d: number, shift: number, rng: Random): number {
    const s = this.state;
    const c = s.c;
    const { N, H, S } = c;
    const other = d % 7 === 5 ? d + 1 : d - 1;
    const first = rng.int(N);
    for (let j = 0; j < N; j++) {
      const n = (first + j) % N;
      const i = n * H + d;
      if (s.pinned[i] || s.assign[i] >= 0 || s.assign[n * H + other] < 0) continue;
      if (c.maxPerType[n * S + shift] > 0) return n;
    }
    return -1;
  }

  /**
   * A random employee (not pinned on day d) who may take `shift` that day and does not work it;
   * with `offWithRoom`, only one who is off that day and below the shift's maximum. -1 if none.
   */
  private employeeFor(d: number, shift: number, rng: Random, offWithRoom = false): number {
    const s = this.state;
    const c = s.c;
    const { N, H, S } = c;
    const first = rng.int(N);
    for (let j = 0; j < N; j++) {
      const n = (first + j) % N;
      const i = n * H + d;
      if (s.pinned[i]) continue;
      const k = n * S + shift;
      if (
        offWithRoom
          ? s.assign[i] < 0 && s.count[k] < c.maxPerType[k]
          : s.assign[i] !== shift && c.maxPerType[k] > 0
      )
        return n;
    }
    return -1;
  }

  /**
   * Row DP around a broken rule of an infeasible employee. Where the employee's limits leave no
   * slack (instance 22: the minimum minutes need a 5-on-2-off rhythm all year), no short window
   * can mend it, so a window of up to 12 weeks follows when the short one leaves the employee
   * infeasible (≈ 0.1 s), and the exact whole-horizon row when that fails too (≈ 0.6 s on 22),
   * within a work budget.
   */
  private repair(rng: Random): number {
    const s = this.state;
    if (s.hard === 0) return NaN;
    const { N, H } = s.c;
    const first = rng.int(N);
    for (let k = 0; k < N; k++) {
      const n = (first + k) % N;
      if (s.employeeHard(n) === 0) continue;
      const pick = rng.next();
      const delta = this.repairWindow(this.rowDp, n, Math.min(H, 28), pick);
      if (s.employeeHard(n) === 0 || this.repairWork > this.moves * REPAIR_WORK_PER_MOVE) return delta;
      const wide = (this.wideRowDp ??= new RowDp(s, WIDE_REPAIR_BUDGET));
      this.repairWork += WIDE_REPAIR_BUDGET;
      let total = delta;
      const more = this.repairWindow(wide, n, Math.min(H, WIDE_REPAIR_DAYS), pick);
      if (more === more) total = total === total ? total + more : more;
      if (s.employeeHard(n) === 0) return total;
      // The last resort, charged to the same budget (so the next wide repair waits longer).
      const whole = this.wholeRowRepair(n);
      if (whole === whole) total = total === total ? total + whole : whole;
      return total;
    }
    return NaN;
  }

  /**
   * The cheapest row of employee n over the whole horizon that keeps all of its hard rules
   * (row-pricing.ts), against the cover as the others leave it: the last resort when no window
   * can mend the employee, because its totals leave no slack anywhere in the year.
   */
  private wholeRowRepair(n: number): number {
    const s = this.state;
    const c = s.c;
    const { H, S } = c;
    const V = S + 1;
    const pricer = (this.wholeRowPricer ??= new ExactRowPricer(c));
    const work = H * pricer.size(n);
    if (work > WHOLE_ROW_REPAIR_MAX) return NaN;
    this.repairWork += work;
    const cost = (this.wholeRowCost ??= new Float64Array(H * V));
    for (let d = 0; d < H; d++) for (let u = -1; u < S; u++) cost[d * V + u + 1] = s.costGivenOthers(n, d, u);
    const found = pricer.price(n, cost);
    // The table may hold hundreds of megabytes; this runs rarely, so give it back at once.
    pricer.release();
    if (found === Infinity) return NaN;
    return s.changeRange(n, 0, H - 1, pricer.row, 0);
  }

  /** Row DP of employee n over a window of up to maxDays centred on one of its broken rules. */
  private repairWindow(dp: RowDp, n: number, maxDays: number, pick: number): number {
    const s = this.state;
    const H = s.c.H;
    const width = dp.windowFor(n, maxDays);
    let day = s.violationDay(n, pick);
    if (day < 0) day = Math.floor(pick * H);
    const a = Math.max(0, Math.min(H - width, day - (width >> 1)));
    return dp.optimise(n, a, a + width - 1);
  }

  private rowOptimum(rng: Random): number {
    const { N, H } = this.state.c;
    const n = rng.int(N);
    const width = this.rowDp.windowFor(n, H);
    const a = rng.int(H - width + 1);
    return this.rowDp.optimise(n, a, a + width - 1);
  }

  private rotate(rng: Random): number {
    const s = this.state;
    const { N, H } = s.c;
    const n = rng.int(N);
    const length = 2 + rng.int(MAX_BLOCK);
    if (length > H) return NaN;
    const a = rng.int(H - length + 1);
    const buf = this.bufferA;
    const right = rng.next() < 0.5;
    let changes = 0;
    for (let k = 0; k < length; k++) {
      const i = n * H + a + k;
      if (s.pinned[i]) return NaN;
      const from = right ? (k === 0 ? length - 1 : k - 1) : k === length - 1 ? 0 : k + 1;
      buf[k] = s.assign[n * H + a + from];
      if (buf[k] !== s.assign[i]) changes++;
    }
    if (changes === 0) return NaN;
    return s.changeRange(n, a, a + length - 1, buf, 0);
  }

  private exactWindow(rng: Random): number {
    const { N, H } = this.state.c;
    const count = Math.min(N, 2 + rng.int(4));
    const people: number[] = [];
    while (people.length < count) {
      const n = rng.int(N);
      if (!people.includes(n)) people.push(n);
    }
    const length = Math.min(H, 7 + rng.int(8));
    const first = rng.int(H - length + 1);
    return this.windowMip!.solve(people, first, first + length - 1);
  }

  /** Whether cover slot k (d·S + s) is short and its shortfall costs something. */
  private isShort(k: number): boolean {
    const s = this.state;
    return s.cover[k] < s.c.coverRequired[k] && s.c.coverUnder[k] > 0;
  }

  /**
   * A random (day, shift) slot whose cover misses its requirement at a cost — under only, or
   * under or over — found within `tries` draws; -1 when none was drawn.
   */
  private randomCoverGap(rng: Random, tries: number, underOnly: boolean): number {
    const s = this.state;
    const c = s.c;
    const slots = c.H * c.S;
    for (let t = 0; t < tries; t++) {
      const k = rng.int(slots);
      const gap = underOnly
        ? this.isShort(k)
        : s.cover[k] !== c.coverRequired[k] && (c.coverUnder[k] > 0 || c.coverOver[k] > 0);
      if (gap) return k;
    }
    return -1;
  }

  private coverRepair(rng: Random): number {
    const s = this.state;
    const c = s.c;
    const { N, H, S } = c;
    const slot = this.randomCoverGap(rng, 16, false);
    if (slot < 0) return NaN;
    const d = (slot / S) | 0;
    const shift = slot % S;
    const under = s.cover[slot] < c.coverRequired[slot];
    for (let tries = 0; tries < 8; tries++) {
      const n = rng.int(N);
      const i = n * H + d;
      const current = s.assign[i];
      if (s.pinned[i] || (under ? current === shift || c.maxPerType[n * S + shift] === 0 : current !== shift))
        continue;
      const value = under ? shift : -1;
      if (rng.next() < 0.3) return s.changeCell(n, d, value);
      // Move the work: the employee's other day d2 takes what day d had.
      for (let more = 0; more < 8; more++) {
        const d2 = rng.int(H);
        const i2 = n * H + d2;
        if (d2 === d || s.pinned[i2] || s.assign[i2] === current) continue;
        if (under ? s.assign[i2] < 0 && current < 0 : s.assign[i2] >= 0) continue;
        return s.changeCell(n, d, value) + s.changeCell(n, d2, under ? current : shift);
      }
      return s.changeCell(n, d, value);
    }
    return NaN;
  }

  private dayExchange(rng: Random): number {
    const s = this.state;
    const { N, H } = s.c;
    const n = rng.int(N);
    const d1 = rng.int(H);
    const d2 = rng.int(H);
    const i1 = n * H + d1;
    const i2 = n * H + d2;
    const v1 = s.assign[i1];
    const v2 = s.assign[i2];
    if (v1 === v2 || s.pinned[i1] || s.pinned[i2]) return NaN;
    return s.changeCell(n, d1, v2) + s.changeCell(n, d2, v1);
  }

  private doubleSwap(rng: Random): number {
    const s = this.state;
    const { N, H } = s.c;
    const n1 = rng.int(N);
    const n2 = rng.int(N);
    const d1 = rng.int(H);
    const d2 = rng.int(H);
    if (n1 === n2 || d1 === d2) return NaN;
    const a1 = s.assign[n1 * H + d1];
    const b1 = s.assign[n2 * H + d1];
    const a2 = s.assign[n1 * H + d2];
    const b2 = s.assign[n2 * H + d2];
    if (a1 === b1 || a2 === b2) return NaN;
    if (s.pinned[n1 * H + d1] || s.pinned[n2 * H + d1] || s.pinned[n1 * H + d2] || s.pinned[n2 * H + d2])
      return NaN;
    return (
      s.changeCell(n1, d1, b1) +
      s.changeCell(n2, d1, a1) +
      s.changeCell(n1, d2, b2) +
      s.changeCell(n2, d2, a2)
    );
  }

  private randomValue(n: number, rng: Random): number {
    const c = this.state.c;
    const start = c.allowedStart[n];
    return c.allowedValues[start + rng.int(c.allowedStart[n + 1] - start)];
  }

  private change(rng: Random): number {
    const s = this.state;
    const { N, H } = s.c;
    const n = rng.int(N);
    const d = rng.int(H);
    if (s.pinned[n * H + d]) return NaN;
    const v = this.randomValue(n, rng);
    if (v === s.assign[n * H + d]) return NaN;
    return s.changeCell(n, d, v);
  }

  private swap(rng: Random): number {
    const s = this.state;
    const { N, H } = s.c;
    const d = rng.int(H);
    const n1 = rng.int(N);
    const n2 = rng.int(N);
    const i1 = n1 * H + d;
    const i2 = n2 * H + d;
    const v1 = s.assign[i1];
    const v2 = s.assign[i2];
    if (v1 === v2 || s.pinned[i1] || s.pinned[i2]) return NaN;
    return s.changeCell(n1, d, v2) + s.changeCell(n2, d, v1);
  }

  private blockChange(rng: Random): number {
    const s = this.state;
    const { N, H } = s.c;
    const n = rng.int(N);
    const length = 2 + rng.int(MAX_BLOCK - 1);
    const a = rng.int(H - length + 1);
    const v = this.randomValue(n, rng);
    const buf = this.bufferA;
    let changes = 0;
    for (let d = a; d < a + length; d++) {
      const i = n * H + d;
      if (s.pinned[i]) return NaN;
      if (s.assign[i] !== v) changes++;
      buf[d - a] = v;
    }
    if (changes === 0) return NaN;
    return s.changeRange(n, a, a + length - 1, buf, 0);
  }

  private blockSwap(rng: Random): number {
    const s = this.state;
    const { N, H } = s.c;
    const n1 = rng.int(N);
    const n2 = rng.int(N);
    if (n1 === n2) return NaN;
    const length = 2 + rng.int(MAX_BLOCK - 1);
    const a = rng.int(H - length + 1);
    let changes = 0;
    for (let d = a; d < a + length; d++) if (s.assign[n1 * H + d] !== s.assign[n2 * H + d]) changes++;
    if (changes === 0) return NaN;
    return this.swapRange(n1, n2, a, a + length - 1);
  }

  /** Free a window of days for a few people, then refill it greedily, cell by cell. */
  private ruinRecreate(rng: Random): number {
    const s = this.state;
    const { N, H } = s.c;
    const people = Math.min(N, 2 + rng.int(2));
    const length = Math.min(H, 2 + rng.int(6));
    const a = rng.int(H - length + 1);
    const chosen = this.ruinPeople;
    let count = 0;
    while (count < people) {
      const n = rng.int(N);
      let seen = false;
      for (let k = 0; k < count; k++) if (chosen[k] === n) seen = true;
      if (!seen) chosen[count++] = n;
    }
    let delta = 0;
    for (let k = 0; k < count; k++)
      for (let d = a; d < a + length; d++)
        if (!s.pinned[chosen[k] * H + d]) delta += s.changeCell(chosen[k], d, -1);
    for (let d = a; d < a + length; d++) {
      const first = rng.int(count);
      for (let j = 0; j < count; j++) {
        const n = chosen[(first + j) % count];
        if (!s.pinned[n * H + d]) delta += bestInsert(s, n, d, rng);
      }
    }
    return delta;
  }
}

/** Put the best value (with rare random "blinks" skipping a candidate) into one cell. */
/** Cells (n·H + d) where the values differ in request cost. */
function wishCellsOf(c: CompiledNrp): Int32Array {
  const V = c.S + 1;
  const cells: number[] = [];
  for (let i = 0; i < c.N * c.H; i++) {
    for (let v = 1; v < V; v++)
      if (c.cellCost[i * V + v] !== c.cellCost[i * V]) {
        cells.push(i);
        break;
      }
  }
  return Int32Array.from(cells);
}

export function bestInsert(
  s: NrpState,
  n: number,
  d: number,
  rng: Random | undefined,
  allow?: (v: number) => boolean,
): number {
  const c = s.c;
  const current = s.assign[n * c.H + d];
  let bestValue = current;
  let bestDelta = 0;
  for (let k = c.allowedStart[n]; k < c.allowedStart[n + 1]; k++) {
    const v = c.allowedValues[k];
    if (v === current || (rng && rng.next() < 0.05) || (allow && !allow(v))) continue;
    const mark = s.mark();
    const hard = s.hard;
    const soft = s.soft;
    const delta = s.changeCell(n, d, v);
    s.rollBack(mark, hard, soft);
    if (delta < bestDelta) {
      bestDelta = delta;
      bestValue = v;
    }
  }
  return bestValue === current ? 0 : s.changeCell(n, d, bestValue);
}

/**
 * Greedy construction: fill the roster day by day, each cell with its best value; with `pacing`,
 * a shift that would take an employee past their paced minutes or type count is not offered
 * (pacing.ts).
 */
export function construct(s: NrpState, rng: Random, pacing?: Pacing): void {
  const { N, H, S } = s.c;
  let slackMinutes = 0;
  for (let v = 0; v < S; v++) slackMinutes = Math.max(slackMinutes, s.c.shiftMinutes[v]);
  // The cell being filled; the pacing filter reads it (one closure for the whole construction).
  let n = 0;
  let d = 0;
  const paced = pacing
    ? (v: number): boolean =>
        v < 0 || withinPace(s.c, pacing, s.minutes[n], s.count[n * S + v], n, d, v, slackMinutes, 1)
    : undefined;
  const order = Int32Array.from({ length: N }, (_, i) => i);
  // A second pass revisits early choices; skipped on large instances where it costs seconds.
  const rounds = N * H * (s.c.S + 1) > 400_000 ? 1 : 2;
  for (let round = 0; round < rounds; round++) {
    for (d = 0; d < H; d++) {
      for (let i = N - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (let k = 0; k < N; k++) {
        n = order[k];
        if (s.pinned[n * H + d]) continue;
        s.beginMove();
        bestInsert(s, n, d, undefined, round === 0 ? paced : undefined);
      }
    }
  }
}

/**
 * Construction by rows: every employee in turn gets the best whole-horizon row against the
 * cover left by the others (row-price.ts), repeated `passes` times; after the first pass a new
 * row is kept only when it does not raise the cost. Each row satisfies every hard rule whenever
 * its price multipliers converge, so long horizons start (nearly) feasible.
 */
export function constructByRows(s: NrpState, rng: Random, passes: number): void {
  const { N } = s.c;
  const pricer = new RowPricer(s);
  const order = Int32Array.from({ length: N }, (_, i) => i);
  for (let pass = 0; pass < passes; pass++) {
    for (let i = N - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (let k = 0; k < N; k++) {
      s.beginMove();
      const delta = pricer.optimise(order[k], rng);
      if (pass > 0 && delta > 0) s.undo();
    }
  }
}
