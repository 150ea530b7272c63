import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@planmaat/db';
import { addDays } from '@planmaat/domain';
import { ORG_A, startHarness, type Client, type Harness } from './harness.ts';

interface Roster {
  period: { id: string; version: number; status: string; teamId: string; start: string };
  assignments: Array<{ employeeId: string; date: string; shiftTypeId: string }>;
}

async function body<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`HTTP API on ${driver.name}`, () => {
    let h: Harness;
    let planner: Client;
    let employee: Client;
    let leader: Client;
    beforeAll(async () => {
      h = await startHarness(driver, { worker: false, config: { bodyLimitBytes: 64 * 1024 } });
      [planner, employee, leader] = await Promise.all([
        h.login(ORG_A, 'planner'),
        h.login(ORG_A, 'employee'),
        h.login(ORG_A, 'team-leader'),
      ]);
    });
    afterAll(async () => h?.close());

    const draftOf = (teamKind: 'ward') => {
      const team = h.data.teams.find((t) => t.kind === teamKind)!;
      return h.data.rosterPeriods.find((p) => p.teamId === team.id && p.status === 'draft')!;
    };

    it('answers health, the OpenAPI 3.1 document and the docs page without a session', async () => {
      const health = await h.app.request('/api/health');
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      const doc = await body<{ openapi: string; paths: Record<string, unknown> }>(
        await h.app.request('/api/openapi.json'),
      );
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          '/api/employees',
          '/api/roster-periods/{id}/assignments',
          '/api/jobs/{id}/events',
        ]),
      );
      expect((await h.app.request('/api/docs')).status).toBe(200);
      // no SSO configured: the login page offers none
      expect(await body(await h.app.request('/api/auth/options'))).toEqual({ sso: false, ssoLoginUrl: null });
    });

    it('refuses requests without a session, wrong passwords and writes without the CSRF token', async () => {
      const anon = await h.anonymous().get('/api/employees');
      expect(anon.status).toBe(401);
      expect(anon.headers.get('content-type')).toContain('application/problem+json');
      const wrong = await h.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: h.email(ORG_A, 'planner'), password: 'nope' }),
      });
      expect(wrong.status).toBe(401);
      const noCsrf = await planner.request('POST', '/api/shift-types', { id: 'x' }, { 'x-csrf-token': '' });
      expect(noCsrf.status).toBe(403);
      expect((await body<{ title: string }>(noCsrf)).title).toMatch(/CSRF/);
    });

    it('sets an HttpOnly SameSite=Lax session cookie (Secure behind https)', async () => {
      const res = await h.app.request('https://planmaat.example/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: h.email(ORG_A, 'planner'), password: 'correct horse battery staple' }),
      });
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('planmaat_session='))!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Secure/);
      const me = await planner.get('/api/auth/me');
      expect((await body<{ user: { role: string } }>(me)).user.role).toBe('planner');
    });

    it('ends the session at logout', async () => {
      const session = await h.login(ORG_A, 'admin');
      expect((await session.get('/api/auth/me')).status).toBe(200);
      expect((await session.send('POST', '/api/auth/logout')).status).toBe(204);
      expect((await session.get('/api/auth/me')).status).toBe(401);
    });

    it('paginates employees and filters by team', async () => {
      const page = await body<{ items: Array<{ id: string }>; total: number }>(
        await planner.get('/api/employees?limit=5&offset=5'),
      );
      expect(page.total).toBe(h.data.employees.length);
      expect(page.items.map((e) => e.id)).toEqual(
        h.data.employees
          .map((e) => e.id)
          .sort()
          .slice(5, 10),
      );
      const bad = await planner.get('/api/employees?limit=0');
      expect(bad.status).toBe(400);
      expect((await body<{ errors: Array<{ field: string }> }>(bad)).errors[0].field).toBe('limit');
    });

    it('validates input as problem+json naming the field, and limits the request size', async () => {
      const ward = h.data.teams[0].id;
      const res = await planner.send('POST', '/api/employees', {
        id: 'new-1',
        name: 'Nieuwe Collega',
        teamIds: [ward],
        contractHoursPerWeek: 24,
        level: 9,
        birthDate: '1990-02-30',
      });
      expect(res.status).toBe(400);
      const problem = await body<{ errors: Array<{ field: string }> }>(res);
      expect(problem.errors.map((e) => e.field).sort()).toEqual(['birthDate', 'level']);
      const huge = await planner.send('POST', '/api/employees', { id: 'x', name: 'x'.repeat(100_000) });
      expect(huge.status).toBe(413);
      expect(huge.headers.get('content-type')).toContain('application/problem+json');
    });

    it('creates, updates with a version and deletes an employee; a stale version is a conflict', async () => {
      const ward = h.data.teams[0].id;
      const created = await planner.send('POST', '/api/employees', {
        id: 'new-2',
        name: 'Nieuwe Collega',
        teamIds: [ward],
        contractHoursPerWeek: 24,
        level: 3,
        birthDate: '1990-02-20',
      });
      expect(created.status).toBe(201);
      const v1 = await body<{ version: number }>(created);
      const updated = await planner.send('PATCH', '/api/employees/new-2', {
        version: v1.version,
        contractHoursPerWeek: 28,
      });
      expect(updated.status).toBe(200);
      expect(await body<{ contractHoursPerWeek: number; version: number }>(updated)).toMatchObject({
        contractHoursPerWeek: 28,
        version: 2,
      });
      const stale = await planner.send('PATCH', '/api/employees/new-2', {
        version: 1,
        contractHoursPerWeek: 32,
      });
      expect(stale.status).toBe(409);
      expect(await body<{ currentVersion: number }>(stale)).toMatchObject({ currentVersion: 2 });
      const unknownTeam = await planner.send('PATCH', '/api/employees/new-2', {
        version: 2,
        teamIds: ['nope'],
      });
      expect(unknownTeam.status).toBe(422);
      expect((await body<{ errors: Array<{ field: string }> }>(unknownTeam)).errors[0].field).toBe('teamIds');
      expect((await planner.send('DELETE', '/api/employees/new-2')).status).toBe(204);
      expect((await planner.get('/api/employees/new-2')).status).toBe(404);
    });

    it('saves assignments with optimistic concurrency: the second planner gets a conflict with what changed', async () => {
      const draft = draftOf('ward');
      const roster = await body<Roster>(await planner.get(`/api/roster-periods/${draft.id}`));
      const member = h.data.employees.find((e) => e.teamIds.includes(draft.teamId))!;
      const shift = h.data.shiftTypes[1].id;
      const first = await planner.send('PUT', `/api/roster-periods/${draft.id}/assignments`, {
        expectedVersion: roster.period.version,
        changes: [{ employeeId: member.id, date: draft.start, shiftTypeId: shift }],
      });
      expect(first.status).toBe(200);
      const saved = await body<{ version: number; ruleCheck: unknown }>(first);
      expect(saved.version).toBe(roster.period.version + 1);
      const second = await leader.send('PUT', `/api/roster-periods/${draft.id}/assignments`, {
        expectedVersion: roster.period.version,
        changes: [{ employeeId: member.id, date: draft.start, shiftTypeId: null }],
      });
      expect(second.status).toBe(409);
      const conflict = await body<{
        currentVersion: number;
        changes: Array<{ actorName: string; after: unknown }>;
      }>(second);
      expect(conflict.currentVersion).toBe(saved.version);
      expect(conflict.changes).toHaveLength(1);
      expect(conflict.changes[0].actorName).toBe('planner org-a');
      expect(conflict.changes[0].after).toEqual([
        {
          rosterPeriodId: draft.id,
          employeeId: member.id,
          date: draft.start,
          shiftTypeId: shift,
          pinned: false,
        },
      ]);
      const after = await body<Roster>(await planner.get(`/api/roster-periods/${draft.id}`));
      expect(
        after.assignments.find((a) => a.employeeId === member.id && a.date === draft.start)?.shiftTypeId,
      ).toBe(shift);
    });

    it('publishes, then requires a reason for changes and records them in the audit log', async () => {
      const draft = draftOf('ward');
      let roster = await body<Roster>(await planner.get(`/api/roster-periods/${draft.id}`));
      const published = await planner.send('POST', `/api/roster-periods/${draft.id}/publish`, {
        expectedVersion: roster.period.version,
      });
      expect(published.status).toBe(200);
      roster = await body<Roster>(await planner.get(`/api/roster-periods/${draft.id}`));
      expect(roster.period.status).toBe('published');
      const member = h.data.employees.find((e) => e.teamIds.includes(draft.teamId))!;
      const change = { employeeId: member.id, date: draft.start, shiftTypeId: h.data.shiftTypes[0].id };
      const noReason = await planner.send('PUT', `/api/roster-periods/${draft.id}/assignments`, {
        expectedVersion: roster.period.version,
        changes: [change],
      });
      expect(noReason.status).toBe(422);
      expect((await body<{ errors: Array<{ field: string }> }>(noReason)).errors[0].field).toBe('reason');
      const withReason = await planner.send('PUT', `/api/roster-periods/${draft.id}/assignments`, {
        expectedVersion: roster.period.version,
        reason: 'Ziekte collega; medewerker akkoord',
        changes: [change],
      });
      expect(withReason.status).toBe(200);
      const audit = await body<{
        items: Array<{ action: string; reason: string | null; actorName: string; at: string }>;
      }>(await planner.get(`/api/roster-periods/${draft.id}/changes?publishedOnly=true`));
      expect(audit.items.map((c) => c.action)).toEqual(['publish', 'assign']);
      expect(audit.items[1]).toMatchObject({
        reason: 'Ziekte collega; medewerker akkoord',
        actorName: 'planner org-a',
      });
      expect(Date.parse(audit.items[1].at)).not.toBeNaN();
      // The employee now sees their own cells of the published roster, and only those.
      const own = await body<Roster>(await employee.get(`/api/roster-periods/${draft.id}`));
      expect(own.assignments.length).toBeGreaterThan(0);
      expect(new Set(own.assignments.map((a) => a.employeeId))).toEqual(new Set([member.id]));
    });

    it('re-checks the labour rules of the changed employee on save and on demand', async () => {
      const draft = await body<Roster['period']>(
        await planner.send('POST', '/api/roster-periods', {
          id: 'rp-rules',
          teamId: h.data.teams[0].id,
          start: '2027-04-05',
        }),
      );
      const member = h.data.employees.find((e) => e.teamIds.includes(draft.teamId))!;
      // A night shift straight into an early shift: about no rest at all.
      const res = await planner.send('PUT', `/api/roster-periods/${draft.id}/assignments`, {
        expectedVersion: draft.version,
        changes: [
          { employeeId: member.id, date: '2027-04-05', shiftTypeId: 'st-N' },
          { employeeId: member.id, date: '2027-04-06', shiftTypeId: 'st-V' },
        ],
      });
      expect(res.status).toBe(200);
      const saved = await body<{
        ruleCheck: { violations: Array<{ ruleId: string; employeeId: string; message: string }> };
      }>(res);
      expect(saved.ruleCheck.violations.length).toBeGreaterThan(0);
      expect(saved.ruleCheck.violations.every((v) => v.employeeId === member.id)).toBe(true);
      expect(saved.ruleCheck.violations.some((v) => /rest/.test(v.ruleId))).toBe(true);
      const check = await body<{ violations: Array<{ employeeId: string }> }>(
        await planner.send('POST', `/api/roster-periods/${draft.id}/check`),
      );
      expect(check.violations.filter((v) => v.employeeId === member.id).length).toBe(
        saved.ruleCheck.violations.length,
      );
      // Clearing the early shift removes the rest violation.
      const cleared = await body<{ ruleCheck: { violations: Array<{ ruleId: string }> } }>(
        await planner.send('PUT', `/api/roster-periods/${draft.id}/assignments`, {
          expectedVersion: draft.version + 1,
          changes: [{ employeeId: member.id, date: '2027-04-06', shiftTypeId: null }],
        }),
      );
      expect(cleared.ruleCheck.violations.some((v) => /rest/.test(v.ruleId))).toBe(false);
    });

    it('recommends who fits an open shift best, with exact score deltas', async () => {
      const draft = draftOf('ward');
      const date = addDays(draft.start, 3);
      const res = await planner.get(
        `/api/roster-periods/${draft.id}/candidates?date=${date}&shiftTypeId=st-D&k=3`,
      );
      expect(res.status).toBe(200);
      const { items } = await body<{
        items: Array<{ employeeId: string; to: string; cost: number; delta: { hard: number } }>;
      }>(res);
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThanOrEqual(3);
      expect(items.every((i) => i.to === 'st-D')).toBe(true);
      for (let i = 1; i < items.length; i++) expect(items[i].cost).toBeGreaterThanOrEqual(items[i - 1].cost);
      const members = new Set(
        h.data.employees.filter((e) => e.teamIds.includes(draft.teamId)).map((e) => e.id),
      );
      expect(items.every((i) => members.has(i.employeeId))).toBe(true);
      expect((await employee.get(`/api/roster-periods/${draft.id}/candidates?date=${date}`)).status).toBe(
        403,
      );
    });

    it('limits an employee to their own record, roster and wishes', async () => {
      const me = await body<{ user: { employeeId: string } }>(await employee.get('/api/auth/me'));
      const self = me.user.employeeId;
      const other = h.data.employees.find((e) => e.id !== self)!;
      const list = await body<{ items: Array<{ id: string }>; total: number }>(
        await employee.get('/api/employees'),
      );
      expect(list.items.map((e) => e.id)).toEqual([self]);
      expect((await employee.get(`/api/employees/${other.id}`)).status).toBe(403);
      const team = h.data.employees.find((e) => e.id === self)!.teamIds[0];
      const createdDraft = await planner.send('POST', '/api/roster-periods', {
        id: 'rp-next',
        teamId: team,
        start: '2027-02-01',
      });
      expect(createdDraft.status).toBe(201);
      const draft = await body<Roster['period']>(createdDraft);
      expect(draft).toMatchObject({ status: 'draft', version: 1 });
      const notMonday = await planner.send('POST', '/api/roster-periods', {
        id: 'rp-x',
        teamId: team,
        start: '2027-02-02',
      });
      expect((await body<{ errors: Array<{ field: string }> }>(notMonday)).errors[0].field).toBe('start');
      expect((await employee.get(`/api/roster-periods/${draft.id}`)).status).toBe(403);
      const visible = await body<{ items: Array<{ status: string }> }>(
        await employee.get('/api/roster-periods'),
      );
      expect(visible.items.length).toBeGreaterThan(0);
      expect(visible.items.every((p) => p.status === 'published')).toBe(true);
      const write = await employee.send('PUT', `/api/roster-periods/${draft.id}/assignments`, {
        expectedVersion: 1,
        changes: [{ employeeId: self, date: draft.start, shiftTypeId: null }],
      });
      expect(write.status).toBe(403);
      const wish = { id: 'w-own', employeeId: self, date: draft.start, kind: 'day-off', priority: 2 };
      expect((await employee.send('POST', '/api/wishes', wish)).status).toBe(201);
      expect(
        (await employee.send('POST', '/api/wishes', { ...wish, id: 'w-other', employeeId: other.id })).status,
      ).toBe(403);
      const wishes = await body<{ items: Array<{ employeeId: string }> }>(await employee.get('/api/wishes'));
      expect(wishes.items.length).toBeGreaterThan(0);
      expect(wishes.items.every((w) => w.employeeId === self)).toBe(true);
      const otherWish = h.data.wishes.find((w) => w.employeeId !== self)!;
      expect((await employee.send('DELETE', `/api/wishes/${otherWish.id}`)).status).toBe(403);
      expect((await employee.send('DELETE', '/api/wishes/w-own')).status).toBe(204);
      expect((await employee.get('/api/demand?teamId=x&from=2026-01-01&to=2026-01-02')).status).toBe(403);
      expect((await employee.send('POST', '/api/jobs', { kind: 'test-roster', params: {} })).status).toBe(
        403,
      );
    });

    it('lets a team leader change only the rosters of the teams they lead', async () => {
      const me = await body<{ user: { teamIds: string[] } }>(await leader.get('/api/auth/me'));
      const otherDraft = h.data.rosterPeriods.find((p) => !me.user.teamIds.includes(p.teamId))!;
      const roster = await body<Roster>(await leader.get(`/api/roster-periods/${otherDraft.id}`));
      const member = h.data.employees.find((e) => e.teamIds.includes(otherDraft.teamId))!;
      const res = await leader.send('PUT', `/api/roster-periods/${otherDraft.id}/assignments`, {
        expectedVersion: roster.period.version,
        reason: 'test',
        changes: [{ employeeId: member.id, date: otherDraft.start, shiftTypeId: null }],
      });
      expect(res.status).toBe(403);
      const own = h.data.rosterPeriods.find(
        (p) => me.user.teamIds.includes(p.teamId) && p.status === 'published',
      )!;
      const ownRoster = await body<Roster>(await leader.get(`/api/roster-periods/${own.id}`));
      const ownMember = h.data.employees.find((e) => e.teamIds.includes(own.teamId))!;
      const allowed = await leader.send('PUT', `/api/roster-periods/${own.id}/assignments`, {
        expectedVersion: ownRoster.period.version,
        reason: 'ruil op verzoek',
        changes: [{ employeeId: ownMember.id, date: own.start, shiftTypeId: null }],
      });
      expect(allowed.status).toBe(200);
      expect((await leader.send('POST', '/api/employees', {})).status).toBe(400);
    });

    it('lists absences without any cause field (AVG)', async () => {
      const res = await body<{ items: Array<Record<string, unknown>> }>(await planner.get('/api/absences'));
      expect(res.items.length).toBe(h.data.absences.length);
      for (const a of res.items)
        expect(
          Object.keys(a).every((k) =>
            ['id', 'employeeId', 'kind', 'start', 'end', 'countedHours'].includes(k),
          ),
        ).toBe(true);
      const withCause = await planner.send('POST', '/api/absences', {
        id: 'abs-x',
        employeeId: h.data.employees[0].id,
        kind: 'sick',
        start: '2027-01-04T00:00',
        end: '2027-01-06T00:00',
        diagnosis: 'griep',
      });
      expect(withCause.status).toBe(400);
    });
  });
  if (!driver.available) it.skip(`${driver.name}: ${driver.skipReason}`, () => undefined);
}
