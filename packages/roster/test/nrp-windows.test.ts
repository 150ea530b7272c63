import { describe, expect, it } from 'vitest';
import { Random } from '@planmaat/domain';
import { parseNrpInstance } from '../src/index.ts';
import { compileNrp, type CompiledNrp } from '../src/nrp/compiled.ts';
import { construct } from '../src/nrp/moves.ts';
import { ExactRowPricer } from '../src/nrp/row-pricing.ts';
import { companionMode, searchSettings, type NrpSolveOptions } from '../src/nrp/solve.ts';
import { NrpState } from '../src/nrp/state.ts';
import { mergeWindow, windowInstance, windowRoster } from '../src/nrp/window-instance.ts';
import { solveByWindows, startingWindow } from '../src/nrp/window-search.ts';
import { hasBenchmark, loadBenchmark } from './fixtures.ts';

/**
 * Eight weeks, three shift types (L may not be followed by E or D), five employees with run,
 * rest, weekend, minute and type limits, listed days off, requests and a cover that varies by day.
 */
function eightWeeks(): string {
  const rng = new Random(3);
  const lines = [
    'SECTION_HORIZON',
    '56',
    '',
    'SECTION_SHIFTS',
    'E,480,',
    'D,480,',
    'L,600,E|D',
    '',
    'SECTION_STAFF',
    'A,E=20|D=30|L=8,19200,14400,5,2,2,5',
    'B,E=30|D=30|L=30,19200,14400,4,2,2,4',
    'C,E=12|D=20|L=20,16800,12000,5,1,2,6',
    'D,E=30|D=0|L=10,14400,9600,4,2,3,5',
    'E,E=30|D=30|L=30,19200,15000,6,3,2,8',
    '',
    'SECTION_DAYS_OFF',
    'A,10,11',
    'C,30',
    'E,45',
    '',
    'SECTION_SHIFT_ON_REQUESTS',
    'B,20,L,3',
    'C,22,E,2',
    '',
    'SECTION_SHIFT_OFF_REQUESTS',
    'A,21,D,2',
    'E,19,E,4',
    '',
    'SECTION_COVER',
  ];
  for (let d = 0; d < 56; d++) for (const s of ['E', 'D', 'L']) lines.push(`${d},${s},${rng.int(3)},100,1`);
  return lines.join('\n') + '\n';
}

/** Random day costs for the pricer. */
function randomCosts(c: CompiledNrp, rng: Random): Float64Array {
  const costs = new Float64Array(c.H * (c.S + 1));
  for (let i = 0; i < costs.length; i++) costs[i] = Math.round((rng.next() - 0.5) * 100);
  return costs;
}

/** A roster of feasible rows: each employee's cheapest row under random costs. */
function randomFeasibleRoster(c: CompiledNrp, rng: Random): Int8Array {
  const pricer = new ExactRowPricer(c);
  const assign = new Int8Array(c.N * c.H);
  for (let n = 0; n < c.N; n++) {
    expect(pricer.price(n, randomCosts(c, rng))).toBeLessThan(Infinity);
    assign.set(pricer.row.subarray(0, c.H), n * c.H);
  }
  return assign;
}

describe('time windows of a roster', () => {
  const c = compileNrp(parseNrpInstance(eightWeeks(), 'eight-weeks'));

  it('gives the window its own instance: its feasible rows are feasible in the whole roster, costs move alike', () => {
    const rng = new Random(5);
    const full = new NrpState(c);
    let checked = 0;
    const windows: [number, number, number[]?][] = [
      [0, 13],
      [17, 30],
      [21, 34],
      [42, 55],
      [9, 40],
      // Groups of employees: the others' cells stay, their cover is netted out.
      [14, 27, [0, 2, 4]],
      [0, 55, [3, 1]],
    ];
    for (const [from, to, group] of windows) {
      const original = randomFeasibleRoster(c, rng);
      full.load(original);
      expect(full.countViolations()).toBe(0);
      const before = full.soft;
      const window = windowInstance(c, original, from, to, group);
      expect(window.sub.N).toBe(group?.length ?? c.N);
      expect(window.first % 7).toBe(0);
      expect(window.first).toBeLessThanOrEqual(from);
      const subStart = windowRoster(c, window, original);
      const sub = new NrpState(window.sub);
      sub.load(subStart);
      expect(sub.countViolations()).toBe(0);
      const subBefore = sub.soft;
      // New rows for everyone in the window (context days frozen by the sub-instance).
      const pricer = new ExactRowPricer(window.sub);
      for (let trial = 0; trial < 10; trial++) {
        const next = new Int8Array(subStart.length);
        const Hs = window.sub.H;
        for (let n = 0; n < window.sub.N; n++) {
          expect(pricer.price(n, randomCosts(window.sub, rng))).toBeLessThan(Infinity);
          next.set(pricer.row.subarray(0, Hs), n * Hs);
          for (let ds = 0; ds < Hs; ds++) {
            const d = window.first + ds;
            if (d < from || d > to) expect(next[n * Hs + ds]).toBe(subStart[n * Hs + ds]);
          }
        }
        sub.load(next);
        expect(sub.countViolations()).toBe(0);
        const merged = mergeWindow(c, window, original, next);
        for (let i = 0; i < merged.length; i++) {
          const d = i % c.H;
          const n = Math.floor(i / c.H);
          if (d < from || d > to || (group && !group.includes(n))) expect(merged[i]).toBe(original[i]);
        }
        full.load(merged);
        expect(full.countViolations()).toBe(0);
        expect(full.soft - before).toBe(sub.soft - subBefore);
        checked++;
      }
    }
    expect(checked).toBe(70);
  });

  it('rejects a window outside the horizon and a group that is not a set of employees', () => {
    const assign = new Int8Array(c.N * c.H);
    expect(() => windowInstance(c, assign, 50, 60)).toThrow(/window 50..60 is outside 0..55/);
    expect(() => windowInstance(c, assign, 0, 6, [1, 1])).toThrow(/employee index 1 is not one of 0..4 once/);
    expect(() => windowInstance(c, assign, 0, 6, [7])).toThrow(/employee index 7/);
  });

  it('improves a roster window by window, never making it worse or infeasible', async () => {
    const start = randomFeasibleRoster(c, new Random(9));
    const state = new NrpState(c);
    state.load(start);
    const startObjective = state.soft;
    const reported: number[] = [];
    const result = await solveByWindows(c, {
      deadline: Date.now() + 4_000,
      incumbent: async () => start,
      onImproved: (_assign, objective) => reported.push(objective),
    });
    expect(result.windows).toBeGreaterThan(3);
    expect(result.improved).toBeGreaterThan(0);
    expect(result.objective!).toBeLessThan(startObjective);
    expect(reported[reported.length - 1]).toBe(result.objective);
    for (let k = 1; k < reported.length; k++) expect(reported[k]).toBeLessThan(reported[k - 1]);
    state.load(result.assign!);
    expect([state.countViolations(), state.soft]).toEqual([0, result.objective]);
  });

  it('starts from a roster handed in when no incumbent comes, and never reports worse than it', async () => {
    const start = randomFeasibleRoster(c, new Random(5));
    const state = new NrpState(c);
    state.load(start);
    const startObjective = state.soft;
    const result = await solveByWindows(c, {
      deadline: Date.now() + 1_500,
      incumbent: async () => undefined,
      start,
    });
    expect(result.windows).toBeGreaterThan(0);
    expect(result.objective!).toBeLessThanOrEqual(startObjective);
    state.load(result.assign!);
    expect([state.countViolations(), state.soft]).toEqual([0, result.objective]);
  });

  it('waits for a feasible roster and stops at its deadline without one', async () => {
    const started = Date.now();
    const result = await solveByWindows(c, { deadline: started + 600, incumbent: async () => undefined });
    expect(result).toMatchObject({ windows: 0, improved: 0 });
    expect(result.assign).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});

describe.skipIf(!hasBenchmark)('companion mode', () => {
  it('prices whole rows where a round is cheap, windows elsewhere (long horizons; 13 with its weekend plan off)', () => {
    const options = { seconds: 60, threads: 2 };
    expect(companionMode(compileNrp(loadBenchmark(4)), options, 2)).toBe('whole');
    for (const i of [19, 22]) expect(companionMode(compileNrp(loadBenchmark(i)), options, 2)).toBe('windows');
    // 13: the held weekend plan and a second search instead of windows, unless the plan is off.
    expect(companionMode(compileNrp(loadBenchmark(13)), options, 2)).toBeUndefined();
    expect(
      companionMode(compileNrp(loadBenchmark(13)), { ...options, tuning: { weekendPlan: false } }, 2),
    ).toBe('windows');
    expect(companionMode(compileNrp(loadBenchmark(22)), options, 1)).toBeUndefined();
    expect(
      companionMode(compileNrp(loadBenchmark(22)), { ...options, exactCompanion: false }, 2),
    ).toBeUndefined();
  });
});

describe.skipIf(!hasBenchmark)('search settings', () => {
  it('holds a weekend plan beside the whole-row companion only with a minute, unless the caller decides', () => {
    const c = compileNrp(loadBenchmark(15));
    const settings = (options: NrpSolveOptions) => searchSettings(c, options, 2);
    expect(settings({ seconds: 60 })).toMatchObject({ mode: 'whole', tuning: { weekendPlan: true } });
    expect(settings({ seconds: 30 })).toMatchObject({ mode: 'whole', tuning: { weekendPlan: false } });
    expect(settings({ seconds: 60, tuning: { weekendPlan: false } }).tuning.weekendPlan).toBe(false);
    expect(settings({ seconds: 5, tuning: { weekendPlan: true } }).tuning.weekendPlan).toBe(true);
    // An iteration limit: no companion, no plan for 45 employees.
    expect(settings({ maxIterations: 1000 })).toMatchObject({
      mode: undefined,
      tuning: { weekendPlan: false },
    });
    expect(searchSettings(compileNrp(loadBenchmark(19)), { seconds: 60 }, 2).tuning.weekendPlan).toBe(false);
  });

  it("plans 13's weekends from 10 s on, with at most half of the time, and windows below", () => {
    const c = compileNrp(loadBenchmark(13));
    expect(searchSettings(c, { seconds: 60 }, 2)).toMatchObject({
      mode: undefined,
      tuning: { weekendPlan: true, weekendPlanSeconds: 10 },
    });
    expect(searchSettings(c, { seconds: 12 }, 2).tuning).toMatchObject({
      weekendPlan: true,
      weekendPlanSeconds: 6,
    });
    expect(searchSettings(c, { seconds: 5 }, 2)).toMatchObject({
      mode: 'windows',
      tuning: { weekendPlan: false },
    });
    expect(searchSettings(c, { maxIterations: 1000 }, 2).tuning).toMatchObject({
      weekendPlan: true,
      weekendPlanSeconds: 10,
    });
    expect(
      searchSettings(c, { seconds: 60, tuning: { weekendPlanSeconds: 3 } }, 2).tuning.weekendPlanSeconds,
    ).toBe(3);
  });
});

describe.skipIf(!hasBenchmark)('first window', () => {
  /** A greedy start roster of instance i, compiled. */
  function started(i: number): { c: CompiledNrp; assign: Int8Array } {
    const c = compileNrp(loadBenchmark(i));
    const state = new NrpState(c);
    construct(state, new Random(1));
    return { c, assign: state.assign };
  }

  it('keeps two weeks of everyone where a pricing round of them is cheap (20)', () => {
    const { c, assign } = started(20);
    expect(startingWindow(c, assign, 14)).toEqual({ width: 14, group: c.N });
  });

  it('starts with one week where two weeks of everyone price too slowly (13: 120 employees, 18 types)', () => {
    const { c, assign } = started(13);
    const { width, group } = startingWindow(c, assign, 14);
    expect(width).toBe(7);
    expect(group).toBeGreaterThan(c.N / 2);
  });

  it('takes a group of employees where even one week of everyone is too slow (24: 150 employees, 32 types)', () => {
    const { c, assign } = started(24);
    const { width, group } = startingWindow(c, assign, 14);
    expect(width).toBe(7);
    expect(group).toBeGreaterThanOrEqual(4);
    expect(group).toBeLessThan(c.N);
  });
});
