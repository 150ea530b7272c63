/**
 * Problems a planner understands: validation messages in the client's language (Accept-Language),
 * naming the field in words, with the field path and zod issue code kept for clients; leave
 * requests and wishes in the past and duplicate wishes are refused naming the field, while a
 * planner may still register a past absence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@planmaat/db';
import { addDays, fromEpochMinutes } from '@planmaat/domain';
import { explicitLanguage, requestLanguage } from '../src/http/messages.ts';
import { ORG_A, startHarness, type Client, type Harness } from './harness.ts';

interface Problem {
  status: number;
  title: string;
  detail: string;
  errors: Array<{ field: string; message: string; code?: string }>;
}

const today = () => fromEpochMinutes(Math.floor(Date.now() / 60_000)).slice(0, 10);

describe('requestLanguage', () => {
  it('picks Dutch only when Dutch is preferred', () => {
    expect(requestLanguage('nl')).toBe('nl');
    expect(requestLanguage('nl-NL,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(requestLanguage('en-GB,nl;q=0.5')).toBe('en');
    expect(requestLanguage('en;q=0.3, nl;q=0.7')).toBe('nl');
    expect(requestLanguage('de-DE')).toBe('en');
    expect(requestLanguage(undefined)).toBe('en');
    expect(explicitLanguage('*')).toBeUndefined();
    expect(explicitLanguage('nl-BE')).toBe('nl');
    expect(explicitLanguage('en-US,en;q=0.9')).toBe('en');
  });
});

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`localised problems and date checks on ${driver.name}`, () => {
    let h: Harness;
    let planner: Client;
    let employee: Client;
    let self: string;
    beforeAll(async () => {
      h = await startHarness(driver, { worker: false });
      [planner, employee] = await Promise.all([h.login(ORG_A, 'planner'), h.login(ORG_A, 'employee')]);
      // The harness links the employee account to the first member of the ward.
      const ward = h.data.teams.find((t) => t.kind === 'ward')!;
      self = h.data.employees.find((e) => e.teamIds.includes(ward.id))!.id;
    });
    afterAll(async () => h?.close());

    const send = async (client: Client, method: string, path: string, body: unknown, lang?: string) => {
      const res = await client.request(method, path, body, lang ? { 'accept-language': lang } : {});
      return { status: res.status, problem: (await res.json()) as Problem };
    };

    it('answers a bad capacity value in Dutch, naming the field in words, with field and code', async () => {
      const body = { weeks: 4, assumptions: { absenceRate: -0.1 } };
      const nl = await send(planner, 'POST', '/api/capacity/plan', body, 'nl-NL,nl;q=0.9,en;q=0.5');
      expect(nl.status).toBe(400);
      const error = nl.problem.errors.find((e) => e.field === 'assumptions.absenceRate')!;
      expect(error.code).toBe('too_small');
      expect(error.message).toBe('Verzuim: moet 0 of meer zijn');
      expect(nl.problem.title).toBe('Ongeldige invoer');
      expect(nl.problem.detail).not.toMatch(/Too small|expected number/);

      const en = await send(planner, 'POST', '/api/capacity/plan', body, 'en');
      const english = en.problem.errors.find((e) => e.field === 'assumptions.absenceRate')!;
      expect(english).toEqual({
        field: 'assumptions.absenceRate',
        code: 'too_small',
        message: 'Sickness absence: must be 0 or more',
      });
      // Without a language: English messages (and the bilingual title, as before).
      const none = await send(planner, 'POST', '/api/capacity/plan', body);
      expect(none.problem.errors.find((e) => e.field === 'assumptions.absenceRate')!.message).toBe(
        english.message,
      );
    });

    it('gives refinement messages of the schemas in both languages', async () => {
      const absence = {
        id: 'abs-order',
        employeeId: self,
        kind: 'sick',
        start: '2028-01-05T00:00',
        end: '2028-01-04T00:00',
      };
      const nl = await send(planner, 'POST', '/api/absences', absence, 'nl');
      expect(nl.status).toBe(400);
      expect(nl.problem.errors).toEqual([
        { field: 'end', code: 'custom', message: 'Het einde ligt niet na het begin' },
      ]);
      const en = await send(planner, 'POST', '/api/absences', absence, 'en');
      expect(en.problem.errors[0]!.message).toBe('end must be after start');

      const leave = { from: addDays(today(), 10), to: addDays(today(), 8) };
      const leaveNl = await send(employee, 'POST', '/api/leave-requests', leave, 'nl');
      expect(leaveNl.problem.errors[0]).toEqual({
        field: 'to',
        code: 'custom',
        message: 'De laatste dag ligt vóór de eerste dag',
      });
      // A missing field is "required", named in words; an unknown one (a cause) is named too.
      const missing = await send(employee, 'POST', '/api/leave-requests', { from: leave.from }, 'nl');
      expect(missing.problem.errors[0]).toEqual({
        field: 'to',
        code: 'invalid_type',
        message: 'Laatste dag: vul dit veld in',
      });
      const cause = await send(
        employee,
        'POST',
        '/api/leave-requests',
        { ...leave, to: leave.from, cause: 'griep' },
        'nl',
      );
      expect(cause.problem.errors[0]!.code).toBe('unrecognized_keys');
      expect(cause.problem.errors[0]!.message).toMatch(/^Onbekend veld: cause/);
    });

    it('refuses a leave request that starts before today, naming `from`', async () => {
      const res = await send(
        employee,
        'POST',
        '/api/leave-requests',
        { from: addDays(today(), -1), to: addDays(today(), 1) },
        'nl',
      );
      expect(res.status).toBe(422);
      expect(res.problem.errors).toEqual([
        {
          field: 'from',
          code: 'past_date',
          message: `De eerste dag (${addDays(today(), -1)}) ligt vóór vandaag (${today()})`,
        },
      ]);
      expect(res.problem.detail).not.toMatch(/before today/);
      // Today itself is fine.
      const now = await send(employee, 'POST', '/api/leave-requests', { from: today(), to: today() });
      expect(now.status).toBe(201);
    });

    it('lets a planner register an absence for past days (sick call)', async () => {
      const res = await planner.send('POST', '/api/absences', {
        id: 'abs-past',
        employeeId: self,
        kind: 'sick',
        start: `${addDays(today(), -3)}T00:00`,
        end: `${addDays(today(), -1)}T00:00`,
      });
      expect(res.status).toBe(201);
    });

    it('refuses wishes in the past and duplicate wishes, naming `date`', async () => {
      const day = addDays(today(), 20);
      const wish = { id: 'w-i18n-1', employeeId: self, date: day, kind: 'day-off', priority: 2 };
      expect((await employee.send('POST', '/api/wishes', wish)).status).toBe(201);
      const again = await send(employee, 'POST', '/api/wishes', { ...wish, id: 'w-i18n-2' }, 'nl');
      expect(again.status).toBe(422);
      expect(again.problem.errors).toEqual([
        { field: 'date', code: 'duplicate', message: `Er is al zo'n wens voor ${day}` },
      ]);
      const againEn = await send(employee, 'POST', '/api/wishes', { ...wish, id: 'w-i18n-2' }, 'en');
      expect(againEn.problem.errors[0]!.message).toBe(`there is already such a wish for ${day}`);
      // A different wish on the same day is a different wish.
      const shiftTypeId = h.data.shiftTypes[0]!.id;
      expect(
        (
          await employee.send('POST', '/api/wishes', {
            ...wish,
            id: 'w-i18n-3',
            kind: 'unwanted-shift',
            shiftTypeId,
          })
        ).status,
      ).toBe(201);
      const past = await send(
        employee,
        'POST',
        '/api/wishes',
        { ...wish, id: 'w-i18n-4', date: addDays(today(), -1) },
        'en',
      );
      expect(past.status).toBe(422);
      expect(past.problem.errors[0]).toMatchObject({ field: 'date', code: 'past_date' });
      expect(past.problem.errors[0]!.message).toMatch(/is before today/);
    });
  });
}
