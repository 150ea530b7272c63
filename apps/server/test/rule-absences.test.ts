/**
 * Leave and sick hours count as worked time for the ATW maxima and averages (ATW 5:2): the rule
 * re-check on save and the roster check must see the employee's absences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@planmaat/db';
import { addDays } from '@planmaat/domain';
import { ORG_A, startHarness, type Client, type Harness } from './harness.ts';

interface Violation {
  ruleId: string;
  employeeId: string;
  date: string;
}

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`labour-rule checks with absences on ${driver.name}`, () => {
    let h: Harness;
    let planner: Client;
    beforeAll(async () => {
      h = await startHarness(driver, { worker: false });
      planner = await h.login(ORG_A, 'planner');
    });
    afterAll(async () => h?.close());

    it('counts leave hours towards the weekly maximum on save and in the roster check', async () => {
      const monday = '2028-01-03';
      const period = (await (
        await planner.send('POST', '/api/roster-periods', {
          id: 'rp-leave-hours',
          teamId: h.data.teams[0].id,
          start: monday,
        })
      ).json()) as { id: string; version: number; teamId: string };
      const member = h.data.employees.find((e) => e.teamIds.includes(period.teamId))!;
      const weekHours = (violations: Violation[]) =>
        violations.filter(
          (v) => v.ruleId === 'atw.week-hours' && v.employeeId === member.id && v.date < addDays(monday, 7),
        );
      const save = async (version: number, changes: unknown[]) => {
        const res = await planner.send('PUT', `/api/roster-periods/${period.id}/assignments`, {
          expectedVersion: version,
          changes,
        });
        expect(res.status).toBe(200);
        return (await res.json()) as { version: number; ruleCheck: { violations: Violation[] } };
      };

      // Monday to Friday early shifts: 5 × 8 h = 40 h of work, within the 60 h maximum.
      const week = [0, 1, 2, 3, 4].map((d) => ({
        employeeId: member.id,
        date: addDays(monday, d),
        shiftTypeId: 'st-V',
      }));
      const worked = await save(period.version, week);
      expect(weekHours(worked.ruleCheck.violations)).toEqual([]);

      // Leave on Saturday and Sunday counted as 24 h: 64 h in the week.
      const leave = await planner.send('POST', '/api/absences', {
        id: 'leave-weekend',
        employeeId: member.id,
        kind: 'leave',
        start: `${addDays(monday, 5)}T00:00`,
        end: `${addDays(monday, 7)}T00:00`,
        countedHours: 24,
      });
      expect(leave.status).toBe(201);
      const again = await save(worked.version, [week[0]]);
      expect(weekHours(again.ruleCheck.violations)).toHaveLength(1);

      const check = (await (await planner.send('POST', `/api/roster-periods/${period.id}/check`)).json()) as {
        violations: Violation[];
      };
      expect(weekHours(check.violations)).toHaveLength(1);

      // Without the leave the week is within the maximum again.
      expect((await planner.send('DELETE', '/api/absences/leave-weekend')).status).toBe(204);
      const after = await save(again.version, [week[0]]);
      expect(weekHours(after.ruleCheck.violations)).toEqual([]);
    });

    it('does not count an absence on a day the employee works twice', async () => {
      const monday = '2028-02-07';
      const period = (await (
        await planner.send('POST', '/api/roster-periods', {
          id: 'rp-leave-worked',
          teamId: h.data.teams[0].id,
          start: monday,
        })
      ).json()) as { id: string; version: number; teamId: string };
      const member = h.data.employees.find((e) => e.teamIds.includes(period.teamId))!;
      // Six early shifts (48 h) plus leave of 14 h on one of the worked days: the work counts,
      // the leave that day does not (62 h would break the 60 h maximum).
      expect(
        (
          await planner.send('POST', '/api/absences', {
            id: 'leave-on-workday',
            employeeId: member.id,
            kind: 'leave',
            start: `${addDays(monday, 2)}T00:00`,
            end: `${addDays(monday, 3)}T00:00`,
            countedHours: 14,
          })
        ).status,
      ).toBe(201);
      const res = await planner.send('PUT', `/api/roster-periods/${period.id}/assignments`, {
        expectedVersion: period.version,
        changes: [0, 1, 2, 3, 4, 5].map((d) => ({
          employeeId: member.id,
          date: addDays(monday, d),
          shiftTypeId: 'st-V',
        })),
      });
      const saved = (await res.json()) as { ruleCheck: { violations: Violation[] } };
      expect(saved.ruleCheck.violations.filter((v) => v.ruleId === 'atw.week-hours')).toEqual([]);
    });
  });
}
