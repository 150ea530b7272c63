import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  changeAssignments,
  completeJob,
  createEmployee,
  getEmployee,
  updateEmployee,
  ConflictError,
  createJob,
  getRosterPeriod,
  insertOrganisationData,
  listAssignments,
  listEmployees,
  listRosterChanges,
  listProposals,
  publishRosterPeriod,
  RuleViolationError,
  startJobAttempt,
  testDrivers,
  type DatabaseHandle,
} from '../src/index.ts';
import { smallOrganisation } from './fixtures.ts';

const actor = { userId: null, name: 'Test Planner' };

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`repositories on ${driver.name}`, () => {
    let handle: DatabaseHandle;
    let drop: () => Promise<void>;
    const data = smallOrganisation();
    const orgA = data.organisation.id;
    const draft = data.rosterPeriods.find((p) => p.status === 'draft')!;
    const member = data.employees.find((e) => e.teamIds.includes(draft.teamId))!;

    beforeAll(async () => {
      ({ handle, drop } = await driver.open());
      await insertOrganisationData(handle.db, data);
      await insertOrganisationData(handle.db, smallOrganisation('org-b'));
    });
    afterAll(async () => drop?.());

    it('seeds the organisation data and scopes reads to the tenant', async () => {
      const page = await listEmployees(handle.db, orgA, {}, { limit: 1000, offset: 0 });
      expect(page.total).toBe(data.employees.length);
      expect(page.items.every((e) => e.organisationId === orgA)).toBe(true);
      const inTeam = await listEmployees(handle.db, orgA, { teamId: draft.teamId }, { limit: 5, offset: 0 });
      expect(inTeam.items.length).toBeLessThanOrEqual(5);
      expect(inTeam.items.every((e) => e.teamIds.includes(draft.teamId))).toBe(true);
      const assignments = await listAssignments(handle.db, orgA, draft.id);
      expect(assignments.length).toBe(data.assignments.filter((a) => a.rosterPeriodId === draft.id).length);
    });

    it('stores employment start and end, and clears the end when someone stays after all', async () => {
      const { organisationId: _o, ...base } = member;
      const created = await createEmployee(handle.db, orgA, {
        ...base,
        id: 'e-leaver',
        employmentStart: '2024-03-01',
        employmentEnd: '2027-02-28',
      });
      expect(created).toMatchObject({ employmentStart: '2024-03-01', employmentEnd: '2027-02-28' });
      const stays = await updateEmployee(handle.db, orgA, 'e-leaver', created.version, {
        employmentEnd: null,
      });
      expect(stays.employmentStart).toBe('2024-03-01');
      expect(stays.employmentEnd).toBeUndefined();
      expect((await getEmployee(handle.db, orgA, 'e-leaver')).employmentEnd).toBeUndefined();
    });

    it('bumps the version per write and rejects a stale version with what changed', async () => {
      const period = await getRosterPeriod(handle.db, orgA, draft.id);
      const first = await changeAssignments(
        handle.db,
        orgA,
        { rosterPeriodId: draft.id, expectedVersion: period.version, actor },
        [{ employeeId: member.id, date: draft.start, shiftTypeId: data.shiftTypes[0].id }],
      );
      expect(first.version).toBe(period.version + 1);
      const stale = changeAssignments(
        handle.db,
        orgA,
        {
          rosterPeriodId: draft.id,
          expectedVersion: period.version,
          actor: { userId: null, name: 'Tweede' },
        },
        [{ employeeId: member.id, date: draft.start, shiftTypeId: null }],
      );
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      const error = (await stale.catch((e: unknown) => e)) as ConflictError;
      expect(error.currentVersion).toBe(first.version);
      expect(error.changes).toHaveLength(1);
      expect(error.changes[0]).toMatchObject({ actorName: 'Test Planner', action: 'assign' });
      // The same row for organisation B is untouched.
      const other = await listAssignments(handle.db, 'org-b', draft.id, { employeeId: member.id });
      expect(other.find((a) => a.date === draft.start)?.shiftTypeId).toBe(
        data.assignments.find(
          (a) => a.rosterPeriodId === draft.id && a.employeeId === member.id && a.date === draft.start,
        )?.shiftTypeId,
      );
    });

    it('serialises concurrent writers on one version: exactly one wins', async () => {
      const period = await getRosterPeriod(handle.db, orgA, draft.id);
      const attempts = await Promise.allSettled(
        [0, 1, 2].map((i) =>
          changeAssignments(
            handle.db,
            orgA,
            { rosterPeriodId: draft.id, expectedVersion: period.version, actor },
            [{ employeeId: member.id, date: draft.start, shiftTypeId: data.shiftTypes[i].id }],
          ),
        ),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      expect(
        attempts.filter((a) => a.status === 'rejected' && a.reason instanceof ConflictError),
      ).toHaveLength(2);
    });

    it('rejects cells outside the period or for employees outside the team, naming the field', async () => {
      const period = await getRosterPeriod(handle.db, orgA, draft.id);
      const outsider = data.employees.find((e) => !e.teamIds.includes(draft.teamId))!;
      const error = await changeAssignments(
        handle.db,
        orgA,
        { rosterPeriodId: draft.id, expectedVersion: period.version, actor },
        [{ employeeId: outsider.id, date: draft.start, shiftTypeId: data.shiftTypes[0].id }],
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RuleViolationError);
      expect((error as RuleViolationError).field).toBe('0.employeeId');
      expect((await getRosterPeriod(handle.db, orgA, draft.id)).version).toBe(period.version);
    });

    it('requires a reason to change a published roster and keeps an audit trail', async () => {
      let period = await getRosterPeriod(handle.db, orgA, draft.id);
      period = await publishRosterPeriod(handle.db, orgA, {
        rosterPeriodId: draft.id,
        expectedVersion: period.version,
        actor,
      });
      expect(period.status).toBe('published');
      const write = { rosterPeriodId: draft.id, expectedVersion: period.version, actor };
      const cell = [{ employeeId: member.id, date: draft.start, shiftTypeId: null }];
      await expect(changeAssignments(handle.db, orgA, write, cell)).rejects.toMatchObject({
        field: 'reason',
      });
      await changeAssignments(
        handle.db,
        orgA,
        { ...write, reason: 'ruil met collega, akkoord medewerker' },
        cell,
      );
      const audit = await listRosterChanges(handle.db, orgA, draft.id, { publishedOnly: true });
      expect(audit.map((c) => c.action)).toEqual(['publish', 'assign']);
      expect(audit[1]).toMatchObject({
        reason: 'ruil met collega, akkoord medewerker',
        actorName: 'Test Planner',
      });
      expect(audit[1].before).toEqual([
        expect.objectContaining({ employeeId: member.id, date: draft.start }),
      ]);
    });

    it('writes a job result once, however often a worker finishes it', async () => {
      const job = await createJob(handle.db, {
        organisationId: orgA,
        kind: 'roster',
        params: {},
        timeLimitSeconds: 1,
        createdBy: null,
      });
      expect(await startJobAttempt(handle.db, job.id, 'w1')).toBeDefined();
      const proposal = { kind: 'roster', targetId: draft.id, baseVersion: 1, payload: { x: 1 }, score: 5 };
      const outcomes = await Promise.all([
        completeJob(handle.db, job.id, { result: { score: 5 }, proposal }),
        completeJob(handle.db, job.id, { result: { score: 6 }, proposal: { ...proposal, score: 6 } }),
      ]);
      expect(outcomes.filter(Boolean)).toHaveLength(1);
      const proposals = await listProposals(handle.db, orgA, { targetId: draft.id });
      expect(proposals.filter((p) => p.jobId === job.id)).toHaveLength(1);
      expect(await startJobAttempt(handle.db, job.id, 'w2')).toBeUndefined();
    });
  });
  if (!driver.available) it.skip(`${driver.name}: ${driver.skipReason}`, () => undefined);
}
