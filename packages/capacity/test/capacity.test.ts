import { describe, expect, it } from 'vitest';
import {
  capacityBaseSchema,
  cascade,
  clientHoursFromVisits,
  compareScenarios,
  contractHours,
  demandHoursFromShifts,
  perLevelHeadCount,
  projectCapacity,
  resolveAssumptions,
  scenarioSchema,
  weeklySurvival,
  type AssumptionsInput,
  type CapacityBaseInput,
} from '../src/index.ts';

const flat = new Array(12).fill(1);
/** Assumptions that make hand arithmetic easy: no seasonality, growth, leave or turnover. */
function plain(extra: AssumptionsInput = {}) {
  return resolveAssumptions({
    absenceRate: 0.1,
    leaveRate: 0,
    turnoverPerYear: 0,
    growthPerYear: 0,
    demandSeasonality: flat,
    leaveSeasonality: flat,
    ...extra,
  });
}

function base(extra: Partial<CapacityBaseInput> = {}) {
  return capacityBaseSchema.parse({
    start: '2027-01-04',
    weeks: 4,
    teams: [{ id: 't1', name: 'Afdeling Test', kind: 'ward' }],
    demand: [{ teamId: 't1', level: 3, hoursPerWeek: 100, source: 'shifts' }],
    staff: [{ teamId: 't1', level: 3, contractHoursPerWeek: 100, headcount: 4 }],
    knownLeave: [{ teamId: 't1', level: 3, week: 1, hours: 20 }],
    ...extra,
  });
}

describe('demand conversion', () => {
  it('turns nested "at least" rows into per-level head counts at the lowest qualifying level', () => {
    expect(
      perLevelHeadCount([
        { minLevel: 1, count: 4 },
        { minLevel: 3, count: 2 },
        { minLevel: 4, count: 1 },
      ]),
    ).toEqual(
      new Map([
        [4, 1],
        [3, 1],
        [1, 2],
      ]),
    );
    // Inconsistent rows (more at ≥3 than in total) need the larger number, all at level 3.
    expect(
      perLevelHeadCount([
        { minLevel: 1, count: 2 },
        { minLevel: 3, count: 3 },
      ]),
    ).toEqual(new Map([[3, 3]]));
  });

  it('averages shift demand rows into paid hours per week', () => {
    const shift = {
      id: 'V',
      organisationId: 'o',
      code: 'V',
      name: 'Vroeg',
      start: '07:00',
      end: '15:30',
      breakMinutes: 30,
      category: 'early' as const,
      color: '#000000',
    };
    const rows = [];
    for (let d = 4; d <= 10; d++) {
      const date = `2027-01-${String(d).padStart(2, '0')}`;
      rows.push({ teamId: 't1', date, shiftTypeId: 'V', minLevel: 1, skills: [], min: 2, ideal: 3 });
      rows.push({ teamId: 't1', date, shiftTypeId: 'V', minLevel: 3, skills: [], min: 1, ideal: 1 });
    }
    // 8 paid hours × 7 days: min → 1 × level 3 and 1 × level 1; ideal → 1 × level 3 and 2 × level 1.
    expect(demandHoursFromShifts(rows, [shift], 'min')).toEqual([
      { teamId: 't1', level: 1, hoursPerWeek: 56 },
      { teamId: 't1', level: 3, hoursPerWeek: 56 },
    ]);
    expect(demandHoursFromShifts(rows, [shift], 'ideal')[0].hoursPerWeek).toBe(112);
  });

  it('counts visit time × carers per level over the plan week', () => {
    const client = {
      id: 'c1',
      organisationId: 'o',
      teamId: 'w1',
      name: 'Mw. A',
      address: '',
      point: { lat: 52, lon: 4.5 },
    };
    const visit = (date: string, minutes: number, minLevel: number, carersRequired: 1 | 2) => ({
      id: `${date}-${minLevel}`,
      clientId: 'c1',
      date,
      windows: [{ start: '08:00', end: '09:00' }],
      durationMinutes: minutes,
      minLevel,
      skills: [],
      preferredCarerIds: [],
      excludedCarerIds: [],
      carersRequired,
    });
    expect(
      clientHoursFromVisits([visit('2027-01-04', 60, 2, 1), visit('2027-01-10', 30, 3, 2)], [client]),
    ).toEqual([
      { teamId: 'w1', level: 2, hoursPerWeek: 1 },
      { teamId: 'w1', level: 3, hoursPerWeek: 1 },
    ]);
  });
});

describe('supply through turnover', () => {
  it('converts a yearly turnover into a weekly survival via the monthly hazard', () => {
    expect(Math.pow(weeklySurvival(0.15), 52)).toBeCloseTo(0.85, 12);
  });

  it('loses leavers without replacement and refills them after the time to hire', () => {
    const a = plain({ turnoverPerYear: 0.4, timeToHireWeeks: 2 });
    const s = weeklySurvival(0.4);
    const hours = contractHours(100, new Float64Array(4), a);
    expect(hours[0]).toBeCloseTo(100 * s, 9);
    expect(hours[1]).toBeCloseTo(100 * s * s, 9);
    // Week 2: the week-0 leavers' replacements arrive.
    expect(hours[2]).toBeCloseTo(100 * s ** 3 + 100 * (1 - s), 9);
    const none = contractHours(100, new Float64Array(3), { ...a, replaceLeavers: false });
    expect(none[2]).toBeCloseTo(100 * s ** 3, 9);
    const instant = contractHours(100, new Float64Array(3), { ...a, timeToHireWeeks: 0 });
    expect(Array.from(instant)).toEqual([100, 100, 100].map((x) => expect.closeTo(x, 9)));
  });

  it('lets higher levels cover lower-level demand, never the reverse', () => {
    expect(cascade([0, 0, 50, 20, 0, 0], [0, 0, 30, 50, 0, 0])).toEqual({
      shortage: [0, 0, 0, 0, 0, 0],
      surplus: [0, 0, 0, 10, 0, 0],
    });
    expect(cascade([0, 0, 0, 30, 0, 0], [0, 0, 100, 0, 0, 0])).toEqual({
      shortage: [0, 0, 0, 30, 0, 0],
      surplus: [0, 0, 100, 0, 0, 0],
    });
  });
});

describe('projection', () => {
  it('computes the weekly gap and the cheapest closing mix by hand', () => {
    const p = projectCapacity(base(), plain());
    const team = p.teams[0];
    // 100 contract hours − 10 % absence; week 1 also 20 h booked leave.
    expect(team.levels[0].supply).toEqual([90, 70, 90, 90]);
    expect(team.total.shortage).toEqual([10, 30, 10, 10]);
    expect(team.summary.shortageHours).toBe(60);
    expect(team.summary.peakShortageFte).toBe(round(30 / 36));
    expect(team.summary.peakShortageWeek).toBe(1);
    // Level 3 at € 40/h: flex € 50 (cap 40 h/week) is cheapest and covers everything.
    expect(team.closing.flex).toEqual([10, 30, 10, 10]);
    expect(team.summary.closingCost).toEqual({
      mix: 3000,
      overtimeOnly: 3600,
      flexOnly: 3000,
      agencyOnly: 4560,
    });
  });

  it('uses overtime up to its cap and agency for the rest when there is no flex pool', () => {
    const p = projectCapacity(base(), plain({ flexPoolHoursPerWeek: 0 }));
    // Overtime cap 5 % of 100 h = 5 h at € 60, the rest agency at € 76.
    expect(p.teams[0].closing.overtime).toEqual([5, 5, 5, 5]);
    expect(p.teams[0].closing.agency).toEqual([5, 25, 5, 5]);
    expect(p.summary.closingCost.mix).toBe(4 * 5 * 60 + 40 * 76);
  });

  it('applies seasonality, growth and the home-care travel share to demand', () => {
    const months = [1.1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    const b = base({
      weeks: 53,
      teams: [{ id: 'w1', name: 'Wijkteam', kind: 'home-care' }],
      demand: [{ teamId: 'w1', level: 2, hoursPerWeek: 80, source: 'visits' }],
      staff: [],
      knownLeave: [],
    });
    const p = projectCapacity(b, plain({ demandSeasonality: months, growthPerYear: 0.1, travelShare: 0.25 }));
    const demand = p.teams[0].total.demand;
    expect(demand[0]).toBe(110); // January: 80 × 1.25 × 1.1
    expect(demand[9]).toBe(round(100 * Math.pow(1.1, 9 / 52))); // week of 8 March: growth only
    expect(demand[52]).toBe(121); // a year later: × 1.1 growth, January again
  });
});

describe('scenarios', () => {
  const b = base();
  const a = plain();
  const compare = (input: unknown) => compareScenarios(b, a, [scenarioSchema.parse(input)]).scenarios[0];

  it('absence −1 percentage point adds 1 % of contract hours every week', () => {
    const s = compare({ id: 'abs', name: 'absence −1 pp', absenceRatePp: -1 });
    expect(s.projection.teams[0].levels[0].supply).toEqual([91, 71, 91, 91]);
    expect(s.delta.shortageHours).toBe(-4);
  });

  it('a hire adds its available hours from its first week', () => {
    // 28 h × (1 − 10 %) = 25.2 h a week from week 0: only week 1 stays short (30 − 25.2).
    const s = compare({
      id: 'hire',
      name: 'hire 1 VIG',
      hires: [{ level: 3, count: 1, date: '2027-01-04' }],
    });
    expect(s.projection.teams[0].total.shortage).toEqual([0, 4.8, 0, 0]);
    expect(s.delta.shortageHours).toBe(-55.2);
    expect(s.notes).toEqual(['1 × VIG → Afdeling Test']);
  });

  it('shifting home-care visits to technology lowers demand by that share', () => {
    const hc = base({
      teams: [{ id: 'w1', name: 'Wijkteam', kind: 'home-care' }],
      demand: [{ teamId: 'w1', level: 2, hoursPerWeek: 80, source: 'visits' }],
      staff: [],
      knownLeave: [],
    });
    const result = compareScenarios(hc, plain(), [
      scenarioSchema.parse({ id: 'tech', name: 'tech', homeCareShift: 0.1 }),
    ]);
    expect(result.base.teams[0].total.demand).toEqual([100, 100, 100, 100]);
    expect(result.scenarios[0].projection.teams[0].total.demand).toEqual([90, 90, 90, 90]);
    expect(result.scenarios[0].delta.shortageHours).toBe(-40);
  });

  it('higher turnover with a slow replacement widens the gap', () => {
    const s = compare({ id: 'turn', name: 'turnover +20 pp', turnoverPp: 20, set: { timeToHireWeeks: 8 } });
    expect(s.delta.shortageHours).toBeGreaterThan(0);
  });
});

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
