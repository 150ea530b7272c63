/**
 * The staff side on both drivers: leave requests (ask, approve once, reject, withdraw, who may do
 * what) and the personal iCal feed (secret link, renew, published shifts only, no absences).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@planmaat/db';
import { addDays, fromEpochMinutes, mondayOf, shiftInterval } from '@planmaat/domain';
import { ORG_A, ORG_B, startHarness, type Client, type Harness } from './harness.ts';

interface LeaveRequest {
  id: string;
  employeeId: string;
  employeeName: string | null;
  start: string;
  end: string;
  status: string;
  decisionReason: string | null;
  decidedByName: string | null;
  absenceId: string | null;
  plannedShifts: Array<{ date: string; code: string | null }>;
}
interface Problem {
  status: number;
  errors?: Array<{ field: string }>;
}

async function body<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** The VEVENTs of a feed as property maps (unfolded, parameters dropped). */
function events(text: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of text.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0]] = line.slice(colon + 1);
    }
  }
  return out;
}

const icsUtc = (epochMinutes: number) =>
  new Date(epochMinutes * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 15) + 'Z';

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`staff: leave requests and calendar feed on ${driver.name}`, () => {
    let h: Harness;
    let planner: Client;
    let employee: Client;
    let leader: Client;
    let plannerB: Client;
    let self: string;
    let colleague: string;
    let ward: string;

    beforeAll(async () => {
      h = await startHarness(driver, { worker: false });
      [planner, employee, leader, plannerB] = await Promise.all([
        h.login(ORG_A, 'planner'),
        h.login(ORG_A, 'employee'),
        h.login(ORG_A, 'team-leader'),
        h.login(ORG_B, 'planner'),
      ]);
      self = (await body<{ user: { employeeId: string } }>(await employee.get('/api/auth/me'))).user
        .employeeId;
      ward = h.data.employees.find((e) => e.id === self)!.teamIds[0];
      colleague = h.data.employees.find((e) => e.id !== self && e.teamIds.includes(ward))!.id;
    });
    afterAll(async () => h?.close());

    const ask = (client: Client, request: Record<string, unknown>) =>
      client.send('POST', '/api/leave-requests', request);

    it('lets an employee request leave for themselves only, with no room for a cause', async () => {
      const res = await ask(employee, { from: '2027-06-07', to: '2027-06-11' });
      expect(res.status).toBe(201);
      const created = await body<LeaveRequest>(res);
      expect(created).toMatchObject({
        employeeId: self,
        start: '2027-06-07T00:00',
        end: '2027-06-12T00:00',
        status: 'requested',
        absenceId: null,
      });

      const forOther = await ask(employee, { employeeId: colleague, from: '2027-06-07', to: '2027-06-08' });
      expect(forOther.status).toBe(403);
      expect(forOther.headers.get('content-type')).toContain('application/problem+json');

      const withCause = await ask(employee, { from: '2027-07-05', to: '2027-07-05', reason: 'griep' });
      expect(withCause.status).toBe(400);
      const backwards = await ask(employee, { from: '2027-07-05', to: '2027-07-01' });
      expect(backwards.status).toBe(400);
      expect((await body<Problem>(backwards)).errors?.map((e) => e.field)).toContain('to');

      const overlapping = await ask(employee, { from: '2027-06-10', to: '2027-06-14' });
      expect(overlapping.status).toBe(422);
      expect((await body<Problem>(overlapping)).errors?.[0].field).toBe('from');

      const partDay = await body<LeaveRequest>(
        await ask(employee, { from: '2027-06-21', to: '2027-06-21', startTime: '13:00', endTime: '17:00' }),
      );
      expect([partDay.start, partDay.end]).toEqual(['2027-06-21T13:00', '2027-06-21T17:00']);

      const planners = await leader.get('/api/auth/me');
      expect(planners.status).toBe(200);
      const unlinked = await ask(planner, { from: '2027-06-07', to: '2027-06-08' });
      expect(unlinked.status).toBe(422);
      expect((await body<Problem>(unlinked)).errors?.[0].field).toBe('employeeId');
    });

    it('shows employees their own requests only; planners and the team leader see the team’s', async () => {
      const planned = await body<LeaveRequest>(
        await ask(planner, { employeeId: colleague, from: '2027-08-02', to: '2027-08-03' }),
      );
      expect(planned.status).toBe('requested');

      const mine = await body<{ items: LeaveRequest[]; total: number }>(
        await employee.get('/api/leave-requests'),
      );
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.every((r) => r.employeeId === self)).toBe(true);
      expect(mine.total).toBe(mine.items.length);
      expect((await employee.get(`/api/leave-requests/${planned.id}`)).status).toBe(403);
      expect((await employee.get(`/api/leave-requests?employeeId=${colleague}`)).status).toBe(403);

      const all = await body<{ items: LeaveRequest[] }>(
        await planner.get('/api/leave-requests?status=requested'),
      );
      expect(new Set(all.items.map((r) => r.employeeId))).toEqual(new Set([self, colleague]));
      expect(all.items.every((r) => r.status === 'requested')).toBe(true);
      expect(all.items.find((r) => r.id === planned.id)!.employeeName).toBe(
        h.data.employees.find((e) => e.id === colleague)!.name,
      );
      const led = await body<{ items: LeaveRequest[] }>(await leader.get('/api/leave-requests'));
      expect(led.items.map((r) => r.id)).toContain(planned.id);

      // Another organisation's planner sees none of it.
      expect((await plannerB.get(`/api/leave-requests/${planned.id}`)).status).toBe(404);
      expect((await plannerB.send('POST', `/api/leave-requests/${planned.id}/approve`)).status).toBe(404);
      const theirs = await body<{ items: LeaveRequest[] }>(await plannerB.get('/api/leave-requests'));
      expect(theirs.items).toEqual([]);
    });

    it('approves once: the absence is created exactly once, the employee cannot approve', async () => {
      const request = await body<LeaveRequest>(await ask(employee, { from: '2027-09-06', to: '2027-09-08' }));
      expect((await employee.send('POST', `/api/leave-requests/${request.id}/approve`)).status).toBe(403);

      // Two planners at once: exactly one wins.
      const [a, b] = await Promise.all([
        planner.send('POST', `/api/leave-requests/${request.id}/approve`, {}),
        leader.send('POST', `/api/leave-requests/${request.id}/approve`, { reason: 'bezetting rond' }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 422]);
      const winner = await body<{ request: LeaveRequest; absenceId: string }>(a.status === 200 ? a : b);
      expect(winner.request.status).toBe('approved');
      expect(winner.request.absenceId).toBe(winner.absenceId);

      const again = await planner.send('POST', `/api/leave-requests/${request.id}/approve`, {});
      expect(again.status).toBe(422);
      expect((await body<Problem>(again)).errors?.[0].field).toBe('status');

      const absences = await body<{ items: Array<{ id: string; kind: string; start: string; end: string }> }>(
        await planner.get(`/api/absences?employeeId=${self}&from=2027-09-01&to=2027-09-30`),
      );
      expect(absences.items).toEqual([
        {
          id: winner.absenceId,
          employeeId: self,
          kind: 'leave',
          start: '2027-09-06T00:00',
          end: '2027-09-09T00:00',
        },
      ]);
      // The employee sees the decision on their own list.
      const mine = await body<LeaveRequest>(await employee.get(`/api/leave-requests/${request.id}`));
      expect(mine.status).toBe('approved');
      // Withdrawing is for open requests only.
      expect((await employee.send('POST', `/api/leave-requests/${request.id}/withdraw`)).status).toBe(422);
    });

    it('rejects with a reason, and lets the employee withdraw an open request', async () => {
      const toReject = await body<LeaveRequest>(
        await ask(employee, { from: '2027-10-04', to: '2027-10-04' }),
      );
      const rejected = await planner.send('POST', `/api/leave-requests/${toReject.id}/reject`, {
        reason: 'Te weinig bezetting in de herfstvakantie',
      });
      expect(rejected.status).toBe(200);
      expect(await body<LeaveRequest>(rejected)).toMatchObject({
        status: 'rejected',
        decisionReason: 'Te weinig bezetting in de herfstvakantie',
        decidedByName: `planner ${ORG_A}`,
        absenceId: null,
      });

      const toWithdraw = await body<LeaveRequest>(
        await ask(employee, { from: '2027-11-01', to: '2027-11-02' }),
      );
      expect((await planner.send('POST', `/api/leave-requests/${toWithdraw.id}/withdraw`)).status).toBe(403);
      const withdrawn = await employee.send('POST', `/api/leave-requests/${toWithdraw.id}/withdraw`);
      expect(withdrawn.status).toBe(200);
      expect((await body<LeaveRequest>(withdrawn)).status).toBe('withdrawn');
      expect((await planner.send('POST', `/api/leave-requests/${toWithdraw.id}/approve`, {})).status).toBe(
        422,
      );
      // A withdrawn period may be asked for again.
      expect((await ask(employee, { from: '2027-11-01', to: '2027-11-02' })).status).toBe(201);

      const absences = await body<{ items: unknown[] }>(
        await planner.get(`/api/absences?employeeId=${self}&from=2027-10-01&to=2027-11-30`),
      );
      expect(absences.items).toEqual([]);
      expect((await planner.get('/api/leave-requests/not-a-uuid')).status).toBe(404);
    });

    it('lists the shifts already rostered in the requested period', async () => {
      const published = h.data.rosterPeriods.find((p) => p.teamId === ward && p.status === 'published')!;
      const own = h.data.assignments
        .filter((a) => a.rosterPeriodId === published.id && a.employeeId === self)
        .sort((x, y) => x.date.localeCompare(y.date));
      const from = published.start;
      const to = addDays(published.start, 6);
      const request = await body<LeaveRequest>(await ask(employee, { from, to }));
      expect(request.plannedShifts.map((s) => s.date)).toEqual(
        own.filter((a) => a.date >= from && a.date <= to).map((a) => a.date),
      );
      expect((await employee.send('POST', `/api/leave-requests/${request.id}/withdraw`)).status).toBe(200);

      // A draft roster's cells are the planner's: the employee does not see them on the request.
      const draft = h.data.rosterPeriods.find((p) => p.teamId === ward && p.status === 'draft')!;
      const version = (
        await body<{ period: { version: number } }>(await planner.get(`/api/roster-periods/${draft.id}`))
      ).period.version;
      const day = addDays(draft.start, 2);
      expect(
        (
          await planner.send('PUT', `/api/roster-periods/${draft.id}/assignments`, {
            expectedVersion: version,
            changes: [{ employeeId: self, date: day, shiftTypeId: h.data.shiftTypes[0].id }],
          })
        ).status,
      ).toBe(200);
      const onDraft = await body<LeaveRequest>(await ask(employee, { from: day, to: day }));
      expect(onDraft.plannedShifts).toEqual([]);
      const planners = await body<LeaveRequest>(await planner.get(`/api/leave-requests/${onDraft.id}`));
      expect(planners.plannedShifts.map((s) => s.date)).toEqual([day]);
      expect((await employee.send('POST', `/api/leave-requests/${onDraft.id}/withdraw`)).status).toBe(200);
    });

    describe('calendar feed', () => {
      let feedUrl: string;
      const feed = (url: string) => h.app.request(new URL(url).pathname);

      it('makes a secret link on first use; accounts without an employee record get none', async () => {
        const first = await employee.get('/api/me/calendar');
        expect(first.status).toBe(200);
        const link = await body<{ url: string; createdAt: string }>(first);
        expect(link.url).toMatch(/^http:\/\/localhost\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
        feedUrl = link.url;
        // The same link again (a second device), until it is renewed.
        expect(
          await body<{ url: string; createdAt: string }>(await employee.get('/api/me/calendar')),
        ).toEqual(link);

        const unlinked = await planner.get('/api/me/calendar');
        expect(unlinked.status).toBe(422);
        expect((await body<Problem>(unlinked)).errors?.[0].field).toBe('employeeId');
        expect((await h.anonymous().get('/api/me/calendar')).status).toBe(401);
      });

      it('serves the employee’s published shifts only, at the right times, without absences', async () => {
        // A published and a draft week, each with a shift type used nowhere else.
        const monday = addDays(mondayOf(fromEpochMinutes(Math.floor(Date.now() / 60_000)).slice(0, 10)), 21);
        const published = {
          id: 'st-feed-pub',
          code: 'FP',
          name: 'Feed gepubliceerd',
          start: '15:00',
          end: '23:15',
          breakMinutes: 30,
          category: 'late',
        };
        const draft = {
          id: 'st-feed-draft',
          code: 'FD',
          name: 'Feed concept',
          start: '07:00',
          end: '15:30',
          breakMinutes: 30,
          category: 'early',
        };
        for (const type of [published, draft])
          expect((await planner.send('POST', '/api/shift-types', type)).status).toBe(201);
        for (const [id, type, days] of [
          ['rp-feed-pub', published, [0, 1]],
          ['rp-feed-draft', draft, [2, 3]],
        ] as const) {
          expect(
            (await planner.send('POST', '/api/roster-periods', { id, teamId: ward, start: monday, weeks: 1 }))
              .status,
          ).toBe(201);
          const res = await planner.send('PUT', `/api/roster-periods/${id}/assignments`, {
            expectedVersion: 1,
            changes: days.map((d) => ({ employeeId: self, date: addDays(monday, d), shiftTypeId: type.id })),
          });
          expect(res.status).toBe(200);
        }
        const colleagueShift = await planner.send('PUT', '/api/roster-periods/rp-feed-pub/assignments', {
          expectedVersion: 2,
          changes: [{ employeeId: colleague, date: addDays(monday, 4), shiftTypeId: published.id }],
        });
        expect(colleagueShift.status).toBe(200);
        expect(
          (await planner.send('POST', '/api/roster-periods/rp-feed-pub/publish', { expectedVersion: 3 }))
            .status,
        ).toBe(200);
        // Approved leave and a sick report in the window must not show.
        const leave = await body<LeaveRequest>(
          await ask(employee, { from: addDays(monday, 5), to: addDays(monday, 6) }),
        );
        expect((await planner.send('POST', `/api/leave-requests/${leave.id}/approve`, {})).status).toBe(200);
        expect(
          (
            await planner.send('POST', '/api/absences', {
              id: 'abs-feed-sick',
              employeeId: self,
              kind: 'sick',
              start: `${addDays(monday, 7)}T00:00`,
              end: `${addDays(monday, 8)}T00:00`,
            })
          ).status,
        ).toBe(201);

        const res = await feed(feedUrl);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
        const text = await res.text();
        const all = events(text);

        // The published week's shifts, at their exact instants.
        const ours = all.filter((e) => e.SUMMARY === 'Dienst FP (15:00–23:15)');
        expect(ours.map((e) => [e.DTSTART, e.DTEND])).toEqual(
          [0, 1].map((d) => {
            const i = shiftInterval(addDays(monday, d), published);
            return [icsUtc(i.start), icsUtc(i.end)];
          }),
        );
        expect(ours[0].LOCATION).toContain(h.data.teams.find((t) => t.id === ward)!.name);
        expect(new Set(all.map((e) => e.UID)).size).toBe(all.length);

        // Exactly the employee's shifts in published periods within the window: no drafts, no colleagues.
        const today = fromEpochMinutes(Math.floor(Date.now() / 60_000)).slice(0, 10);
        const [from, to] = [addDays(today, -56), addDays(today, 182)];
        const periods = await body<{ items: Array<{ id: string }> }>(
          await planner.get(`/api/roster-periods?teamId=${ward}&status=published`),
        );
        let expected = 0;
        for (const p of periods.items) {
          const roster = await body<{ assignments: Array<{ employeeId: string; date: string }> }>(
            await planner.get(`/api/roster-periods/${p.id}`),
          );
          expected += roster.assignments.filter(
            (a) => a.employeeId === self && a.date >= from && a.date <= to,
          ).length;
        }
        expect(all).toHaveLength(expected);
        expect(text).not.toContain('Dienst FD');
        expect(text).not.toContain(h.data.employees.find((e) => e.id === colleague)!.name);
        for (const word of ['verlof', 'leave', 'sick', 'ziek', 'afwezig', 'absence'])
          expect(text.toLowerCase()).not.toContain(word);

        // The same assignment keeps its UID when the feed is fetched again.
        const again = events(await (await feed(feedUrl)).text());
        expect(again.map((e) => e.UID)).toEqual(all.map((e) => e.UID));
      });

      it('stops the old link at renewal; unknown links are 404 problems', async () => {
        const renewed = await body<{ url: string }>(await employee.send('POST', '/api/me/calendar'));
        expect(renewed.url).not.toBe(feedUrl);
        const old = await feed(feedUrl);
        expect(old.status).toBe(404);
        expect(old.headers.get('content-type')).toContain('application/problem+json');
        expect((await feed(renewed.url)).status).toBe(200);
        const unknown = await h.app.request(`/api/calendar/${'x'.repeat(43)}.ics`);
        expect(unknown.status).toBe(404);
        expect(unknown.headers.get('content-type')).toContain('application/problem+json');
        expect((await h.app.request('/api/calendar/nonsense')).status).toBe(404);
        // Renewing needs the CSRF token like every change.
        expect((await employee.request('POST', '/api/me/calendar', {}, { 'x-csrf-token': '' })).status).toBe(
          403,
        );
      });
    });
  });
  if (!driver.available) it.skip(`${driver.name}: ${driver.skipReason}`, () => undefined);
}
