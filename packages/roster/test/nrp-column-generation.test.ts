import { describe, expect, it } from 'vitest';
import { Random } from '@planmaat/domain';
import { parseNrpInstance, solveNrp, solveNrpMip } from '../src/index.ts';
import { solveByColumnGeneration } from '../src/nrp/column-generation.ts';
import { compileNrp, type CompiledNrp } from '../src/nrp/compiled.ts';
import { ExactRowPricer } from '../src/nrp/row-pricing.ts';
import { createNrpProblem } from '../src/nrp/problem.ts';
import { NRP_PORTFOLIO } from '../src/nrp/solve.ts';
import { runPortfolio, type SolutionExchange } from '../src/engine/portfolio.ts';
import { NrpState } from '../src/nrp/state.ts';
import { hasBenchmark, loadBenchmark, TINY_A } from './fixtures.ts';

/** Every row of employee n (values -1..S-1 per day) with its cost, keeping only feasible ones. */
function feasibleRows(c: CompiledNrp, n: number): Int8Array[] {
  const { N, H, S } = c;
  const state = new NrpState(c);
  const rows: Int8Array[] = [];
  const row = new Int8Array(H).fill(-1);
  const assign = new Int8Array(N * H).fill(-1);
  const visit = (d: number) => {
    if (d === H) {
      assign.set(row, n * H);
      state.load(assign);
      if (state.employeeHard(n) === 0) rows.push(row.slice());
      return;
    }
    for (let v = -1; v < S; v++) {
      row[d] = v;
      visit(d + 1);
    }
  };
  visit(0);
  return rows;
}

const costOf = (c: CompiledNrp, row: Int8Array, dayCost: Float64Array) =>
  row.reduce((sum, v, d) => sum + dayCost[d * (c.S + 1) + v + 1], 0);

function randomCosts(c: CompiledNrp, rng: Random): Float64Array {
  const costs = new Float64Array(c.H * (c.S + 1));
  for (let i = 0; i < costs.length; i++) costs[i] = Math.round((rng.next() - 0.6) * 200) / 4;
  return costs;
}

describe('exact row pricing', () => {
  it('finds the cheapest feasible row, as enumerating every row does (one binding type maximum)', () => {
    // TINY_A: A may work E at most twice (binding), has a listed day off, run and minute limits;
    // B has a forbidden succession (L then E) and a weekend limit.
    const c = compileNrp(parseNrpInstance(TINY_A, 'tiny-a'));
    const pricer = new ExactRowPricer(c);
    const rng = new Random(7);
    for (const n of [0, 1]) {
      const rows = feasibleRows(c, n);
      expect(rows.length).toBeGreaterThan(10);
      for (let trial = 0; trial < 60; trial++) {
        const costs = randomCosts(c, rng);
        const best = Math.min(...rows.map((r) => costOf(c, r, costs)));
        const found = pricer.price(n, costs);
        expect({ n, trial, found }).toEqual({ n, trial, found: best });
        expect(costOf(c, pricer.row, costs)).toBe(found);
        expect(rows.some((r) => r.every((v, d) => v === pricer.row[d]))).toBe(true);
      }
    }
    expect(pricer.inexact).toBe(0);
  });

  it('is exact with two binding type maxima (both counted in the state)', () => {
    const c = compileNrp(parseNrpInstance(TINY_A.replace('A,E=2|L=7', 'A,E=2|L=2'), 'tiny-a2'));
    const pricer = new ExactRowPricer(c);
    const rows = feasibleRows(c, 0);
    const rng = new Random(11);
    let bothBind = 0;
    for (let trial = 0; trial < 60; trial++) {
      const costs = randomCosts(c, rng);
      const best = Math.min(...rows.map((r) => costOf(c, r, costs)));
      expect({ trial, found: pricer.price(0, costs) }).toEqual({ trial, found: best });
      expect(rows.some((r) => r.every((v, d) => v === pricer.row[d]))).toBe(true);
      // Would the unconstrained cheapest row break both maxima? Then both had to be counted.
      const free = Array.from({ length: c.H }, (_, d) =>
        Math.min(...Array.from({ length: c.S + 1 }, (_, v) => costs[d * (c.S + 1) + v])),
      );
      const wantsE = free.filter((m, d) => m === costs[d * (c.S + 1) + 1]).length;
      const wantsL = free.filter((m, d) => m === costs[d * (c.S + 1) + 2]).length;
      if (wantsE > 2 && wantsL > 2) bothBind++;
    }
    expect(bothBind).toBeGreaterThan(0);
    expect(pricer.inexact).toBe(0);
  });

  it('returns only feasible rows and counts the calls it could not prove cheapest (three binding maxima)', () => {
    const c = compileNrp(parseNrpInstance(TINY_THREE_TYPES, 'tiny-three'));
    const pricer = new ExactRowPricer(c);
    const rows = feasibleRows(c, 0);
    const rng = new Random(13);
    let worse = 0;
    let found = 0;
    for (let trial = 0; trial < 60; trial++) {
      const costs = randomCosts(c, rng);
      const best = Math.min(...rows.map((r) => costOf(c, r, costs)));
      const inexactBefore = pricer.inexact;
      const cost = pricer.price(0, costs);
      if (cost === Infinity) {
        expect(pricer.inexact).toBe(inexactBefore + 1);
        continue;
      }
      found++;
      expect(rows.some((r) => r.every((v, d) => v === pricer.row[d]))).toBe(true);
      expect(costOf(c, pricer.row, costs)).toBe(cost);
      expect(cost).toBeGreaterThanOrEqual(best);
      if (cost > best) {
        worse++;
        expect(pricer.inexact).toBe(inexactBefore + 1);
      }
    }
    // The priced third type costs optimality only sometimes, and a row is almost always found.
    expect(pricer.inexact).toBeGreaterThan(0);
    expect(found).toBeGreaterThan(50);
    expect(worse).toBeLessThan(found / 2);
  });
});

/** One employee who may work any day, but each of three shift types once at most. */
const TINY_THREE_TYPES = `SECTION_HORIZON
7

SECTION_SHIFTS
E,480,
L,480,
N,480,

SECTION_STAFF
A,E=1|L=1|N=1,3360,0,7,1,1,1

SECTION_COVER
0,E,1,100,1
`;

describe('column generation', () => {
  it('proves the optimum of the hand-made instance, equal to what HiGHS proves on the full model', async () => {
    const instance = parseNrpInstance(TINY_A, 'tiny-a');
    const c = compileNrp(instance);
    const result = await solveByColumnGeneration(c, { deadline: Date.now() + 20_000 });
    const mip = await solveNrpMip(instance, 20);
    expect(mip.status).toBe('optimal');
    expect(result.objective).toBe(mip.objective);
    expect(result.lowerBound).toBe(mip.objective);
    expect(result.status).toContain('optimal');
    const state = new NrpState(c);
    state.load(result.assign!);
    expect([state.countViolations(), state.soft]).toEqual([0, result.objective]);
  });

  it('is never worse than the roster it is given as a start', async () => {
    const instance = parseNrpInstance(TINY_A, 'tiny-a');
    const c = compileNrp(instance);
    const start = await solveNrp(instance, { maxIterations: 20_000, seed: 3 });
    expect(start.hardViolations).toBe(0);
    const index = new Map(c.shiftIds.map((id, i) => [id, i]));
    const assign = Int8Array.from(start.roster.flat(), (id) => (id === '' ? -1 : index.get(id)!));
    let asked = 0;
    const result = await solveByColumnGeneration(c, {
      deadline: Date.now() + 10_000,
      // No time for the LP: the integer master sees only the start's rows.
      rootShare: 0,
      mipShare: 1,
      incumbent: async () => {
        asked++;
        return assign;
      },
    });
    expect(asked).toBe(1);
    expect(result.objective).toBeLessThanOrEqual(start.objective);
  });

  it.skipIf(!hasBenchmark)('proves benchmark instance 4 optimal (1716) within seconds', async () => {
    const c = compileNrp(loadBenchmark(4));
    const result = await solveByColumnGeneration(c, { deadline: Date.now() + 30_000 });
    expect([result.objective, result.lowerBound]).toEqual([1716, 1716]);
  });

  it.skipIf(!hasBenchmark)(
    'proves benchmark instance 12 optimal (4040) through its cell dives',
    async () => {
      // The root LP is 4,040; dives that fix whole rows end far above it within this budget, the
      // cell dives reach it (≈ 15 s on a quiet machine).
      const c = compileNrp(loadBenchmark(12));
      const result = await solveByColumnGeneration(c, { deadline: Date.now() + 100_000 });
      expect([result.objective, result.lowerBound]).toEqual([4040, 4040]);
      expect(result.status).toContain('optimal');
      const state = new NrpState(c);
      state.load(result.assign!);
      expect([state.countViolations(), state.soft]).toEqual([0, 4040]);
    },
    120_000,
  );

  it.skipIf(!hasBenchmark)(
    'proves benchmark instance 1 optimal by branch-and-price alone, as HiGHS does on the full model',
    async () => {
      // No dives and no integer master: the root LP (558) is far below the optimum, so only a
      // complete search of the branching tree can find and prove it.
      const instance = loadBenchmark(1);
      const c = compileNrp(instance);
      const result = await solveByColumnGeneration(c, {
        deadline: Date.now() + 60_000,
        maxDives: 0,
        branching: true,
      });
      const mip = await solveNrpMip(instance, 60);
      expect(mip.status).toBe('optimal');
      const optimum = Math.round(mip.objective!);
      expect(result.lpValue).toBeLessThan(optimum - 10);
      expect(result.status).toContain('complete');
      expect(result.status).not.toContain('mip');
      expect([result.objective, result.lowerBound]).toEqual([optimum, optimum]);
      const state = new NrpState(c);
      state.load(result.assign!);
      expect([state.countViolations(), state.soft]).toEqual([0, optimum]);
    },
    150_000,
  );
});

describe('portfolio exchange', () => {
  it('makes a roster offered from outside the shared best, in one thread and in two', async () => {
    const instance = parseNrpInstance(TINY_A, 'tiny-a');
    const c = compileNrp(instance);
    const optimum = await solveByColumnGeneration(c, { deadline: Date.now() + 10_000 });
    const offered = optimum.assign!;
    const payload = { instance, pins: [], tuning: {} };
    const run = (threads: number, exchange?: SolutionExchange) =>
      runPortfolio({
        threads,
        seed: 1,
        maxIterations: 1,
        syncIterations: 1,
        acceptance: NRP_PORTFOLIO,
        createProblem: createNrpProblem,
        workerUrl: new URL('../src/nrp/worker.ts', import.meta.url),
        payload,
        exchange,
      });
    // One move from the construction does not reach the optimum on its own…
    const alone = await run(1);
    expect(alone.score.hard * 1e6 + alone.score.soft).toBeGreaterThan(optimum.objective!);
    for (const threads of [1, 2]) {
      let offers = 0;
      const heard: number[] = [];
      const result = await run(threads, {
        incoming: () =>
          offers++ === 0
            ? { solution: offered, score: { hard: 0, medium: 0, soft: optimum.objective! } }
            : undefined,
        onBest: (_solution, score) => heard.push(score.soft),
      });
      // …but with the offer it ends there, and the outside hears of it.
      expect({ threads, score: result.score }).toEqual({
        threads,
        score: { hard: 0, medium: 0, soft: optimum.objective },
      });
      expect(Array.from(result.best)).toEqual(Array.from(offered));
      expect(heard).toContain(optimum.objective);
    }
  });
});
