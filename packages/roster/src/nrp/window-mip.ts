/**
 * Exact sub-solver for a small neighbourhood: free a window of days for a few employees, keep
 * every other cell fixed, and solve the resulting 0-1 model with HiGHS. Fixed cells enter the
 * model as constants, so each employee's row constraints (runs across the window edges, minutes,
 * weekends, type maxima) and the cover of the window days are exact. The optimum replaces the
 * window through the state's own delta scoring, so the search stays consistent.
 */
import type { Highs } from 'highs';
import { createSparseModel } from './highs.ts';
import type { NrpState } from './state.ts';

export interface WindowMipOptions {
  /** Branch-and-bound node limit (keeps the result deterministic) and a safety time limit. */
  maxNodes: number;
  seconds: number;
}

export class WindowMip {
  private readonly columns: number[] = [];
  private readonly colCost: number[] = [];
  private readonly colUpper: number[] = [];
  private readonly integrality: number[] = [];
  private readonly starts: number[] = [0];
  private readonly indices: number[] = [];
  private readonly values: number[] = [];
  private readonly rowLower: number[] = [];
  private readonly rowUpper: number[] = [];
  private readonly row = new Map<number, number>();
  private constant = 0;
  /** Column of free cell (person slot p, day offset, shift), or -1. */
  private xIndex = new Int32Array(0);
  private people: number[] = [];
  private first = 0;
  private last = 0;

  constructor(
    private readonly highs: Highs,
    private readonly state: NrpState,
    private readonly options: WindowMipOptions,
  ) {}

  /**
   * Re-optimise days first..last of `people`; applies the result through the state (logged, so
   * the caller can undo it) and returns the cost change, or NaN when nothing was solved.
   */
  solve(people: number[], first: number, last: number): number {
    const s = this.state;
    const c = s.c;
    const { H, S } = c;
    this.people = people;
    this.first = first;
    this.last = last;
    this.reset();
    const width = last - first + 1;
    this.xIndex = new Int32Array(people.length * width * S).fill(-1);
    let offset = 0;
    people.forEach((n, p) => {
      for (let d = first; d <= last; d++) {
        const i = n * H + d;
        if (s.pinned[i]) {
          offset += c.cellCost[i * (S + 1) + 1 + s.assign[i]];
          continue;
        }
        offset += c.cellCost[i * (S + 1)];
        for (let t = 0; t < S; t++) {
          if (c.maxPerType[n * S + t] === 0) continue;
          this.xIndex[(p * width + d - first) * S + t] = this.colCost.length;
          this.colCost.push(c.cellCost[i * (S + 1) + 1 + t] - c.cellCost[i * (S + 1)]);
          this.colUpper.push(1);
          this.integrality.push(1);
        }
      }
    });
    if (this.colCost.length === 0) return NaN;

    people.forEach((n, p) => this.rowsOf(n, p));
    // Cover of the window days: others' assignments are constants.
    for (let d = first; d <= last; d++)
      for (let t = 0; t < S; t++) {
        const k = d * S + t;
        if (c.coverUnder[k] === 0 && c.coverOver[k] === 0) continue;
        let others = s.cover[k];
        people.forEach((n, p) => {
          if (s.assign[n * H + d] === t) others--;
          this.addCell(n, p, d, t, 1);
        });
        this.constant += others;
        const under = this.newColumn(c.coverUnder[k], Infinity, 0);
        const over = this.newColumn(c.coverOver[k], Infinity, 0);
        this.term(under, 1);
        this.term(over, -1);
        this.close(c.coverRequired[k], c.coverRequired[k]);
        // Cover outside the objective offset: count only the window's part.
      }

    const highs = this.highs;
    let solution: Float64Array | undefined;
    try {
      const model = createSparseModel(highs, {
        offset,
        colCost: this.colCost,
        colUpper: this.colUpper,
        rowLower: this.rowLower,
        rowUpper: this.rowUpper,
        starts: this.starts,
        indices: this.indices,
        values: this.values,
        integrality: this.integrality,
      });
      try {
        model.options.set({
          output_flag: false,
          mip_max_nodes: this.options.maxNodes,
          time_limit: this.options.seconds,
          random_seed: 0,
        });
        model.run();
        if (Number(model.info.get('primal_solution_status')) === 2) solution = model.getSolution().colValue;
      } finally {
        model.dispose();
      }
    } catch {
      return NaN;
    }
    if (!solution) return NaN;
    let delta = 0;
    people.forEach((n, p) => {
      for (let d = first; d <= last; d++) {
        if (s.pinned[n * H + d]) continue;
        let value = -1;
        for (let t = 0; t < S; t++) {
          const col = this.xIndex[(p * width + d - first) * S + t];
          if (col >= 0 && solution[col] > 0.5) value = t;
        }
        if (value !== s.assign[n * H + d]) delta += s.changeCell(n, d, value);
      }
    });
    return delta;
  }

  private reset(): void {
    this.columns.length = 0;
    this.colCost.length = 0;
    this.colUpper.length = 0;
    this.integrality.length = 0;
    this.starts.length = 1;
    this.indices.length = 0;
    this.values.length = 0;
    this.rowLower.length = 0;
    this.rowUpper.length = 0;
    this.row.clear();
    this.constant = 0;
  }

  private newColumn(cost: number, upper: number, integer: number): number {
    this.colCost.push(cost);
    this.colUpper.push(upper);
    this.integrality.push(integer);
    return this.colCost.length - 1;
  }

  private term(col: number, value: number): void {
    this.row.set(col, (this.row.get(col) ?? 0) + value);
  }

  /** Shift t on day d of employee n (slot p): a variable inside the window, else a constant. */
  private addCell(n: number, p: number, d: number, t: number, coef: number): void {
    if (d >= this.first && d <= this.last) {
      const col = this.xIndex[(p * (this.last - this.first + 1) + d - this.first) * this.state.c.S + t];
      if (col >= 0) this.term(col, coef);
      else if (this.state.assign[n * this.state.c.H + d] === t) this.constant += coef;
    } else if (this.state.assign[n * this.state.c.H + d] === t) this.constant += coef;
  }

  private addWork(n: number, p: number, d: number, coef: number): void {
    for (let t = 0; t < this.state.c.S; t++) this.addCell(n, p, d, t, coef);
  }

  /** lower ≤ terms + constant ≤ upper; rows without a variable are dropped. */
  private close(lower: number, upper: number): void {
    if (this.row.size > 0) {
      for (const [col, value] of this.row) {
        if (value === 0) continue;
        this.indices.push(col);
        this.values.push(value);
      }
      this.starts.push(this.indices.length);
      this.rowLower.push(lower - this.constant);
      this.rowUpper.push(upper - this.constant);
    }
    this.row.clear();
    this.constant = 0;
  }

  private rowsOf(n: number, p: number): void {
    const c = this.state.c;
    const { H, S } = c;
    const { first, last } = this;
    for (let d = first; d <= last; d++) {
      this.addWork(n, p, d, 1);
      this.close(-Infinity, 1);
    }
    for (let d = Math.max(0, first - 1); d <= last && d + 1 < H; d++)
      for (let t = 0; t < S; t++) {
        let any = false;
        for (let u = 0; u < S; u++) if (c.forbidden[t * S + u]) any = true;
        if (!any) continue;
        this.addCell(n, p, d, t, 1);
        for (let u = 0; u < S; u++) if (c.forbidden[t * S + u]) this.addCell(n, p, d + 1, u, 1);
        this.close(-Infinity, 1);
      }
    for (let t = 0; t < S; t++) {
      const max = c.maxPerType[n * S + t];
      if (max === 0 || max >= H) continue;
      for (let d = 0; d < H; d++) this.addCell(n, p, d, t, 1);
      this.close(-Infinity, max);
    }
    for (let d = 0; d < H; d++) for (let t = 0; t < S; t++) this.addCell(n, p, d, t, c.shiftMinutes[t]);
    this.close(c.minMinutes[n], c.maxMinutes[n]);
    const maxCons = c.maxConsecutive[n];
    for (let d = Math.max(0, first - maxCons); d <= last && d + maxCons < H; d++) {
      for (let j = d; j <= d + maxCons; j++) this.addWork(n, p, j, 1);
      this.close(-Infinity, maxCons);
    }
    for (let length = 1; length < c.minConsecutive[n]; length++)
      for (let d = Math.max(1, first - length); d <= last + 1 && d + length <= H - 1; d++) {
        for (let j = d; j < d + length; j++) this.addWork(n, p, j, 1);
        this.addWork(n, p, d - 1, -1);
        this.addWork(n, p, d + length, -1);
        this.close(-Infinity, length - 1);
      }
    for (let length = 1; length < c.minDaysOff[n]; length++)
      for (let d = Math.max(1, first - length); d <= last + 1 && d + length <= H - 1; d++) {
        for (let j = d; j < d + length; j++) this.addWork(n, p, j, -1);
        this.addWork(n, p, d - 1, 1);
        this.addWork(n, p, d + length, 1);
        this.close(-Infinity, 1);
      }
    // Weekends: fixed weekends count as constants; window weekends get an indicator.
    let fixedWorked = 0;
    const indicators: number[] = [];
    for (let k = 0; 7 * k + 6 < H; k++) {
      const sat = 7 * k + 5;
      const inWindow = (sat >= first && sat <= last) || (sat + 1 >= first && sat + 1 <= last);
      if (!inWindow) {
        if (this.state.assign[n * H + sat] >= 0 || this.state.assign[n * H + sat + 1] >= 0) fixedWorked++;
        continue;
      }
      const y = this.newColumn(0, 1, 1);
      indicators.push(y);
      for (const d of [sat, sat + 1]) {
        this.addWork(n, p, d, 1);
        this.term(y, -1);
        this.close(-Infinity, 0);
      }
    }
    for (const y of indicators) this.term(y, 1);
    this.close(-Infinity, c.maxWeekends[n] - fixedWorked);
  }
}
