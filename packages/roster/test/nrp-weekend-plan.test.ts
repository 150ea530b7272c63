import { describe, expect, it } from 'vitest';
import { Random } from '@planmaat/domain';
import { parseNrpInstance } from '../src/index.ts';
import { type CompiledNrp, compileNrp } from '../src/nrp/compiled.ts';
import { loadHighs } from '../src/nrp/highs.ts';
import { createNrpProblem, weekendPlanByDefault } from '../src/nrp/problem.ts';
import { planWeekends, type WeekendPlan } from '../src/nrp/weekend-plan.ts';

/**
 * A random two-week instance with two shift types (L may not be followed by E), three employees
 * with small weekend, type and minute maxima, a listed weekend day off, random weekend cover and
 * random shift-on/off requests on weekends.
 */
function randomInstance(seed: number) {
  const rng = new Random(seed);
  const staff = ['A', 'B', 'C'].map(
    (id) => `${id},E=${1 + rng.int(2)}|L=${rng.int(2)},${480 * (1 + rng.int(3))},0,5,1,1,${1 + rng.int(2)}`,
  );
  const weekendDays = [5, 6, 12, 13];
  const cover = weekendDays.flatMap((d) => ['E', 'L'].map((s) => `${d},${s},${rng.int(3)},100,1`));
  const on = weekendDays.flatMap((d) =>
    ['A', 'B', 'C']
      .filter(() => rng.next() < 0.3)
      .map((id) => `${id},${d},${rng.next() < 0.5 ? 'E' : 'L'},${1 + rng.int(3)}`),
  );
  const off = weekendDays.flatMap((d) =>
    ['A', 'B', 'C'].filter(() => rng.next() < 0.2).map((id) => `${id},${d},E,${1 + rng.int(3)}`),
  );
  return parseNrpInstance(
    `SECTION_HORIZON\n14\n\nSECTION_SHIFTS\nE,480,\nL,480,E\n\nSECTION_STAFF\n${staff.join('\n')}\n\n` +
      `SECTION_DAYS_OFF\nB,${weekendDays[rng.int(4)]}\n\n` +
      `SECTION_SHIFT_ON_REQUESTS\n${on.join('\n')}\n\nSECTION_SHIFT_OFF_REQUESTS\n${off.join('\n')}\n\n` +
      `SECTION_COVER\n${cover.join('\n')}\n`,
    `weekend-plan-${seed}`,
  );
}

const WEEKEND_DAYS = [5, 6, 12, 13];

/**
 * Weekend cost of a choice of weekend values (value per employee × weekend day, -1 off): cover
 * on weekend days plus each request cost relative to the day off; Infinity when it breaks a
 * weekend, type, minute or listed-day-off limit or a forbidden Saturday → Sunday succession.
 */
function weekendCost(c: CompiledNrp, values: number[][]): number {
  const { N, H, S } = c;
  let cost = 0;
  for (let n = 0; n < N; n++) {
    const row = values[n];
    let weekends = 0;
    let minutes = 0;
    const count = new Array<number>(S).fill(0);
    for (let w = 0; w < 2; w++) {
      const [sat, sun] = [row[2 * w], row[2 * w + 1]];
      if (sat >= 0 || sun >= 0) weekends++;
      if (sat >= 0 && sun >= 0 && c.forbidden[sat * S + sun]) return Infinity;
    }
    for (let k = 0; k < 4; k++) {
      const d = WEEKEND_DAYS[k];
      const v = row[k];
      const base = (n * H + d) * (S + 1);
      if (v >= 0) {
        if (c.fixedOff[n * H + d]) return Infinity;
        count[v]++;
        minutes += c.shiftMinutes[v];
      }
      cost += c.cellCost[base + v + 1] - c.cellCost[base];
    }
    if (weekends > c.maxWeekends[n] || minutes > c.maxMinutes[n]) return Infinity;
    for (let s = 0; s < S; s++) if (count[s] > c.maxPerType[n * S + s]) return Infinity;
  }
  for (const d of WEEKEND_DAYS)
    for (let s = 0; s < S; s++) {
      let covered = 0;
      for (let n = 0; n < N; n++) if (values[n][WEEKEND_DAYS.indexOf(d)] === s) covered++;
      const need = c.coverRequired[d * S + s];
      cost +=
        covered < need
          ? (need - covered) * c.coverUnder[d * S + s]
          : (covered - need) * c.coverOver[d * S + s];
    }
  return cost;
}

/** The cheapest weekend cost over every choice (values: off or a shift the day needs). */
function bruteForce(c: CompiledNrp): number {
  const { N, S } = c;
  const options = WEEKEND_DAYS.map((d) => [
    -1,
    ...Array.from({ length: S }, (_, s) => s).filter((s) => c.coverRequired[d * S + s] > 0),
  ]);
  const values = Array.from({ length: N }, () => [-1, -1, -1, -1]);
  let best = Infinity;
  const visit = (slot: number) => {
    if (slot === N * 4) {
      best = Math.min(best, weekendCost(c, values));
      return;
    }
    const n = Math.floor(slot / 4);
    const k = slot % 4;
    for (const v of options[k]) {
      values[n][k] = v;
      visit(slot + 1);
    }
  };
  visit(0);
  return best;
}

function planValues(c: CompiledNrp, plan: WeekendPlan): number[][] {
  const values = Array.from({ length: c.N }, () => [-1, -1, -1, -1]);
  for (let k = 0; k < plan.cells.length; k++) {
    const n = Math.floor(plan.cells[k] / c.H);
    values[n][WEEKEND_DAYS.indexOf(plan.cells[k] % c.H)] = plan.shifts[k];
  }
  return values;
}

describe('weekend plan', () => {
  it('finds the cheapest weekends that keep every weekend limit (random instances, against enumeration)', async () => {
    const highs = await loadHighs();
    for (let seed = 1; seed <= 12; seed++) {
      const c = compileNrp(randomInstance(seed));
      const plan = planWeekends(c, highs, { seconds: 10 });
      expect(plan, `seed ${seed}`).toBeDefined();
      expect(plan!.status).toBe('optimal');
      const cost = weekendCost(c, planValues(c, plan!));
      expect(cost, `seed ${seed}`).toBeLessThan(Infinity);
      expect(Math.round(plan!.objective), `seed ${seed}`).toBe(cost);
      expect(cost, `seed ${seed}`).toBe(bruteForce(c));
    }
  });

  it('holds the planned shifts in the start roster and lets go of an infeasible row after its share', async () => {
    const instance = randomInstance(3);
    const problem = await createNrpProblem(
      { instance, pins: [], tuning: { weekendPlan: true, weekendPlanRelease: 0.5 } },
      0,
      1,
    );
    const { state } = problem;
    const c = state.c;
    const plan = planWeekends(c, await loadHighs(), { seconds: 10 })!;
    expect(plan.cells.length).toBeGreaterThan(0);
    for (let k = 0; k < plan.cells.length; k++) {
      expect(state.assign[plan.cells[k]]).toBe(plan.shifts[k]);
      expect(state.pinned[plan.cells[k]]).toBe(1);
    }
    // Moves never change a held cell.
    const rng = new Random(5);
    for (let i = 0; i < 2000; i++) if (!Number.isNaN(problem.move(rng)) && rng.next() < 0.5) problem.undo();
    for (let k = 0; k < plan.cells.length; k++) expect(state.assign[plan.cells[k]]).toBe(plan.shifts[k]);
    // Make the first planned employee's row infeasible (a shift on every weekday: more minutes than the maximum).
    const n = Math.floor(plan.cells[0] / c.H);
    for (let d = 0; d < 5; d++) {
      state.beginMove();
      state.changeCell(n, d, 0);
    }
    expect(state.employeeHard(n)).toBeGreaterThan(0);
    const ofEmployee = Array.from(plan.cells).filter((cell) => Math.floor(cell / c.H) === n);
    const others = Array.from(plan.cells).filter(
      (cell) => Math.floor(cell / c.H) !== n && state.employeeHard(Math.floor(cell / c.H)) === 0,
    );
    problem.adapt(0.4);
    for (const cell of ofEmployee) expect(state.pinned[cell]).toBe(1);
    problem.adapt(0.6);
    for (const cell of ofEmployee) expect(state.pinned[cell]).toBe(0);
    for (const cell of others) expect(state.pinned[cell]).toBe(1);
  });

  it('is on by default only for many employees on a short horizon', () => {
    expect(weekendPlanByDefault(120, 28)).toBe(true);
    expect(weekendPlanByDefault(60, 28)).toBe(false);
    expect(weekendPlanByDefault(150, 364)).toBe(false);
  });
});
