import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approveLeaveRequest,
  changeAssignments,
  createLeaveRequest,
  createRosterPeriod,
  ensureCalendarToken,
  findCalendarFeed,
  getLeaveRequest,
  insertOrganisationData,
  listAbsences,
  listLeaveRequests,
  listPublishedShifts,
  NotFoundError,
  rejectLeaveRequest,
  renewCalendarToken,
  RuleViolationError,
  testDrivers,
  withdrawLeaveRequest,
  type DatabaseHandle,
} from '../src/index.ts';
import { smallOrganisation } from './fixtures.ts';

const actor = { userId: null, name: 'Test Planner' };
const page = { limit: 100, offset: 0 };

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`leave requests and calendar feeds on ${driver.name}`, () => {
    let handle: DatabaseHandle;
    let drop: () => Promise<void>;
    const data = smallOrganisation();
    const orgA = data.organisation.id;
    const published = data.rosterPeriods.find((p) => p.status === 'published')!;
    const member = data.employees.find((e) => e.teamIds.includes(published.teamId))!;
    const other = data.employees.find((e) => !e.teamIds.includes(published.teamId))!;

    beforeAll(async () => {
      ({ handle, drop } = await driver.open());
      await insertOrganisationData(handle.db, data);
      await insertOrganisationData(handle.db, smallOrganisation('org-b'));
    });
    afterAll(async () => drop?.());

    const request = (employeeId: string, start: string, end: string) =>
      createLeaveRequest(handle.db, orgA, { employeeId, start, end, requestedBy: null });

    it('stores a request per tenant and refuses overlaps, unknown employees and empty periods', async () => {
      const created = await request(member.id, '2027-05-03T00:00', '2027-05-05T00:00');
      expect(created).toMatchObject({ employeeId: member.id, status: 'requested', kind: 'leave' });
      expect(await getLeaveRequest(handle.db, orgA, created.id)).toEqual(created);
      await expect(getLeaveRequest(handle.db, 'org-b', created.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getLeaveRequest(handle.db, orgA, 'x')).rejects.toBeInstanceOf(NotFoundError);
      await expect(request(member.id, '2027-05-04T00:00', '2027-05-06T00:00')).rejects.toMatchObject({
        field: 'from',
      });
      await expect(request('nobody', '2027-05-04T00:00', '2027-05-06T00:00')).rejects.toMatchObject({
        field: 'employeeId',
      });
      await expect(request(member.id, '2027-05-06T00:00', '2027-05-06T00:00')).rejects.toBeInstanceOf(
        RuleViolationError,
      );
      // Adjacent is not overlapping.
      expect((await request(member.id, '2027-05-05T00:00', '2027-05-06T00:00')).status).toBe('requested');
    });

    it('filters by employee, team and status', async () => {
      const theirs = await request(other.id, '2027-05-03T00:00', '2027-05-04T00:00');
      const byTeam = await listLeaveRequests(handle.db, orgA, { teamIds: [published.teamId] }, page);
      expect(byTeam.items.every((r) => r.employeeId !== other.id)).toBe(true);
      expect(byTeam.total).toBe(2);
      const byEmployee = await listLeaveRequests(handle.db, orgA, { employeeIds: [other.id] }, page);
      expect(byEmployee.items.map((r) => r.id)).toEqual([theirs.id]);
      expect((await listLeaveRequests(handle.db, orgA, { teamIds: [] }, page)).total).toBe(0);
      expect((await listLeaveRequests(handle.db, 'org-b', {}, page)).total).toBe(0);
      const inMay4 = await listLeaveRequests(handle.db, orgA, { from: '2027-05-05', to: '2027-05-05' }, page);
      expect(inMay4.items.map((r) => [r.employeeId, r.start])).toEqual([[member.id, '2027-05-05T00:00']]);
    });

    it('approves once, creating the absence in the same transaction, even when two approve at once', async () => {
      const open = await request(member.id, '2027-06-14T00:00', '2027-06-16T12:00');
      const outcomes = await Promise.allSettled([
        approveLeaveRequest(handle.db, orgA, open.id, actor),
        approveLeaveRequest(handle.db, orgA, open.id, actor),
      ]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const failed = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(failed.reason).toMatchObject({ field: 'status' });
      const absences = await listAbsences(handle.db, orgA, {
        employeeIds: [member.id],
        from: '2027-06-01',
        to: '2027-06-30',
      });
      expect(absences).toEqual([
        {
          id: `leave-${open.id}`,
          employeeId: member.id,
          kind: 'leave',
          start: '2027-06-14T00:00',
          end: '2027-06-16T12:00',
        },
      ]);
      const decided = await getLeaveRequest(handle.db, orgA, open.id);
      expect(decided).toMatchObject({
        status: 'approved',
        absenceId: `leave-${open.id}`,
        decidedByName: 'Test Planner',
      });
      await expect(rejectLeaveRequest(handle.db, orgA, open.id, actor)).rejects.toMatchObject({
        field: 'status',
      });
      await expect(withdrawLeaveRequest(handle.db, orgA, open.id)).rejects.toMatchObject({ field: 'status' });
    });

    it('rejects with a reason and withdraws without creating an absence', async () => {
      const a = await request(member.id, '2027-07-05T00:00', '2027-07-06T00:00');
      const b = await request(member.id, '2027-07-12T00:00', '2027-07-13T00:00');
      expect(await rejectLeaveRequest(handle.db, orgA, a.id, actor, '  bezetting  ')).toMatchObject({
        status: 'rejected',
        decisionReason: 'bezetting',
      });
      expect((await withdrawLeaveRequest(handle.db, orgA, b.id)).status).toBe('withdrawn');
      await expect(approveLeaveRequest(handle.db, 'org-b', b.id, actor)).rejects.toBeInstanceOf(
        NotFoundError,
      );
      const absences = await listAbsences(handle.db, orgA, {
        employeeIds: [member.id],
        from: '2027-07-01',
        to: '2027-07-31',
      });
      expect(absences).toEqual([]);
    });

    it('keeps one calendar token per employee and shows it again; renewing ends the old one', async () => {
      const first = await ensureCalendarToken(handle.db, orgA, member.id, null);
      expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await ensureCalendarToken(handle.db, orgA, member.id, null)).toEqual(first);
      expect(await findCalendarFeed(handle.db, first.token)).toEqual({
        organisationId: orgA,
        employeeId: member.id,
      });
      // Same employee id in another tenant: a separate link.
      const theirs = await ensureCalendarToken(handle.db, 'org-b', member.id, null);
      expect(await findCalendarFeed(handle.db, theirs.token)).toEqual({
        organisationId: 'org-b',
        employeeId: member.id,
      });
      const renewed = await renewCalendarToken(handle.db, orgA, member.id, null);
      expect(await findCalendarFeed(handle.db, first.token)).toBeUndefined();
      expect(await findCalendarFeed(handle.db, renewed.token)).toEqual({
        organisationId: orgA,
        employeeId: member.id,
      });
      expect(await ensureCalendarToken(handle.db, orgA, member.id, null)).toEqual(renewed);
    });

    it('lists published shifts only, with team and location', async () => {
      const range = { from: published.start, to: '2099-12-31' };
      const before = await listPublishedShifts(handle.db, orgA, member.id, range);
      const own = data.assignments.filter(
        (a) => a.rosterPeriodId === published.id && a.employeeId === member.id,
      );
      expect(before.filter((s) => s.rosterPeriodId === published.id)).toHaveLength(own.length);
      const team = data.teams.find((t) => t.id === published.teamId)!;
      expect(before[0]).toMatchObject({
        teamName: team.name,
        locationName: data.locations.find((l) => l.id === team.locationId)!.name,
      });
      // A draft period's cells never show.
      await createRosterPeriod(
        handle.db,
        orgA,
        { id: 'rp-draft-feed', teamId: published.teamId, start: '2030-01-07', weeks: 1 },
        actor,
      );
      await changeAssignments(
        handle.db,
        orgA,
        { rosterPeriodId: 'rp-draft-feed', expectedVersion: 1, actor },
        [{ employeeId: member.id, date: '2030-01-08', shiftTypeId: data.shiftTypes[0].id }],
      );
      const after = await listPublishedShifts(handle.db, orgA, member.id, range);
      expect(after).toEqual(before);
      expect(
        await listPublishedShifts(handle.db, orgA, member.id, { from: '2030-01-01', to: '2030-01-31' }),
      ).toEqual([]);
    });
  });
  if (!driver.available) it.skip(`${driver.name}: ${driver.skipReason}`, () => undefined);
}
