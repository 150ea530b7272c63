/**
 * Tenant isolation matrix: every role of one organisation against every resource of the other.
 * Both organisations hold the same entity ids (the demo data twice), so a query that forgot the
 * organisation would hit the other tenant's row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@planmaat/db';
import { ORG_A, ORG_B, ROLES, startHarness, type Client, type Harness } from './harness.ts';

interface OwnResources {
  employeeId: string;
  periodId: string;
  wishId: string;
  absenceId: string;
  leaveRequestId: string;
  jobId: string;
  proposalId: string;
  sharedPeriodId: string;
  sharedPeriodVersion: number;
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function createOwn(h: Harness, org: string): Promise<OwnResources> {
  const planner = await h.login(org, 'planner');
  const team = h.data.teams[0].id;
  const employeeId = `only-${org}`;
  const ok = async (res: Response | Promise<Response>) => {
    const r = await res;
    if (r.status >= 300) throw new Error(`${r.status} ${await r.text()}`);
    return r;
  };
  await ok(
    planner.send('POST', '/api/employees', {
      id: employeeId,
      name: `Alleen ${org}`,
      teamIds: [team],
      contractHoursPerWeek: 20,
      level: 3,
      birthDate: '1980-05-05',
    }),
  );
  const periodId = `rp-only-${org}`;
  await ok(planner.send('POST', '/api/roster-periods', { id: periodId, teamId: team, start: '2027-03-01' }));
  const wishId = `w-only-${org}`;
  await ok(
    planner.send('POST', '/api/wishes', { id: wishId, employeeId, date: '2027-03-02', kind: 'day-off' }),
  );
  const absenceId = `abs-only-${org}`;
  await ok(
    planner.send('POST', '/api/absences', {
      id: absenceId,
      employeeId,
      kind: 'leave',
      start: '2027-03-03T00:00',
      end: '2027-03-04T00:00',
    }),
  );
  const leave = await json<{ id: string }>(
    await ok(
      planner.send('POST', '/api/leave-requests', { employeeId, from: '2027-03-08', to: '2027-03-09' }),
    ),
  );
  const job = await json<{ id: string }>(
    await ok(
      planner.send('POST', '/api/jobs', {
        kind: 'test-roster',
        params: { rosterPeriodId: periodId, stepMs: 0 },
      }),
    ),
  );
  let proposalId: string | null = null;
  for (let i = 0; i < 200 && !proposalId; i++) {
    proposalId = (await json<{ proposalId: string | null }>(await planner.get(`/api/jobs/${job.id}`)))
      .proposalId;
    if (!proposalId) await new Promise((r) => setTimeout(r, 100));
  }
  const sharedPeriodId = h.data.rosterPeriods.find((p) => p.status === 'draft')!.id;
  const shared = await json<{ period: { version: number } }>(
    await planner.get(`/api/roster-periods/${sharedPeriodId}`),
  );
  return {
    employeeId,
    periodId,
    wishId,
    absenceId,
    leaveRequestId: leave.id,
    jobId: job.id,
    proposalId: proposalId!,
    sharedPeriodId,
    sharedPeriodVersion: shared.period.version,
  };
}

function attacks(target: OwnResources, h: Harness): Array<[string, (c: Client) => Promise<Response>]> {
  const t = target;
  const anyDate = h.data.rosterPeriods[0].start;
  return [
    ['GET employee', (c) => c.get(`/api/employees/${t.employeeId}`)],
    [
      'PATCH employee',
      (c) => c.send('PATCH', `/api/employees/${t.employeeId}`, { version: 1, name: 'overgenomen' }),
    ],
    ['DELETE employee', (c) => c.send('DELETE', `/api/employees/${t.employeeId}`)],
    ['GET roster', (c) => c.get(`/api/roster-periods/${t.periodId}`)],
    [
      'PUT assignments',
      (c) =>
        c.send('PUT', `/api/roster-periods/${t.periodId}/assignments`, {
          expectedVersion: 1,
          reason: 'x',
          changes: [{ employeeId: t.employeeId, date: '2027-03-01', shiftTypeId: h.data.shiftTypes[0].id }],
        }),
    ],
    [
      'POST publish',
      (c) => c.send('POST', `/api/roster-periods/${t.periodId}/publish`, { expectedVersion: 1 }),
    ],
    ['GET changes', (c) => c.get(`/api/roster-periods/${t.periodId}/changes`)],
    ['GET job', (c) => c.get(`/api/jobs/${t.jobId}`)],
    ['GET job events', (c) => c.get(`/api/jobs/${t.jobId}/events`)],
    ['POST job cancel', (c) => c.send('POST', `/api/jobs/${t.jobId}/cancel`)],
    [
      'POST job on their roster',
      (c) => c.send('POST', '/api/jobs', { kind: 'test-roster', params: { rosterPeriodId: t.periodId } }),
    ],
    ['GET proposal', (c) => c.get(`/api/proposals/${t.proposalId}`)],
    ['POST accept', (c) => c.send('POST', `/api/proposals/${t.proposalId}/accept`, {})],
    ['POST reject', (c) => c.send('POST', `/api/proposals/${t.proposalId}/reject`)],
    ['DELETE wish', (c) => c.send('DELETE', `/api/wishes/${t.wishId}`)],
    [
      'POST wish for their employee',
      (c) =>
        c.send('POST', '/api/wishes', {
          id: 'w-x',
          employeeId: t.employeeId,
          date: anyDate,
          kind: 'day-off',
        }),
    ],
    ['DELETE absence', (c) => c.send('DELETE', `/api/absences/${t.absenceId}`)],
    ['PATCH absence', (c) => c.send('PATCH', `/api/absences/${t.absenceId}`, { end: '2027-03-02T00:00' })],
    [
      'POST absence for their employee',
      (c) =>
        c.send('POST', '/api/absences', {
          id: 'a-x',
          employeeId: t.employeeId,
          kind: 'leave',
          start: '2027-03-05T00:00',
          end: '2027-03-06T00:00',
        }),
    ],
    ['GET wishes of their employee', (c) => c.get(`/api/wishes?employeeId=${t.employeeId}`)],
    ['GET absences of their employee', (c) => c.get(`/api/absences?employeeId=${t.employeeId}`)],
    ['GET leave request', (c) => c.get(`/api/leave-requests/${t.leaveRequestId}`)],
    ['POST leave approve', (c) => c.send('POST', `/api/leave-requests/${t.leaveRequestId}/approve`, {})],
    ['POST leave reject', (c) => c.send('POST', `/api/leave-requests/${t.leaveRequestId}/reject`, {})],
    ['POST leave withdraw', (c) => c.send('POST', `/api/leave-requests/${t.leaveRequestId}/withdraw`)],
    [
      'POST leave request for their employee',
      (c) =>
        c.send('POST', '/api/leave-requests', {
          employeeId: t.employeeId,
          from: '2027-03-15',
          to: '2027-03-16',
        }),
    ],
    ['GET leave requests of their employee', (c) => c.get(`/api/leave-requests?employeeId=${t.employeeId}`)],
  ];
}

const LISTS = [
  '/api/organisation',
  '/api/teams',
  '/api/employees?limit=500',
  '/api/shift-types',
  '/api/roster-periods',
  '/api/wishes',
  '/api/absences',
  '/api/leave-requests?limit=500',
  '/api/jobs',
  '/api/proposals',
  '/api/users',
  '/api/clients?limit=500',
  '/api/auth/me',
];

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`tenant isolation on ${driver.name}`, () => {
    let h: Harness;
    const own: Record<string, OwnResources> = {};
    beforeAll(async () => {
      h = await startHarness(driver);
      own[ORG_A] = await createOwn(h, ORG_A);
      own[ORG_B] = await createOwn(h, ORG_B);
    });
    afterAll(async () => h?.close());

    for (const [attacker, victim] of [
      [ORG_B, ORG_A],
      [ORG_A, ORG_B],
    ]) {
      it(`no role of ${attacker} reads or changes anything of ${victim}`, async () => {
        const failures: string[] = [];
        const target = own[victim];
        for (const role of ROLES) {
          const client = await h.login(attacker, role);
          for (const [name, attack] of attacks(target, h)) {
            const res = await attack(client);
            const text = await res.text();
            // Error details echo the id the caller sent; a leak is the victim's data itself.
            const leaked = [`"${victim}"`, `Alleen ${victim}`, '"baseVersion"', '"progress"'].some((s) =>
              text.includes(s),
            );
            const refused = [403, 404, 422].includes(res.status);
            const emptyList =
              res.status === 200 && (JSON.parse(text) as { items?: unknown[] }).items?.length === 0;
            if (leaked || !(refused || emptyList))
              failures.push(`${role}: ${name} → ${res.status} ${text.slice(0, 120)}`);
          }
          for (const path of LISTS) {
            const res = await client.get(path);
            const text = await res.text();
            if (
              res.status === 200 &&
              (text.includes(`"${victim}"`) ||
                text.includes(target.employeeId) ||
                text.includes(target.jobId))
            )
              failures.push(`${role}: GET ${path} shows ${victim} data`);
          }
        }
        expect(failures).toEqual([]);

        // The victim's data is exactly as it was.
        const owner = await h.login(victim, 'planner');
        const employee = await json<{ version: number; name: string }>(
          await owner.get(`/api/employees/${target.employeeId}`),
        );
        expect(employee).toMatchObject({ version: 1, name: `Alleen ${victim}` });
        const period = await json<{ period: { version: number; status: string } }>(
          await owner.get(`/api/roster-periods/${target.periodId}`),
        );
        expect(period.period).toMatchObject({ version: 1, status: 'draft' });
        const shared = await json<{ period: { version: number } }>(
          await owner.get(`/api/roster-periods/${target.sharedPeriodId}`),
        );
        expect(shared.period.version).toBe(target.sharedPeriodVersion);
        expect(
          (await json<{ status: string }>(await owner.get(`/api/proposals/${target.proposalId}`))).status,
        ).toBe('open');
        expect((await json<{ status: string }>(await owner.get(`/api/jobs/${target.jobId}`))).status).toBe(
          'completed',
        );
        const wishes = await json<{ items: Array<{ id: string }> }>(
          await owner.get(`/api/wishes?employeeId=${target.employeeId}`),
        );
        expect(wishes.items.map((w) => w.id)).toEqual([target.wishId]);
        const absences = await json<{ items: Array<{ id: string }> }>(
          await owner.get(`/api/absences?employeeId=${target.employeeId}`),
        );
        expect(absences.items.map((a) => a.id)).toEqual([target.absenceId]);
        const leave = await json<{ status: string }>(
          await owner.get(`/api/leave-requests/${target.leaveRequestId}`),
        );
        expect(leave.status).toBe('requested');
      });
    }

    it('a write to an id both tenants use changes only the writer’s own row', async () => {
      const plannerB = await h.login(ORG_B, 'planner');
      const id = own[ORG_B].sharedPeriodId;
      const mine = await json<{ period: { version: number; teamId: string; start: string } }>(
        await plannerB.get(`/api/roster-periods/${id}`),
      );
      const member = h.data.employees.find((e) => e.teamIds.includes(mine.period.teamId))!;
      const res = await plannerB.send('PUT', `/api/roster-periods/${id}/assignments`, {
        expectedVersion: mine.period.version,
        changes: [{ employeeId: member.id, date: mine.period.start, shiftTypeId: null }],
      });
      expect(res.status).toBe(200);
      const plannerA = await h.login(ORG_A, 'planner');
      const theirs = await json<{ period: { version: number } }>(
        await plannerA.get(`/api/roster-periods/${id}`),
      );
      expect(theirs.period.version).toBe(own[ORG_A].sharedPeriodVersion);
    });
  });
  if (!driver.available) it.skip(`${driver.name}: ${driver.skipReason}`, () => undefined);
}
