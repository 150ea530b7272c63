/**
 * Planner-side API details on both drivers: rule-check violations carry what the engine measured
 * (rule, tier, source, value vs limit, period, shifts, both languages); a roster proposal can be
 * accepted per person with the whole accept's version check, reason rule and audit entry; the
 * days with home-care visits; capacity plans return the scenario definitions they compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@planmaat/db';
import { compileRuleSet } from '@planmaat/rules';
import { ORG_A, startHarness, type Client, type Harness } from './harness.ts';

async function body<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

interface Cell {
  employeeId: string;
  date: string;
  shiftTypeId: string;
}
interface Roster {
  period: { id: string; version: number; status: string; teamId: string; start: string };
  assignments: Cell[];
}
interface Violation {
  ruleId: string;
  severity: string;
  employeeId: string;
  date: string;
  message: string;
  tier: string;
  title: { nl: string; en: string };
  messages: { nl: string; en: string };
  source: { document: string; article: string; edition?: string; cite: string };
  value: number;
  limit: number;
  unit: string;
  period: { start: string; end: string };
  endDate: string;
  dates: string[];
  shifts: Array<{ date: string; start: string; end: string; breakMinutes: number; shiftTypeId?: string }>;
}
interface Proposal {
  id: string;
  status: string;
  baseVersion: number;
  payload: { rosterPeriodId: string; assignments: Cell[]; acceptedEmployeeIds?: string[] };
}

const cellsOf = (cells: Cell[], employeeId: string) =>
  cells
    .filter((c) => c.employeeId === employeeId)
    .map((c) => `${c.date}:${c.shiftTypeId}`)
    .sort();

for (const driver of testDrivers) {
  describe.skipIf(!driver.available)(`planner API details on ${driver.name}`, () => {
    let h: Harness;
    let planner: Client;

    beforeAll(async () => {
      h = await startHarness(driver);
      planner = await h.login(ORG_A, 'planner');
    });
    afterAll(async () => h?.close());

    const roster = async (id: string) => body<Roster>(await planner.get(`/api/roster-periods/${id}`));

    async function newPeriod(id: string, start: string) {
      const res = await planner.send('POST', '/api/roster-periods', {
        id,
        teamId: h.data.teams.find((t) => t.kind === 'ward')!.id,
        start,
        weeks: 2,
      });
      expect(res.status).toBe(201);
      return body<Roster['period']>(res);
    }

    /** A proposal of the test solver for a period (fills the demand greedily). */
    async function proposalFor(periodId: string): Promise<Proposal> {
      const job = await body<{ id: string }>(
        await planner.send('POST', '/api/jobs', {
          kind: 'test-roster',
          timeLimitSeconds: 20,
          params: { rosterPeriodId: periodId, stepMs: 0 },
        }),
      );
      const until = Date.now() + 20_000;
      for (;;) {
        const state = await body<{ status: string; proposalId: string | null }>(
          await planner.get(`/api/jobs/${job.id}`),
        );
        if (state.status === 'completed' && state.proposalId)
          return body<Proposal>(await planner.get(`/api/proposals/${state.proposalId}`));
        if (Date.now() > until || state.status === 'failed')
          throw new Error(`job ${job.id}: ${state.status}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }

    /** People whose cells differ between the roster and the proposal. */
    function peopleChanged(current: Cell[], proposal: Proposal): string[] {
      const ids = new Set([...current, ...proposal.payload.assignments].map((c) => c.employeeId));
      return [...ids]
        .filter((e) => cellsOf(current, e).join() !== cellsOf(proposal.payload.assignments, e).join())
        .sort();
    }

    it('reports each violation with rule, tier, source, measured vs limit, period, shifts and both languages', async () => {
      const period = await newPeriod('rp-details', '2027-05-03');
      const member = h.data.employees.find((e) => e.teamIds.includes(period.teamId))!;
      // A late shift, then an early shift the next morning: too little daily rest.
      const res = await planner.send('PUT', `/api/roster-periods/${period.id}/assignments`, {
        expectedVersion: period.version,
        changes: [
          { employeeId: member.id, date: '2027-05-04', shiftTypeId: 'st-L' },
          { employeeId: member.id, date: '2027-05-05', shiftTypeId: 'st-V' },
        ],
      });
      expect(res.status).toBe(200);
      const { ruleCheck } = await body<{ ruleCheck: { violations: Violation[] } }>(res);
      // The demo's profiles include the ATB care chapter, whose daily rest takes the ATW's place.
      const rest = ruleCheck.violations.find((v) => v.ruleId.endsWith('.daily-rest'));
      expect(rest, JSON.stringify(ruleCheck.violations.map((v) => v.ruleId))).toBeDefined();
      const late = h.data.shiftTypes.find((s) => s.id === 'st-L')!;
      const early = h.data.shiftTypes.find((s) => s.id === 'st-V')!;
      const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
      const restMinutes = 24 * 60 - minutes(late.end) + minutes(early.start);
      expect(rest).toMatchObject({
        employeeId: member.id,
        tier: 'legal',
        severity: 'legal',
        unit: 'min',
        value: restMinutes,
        date: '2027-05-04',
        dates: ['2027-05-04', '2027-05-05'],
        period: { start: `2027-05-04T${late.end}`, end: `2027-05-05T${early.start}` },
      });
      expect(rest!.limit).toBeGreaterThan(rest!.value);
      expect(rest!.shifts.map((s) => [s.date, s.shiftTypeId, s.start])).toEqual([
        ['2027-05-04', 'st-L', `2027-05-04T${late.start}`],
        ['2027-05-05', 'st-V', `2027-05-05T${early.start}`],
      ]);
      expect(rest!.messages.nl).toBe(rest!.message);
      expect(rest!.messages.en).not.toBe(rest!.messages.nl);
      expect(rest!.messages.nl).toContain(rest!.source.cite);
      // Every source is the catalogue's own (law or CAO article, and the CAO edition when it has one).
      const catalogue = compileRuleSet({ select: h.data.organisation.ruleProfiles });
      for (const v of ruleCheck.violations) {
        const rule = catalogue.byId.get(v.ruleId)!;
        expect(v.source).toEqual({
          document: rule.definition.source.document,
          article: rule.definition.source.article,
          ...(rule.definition.source.edition ? { edition: rule.definition.source.edition } : {}),
          cite: rule.cite,
        });
        expect(v.title).toEqual(rule.definition.title);
        expect(v.tier).toBe(rule.tier);
        expect(Number.isFinite(v.value) && Number.isFinite(v.limit)).toBe(true);
      }
      // The on-demand check answers the same details.
      const check = await body<{ violations: Violation[] }>(
        await planner.send('POST', `/api/roster-periods/${period.id}/check`),
      );
      expect(check.violations.find((v) => v.ruleId === rest!.ruleId && v.employeeId === member.id)).toEqual(
        rest,
      );
    });

    it('accepts a proposal for some people only: the rest stays open, versioned and audited', async () => {
      // The demo's draft period: the test solver fills its demand.
      const period = (await roster('rp-team-ward-1-2027-01-04')).period;
      const proposal = await proposalFor(period.id);
      expect(proposal.baseVersion).toBe(period.version);
      const before = await roster(period.id);
      const changed = peopleChanged(before.assignments, proposal);
      expect(changed.length).toBeGreaterThan(2);
      const [chosen, other] = changed;

      const res = await planner.send('POST', `/api/proposals/${proposal.id}/accept`, {
        employeeIds: [chosen],
      });
      expect(res.status, await res.clone().text()).toBe(200);
      const accepted = await body<{
        proposal: Proposal;
        version: number;
        acceptedEmployeeIds: string[];
        remainingEmployeeIds: string[];
      }>(res);
      expect(accepted.version).toBe(period.version + 1);
      expect(accepted.acceptedEmployeeIds).toEqual([chosen]);
      expect(accepted.remainingEmployeeIds).toEqual(changed.slice(1));
      expect(accepted.proposal).toMatchObject({
        status: 'open',
        baseVersion: accepted.version,
        payload: { acceptedEmployeeIds: [chosen] },
      });
      const after = await roster(period.id);
      expect(cellsOf(after.assignments, chosen)).toEqual(cellsOf(proposal.payload.assignments, chosen));
      for (const e of new Set(before.assignments.map((a) => a.employeeId)))
        if (e !== chosen) expect(cellsOf(after.assignments, e)).toEqual(cellsOf(before.assignments, e));
      expect(cellsOf(after.assignments, other)).not.toEqual(cellsOf(proposal.payload.assignments, other));
      const log = await body<{ items: Array<{ action: string; version: number; after: Cell[] }> }>(
        await planner.get(`/api/roster-periods/${period.id}/changes`),
      );
      const entry = log.items.at(-1)!;
      expect(entry).toMatchObject({ action: 'accept-proposal-partial', version: accepted.version });
      expect(new Set(entry.after.map((c) => c.employeeId))).toEqual(new Set([chosen]));

      // Nothing left for that person; an unknown person is named in the error.
      const again = await planner.send('POST', `/api/proposals/${proposal.id}/accept`, {
        employeeIds: [other, chosen],
      });
      expect(again.status).toBe(422);
      expect((await body<{ errors: Array<{ field: string }> }>(again)).errors[0].field).toBe('employeeIds.1');
      const empty = await planner.send('POST', `/api/proposals/${proposal.id}/accept`, { employeeIds: [] });
      expect(empty.status).toBe(400);

      // Someone else changes the roster: the rest of the proposal conflicts, with what changed.
      const edit = await planner.send('PUT', `/api/roster-periods/${period.id}/assignments`, {
        expectedVersion: accepted.version,
        changes: [{ employeeId: other, date: period.start, shiftTypeId: 'st-D' }],
      });
      expect(edit.status).toBe(200);
      const conflict = await planner.send('POST', `/api/proposals/${proposal.id}/accept`, {
        employeeIds: [other],
      });
      expect(conflict.status).toBe(409);
      const problem = await body<{ currentVersion: number; changes: Array<{ action: string }> }>(conflict);
      expect(problem.currentVersion).toBe(accepted.version + 1);
      expect(problem.changes.map((c) => c.action)).toEqual(['assign']);
      expect(cellsOf((await roster(period.id)).assignments, other)).toEqual([`${period.start}:st-D`]);
    });

    it('asks a reason on a published roster, and closes the proposal when nobody is left', async () => {
      const draft = (await roster('rp-team-ward-1-2026-12-07')).period;
      expect(draft.status).toBe('published');
      const proposal = await proposalFor(draft.id);
      const changed = peopleChanged((await roster(draft.id)).assignments, proposal);
      const [first, ...rest] = changed;
      const noReason = await planner.send('POST', `/api/proposals/${proposal.id}/accept`, {
        employeeIds: [first],
      });
      expect(noReason.status).toBe(422);
      expect((await body<{ errors: Array<{ field: string }> }>(noReason)).errors[0].field).toBe('reason');
      const one = await body<{ remainingEmployeeIds: string[]; proposal: Proposal }>(
        await planner.send('POST', `/api/proposals/${proposal.id}/accept`, {
          employeeIds: [first],
          reason: 'Afgestemd met de medewerker',
        }),
      );
      expect(one.remainingEmployeeIds).toEqual(rest);
      const all = await planner.send('POST', `/api/proposals/${proposal.id}/accept`, {
        employeeIds: rest,
        reason: 'Afgestemd met het team',
      });
      expect(all.status).toBe(200);
      const closed = await body<{ remainingEmployeeIds: string[]; proposal: Proposal }>(all);
      expect(closed.remainingEmployeeIds).toEqual([]);
      expect(closed.proposal.status).toBe('accepted');
      expect(closed.proposal.payload.acceptedEmployeeIds).toEqual(changed);
      const after = await roster(draft.id);
      expect(peopleChanged(after.assignments, proposal)).toEqual([]);
      const audit = await body<{ items: Array<{ action: string; reason: string; published: boolean }> }>(
        await planner.get(`/api/roster-periods/${draft.id}/changes?publishedOnly=true`),
      );
      expect(audit.items.filter((c) => c.action === 'accept-proposal-partial')).toEqual([
        expect.objectContaining({ reason: 'Afgestemd met de medewerker', published: true }),
        expect.objectContaining({ reason: 'Afgestemd met het team', published: true }),
      ]);
      const more = await planner.send('POST', `/api/proposals/${proposal.id}/accept`, {
        employeeIds: [first],
      });
      expect(more.status).toBe(422);
    });

    it('lists the days with home-care visits of a team, with their count', async () => {
      const team = h.data.teams.find((t) => t.kind === 'home-care')!;
      const days = await body<{ items: Array<{ date: string; visits: number }> }>(
        await planner.get(`/api/visit-days?teamId=${team.id}`),
      );
      expect(days.items.length).toBeGreaterThan(0);
      expect(days.items.map((d) => d.date)).toEqual([...days.items.map((d) => d.date)].sort());
      for (const day of days.items.slice(0, 3)) {
        const visits = await body<{ items: unknown[] }>(
          await planner.get(`/api/visits?date=${day.date}&teamId=${team.id}`),
        );
        expect(visits.items.length).toBe(day.visits);
      }
      const first = days.items[0].date;
      const ranged = await body<{ items: Array<{ date: string }> }>(
        await planner.get(`/api/visit-days?teamId=${team.id}&from=${first}&to=${first}`),
      );
      expect(ranged.items.map((d) => d.date)).toEqual([first]);
      const ward = h.data.teams.find((t) => t.kind === 'ward')!;
      expect(
        (await body<{ items: unknown[] }>(await planner.get(`/api/visit-days?teamId=${ward.id}`))).items,
      ).toEqual([]);
      const employee = await h.login(ORG_A, 'employee');
      expect((await employee.get('/api/visit-days')).status).toBe(403);
    });

    it('returns the compared scenario definitions, recomputes with edited ones and names a bad field', async () => {
      const standard = await body<{
        scenarios: Array<{ id: string; name: string }>;
        comparison: { base: { summary: { shortageHours: number } }; scenarios: Array<{ id: string }> };
      }>(await planner.send('POST', '/api/capacity/plan', { weeks: 13 }));
      expect(standard.scenarios.map((s) => s.id)).toEqual(standard.comparison.scenarios.map((s) => s.id));
      const edited = await body<typeof standard>(
        await planner.send('POST', '/api/capacity/plan', {
          weeks: 13,
          assumptions: { absenceRate: 0.2 },
          scenarios: [{ id: 'mine', name: 'Eigen scenario', turnoverPp: -5 }],
        }),
      );
      expect(edited.scenarios).toEqual([expect.objectContaining({ id: 'mine', name: 'Eigen scenario' })]);
      expect(edited.comparison.base.summary.shortageHours).toBeGreaterThan(
        standard.comparison.base.summary.shortageHours,
      );
      const bad = await planner.send('POST', '/api/capacity/plan', { assumptions: { absenceRate: 1.5 } });
      expect(bad.status).toBe(400);
      expect((await body<{ errors: Array<{ field: string }> }>(bad)).errors[0].field).toBe(
        'assumptions.absenceRate',
      );
    });
  });
}
