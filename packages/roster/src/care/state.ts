/**
 * The incremental score of a care roster: cells (employee × day → shift or OFF), head counts per
 * demand row and per (day, shift) kept in typed arrays, and each employee's row score cached. A
 * move changes cells; coverage is updated by delta per touched (day, shift), and only the touched
 * employees' rows are re-scored. Undo restores cells, counts and the cached row scores without
 * re-scoring.
 */
import { OFF, type CareModel } from './compile.ts';
import { EmployeeTerms, type EmployeeScore } from './employee-terms.ts';

/** Weight of one person short of a minimum in the scalar cost (hard: 1000 per rule point). */
export const MEDIUM_COST = 400;

export class CareState {
  readonly cells: Int8Array;
  readonly rowCount: Int32Array;
  readonly cellCount: Int32Array;
  readonly coverMedium: Int32Array;
  readonly coverSoft: Int32Array;
  readonly empHard: Float64Array;
  readonly empSoft: Float64Array;
  hard = 0;
  medium = 0;
  soft = 0;
  readonly terms: EmployeeTerms;
  private readonly scratch: EmployeeScore = { hard: 0, soft: 0 };
  // Undo log of the current move.
  private undoE: Int32Array;
  private undoD: Int32Array;
  private undoV: Int8Array;
  private undoN = 0;
  private dirty: Int32Array;
  private dirtyHard: Float64Array;
  private dirtySoft: Float64Array;
  private dirtyN = 0;
  private readonly dirtyMark: Uint8Array;
  private before = { hard: 0, medium: 0, soft: 0 };

  constructor(
    readonly m: CareModel,
    cells?: Int8Array,
    terms?: EmployeeTerms,
  ) {
    this.cells = (cells ?? m.initial).slice();
    this.rowCount = new Int32Array(m.R);
    this.cellCount = new Int32Array(m.D * m.S);
    this.coverMedium = new Int32Array(m.D * m.S);
    this.coverSoft = new Int32Array(m.D * m.S);
    this.empHard = new Float64Array(m.E);
    this.empSoft = new Float64Array(m.E);
    this.terms = terms ?? new EmployeeTerms(m);
    const cap = m.E * m.D + 16;
    this.undoE = new Int32Array(cap);
    this.undoD = new Int32Array(cap);
    this.undoV = new Int8Array(cap);
    this.dirty = new Int32Array(m.E);
    this.dirtyHard = new Float64Array(m.E);
    this.dirtySoft = new Float64Array(m.E);
    this.dirtyMark = new Uint8Array(m.E);
    this.recompute();
  }

  /** Scalar cost for the acceptance criterion. */
  cost(): number {
    return this.hard + MEDIUM_COST * this.medium + this.soft;
  }

  /** Everything from scratch. */
  recompute(): void {
    const m = this.m;
    this.rowCount.fill(0);
    this.cellCount.fill(0);
    for (let e = 0; e < m.E; e++)
      for (let d = 0; d < m.D; d++) {
        const s = this.cells[e * m.D + d];
        if (s !== OFF) this.count(e, d, s, 1);
      }
    this.medium = 0;
    this.soft = 0;
    this.hard = 0;
    for (let k = 0; k < m.D * m.S; k++) {
      this.coverOf(k);
      this.medium += this.coverMedium[k];
      this.soft += this.coverSoft[k];
    }
    for (let e = 0; e < m.E; e++) {
      this.terms.evaluate(e, this.cells, this.scratch);
      this.empHard[e] = this.scratch.hard;
      this.empSoft[e] = this.scratch.soft;
      this.hard += this.scratch.hard;
      this.soft += this.scratch.soft;
    }
    this.undoN = 0;
    this.dirtyN = 0;
  }

  private count(e: number, d: number, s: number, delta: number): void {
    const m = this.m;
    const k = d * m.S + s;
    this.cellCount[k] += delta;
    const q = e * m.R;
    for (let r = m.rowFrom[k]; r < m.rowFrom[k + 1]; r++) if (m.qualifies[q + r]) this.rowCount[r] += delta;
  }

  /** Recompute the coverage penalties of (day, shift) k into the caches (totals untouched). */
  private coverOf(k: number): void {
    const m = this.m;
    let medium = 0;
    let soft = 0;
    for (let r = m.rowFrom[k]; r < m.rowFrom[k + 1]; r++) {
      const c = this.rowCount[r];
      const shortMin = m.rowMin[r] > c ? m.rowMin[r] - c : 0;
      const shortIdeal = m.rowIdeal[r] > c ? m.rowIdeal[r] - c : 0;
      medium += shortMin;
      soft += m.weights.coverageIdeal * (shortIdeal - shortMin);
    }
    const over = this.cellCount[k] - m.maxIdeal[k];
    if (over > 0) soft += m.weights.overstaffed * over;
    this.coverMedium[k] = medium * m.weights.coverageMin;
    this.coverSoft[k] = soft;
  }

  beginMove(): void {
    this.undoN = 0;
    this.dirtyN = 0;
    this.before.hard = this.hard;
    this.before.medium = this.medium;
    this.before.soft = this.soft;
  }

  /** Set one cell (part of the current move). */
  set(e: number, d: number, v: number): void {
    const m = this.m;
    const i = e * m.D + d;
    const old = this.cells[i];
    if (old === v) return;
    this.undoE[this.undoN] = e;
    this.undoD[this.undoN] = d;
    this.undoV[this.undoN] = old;
    this.undoN++;
    this.write(e, d, old, v);
    if (!this.dirtyMark[e]) {
      this.dirtyMark[e] = 1;
      this.dirty[this.dirtyN] = e;
      this.dirtyHard[this.dirtyN] = this.empHard[e];
      this.dirtySoft[this.dirtyN] = this.empSoft[e];
      this.dirtyN++;
    }
  }

  private write(e: number, d: number, old: number, v: number): void {
    const m = this.m;
    this.cells[e * m.D + d] = v;
    if (old !== OFF) this.recount(e, d, old, -1);
    if (v !== OFF) this.recount(e, d, v, 1);
  }

  private recount(e: number, d: number, s: number, delta: number): void {
    const k = d * this.m.S + s;
    this.medium -= this.coverMedium[k];
    this.soft -= this.coverSoft[k];
    this.count(e, d, s, delta);
    this.coverOf(k);
    this.medium += this.coverMedium[k];
    this.soft += this.coverSoft[k];
  }

  /** Re-score the touched rows; returns the change of cost() over the whole move. */
  endMove(): number {
    for (let i = 0; i < this.dirtyN; i++) {
      const e = this.dirty[i];
      this.terms.evaluate(e, this.cells, this.scratch);
      this.hard += this.scratch.hard - this.empHard[e];
      this.soft += this.scratch.soft - this.empSoft[e];
      this.empHard[e] = this.scratch.hard;
      this.empSoft[e] = this.scratch.soft;
      this.dirtyMark[e] = 0;
    }
    const b = this.before;
    return this.hard - b.hard + MEDIUM_COST * (this.medium - b.medium) + (this.soft - b.soft);
  }

  /** Undo the last move (after endMove). */
  undo(): void {
    for (let i = this.undoN - 1; i >= 0; i--) {
      const e = this.undoE[i];
      const d = this.undoD[i];
      this.write(e, d, this.cells[e * this.m.D + d], this.undoV[i]);
    }
    for (let i = 0; i < this.dirtyN; i++) {
      const e = this.dirty[i];
      this.empHard[e] = this.dirtyHard[i];
      this.empSoft[e] = this.dirtySoft[i];
      this.dirtyMark[e] = 0;
    }
    this.hard = this.before.hard;
    this.medium = this.before.medium;
    this.soft = this.before.soft;
    this.undoN = 0;
    this.dirtyN = 0;
  }

  /**
   * Cost with cell (e, d) set to v, leaving the state (and the current move's undo log) as it
   * was. Row e is scored fresh, so this is right in the middle of a move too.
   */
  peek(e: number, d: number, v: number): number {
    const m = this.m;
    const old = this.cells[e * m.D + d];
    const hard = this.hard;
    const medium = this.medium;
    const soft = this.soft;
    if (old !== v) this.write(e, d, old, v);
    this.terms.evaluate(e, this.cells, this.scratch);
    const cost =
      this.hard -
      this.empHard[e] +
      this.scratch.hard +
      MEDIUM_COST * this.medium +
      (this.soft - this.empSoft[e] + this.scratch.soft);
    if (old !== v) this.write(e, d, v, old);
    this.hard = hard;
    this.medium = medium;
    this.soft = soft;
    return cost;
  }

  /** Whether employee e may take value v on day d in a move. */
  canTake(e: number, d: number, v: number): boolean {
    const m = this.m;
    if (m.fixed[e * m.D + d]) return false;
    return v === OFF || m.allowed[(e * m.D + d) * m.S + v] === 1;
  }

  load(cells: ArrayLike<number>): void {
    this.cells.set(cells);
    this.recompute();
  }
}
