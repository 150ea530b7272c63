/**
 * A sick call on the roster: the absence is registered, every shift rostered on its days becomes a
 * signal in the rule check and the save's re-check (tier `absence`: the shift needs cover), and a
 * recovery (`PATCH /api/absences/{id}`, an earlier end) ends it. Bad input names its field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@planmaat/db';
import { addDays } from '@planmaat/domain';
import { ORG_A, startHarness, type Client, type Harness } from './harness.ts';

interface Violation {
  ruleId: string;
  tier: string;
  employeeId: string;
  date: string;
  dates: string[];
  title: { nl: string; en: string };
  messages: { nl: string; en: string };
  period: { start: string; end: string };
  shifts: Array<{ date: string; start: string; end: string; shiftTypeId?: string }>;
  source?: unknown;
}
interface Problem {
  status: number;
  detail: string;
  errors: Array<{ field: string; message: string }>;
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

const SIGNAL = 'roster.shift-during-absence';

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`sick calls and recovery on ${driver.name}`, () => {
    let h: Harness;
    let planner: Client;
    let employee: Client;
    const monday = '2028-03-06';
    let period: { id: string; version: number; teamId: string };
    let member: string;
    beforeAll(async () => {
      h = await startHarness(driver, { worker: false });
      [planner, employee] = await Promise.all([h.login(ORG_A, 'planner'), h.login(ORG_A, 'employee')]);
      period = await json(
        await planner.send('POST', '/api/roster-periods', {
          id: 'rp-sick-call',
          teamId: h.data.teams.find((t) => t.kind === 'ward')!.id,
          start: monday,
        }),
      );
      member = h.data.employees.find((e) => e.teamIds.includes(period.teamId))!.id;
    });
    afterAll(async () => h?.close());

    const check = async () =>
      (
        await json<{ violations: Violation[] }>(
          await planner.send('POST', `/api/roster-periods/${period.id}/check`),
        )
      ).violations.filter((v) => v.ruleId === SIGNAL);

    it('flags every shift rostered on a day of a sick call, on save and in the roster check', async () => {
      // Tuesday to Thursday day shifts.
      const days = [1, 2, 3].map((d) => addDays(monday, d));
      const saved = await planner.send('PUT', `/api/roster-periods/${period.id}/assignments`, {
        expectedVersion: period.version,
        changes: days.map((date) => ({ employeeId: member, date, shiftTypeId: 'st-D' })),
      });
      expect(saved.status).toBe(200);
      period.version = (await json<{ version: number }>(saved)).version;
      expect(await check()).toEqual([]);

      // Sick from Wednesday up to and including Friday.
      const sick = await planner.send('POST', '/api/absences', {
        id: 'sick-1',
        employeeId: member,
        kind: 'sick',
        start: `${days[1]}T00:00`,
        end: `${addDays(monday, 5)}T00:00`,
      });
      expect(sick.status).toBe(201);
      const signals = await check();
      expect(signals.map((v) => v.dates)).toEqual([[days[1]], [days[2]]]);
      const first = signals[0]!;
      expect(first).toMatchObject({
        tier: 'absence',
        employeeId: member,
        title: { nl: 'Ingeroosterd terwijl ziek gemeld', en: 'Rostered while reported sick' },
        period: { start: `${days[1]}T00:00`, end: `${addDays(monday, 5)}T00:00` },
        shifts: [{ date: days[1], shiftTypeId: 'st-D' }],
      });
      expect(first.source).toBeUndefined();
      expect(first.messages.nl).toBe(
        'Dienst D op 08-03-2028 (08:30–17:00) valt in de ziekmelding van 08-03-2028 t/m 10-03-2028: zoek vervanging of haal de dienst weg.',
      );
      expect(first.messages.en).toContain('falls in the sick report from 08-03-2028 to 10-03-2028');

      // The save's re-check of this employee says the same.
      const again = await planner.send('PUT', `/api/roster-periods/${period.id}/assignments`, {
        expectedVersion: period.version,
        changes: [{ employeeId: member, date: days[0], shiftTypeId: 'st-D' }],
      });
      const body = await json<{ version: number; ruleCheck: { violations: Violation[] } }>(again);
      period.version = body.version;
      expect(body.ruleCheck.violations.filter((v) => v.ruleId === SIGNAL).map((v) => v.date)).toEqual([
        days[1],
        days[2],
      ]);
    });

    it('ends a sick period with a recovery: the later shift is no longer flagged', async () => {
      const res = await planner.send('PATCH', '/api/absences/sick-1', { end: `${addDays(monday, 3)}T00:00` });
      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({
        id: 'sick-1',
        employeeId: member,
        kind: 'sick',
        start: `${addDays(monday, 2)}T00:00`,
        end: `${addDays(monday, 3)}T00:00`,
      });
      expect((await check()).map((v) => v.date)).toEqual([addDays(monday, 2)]);
      const listed = await json<{ items: Array<{ id: string; end: string }> }>(
        await planner.get(`/api/absences?employeeId=${member}&from=${monday}&to=${addDays(monday, 6)}`),
      );
      expect(listed.items.find((a) => a.id === 'sick-1')!.end).toBe(`${addDays(monday, 3)}T00:00`);
      // A different kind, e.g. the day turns out to be leave.
      const leave = await planner.send('PATCH', '/api/absences/sick-1', { kind: 'leave' });
      expect((await json<{ kind: string }>(leave)).kind).toBe('leave');
      expect((await check())[0]!.title.nl).toBe('Ingeroosterd tijdens verlof');
    });

    it('refuses bad changes naming the field, and employees', async () => {
      const before = async (patch: unknown, status: number) => {
        const res = await planner.send('PATCH', '/api/absences/sick-1', patch);
        expect(res.status).toBe(status);
        return json<Problem>(res);
      };
      // An end at or before the stored start.
      const early = await before({ end: `${addDays(monday, 2)}T00:00` }, 422);
      expect(early.errors).toEqual([{ field: 'end', message: expect.stringContaining('niet na het begin') }]);
      // A start after the stored end.
      const late = await before({ start: `${addDays(monday, 4)}T00:00` }, 422);
      expect(late.errors[0]!.field).toBe('start');
      // Both given, in the wrong order.
      const swapped = await before(
        { start: `${addDays(monday, 4)}T00:00`, end: `${addDays(monday, 3)}T00:00` },
        400,
      );
      expect(swapped.errors[0]!.field).toBe('end');
      expect((await before({ end: '2028-02-30T00:00' }, 400)).errors[0]!.field).toBe('end');
      expect((await before({ kind: 'holiday' }, 400)).errors[0]!.field).toBe('kind');
      // Never a cause (AVG): unknown fields are refused.
      expect((await before({ diagnosis: 'griep' }, 400)).status).toBe(400);
      expect((await before({}, 400)).detail).toMatch(/Nothing to change/);
      const missing = await planner.send('PATCH', '/api/absences/nope', { kind: 'sick' });
      expect(missing.status).toBe(404);
      expect((await employee.send('PATCH', '/api/absences/sick-1', { kind: 'sick' })).status).toBe(403);
      // A second absence with the same id is refused naming the id.
      const duplicate = await planner.send('POST', '/api/absences', {
        id: 'sick-1',
        employeeId: member,
        kind: 'sick',
        start: `${monday}T00:00`,
        end: `${addDays(monday, 1)}T00:00`,
      });
      expect(duplicate.status).toBe(422);
      expect((await json<Problem>(duplicate)).errors[0]!.field).toBe('id');
    });
  });
  if (!driver.available) it.skip(`${driver.name}: ${driver.skipReason}`, () => undefined);
}
