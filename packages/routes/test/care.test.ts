import { describe, expect, it } from 'vitest';
import { generateDemoOrganisation } from '@planmaat/demo';
import {
  applyAlternative,
  buildCareProblem,
  homeCareAlternatives,
  estimateTravelProvider,
  evaluateCarePlan,
  planHomeCareDay,
  replanHomeCareDay,
  selectCareDays,
  visitAlternatives,
  type CareTeamPlan,
  type HomeCareDayResult,
} from '@planmaat/routes';
import { smallCareOrganisation } from './care-fixture.ts';

const rules = { breakRequiredAfterMinutes: 60 };

function placed(day: HomeCareDayResult) {
  const out = new Map<string, { carerIds: string[]; starts: number[] }>();
  for (const team of day.teams)
    for (const route of team.routes)
      for (const v of route.visits) {
        const p = out.get(v.visitId) ?? { carerIds: [], starts: [] };
        p.carerIds.push(route.carerId);
        p.starts.push(v.start);
        out.set(v.visitId, p);
      }
  return out;
}

describe('home-care day plan on a small hand-made team', () => {
  it('respects every hard rule and reports what it cannot plan', async () => {
    const data = smallCareOrganisation();
    const day = await planHomeCareDay(data, '2027-01-04', { maxIterations: 300, rules });
    const [team] = day.teams;
    expect(team.check.hardViolations).toEqual([]);
    expect(team.check.objective).toBeCloseTo(team.objective, 6);
    const at = placed(day);
    expect(at.get('v-wound')!.carerIds).toEqual(['B']);
    expect(at.get('v-excl')!.carerIds).toEqual(['B']);
    expect(at.get('v-pin')!.carerIds).toEqual(['A']);
    expect(['B', 'C']).toContain(at.get('v-med')!.carerIds[0]);
    const two = at.get('v-two')!;
    expect(new Set(two.carerIds).size).toBe(2);
    expect(two.starts[0]).toBe(two.starts[1]);
    expect(two.starts[0]).toBeGreaterThanOrEqual(8 * 60 + 30);
    expect(two.starts[0]).toBeLessThanOrEqual(9 * 60 + 30);
    // Second window used: the first (07:00–07:20) is reachable too, either is fine but inside one.
    const s = at.get('v-two-windows')!.starts[0];
    expect((s >= 420 && s <= 440) || (s >= 660 && s <= 700)).toBe(true);
    const noone = team.unplanned.find((u) => u.visitId === 'v-noone');
    expect(noone?.mandatory).toBe(true);
    expect(noone?.reason.code).toBe('no-qualified-carer');
    expect(day.summary.mandatoryUnplanned).toBe(1);
    // Each route's timeline is continuous: travel, wait, visit and break follow one another.
    for (const route of team.routes) {
      for (let i = 1; i < route.timeline.length; i++)
        expect(route.timeline[i].start).toBeCloseTo(route.timeline[i - 1].end, 6);
      // Per visit: arrival where the timeline's travel ends, waiting up to the start.
      for (const v of route.visits) {
        const i = route.timeline.findIndex((x) => x.kind === 'visit' && x.visitId === v.visitId);
        const before = route.timeline[i - 1];
        const arrival = !before ? route.departure : before.kind === 'wait' ? before.start : before.end;
        expect(v.arrival).toBeCloseTo(arrival, 9);
        expect(v.waitMinutes).toBeCloseTo(v.start - v.arrival, 9);
        if (before?.kind === 'travel') expect(v.travelMinutes).toBeCloseTo(before.end - before.start, 9);
      }
      expect(route.visits.reduce((n, v) => n + v.waitMinutes, 0)).toBeLessThanOrEqual(
        route.waitingMinutes + 1e-9,
      );
      if (route.carerId === 'B' && route.workMinutes > 60)
        expect(route.break ?? route.missedBreak).toBeTruthy();
    }
    // Every penalty names the visits behind it.
    for (const penalty of team.penalties.filter((p) => p.kind !== 'waiting'))
      expect(penalty.visitIds.length).toBeGreaterThan(0);
  });

  it('the evaluator finds a broken plan', async () => {
    const data = smallCareOrganisation();
    const day = await planHomeCareDay(data, '2027-01-04', { maxIterations: 100, rules });
    const [input] = selectCareDays(data, '2027-01-04');
    const problem = await buildCareProblem(input, estimateTravelProvider(), { rules });
    const broken = JSON.parse(JSON.stringify(day.teams[0])) as CareTeamPlan;
    const route = broken.routes.find((r) => r.visits.some((v) => v.visitId === 'v-pin'))!;
    const visit = route.visits.find((v) => v.visitId === 'v-pin')!;
    visit.start -= 200;
    visit.end -= 200;
    broken.routes.find((r) => r.carerId !== 'B')!.carerId = 'nobody';
    const b = broken.routes.find((r) => r.carerId === 'B')!.visits[0];
    b.arrival += 5;
    const check = evaluateCarePlan(input, problem, broken);
    expect(check.hardViolations.some((v) => v.includes('v-pin'))).toBe(true);
    expect(check.hardViolations.some((v) => v.includes('nobody'))).toBe(true);
    expect(check.hardViolations.some((v) => v.startsWith(`${b.visitId}: arrival`))).toBe(true);
  });

  it('alternatives report the exact cost change of the move', async () => {
    const data = smallCareOrganisation();
    const day = await planHomeCareDay(data, '2027-01-04', { maxIterations: 200, rules });
    const [input] = selectCareDays(data, '2027-01-04');
    const problem = await buildCareProblem(input, estimateTravelProvider(), { rules });
    const team = day.teams[0];
    expect(await homeCareAlternatives(data, day, 'v-med', 3, { rules })).toEqual(
      visitAlternatives(problem, team, 'v-med', 3),
    );
    for (const visitId of ['v-med', 'v-pref', 'v-two']) {
      const alternatives = visitAlternatives(problem, team, visitId, 4);
      expect(alternatives.length).toBeGreaterThan(0);
      for (const alt of alternatives) {
        const moved = applyAlternative(input, problem, team, alt);
        expect(moved.objective - team.objective).toBeCloseTo(alt.costDelta, 6);
        expect(moved.check.objective).toBeCloseTo(moved.objective, 6);
        expect(moved.check.hardViolations).toEqual([]);
      }
    }
  });

  it('re-plans after a carer drops out: keeps what started, moves only what it must', async () => {
    const data = smallCareOrganisation();
    const day = await planHomeCareDay(data, '2027-01-04', { maxIterations: 300, rules });
    const before = placed(day);
    const cut = 8 * 60 + 10;
    const later = (id: string) =>
      day.teams[0].routes.find((r) => r.carerId === id)?.visits.filter((v) => v.start >= cut).length ?? 0;
    const sick = later('B') >= later('C') ? 'B' : 'C';
    expect(later(sick)).toBeGreaterThan(0);
    const replan = await replanHomeCareDay(data, day, {
      carerId: sick,
      at: '08:10',
      maxIterations: 200,
      rules,
    });
    const [team] = replan.plan.teams;
    expect(team.check.hardViolations).toEqual([]);
    expect(team.check.objective).toBeCloseTo(team.objective, 6);
    // Nothing of the sick carer after the cut; nothing new starts before the cut.
    for (const route of team.routes) {
      expect(route.carerId).not.toBe(sick);
      for (const v of route.visits) expect(v.start).toBeGreaterThanOrEqual(cut);
    }
    for (const f of replan.fixed) expect(f.start).toBeLessThan(cut);
    for (const [visitId, p] of before)
      if (Math.min(...p.starts) < cut) expect(replan.fixed.some((f) => f.visitId === visitId)).toBe(true);
    const sickVisits = [...before].filter(
      ([, p]) => p.carerIds.includes(sick) && Math.min(...p.starts) >= cut,
    );
    for (const [visitId] of sickVisits) {
      const change = replan.changes.find((c) => c.visitId === visitId);
      expect(change?.kind === 'carer' || change?.kind === 'unplanned').toBe(true);
      if (change?.kind === 'unplanned')
        expect(team.unplanned.find((u) => u.visitId === visitId)?.reason.code).toBeDefined();
    }
    // Visits of the others keep their carer (at most one swap to make room).
    const others = replan.changes.filter((c) => c.kind === 'carer' && !c.fromCarerIds.includes(sick));
    expect(others.length).toBeLessThanOrEqual(1);
    expect(replan.summary.movedToOtherCarer).toBe(replan.changes.filter((c) => c.kind === 'carer').length);
    await expect(
      replanHomeCareDay(data, day, { carerId: 'nobody', at: '08:00', maxIterations: 5 }),
    ).rejects.toThrow(RangeError);
  });
});

describe('home-care day plan on the demo organisation', () => {
  it('plans a team day with zero hard violations and the evaluator agrees', async () => {
    const data = generateDemoOrganisation({ seed: 3 });
    const day = await planHomeCareDay(data, '2027-01-05', { teamId: 'team-wijk-2', maxIterations: 60 });
    const [team] = day.teams;
    expect(day.summary.visits).toBeGreaterThan(150);
    expect(team.check.hardViolations).toEqual([]);
    expect(team.check.objective).toBeCloseTo(team.objective, 4);
    for (const u of team.unplanned) expect(u.reason.en.length).toBeGreaterThan(0);
    const modes = new Set(team.routes.map((r) => r.travelMode));
    expect(modes.size).toBeGreaterThan(1);
  });

  it('a re-plan after a sick carer at 07:30 pins what started and reports its changes', async () => {
    const data = generateDemoOrganisation({ seed: 3 });
    const day = await planHomeCareDay(data, '2027-01-05', { teamId: 'team-wijk-1', maxIterations: 40 });
    const busiest = [...day.teams[0].routes].sort((a, b) => b.visits.length - a.visits.length)[0];
    const replan = await replanHomeCareDay(data, day, {
      carerId: busiest.carerId,
      at: '07:30',
      maxIterations: 40,
    });
    const [team] = replan.plan.teams;
    expect(team.check.hardViolations).toEqual([]);
    expect(team.routes.some((r) => r.carerId === busiest.carerId)).toBe(false);
    const started = busiest.visits.filter((v) => v.start < 450).map((v) => v.visitId);
    for (const id of started) expect(replan.fixed.some((f) => f.visitId === id)).toBe(true);
    const dropped = busiest.visits.filter((v) => v.start >= 450);
    expect(replan.changes.filter((c) => c.fromCarerIds.includes(busiest.carerId)).length).toBe(
      dropped.length,
    );
    // Minimal mode: the other carers keep their visits (or lose them to make room), never swap them.
    for (const c of replan.changes.filter((x) => x.kind === 'carer'))
      expect(c.fromCarerIds.includes(busiest.carerId)).toBe(true);
  });
});

describe('cancel', () => {
  it('keeps the best plan so far when asked to, and throws otherwise', async () => {
    const data = generateDemoOrganisation({ seed: 3 });
    const plan = (keepBestOnAbort: boolean) => {
      const controller = new AbortController();
      return planHomeCareDay(
        data,
        '2027-01-05',
        { teamId: 'team-wijk-2', seconds: 30 },
        {
          signal: controller.signal,
          keepBestOnAbort,
          // Cancel once the search has a plan to report.
          onProgress: (p) => {
            if (p.phase === 'search' && p.bestObjective !== undefined) controller.abort();
          },
        },
      );
    };
    const started = Date.now();
    const kept = await plan(true);
    expect(Date.now() - started).toBeLessThan(20_000);
    const team = kept.teams[0];
    expect(team.routes.some((r) => r.visits.length > 0)).toBe(true);
    expect(team.check.hardViolations).toEqual([]);
    await expect(plan(false)).rejects.toThrow();
  });
});

describe('week continuity', () => {
  it('a carer the client already knows adds no continuity cost', async () => {
    const data = smallCareOrganisation();
    const [input] = selectCareDays(data, '2027-01-04');
    const fresh = await buildCareProblem(input, estimateTravelProvider(), { rules });
    const knownInput = { ...input, knownCarers: { c1: ['B'], c2: ['A', 'B', 'C'] } };
    const known = await buildCareProblem(knownInput, estimateTravelProvider(), { rules });
    const day = await planHomeCareDay(data, '2027-01-04', { maxIterations: 100, rules });
    const team = day.teams[0];
    const a = evaluateCarePlan(input, fresh, team);
    const b = evaluateCarePlan(knownInput, known, team);
    const servedPairs = new Set(
      team.routes.flatMap((r) =>
        r.visits
          .filter((v) => v.clientId === 'c1' || v.clientId === 'c2')
          .map((v) => `${v.clientId}|${r.carerId}`),
      ),
    );
    const knownPairs = [...servedPairs].filter((p) => p === 'c1|B' || p.startsWith('c2|')).length;
    expect(a.objective - b.objective).toBeCloseTo(knownPairs * fresh.weights.continuity, 6);
    expect(knownPairs).toBeGreaterThan(0);
  });
});

describe('teams in parallel', () => {
  it('plans two teams on worker threads with the same result as in this thread', async () => {
    const data = generateDemoOrganisation({ seed: 5 });
    const inline = await planHomeCareDay(data, '2027-01-06', { maxIterations: 15, threads: 1 });
    const threaded = await planHomeCareDay(data, '2027-01-06', { maxIterations: 15, threads: 2 });
    expect(threaded.teams.map((t) => t.teamId)).toEqual(inline.teams.map((t) => t.teamId));
    expect(threaded.teams.map((t) => t.objective)).toEqual(inline.teams.map((t) => t.objective));
    for (const team of threaded.teams) expect(team.check.hardViolations).toEqual([]);
  });
});
