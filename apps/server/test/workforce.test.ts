/**
 * /api/capacity and /api/insights end to end on both drivers: role access and organisation
 * scoping, small-group suppression through every view (report, filters, exports, team report),
 * stored team actions, anonymous theme flags, the capacity plan, exports and a reproducible
 * recommendation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables, testDrivers } from '@planmaat/db';
import { ORG_A, ORG_B, startHarness, type Client, type Harness } from './harness.ts';

interface Row {
  periodId: string;
  teamId: string;
  suppressed: string | null;
  figures: { headcount: number; turnoverRate: number } | null;
}
interface Report {
  periods: Array<{ id: string; from: string; to: string }>;
  rows: Row[];
  themes: Array<{ periodId: string; teamId: string; theme: string; count: number }>;
  threshold: number;
}
interface Plan {
  comparison: {
    base: { weeks: number; teams: Array<{ teamId: string }>; summary: { shortageHours: number } };
    scenarios: Array<{ id: string; projection: { teams: Array<{ teamId: string }> } }>;
  };
  scope: { teamIds: string[]; complete: boolean };
}

const TINY = 'team-tiny';
const MID = 'team-mid';
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`capacity and insight API on ${driver.name}`, () => {
    let h: Harness;
    let planner: Client;
    let leader: Client;
    let employee: Client;
    let plannerB: Client;
    let ward: string;
    let otherTeams: string[];

    beforeAll(async () => {
      h = await startHarness(driver, { worker: false });
      ward = h.data.teams.find((t) => t.kind === 'ward')!.id;
      otherTeams = h.data.teams.map((t) => t.id).filter((t) => t !== ward);
      // A team of three (never shown) and one of eight, the smallest that can hide beside it so that
      // "organisation minus the shown teams" does not give the three away.
      const location = h.data.teams[0].locationId;
      for (const [team, size] of [
        [TINY, 3],
        [MID, 8],
      ] as const) {
        await h.handle.db
          .insert(tables.teams)
          .values({ organisationId: ORG_A, id: team, locationId: location, name: team, kind: 'ward' });
        await h.handle.db.insert(tables.employees).values(
          Array.from({ length: size }, (_, i) => ({
            organisationId: ORG_A,
            id: `${team}-${i}`,
            name: `${team} ${i}`,
            teamIds: [team],
            contractHoursPerWeek: 24,
            level: 3,
            birthDate: '1990-01-01',
          })),
        );
      }
      [planner, leader, employee, plannerB] = await Promise.all([
        h.login(ORG_A, 'planner'),
        h.login(ORG_A, 'team-leader'),
        h.login(ORG_A, 'employee'),
        h.login(ORG_B, 'planner'),
      ]);
    });
    afterAll(async () => h?.close());

    const shownGroups = (report: Report) => report.rows.filter((r) => r.figures);

    it('lists the routes in the OpenAPI document', async () => {
      const doc = await json<{
        paths: Record<string, unknown>;
        components: { schemas: Record<string, unknown> };
      }>(await h.app.request('/api/openapi.json'));
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/capacity/plan',
          '/api/capacity/recommendation',
          '/api/capacity/export',
          '/api/insights',
          '/api/insights/export.csv',
          '/api/insights/export.xlsx',
          '/api/insights/teams/{teamId}/report',
          '/api/insights/teams/{teamId}/actions',
          '/api/insights/flags',
        ]),
      );
      expect(Object.keys(doc.components.schemas)).toEqual(
        expect.arrayContaining(['CapacityPlan', 'CapacityRecommendation', 'InsightReport', 'TeamReport']),
      );
    });

    it('refuses employees and anonymous callers', async () => {
      for (const path of [
        '/api/insights',
        '/api/insights/export.csv',
        `/api/insights/teams/${ward}/report`,
      ]) {
        expect((await employee.get(path)).status).toBe(403);
        expect((await h.anonymous().get(path)).status).toBe(401);
      }
      expect((await employee.send('POST', '/api/capacity/plan', { weeks: 4 })).status).toBe(403);
      expect((await employee.send('POST', '/api/capacity/export?format=csv', { weeks: 4 })).status).toBe(403);
    });

    it('shows no group of 5 or fewer people, and hides the tiny team together with a complement', async () => {
      const report = await json<Report>(await planner.get('/api/insights?period=month'));
      expect(report.threshold).toBe(5);
      for (const r of shownGroups(report)) expect(r.figures!.headcount).toBeGreaterThan(5);
      const tiny = report.rows.filter((r) => r.teamId === TINY);
      expect(tiny.length).toBeGreaterThan(0);
      for (const r of tiny) {
        expect(r.suppressed).toBe('small-group');
        expect(r.figures).toBeNull();
      }
      // Organisation minus the shown teams must not give the tiny team away: the smallest other
      // team is hidden beside it, the larger ones and the organisation stay visible.
      for (const p of report.periods) {
        const inPeriod = report.rows.filter((r) => r.periodId === p.id);
        expect(inPeriod.find((r) => r.teamId === MID)!.suppressed).toBe('complementary');
        expect(inPeriod.find((r) => r.teamId === 'all')!.figures).not.toBeNull();
        for (const team of h.data.teams)
          expect(inPeriod.find((r) => r.teamId === team.id)!.figures).not.toBeNull();
      }
    });

    it('keeps suppression under every filter combination and in the exports', async () => {
      for (const levelBand of ['all', 'level-1-2', 'level-3', 'level-4-6'])
        for (const contractBand of ['all', 'upto-20h', '21-28h', '29h-plus']) {
          const report = await json<Report>(
            await planner.get(
              `/api/insights?period=quarter&levelBand=${levelBand}&contractBand=${contractBand}`,
            ),
          );
          for (const r of shownGroups(report)) expect(r.figures!.headcount).toBeGreaterThan(5);
          for (const r of report.rows) if (r.suppressed) expect(r.figures).toBeNull();
        }
      const csv = await planner.get('/api/insights/export.csv?period=month&levelBand=level-3');
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const [header, ...lines] = (await csv.text()).trim().split('\n');
      const cols = header.split(',');
      const headcount = cols.indexOf('headcount');
      const suppressed = cols.indexOf('suppressed');
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const cells = line.split(',');
        if (cells[suppressed]) expect(cells[headcount]).toBe('');
        else if (cells[headcount]) expect(Number(cells[headcount])).toBeGreaterThan(5);
      }
      expect(lines.some((l) => l.includes(TINY) && l.split(',')[suppressed] !== '')).toBe(true);
      const xlsx = await planner.get('/api/insights/export.xlsx?period=month');
      expect(xlsx.status).toBe(200);
      expect(
        Buffer.from(await xlsx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    });

    it('computes turnover from the employment end dates stored with the employees', async () => {
      const query = `/api/insights?period=month&teamIds=${ward}`;
      const before = await json<Report>(await planner.get(query));
      const shown = before.rows.filter((r) => r.teamId === ward && r.figures && r.periodId !== 'range');
      const target = shown[shown.length - 1];
      expect(target.figures!.turnoverRate).toBe(0);
      const period = before.periods.find((p) => p.id === target.periodId)!;
      const leaver = h.data.employees.find((e) => e.teamIds.includes(ward))!;
      const current = await json<{ version: number }>(await planner.get(`/api/employees/${leaver.id}`));
      const patch = (employmentEnd: string | null, version: number) =>
        planner.send('PATCH', `/api/employees/${leaver.id}`, { version, employmentEnd });
      const left = await patch(period.to, current.version);
      expect(left.status).toBe(200);
      const after = await json<Report>(await planner.get(query));
      const row = after.rows.find((r) => r.teamId === ward && r.periodId === target.periodId)!;
      expect(row.figures!.turnoverRate).toBeGreaterThan(0);
      // staying after all clears the date, and the figure goes back
      expect((await patch(null, (await json<{ version: number }>(left)).version)).status).toBe(200);
      const again = await json<Report>(await planner.get(query));
      expect(
        again.rows.find((r) => r.teamId === ward && r.periodId === target.periodId)!.figures!.turnoverRate,
      ).toBe(0);
    });

    it('gives a team leader their own team and the organisation, nothing else', async () => {
      const report = await json<Report>(await leader.get('/api/insights'));
      expect(new Set(report.rows.map((r) => r.teamId))).toEqual(new Set([ward, 'all']));
      const asked = await json<Report>(await leader.get(`/api/insights?teamIds=${otherTeams.join(',')}`));
      expect(asked.rows.every((r) => r.teamId === 'all')).toBe(true);
      expect((await leader.get(`/api/insights/teams/${otherTeams[0]}/report`)).status).toBe(403);
      expect((await leader.get(`/api/insights/teams/${ward}/report`)).status).toBe(200);
    });

    it('stores team actions per organisation and follows them up in the team report', async () => {
      const first = await json<{
        period: { id: string };
        previous: { id: string } | null;
        suppressed: boolean;
      }>(await leader.get(`/api/insights/teams/${ward}/report`));
      expect(first.previous).not.toBeNull();
      const actions = [
        { id: 'a1', periodId: first.previous!.id, text: 'Ruilverzoeken via de planner', owner: 'Teamleider' },
        { id: 'a2', periodId: first.period.id, text: 'Weekendrooster eerder bekend', status: 'open' },
      ];
      const put = await leader.send('PUT', `/api/insights/teams/${ward}/actions`, actions);
      expect(put.status).toBe(200);
      expect((await json<{ items: unknown[] }>(put)).items).toHaveLength(2);
      expect((await leader.send('PUT', `/api/insights/teams/${otherTeams[0]}/actions`, [])).status).toBe(403);
      expect((await employee.send('PUT', `/api/insights/teams/${ward}/actions`, [])).status).toBe(403);
      const bad = await leader.send('PUT', `/api/insights/teams/${ward}/actions`, [
        { id: 'x', periodId: 'p' },
      ]);
      expect(bad.status).toBe(400);

      const report = await json<{
        followUp: Array<{ id: string }>;
        agreedThisPeriod: Array<{ id: string }>;
      }>(await planner.get(`/api/insights/teams/${ward}/report`));
      expect(report.followUp.map((a) => a.id)).toEqual(['a1']);
      expect(report.agreedThisPeriod.map((a) => a.id)).toEqual(['a2']);
      const html = await planner.get(`/api/insights/teams/${ward}/report?format=html`);
      expect(html.headers.get('content-type')).toContain('text/html');
      expect(await html.text()).toContain('Ruilverzoeken via de planner');

      // The same team id in another organisation has none of these actions.
      const other = await json<{ items: unknown[] }>(
        await plannerB.get(`/api/insights/teams/${ward}/actions`),
      );
      expect(other.items).toEqual([]);
      expect((await plannerB.get(`/api/insights/teams/${TINY}/report`)).status).toBe(404);
    });

    it('counts flagged themes without storing who flagged them, only where the team is shown', async () => {
      const before = await json<Omit<Report, 'periods'> & { periods: Array<{ id: string; from: string }> }>(
        await planner.get('/api/insights?period=month'),
      );
      const wardRows = before.rows.filter((r) => r.teamId === ward && r.periodId !== 'range');
      const shown = wardRows.find((r) => r.figures)!;
      const dateOf = (periodId: string) => before.periods.find((p) => p.id === periodId)!.from;
      for (let i = 0; i < 2; i++)
        expect(
          (
            await employee.send('POST', '/api/insights/flags', {
              date: dateOf(shown.periodId),
              theme: 'weekend-load',
            })
          ).status,
        ).toBe(201);
      expect(
        (
          await planner.send('POST', '/api/insights/flags', {
            date: dateOf(shown.periodId),
            theme: 'workload',
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await employee.send('POST', '/api/insights/flags', {
            date: dateOf(shown.periodId),
            theme: 'nonsense',
          })
        ).status,
      ).toBe(400);
      const stored = await h.handle.db.select().from(tables.staffFlags);
      expect(stored.length).toBe(2);
      expect(Object.keys(stored[0]).sort()).toEqual([
        'createdAt',
        'date',
        'id',
        'organisationId',
        'teamId',
        'theme',
      ]);
      // A flag for a hidden team (the eight, hidden beside the three) is stored but never shown.
      await h.handle.db
        .insert(tables.staffFlags)
        .values({ organisationId: ORG_A, teamId: MID, date: dateOf(shown.periodId), theme: 'night-load' });
      const after = await json<Report>(await planner.get('/api/insights?period=month'));
      expect(after.themes.some((x) => x.teamId === MID)).toBe(false);
      const wardThemes = after.themes.filter((x) => x.teamId === ward && x.periodId !== 'range');
      expect(wardThemes).toContainEqual(
        expect.objectContaining({ periodId: shown.periodId, theme: 'weekend-load', count: 2 }),
      );
      // The tiny team's report shows no figures and no themes.
      const tiny = await json<{
        suppressed: boolean;
        themes: unknown[];
        figures: Array<{ current: number | null }>;
      }>(await planner.get(`/api/insights/teams/${TINY}/report`));
      expect(tiny.suppressed).toBe(true);
      expect(tiny.themes).toEqual([]);
      expect(tiny.figures.every((f) => f.current === null)).toBe(true);
    });

    it('plans capacity per team and scenario; a team leader sees the own team and the totals', async () => {
      const request = { weeks: 13 };
      const res = await planner.send('POST', '/api/capacity/plan', request);
      expect(res.status).toBe(200);
      const plan = await json<Plan>(res);
      expect(plan.comparison.base.weeks).toBe(13);
      expect(plan.comparison.base.teams.map((t) => t.teamId).sort()).toEqual(
        [...h.data.teams.map((t) => t.id), TINY, MID].sort(),
      );
      expect(plan.comparison.scenarios.length).toBeGreaterThan(0);
      expect(plan.scope.complete).toBe(true);
      const mine = await json<Plan>(await leader.send('POST', '/api/capacity/plan', request));
      expect(mine.comparison.base.teams.map((t) => t.teamId)).toEqual([ward]);
      for (const s of mine.comparison.scenarios)
        expect(s.projection.teams.map((t) => t.teamId)).toEqual([ward]);
      expect(mine.comparison.base.summary).toEqual(plan.comparison.base.summary);
      expect(mine.scope).toEqual({ teamIds: [ward], complete: false });
      const bad = await planner.send('POST', '/api/capacity/plan', { weeks: 500 });
      expect(bad.status).toBe(400);
      expect((await json<{ errors: Array<{ field: string }> }>(bad)).errors[0].field).toBe('weeks');
    });

    it('exports the plan as CSV, XLSX and a printable report', async () => {
      const csv = await planner.send('POST', '/api/capacity/export?format=csv', { weeks: 4 });
      expect(csv.status).toBe(200);
      const text = await csv.text();
      expect(text.split('\n')[0]).toBe(
        'scenario,team_id,team,level,week,week_start,demand_h,available_h,shortage_h,surplus_h,shortage_fte',
      );
      const leaderCsv = await (
        await leader.send('POST', '/api/capacity/export?format=csv', { weeks: 4 })
      ).text();
      const teamsInCsv = new Set(
        leaderCsv
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split(',')[1]),
      );
      expect(teamsInCsv).toEqual(new Set([ward]));
      const xlsx = await planner.send('POST', '/api/capacity/export?format=xlsx', { weeks: 4 });
      expect(
        Buffer.from(await xlsx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      const html = await planner.send('POST', '/api/capacity/export?format=html', { weeks: 4 });
      expect(html.headers.get('content-type')).toContain('text/html');
      expect(await html.text()).toContain('<h1>Capaciteitsplan');
      const noAdvice = await planner.send('POST', '/api/capacity/export?format=csv&table=recommendation', {});
      expect(noAdvice.status).toBe(400);
    });

    it('recommends the same mix for the same inputs', async () => {
      const request = {
        weeks: 13,
        recommendation: { timeLimitSeconds: 20, explainLimits: false },
      };
      const [a, b] = [
        await planner.send('POST', '/api/capacity/recommendation', request),
        await planner.send('POST', '/api/capacity/recommendation', request),
      ];
      expect(a.status).toBe(200);
      const first = await json<{ status: string; decisions: unknown[]; cost: { total: number } }>(a);
      expect(first.status).toBe('optimal');
      expect(await json(b)).toEqual(first);
      const leaders = await json<{ decisions: Array<{ teamId: string }> }>(
        await leader.send('POST', '/api/capacity/recommendation', request),
      );
      for (const d of leaders.decisions) expect(d.teamId).toBe(ward);
    }, 120_000);
  });
}
