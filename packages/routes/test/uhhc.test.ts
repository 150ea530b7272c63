import { describe, expect, it } from 'vitest';
import { evaluateUhhc, parseUhhc, solveUhhc } from '../src/index.ts';
import { hasUhhc, readBenchmark } from './helpers.ts';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { BENCHMARKS } from './helpers.ts';

/** Depot d0 (index 0), patients p0 (index 1) and p1 (index 2); 10 minutes between any two places. */
function tinyInstance(overrides: { p1Sync?: object; lunch?: boolean } = {}) {
  const ten = [
    [0, 10, 10],
    [10, 0, 10],
    [10, 10, 0],
  ];
  return {
    metadata: {
      name: 'tiny',
      time_window_met: 'at_service_start',
      cost_components: {
        travel_time: 1,
        total_tardiness: 2,
        highest_tardiness: 3,
        total_waiting_time: 4,
        total_extra_time: 5,
        max_idle_time: 6,
        caregiver_preferences: 7,
        optional_patients: 100,
        missed_lunch_break: 50,
      },
    },
    distances: ten,
    terminal_points: [{ id: 'd0', distance_matrix_index: 0 }],
    caregivers: [
      {
        id: 'c1',
        abilities: ['s1', 's2'],
        departing_point: 'd0',
        working_shift: { start: 0, end: 200 },
        lunch_break: overrides.lunch ?? false,
      },
      {
        id: 'c2',
        abilities: ['s2'],
        departing_point: 'd0',
        working_shift: { start: 0, end: 200 },
        lunch_break: false,
      },
    ],
    patients: [
      {
        id: 'p0',
        distance_matrix_index: 1,
        required_services: [{ service: 's1', duration: 30 }],
        time_windows: [{ start: 20, end: 40 }],
        preferred_caregivers: ['c2'],
      },
      {
        id: 'p1',
        distance_matrix_index: 2,
        required_services: [
          { service: 's1', duration: 20 },
          { service: 's2', duration: 20 },
        ],
        time_windows: [{ start: 100, end: 120 }],
        synchronization: overrides.p1Sync ?? { type: 'simultaneous' },
        optional: true,
      },
    ],
    services: [
      { id: 's1', default_duration: 30 },
      { id: 's2', default_duration: 30 },
    ],
    lunch_breaks: { start: 60, end: 120, min_duration: 30 },
  };
}

describe('UHHC evaluator on hand-made cases', () => {
  it('prices a plan with waiting, lateness, preferences, idle time and an optional patient left out', () => {
    const instance = parseUhhc(tinyInstance());
    const result = evaluateUhhc(instance, {
      routes: [
        {
          caregiver_id: 'c1',
          locations: [{ patient: 'p0', service: 's1', arrival_time: 50, departure_time: 80 }],
        },
      ],
    });
    expect(result.violations).toEqual([]);
    // Leaves at 40 (just in time), serves 50–80, back at 90.
    expect(result.values.travel_time).toBe(20);
    expect(result.values.total_tardiness).toBe(10);
    expect(result.values.highest_tardiness).toBe(10);
    expect(result.values.total_waiting_time).toBe(0);
    expect(result.values.max_idle_time).toBe(40 + 110);
    expect(result.values.caregiver_preferences).toBe(1);
    expect(result.values.optional_patients).toBe(1);
    expect(result.objective).toBe(20 + 2 * 10 + 3 * 10 + 6 * 150 + 7 + 100);
  });

  it('counts waiting between visits and lunch taken in the window', () => {
    const instance = parseUhhc(tinyInstance({ lunch: true }));
    const result = evaluateUhhc(instance, {
      routes: [
        {
          caregiver_id: 'c1',
          locations: [
            { patient: 'p0', service: 's1', arrival_time: 20, departure_time: 50 },
            { patient: 'p1', service: 'lunch_break', start_time: 65, end_time: 95 },
            { patient: 'p1', service: 's1', arrival_time: 100, departure_time: 120 },
          ],
        },
        {
          caregiver_id: 'c2',
          locations: [{ patient: 'p1', service: 's2', arrival_time: 100, departure_time: 120 }],
        },
      ],
    });
    expect(result.violations).toEqual([]);
    // c1: arrives at p1 at 60, lunch waits 5, then 5 more before the service.
    expect(result.values.total_waiting_time).toBe(10);
    expect(result.values.missed_lunch_break).toBe(0);
    expect(result.values.optional_patients).toBe(0);
  });

  it('reports broken hard rules', () => {
    const instance = parseUhhc(tinyInstance({ lunch: true }));
    const result = evaluateUhhc(instance, {
      routes: [
        {
          caregiver_id: 'c1',
          locations: [
            { patient: 'p0', service: 's1', arrival_time: 15, departure_time: 40 },
            { patient: 'p1', service: 's1', arrival_time: 100, departure_time: 120 },
            { patient: 'p1', service: 'lunch_break', start_time: 121, end_time: 151 },
          ],
        },
        {
          caregiver_id: 'c2',
          locations: [{ patient: 'p1', service: 's2', arrival_time: 105, departure_time: 125 }],
        },
        { caregiver_id: 'c2' },
      ],
    });
    const text = result.violations.join('\n');
    expect(result.feasible).toBe(false);
    expect(text).toMatch(/before the window opens at 20/);
    expect(text).toMatch(/lasts 25, needs 30/);
    expect(text).toMatch(/simultaneous services start at 100 and 105/);
    expect(text).toMatch(/lunch starts at 121, after 120/);
    expect(text).toMatch(/more than one route/);
  });

  it('checks sequential gaps and skills', () => {
    const instance = parseUhhc(
      tinyInstance({ p1Sync: { type: 'sequential', distance: { min: 10, max: 20 } } }),
    );
    const result = evaluateUhhc(instance, {
      routes: [
        {
          caregiver_id: 'c2',
          locations: [{ patient: 'p0', service: 's1', arrival_time: 20, departure_time: 50 }],
        },
        {
          caregiver_id: 'c1',
          locations: [
            { patient: 'p1', service: 's1', arrival_time: 100, departure_time: 120 },
            { patient: 'p1', service: 's2', arrival_time: 125, departure_time: 145 },
          ],
        },
      ],
    });
    const text = result.violations.join('\n');
    expect(text).toMatch(/sequential gap 25 outside \[10, 20\]/);
    expect(text).toMatch(/hard component qualification = 1/);
  });
});

describe.skipIf(!hasUhhc)('UHHC benchmark instances', () => {
  it('evaluator reproduces every published simulated-annealing objective', () => {
    const published = new Map(
      readBenchmark('uhhc', 'published_sa.csv')
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((l) => [l.split(',')[0], Number(l.split(',')[1])] as const),
    );
    const files = readdirSync(path.join(BENCHMARKS, 'uhhc', 'published_sa_solutions'));
    expect(files.length).toBe(24);
    for (const file of files) {
      const name = /sol-(i-\d+)/.exec(file)![1];
      const instance = parseUhhc(JSON.parse(readBenchmark('uhhc', 'instances', `${name}.json`)));
      const result = evaluateUhhc(
        instance,
        JSON.parse(readBenchmark('uhhc', 'published_sa_solutions', file)),
      );
      expect(result.violations, name).toEqual([]);
      expect(result.objective, name).toBe(published.get(name));
    }
  });

  for (const name of ['i-116', 'i-100', 'i-235']) {
    it(`${name}: a short solve is feasible and the evaluator agrees with the solver`, async () => {
      const instance = parseUhhc(JSON.parse(readBenchmark('uhhc', 'instances', `${name}.json`)));
      const result = await solveUhhc(instance, { timeLimitMs: 1500, threads: 2, inline: true });
      const check = evaluateUhhc(instance, JSON.parse(JSON.stringify(result.solution)));
      expect(check.violations).toEqual([]);
      expect(check.objective).toBe(result.objective);
    });
  }

  it('is deterministic for a seed with an iteration limit', async () => {
    const instance = parseUhhc(JSON.parse(readBenchmark('uhhc', 'instances', 'i-083.json')));
    const a = await solveUhhc(instance, { maxIterations: 150, threads: 2, seed: 4 });
    const b = await solveUhhc(instance, { maxIterations: 150, threads: 2, seed: 4 });
    expect(a.solution).toEqual(b.solution);
    expect(a.objective).toBe(b.objective);
  });

  it('stops when cancelled', async () => {
    const instance = parseUhhc(JSON.parse(readBenchmark('uhhc', 'instances', 'i-175.json')));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1500);
    const started = Date.now();
    const result = await solveUhhc(instance, { timeLimitMs: 60_000, threads: 2, signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(15_000);
    // The best plan so far comes back. After a very early cancel it may still leave mandatory
    // patients out; the solver then adds its hard penalty, so compare only feasible plans.
    const check = evaluateUhhc(instance, JSON.parse(JSON.stringify(result.solution)));
    if (check.feasible) expect(check.objective).toBe(result.objective);
    else expect(result.objective).toBeGreaterThanOrEqual(1e7);
    expect(result.solution.routes.length).toBeGreaterThan(0);
  });
});
