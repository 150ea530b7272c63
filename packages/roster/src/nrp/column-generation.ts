/**
 * Column generation for the Curtois & Qu model ("price and branch"). The master problem picks
 * one row (a whole-horizon roster line) per employee; its only linking constraints are the cover
 * rows, whose shortfall and surplus are priced slack columns, so every column already satisfies
 * all of its employee's hard rules. The LP master is re-solved warm after each round of pricing:
 * the exact row pricer (row-pricing.ts) finds, per employee, the cheapest feasible row under the
 * day costs "request cost minus cover dual"; rows with negative reduced cost enter. With exact
 * pricing every round also gives a Lagrangian lower bound, and the root stops once that bound
 * rounds up to the LP value.
 * Integer rosters come from dives (fix the columns the LP likes, re-generate for the others,
 * repeat) and at the end from HiGHS on the integer master over every column generated, started
 * from the best roster known — including one handed in from outside, whose rows become columns
 * too — so the result is never worse than that start.
 */
import type { Highs, Model } from 'highs';
import { FREE_CELL as FREE, type CompiledNrp } from './compiled.ts';
import { loadHighs, modelStatusName } from './highs.ts';
import { ExactRowPricer } from './row-pricing.ts';
import { NrpState } from './state.ts';

/** Cost of the artificial column that keeps the first LP feasible for every employee. */
const ARTIFICIAL_COST = 1e6;
const REDUCED_COST_EPSILON = 1e-6;
const SIMPLEX_DUAL = 1;
const SIMPLEX_PRIMAL = 4;
/** Pricing rounds after each fixing step of a capped dive. */
const DIVE_STEP_ROUNDS = 10;
/** Branching decisions on one path at most (a deeper subtree is left unsearched). */
const MAX_BRANCH_DEPTH = 2_000;
/** Weight of the best-bound duals in the smoothed pricing point. */
const SMOOTHING = 0.5;

export interface ColumnGenerationOptions {
  /** Wall-clock deadline (ms since the epoch) of the whole run. */
  deadline: number;
  /** Share of the time the root LP may take at most (default 0.4). */
  rootShare?: number;
  /** Share of the time kept for the integer master at the end (default 0.3); dives use the rest. */
  mipShare?: number;
  /**
   * Asked once, when the integer phase starts: the best roster known elsewhere (e.g. found by a
   * local search meanwhile). Its rows become columns and it is HiGHS' start if it is feasible.
   */
  incumbent?: () => Promise<Int8Array | undefined>;
  /** Each improving integer roster, from a dive or from HiGHS. */
  onImproved?: (assign: Int8Array, objective: number) => void;
  /** The proven lower bound, as soon as the root LP gives one. */
  onLowerBound?: (bound: number) => void;
  /** Polled between rounds and inside HiGHS: true stops the run with the best so far. */
  shouldStop?: () => boolean;
  /** A roster known from the start: its feasible rows are columns of the first LP. */
  start?: Int8Array;
  /** Dives at most (default: as many as the time allows). */
  maxDives?: number;
  /**
   * Once the dives stall (a cycle of four without a better roster), branch-and-price on single
   * cells for the rest of the dive time (default false); only where the root LP converged with
   * a proven bound.
   */
  branching?: boolean;
  /** A HiGHS runtime to reuse (callers that solve many masters); a fresh one otherwise. */
  highs?: Highs;
}

export interface ColumnGenerationResult {
  /** Best feasible roster of the integer master, if any. */
  assign?: Int8Array;
  objective?: number;
  /** Objective of the root LP master. */
  lpValue: number;
  /**
   * Proven lower bound on every roster's objective: the best Lagrangian bound of the root (LP value
   * plus each employee's most negative reduced cost) rounded up, from rounds where every pricing
   * call was exact; the LP value itself once the root converges.
   */
  lowerBound?: number;
  columns: number;
  rounds: number;
  status: string;
}

export async function solveByColumnGeneration(
  c: CompiledNrp,
  options: ColumnGenerationOptions,
): Promise<ColumnGenerationResult> {
  const highs = options.highs ?? (await loadHighs());
  const master = new RestrictedMaster(highs, c);
  try {
    return await master.solve(options);
  } finally {
    master.dispose();
  }
}

class RestrictedMaster {
  private readonly model: Model;
  private readonly coverRow: Int32Array;
  /** Columns 0..firstRowColumn-1 are slacks and artificials; rows follow. */
  private readonly firstRowColumn: number;
  private readonly columnEmployee: number[] = [];
  private columnRows = new Int8Array(0);
  /** Column index of each employee row already in the master, keyed by `rowKey`. */
  private readonly columnOf = new Map<string, number>();
  private readonly pricer: ExactRowPricer;
  private readonly scratch: NrpState;
  private readonly dayCost: Float64Array;
  private readonly pricePoint: Float64Array;
  /** Cell fixes of a cell dive: the value employee n must take on day d, or FREE. */
  private readonly cellFix: Int8Array;
  /** Values branching forbids: cellForbid[(n·H + d)·V + v + 1] = 1. */
  private readonly cellForbid: Uint8Array;
  /** Holds that keep each column out of the master (upper bound 0), by column. */
  private readonly columnOut = new Map<number, number>();
  /** Cell fixes and forbidden values in force (dives, branching); none at the root. */
  private cellDecisions = 0;
  /** LP solves so far. */
  private rounds = 0;

  constructor(
    private readonly highs: Highs,
    private readonly c: CompiledNrp,
  ) {
    const { N, H, S } = c;
    this.coverRow = new Int32Array(H * S).fill(-1);
    let rows = N;
    for (let k = 0; k < H * S; k++)
      if (c.coverUnder[k] !== 0 || c.coverOver[k] !== 0) this.coverRow[k] = rows++;
    // Slack columns (shortfall, surplus) per cover row, then one artificial per employee.
    const cost: number[] = [];
    const starts: number[] = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (let k = 0; k < H * S; k++) {
      const r = this.coverRow[k];
      if (r < 0) continue;
      cost.push(c.coverUnder[k], c.coverOver[k]);
      indices.push(r, r);
      values.push(1, -1);
      starts.push(indices.length - 1, indices.length);
    }
    for (let n = 0; n < N; n++) {
      cost.push(ARTIFICIAL_COST);
      indices.push(n);
      values.push(1);
      starts.push(indices.length);
    }
    this.firstRowColumn = cost.length;
    const rowBound = new Float64Array(rows);
    rowBound.fill(1, 0, N);
    for (let k = 0; k < H * S; k++)
      if (this.coverRow[k] >= 0) rowBound[this.coverRow[k]] = c.coverRequired[k];
    this.model = highs.createModel({
      numCols: cost.length,
      numRows: rows,
      colCost: Float64Array.from(cost),
      colLower: new Float64Array(cost.length),
      colUpper: new Float64Array(cost.length).fill(highs.infinity),
      rowLower: rowBound,
      rowUpper: rowBound,
      matrix: {
        format: 'csc',
        numRows: rows,
        numCols: cost.length,
        starts: Int32Array.from(starts),
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    });
    // Re-solves are warm: no presolve (it would discard the basis).
    this.model.options.set({ output_flag: false, presolve: 'off' });
    this.scratch = new NrpState(c);
    this.pricer = new ExactRowPricer(c);
    this.dayCost = new Float64Array(H * (S + 1));
    this.pricePoint = new Float64Array(rows);
    this.cellFix = new Int8Array(N * H).fill(FREE);
    this.cellForbid = new Uint8Array(N * H * (S + 1));
  }

  dispose(): void {
    this.model.dispose();
  }

  async solve(options: ColumnGenerationOptions): Promise<ColumnGenerationResult> {
    const { N } = this.c;
    const started = Date.now();
    const stop = () => Date.now() >= options.deadline || (options.shouldStop?.() ?? false);
    const total = options.deadline - started;
    const rootEnd = started + total * (options.rootShare ?? 0.4);
    const diveEnd = options.deadline - total * (options.mipShare ?? 0.3);

    let best: { assign: Int8Array; objective: number } | undefined;
    const consider = (assign: Int8Array) => {
      const state = this.scratch;
      state.load(assign);
      if (state.countViolations() !== 0) return;
      if (best && state.soft >= best.objective) return;
      best = { assign, objective: state.soft };
      options.onImproved?.(assign, state.soft);
    };

    if (options.start) {
      this.addRoster(options.start);
      consider(options.start);
    }
    // Root: the LP master to convergence (or its share of the time).
    const fixed = new Uint8Array(N);
    const root = this.generate(fixed, () => Date.now() >= rootEnd || stop());
    let status = root.status;
    const lpValue = root.value;
    // With exact pricing the root LP (or a Lagrangian bound on it) bounds every roster.
    let lowerBound = root.bound;
    const proven = () => best !== undefined && lowerBound !== undefined && best.objective <= lowerBound;
    // A roster at the converged root LP's value: nothing better is to be found even where the
    // pricing was inexact (so no bound is proven), so the dives stop.
    const atLpValue = () =>
      best !== undefined && root.status === 'lp converged' && best.objective <= Math.ceil(lpValue - 1e-6);
    if (lowerBound !== undefined) options.onLowerBound?.(lowerBound);

    // Dives: fix what the LP likes best, re-price the rest, until the master is integral.
    let dives = 0;
    const branching =
      options.branching === true && lowerBound !== undefined && root.status === 'lp converged';
    const maxDives = options.maxDives ?? Infinity;
    // With branching, the dives stop after a whole cycle of four without a better roster and
    // branching takes the rest of their time. Measured on 5–8 (60 s, 2 threads, with branching on
    // the largest share): stopping at half the dive time instead left 6 at 1,951 and 8 at 1,311
    // (1,950 and 1,304 this way).
    let lastBetter = 0;
    while (
      dives < maxDives &&
      !stop() &&
      !proven() &&
      !atLpValue() &&
      Date.now() < diveEnd &&
      !(branching && dives - lastBetter >= 4) &&
      Number.isFinite(lpValue)
    ) {
      // No dive may take more than a third of the time left for dives.
      const diveDeadline = Date.now() + (diveEnd - Date.now()) / 3;
      const done = () => Date.now() >= diveDeadline || stop();
      // A cycle of four dives: cell fixes, then whole-row fixes (better on instances 5, 6 and 8),
      // each first with a few pricing rounds per step (fast), then with the LP converged.
      const kind = dives % 4;
      const cap = kind % 2 === 0 ? DIVE_STEP_ROUNDS : Infinity;
      const assign = kind < 2 ? this.cellDive(dives, cap, done) : this.dive(fixed, dives, cap, done);
      dives++;
      const before = best?.objective;
      if (assign) consider(assign);
      if (best && best.objective !== before) lastBetter = dives;
    }
    status += `; ${dives} dive${dives === 1 ? '' : 's'}`;
    if (branching && !stop() && !proven() && Date.now() < diveEnd) {
      // Prune against the best roster anywhere, the search's too.
      const known = await options.incumbent?.();
      if (known) {
        this.addRoster(known);
        consider(known);
      }
      const search = this.branchAndPrice(
        () => best?.objective ?? Infinity,
        consider,
        () => Date.now() >= diveEnd || stop() || proven(),
      );
      status += `; branch-and-price ${search.nodes} nodes${search.complete ? ', complete' : ''}`;
      // A whole tree searched with exact pricing proves the best roster optimal.
      if (search.complete && this.pricer.inexact === 0 && best) {
        lowerBound = best.objective;
        options.onLowerBound?.(lowerBound);
      }
    }

    // Integer master over every column generated, started from the best roster known.
    const report = () => ({
      ...best,
      lpValue,
      lowerBound,
      columns: this.columnEmployee.length,
      rounds: this.rounds,
      status,
    });
    if (proven()) {
      status += '; optimal';
      return report();
    }
    if (atLpValue()) {
      status += '; at the LP value';
      return report();
    }
    const start = await options.incumbent?.();
    if (start) {
      this.addRoster(start);
      consider(start);
    }
    const integer = this.columnEmployee.length;
    if (integer === 0) {
      status += '; no columns';
      return report();
    }
    const range = {
      kind: 'range' as const,
      from: this.firstRowColumn,
      to: this.firstRowColumn + integer - 1,
    };
    this.model.changeColsIntegrality(range, new Int32Array(integer).fill(1));
    this.model.changeColsBounds(range, new Float64Array(integer), new Float64Array(integer).fill(1));
    if (best) this.model.setSolution({ colValue: this.solutionVector(best.assign) });
    const remaining = (options.deadline - Date.now()) / 1000;
    if (remaining > 0.05 && !stop()) {
      this.model.options.set({ time_limit: remaining });
      const t = this.highs.constants.callbackType;
      const run = this.model.run({
        [t.mipImprovingSolution]: (event) => {
          const x = event.data.mip_solution;
          if (x) consider(this.decode(x));
          return undefined;
        },
        [t.mipInterrupt]: (event) => {
          if (options.shouldStop?.() || proven()) event.interrupt();
          return undefined;
        },
      });
      status += `; mip ${modelStatusName(this.highs, run.modelStatus)}`;
      if (Number(this.model.info.get('primal_solution_status')) === 2)
        consider(this.decode(this.model.getSolution().colValue));
    } else status += '; no time for the integer master';
    if (proven()) status += '; optimal';
    return report();
  }

  /**
   * Rounds of "solve the LP master, price every employee not fixed, add the rows with negative
   * reduced cost" until none is found or `done()`; returns the last LP value and the solution.
   */
  private generate(
    fixed: Uint8Array,
    done: () => boolean,
  ): { value: number; x?: Float64Array; status: string; bound?: number } {
    // Lagrangian bound (only while nothing is fixed), valid from rounds where every pricing
    // call was exact.
    const bounding = !fixed.includes(1) && this.cellDecisions === 0;
    let bound = -Infinity;
    // Dual smoothing (Wentges): price at a point between the LP duals and the duals of the best
    // bound so far, which damps the LP duals' oscillation; a round that finds nothing there is
    // priced again at the LP duals, so convergence is still judged exactly.
    const center = bounding ? new Float64Array(this.pricePoint.length) : undefined;
    let haveCenter = false;
    let centerValue = -Infinity;
    // Primal simplex after adding columns (the basis stays primal feasible); dual simplex for
    // the first solve of a dive step, where fixing columns breaks primal feasibility.
    this.model.options.set({ simplex_strategy: bounding ? SIMPLEX_PRIMAL : SIMPLEX_DUAL });
    for (let first = true; ; first = false) {
      const run = this.model.run();
      if (first && !bounding) this.model.options.set({ simplex_strategy: SIMPLEX_PRIMAL });
      if (run.modelStatus !== this.highs.constants.modelStatus.optimal)
        return { value: NaN, status: `lp ${modelStatusName(this.highs, run.modelStatus)}` };
      this.rounds++;
      const value = this.model.getObjectiveValue();
      const solution = this.model.getSolution();
      // Objectives are never negative, so a negative bound says nothing.
      const known = () => (bound > 0 ? { bound: Math.ceil(bound - 1e-6) } : {});
      if (done()) return { value, x: solution.colValue, status: 'lp stopped', ...known() };
      // Integer objectives: once the bound rounds up to the LP value, more columns cannot help it.
      if (bound > -Infinity && Math.ceil(bound - 1e-6) >= Math.ceil(value - 1e-6))
        return { value, x: solution.colValue, status: 'lp converged', ...known() };
      const dual = solution.rowDual;
      let round: { added: number; lagrangian: number; exact: boolean } | undefined;
      // The center follows the best Lagrangian value even from inexact rounds (it only steers
      // pricing); the bound takes exact rounds only.
      const take = (r: { lagrangian: number; exact: boolean }, alpha: number) => {
        if (!bounding) return;
        if (r.exact && r.lagrangian > bound) bound = r.lagrangian;
        if (center && (!haveCenter || r.lagrangian > centerValue)) {
          this.smoothedDuals(dual, center, alpha, center);
          centerValue = r.lagrangian;
          haveCenter = true;
        }
      };
      if (center && haveCenter) {
        round = this.priceAll(fixed, dual, center, SMOOTHING);
        take(round, SMOOTHING);
        if (round.added === 0) round = undefined;
      }
      if (!round) {
        round = this.priceAll(fixed, dual);
        take(round, 0);
      }
      if (round.added === 0)
        return {
          value,
          x: solution.colValue,
          status: 'lp converged',
          ...(bounding && round.exact ? { bound: Math.ceil(value - 1e-6) } : known()),
        };
    }
  }

  /** `out[r] = alpha·center[r] + (1 − alpha)·dual[r]` over every master row. */
  private smoothedDuals(
    dual: ArrayLike<number>,
    center: Float64Array,
    alpha: number,
    out: Float64Array,
  ): void {
    for (let r = 0; r < out.length; r++) out[r] = alpha * center[r] + (1 - alpha) * dual[r];
  }

  /**
   * Price every employee not fixed at the duals `alpha·center + (1 − alpha)·dual` (the LP duals
   * when no center is given); add each row whose reduced cost at the LP duals is negative.
   * Returns the columns added and the Lagrangian bound at the pricing point (valid when exact).
   */
  private priceAll(
    fixed: Uint8Array,
    dual: ArrayLike<number>,
    center?: Float64Array,
    alpha = 0,
  ): { added: number; lagrangian: number; exact: boolean } {
    const c = this.c;
    const { N, H, S } = c;
    const V = S + 1;
    const dayCost = this.dayCost;
    const point = this.pricePoint;
    if (center) this.smoothedDuals(dual, center, alpha, point);
    else for (let r = 0; r < point.length; r++) point[r] = dual[r];
    // L(π) = Σ_cover π_r·b_r + Σ_n min(cheapest row at π, artificial); slacks add nothing
    // because LP duals (and their convex combinations) keep the slacks' reduced costs ≥ 0.
    let lagrangian = 0;
    for (let k = 0; k < H * S; k++) {
      const r = this.coverRow[k];
      if (r >= 0) lagrangian += point[r] * c.coverRequired[k];
    }
    let added = 0;
    const inexactBefore = this.pricer.inexact;
    for (let n = 0; n < N; n++) {
      if (fixed[n]) continue;
      for (let d = 0; d < H; d++) {
        const cell = (n * H + d) * V;
        dayCost[d * V] = c.cellCost[cell];
        for (let u = 0; u < S; u++) {
          const r = this.coverRow[d * S + u];
          dayCost[d * V + u + 1] = c.cellCost[cell + u + 1] - (r >= 0 ? point[r] : 0);
        }
        const must = this.cellFix[n * H + d];
        if (must !== FREE) for (let v = -1; v < S; v++) if (v !== must) dayCost[d * V + v + 1] = Infinity;
        if (this.cellDecisions > 0)
          for (let v = -1; v < S; v++)
            if (this.cellForbid[cell + v + 1] === 1) dayCost[d * V + v + 1] = Infinity;
      }
      const cost = this.pricer.price(n, dayCost);
      lagrangian += Math.min(cost, ARTIFICIAL_COST);
      if (!Number.isFinite(cost)) continue;
      const row = this.pricer.row;
      let reduced = -dual[n];
      for (let d = 0; d < H; d++) {
        const v = row[d];
        reduced += c.cellCost[(n * H + d) * V + v + 1];
        if (v >= 0) {
          const r = this.coverRow[d * S + v];
          if (r >= 0) reduced -= dual[r];
        }
      }
      if (reduced < -REDUCED_COST_EPSILON && this.addColumn(n, row)) added++;
    }
    return { added, lagrangian, exact: this.pricer.inexact === inexactBefore };
  }

  /**
   * One dive: repeatedly fix every column at (almost) 1 in the LP plus the fractional column with
   * the largest value, and re-generate for the employees not yet fixed, until all are fixed.
   * Later dives perturb the choice of the fractional column, so they explore other branches.
   * Fixes are undone at the end; returns the integer roster reached (undefined if time ran out).
   */
  private dive(fixed: Uint8Array, index: number, cap: number, done: () => boolean): Int8Array | undefined {
    const { N } = this.c;
    fixed.fill(0);
    const fixedColumns: number[] = [];
    let remaining = N;
    try {
      const start = this.generate(fixed, done);
      if (!start.x) return undefined;
      let x = start.x;
      while (remaining > 0) {
        const candidates: { j: number; score: number }[] = [];
        let anyNearOne = false;
        for (let j = 0; j < this.columnEmployee.length && j < x.length - this.firstRowColumn; j++) {
          const n = this.columnEmployee[j];
          if (fixed[n]) continue;
          const value = x[this.firstRowColumn + j];
          if (value >= 0.99) {
            this.fix(j, fixed, fixedColumns);
            remaining--;
            anyNearOne = true;
            continue;
          }
          // Perturbed choice among the fractional ones, so that dives differ.
          if (value > 1e-6) candidates.push({ j, score: value + (index > 0 ? jitter(j, index) * 0.2 : 0) });
        }
        candidates.sort((p, q) => q.score - p.score);
        // Besides the (almost) integral columns, the fractional one the LP likes best.
        const top = candidates.find(({ j }) => !fixed[this.columnEmployee[j]]);
        if (top) {
          this.fix(top.j, fixed, fixedColumns);
          remaining--;
        }
        if (candidates.length === 0 && !anyNearOne) break;
        // Even dives re-price a few rounds per step (fast, so a dive finishes on larger models);
        // odd dives converge the LP after every step (slower, better rosters on 8 and 9).
        let rounds = 0;
        const result = this.generate(fixed, () => ++rounds > cap || done());
        if (!result.x) return undefined;
        x = result.x;
        if (done() && remaining > 0) return undefined;
      }
      return this.decode(x);
    } finally {
      for (const j of fixedColumns)
        this.model.changeColBounds(this.firstRowColumn + j, 0, this.highs.infinity);
    }
  }

  /**
   * One cell dive: fix every cell (employee, day, value) the LP master takes at (almost) 1, and
   * the fractional cells it likes best; columns that disagree with a fixed cell leave the master
   * and pricing keeps to the fixes. Fixing single assignments instead of whole rows leaves every
   * employee free elsewhere, so the LP value climbs far less than in a column dive.
   */
  private cellDive(index: number, cap: number, done: () => boolean): Int8Array | undefined {
    const c = this.c;
    const { N, H, S } = c;
    const V = S + 1;
    const noEmployee = new Uint8Array(N);
    /** Columns taken out of the master (upper bound 0) because they disagree with a fix. */
    const removed = new Set<number>();
    try {
      const start = this.generate(noEmployee, done);
      if (!start.x) return undefined;
      let x = start.x;
      for (;;) {
        const { shares: y, integral } = this.cellShares(x);
        if (integral) return this.decode(x);
        const fractional: { cell: number; v: number; score: number }[] = [];
        const newly: number[] = [];
        for (let cell = 0; cell < N * H; cell++) {
          if (this.cellFix[cell] !== FREE) continue;
          for (let v = -1; v < S; v++) {
            const value = y[cell * V + v + 1];
            if (value >= 0.99) {
              this.cellFix[cell] = v;
              newly.push(cell);
            } else if (value > 1e-6)
              fractional.push({
                cell,
                v,
                score: value + (index > 0 ? jitter(cell * V + v, index) * 0.2 : 0),
              });
          }
        }
        fractional.sort((p, q) => q.score - p.score);
        // At most one fractional fix per employee per step: every column left in the LP's support
        // agrees with the earlier fixes, so the one holding the new cell keeps the employee feasible.
        const employees = new Set<number>();
        for (const { cell, v } of fractional) {
          const n = (cell / H) | 0;
          if (this.cellFix[cell] !== FREE || employees.has(n)) continue;
          employees.add(n);
          this.cellFix[cell] = v;
          newly.push(cell);
        }
        if (newly.length === 0) return this.decode(x);
        this.cellDecisions += newly.length;
        // Columns that disagree with a new fix leave the master.
        const fixesOf = new Map<number, number[]>();
        for (const cell of newly) {
          const n = (cell / H) | 0;
          const list = fixesOf.get(n);
          if (list) list.push(cell % H);
          else fixesOf.set(n, [cell % H]);
        }
        for (let j = 0; j < this.columnEmployee.length; j++) {
          const n = this.columnEmployee[j];
          const days = fixesOf.get(n);
          if (!days || removed.has(j)) continue;
          if (days.some((d) => this.columnRows[j * H + d] !== this.cellFix[n * H + d])) {
            removed.add(j);
            this.holdOut(j);
          }
        }
        let rounds = 0;
        const result = this.generate(noEmployee, () => ++rounds > cap || done());
        if (!result.x) return undefined;
        x = result.x;
        if (done()) return undefined;
      }
    } finally {
      this.release(removed);
      this.cellFix.fill(FREE);
      this.cellDecisions = 0;
    }
  }

  /**
   * Depth-first branch-and-price on single cells: at each node the LP is converged (exact pricing
   * keeps the node's decisions); a node whose LP value rounded up cannot beat `bestObjective()`
   * is pruned, an integral one is offered to `consider`; otherwise the most fractional
   * (cell, value) is fixed (left) and then forbidden (right). Unlike the dives this can undo
   * a choice, so it finds rosters whose rows no dive generates (instance 6: the dives' columns
   * hold 1,951 at best, the optimum is 1,950). Returns the nodes solved and whether the whole
   * tree was searched (then the best roster is optimal, up to inexact pricing).
   */
  private branchAndPrice(
    bestObjective: () => number,
    consider: (assign: Int8Array) => void,
    done: () => boolean,
  ): { nodes: number; complete: boolean } {
    const c = this.c;
    const { N, H, S } = c;
    const V = S + 1;
    const noEmployee = new Uint8Array(N);
    let nodes = 0;
    let skipped = false;
    // Columns of cell's employee whose value there fails `keep` leave the master.
    const takeOut = (cell: number, keep: (v: number) => boolean): number[] => {
      const n = (cell / H) | 0;
      const d = cell % H;
      const removed: number[] = [];
      for (let j = 0; j < this.columnEmployee.length; j++) {
        if (this.columnEmployee[j] !== n || keep(this.columnRows[j * H + d])) continue;
        this.holdOut(j);
        removed.push(j);
      }
      return removed;
    };
    const explore = (depth: number): void => {
      if (done()) return;
      nodes++;
      const result = this.generate(noEmployee, done);
      if (!result.x || result.status !== 'lp converged') {
        if (!done()) skipped = true;
        return;
      }
      const value = Math.ceil(result.value - 1e-6);
      if (value >= bestObjective()) return;
      const branch = this.mostFractionalCell(result.x);
      if (!branch) {
        consider(this.decode(result.x));
        return;
      }
      if (depth >= MAX_BRANCH_DEPTH) {
        skipped = true;
        return;
      }
      const { cell, v } = branch;
      this.cellFix[cell] = v;
      this.cellDecisions++;
      let removed = takeOut(cell, (u) => u === v);
      explore(depth + 1);
      this.cellFix[cell] = FREE;
      this.cellDecisions--;
      this.release(removed);
      if (done() || value >= bestObjective()) return;
      this.cellForbid[cell * V + v + 1] = 1;
      this.cellDecisions++;
      removed = takeOut(cell, (u) => u !== v);
      explore(depth + 1);
      this.cellForbid[cell * V + v + 1] = 0;
      this.cellDecisions--;
      this.release(removed);
    };
    explore(0);
    return { nodes, complete: !done() && !skipped };
  }

  /**
   * The (cell, value) whose share in the LP solution x is closest to one half, if any is
   * fractional: both children then move the LP. Measured (60 s, 2 threads) against the largest
   * share below one: 5, 6 and 7 proven optimal at 2.9, 2.2 and 12.7 s (7 at 1,056, the best
   * known, where the other order left 1,057 after 60 s; 5 and 6 took ~50 s).
   */
  private mostFractionalCell(x: Float64Array): { cell: number; v: number } | undefined {
    const { N, H, S } = this.c;
    const V = S + 1;
    const y = this.cellShares(x).shares;
    let best: { cell: number; v: number } | undefined;
    let most = 0;
    for (let i = 0; i < N * H * V; i++)
      if (y[i] > 1e-6 && y[i] < 0.999 && 1 - Math.abs(y[i] - 0.5) > most) {
        most = 1 - Math.abs(y[i] - 0.5);
        best = { cell: (i / V) | 0, v: (i % V) - 1 };
      }
    return best;
  }

  /**
   * Shares of every (cell, value) in the LP solution x, at `(n·H + d)·V + v + 1`, and whether
   * every column is at 0 or 1.
   */
  private cellShares(x: Float64Array): { shares: Float64Array; integral: boolean } {
    const { N, H, S } = this.c;
    const V = S + 1;
    const shares = new Float64Array(N * H * V);
    let integral = true;
    const columns = Math.min(this.columnEmployee.length, x.length - this.firstRowColumn);
    for (let j = 0; j < columns; j++) {
      const value = x[this.firstRowColumn + j];
      if (value <= 1e-9) continue;
      if (value < 0.999) integral = false;
      const n = this.columnEmployee[j];
      for (let d = 0; d < H; d++) shares[(n * H + d) * V + this.columnRows[j * H + d] + 1] += value;
    }
    return { shares, integral };
  }

  /** Keeps column j out of the master (upper bound 0) until every hold on it is released. */
  private holdOut(j: number): void {
    const holds = this.columnOut.get(j) ?? 0;
    this.columnOut.set(j, holds + 1);
    if (holds === 0) this.model.changeColBounds(this.firstRowColumn + j, 0, 0);
  }

  private release(columns: Iterable<number>): void {
    for (const j of columns) {
      const holds = this.columnOut.get(j)! - 1;
      if (holds > 0) this.columnOut.set(j, holds);
      else {
        this.columnOut.delete(j);
        this.model.changeColBounds(this.firstRowColumn + j, 0, this.highs.infinity);
      }
    }
  }

  private fix(j: number, fixed: Uint8Array, fixedColumns: number[]): void {
    fixed[this.columnEmployee[j]] = 1;
    fixedColumns.push(j);
    this.model.changeColBounds(this.firstRowColumn + j, 1, 1);
  }

  /** Add every feasible row of a roster as a column. */
  private addRoster(assign: Int8Array): void {
    const { N, H } = this.c;
    const state = this.scratch;
    state.load(assign);
    for (let n = 0; n < N; n++)
      if (state.employeeHard(n) === 0) this.addColumn(n, assign.subarray(n * H, n * H + H));
  }

  /** Add employee n's row as a column unless it is already there; true when added. */
  private addColumn(n: number, row: Int8Array): boolean {
    const c = this.c;
    const { H, S } = c;
    const V = S + 1;
    const key = rowKey(n, row, H);
    if (this.columnOf.has(key)) return false;
    this.columnOf.set(key, this.columnEmployee.length);
    let cost = 0;
    const indices: number[] = [n];
    for (let d = 0; d < H; d++) {
      const v = row[d];
      cost += c.cellCost[(n * H + d) * V + v + 1];
      if (v >= 0 && this.coverRow[d * S + v] >= 0) indices.push(this.coverRow[d * S + v]);
    }
    const column = this.columnEmployee.length;
    if (this.columnRows.length < (column + 1) * H) {
      const grown = new Int8Array(Math.max(1024, this.columnRows.length * 2, (column + 1) * H));
      grown.set(this.columnRows);
      this.columnRows = grown;
    }
    this.columnRows.set(row.subarray(0, H), column * H);
    this.columnEmployee.push(n);
    this.model.addCol(cost, 0, this.highs.infinity, {
      indices: Int32Array.from(indices),
      values: new Float64Array(indices.length).fill(1),
    });
    return true;
  }

  /** The roster chosen by a master solution (largest column per employee). */
  private decode(x: ArrayLike<number>): Int8Array {
    const { N, H } = this.c;
    const assign = new Int8Array(N * H).fill(-1);
    const chosen = new Float64Array(N);
    for (let j = 0; j < this.columnEmployee.length; j++) {
      const value = x[this.firstRowColumn + j];
      const n = this.columnEmployee[j];
      if (value > 0.5 && value > chosen[n]) {
        chosen[n] = value;
        assign.set(this.columnRows.subarray(j * H, j * H + H), n * H);
      }
    }
    return assign;
  }

  /** A full master solution for a roster whose rows are all columns. */
  private solutionVector(assign: Int8Array): Float64Array {
    const c = this.c;
    const { N, H, S } = c;
    const x = new Float64Array(this.firstRowColumn + this.columnEmployee.length);
    this.scratch.load(assign);
    const cover = this.scratch.cover;
    let slack = 0;
    for (let k = 0; k < H * S; k++) {
      if (this.coverRow[k] < 0) continue;
      x[slack] = Math.max(0, c.coverRequired[k] - cover[k]);
      x[slack + 1] = Math.max(0, cover[k] - c.coverRequired[k]);
      slack += 2;
    }
    for (let n = 0; n < N; n++) {
      const j = this.columnOf.get(rowKey(n, assign.subarray(n * H, n * H + H), H));
      // Without its column the employee takes the artificial, so the start stays a valid vector.
      if (j === undefined) x[slack + n] = 1;
      else x[this.firstRowColumn + j] = 1;
    }
    return x;
  }
}

/** Identity of employee n's row, for finding a column again. */
function rowKey(n: number, row: Int8Array, H: number): string {
  let key = `${n}:`;
  for (let d = 0; d < H; d++) key += String.fromCharCode(row[d] + 66);
  return key;
}

/** A deterministic pseudo-random number in [0, 1) for column j in dive i. */
function jitter(j: number, i: number): number {
  let h = Math.imul(j + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return ((h ^ (h >>> 13)) >>> 0) / 4294967296;
}
