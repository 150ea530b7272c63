import { describe, expect, it } from 'vitest';
import {
  evaluateSolomon,
  formatRoutes,
  parseRoutes,
  parseSolomon,
  RouteState,
  solomonProblem,
  solveSolomon,
  search,
  toCustomerNumbers,
} from '../src/index.ts';
import { hasSolomon, readBenchmark } from './helpers.ts';

// Depot at (0,0); customers on a 3-4-5 triangle so distances are exact.
const TINY = `TINY\r
\r
VEHICLE\r
NUMBER     CAPACITY\r
  2         10\r
\r
CUSTOMER\r
CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\r
\r
    0      0          0          0          0        100          0\r
    1      3          0          4          0         10          1\r
    2      3          4          4          0         20          1\r
    3      0          4          4         50         60          1\r
`;

describe('Solomon files', () => {
  it('reads an instance and round-trips a routes file', () => {
    const instance = parseSolomon(TINY);
    expect(instance.name).toBe('TINY');
    expect(instance.vehicles).toBe(2);
    expect(instance.capacity).toBe(10);
    expect(instance.nodes).toHaveLength(4);
    expect(instance.nodes[3]).toMatchObject({ x: 0, y: 4, ready: 50, due: 60, service: 1 });
    const text = formatRoutes([[1, 2], [], [3]], '# comment');
    expect(text).toBe('Route 1 : 1 2\nRoute 2 : 3\n# comment\n');
    expect(parseRoutes(text + 'Route 3 :\n')).toEqual([[1, 2], [3]]);
  });

  it('names the line of a broken instance', () => {
    expect(() => parseSolomon(TINY.replace('    2      3', '    7      3'), 'x.txt')).toThrow(/x\.txt:12/);
  });
});

describe('Solomon evaluator', () => {
  const instance = parseSolomon(TINY);
  it('accepts a feasible plan and sums exact distances', () => {
    const result = evaluateSolomon(instance, [[1, 2], [3]]);
    expect(result.violations).toEqual([]);
    expect(result.vehicles).toBe(2);
    // 0→1 3, 1→2 4, 2→0 5; 0→3 4, 3→0 4.
    expect(result.distance).toBeCloseTo(20, 12);
  });
  it('reports late service, capacity, missing and repeated customers', () => {
    const late = evaluateSolomon(instance, [[3, 1, 2]]);
    expect(late.feasible).toBe(false);
    expect(late.violations.join('\n')).toMatch(/customer 1 starts at 56\.00 after its due time 10/);
    expect(late.violations.join('\n')).toMatch(/load 12 exceeds capacity 10/);
    const missing = evaluateSolomon(instance, [[1, 1], [3]]);
    expect(missing.violations).toContain('customer 1 is served 2 times');
    expect(missing.violations).toContain('customer 2 is not served');
  });
  it('waits for a ready time instead of counting it late', () => {
    // 0→3 arrives at 4, waits until 50, back at 55 ≤ 100.
    const result = evaluateSolomon(instance, [[1, 2], [3]]);
    expect(result.feasible).toBe(true);
  });
});

describe('route state', () => {
  it('insertion deltas agree with re-checking the whole route', () => {
    const instance = parseSolomon(readOrTiny('R101'));
    const problem = solomonProblem(instance);
    const state = new RouteState(problem);
    const result = search(problem, { seed: 3, maxIterations: 50 });
    state.load(result.routes);
    const routes = state.routes();
    let checked = 0;
    for (let c = 0; c < problem.n; c++) {
      const r = state.routeOf[c];
      const pos = routes[r].indexOf(c);
      const without = routes.map((route) => route.filter((x) => x !== c));
      const baseDistance = evaluateSolomon(instance, toNumbers(without)).distance;
      for (let v = 0; v < Math.min(problem.vehicles, 6); v++) {
        state.load(without);
        for (let after = 0; after <= without[v].length; after++) {
          const delta = state.insertionDelta(c, v, after);
          const trial = without.map((route) => route.slice());
          trial[v].splice(after, 0, c);
          const check = evaluateSolomon(instance, toNumbers(trial));
          if (delta === Infinity) {
            expect(check.feasible).toBe(false);
          } else {
            expect(check.feasible).toBe(true);
            expect(baseDistance + delta).toBeCloseTo(check.distance, 6);
          }
          checked++;
        }
      }
      state.load(routes);
      expect(pos).toBeGreaterThanOrEqual(0);
      if (c > 10) break;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

function toNumbers(routes: number[][]): number[][] {
  return routes.map((r) => r.map((c) => c + 1));
}

function readOrTiny(name: string): string {
  return hasSolomon ? readBenchmark('solomon', `${name}.txt`) : TINY;
}

describe.skipIf(!hasSolomon)('solve-vrptw on benchmark instances', () => {
  for (const name of ['C101', 'R102', 'RC105', 'R201']) {
    it(`${name}: solver distance equals the independent evaluator`, async () => {
      const instance = parseSolomon(readBenchmark('solomon', `${name}.txt`));
      const result = await solveSolomon(instance, { timeLimitMs: 1000, threads: 2, inline: true, seed: 5 });
      const check = evaluateSolomon(instance, parseRoutes(formatRoutes(result.routes)));
      expect(check.violations).toEqual([]);
      expect(check.vehicles).toBe(result.vehicles);
      expect(check.distance).toBeCloseTo(result.distance, 9);
      expect(result.distance.toFixed(2)).toBe(check.distance.toFixed(2));
    });
  }

  it('is deterministic for a seed with an iteration limit (workers included)', async () => {
    const instance = parseSolomon(readBenchmark('solomon', 'RC101.txt'));
    const a = await solveSolomon(instance, { maxIterations: 150, threads: 2, seed: 11 });
    const b = await solveSolomon(instance, { maxIterations: 150, threads: 2, seed: 11 });
    const c = await solveSolomon(instance, { maxIterations: 150, threads: 2, seed: 12 });
    expect(a.routes).toEqual(b.routes);
    expect(a.distance).toBe(b.distance);
    expect(a.iterations).toBe(300);
    expect(c.routes).not.toEqual(a.routes);
  });

  it('stops promptly when cancelled and still returns a feasible plan', async () => {
    const instance = parseSolomon(readBenchmark('solomon', 'R201.txt'));
    const controller = new AbortController();
    const progress: number[] = [];
    const started = Date.now();
    setTimeout(() => controller.abort(), 1500);
    const result = await solveSolomon(instance, {
      timeLimitMs: 60_000,
      threads: 2,
      signal: controller.signal,
      onProgress: (p) => progress.push(p.bestObjective),
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(progress.length).toBeGreaterThan(0);
    expect(evaluateSolomon(instance, result.routes).feasible).toBe(true);
  });

  it('minimises vehicles first with --objective vehicles', async () => {
    const instance = parseSolomon(readBenchmark('solomon', 'R101.txt'));
    const byVehicles = await solveSolomon(instance, {
      maxIterations: 2000,
      threads: 1,
      inline: true,
      objective: 'vehicles',
    });
    const byDistance = await solveSolomon(instance, {
      maxIterations: 2000,
      threads: 1,
      inline: true,
      objective: 'distance',
    });
    expect(byVehicles.vehicles).toBeLessThan(byDistance.vehicles);
  });
});

describe.skipIf(!hasSolomon)('SWAP* in the local search', () => {
  it('keeps plans feasible, agrees with the evaluator and is deterministic', () => {
    for (const name of ['R101', 'RC105']) {
      const instance = parseSolomon(readBenchmark('solomon', `${name}.txt`), name);
      const problem = solomonProblem(instance, 'distance');
      const options = { seed: 3, maxIterations: 30, localSearchWindow: 0.05, swapStar: true } as const;
      const a = search(problem, options);
      if (name === 'R101') expect(search(problem, options).routes).toEqual(a.routes);
      expect(a.unassigned).toBe(0);
      const check = evaluateSolomon(instance, toCustomerNumbers(a.routes));
      expect(check.violations).toEqual([]);
      expect(check.distance).toBeCloseTo(a.bestDistance, 6);
    }
  });
});
