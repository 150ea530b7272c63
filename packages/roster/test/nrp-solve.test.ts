import { describe, expect, it } from 'vitest';
import { Random } from '@planmaat/domain';
import {
  evaluateNrpRoster,
  formatRosterTsv,
  parseNrpInstance,
  parseRosterTsv,
  solveNrp,
  type NrpInstance,
} from '../src/index.ts';
import { createNrpProblem } from '../src/nrp/problem.ts';
import { hasBenchmark, loadBenchmark, TINY_A } from './fixtures.ts';

/** Re-score through the file format, as an outside checker would. */
function rescore(instance: NrpInstance, roster: string[][]) {
  return evaluateNrpRoster(instance, parseRosterTsv(formatRosterTsv(roster), instance));
}

describe('incremental scoring', () => {
  it('matches a full re-score after many random moves and undos (hand-made instance)', async () => {
    const problem = await createNrpProblem(
      { instance: parseNrpInstance(TINY_A), pins: [], tuning: {} },
      0,
      3,
    );
    const rng = new Random(9);
    for (let k = 0; k < 20_000; k++) {
      const delta = problem.move(rng);
      if (delta !== delta) continue;
      const before = problem.cost() - delta;
      if (rng.next() < 0.5) {
        problem.undo();
        expect(problem.cost()).toBe(before);
      }
      if (k % 500 === 0) {
        const { hard, soft } = problem.state;
        problem.state.recompute();
        expect([problem.state.hard, problem.state.soft]).toEqual([hard, soft]);
      }
    }
  });

  it.skipIf(!hasBenchmark)('matches a full re-score on benchmark instances 3, 12 and 19', async () => {
    for (const i of [3, 12, 19]) {
      const problem = await createNrpProblem({ instance: loadBenchmark(i), pins: [], tuning: {} }, 0, i);
      const rng = new Random(i);
      for (let k = 0; k < 30_000; k++) {
        const delta = problem.move(rng);
        if (delta === delta && delta > 0 && rng.next() < 0.7) problem.undo();
      }
      const { hard, soft } = problem.state;
      problem.state.recompute();
      expect([problem.state.hard, problem.state.soft]).toEqual([hard, soft]);
    }
  });
});

describe('solveNrp', () => {
  it('solves the hand-made instance and reports what the evaluator computes', async () => {
    const instance = parseNrpInstance(TINY_A);
    const result = await solveNrp(instance, { maxIterations: 20_000, seed: 1 });
    const check = rescore(instance, result.roster);
    expect([result.objective, result.hardViolations]).toEqual([check.objective, check.hardViolations]);
    expect(result.stopReason).toBe('iterations');
  });

  it.skipIf(!hasBenchmark)(
    'reports the same objective and hard count as the independent evaluator (instances 1-3, seeds 1-2)',
    async () => {
      for (const i of [1, 2, 3])
        for (const seed of [1, 2]) {
          const instance = loadBenchmark(i);
          const result = await solveNrp(instance, { seconds: 0.5, seed });
          const check = rescore(instance, result.roster);
          expect({ i, seed, objective: result.objective, hard: result.hardViolations }).toEqual({
            i,
            seed,
            objective: check.objective,
            hard: check.hardViolations,
          });
          expect(result.hardViolations).toBe(0);
        }
    },
  );

  it.skipIf(!hasBenchmark)(
    'is deterministic for a seed and thread count under an iteration limit',
    async () => {
      const instance = loadBenchmark(4);
      const run = (threads: number, seed: number) =>
        solveNrp(instance, { maxIterations: 60_000, syncIterations: 20_000, seed, threads });
      const [a, b] = [await run(1, 7), await run(1, 7)];
      expect(formatRosterTsv(a.roster)).toBe(formatRosterTsv(b.roster));
      expect(a.objective).toBe(b.objective);
      const [c, d] = [await run(2, 7), await run(2, 7)];
      expect(formatRosterTsv(c.roster)).toBe(formatRosterTsv(d.roster));
      expect(c.iterations).toBe(120_000);
      const other = await run(1, 8);
      expect(formatRosterTsv(other.roster)).not.toBe(formatRosterTsv(a.roster));
    },
  );

  it.skipIf(!hasBenchmark)('stops on cancel, in one thread and in two', async () => {
    const instance = loadBenchmark(8);
    for (const threads of [1, 2]) {
      const controller = new AbortController();
      const started = Date.now();
      setTimeout(() => controller.abort(), threads === 1 ? 300 : 2500);
      const result = await solveNrp(instance, { seconds: 60, threads, signal: controller.signal });
      expect(result.stopReason).toBe('cancelled');
      expect(Date.now() - started).toBeLessThan(20_000);
      expect(rescore(instance, result.roster).objective).toBe(result.objective);
    }
  });

  it.skipIf(!hasBenchmark)('stops at a lower bound and reports progress that only improves', async () => {
    const instance = loadBenchmark(1);
    const events: number[] = [];
    const result = await solveNrp(instance, {
      seconds: 30,
      lowerBound: 700,
      onProgress: (e) => events.push(e.best.hard * 1e6 + e.best.soft),
    });
    expect(result.stopReason).toBe('lower-bound');
    expect(result.hardViolations).toBe(0);
    expect(result.objective).toBeLessThanOrEqual(700);
    expect(events.length).toBeGreaterThan(1);
    for (let k = 1; k < events.length; k++) expect(events[k]).toBeLessThan(events[k - 1]);
  });

  it.skipIf(!hasBenchmark)('keeps pinned cells, even against the objective', async () => {
    const instance = loadBenchmark(3);
    // B asks for no L on these days and L is the least covered; pin the opposite of what the search wants.
    const pins = [
      { employeeId: 'A', day: 3, shiftId: '' },
      { employeeId: 'B', day: 5, shiftId: 'L' },
      { employeeId: 'C', day: 7, shiftId: 'E' },
    ];
    const result = await solveNrp(instance, { maxIterations: 200_000, seed: 3, pins });
    const row = (id: string) => result.roster[instance.staff.findIndex((s) => s.id === id)];
    expect([row('A')[3], row('B')[5], row('C')[7]]).toEqual(['', 'L', 'E']);
    expect(rescore(instance, result.roster).objective).toBe(result.objective);
  });

  it.skipIf(!hasBenchmark)('finds feasible rosters on instances 4-7 within a second each', async () => {
    for (const i of [4, 5, 6, 7]) {
      const instance = loadBenchmark(i);
      const result = await solveNrp(instance, { seconds: 1, seed: 1 });
      expect({ i, hard: rescore(instance, result.roster).hardViolations }).toEqual({ i, hard: 0 });
    }
  });

  it('runs column generation beside the search, and stops the search when it proves the optimum', async () => {
    const instance = parseNrpInstance(TINY_A, 'tiny-a');
    const started = Date.now();
    const events: number[] = [];
    const result = await solveNrp(instance, {
      seconds: 30,
      threads: 2,
      onProgress: (e) => events.push(e.best.hard * 1e6 + e.best.soft),
    });
    expect(result.exact?.status).toContain('optimal');
    expect(result.exact?.lowerBound).toBe(result.objective);
    expect(result.stopReason).toBe('lower-bound');
    expect(Date.now() - started).toBeLessThan(20_000);
    const check = rescore(instance, result.roster);
    expect([check.objective, check.hardViolations]).toEqual([result.objective, result.hardViolations]);
    // Nothing beats the proven optimum: a long local search alone ends no better.
    const searchOnly = await solveNrp(instance, { maxIterations: 300_000, seed: 2, threads: 2 });
    expect(searchOnly.exact).toBeUndefined();
    expect(searchOnly.hardViolations * 1e6 + searchOnly.objective).toBeGreaterThanOrEqual(
      result.hardViolations * 1e6 + result.objective,
    );
    for (let k = 1; k < events.length; k++) expect(events[k]).toBeLessThan(events[k - 1]);
  });

  it.skipIf(!hasBenchmark)('stops the exact companion on cancel', async () => {
    const instance = loadBenchmark(12);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 1000);
    const result = await solveNrp(instance, { seconds: 60, threads: 2, signal: controller.signal });
    expect(result.stopReason).toBe('cancelled');
    expect(result.exact?.status).toMatch(/lp stopped/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(rescore(instance, result.roster).objective).toBe(result.objective);
  });

  it.skipIf(!hasBenchmark)(
    'hands the last share of the time to windows when the whole-horizon companion proves nothing',
    async () => {
      // Instance 8's optimum is not proven within seconds, so its companion switches to windows.
      const instance = loadBenchmark(8);
      const started = Date.now();
      const result = await solveNrp(instance, { seconds: 5, threads: 2 });
      expect(Date.now() - started).toBeLessThan(9_000);
      expect(result.exact?.status).toMatch(/^lp .*; then \d+ windows, \d+ improved$/);
      expect(result.hardViolations).toBe(0);
      const check = rescore(instance, result.roster);
      expect([check.objective, check.hardViolations]).toEqual([result.objective, 0]);
    },
  );

  it('leaves the exact companion out with pins, one thread, or when switched off', async () => {
    const instance = parseNrpInstance(TINY_A, 'tiny-a');
    const pins = [{ employeeId: 'A', day: 0, shiftId: 'E' }];
    for (const options of [
      { seconds: 0.3, threads: 2, pins },
      { seconds: 0.3, threads: 1 },
      { seconds: 0.3, threads: 2, exactCompanion: false as const },
    ]) {
      const result = await solveNrp(instance, options);
      expect(result.exact).toBeUndefined();
      expect(result.stopReason).toBe('time');
    }
  });
});
