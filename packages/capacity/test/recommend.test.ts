import { describe, expect, it } from 'vitest';
import { generateDemoOrganisation } from '@planmaat/demo';
import {
  capacityBaseSchema,
  parseCapacityRequest,
  planCapacity,
  recommendCapacity,
  recommendMix,
  resolveAssumptions,
  type AssumptionsInput,
} from '../src/index.ts';

const flat = new Array(12).fill(1);
/** 8 weeks, no absence/leave/turnover, instant hiring, only agency at € 100/h for level 3. */
const assumptions = (extra: AssumptionsInput = {}) =>
  resolveAssumptions({
    absenceRate: 0,
    leaveRate: 0,
    turnoverPerYear: 0,
    growthPerYear: 0,
    demandSeasonality: flat,
    leaveSeasonality: flat,
    timeToHireWeeks: 0,
    hireHoursPerWeek: 36,
    flexPoolHoursPerWeek: 0,
    overtimeCapShare: 0,
    trainingWeeks: 2,
    trainingStudyShare: 0,
    costs: { hourlyCost: { '2': 35, '3': 40 }, agencyPremium: 1.5, recruitmentCost: 1000, trainingCost: 500 },
    ...extra,
  });

const base = (
  staff: Array<{ level: number; contractHoursPerWeek: number; headcount: number }>,
  demand: number,
) =>
  capacityBaseSchema.parse({
    start: '2027-01-04',
    weeks: 8,
    teams: [{ id: 't1', name: 'Afdeling Test', kind: 'ward' }],
    demand: [{ teamId: 't1', level: 3, hoursPerWeek: demand, source: 'shifts' }],
    staff: staff.map((s) => ({ teamId: 't1', ...s })),
  });

describe('recommended hiring and training mix (HiGHS)', () => {
  it('finds the known optimum: one hire plus agency for the rest', async () => {
    // 50 h/week short. 1 hire: 1 000 + 36 h × 8 wk × € 40 = 12 520, covering 36 h; the other 14 h
    // agency: 14 × 8 × € 100 = 11 200 → 23 720. Two hires cost 25 040, none 40 000.
    const r = await recommendMix(base([], 50), assumptions(), { agencyCapShare: null, timeLimitSeconds: 3 });
    expect(r.status).toBe('optimal');
    expect(r.decisions).toHaveLength(1);
    expect(r.decisions[0]).toMatchObject({
      kind: 'hire',
      level: 3,
      count: 1,
      week: 0,
      date: '2027-01-04',
      cost: 12520,
    });
    expect(r.cost.total).toBe(23720);
    expect(r.cost).toMatchObject({ salaries: 11520, recruitment: 1000, agency: 11200 });
    expect(r.baseline.total).toBe(40000);
    expect(r.saving).toBe(16280);
    // Without the hire its 36 h/week go to agency: 288 h, € 16 280 more.
    expect(r.decisions[0].withoutOne).toMatchObject({ extraCost: 16280, extraAgency: 288 });
    expect(r.explanation.nl[0]).toMatch(/besparing € 16\.280/);
  });

  it('reports a binding hiring limit with what one more hire would save', async () => {
    const r = await recommendMix(base([], 50), assumptions(), {
      agencyCapShare: null,
      maxHiresPerQuarter: 0,
      timeLimitSeconds: 3,
    });
    expect(r.decisions).toHaveLength(0);
    expect(r.cost.total).toBe(40000);
    expect(r.binding).toEqual([
      expect.objectContaining({ kind: 'max-hires', limit: 0, used: 0, valueOfOneMore: 16280 }),
    ]);
  });

  it('leaves demand uncovered (and says so) when the agency cap binds', async () => {
    // Cap: 10 % of 400 demand hours = 40 agency hours; no hires allowed.
    const r = await recommendMix(base([], 50), assumptions(), {
      agencyCapShare: 0.1,
      maxHiresPerQuarter: 0,
      timeLimitSeconds: 3,
    });
    expect(r.hours.agency).toBe(40);
    expect(r.hours.uncovered).toBe(360);
    expect(r.binding.map((b) => b.kind)).toContain('agency-cap');
    expect(r.explanation.en.join(' ')).toMatch(/360 h stay uncovered|360 u stay uncovered/);
  });

  it('prefers training a helper to VIG over hiring when it is cheaper', async () => {
    // Level-3 need 36 h/week; two helpers (level 2) are available. Training in week 0 finishes in
    // week 2: 500 course + € 5 raise × 36 h × 6 wk = 1 580, plus agency for weeks 0–1: 7 200.
    // Total 8 780 — a hire would cost 12 520, agency alone 28 800.
    const r = await recommendMix(
      base([{ level: 2, contractHoursPerWeek: 72, headcount: 2 }], 36),
      assumptions(),
      {
        agencyCapShare: null,
        timeLimitSeconds: 3,
      },
    );
    expect(r.decisions).toEqual([
      expect.objectContaining({ kind: 'training', level: 2, count: 1, week: 0, cost: 1580 }),
    ]);
    expect(r.cost.total).toBe(8780);
  });

  it('is reproducible for the demo organisation and improves on overtime/flex/agency only', async () => {
    const data = generateDemoOrganisation({ seed: 1 });
    const request = parseCapacityRequest({
      weeks: 13,
      recommendation: { explainLimits: false, timeLimitSeconds: 10 },
    });
    const first = await recommendCapacity(data, request);
    const second = await recommendCapacity(data, request);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.cost.total).toBeLessThanOrEqual(first.baseline.total);
    expect(first.explanation.nl.length).toBeGreaterThan(0);
  });
});

describe('the demo organisation', () => {
  it('shows a 52-week gap per team and qualification with at least three scenarios', () => {
    const plan = planCapacity(generateDemoOrganisation({ seed: 1 }), parseCapacityRequest({}));
    const { base: projection, scenarios } = plan.comparison;
    expect(projection.weeks).toBe(52);
    expect(projection.teams).toHaveLength(4);
    for (const team of projection.teams) {
      expect(team.levels.length).toBeGreaterThan(1);
      for (const level of team.levels) expect(level.shortage).toHaveLength(52);
    }
    expect(projection.summary.shortageHours).toBeGreaterThan(0);
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
    // No standard scenario makes things worse, and at least three lower both the shortage and
    // the closing cost (a scenario for teams without a shortage, e.g. home care, changes nothing).
    for (const s of scenarios) {
      expect(s.delta.shortageHours).toBeLessThanOrEqual(0);
      expect(s.delta.closingCostMix).toBeLessThanOrEqual(0);
    }
    expect(
      scenarios.filter((s) => s.delta.shortageHours < 0 && s.delta.closingCostMix < 0).length,
    ).toBeGreaterThanOrEqual(3);
  });
});
