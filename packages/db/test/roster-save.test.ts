/** The one-statement roster save and read: all-or-nothing, pins, repeated cells, rule context. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addDays } from '@planmaat/domain';
import {
  changeAssignments,
  createAbsence,
  getRosterPeriod,
  insertOrganisationData,
  listAssignments,
  listRosterChanges,
  readRoster,
  RuleViolationError,
  testDrivers,
  type DatabaseHandle,
} from '../src/index.ts';
import { smallOrganisation } from './fixtures.ts';

const actor = { userId: null, name: 'Test Planner' };

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`roster save and read on ${driver.name}`, () => {
    let handle: DatabaseHandle;
    let drop: () => Promise<void>;
    const data = smallOrganisation();
    const org = data.organisation.id;
    const draft = data.rosterPeriods.find((p) => p.status === 'draft')!;
    const members = data.employees.filter((e) => e.teamIds.includes(draft.teamId));
    const [early, late] = data.shiftTypes;

    beforeAll(async () => {
      ({ handle, drop } = await driver.open());
      await insertOrganisationData(handle.db, data);
      await insertOrganisationData(handle.db, smallOrganisation('org-b'));
    });
    afterAll(async () => drop?.());

    const cellOf = async (employeeId: string, date: string) =>
      (await listAssignments(handle.db, org, draft.id, { employeeId })).find((a) => a.date === date);

    it('writes nothing when one cell of a save is bad, and names that cell', async () => {
      const period = await getRosterPeriod(handle.db, org, draft.id);
      const before = await listAssignments(handle.db, org, draft.id);
      const error = await changeAssignments(
        handle.db,
        org,
        { rosterPeriodId: draft.id, expectedVersion: period.version, actor },
        [
          { employeeId: members[0].id, date: draft.start, shiftTypeId: late.id },
          { employeeId: members[1].id, date: addDays(draft.start, 1), shiftTypeId: null },
          { employeeId: members[2].id, date: addDays(draft.start, 2), shiftTypeId: 'no-such-shift' },
        ],
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RuleViolationError);
      expect((error as RuleViolationError).field).toBe('2.shiftTypeId');
      expect((await getRosterPeriod(handle.db, org, draft.id)).version).toBe(period.version);
      expect(await listAssignments(handle.db, org, draft.id)).toEqual(before);
      expect(await listRosterChanges(handle.db, org, draft.id, { sinceVersion: period.version })).toEqual([]);
    });

    it('keeps a pin unless the change sets it, and applies the last change of a repeated cell', async () => {
      const employeeId = members[3].id;
      const date = addDays(draft.start, 3);
      let version = (await getRosterPeriod(handle.db, org, draft.id)).version;
      const write = () => ({ rosterPeriodId: draft.id, expectedVersion: version, actor });
      ({ version } = await changeAssignments(handle.db, org, write(), [
        { employeeId, date, shiftTypeId: early.id, pinned: true },
      ]));
      const saved = await changeAssignments(handle.db, org, write(), [
        { employeeId, date, shiftTypeId: null },
        { employeeId, date, shiftTypeId: late.id },
      ]);
      version = saved.version;
      expect(saved.assignments).toEqual([
        { rosterPeriodId: draft.id, employeeId, date, shiftTypeId: late.id, pinned: true },
      ]);
      expect(await cellOf(employeeId, date)).toMatchObject({ shiftTypeId: late.id, pinned: true });
      const [record] = await listRosterChanges(handle.db, org, draft.id, { sinceVersion: version - 1 });
      expect(record.before).toEqual([
        { rosterPeriodId: draft.id, employeeId, date, shiftTypeId: early.id, pinned: true },
      ]);
      expect(record.after).toEqual(saved.assignments);
      await changeAssignments(handle.db, org, write(), [{ employeeId, date, shiftTypeId: null }]);
      expect(await cellOf(employeeId, date)).toBeUndefined();
    });

    it('returns the rule context after the change: cells around the period and absences', async () => {
      const employeeId = members[4].id;
      const date = addDays(draft.start, 5);
      await createAbsence(handle.db, org, {
        id: 'ctx-leave',
        employeeId,
        kind: 'leave',
        start: `${addDays(draft.start, -3)}T00:00`,
        end: `${addDays(draft.start, -1)}T00:00`,
      });
      const period = await getRosterPeriod(handle.db, org, draft.id);
      const result = await changeAssignments(
        handle.db,
        org,
        { rosterPeriodId: draft.id, expectedVersion: period.version, actor },
        [{ employeeId, date, shiftTypeId: early.id }],
        'assign',
        { ruleContextDays: 28 },
      );
      const context = result.ruleContext!;
      expect(context.organisation.id).toBe(org);
      expect(context.employees.map((e) => e.id)).toEqual([employeeId]);
      expect(context.shiftTypes).toHaveLength(data.shiftTypes.length);
      expect(context.absences.map((a) => a.id)).toEqual(['ctx-leave']);
      expect(context.assignments.filter((a) => a.employeeId !== employeeId)).toEqual([]);
      expect(
        context.assignments.find((a) => a.date === date && a.rosterPeriodId === draft.id)?.shiftTypeId,
      ).toBe(early.id);
      const keys = context.assignments.map((a) => `${a.employeeId}|${a.date}`);
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('reads a period with its cells as the JSON the API sends, scoped to the organisation', async () => {
      const read = await readRoster(handle.db, org, draft.id);
      expect(read?.period).toEqual(await getRosterPeriod(handle.db, org, draft.id));
      expect(JSON.parse(read!.assignmentsJson!)).toEqual(await listAssignments(handle.db, org, draft.id));
      const own = await readRoster(handle.db, org, draft.id, {
        employeeId: members[0].id,
        selfEmployeeId: members[0].id,
      });
      expect(JSON.parse(own!.assignmentsJson!)).toEqual(
        await listAssignments(handle.db, org, draft.id, { employeeId: members[0].id }),
      );
      expect(own!.selfTeamIds).toEqual(members[0].teamIds);
      expect(await readRoster(handle.db, 'org-unknown', draft.id)).toBeUndefined();
    });

    it('skips the cells while the period is unchanged since a known token, and not after a save', async () => {
      const first = (await readRoster(handle.db, org, draft.id))!;
      const unchanged = (await readRoster(handle.db, org, draft.id, { knownToken: first.token }))!;
      expect(unchanged.token).toBe(first.token);
      expect(unchanged.assignmentsJson).toBeNull();
      await changeAssignments(
        handle.db,
        org,
        { rosterPeriodId: draft.id, expectedVersion: first.period.version, actor },
        [{ employeeId: members[5].id, date: addDays(draft.start, 6), shiftTypeId: late.id }],
      );
      const changed = (await readRoster(handle.db, org, draft.id, { knownToken: first.token }))!;
      expect(changed.token).not.toBe(first.token);
      expect(JSON.parse(changed.assignmentsJson!)).toEqual(await listAssignments(handle.db, org, draft.id));
      // Another organisation's period under the same id never matches this token.
      const other = (await readRoster(handle.db, 'org-b', draft.id, { knownToken: changed.token }))!;
      expect(other.assignmentsJson).not.toBeNull();
    });

    it('saves and reads inside a transaction, on PostgreSQL as named prepared statements', async () => {
      const period = await getRosterPeriod(handle.db, org, draft.id);
      const date = addDays(draft.start, 9);
      const prepared = await handle.db.transaction(async (tx) => {
        // Twice on the same connection: the second run reuses the statement the first prepared.
        let version = period.version;
        for (const shiftTypeId of [early.id, late.id]) {
          const saved = await changeAssignments(
            tx,
            org,
            { rosterPeriodId: draft.id, expectedVersion: version, actor },
            [{ employeeId: members[6].id, date, shiftTypeId }],
          );
          version = saved.version;
        }
        const read = (await readRoster(tx, org, draft.id))!;
        expect(read.period.version).toBe(period.version + 2);
        expect(JSON.parse(read.assignmentsJson!)).toContainEqual(
          expect.objectContaining({ employeeId: members[6].id, date, shiftTypeId: late.id }),
        );
        const { rows } = (await tx.execute(
          sql`SELECT name FROM pg_prepared_statements WHERE name LIKE 'planmaat_%' ORDER BY name`,
        )) as unknown as { rows: Array<{ name: string }> };
        return rows.map((r) => r.name);
      });
      // PGlite's query API has no named statements: there the text is sent each time.
      if (driver.name === 'pg')
        expect(prepared).toEqual(
          expect.arrayContaining(['planmaat_read_roster', 'planmaat_save_roster_cells']),
        );
      else expect(prepared).toEqual([]);
      expect((await cellOf(members[6].id, date))?.shiftTypeId).toBe(late.id);
    });
  });
}
