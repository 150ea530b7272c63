/**
 * The care roster as a SearchProblem for the engine: construction, then random moves —
 * change a cell, swap two employees on a day, swap a block of days, fill a short shift, grant a
 * wish by an exchange with a colleague, and ruin-and-recreate an employee's few days — each
 * scored by delta. Fixed cells (pins, outside the re-plan window) are never touched.
 */
import { Random, type OrganisationData } from '@planmaat/domain';
import type { SearchProblem, Solution } from '../engine/problem.ts';
import { compileCareModel, OFF, refusesWish, type CareModel, type Wish } from './compile.ts';
import type { CareModelOptions } from './options.ts';
import { CareState } from './state.ts';

export interface CarePayload {
  data: OrganisationData;
  periodId: string;
  options: CareModelOptions;
}

/** Colleagues the wish move compares per move. */
const WISH_PARTNERS = 6;

export class CareProblem implements SearchProblem {
  private readonly m: CareModel;
  /** Days with at least one free cell. */
  private readonly days: Int32Array;
  /** Employees with at least one free cell. */
  private readonly people: Int32Array;
  /** Every wish as (employee, index into m.wishes[employee]), for the wish move. */
  private readonly wishEmployee: Int32Array;
  private readonly wishIndex: Int32Array;
  private lastMoved = false;

  constructor(readonly state: CareState) {
    const m = (this.m = state.m);
    const days: number[] = [];
    const people = new Set<number>();
    for (let d = 0; d < m.D; d++) {
      let free = false;
      for (let e = 0; e < m.E; e++)
        if (!m.fixed[e * m.D + d]) {
          free = true;
          people.add(e);
        }
      if (free) days.push(d);
    }
    this.days = Int32Array.from(days);
    this.people = Int32Array.from([...people].sort((a, b) => a - b));
    const wishEmployee: number[] = [];
    const wishIndex: number[] = [];
    m.wishes.forEach((list, e) =>
      list.forEach((_, k) => {
        wishEmployee.push(e);
        wishIndex.push(k);
      }),
    );
    this.wishEmployee = Int32Array.from(wishEmployee);
    this.wishIndex = Int32Array.from(wishIndex);
  }

  cost(): number {
    return this.state.cost();
  }
  hardScore(): number {
    return this.state.hard;
  }
  mediumScore(): number {
    return this.state.medium;
  }
  softScore(): number {
    return this.state.soft;
  }
  snapshot(): Solution {
    return this.state.cells.slice();
  }
  saveTo(target: Solution): void {
    target.set(this.state.cells);
  }
  load(solution: Solution): void {
    this.state.load(solution);
  }

  move(rng: Random): number {
    const r = rng.next();
    if (r < 0.32) return this.apply(rng, this.change);
    if (r < 0.6) return this.apply(rng, this.swap);
    if (r < 0.74) return this.apply(rng, this.blockSwap);
    if (r < 0.89) return this.apply(rng, this.fillShort);
    if (r < 0.97) return this.apply(rng, this.grantWish);
    return this.apply(rng, this.ruinRecreate);
  }

  /** The wish move alone (as `move`: returns the cost change, NaN when nothing was done). */
  wishMove(rng: Random): number {
    return this.apply(rng, this.grantWish);
  }

  private apply(rng: Random, step: (this: CareProblem, rng: Random) => boolean): number {
    if (this.days.length === 0 || this.people.length === 0) return NaN;
    const st = this.state;
    st.beginMove();
    const ok = step.call(this, rng);
    this.lastMoved = ok;
    if (!ok) {
      st.undo();
      return NaN;
    }
    return st.endMove();
  }

  undo(): void {
    if (this.lastMoved) this.state.undo();
  }

  private pickDay(rng: Random): number {
    return this.days[rng.int(this.days.length)];
  }
  private pickPerson(rng: Random): number {
    return this.people[rng.int(this.people.length)];
  }

  private change(rng: Random): boolean {
    const { m, state } = this;
    const e = this.pickPerson(rng);
    const d = this.pickDay(rng);
    if (m.fixed[e * m.D + d]) return false;
    const cur = state.cells[e * m.D + d];
    for (let tries = 0; tries < 6; tries++) {
      const v = rng.int(m.S + 1) - 1;
      if (v !== cur && state.canTake(e, d, v)) {
        state.set(e, d, v);
        return true;
      }
    }
    return false;
  }

  private swap(rng: Random): boolean {
    const { m, state } = this;
    const d = this.pickDay(rng);
    const a = this.pickPerson(rng);
    const b = this.pickPerson(rng);
    const va = state.cells[a * m.D + d];
    const vb = state.cells[b * m.D + d];
    if (a === b || va === vb || !state.canTake(a, d, vb) || !state.canTake(b, d, va)) return false;
    state.set(a, d, vb);
    state.set(b, d, va);
    return true;
  }

  private blockSwap(rng: Random): boolean {
    const { m, state } = this;
    const a = this.pickPerson(rng);
    const b = this.pickPerson(rng);
    if (a === b) return false;
    const len = 2 + rng.int(6);
    const d0 = this.pickDay(rng);
    const d1 = Math.min(m.D, d0 + len);
    let differs = false;
    for (let d = d0; d < d1; d++) {
      const va = state.cells[a * m.D + d];
      const vb = state.cells[b * m.D + d];
      if (va === vb) continue;
      if (!state.canTake(a, d, vb) || !state.canTake(b, d, va)) return false;
      differs = true;
    }
    if (!differs) return false;
    for (let d = d0; d < d1; d++) {
      const va = state.cells[a * m.D + d];
      const vb = state.cells[b * m.D + d];
      if (va === vb) continue;
      state.set(a, d, vb);
      state.set(b, d, va);
    }
    return true;
  }

  /** Put someone on a (day, shift) below its ideal, or move them there from an overfull one. */
  private fillShort(rng: Random): boolean {
    const { m, state } = this;
    for (let tries = 0; tries < 8; tries++) {
      const d = this.pickDay(rng);
      const s = rng.int(m.S);
      const k = d * m.S + s;
      let short = false;
      for (let r = m.rowFrom[k]; r < m.rowFrom[k + 1]; r++)
        if (state.rowCount[r] < m.rowIdeal[r]) short = true;
      if (!short) continue;
      for (let pick = 0; pick < 6; pick++) {
        const e = this.pickPerson(rng);
        if (state.cells[e * m.D + d] === s || !state.canTake(e, d, s)) continue;
        state.set(e, d, s);
        // Half of the time give the person a day off elsewhere in the week to keep the hours.
        if (rng.next() < 0.5) {
          const other = d - 3 + rng.int(7);
          if (
            other >= 0 &&
            other < m.D &&
            other !== d &&
            state.cells[e * m.D + other] !== OFF &&
            state.canTake(e, other, OFF)
          )
            state.set(e, other, OFF);
        }
        return true;
      }
    }
    return false;
  }

  /**
   * Grant a wish that is refused: the employee takes the wished value (a day off for a
   * day-off or unwanted-shift wish) and the colleague who has that value on the day and gives
   * the best score for taking the employee's current value takes it — an exchange that keeps
   * the cover. Without such a colleague, the employee's cell changes alone.
   */
  private grantWish(rng: Random): boolean {
    const { m, state } = this;
    if (this.wishEmployee.length === 0) return false;
    for (let tries = 0; tries < 8; tries++) {
      const w = rng.int(this.wishEmployee.length);
      const e = this.wishEmployee[w];
      const wish = m.wishes[e][this.wishIndex[w]];
      const d = wish.day;
      const current = state.cells[e * m.D + d];
      const wanted = grantingValue(wish);
      if (!refusesWish(wish, current) || !state.canTake(e, d, wanted)) continue;
      // Ranking colleagues by the cost with their cell changed is exact: the cover change is the
      // same for every colleague.
      let partner = -1;
      let partnerCost = Infinity;
      let seen = 0;
      const first = rng.int(this.people.length);
      for (let k = 0; k < this.people.length && seen < WISH_PARTNERS; k++) {
        const b = this.people[(first + k) % this.people.length];
        if (b === e || state.cells[b * m.D + d] !== wanted || !state.canTake(b, d, current)) continue;
        seen++;
        const cost = state.peek(b, d, current);
        if (cost < partnerCost) {
          partnerCost = cost;
          partner = b;
        }
      }
      state.set(e, d, wanted);
      if (partner >= 0) state.set(partner, d, current);
      return true;
    }
    return false;
  }

  /** Clear a few days of one employee and rebuild them greedily, cell by cell. */
  private ruinRecreate(rng: Random): boolean {
    const { m, state } = this;
    const e = this.pickPerson(rng);
    const d0 = this.pickDay(rng);
    const d1 = Math.min(m.D, d0 + 3 + rng.int(5));
    let touched = false;
    for (let d = d0; d < d1; d++)
      if (state.canTake(e, d, OFF) && state.cells[e * m.D + d] !== OFF) {
        state.set(e, d, OFF);
        touched = true;
      }
    for (let d = d0; d < d1; d++) {
      if (m.fixed[e * m.D + d]) continue;
      let best = OFF;
      let bestCost = this.costWith(e, d, OFF);
      for (let s = 0; s < m.S; s++) {
        if (!state.canTake(e, d, s)) continue;
        const c = this.costWith(e, d, s);
        if (c < bestCost) {
          bestCost = c;
          best = s;
        }
      }
      if (best !== OFF) {
        state.set(e, d, best);
        touched = true;
      }
    }
    return touched;
  }

  /** Cost with one cell set to v (the state is left as it was). */
  private costWith(e: number, d: number, v: number): number {
    return this.state.peek(e, d, v);
  }
}

/** The value the wish move gives: the wanted shift, or a day off. */
function grantingValue(wish: Wish): number {
  return wish.kind === 'wanted-shift' ? wish.shift : OFF;
}

/** Build one thread's problem: compile, repair cells that may not be worked, construct greedily. */
export function createCareProblem(payload: CarePayload, _threadIndex: number, seed: number): CareProblem {
  const model = compileCareModel(payload.data, payload.periodId, payload.options);
  const state = new CareState(model);
  construct(state, new Random(seed ^ 0x2545f491));
  return new CareProblem(state);
}

/**
 * Greedy construction: clear free cells that may not be worked, then for each day and shift add
 * the candidate with the best score change while a demand row is below its ideal and the best
 * change still improves the cost.
 */
export function construct(state: CareState, rng: Random): void {
  const m = state.m;
  for (let e = 0; e < m.E; e++)
    for (let d = 0; d < m.D; d++) {
      const v = state.cells[e * m.D + d];
      if (v !== OFF && !m.fixed[e * m.D + d] && !m.allowed[(e * m.D + d) * m.S + v]) {
        state.beginMove();
        state.set(e, d, OFF);
        state.endMove();
      }
    }
  const order = Array.from({ length: m.E }, (_, e) => e);
  for (let d = 0; d < m.D; d++) {
    // Scarce shifts first: the one whose rows ask for the highest level.
    const shifts = Array.from({ length: m.S }, (_, s) => s).sort(
      (a, b) => level(m, d, b) - level(m, d, a) || a - b,
    );
    for (const s of shifts) {
      const k = d * m.S + s;
      for (;;) {
        let needed = false;
        for (let r = m.rowFrom[k]; r < m.rowFrom[k + 1]; r++)
          if (state.rowCount[r] < m.rowIdeal[r]) needed = true;
        if (!needed) break;
        rng.shuffle(order);
        let best = -1;
        let bestDelta = 0;
        for (const e of order) {
          if (state.cells[e * m.D + d] !== OFF || !state.canTake(e, d, s)) continue;
          const delta = state.peek(e, d, s) - state.cost();
          if (delta < bestDelta) {
            bestDelta = delta;
            best = e;
          }
        }
        if (best < 0) break;
        state.beginMove();
        state.set(best, d, s);
        state.endMove();
      }
    }
  }
}

function level(m: CareModel, d: number, s: number): number {
  const k = d * m.S + s;
  let top = 0;
  for (let r = m.rowFrom[k]; r < m.rowFrom[k + 1]; r++) top = Math.max(top, m.rowMinLevel[r]);
  return top;
}
