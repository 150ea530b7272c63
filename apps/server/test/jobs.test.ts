import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJob, tables, testDrivers } from '@planmaat/db';
import { addDays, type CareVisit } from '@planmaat/domain';
import { ORG_A, startHarness, type Client, type Harness } from './harness.ts';
import { readSse } from './sse.ts';

interface Job {
  id: string;
  status: string;
  attempts: number;
  bestScore: number | null;
  progress: Array<{ elapsedMs: number; score: number }>;
  proposalId: string | null;
  result: { uncovered: number; assignments: unknown[]; stepsDone: number } | null;
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`solve jobs on ${driver.name}`, () => {
    let h: Harness;
    let planner: Client;
    let periodId: string;
    beforeAll(async () => {
      h = await startHarness(driver);
      planner = await h.login(ORG_A, 'planner');
      periodId = h.data.rosterPeriods.find((p) => p.status === 'draft')!.id;
    });
    afterAll(async () => h?.close());

    async function waitFor(jobId: string, statuses: string[], timeoutMs = 20_000): Promise<Job> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const job = await json<Job>(await planner.get(`/api/jobs/${jobId}`));
        if (statuses.includes(job.status)) return job;
        if (Date.now() > until) throw new Error(`job ${jobId} still ${job.status}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    it('lists the registered kinds and rejects unknown ones naming the field', async () => {
      const kinds = await json<{ items: Array<{ kind: string }> }>(await planner.get('/api/job-kinds'));
      expect(kinds.items.map((k) => k.kind).sort()).toEqual(['roster', 'routes', 'test-roster']);
      const res = await planner.send('POST', '/api/jobs', { kind: 'nope' });
      expect(res.status).toBe(422);
      expect((await json<{ errors: Array<{ field: string }> }>(res)).errors[0].field).toBe('kind');
      const badParams = await planner.send('POST', '/api/jobs', { kind: 'test-roster', params: {} });
      expect(badParams.status).toBe(400);
      expect((await json<{ errors: Array<{ field: string }> }>(badParams)).errors[0].field).toBe(
        'params.rosterPeriodId',
      );
      const missing = await planner.send('POST', '/api/jobs', {
        kind: 'test-roster',
        params: { rosterPeriodId: 'nope' },
      });
      expect(missing.status).toBe(404);
    });

    it('streams progress over SSE, stores the result as a proposal, and applies it on accept', async () => {
      const created = await planner.send('POST', '/api/jobs', {
        kind: 'test-roster',
        timeLimitSeconds: 20,
        params: { rosterPeriodId: periodId, stepMs: 15 },
      });
      expect(created.status).toBe(202);
      const job = await json<Job>(created);
      const stream = await planner.get(`/api/jobs/${job.id}/events`);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      const events = await readSse(stream);
      expect(events[0].event).toBe('snapshot');
      const progress = events.filter((e) => e.event === 'progress').map((e) => e.data as { score: number });
      expect(progress.length).toBeGreaterThan(2);
      // Best score over time only improves for this solver.
      for (let i = 1; i < progress.length; i++)
        expect(progress[i].score).toBeLessThanOrEqual(progress[i - 1].score);
      const last = events.at(-1)!;
      expect(last.event).toBe('status');
      expect(last.data).toMatchObject({ status: 'completed' });
      const proposalId = (last.data as { proposalId: string }).proposalId;
      expect(proposalId).toBeTruthy();

      const done = await json<Job>(await planner.get(`/api/jobs/${job.id}`));
      expect(done.status).toBe('completed');
      expect(done.result!.stepsDone).toBe(28);
      expect(done.bestScore).toBe(done.result!.uncovered);
      expect(done.progress.at(-1)!.score).toBe(done.result!.uncovered);

      // Nothing changed yet: a proposal is never applied silently.
      const before = await json<{ period: { version: number } }>(
        await planner.get(`/api/roster-periods/${periodId}`),
      );
      const proposal = await json<{
        status: string;
        baseVersion: number;
        payload: { assignments: unknown[] };
      }>(await planner.get(`/api/proposals/${proposalId}`));
      expect(proposal).toMatchObject({ status: 'open', baseVersion: before.period.version });
      const accepted = await planner.send('POST', `/api/proposals/${proposalId}/accept`, {});
      expect(accepted.status).toBe(200);
      const after = await json<{
        period: { version: number };
        assignments: Array<{ employeeId: string; date: string; shiftTypeId: string }>;
      }>(await planner.get(`/api/roster-periods/${periodId}`));
      expect(after.period.version).toBe(before.period.version + 1);
      const key = (a: { employeeId: string; date: string; shiftTypeId: string }) =>
        `${a.employeeId}|${a.date}|${a.shiftTypeId}`;
      expect(after.assignments.map(key).sort()).toEqual(
        (proposal.payload.assignments as Array<{ employeeId: string; date: string; shiftTypeId: string }>)
          .map(key)
          .sort(),
      );
      const again = await planner.send('POST', `/api/proposals/${proposalId}/accept`, {});
      expect(again.status).toBe(422);
      const changes = await json<{ items: Array<{ action: string }> }>(
        await planner.get(`/api/roster-periods/${periodId}/changes`),
      );
      expect(changes.items.at(-1)!.action).toBe('accept-proposal');
    });

    it('refuses a proposal when the roster changed after the solve started; reject closes it', async () => {
      const job = await json<Job>(
        await planner.send('POST', '/api/jobs', {
          kind: 'test-roster',
          timeLimitSeconds: 20,
          params: { rosterPeriodId: periodId, stepMs: 0 },
        }),
      );
      const done = await waitFor(job.id, ['completed']);
      const roster = await json<{ period: { version: number } }>(
        await planner.get(`/api/roster-periods/${periodId}`),
      );
      const member = h.data.employees.find((e) =>
        e.teamIds.includes(h.data.rosterPeriods.find((p) => p.id === periodId)!.teamId),
      )!;
      const edit = await planner.send('PUT', `/api/roster-periods/${periodId}/assignments`, {
        expectedVersion: roster.period.version,
        changes: [
          {
            employeeId: member.id,
            date: h.data.rosterPeriods.find((p) => p.id === periodId)!.start,
            shiftTypeId: null,
          },
        ],
      });
      expect(edit.status).toBe(200);
      const conflict = await planner.send('POST', `/api/proposals/${done.proposalId}/accept`, {});
      expect(conflict.status).toBe(409);
      expect(
        (await json<{ changes: Array<{ action: string }> }>(conflict)).changes.map((c) => c.action),
      ).toEqual(['assign']);
      const rejected = await planner.send('POST', `/api/proposals/${done.proposalId}/reject`, {});
      expect(await json<{ status: string }>(rejected)).toMatchObject({ status: 'rejected' });
    });

    it('cancels a running solve: the worker stops, no proposal is made', async () => {
      const job = await json<Job>(
        await planner.send('POST', '/api/jobs', {
          kind: 'test-roster',
          timeLimitSeconds: 60,
          params: { rosterPeriodId: periodId, stepMs: 400 },
        }),
      );
      const stream = planner.get(`/api/jobs/${job.id}/events`);
      let cancelled = false;
      const events = await readSse(await stream, (event) => {
        if (event.event === 'progress' && !cancelled) {
          cancelled = true;
          void planner.send('POST', `/api/jobs/${job.id}/cancel`);
        }
      });
      expect(events.at(-1)).toMatchObject({ event: 'status', data: { status: 'cancelled' } });
      const final = await json<Job>(await planner.get(`/api/jobs/${job.id}`));
      expect(final.status).toBe('cancelled');
      expect(final.proposalId).toBeNull();
      expect(final.result!.stepsDone).toBeLessThan(28);
    });

    it('optimises a window of a roster with the roster solver, keeping every cell outside it', async () => {
      const period = h.data.rosterPeriods.find((p) => p.id === periodId)!;
      const before = await json<{
        assignments: Array<{ employeeId: string; date: string; shiftTypeId: string }>;
      }>(await planner.get(`/api/roster-periods/${periodId}`));
      const window = { from: addDays(period.start, 7), to: addDays(period.start, 13) };
      const created = await planner.send('POST', '/api/jobs', {
        kind: 'roster',
        timeLimitSeconds: 2,
        params: { rosterPeriodId: periodId, window },
      });
      expect(created.status).toBe(202);
      const job = await waitFor((await json<Job>(created)).id, ['completed', 'failed'], 60_000);
      expect(job.status).toBe('completed');
      expect(job.progress.length).toBeGreaterThan(0);
      const proposal = await json<{
        payload: {
          assignments: Array<{ employeeId: string; date: string; shiftTypeId: string }>;
          hardViolations: number;
        };
      }>(await planner.get(`/api/proposals/${job.proposalId}`));
      const outside = (a: { date: string }) => a.date < window.from || a.date > window.to;
      const key = (a: { employeeId: string; date: string; shiftTypeId: string }) =>
        `${a.employeeId}|${a.date}|${a.shiftTypeId}`;
      expect(proposal.payload.assignments.filter(outside).map(key).sort()).toEqual(
        before.assignments.filter(outside).map(key).sort(),
      );
      const inside = proposal.payload.assignments.filter((a) => !outside(a));
      expect(inside.length).toBeGreaterThan(0);
      // One shift a day per employee.
      expect(new Set(inside.map((a) => `${a.employeeId}|${a.date}`)).size).toBe(inside.length);
      expect(proposal.payload.hardViolations).toBeGreaterThanOrEqual(0);
    });

    it('re-plans the days of a sick call with minimal changes and says what the proposal leaves behind', async () => {
      // The ward's period with a roster; someone on a shift in its third week reports sick.
      const ward = h.data.rosterPeriods.find(
        (p) => p.teamId === 'team-ward-1' && h.data.assignments.some((a) => a.rosterPeriodId === p.id),
      )!;
      const before = await json<{
        assignments: Array<{ employeeId: string; date: string; shiftTypeId: string; pinned?: boolean }>;
      }>(await planner.get(`/api/roster-periods/${ward.id}`));
      const shift = before.assignments.find((a) => a.date >= addDays(ward.start, 14) && !a.pinned)!;
      const window = { from: shift.date, to: addDays(shift.date, 1) };
      const sick = await planner.send('POST', '/api/absences', {
        id: 'sick-replan',
        employeeId: shift.employeeId,
        kind: 'sick',
        start: `${window.from}T00:00`,
        end: `${addDays(window.to, 1)}T00:00`,
      });
      expect(sick.status).toBe(201);
      const created = await planner.send('POST', '/api/jobs', {
        kind: 'roster',
        timeLimitSeconds: 2,
        params: { rosterPeriodId: ward.id, window, replan: true },
      });
      expect(created.status).toBe(202);
      const job = await waitFor((await json<Job>(created)).id, ['completed', 'failed'], 60_000);
      expect(job.status).toBe('completed');
      const proposal = await json<{
        payload: {
          assignments: Array<{ employeeId: string; date: string; shiftTypeId: string }>;
          window: { from: string; to: string };
          replan: boolean;
          changes: { cells: Array<{ employeeId: string; date: string }> } | null;
          summary: {
            hard: {
              before: number;
              after: number;
              items: Array<{ constraint: string; employeeId?: string; dates: string[]; existing: boolean }>;
            };
          };
        };
      }>(await planner.get(`/api/proposals/${job.proposalId}`));
      const { payload } = proposal;
      expect(payload.window).toEqual(window);
      expect(payload.replan).toBe(true);
      // The sick employee works none of the sick days; nothing changes outside the window.
      const sickDays = (a: { employeeId: string; date: string }) =>
        a.employeeId === shift.employeeId && a.date >= window.from && a.date <= window.to;
      expect(payload.assignments.filter(sickDays)).toEqual([]);
      expect(payload.changes!.cells.length).toBeGreaterThan(0);
      for (const c of payload.changes!.cells) {
        expect(c.date >= window.from && c.date <= window.to).toBe(true);
      }
      // The summary: the sick shift was a hard problem of the roster and is not one of the proposal.
      expect(payload.summary.hard.before).toBeGreaterThan(0);
      expect(payload.summary.hard.after).toBe(payload.summary.hard.items.length);
      expect(
        payload.summary.hard.items.some(
          (x) => x.employeeId === shift.employeeId && x.dates.includes(shift.date),
        ),
      ).toBe(false);
    });

    it('plans a home-care day with the route solver; accepting makes it the route plan, a stale one conflicts', async () => {
      const team = h.data.teams.find((t) => t.kind === 'home-care')!;
      const date = h.data.visits[0].date;
      const clientsOfTeam = new Set(h.data.clients.filter((c) => c.teamId === team.id).map((c) => c.id));
      // Add a two-carer (hoist) visit to the day.
      const base = h.data.visits.find((v) => v.date === date && clientsOfTeam.has(v.clientId))!;
      const pair: CareVisit = {
        ...base,
        id: 'visit-pair',
        minLevel: 2,
        skills: [],
        preferredCarerIds: [],
        excludedCarerIds: [],
        carersRequired: 2,
        sync: { kind: 'simultaneous', minGapMinutes: 0, maxGapMinutes: 0 },
      };
      await h.handle.db
        .insert(tables.visits)
        .values({ organisationId: ORG_A, id: pair.id, clientId: pair.clientId, date, data: pair });
      const visits = [...h.data.visits.filter((v) => v.date === date && clientsOfTeam.has(v.clientId)), pair];
      // The team's evening carer drops out; the two morning carers can do the hoist visit (08:00–09:00)
      // together, and the evening visits are left unplanned with a reason.
      const teamIds = new Set(h.data.employees.filter((e) => e.teamIds.includes(team.id)).map((e) => e.id));
      const sick = h.data.carerShifts
        .filter((s) => s.date === date && teamIds.has(s.employeeId))
        .sort((x, y) => y.start.localeCompare(x.start))[0]!.employeeId;
      const start = () =>
        planner.send('POST', '/api/jobs', {
          kind: 'routes',
          timeLimitSeconds: 2,
          params: { teamId: team.id, date, excludedEmployeeIds: [sick] },
        });
      const first = await json<Job>(await start());
      const second = await json<Job>(await start());
      const [a, b] = [
        await waitFor(first.id, ['completed', 'failed'], 60_000),
        await waitFor(second.id, ['completed', 'failed'], 60_000),
      ];
      expect(a.status).toBe('completed');
      const proposal = await json<{
        payload: {
          routes: Array<{
            employeeId: string;
            start: number;
            end: number;
            shiftEnd: number;
            stops: Array<{
              visitId: string;
              arrival: number;
              start: number;
              end: number;
              travelMinutes: number;
              waitMinutes: number;
            }>;
          }>;
          unplannedVisitIds: string[];
          unplanned: Array<{ visitId: string; reason: { code: string } }>;
          costComponents: Record<string, number>;
          violations: string[];
          feasible: boolean;
        };
      }>(await planner.get(`/api/proposals/${a.proposalId}`));
      const planned = proposal.payload.routes.flatMap((r) => r.stops.map((s) => s.visitId));
      // Every visit of the day is planned (two-carer visits twice) or listed as unplanned.
      expect(new Set([...planned, ...proposal.payload.unplannedVisitIds])).toEqual(
        new Set(visits.map((v) => v.id)),
      );
      expect(proposal.payload.routes.some((r) => r.employeeId === sick)).toBe(false);
      for (const r of proposal.payload.routes) {
        for (let i = 1; i < r.stops.length; i++)
          expect(r.stops[i].start).toBeGreaterThanOrEqual(r.stops[i - 1].end);
        // Arrival, travel and waiting per stop; back by the shift end + 15 minutes.
        for (const s of r.stops) {
          expect(s.start).toBeCloseTo(s.arrival + s.waitMinutes, 6);
          expect(s.arrival - s.travelMinutes).toBeGreaterThanOrEqual(r.start - 1e-6);
        }
        expect(r.end).toBeLessThanOrEqual(r.shiftEnd + 15 + 1e-6);
      }
      expect(proposal.payload.unplanned.map((u) => u.visitId)).toEqual(proposal.payload.unplannedVisitIds);
      expect(proposal.payload.costComponents.travelMinutes).toBeGreaterThan(0);
      expect(proposal.payload.violations).toEqual([]);
      // Two-carer visits: two different carers, no service given twice.
      const pairs = visits.filter((v) => v.carersRequired === 2 && planned.includes(v.id));
      expect(pairs.length).toBeGreaterThan(0);
      for (const v of pairs) {
        const carers = proposal.payload.routes
          .filter((r) => r.stops.some((s) => s.visitId === v.id))
          .map((r) => r.employeeId);
        expect(new Set(carers).size).toBe(2);
      }

      const acceptedRes = await planner.send('POST', `/api/proposals/${a.proposalId}/accept`, {});
      expect(acceptedRes.status, await acceptedRes.clone().text()).toBe(200);
      const plan = await json<{ version: number; proposal: { id: string } }>(
        await planner.get(`/api/route-plans?teamId=${team.id}&date=${date}`),
      );
      expect(plan).toMatchObject({ version: 1, proposal: { id: a.proposalId } });
      expect((await planner.send('POST', `/api/proposals/${b.proposalId}/accept`, {})).status).toBe(409);
    });

    it('fails a job with bad input at once, without retrying it', async () => {
      const job = await createJob(h.handle.db, {
        organisationId: ORG_A,
        kind: 'test-roster',
        params: { rosterPeriodId: 'gone' },
        timeLimitSeconds: 5,
        createdBy: null,
      });
      await h.queue.enqueue({ jobId: job.id }, 60);
      const failed = await waitFor(job.id, ['failed'], 30_000);
      expect(failed.attempts).toBe(1);
      expect((failed as unknown as { error: string }).error).toMatch(/gone/);
    });

    it('cancels a queued job before any worker takes it', async () => {
      await h.workers!.stop();
      const job = await json<Job>(
        await planner.send('POST', '/api/jobs', {
          kind: 'test-roster',
          params: { rosterPeriodId: periodId },
        }),
      );
      const res = await planner.send('POST', `/api/jobs/${job.id}/cancel`);
      expect(await json<Job>(res)).toMatchObject({ status: 'cancelled' });
      const events = await readSse(await planner.get(`/api/jobs/${job.id}/events`));
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ event: 'snapshot', data: { status: 'cancelled' } });
      h.workers = undefined;
    });
  });
  if (!driver.available) it.skip(`${driver.name}: ${driver.skipReason}`, () => undefined);
}
