import { describe, expect, it } from 'vitest';
import { Random } from '@planmaat/domain';
import { evaluateNrpRoster, parseNrpInstance, type NrpInstance } from '../src/index.ts';
import { compileNrp } from '../src/nrp/compiled.ts';
import {
  constructByRows,
  DEFAULT_MOVE_WEIGHTS,
  type NrpMoveWeights,
  type NrpProblem,
} from '../src/nrp/moves.ts';
import { createNrpProblem } from '../src/nrp/problem.ts';
import { RowPricer } from '../src/nrp/row-price.ts';
import { NrpState } from '../src/nrp/state.ts';
import { hasBenchmark, loadBenchmark } from './fixtures.ts';

/** The first move of up to 10 draws that changes something (NaN if none does). */
function drawMove(problem: NrpProblem, rng: Random): number {
  let delta = NaN;
  for (let tries = 0; tries < 10 && Number.isNaN(delta); tries++) delta = problem.move(rng);
  return delta;
}

/** The days employee n works. */
function workedDays(state: NrpState, n: number): number[] {
  return rosterOf(state)[n].flatMap((v, d) => (v === '' ? [] : [d]));
}

function rosterOf(state: NrpState): string[][] {
  const { N, H, shiftIds } = state.c;
  return Array.from({ length: N }, (_, n) =>
    Array.from({ length: H }, (_, d) => {
      const v = state.assign[n * H + d];
      return v < 0 ? '' : shiftIds[v];
    }),
  );
}

/** Move weights with only `change` (weight 1) and the given moves on. */
function onlyMoves(weights: Partial<NrpMoveWeights>): NrpMoveWeights {
  const all = { ...DEFAULT_MOVE_WEIGHTS };
  for (const key of Object.keys(all) as (keyof NrpMoveWeights)[]) all[key] = 0;
  return { ...all, change: 1, ...weights };
}

/** Pins on the first `count` employees, every `step` days from `firstDay`: alternately off and a shift. */
function somePins(instance: NrpInstance, count: number, firstDay: number, step: number) {
  const shifts = instance.shifts.map((s) => s.id);
  return instance.staff.slice(0, count).map((p, k) => ({
    employeeId: p.id,
    day: firstDay + step * k,
    shiftId: k % 2 === 0 ? '' : shifts[k % shifts.length],
  }));
}

/**
 * Random moves of `problem`: each returns the exact cost change (checked against a full re-score
 * every 50 moves), undo restores cost and roster, pinned cells never change, and the final roster
 * re-scores to the same objective with the independent evaluator. Returns the moves applied.
 */
function checkMoves(
  problem: NrpProblem,
  instance: NrpInstance,
  pins: { employeeId: string; day: number }[],
  seed: number,
  moves: number,
  undoShare: number,
): number {
  const { H } = problem.state.c;
  const staffIndex = new Map(problem.state.c.staffIds.map((id, i) => [id, i]));
  const pinnedCells = pins.map((p) => staffIndex.get(p.employeeId)! * H + p.day);
  const pinnedValues = pinnedCells.map((i) => problem.state.assign[i]);
  const pinnedFlags = problem.state.pinned.slice();
  const rng = new Random(seed);
  let applied = 0;
  for (let k = 0; k < moves; k++) {
    const before = problem.cost();
    const beforeRoster = problem.state.assign.slice();
    const delta = problem.move(rng);
    if (delta !== delta) continue;
    applied++;
    expect(problem.cost()).toBeCloseTo(before + delta, 6);
    if (k % 50 === 0) {
      const { hard, soft } = problem.state;
      problem.state.recompute();
      expect([problem.state.hard, problem.state.soft]).toEqual([hard, soft]);
    }
    if (delta > 0 || rng.next() < undoShare) {
      problem.undo();
      expect(problem.cost()).toBe(before);
      expect(Array.from(problem.state.assign)).toEqual(Array.from(beforeRoster));
    }
    expect(pinnedCells.map((i) => problem.state.assign[i])).toEqual(pinnedValues);
  }
  expect(Array.from(problem.state.pinned)).toEqual(Array.from(pinnedFlags));
  const { hard, soft } = problem.state;
  problem.state.recompute();
  expect([problem.state.hard, problem.state.soft]).toEqual([hard, soft]);
  expect(evaluateNrpRoster(instance, rosterOf(problem.state)).objective).toBe(problem.state.soft);
  return applied;
}

/** Violations of the rules the row DP enforces exactly (not the priced totals). */
const SEQUENCE_RULES = /forbidden succession|consecutive|days off|day off/i;

describe.skipIf(!hasBenchmark)('whole-row pricing DP', () => {
  it('gives every employee a row without succession, run-length or day-off violations (instance 16)', () => {
    const instance: NrpInstance = loadBenchmark(16);
    const state = new NrpState(compileNrp(instance));
    const pricer = new RowPricer(state);
    const rng = new Random(1);
    for (let n = 0; n < state.c.N; n++) {
      state.beginMove();
      pricer.optimise(n, rng);
    }
    const { hard, soft } = state;
    state.recompute();
    expect([state.hard, state.soft]).toEqual([hard, soft]);
    const sequence = evaluateNrpRoster(instance, rosterOf(state)).violations.filter((v) =>
      SEQUENCE_RULES.test(v),
    );
    expect(sequence).toEqual([]);
  });

  it('builds a feasible start roster on instance 5 and is deterministic for a seed', () => {
    const instance = loadBenchmark(5);
    const build = (seed: number) => {
      const state = new NrpState(compileNrp(instance));
      constructByRows(state, new Random(seed), 4);
      return state;
    };
    const a = build(3);
    const b = build(3);
    expect(Array.from(a.assign)).toEqual(Array.from(b.assign));
    const check = evaluateNrpRoster(instance, rosterOf(a));
    expect(check.hardViolations).toBe(0);
    expect(check.objective).toBe(a.soft);
  });
});

describe.skipIf(!hasBenchmark)('cover ejection chain', () => {
  it('keeps the incremental score exact and undoes cleanly (instance 12)', async () => {
    const weights = { ...DEFAULT_MOVE_WEIGHTS };
    for (const key of Object.keys(weights) as (keyof typeof weights)[]) weights[key] = 0;
    weights.change = 1;
    weights.coverChain = 1;
    const problem = await createNrpProblem(
      { instance: loadBenchmark(12), pins: [], tuning: { moveWeights: weights } },
      0,
      5,
    );
    const rng = new Random(5);
    const pinned = problem.state.pinned.slice();
    for (let k = 0; k < 3000; k++) {
      const before = problem.cost();
      const delta = problem.move(rng);
      if (delta !== delta) continue;
      expect(problem.cost()).toBeCloseTo(before + delta, 6);
      if (rng.next() < 0.5) {
        problem.undo();
        expect(problem.cost()).toBe(before);
      }
    }
    expect(Array.from(problem.state.pinned)).toEqual(Array.from(pinned));
    const { hard, soft } = problem.state;
    problem.state.recompute();
    expect([problem.state.hard, problem.state.soft]).toEqual([hard, soft]);
  });
});

/**
 * `checkMoves` (3,000 moves, a fifth undone) on a benchmark instance with only `weights` (and
 * `change`) on and pins from `somePins(instance, ...pinArgs)`.
 */
async function checkMovesOn(
  number: number,
  weights: Partial<NrpMoveWeights>,
  pinArgs: [count: number, firstDay: number, step: number],
  seed: number,
): Promise<number> {
  const instance = loadBenchmark(number);
  const pins = somePins(instance, ...pinArgs);
  const problem = await createNrpProblem(
    { instance, pins, tuning: { moveWeights: onlyMoves(weights) } },
    0,
    seed,
  );
  return checkMoves(problem, instance, pins, seed, 3000, 0.2);
}

describe.skipIf(!hasBenchmark)('price chain (whole-row priced DP as a move)', () => {
  const onlyPriceChain = () => onlyMoves({ priceChain: 1 });

  it('returns the exact cost change, undoes cleanly and never changes a pinned cell (instance 7)', async () => {
    const instance = loadBenchmark(7);
    const pins = somePins(instance, 6, 3, 4);
    const problem = await createNrpProblem(
      { instance, pins, tuning: { moveWeights: onlyPriceChain() } },
      0,
      7,
    );
    problem.priceWorkPerMove = Infinity;
    expect(checkMoves(problem, instance, pins, 7, 600, 0.3)).toBeGreaterThan(100);
  });

  it('fills under-covered shifts: a descent with it alone lowers the cost of the start roster (instance 5)', async () => {
    const problem = await createNrpProblem(
      { instance: loadBenchmark(5), pins: [], tuning: { moveWeights: { ...onlyPriceChain(), change: 0 } } },
      0,
      3,
    );
    problem.priceWorkPerMove = Infinity;
    const start = problem.cost();
    const rng = new Random(3);
    let improved = 0;
    for (let k = 0; k < 300; k++) {
      const delta = problem.move(rng);
      if (delta !== delta) continue;
      if (delta > 0) problem.undo();
      else if (delta < 0) improved++;
    }
    expect(improved).toBeGreaterThan(0);
    expect(problem.cost()).toBeLessThan(start);
  });
});

describe.skipIf(!hasBenchmark)('fill-transfer move', () => {
  it('returns the exact cost change, undoes cleanly and never changes a pinned cell (instance 13)', async () => {
    const instance = loadBenchmark(13);
    const pins = somePins(instance, 8, 2, 3);
    const problem = await createNrpProblem(
      { instance, pins, tuning: { moveWeights: onlyMoves({ fillTransfer: 2 }), construction: 'greedy' } },
      0,
      11,
    );
    expect(checkMoves(problem, instance, pins, 11, 4000, 0.2)).toBeGreaterThan(1000);
  });
});

describe('relocate move', () => {
  it('moves shifts from over-covered days to under-covered ones with the exact cost change', async () => {
    // One employee with exactly four shifts to work: days 0-3 need nobody (each worked day costs
    // 1 over), days 8-11 need one each (100 under). Only moving work across the fortnight helps.
    const instance = parseNrpInstance(
      `SECTION_HORIZON\n14\n\nSECTION_SHIFTS\nD,480,\n\nSECTION_STAFF\nA,D=14,1920,1920,7,1,1,2\n\n` +
        `SECTION_COVER\n${[0, 1, 2, 3].map((d) => `${d},D,0,100,1`).join('\n')}\n` +
        `${[8, 9, 10, 11].map((d) => `${d},D,1,100,1`).join('\n')}\n`,
      'relocate',
    );
    const problem = await createNrpProblem(
      { instance, pins: [], tuning: { moveWeights: onlyMoves({ change: 0, relocate: 1 }) } },
      0,
      1,
    );
    const state = problem.state;
    state.load(Int8Array.from({ length: 14 }, (_, d) => (d < 4 ? 0 : -1)));
    expect([state.hard, state.soft]).toEqual([0, 4 + 400]);
    const rng = new Random(5);
    const before = problem.cost();
    const delta = problem.move(rng);
    expect(delta).toBe(-101);
    expect(problem.cost()).toBe(before + delta);
    problem.undo();
    expect(problem.cost()).toBe(before);
    for (let k = 0; k < 20 && state.soft > 0; k++) if (problem.move(rng) > 0) problem.undo();
    expect(state.soft).toBe(0);
    expect(Array.from(state.assign, (v, d) => (v >= 0 ? d : -1)).filter((d) => d >= 0)).toEqual([
      8, 9, 10, 11,
    ]);
  });

  it('takes the best of several takers: one who works the other day of the weekend spends no weekend', async () => {
    // Sunday (day 6) is short. A works Saturday and an over-covered Tuesday; B works nothing but
    // has no weekend left. Every seed must give Sunday to A, who gives up Tuesday.
    const instance = parseNrpInstance(
      `SECTION_HORIZON\n7\n\nSECTION_SHIFTS\nD,480,\n\nSECTION_STAFF\n` +
        `A,D=7,3360,0,7,1,1,1\nB,D=7,3360,0,7,1,1,0\n\n` +
        `SECTION_COVER\n1,D,0,100,1\n5,D,1,100,1\n6,D,1,100,1\n`,
      'relocate-takers',
    );
    const start = Int8Array.from({ length: 14 }, (_, i) => (i === 1 || i === 5 ? 0 : -1));
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const problem = await createNrpProblem(
        { instance, pins: [], tuning: { moveWeights: onlyMoves({ change: 0, relocate: 1 }) } },
        0,
        seed,
      );
      const state = problem.state;
      state.load(start);
      expect([state.hard, state.soft]).toEqual([0, 101]);
      const rng = new Random(seed);
      const delta = drawMove(problem, rng);
      expect(delta).toBe(-101);
      expect(rosterOf(state)).toEqual([
        ['', '', '', '', '', 'D', 'D'],
        ['', '', '', '', '', '', ''],
      ]);
    }
  });

  it.skipIf(!hasBenchmark)(
    'keeps the score exact, undoes cleanly and respects pins (instance 20)',
    async () => {
      expect(await checkMovesOn(20, { relocate: 2 }, [8, 5, 9], 7)).toBeGreaterThan(1000);
    },
  );
});

describe('wish move', () => {
  it('grants a wish by a swap that keeps the cover, with the exact cost change', async () => {
    // A works E and wishes D on day 0; B works D. Taking D alone leaves E short (100) and D over
    // (1); exchanging the day with B grants the wish (3) at no cover cost.
    const instance = parseNrpInstance(
      `SECTION_HORIZON\n7\n\nSECTION_SHIFTS\nD,480,\nE,480,\n\nSECTION_STAFF\n` +
        `A,D=7|E=7,3360,0,7,1,1,1\nB,D=7|E=7,3360,0,7,1,1,1\n\n` +
        `SECTION_SHIFT_ON_REQUESTS\nA,0,D,3\n\nSECTION_COVER\n0,D,1,100,1\n0,E,1,100,1\n`,
      'wish',
    );
    const problem = await createNrpProblem(
      { instance, pins: [], tuning: { moveWeights: onlyMoves({ change: 0, wish: 1 }) } },
      0,
      1,
    );
    const state = problem.state;
    const start = Int8Array.from({ length: 14 }, (_, i) => (i === 0 ? 1 : i === 7 ? 0 : -1));
    state.load(start);
    expect([state.hard, state.soft]).toEqual([0, 3]);
    const before = problem.cost();
    const delta = problem.move(new Random(3));
    expect(delta).toBe(-3);
    expect(problem.cost()).toBe(before - 3);
    expect(rosterOf(state).map((row) => row[0])).toEqual(['D', 'E']);
    problem.undo();
    expect(problem.cost()).toBe(before);
    expect(state.assign).toEqual(start);
  });

  it.skipIf(!hasBenchmark)(
    'keeps the score exact, undoes cleanly and respects pins (instance 13)',
    async () => {
      expect(await checkMovesOn(13, { wish: 2 }, [8, 2, 3], 5)).toBeGreaterThan(1000);
    },
  );
});

describe('week-exchange move', () => {
  it('moves a shift to the same weekday of another week where it is short, with the exact cost change', async () => {
    // A works D on day 2 (nobody needed: 1 over) and is off on day 9 (1 needed: 100 short).
    const instance = parseNrpInstance(
      `SECTION_HORIZON\n14\n\nSECTION_SHIFTS\nD,480,\n\nSECTION_STAFF\nA,D=14,3360,0,7,1,1,2\n\n` +
        `SECTION_COVER\n2,D,0,100,1\n9,D,1,100,1\n`,
      'week-exchange',
    );
    const problem = await createNrpProblem(
      { instance, pins: [], tuning: { moveWeights: onlyMoves({ change: 0, weekExchange: 1 }) } },
      0,
      1,
    );
    const state = problem.state;
    const start = Int8Array.from({ length: 14 }, (_, d) => (d === 2 ? 0 : -1));
    state.load(start);
    expect([state.hard, state.soft]).toEqual([0, 101]);
    const rng = new Random(2);
    const delta = drawMove(problem, rng);
    expect(delta).toBe(-101);
    expect(workedDays(state, 0)).toEqual([9]);
    problem.undo();
    expect(state.assign).toEqual(start);
    expect(problem.cost()).toBe(101);
  });

  it.skipIf(!hasBenchmark)(
    'keeps minutes and shift counts, keeps the score exact, undoes cleanly and respects pins (instance 20)',
    async () => {
      expect(await checkMovesOn(20, { weekExchange: 2 }, [8, 5, 9], 3)).toBeGreaterThan(1000);
      const problem = await createNrpProblem(
        {
          instance: loadBenchmark(20),
          pins: [],
          tuning: { moveWeights: onlyMoves({ change: 0, weekExchange: 1 }) },
        },
        0,
        4,
      );
      const state = problem.state;
      const minutes = state.minutes.slice();
      const counts = state.count.slice();
      const before = state.assign.slice();
      const rng = new Random(4);
      let moved = 0;
      for (let k = 0; k < 2000; k++) if (!Number.isNaN(problem.move(rng))) moved++;
      expect(moved).toBeGreaterThan(1000);
      expect(state.assign).not.toEqual(before);
      expect(state.minutes).toEqual(minutes);
      expect(state.count).toEqual(counts);
    },
  );
});

describe('weekend-transfer move', () => {
  it('moves a worked weekend to one with short shifts, with the exact cost change', async () => {
    // A works both days of weekend 0 (nobody needed: 2 over) and may work one weekend; weekend 1
    // needs one D each day (200 short).
    const instance = parseNrpInstance(
      `SECTION_HORIZON\n14\n\nSECTION_SHIFTS\nD,480,\n\nSECTION_STAFF\nA,D=14,3360,0,7,1,1,1\n\n` +
        `SECTION_COVER\n5,D,0,100,1\n6,D,0,100,1\n12,D,1,100,1\n13,D,1,100,1\n`,
      'weekend-transfer',
    );
    const problem = await createNrpProblem(
      { instance, pins: [], tuning: { moveWeights: onlyMoves({ change: 0, weekendTransfer: 1 }) } },
      0,
      1,
    );
    const state = problem.state;
    const start = Int8Array.from({ length: 14 }, (_, d) => (d === 5 || d === 6 ? 0 : -1));
    state.load(start);
    expect([state.hard, state.soft]).toEqual([0, 202]);
    const rng = new Random(2);
    const delta = drawMove(problem, rng);
    expect(delta).toBe(-202);
    expect(workedDays(state, 0)).toEqual([12, 13]);
    expect(state.weekends[0]).toBe(1);
    problem.undo();
    expect(state.assign).toEqual(start);
    expect(problem.cost()).toBe(202);
  });

  it.skipIf(!hasBenchmark)(
    'keeps the score exact, undoes cleanly and respects pins (instance 20)',
    async () => {
      expect(await checkMovesOn(20, { weekendTransfer: 2 }, [8, 5, 9], 5)).toBeGreaterThan(1000);
    },
  );
});

describe('weekend-fill move', () => {
  // A works Thursday to Saturday of week 0 (at most 3 in a row, exactly 3 shifts, one weekend);
  // Thursday needs nobody (1 over), Sunday needs one D (100 short).
  const weekendFillInstance = () =>
    parseNrpInstance(
      `SECTION_HORIZON\n14\n\nSECTION_SHIFTS\nD,480,\n\nSECTION_STAFF\nA,D=14,1440,1440,3,2,1,1\n\n` +
        `SECTION_COVER\n3,D,0,100,1\n4,D,1,100,1\n5,D,1,100,1\n6,D,1,100,1\n`,
      'weekend-fill',
    );
  const weekendFillProblem = (instance: NrpInstance) =>
    createNrpProblem(
      { instance, pins: [], tuning: { moveWeights: onlyMoves({ change: 0, weekendFill: 1 }) } },
      0,
      1,
    );

  it('completes a single-day weekend and re-plans the days around it, with the exact cost change', async () => {
    const problem = await weekendFillProblem(weekendFillInstance());
    const state = problem.state;
    const start = Int8Array.from({ length: 14 }, (_, d) => (d >= 3 && d <= 5 ? 0 : -1));
    state.load(start);
    expect([state.hard, state.soft]).toEqual([0, 101]);
    // Taking Sunday alone would make a run of 4 and 4 shifts: the Thursday has to go.
    const delta = drawMove(problem, new Random(3));
    expect(delta).toBe(-101);
    expect(workedDays(state, 0)).toEqual([4, 5, 6]);
    expect([state.hard, state.soft]).toEqual([0, 0]);
    problem.undo();
    expect(state.assign).toEqual(start);
    expect(problem.cost()).toBe(101);
  });

  it('leaves alone whoever is off the whole weekend (taking it would cost a weekend)', async () => {
    const problem = await weekendFillProblem(weekendFillInstance());
    const state = problem.state;
    const start = Int8Array.from({ length: 14 }, (_, d) => (d >= 2 && d <= 4 ? 0 : -1));
    state.load(start);
    const rng = new Random(3);
    for (let k = 0; k < 50; k++) expect(problem.move(rng)).toBeNaN();
    expect(state.assign).toEqual(start);
  });

  it.skipIf(!hasBenchmark)(
    'keeps the score exact, undoes cleanly and respects pins (instance 20)',
    async () => {
      expect(await checkMovesOn(20, { weekendFill: 2 }, [8, 5, 9], 6)).toBeGreaterThan(500);
    },
  );
});

describe('repair move', () => {
  /**
   * One employee whose minimum minutes (5 shifts a week) with at most 5 shifts in a row and
   * 2-day rests allow only a 5-on-2-off rhythm (as on instance 22), over `weeks` weeks: a 1-day
   * rest on day 12, paid back by a 3-day rest at the end, can only be mended by moving every
   * block in between. One repair move must mend it with the exact cost change, changing days
   * more than `span` days apart; undo restores the row.
   */
  async function expectMended(weeks: number, span: number) {
    const H = weeks * 7;
    const minutes = weeks * 5 * 480;
    const instance = parseNrpInstance(
      `SECTION_HORIZON\n${H}\n\nSECTION_SHIFTS\nD,480,\n\nSECTION_STAFF\n` +
        `A,D=${H},${minutes},${minutes},5,1,2,${weeks}\n\nSECTION_COVER\n` +
        `${Array.from({ length: H }, (_, d) => `${d},D,1,100,1`).join('\n')}\n`,
      `tight-${weeks}-weeks`,
    );
    const problem = await createNrpProblem(
      { instance, pins: [], tuning: { moveWeights: onlyMoves({ change: 0, repair: 1 }) } },
      0,
      1,
    );
    const state = problem.state;
    // W5 O2 | W5 O1 | (W5 O2) × (weeks − 3) | W5 O3.
    const blocks = [5, 2, 5, 1, ...Array.from({ length: weeks - 3 }, () => [5, 2]).flat(), 5, 3];
    const row = blocks.flatMap((length, k) => Array.from({ length }, () => (k % 2 === 0 ? 0 : -1)));
    expect(row.length).toBe(H);
    state.load(Int8Array.from(row));
    expect(state.countViolations()).toBe(1);
    const before = problem.cost();
    const delta = problem.move(new Random(1));
    expect(state.countViolations()).toBe(0);
    expect(problem.cost()).toBeCloseTo(before + delta, 6);
    const changed = row.flatMap((v, d) => (state.assign[d] === v ? [] : [d]));
    expect(changed[changed.length - 1] - changed[0]).toBeGreaterThan(span);
    const { hard, soft } = state;
    state.recompute();
    expect([state.hard, state.soft]).toEqual([hard, soft]);
    problem.undo();
    expect(Array.from(state.assign)).toEqual(row);
  }

  it('mends an employee that no 4-week window can mend, with the exact cost change', async () => {
    // 12 weeks: days more than four weeks apart must change (the 84-day window does it).
    await expectMended(12, 28);
  });

  it('mends a half-year row that no 12-week window can mend with the exact whole row', async () => {
    // 26 weeks: the 1-day rest and the spare day lie 167 days apart, beyond the 84-day window.
    await expectMended(26, 84);
  });
});
