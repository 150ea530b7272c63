import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_START, generateDemoOrganisation } from '@planmaat/demo';
import { clockMinutes, type Absence } from '@planmaat/domain';
import { buildRoutesInput } from '../src/jobs/solvers/routes-model.ts';
import { solve } from '../src/jobs/solvers/routes-thread.ts';
import { toRoutePayload } from '../src/jobs/solvers/routes.ts';

const EPS = 1e-6;
const date = DEFAULT_DEMO_START;

function demoTeamDay() {
  const data = generateDemoOrganisation({ seed: 1, start: date });
  const team = data.teams.find((t) => t.kind === 'home-care')!;
  const employees = data.employees.filter((e) => e.teamIds.includes(team.id));
  const clients = data.clients.filter((c) => c.teamId === team.id);
  const clientIds = new Set(clients.map((c) => c.id));
  const visits = data.visits.filter((v) => v.date === date && clientIds.has(v.clientId));
  const ids = new Set(employees.map((e) => e.id));
  const shifts = data.carerShifts.filter((s) => s.date === date && ids.has(s.employeeId));
  return { team, employees, clients, visits, shifts };
}

describe('routes job', () => {
  it('on a day with 16 of 20 carers dropped: no route past its shift end, no visit outside its window, the rest unplanned with a reason, not feasible', async () => {
    const { team, employees, clients, visits, shifts } = demoTeamDay();
    expect(shifts.length).toBe(20);
    const keep = new Set(shifts.slice(0, 4).map((s) => s.employeeId));
    const input = buildRoutesInput({
      teamId: team.id,
      date,
      visits,
      clients,
      shifts,
      employees: employees.filter((e) => keep.has(e.id)),
    });
    const result = await solve(input, {
      signal: new AbortController().signal,
      timeLimitMs: 2000,
      onProgress: () => {},
    });
    const payload = toRoutePayload(input, result);
    const visitById = new Map(visits.map((v) => [v.id, v]));
    const shiftOf = new Map(shifts.map((s) => [s.employeeId, s]));

    expect(payload.routes.length).toBeGreaterThan(0);
    for (const route of payload.routes) {
      expect(keep.has(route.employeeId)).toBe(true);
      const shift = shiftOf.get(route.employeeId)!;
      expect(route.shiftEnd).toBe(clockMinutes(shift.end));
      // Back at most 15 minutes (maxOvertimeMinutes) after the shift end; never the next morning.
      expect(route.end).toBeLessThanOrEqual(route.shiftEnd + 15 + EPS);
      expect(route.start).toBeGreaterThanOrEqual(clockMinutes(shift.start) - EPS);
      let clock = route.start;
      for (const stop of route.stops) {
        const visit = visitById.get(stop.visitId)!;
        // Starts inside one of its windows (lateness is off by default).
        expect(
          visit.windows.some(
            (w) => stop.start >= clockMinutes(w.start) - EPS && stop.start <= clockMinutes(w.end) + EPS,
          ),
        ).toBe(true);
        // Arrival, travel and waiting per stop: leave after the previous visit (or the break).
        const left = stop.arrival - stop.travelMinutes;
        const afterBreak = route.break && route.break.start >= clock - EPS && route.break.end <= left + EPS;
        expect(left).toBeCloseTo(afterBreak ? route.break!.end : clock, 6);
        expect(stop.waitMinutes).toBeGreaterThanOrEqual(0);
        expect(stop.start).toBeCloseTo(stop.arrival + stop.waitMinutes, 6);
        expect(stop.end - stop.start).toBeCloseTo(visit.durationMinutes, 6);
        clock = stop.end;
      }
    }
    // Four carers cannot do 199 visits: most are left out and each says why.
    const planned = new Set(payload.routes.flatMap((r) => r.stops.map((s) => s.visitId)));
    expect(new Set([...planned, ...payload.unplannedVisitIds])).toEqual(new Set(visits.map((v) => v.id)));
    expect(planned.size).toBeLessThan(visits.length / 2);
    expect(payload.unplanned.map((u) => u.visitId)).toEqual(payload.unplannedVisitIds);
    for (const u of payload.unplanned) {
      expect(u.mandatory).toBe(visitById.get(u.visitId)!.optionalCost === undefined);
      expect(['no-room', 'no-shift-covers-window', 'no-qualified-carer', 'needs-two-carers']).toContain(
        u.reason.code,
      );
      expect(u.reason.nl.length).toBeGreaterThan(0);
    }
    expect(payload.mandatoryUnplanned).toBeGreaterThan(0);
    expect(payload.summary.lateMinutes).toBeCloseTo(0, 6);
    // The planned part keeps every hard rule, but the day is not feasible: mandatory care is missing.
    expect(payload.violations).toEqual([]);
    expect(payload.feasible).toBe(false);
  });

  it('leaves out carers the planner drops and carers absent during their shift', () => {
    const { team, employees, clients, visits, shifts } = demoTeamDay();
    const [sick, dropped] = shifts;
    const absences: Absence[] = [
      {
        id: 'a1',
        employeeId: sick.employeeId,
        start: `${date}T00:00`,
        end: `${date}T23:59`,
        kind: 'sick',
      },
    ];
    const input = buildRoutesInput({
      teamId: team.id,
      date,
      visits,
      clients,
      shifts,
      employees: employees.filter((e) => e.id !== dropped.employeeId),
      absences,
    });
    const ids = input.day.carers.map((c) => c.employee.id);
    expect(ids).not.toContain(sick.employeeId);
    expect(ids).not.toContain(dropped.employeeId);
    expect(ids.length).toBe(shifts.length - 2);
    expect(input.day.visits.length).toBe(visits.length);
  });
});
