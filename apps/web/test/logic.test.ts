import { describe, expect, it } from 'vitest';
import { contrastRatio, textColorOn } from '../src/components/color.ts';
import { addDays, formatClock, isoWeekNumber, isoWeekday, shiftMinutes } from '../src/dates.ts';
import { continuity, dayRange, routePath, routeTotals, timelineSegments } from '../src/homecare/day-plan.ts';
import { routePlanFromPayload } from '../src/homecare/plan-payload.ts';
import { absenceCovers, absenceGrid } from '../src/roster/absence.ts';
import { auditCells } from '../src/roster/audit.ts';
import { rankCandidates } from '../src/roster/candidates.ts';
import { createGridModel } from '../src/roster/grid-model.ts';
import { noticeCheck } from '../src/roster/notice.ts';
import {
  formatMeasure,
  mergeSignals,
  signalsByCell,
  signalsFromCheck,
  signalSummary,
  sourceText,
} from '../src/roster/signals.ts';
import { SYNTHETIC_SHIFTS } from '../src/roster/synthetic.ts';
import type { CareVisit, CarerRoute } from '../src/api/types.ts';

describe('dates', () => {
  it('does calendar arithmetic across month and year ends', () => {
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
    expect(isoWeekday('2027-01-04')).toBe(1);
    expect(isoWeekday('2027-01-10')).toBe(7);
    expect(isoWeekNumber('2027-01-04')).toBe(1);
    expect(isoWeekNumber('2026-12-31')).toBe(53);
    expect(shiftMinutes({ start: '23:15', end: '07:15' })).toBe(480);
    expect(formatClock(25 * 60 + 5)).toBe('01:05');
  });
});

describe('shift colours', () => {
  it('get text that meets WCAG AA (4.5:1) on every demo shift colour', () => {
    for (const color of [
      '#4f9dde',
      '#6cc070',
      '#f2a541',
      '#5b4b8a',
      '#888888',
      '#2a9d8f',
      '#e76f51',
      '#264653',
    ]) {
      expect(contrastRatio(color, textColorOn(color)), color).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('notice period', () => {
  it('requires 28 days between publication and the first roster day', () => {
    expect(noticeCheck('2027-01-04', '2026-12-07')).toEqual({ daysAhead: 28, required: 28, ok: true });
    expect(noticeCheck('2027-01-04', '2026-12-08').ok).toBe(false);
    expect(noticeCheck('2027-01-04', '2026-12-20', 14).ok).toBe(true);
  });
});

describe('absence on the grid', () => {
  const model = createGridModel(
    [{ id: 'a', name: 'A', contractHoursPerWeek: 20, level: 2 }],
    '2027-01-04',
    7,
    SYNTHETIC_SHIFTS,
    [],
  );
  it('marks the days an absence covers; an end at midnight leaves that day free', () => {
    const grid = absenceGrid(model, [
      { employeeId: 'a', kind: 'leave', start: '2027-01-03T00:00', end: '2027-01-06T00:00' },
      { employeeId: 'a', kind: 'sick', start: '2027-01-08T10:00', end: '2027-01-08T16:00' },
    ]);
    expect([...grid]).toEqual([1, 1, 0, 0, 2, 0, 0]);
    expect(absenceCovers({ start: '2027-01-03T00:00', end: '2027-01-06T00:00' }, '2027-01-06')).toBe(false);
    expect(absenceCovers({ start: '2027-01-03T00:00', end: '2027-01-06T08:00' }, '2027-01-06')).toBe(true);
  });
});

describe('rule signals', () => {
  const model = createGridModel(
    [
      { id: 'a', name: 'A', contractHoursPerWeek: 20, level: 2 },
      { id: 'b', name: 'B', contractHoursPerWeek: 20, level: 2 },
    ],
    '2027-01-04',
    7,
    SYNTHETIC_SHIFTS,
    [],
  );
  const check = {
    violations: [
      {
        ruleId: 'cao-vvt.free-weekends',
        severity: 'cao',
        employeeId: 'a',
        date: '2027-01-05',
        message: 'Te weinig vrije weekenden.',
        dates: ['2027-01-05'],
      },
      {
        ruleId: 'atw.daily-rest',
        severity: 'legal',
        tier: 'legal',
        employeeId: 'a',
        date: '2027-01-04',
        message: 'Rust 8 u, minimaal 11 u (ATW art. 5:3 lid 1)',
        messages: {
          nl: 'Rust 8 u, minimaal 11 u (ATW art. 5:3 lid 1)',
          en: 'Rest 8 h, at least 11 h (ATW art. 5:3 lid 1)',
        },
        title: { nl: 'Dagelijkse rust', en: 'Daily rest' },
        source: { document: 'ATW', article: '5:3 lid 1', cite: 'ATW art. 5:3 lid 1' },
        value: 480,
        limit: 660,
        unit: 'min',
        period: { start: '2027-01-04T23:00', end: '2027-01-05T07:00' },
        dates: ['2027-01-04', '2027-01-05'],
        shifts: [
          { date: '2027-01-04', start: '2027-01-04T15:00', end: '2027-01-04T23:00', breakMinutes: 30 },
          { date: '2027-01-05', start: '2027-01-05T07:00', end: '2027-01-05T15:30', breakMinutes: 30 },
        ],
      },
      { ruleId: 'X', severity: 'legal', message: 'no employee' },
    ],
  };
  it('takes every figure from the check and puts the signal on the cells of its shifts', () => {
    const signals = signalsFromCheck(check);
    expect(signals).toHaveLength(2);
    expect(signals[0]).toMatchObject({
      title: { nl: 'cao-vvt.free-weekends', en: 'cao-vvt.free-weekends' },
      message: { nl: 'Te weinig vrije weekenden.', en: 'Te weinig vrije weekenden.' },
      tier: 'cao',
      dates: ['2027-01-05'],
    });
    expect(signals[0]!.measured).toBeNaN();
    expect(signals[1]).toMatchObject({
      tier: 'legal',
      measured: 480,
      limit: 660,
      unit: 'min',
      period: { start: '2027-01-04T23:00', end: '2027-01-05T07:00' },
      dates: ['2027-01-04', '2027-01-05'],
    });
    expect(signals[1]!.shifts.map((x) => x.date)).toEqual(['2027-01-04', '2027-01-05']);
    const byCell = signalsByCell(model, signals);
    expect(byCell.get(0)!.map((x) => x.rule)).toEqual(['atw.daily-rest']);
    expect(byCell.get(1)!.map((x) => x.rule)).toEqual(['atw.daily-rest', 'cao-vvt.free-weekends']);
    expect(formatMeasure(600, 'min')).toBe('10:00 u');
    expect(formatMeasure(2880, 'min/week', 'en')).toBe('48:00 h per week');
    expect(formatMeasure(7, 'count')).toBe('7 (aantal)');
  });
  it('summarises a signal for the tooltip with source and measured vs limit, in the UI language', () => {
    const [, rest] = signalsFromCheck(check);
    expect(signalSummary(rest!, 'nl')).toBe(
      'Dagelijkse rust · ATW art. 5:3 lid 1 · gemeten 8:00 u, grens 11:00 u',
    );
    expect(signalSummary(rest!, 'en')).toBe(
      'Daily rest · ATW art. 5:3 lid 1 · measured 8:00 h, limit 11:00 h',
    );
    expect(
      sourceText({
        ...rest!,
        source: {
          document: 'Cao VVT',
          article: '5.1',
          edition: 'Cao VVT 2025-2026',
          cite: 'Cao VVT art. 5.1',
        },
      }),
    ).toBe('Cao VVT art. 5.1 (Cao VVT 2025-2026)');
  });

  it('replaces only the re-checked employees', () => {
    const old = signalsFromCheck(check);
    const merged = mergeSignals(old, [], ['a']);
    expect(merged).toEqual([]);
    expect(mergeSignals(old, [], ['b'])).toHaveLength(2);
  });
});

describe('home-care day plan', () => {
  const route: CarerRoute = {
    employeeId: 'e1',
    start: 420,
    end: 600,
    stops: [
      {
        visitId: 'v1',
        clientId: 'c1',
        arrival: 440,
        start: 450,
        end: 480,
        travelMinutes: 20,
        waitMinutes: 10,
      },
      {
        visitId: 'v2',
        clientId: 'c2',
        arrival: 490,
        start: 490,
        end: 520,
        travelMinutes: 10,
        waitMinutes: 0,
      },
    ],
    breakStart: 530,
    breakMinutes: 15,
  };
  it('splits a route into travel, wait, visit and break segments', () => {
    // The break after the last visit: waiting up to it, travelling home after it (not under it).
    expect(timelineSegments(route).map((s) => [s.kind, s.start, s.end])).toEqual([
      ['travel', 420, 440],
      ['wait', 440, 450],
      ['visit', 450, 480],
      ['travel', 480, 490],
      ['visit', 490, 520],
      ['wait', 520, 530],
      ['break', 530, 545],
      ['travel', 545, 600],
    ]);
    expect(routeTotals(route)).toEqual({ travel: 85, care: 60, wait: 20 });
    expect(dayRange([route])).toEqual({ start: 420, end: 600 });
  });
  it('draws the path through the clients from and back to the start point', () => {
    const points: Record<string, { lat: number; lon: number }> = {
      c1: { lat: 52.05, lon: 4.5 },
      c2: { lat: 52.06, lon: 4.51 },
    };
    const home = { lat: 52.0, lon: 4.4 };
    expect(routePath(route, (id) => points[id], home, home)).toEqual([home, points.c1, points.c2, home]);
  });
  it('counts different carers per client and visits by a regular carer', () => {
    const plans = [
      { date: 'd1', teamId: 't', unassignedVisitIds: [], routes: [route] },
      { date: 'd2', teamId: 't', unassignedVisitIds: [], routes: [{ ...route, employeeId: 'e2' }] },
    ];
    const rows = continuity(plans, (visitId) => (visitId === 'v1' ? ['e1'] : undefined));
    expect(rows.find((r) => r.clientId === 'c1')).toEqual({
      clientId: 'c1',
      visits: 2,
      carers: 2,
      byPreferred: 1,
      withPreference: 2,
    });
  });
  it('reads route payloads with clock times and fills client ids from the visits', () => {
    const visits = new Map<string, CareVisit>([
      [
        'v1',
        {
          id: 'v1',
          clientId: 'c1',
          date: '2027-01-04',
          windows: [{ start: '07:00', end: '09:00' }],
          durationMinutes: 30,
          minLevel: 2,
          skills: [],
          preferredCarerIds: [],
          excludedCarerIds: [],
          carersRequired: 1,
        },
      ],
    ]);
    const plan = routePlanFromPayload(
      {
        date: '2027-01-04',
        teamId: 't',
        routes: [
          {
            employeeId: 'e1',
            start: '07:00',
            end: '12:00',
            stops: [{ visitId: 'v1', arrival: '07:20', start: '07:30' }],
          },
        ],
        unassigned: [{ visitId: 'v9' }],
      },
      visits,
    );
    expect(plan.routes[0]!.stops[0]).toEqual({
      visitId: 'v1',
      clientId: 'c1',
      arrival: 440,
      start: 450,
      end: 480,
      travelMinutes: 20,
      waitMinutes: 10,
    });
    expect(plan.unassignedVisitIds).toEqual(['v9']);
    // The route job's own name for visits it could not plan.
    const served = routePlanFromPayload({ routes: [], unplannedVisitIds: ['v7'] }, visits);
    expect(served.unassignedVisitIds).toEqual(['v7']);
  });
  it("draws waiting as waiting from the route job's arrival and travel per stop, with reasons and violations", () => {
    const visits = new Map<string, CareVisit>();
    // As apps/server's route job writes it: departure 07:00, 10 min travel, the window opens at 12:00.
    const payload = {
      date: '2027-01-04',
      teamId: 't',
      routes: [
        {
          employeeId: 'e1',
          start: 420,
          end: 760,
          stops: [
            {
              visitId: 'v1',
              clientId: 'c1',
              arrival: 430,
              start: 720,
              end: 750,
              travelMinutes: 10,
              waitMinutes: 290,
            },
          ],
        },
      ],
      unplannedVisitIds: ['v2', 'v3'],
      unplanned: [
        { visitId: 'v2', mandatory: true, reason: { code: 'no-room', nl: 'volgeboekt', en: 'fully booked' } },
        {
          visitId: 'v3',
          mandatory: false,
          reason: { code: 'optional-left-out', nl: 'optioneel', en: 'optional' },
        },
      ],
      feasible: false,
      violations: ['e1: back at 800, past the shift end 750 + 15'],
    };
    const plan = routePlanFromPayload(payload, visits);
    expect(timelineSegments(plan.routes[0]!).map((s) => [s.kind, s.start, s.end])).toEqual([
      ['travel', 420, 430],
      ['wait', 430, 720],
      ['visit', 720, 750],
      ['travel', 750, 760],
    ]);
    expect(plan.unassignedReasons).toEqual({
      v2: { mandatory: true, nl: 'volgeboekt', en: 'fully booked' },
      v3: { mandatory: false, nl: 'optioneel', en: 'optional' },
    });
    expect(plan.violations).toEqual(['e1: back at 800, past the shift end 750 + 15']);
    // Travel and waiting minutes without an arrival give the same picture.
    const { arrival: _a, ...noArrival } = payload.routes[0]!.stops[0]!;
    const second = routePlanFromPayload(
      { ...payload, routes: [{ ...payload.routes[0], stops: [noArrival] }] },
      visits,
    );
    expect(second.routes[0]!.stops[0]).toMatchObject({ arrival: 430, travelMinutes: 10, waitMinutes: 290 });
    // An older payload with start and end only: the gap counts as travel (nothing says otherwise).
    const old = routePlanFromPayload(
      { routes: [{ employeeId: 'e1', start: 420, stops: [{ visitId: 'v1', start: 720, end: 750 }] }] },
      visits,
    );
    expect(old.routes[0]!.stops[0]).toMatchObject({ arrival: 720, travelMinutes: 300, waitMinutes: 0 });
    expect(old.violations).toEqual([]);
  });
});

describe('candidates for a shift', () => {
  const employees = [
    { id: 'a', name: 'Anna', contractHoursPerWeek: 36, level: 3 },
    { id: 'b', name: 'Bram', contractHoursPerWeek: 8, level: 3 },
    { id: 'c', name: 'Cor', contractHoursPerWeek: 36, level: 3 },
    { id: 'd', name: 'Dina', contractHoursPerWeek: 36, level: 1 },
    { id: 'e', name: 'Eva', contractHoursPerWeek: 36, level: 3, worksNights: false },
  ];
  const model = createGridModel(employees, '2027-01-04', 7, SYNTHETIC_SHIFTS, [
    // Cor works a late shift the evening before: an early shift leaves too little rest.
    { employeeId: 'c', date: '2027-01-04', shiftTypeId: 'st-L' },
    // Bram is already at his contract hours for the week.
    { employeeId: 'b', date: '2027-01-04', shiftTypeId: 'st-D' },
    { employeeId: 'a', date: '2027-01-06', shiftTypeId: 'st-V' },
  ]);
  it('ranks free people by rest, hours against contract and level, with reasons', () => {
    const early = rankCandidates(model, 1, 'st-V', { minLevel: 2 });
    // Eva is furthest below contract, then Anna; Bram goes over contract; Cor lacks rest.
    expect(early.map((c) => c.employeeId)).toEqual(['e', 'a', 'b', 'c']);
    expect(early[0]!.reasons).toEqual([{ key: 'underContract', hours: 28 }]);
    const cor = early.find((c) => c.employeeId === 'c')!;
    expect(cor.reasons).toContainEqual({ key: 'restBefore', minutes: 7 * 60 + 30 });
    expect(cor.cost).toBe(100 - 6); // too little rest; bonus 10 × 20/36 for being 20 h under a 36 h contract
    const bram = early.find((c) => c.employeeId === 'b')!;
    expect(bram.reasons).toContainEqual({ key: 'overContract', hours: 8 });
  });
  it('leaves out people absent that day, working that day, or not working nights', () => {
    const absences = new Uint8Array(employees.length * 7);
    absences[0 * 7 + 1] = 1; // Anna on leave on the 5th
    const ids = rankCandidates(model, 1, 'st-N', { absences }).map((c) => c.employeeId);
    expect(ids).not.toContain('a');
    expect(ids).not.toContain('e');
    expect(rankCandidates(model, 0, 'st-V').map((c) => c.employeeId)).not.toContain('c');
  });
});

describe('audit log lines', () => {
  it('pairs before and after per cell and drops cells that did not change', () => {
    const before = [
      { employeeId: 'b', date: '2027-01-05', shiftTypeId: 'st-L' },
      { employeeId: 'a', date: '2027-01-04', shiftTypeId: 'st-V' },
      { employeeId: 'c', date: '2027-01-04', shiftTypeId: 'st-N' },
    ];
    const after = [
      { employeeId: 'a', date: '2027-01-04', shiftTypeId: 'st-D' },
      { employeeId: 'c', date: '2027-01-04', shiftTypeId: 'st-N' },
      { employeeId: 'd', date: '2027-01-06', shiftTypeId: 'st-V' },
    ];
    expect(auditCells(before, after)).toEqual([
      { employeeId: 'a', date: '2027-01-04', from: 'st-V', to: 'st-D' },
      { employeeId: 'b', date: '2027-01-05', from: 'st-L', to: null },
      { employeeId: 'd', date: '2027-01-06', from: null, to: 'st-V' },
    ]);
    expect(auditCells(null, 'nonsense')).toEqual([]);
  });
});
