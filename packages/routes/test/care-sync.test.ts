import { describe, expect, it } from 'vitest';
import type { CareVisit, OrganisationData } from '@planmaat/domain';
import {
  buildCareProblem,
  CarePlan,
  estimateTravelProvider,
  evaluateCarePlan,
  planHomeCareDay,
  selectCareDays,
  type CareTeamPlan,
  type HomeCareDayResult,
} from '@planmaat/routes';
import { smallCareOrganisation } from './care-fixture.ts';

const date = '2027-01-04';
const rules = { breakRequiredAfterMinutes: 60 };

function withVisit(extra: Partial<CareVisit>): OrganisationData {
  const data = smallCareOrganisation();
  const two = data.visits.find((v) => v.id === 'v-two')!;
  Object.assign(two, extra);
  return data;
}

function entries(day: HomeCareDayResult, visitId: string) {
  const out: Array<{ carerId: string; start: number }> = [];
  for (const route of day.teams[0].routes)
    for (const v of route.visits)
      if (v.visitId === visitId) out.push({ carerId: route.carerId, start: v.start });
  return out.sort((a, b) => a.start - b.start);
}

async function check(data: OrganisationData, plan: CareTeamPlan) {
  const [input] = selectCareDays(data, date);
  const problem = await buildCareProblem(input, estimateTravelProvider(), { rules });
  return evaluateCarePlan(input, problem, plan);
}

/** Move one task of `visitId` (the one of `carerId`) by `minutes`, keeping its route consistent. */
function shifted(plan: CareTeamPlan, visitId: string, carerId: string, minutes: number): CareTeamPlan {
  const copy = JSON.parse(JSON.stringify(plan)) as CareTeamPlan;
  const visit = copy.routes.find((r) => r.carerId === carerId)!.visits.find((v) => v.visitId === visitId)!;
  visit.start += minutes;
  visit.end += minutes;
  return copy;
}

describe('two-carer visits', () => {
  it('simultaneous: both carers start at the same minute; the evaluator rejects a plan where they do not', async () => {
    const data = smallCareOrganisation();
    for (const seed of [1, 2, 3]) {
      const day = await planHomeCareDay(data, date, { maxIterations: 200, seed, rules });
      const [a, b] = entries(day, 'v-two');
      expect(a.carerId).not.toBe(b.carerId);
      expect(a.start).toBe(b.start);
      expect(day.teams[0].check.hardViolations).toEqual([]);
      expect(day.teams[0].check.objective).toBeCloseTo(day.teams[0].objective, 6);
    }
    const day = await planHomeCareDay(data, date, { maxIterations: 200, rules });
    const [first] = entries(day, 'v-two');
    const broken = await check(data, shifted(day.teams[0], 'v-two', first.carerId, 5));
    expect(broken.hardViolations.some((v) => v.includes('v-two') && v.includes('must be together'))).toBe(
      true,
    );
  });

  it('sequential (a handover): the second carer starts within the gap after the first', async () => {
    const data = withVisit({
      sync: { kind: 'sequential', minGapMinutes: 20, maxGapMinutes: 40 },
      durationMinutes: 25,
      windows: [{ start: '08:30', end: '10:30' }],
    });
    for (const seed of [1, 2]) {
      const day = await planHomeCareDay(data, date, { maxIterations: 300, seed, rules });
      const team = day.teams[0];
      expect(team.check.hardViolations).toEqual([]);
      expect(team.check.objective).toBeCloseTo(team.objective, 6);
      const [a, b] = entries(day, 'v-two');
      expect(a.carerId).not.toBe(b.carerId);
      expect(b.start - a.start).toBeGreaterThanOrEqual(20);
      expect(b.start - a.start).toBeLessThanOrEqual(40);
    }
    const day = await planHomeCareDay(data, date, { maxIterations: 300, rules });
    const [a, b] = entries(day, 'v-two');
    // Too long a gap (second carer later) and the wrong order are both rejected.
    const late = await check(data, shifted(day.teams[0], 'v-two', b.carerId, 41 - (b.start - a.start)));
    expect(late.hardViolations.some((v) => v.includes('v-two') && v.includes('gap'))).toBe(true);
    const early = await check(data, shifted(day.teams[0], 'v-two', b.carerId, -(b.start - a.start) - 5));
    expect(early.hardViolations.some((v) => v.includes('v-two'))).toBe(true);
  });

  it('the evaluator rejects the same carer twice and a missing second carer', async () => {
    const data = smallCareOrganisation();
    const day = await planHomeCareDay(data, date, { maxIterations: 200, rules });
    const [a, b] = entries(day, 'v-two');
    const same = JSON.parse(JSON.stringify(day.teams[0])) as CareTeamPlan;
    const routeB = same.routes.find((r) => r.carerId === b.carerId)!;
    routeB.carerId = a.carerId;
    const twice = await check(data, same);
    expect(twice.hardViolations.length).toBeGreaterThan(0);
    const missing = JSON.parse(JSON.stringify(day.teams[0])) as CareTeamPlan;
    const route = missing.routes.find((r) => r.carerId === b.carerId)!;
    route.visits = route.visits.filter((v) => v.visitId !== 'v-two');
    const one = await check(data, missing);
    expect(one.hardViolations.some((v) => v.includes('v-two') && v.includes('needs 2'))).toBe(true);
  });
});

describe('week continuity factors', () => {
  it('a lower new-carer factor lowers the continuity cost; solver and evaluator agree', async () => {
    const data = smallCareOrganisation();
    const day = await planHomeCareDay(data, date, { maxIterations: 150, rules });
    const team = day.teams[0];
    const [input] = selectCareDays(data, date);
    const pairs = new Set(team.routes.flatMap((r) => r.visits.map((v) => `${v.clientId}|${r.carerId}`)));
    const factors: Record<string, Record<string, number>> = {};
    for (const pair of pairs) {
      const [client, carer] = pair.split('|');
      (factors[client] ??= {})[carer] = 0.5;
    }
    const plain = await buildCareProblem(input, estimateTravelProvider(), { rules });
    const halved = { ...input, newCarerFactor: factors };
    const cheaper = await buildCareProblem(halved, estimateTravelProvider(), { rules });
    const a = evaluateCarePlan(input, plain, team);
    const b = evaluateCarePlan(halved, cheaper, team);
    expect(a.objective - b.objective).toBeCloseTo(pairs.size * 0.5 * plain.weights.continuity, 6);
    // The solver prices the same plan the same way.
    const plan = new CarePlan(cheaper);
    plan.load(team.solver.routes, team.solver.pins);
    expect(plan.objective).toBeCloseTo(b.objective, 6);
  });
});
