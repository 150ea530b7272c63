import { describe, expect, it } from 'vitest';
import { dutchPublicHolidays, isoWeekday, organisationDataSchema, shiftInterval } from '@planmaat/domain';
import { generateDemoOrganisation } from '../src/index.ts';

describe('demo organisation', () => {
  const demo = generateDemoOrganisation({ seed: 1 });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(generateDemoOrganisation({ seed: 1 }))).toBe(JSON.stringify(demo));
    expect(generateDemoOrganisation({ seed: 2 }).employees.map((e) => e.name)).not.toEqual(
      demo.employees.map((e) => e.name),
    );
  });

  it('validates against the domain schema', () => {
    expect(organisationDataSchema.safeParse(demo).success).toBe(true);
  });

  it('has two wards and two home-care teams with about 120 staff and a realistic mix', () => {
    expect(demo.teams.filter((t) => t.kind === 'ward')).toHaveLength(2);
    expect(demo.teams.filter((t) => t.kind === 'home-care')).toHaveLength(2);
    expect(demo.employees).toHaveLength(120);
    const avgContract =
      demo.employees.reduce((s, e) => s + e.contractHoursPerWeek, 0) / demo.employees.length;
    expect(avgContract).toBeGreaterThan(20);
    expect(avgContract).toBeLessThan(30);
    const vig = demo.employees.filter((e) => e.level === 3).length;
    expect(vig / demo.employees.length).toBeGreaterThan(0.3);
    expect(demo.employees.some((e) => e.level >= 5)).toBe(true);
    // Coordinates in and around Zoetermeer.
    for (const c of demo.clients) {
      expect(c.point.lat).toBeGreaterThan(51.98);
      expect(c.point.lat).toBeLessThan(52.13);
      expect(c.point.lon).toBeGreaterThan(4.38);
      expect(c.point.lon).toBeLessThan(4.62);
    }
  });

  it('plans 350–450 home-care visits a day for about 150 clients', () => {
    expect(demo.clients.length).toBeGreaterThan(130);
    expect(demo.clients.length).toBeLessThan(170);
    const perDay = new Map<string, number>();
    for (const v of demo.visits) perDay.set(v.date, (perDay.get(v.date) ?? 0) + 1);
    expect(perDay.size).toBe(7);
    for (const n of perDay.values()) {
      expect(n).toBeGreaterThanOrEqual(350);
      expect(n).toBeLessThanOrEqual(450);
    }
    expect(demo.visits.some((v) => v.carersRequired === 2)).toBe(true);
    expect(demo.visits.some((v) => v.windows.length > 1)).toBe(true);
    expect(demo.visits.some((v) => v.optionalCost !== undefined)).toBe(true);
  });

  it('uses weekend demand on weekends and public holidays', () => {
    const ward = demo.teams.find((t) => t.kind === 'ward')!;
    const earlyAll = (date: string) =>
      demo.demand.find(
        (d) => d.teamId === ward.id && d.date === date && d.shiftTypeId === 'st-V' && d.minLevel === 1,
      )!;
    const dates = [...new Set(demo.demand.map((d) => d.date))];
    const monday = dates.find(
      (d) => isoWeekday(d) === 1 && !dutchPublicHolidays(2027).some((h) => h.date === d),
    )!;
    const sunday = dates.find((d) => isoWeekday(d) === 7)!;
    expect(earlyAll(monday).ideal).toBeGreaterThan(earlyAll(sunday).ideal);
    const newYear = demo.demand.filter((d) => d.date === '2027-01-01');
    expect(newYear.length).toBeGreaterThan(0);
    expect(earlyAll('2027-01-01').ideal).toBe(earlyAll(sunday).ideal);
  });

  it('has a published hand-made roster without double shifts or work during absence', () => {
    const shift = new Map(demo.shiftTypes.map((s) => [s.id, s]));
    const seen = new Set<string>();
    for (const a of demo.assignments) {
      const key = `${a.employeeId} ${a.date}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    const absencesOf = (id: string) => demo.absences.filter((x) => x.employeeId === id);
    let checked = 0;
    for (const a of demo.assignments) {
      const interval = shiftInterval(a.date, shift.get(a.shiftTypeId)!);
      for (const abs of absencesOf(a.employeeId)) {
        const s = Date.parse(`${abs.start}:00+01:00`) / 60000;
        const e = Date.parse(`${abs.end}:00+01:00`) / 60000;
        expect(s < interval.end - 60 && e > interval.start + 60).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    // Minors never on a night or late shift.
    const minors = demo.employees.filter((e) => Number(e.birthDate.slice(0, 4)) >= 2009);
    expect(minors.length).toBe(2);
    for (const a of demo.assignments.filter((x) => minors.some((m) => m.id === x.employeeId)))
      expect(['early', 'day']).toContain(shift.get(a.shiftTypeId)!.category);
  });

  it('gives carers route shifts from the home-care roster', () => {
    expect(demo.carerShifts.length).toBeGreaterThan(150);
    const homeCare = new Set(
      demo.employees.filter((e) => e.teamIds[0].startsWith('team-wijk')).map((e) => e.id),
    );
    for (const s of demo.carerShifts) expect(homeCare.has(s.employeeId)).toBe(true);
  });

  it('scales up for benchmarks', () => {
    const big = generateDemoOrganisation({ seed: 3, employees: 2000, visitsPerDay: 5000 });
    expect(big.employees).toHaveLength(2000);
    const firstDay = big.visits.filter((v) => v.date === big.visits[0].date).length;
    expect(firstDay).toBeGreaterThan(4500);
    expect(firstDay).toBeLessThan(5500);
    // Route shifts in proportion to the visits (200 a team against 190 in the default demo), and
    // on every team-day enough insulin-qualified carers in the evening for the injections
    // (17:00–18:30, about five per carer).
    const date = big.visits[0].date;
    const employee = new Map(big.employees.map((e) => [e.id, e]));
    const teamOf = new Map(big.clients.map((c) => [c.id, c.teamId]));
    const homeCare = big.teams.filter((t) => t.kind === 'home-care');
    expect(big.carerShifts.filter((s) => s.date === date).length).toBeGreaterThanOrEqual(
      21 * homeCare.length,
    );
    for (const team of homeCare) {
      const injections = big.visits.filter(
        (v) => v.date === date && teamOf.get(v.clientId) === team.id && v.id.endsWith('insulineAvond'),
      ).length;
      const qualified = big.carerShifts.filter((s) => {
        const e = employee.get(s.employeeId)!;
        return (
          s.date === date && e.teamIds[0] === team.id && s.start === '17:00' && e.skills.includes('insuline')
        );
      }).length;
      expect(qualified).toBeGreaterThanOrEqual(Math.ceil(injections / 5));
    }
  });
});
