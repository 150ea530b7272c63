import { describe, expect, it } from 'vitest';
import type { Employee, ShiftType } from '@planmaat/domain';
import {
  ALL,
  buildCube,
  contractBand,
  insightDataSchema,
  insightReport,
  levelBand,
  periodsBetween,
  RANGE_ID,
  SMALL_GROUP_MAX,
  teamReport,
  type InsightCube,
  type InsightData,
  type InsightDataInput,
} from '../src/index.ts';

const shiftTypes: ShiftType[] = [
  {
    id: 'D',
    organisationId: 'o',
    code: 'D',
    name: 'Dag',
    start: '08:30',
    end: '17:00',
    breakMinutes: 30,
    category: 'day',
    color: '#000000',
  },
  {
    id: 'N',
    organisationId: 'o',
    code: 'N',
    name: 'Nacht',
    start: '23:00',
    end: '07:15',
    breakMinutes: 30,
    category: 'night',
    color: '#000000',
  },
];
const teams = [
  { id: 'A', organisationId: 'o', locationId: 'l', name: 'Team A', kind: 'ward' as const },
  { id: 'B', organisationId: 'o', locationId: 'l', name: 'Team B', kind: 'ward' as const },
];

function person(id: string, team: string, extra: Partial<Employee> = {}): Employee {
  return {
    id,
    organisationId: 'o',
    name: `Naam ${id}`,
    teamIds: [team],
    contractHoursPerWeek: 36,
    level: 3,
    skills: [],
    birthDate: '1980-01-01',
    travelMode: 'car',
    worksNights: true,
    ...extra,
  };
}

function data(input: Partial<InsightDataInput> & { employees: Employee[] }): InsightData {
  return insightDataSchema.parse({
    teams,
    shiftTypes,
    absences: [],
    rosterPeriods: [
      {
        id: 'rpA',
        teamId: 'A',
        start: '2027-01-04',
        weeks: 4,
        status: 'published',
        publishedAt: '2026-12-07T12:00',
      },
    ],
    assignments: [],
    ...input,
  });
}

const january = { from: '2027-01-01', to: '2027-01-31', period: 'month' as const };
const planner = { role: 'planner' as const, teamIds: [] };

describe('team figures on a hand-made roster', () => {
  const six = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((id) => person(id, 'A'));
  six[5] = person('a6', 'A', { employmentEnd: '2027-01-20' });
  const d = data({
    employees: six,
    absences: [
      { id: 's1', employeeId: 'a1', kind: 'sick', start: '2027-01-04T00:00', end: '2027-01-07T00:00' },
    ],
    assignments: [
      { rosterPeriodId: 'rpA', employeeId: 'a1', date: '2027-01-09', shiftTypeId: 'N', pinned: false },
      { rosterPeriodId: 'rpA', employeeId: 'a1', date: '2027-01-11', shiftTypeId: 'D', pinned: false },
      { rosterPeriodId: 'rpA', employeeId: 'a2', date: '2027-01-11', shiftTypeId: 'D', pinned: false },
    ],
    rosterChanges: [
      // Called in on a day off after publication; a change before publication does not count.
      { employeeId: 'a1', date: '2027-01-11', kind: 'added', at: '2027-01-10T09:00', shiftTypeId: 'D' },
      { employeeId: 'a2', date: '2027-01-11', kind: 'changed', at: '2026-12-01T09:00', shiftTypeId: 'D' },
    ],
    wishes: [
      { id: 'w1', employeeId: 'a2', date: '2027-01-12', kind: 'day-off', priority: 1 },
      { id: 'w2', employeeId: 'a1', date: '2027-01-11', kind: 'wanted-shift', shiftTypeId: 'D', priority: 1 },
      { id: 'w3', employeeId: 'a1', date: '2027-01-09', kind: 'day-off', priority: 2 },
    ],
    staffFlags: [
      { teamId: 'A', date: '2027-01-11', theme: 'called-on-day-off' },
      { teamId: 'A', date: '2027-01-15', theme: 'called-on-day-off' },
      { teamId: 'A', date: '2027-01-15', theme: 'weekend-load' },
    ],
  });
  const report = insightReport(d, january, planner);
  const teamA = report.rows.find((r) => r.teamId === 'A' && r.periodId === '2027-01')!;

  it('computes absence, turnover and roster figures by hand', () => {
    expect(teamA.suppressed).toBeNull();
    const f = teamA.figures!;
    // Employed days: 5 × 31 + 20 (a6 left on the 20th); all full time.
    const employed = 5 * 31 + 20;
    expect(f.headcount).toBe(6);
    expect(f.absenceRate).toBe(round1((100 * 3) / employed));
    expect(f.absenceFrequency).toBe(round1((1 / (employed / 31)) * (365 / 31)));
    expect(f.turnoverRate).toBe(round1(((100 * 1) / (employed / 31)) * (365 / 31)));
    // 3 shifts: one night, one on a Saturday, one added after publication.
    expect(f.nightShare).toBe(33.3);
    expect(f.weekendShare).toBe(33.3);
    expect(f.calledInPer100Shifts).toBe(33.3);
    // Published 2 shifts (3 − 1 added), 1 change after publication → 50 % unchanged.
    expect(f.rosterStability).toBe(50);
    // Day off on the 12th granted, wanted D on the 11th granted, day off on the 9th not.
    expect(f.wishesGranted).toBe(66.7);
    expect(f.hoursAboveContractPerFte).toBe(0);
    expect(f.restViolationsPer100Shifts).toBeNull();
    expect(report.notes.en.join(' ')).toMatch(/Rest violations: not computed/);
  });

  it('counts hours above contract and rest violations when supplied', () => {
    // A 4-hour contract: norm 4/7 × 31 days = 17.71 h; two day shifts = 16 h → 0; three = 24 h → 6.29 h.
    const small = [...six.slice(0, 5), person('a6', 'A', { contractHoursPerWeek: 4 })];
    const shifts = ['2027-01-05', '2027-01-06', '2027-01-07'].map((date) => ({
      rosterPeriodId: 'rpA',
      employeeId: 'a6',
      date,
      shiftTypeId: 'D',
      pinned: false,
    }));
    const d2 = data({
      employees: small,
      assignments: shifts,
      restViolations: [{ employeeId: 'a6', date: '2027-01-06', ruleId: 'atw-rest-11h' }],
    });
    const f = insightReport(d2, january, planner).rows.find(
      (r) => r.teamId === 'A' && r.periodId === '2027-01',
    )!.figures!;
    const fte = 5 + 4 / 36;
    expect(f.fte).toBe(round1(fte));
    expect(f.hoursAboveContractPerFte).toBe(round1((24 - (4 / 7) * 31) / fte));
    expect(f.shareAboveContract).toBe(round1(100 / 6));
    expect(f.restViolationsPer100Shifts).toBe(33.3);
  });

  it('shows staff flags as themes, never with a name', () => {
    const themes = report.themes.filter((t) => t.teamId === 'A' && t.periodId === '2027-01');
    expect(themes).toEqual([
      {
        periodId: '2027-01',
        teamId: 'A',
        theme: 'called-on-day-off',
        label: { nl: 'Gebeld op vrije dag', en: 'Called on a day off' },
        count: 2,
      },
      {
        periodId: '2027-01',
        teamId: 'A',
        theme: 'weekend-load',
        label: { nl: 'Te veel weekenden', en: 'Too many weekends' },
        count: 1,
      },
    ]);
    const text = JSON.stringify(report);
    for (const e of six) {
      expect(text).not.toContain(e.id);
      expect(text).not.toContain(e.name);
    }
  });

  it('builds the team report with follow-up of last period’s actions', () => {
    const r = teamReport(
      d,
      {
        teamId: 'A',
        from: '2026-12-01',
        to: '2027-01-31',
        actions: [
          { id: 'x1', periodId: '2026-12', text: 'Bellen op vrije dag alleen via planner', status: 'open' },
          { id: 'x2', periodId: '2027-01', text: 'Weekendrooster bespreken' },
        ],
      },
      { role: 'team-leader', teamIds: ['A'] },
    );
    expect(r.period.id).toBe('2027-01');
    expect(r.previous?.id).toBe('2026-12');
    expect(r.followUp.map((a) => a.id)).toEqual(['x1']);
    expect(r.agreedThisPeriod.map((a) => a.id)).toEqual(['x2']);
    expect(r.figures.find((f) => f.key === 'absenceRate')!.current).toBe(teamA.figures!.absenceRate);
    expect(r.themes[0]).toMatchObject({ theme: 'called-on-day-off', count: 2 });
    expect(() => teamReport(d, { teamId: 'A', ...january }, { role: 'team-leader', teamIds: ['B'] })).toThrow(
      /no access/,
    );
  });
});

describe('access by role', () => {
  const d = data({
    employees: [...'123456']
      .map((n) => person(`a${n}`, 'A'))
      .concat([...'123456'].map((n) => person(`b${n}`, 'B'))),
  });
  it('gives team leaders their own teams and the organisation, management every team, employees nothing', () => {
    const leader = insightReport(d, january, { role: 'team-leader', teamIds: ['B'] });
    expect([...new Set(leader.rows.map((r) => r.teamId))].sort()).toEqual(['B', ALL]);
    const admin = insightReport(d, january, { role: 'admin', teamIds: [] });
    expect([...new Set(admin.rows.map((r) => r.teamId))].sort()).toEqual(['A', 'B', ALL]);
    expect(() => insightReport(d, january, { role: 'employee', teamIds: ['A'] })).toThrow(/no access/);
  });
});

describe('small-group suppression', () => {
  const cellOf = (cube: InsightCube, periodId: string, team: string, level = ALL, contract = ALL) =>
    cube.cells.find(
      (c) =>
        c.periodId === periodId && c.teamId === team && c.levelBand === level && c.contractBand === contract,
    )!;

  it('shows a group of 6 and suppresses a group of 5', () => {
    const six = data({
      employees: [...'123456']
        .map((n) => person(`a${n}`, 'A'))
        .concat([...'123456'].map((n) => person(`b${n}`, 'B'))),
    });
    expect(cellOf(buildCube(six, january), '2027-01', 'A').figures?.headcount).toBe(6);
    const five = data({
      employees: [...'12345']
        .map((n) => person(`a${n}`, 'A'))
        .concat([...'123456'].map((n) => person(`b${n}`, 'B'))),
    });
    const cube = buildCube(five, january);
    expect(cellOf(cube, '2027-01', 'A')).toMatchObject({ suppressed: 'small-group', figures: null });
    // The organisation (11) is shown, so team B must go too: 11 − 6 would reveal team A.
    expect(cellOf(cube, '2027-01', 'B')).toMatchObject({ suppressed: 'complementary', figures: null });
    expect(cellOf(cube, '2027-01', ALL).figures?.headcount).toBe(11);
  });

  it('suppresses the complement: organisation minus a shown team must not reveal a small team', () => {
    // Team A has 10 people, team B 4. Showing A and the organisation would give B away.
    const d = data({
      employees: [...'0123456789']
        .map((n) => person(`a${n}`, 'A'))
        .concat([...'1234'].map((n) => person(`b${n}`, 'B'))),
    });
    const cube = buildCube(d, january);
    expect(cellOf(cube, '2027-01', 'B').suppressed).toBe('small-group');
    expect(cellOf(cube, '2027-01', 'A').suppressed).toBe('complementary');
    expect(cellOf(cube, '2027-01', ALL).figures?.headcount).toBe(14);
  });

  it('suppresses a filter whose difference with the team is one person', () => {
    // Team A: 6 at level 3 and one nurse. "Team A" and "Team A, level 3" differ by exactly the nurse.
    const d = data({
      employees: [...'123456'].map((n) => person(`a${n}`, 'A')).concat([person('a7', 'A', { level: 4 })]),
    });
    const cube = buildCube(d, january);
    expect(cellOf(cube, '2027-01', 'A').figures?.headcount).toBe(7);
    expect(cellOf(cube, '2027-01', 'A', 'level-4-6').suppressed).toBe('small-group');
    expect(cellOf(cube, '2027-01', 'A', 'level-3').suppressed).toBe('complementary');
  });

  it('hides a whole-range figure when one of its periods is hidden', () => {
    // Six people in January, one leaves on 31 January: February has five.
    const d = data({
      employees: [...'12345']
        .map((n) => person(`a${n}`, 'A'))
        .concat([person('a6', 'A', { employmentEnd: '2027-01-31' })]),
    });
    const cube = buildCube(d, { from: '2027-01-01', to: '2027-02-28', period: 'month' });
    expect(cellOf(cube, '2027-01', 'A').suppressed).toBeNull();
    expect(cellOf(cube, '2027-02', 'A').suppressed).toBe('small-group');
    expect(cellOf(cube, RANGE_ID, 'A').suppressed).toBe('complementary');
  });

  it('never lets any filter combination single out 5 or fewer people (team × level × contract × period)', () => {
    // A mixed organisation where many cells are small: every combination is checked by brute force.
    const employees: Employee[] = [];
    const levels = [1, 2, 3, 3, 3, 4, 5];
    const hours = [12, 16, 24, 24, 28, 32, 36];
    for (let i = 0; i < 23; i++)
      employees.push(
        person(`e${i}`, i % 3 === 0 ? 'B' : 'A', {
          level: levels[(i * 5) % levels.length],
          contractHoursPerWeek: hours[(i * 3) % hours.length],
          ...(i === 4 ? { employmentEnd: '2027-02-10' } : {}),
          ...(i === 7 ? { employmentStart: '2027-02-15' } : {}),
        }),
      );
    const d = data({ employees });
    const query = { from: '2027-01-01', to: '2027-03-31', period: 'month' as const };
    const cube = buildCube(d, query);
    const periods = [
      ...periodsBetween(query.from, query.to, 'month'),
      { id: RANGE_ID, from: '2027-01-01', to: '2027-03-31' },
    ];
    const members = (periodId: string, team: string, level: string, contract: string) => {
      const p = periods.find((x) => x.id === periodId)!;
      return employees.filter(
        (e) =>
          (e.employmentStart ?? '0000') <= p.to &&
          (e.employmentEnd ?? '9999') >= p.from &&
          (team === ALL || e.teamIds[0] === team) &&
          (level === ALL || levelBand(e.level) === level) &&
          (contract === ALL || contractBand(e.contractHoursPerWeek) === contract),
      ).length;
    };
    const shown = (c: (typeof cube.cells)[number]) => c.suppressed === null;
    let small = 0;
    let checkedPairs = 0;
    for (const c of cube.cells) {
      const n = members(c.periodId, c.teamId, c.levelBand, c.contractBand);
      if (n >= 1 && n <= SMALL_GROUP_MAX) {
        small++;
        expect(
          c.suppressed,
          `${c.periodId} ${c.teamId} ${c.levelBand} ${c.contractBand} has ${n}`,
        ).not.toBeNull();
      }
      if (shown(c) && n > 0) expect(c.figures?.headcount).toBe(n);
      if (!shown(c)) expect(c.figures).toBeNull();
      // Differencing: any shown coarser group minus this shown group is 0 or more than 5 people.
      if (!shown(c) || c.periodId === RANGE_ID) continue;
      for (const p of cube.cells) {
        if (p === c || p.periodId !== c.periodId || !shown(p)) continue;
        const contains =
          (p.teamId === ALL || p.teamId === c.teamId) &&
          (p.levelBand === ALL || p.levelBand === c.levelBand) &&
          (p.contractBand === ALL || p.contractBand === c.contractBand);
        if (!contains) continue;
        checkedPairs++;
        const difference =
          members(p.periodId, p.teamId, p.levelBand, p.contractBand) -
          members(c.periodId, c.teamId, c.levelBand, c.contractBand);
        expect(
          difference === 0 || difference > SMALL_GROUP_MAX,
          `${p.teamId}/${p.levelBand}/${p.contractBand} − ${c.teamId}/${c.levelBand}/${c.contractBand}`,
        ).toBe(true);
      }
    }
    expect(small).toBeGreaterThan(20);
    // Partition lines: a shown total never has exactly one hidden part, nor hidden parts of ≤ 5 together.
    const dims = ['teamId', 'levelBand', 'contractBand'] as const;
    const values = {
      teamId: ['A', 'B'],
      levelBand: ['level-1-2', 'level-3', 'level-4-6'],
      contractBand: ['upto-20h', '21-28h', '29h-plus'],
    };
    for (const total of cube.cells.filter(shown)) {
      for (const dim of dims) {
        if (total[dim] !== ALL) continue;
        const parts = values[dim].map((v) =>
          cube.cells.find(
            (x) =>
              x.periodId === total.periodId &&
              dims.every((d) => (d === dim ? x[d] === v : x[d] === total[d])),
          )!,
        );
        const hidden = parts.filter(
          (x) => !shown(x) && members(x.periodId, x.teamId, x.levelBand, x.contractBand) > 0,
        );
        const people = hidden.reduce(
          (s, x) => s + members(x.periodId, x.teamId, x.levelBand, x.contractBand),
          0,
        );
        expect(hidden.length === 0 || (hidden.length >= 2 && people > SMALL_GROUP_MAX)).toBe(true);
      }
    }
    expect(checkedPairs).toBeGreaterThan(0);
  });
});

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
