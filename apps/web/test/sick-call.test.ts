/**
 * The sick call in the planner's screens: the form's checks, the shifts that fall open and the
 * days to re-plan, the absence signal on the grid, and what a proposal leaves behind (coverage
 * before and after, the hard violations the solver reported).
 */
import { describe, expect, it } from 'vitest';
import {
  absenceDays,
  absenceFormErrors,
  absenceOn,
  isDate,
  newAbsenceId,
  recoveryError,
  replanWindow,
  shiftsFallingOpen,
  wholeDays,
} from '../src/roster/absence.ts';
import { createGridModel } from '../src/roster/grid-model.ts';
import { signalSummary, signalsByCell, signalsFromCheck } from '../src/roster/signals.ts';
import { SYNTHETIC_SHIFTS } from '../src/roster/synthetic.ts';
import { hardSummary, proposalCoverage } from '../src/optimise/proposal-summary.ts';

const employees = [
  { id: 'a', name: 'Anna', contractHoursPerWeek: 28, level: 3 },
  { id: 'b', name: 'Bram', contractHoursPerWeek: 35, level: 2 },
  { id: 'c', name: 'Cor', contractHoursPerWeek: 14, level: 3 },
];
const roster = [
  { employeeId: 'a', date: '2027-01-04', shiftTypeId: 'st-V' },
  { employeeId: 'a', date: '2027-01-05', shiftTypeId: 'st-V' },
  { employeeId: 'a', date: '2027-01-07', shiftTypeId: 'st-L' },
  { employeeId: 'b', date: '2027-01-05', shiftTypeId: 'st-V' },
];
const model = createGridModel(employees, '2027-01-04', 7, SYNTHETIC_SHIFTS, roster);

describe('registering a sick call', () => {
  it('checks the form and names each wrong field with a translatable reason', () => {
    expect(
      absenceFormErrors({ employeeId: 'a', kind: 'sick', from: '2027-01-05', to: '2027-01-07' }),
    ).toEqual([]);
    expect(absenceFormErrors({ employeeId: '', kind: 'flu', from: '2027-02-30', to: '' })).toEqual([
      { field: 'employeeId', key: 'absence.errorEmployee' },
      { field: 'kind', key: 'absence.errorKind' },
      { field: 'from', key: 'absence.errorFrom' },
      { field: 'to', key: 'absence.errorTo' },
    ]);
    expect(
      absenceFormErrors({ employeeId: 'a', kind: 'leave', from: '2027-01-07', to: '2027-01-05' }),
    ).toEqual([{ field: 'to', key: 'absence.errorOrder' }]);
    expect(
      absenceFormErrors({ employeeId: 'a', kind: 'leave', from: '2027-01-01', to: '2028-01-02' }),
    ).toEqual([{ field: 'to', key: 'absence.errorTooLong' }]);
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2027-02-29')).toBe(false);
  });

  it('stores whole days with an exclusive end and reads them back as first and last day', () => {
    const period = wholeDays('2027-01-05', '2027-01-07');
    expect(period).toEqual({ start: '2027-01-05T00:00', end: '2027-01-08T00:00' });
    expect(absenceDays(period)).toEqual({ first: '2027-01-05', last: '2027-01-07' });
    expect(absenceDays({ start: '2027-01-05T13:00', end: '2027-01-05T17:00' })).toEqual({
      first: '2027-01-05',
      last: '2027-01-05',
    });
    const id = newAbsenceId('sick', 'a', 0);
    expect(id).toMatch(/^sick-a-0[a-z0-9]{0,4}$/);
    expect(newAbsenceId('sick', 'a', 0)).not.toBe(id);
  });

  it('lists the shifts that fall open and re-plans just the days from the first to the last', () => {
    const sick = { employeeId: 'a', kind: 'sick', ...wholeDays('2027-01-05', '2027-01-08') };
    expect(shiftsFallingOpen(model, sick)).toEqual([
      { date: '2027-01-05', shiftTypeId: 'st-V' },
      { date: '2027-01-07', shiftTypeId: 'st-L' },
    ]);
    expect(replanWindow(shiftsFallingOpen(model, sick))).toEqual({ from: '2027-01-05', to: '2027-01-07' });
    // Nobody else's shifts, and none when the absence misses all shifts.
    expect(shiftsFallingOpen(model, { ...sick, employeeId: 'c' })).toEqual([]);
    expect(replanWindow([])).toBeNull();
  });

  it('finds the absence of a cell and checks the day someone is back', () => {
    const absences = [
      { id: '1', employeeId: 'a', kind: 'leave', ...wholeDays('2027-01-04', '2027-01-10') },
      { id: '2', employeeId: 'a', kind: 'sick', ...wholeDays('2027-01-06', '2027-01-07') },
    ];
    expect(absenceOn(absences, 'a', '2027-01-06')!.id).toBe('2');
    expect(absenceOn(absences, 'a', '2027-01-05')!.id).toBe('1');
    expect(absenceOn(absences, 'b', '2027-01-05')).toBeUndefined();
    expect(recoveryError(absences[1]!, '2027-01-07')).toBeNull();
    expect(recoveryError(absences[1]!, '2027-01-06')).toBe('absence.errorRecoveryOrder');
    expect(recoveryError(absences[1]!, '2027-13-01')).toBe('absence.errorRecoveryDate');
  });
});

describe('the absence signal', () => {
  const check = {
    violations: [
      {
        ruleId: 'atw.daily-rest',
        severity: 'legal',
        tier: 'legal',
        employeeId: 'a',
        message: 'Rust',
        dates: ['2027-01-05'],
      },
      {
        ruleId: 'roster.shift-during-absence',
        severity: 'absence',
        tier: 'absence',
        employeeId: 'a',
        date: '2027-01-05',
        message: 'Dienst V op 05-01-2027 (07:00–15:30) valt in de ziekmelding …',
        messages: { nl: 'Dienst V … ziekmelding', en: 'Shift V … sick report' },
        title: { nl: 'Ingeroosterd terwijl ziek gemeld', en: 'Rostered while reported sick' },
        aspect: 'sick',
        period: { start: '2027-01-05T00:00', end: '2027-01-09T00:00' },
        dates: ['2027-01-05'],
        shifts: [
          {
            date: '2027-01-05',
            start: '2027-01-05T07:00',
            end: '2027-01-05T15:30',
            breakMinutes: 30,
            shiftTypeId: 'st-V',
          },
        ],
      },
    ],
  };

  it('is its own tier, shown first on the cell, with the text in the UI language', () => {
    const signals = signalsFromCheck(check);
    const absent = signals.find((s) => s.rule === 'roster.shift-during-absence')!;
    expect(absent.tier).toBe('absence');
    expect(absent.source).toBeUndefined();
    const cell = signalsByCell(model, signals).get(1)!;
    expect(cell.map((s) => s.tier)).toEqual(['absence', 'legal']);
    expect(signalSummary(absent, 'nl')).toBe('Ingeroosterd terwijl ziek gemeld');
    expect(signalSummary(absent, 'en')).toBe('Rostered while reported sick');
  });
});

describe('what a proposal leaves behind', () => {
  const demand = [
    // Early shift: at least 2 (ideal 2) every day of the window, level ≥ 3 at least 1.
    ...['2027-01-05', '2027-01-06'].flatMap((date) => [
      { date, shiftTypeId: 'st-V', minLevel: 2, min: 2, ideal: 2 },
      { date, shiftTypeId: 'st-V', minLevel: 3, min: 1, ideal: 1 },
    ]),
    { date: '2027-01-09', shiftTypeId: 'st-D', minLevel: 2, min: 1, ideal: 2 },
  ];

  it('counts shifts below the minimum and the ideal before and after, in and outside the window', () => {
    // Anna is sick on the 5th: the proposal moves Cor onto her early shift.
    const proposal = [
      { employeeId: 'c', date: '2027-01-05', shiftTypeId: 'st-V' },
      { employeeId: 'b', date: '2027-01-05', shiftTypeId: 'st-V' },
    ];
    const window = { from: '2027-01-05', to: '2027-01-06' };
    const cov = proposalCoverage(model, demand, proposal, window);
    // Before: the 5th is covered (Anna + Bram), the 6th has nobody (2 rows short), the 9th nobody.
    expect(cov.before).toEqual({ belowMinimum: 3, missing: 4, belowIdeal: 0 });
    expect(cov.after).toEqual({ belowMinimum: 3, missing: 4, belowIdeal: 0 });
    expect(cov.inWindow).toEqual({ belowMinimum: 2, missing: 3, belowIdeal: 0 });
    expect(
      cov.shortfalls.map((s) => `${s.date} ${s.shiftTypeId} ≥${s.minLevel} ${s.count}/${s.min}`),
    ).toEqual(['2027-01-06 st-V ≥2 0/2', '2027-01-06 st-V ≥3 0/1', '2027-01-09 st-D ≥2 0/1']);
    expect(cov.shortfalls.map((s) => s.inWindow)).toEqual([true, true, false]);

    // A proposal that leaves the 5th with Bram alone: short of the minimum and of level 3.
    const worse = proposalCoverage(
      model,
      demand,
      [{ employeeId: 'b', date: '2027-01-05', shiftTypeId: 'st-V' }],
      window,
    );
    expect(worse.after.belowMinimum).toBe(5);
    expect(worse.shortfalls[0]).toMatchObject({ date: '2027-01-05', count: 1, min: 2, short: true });
  });

  it('counts below-ideal shifts apart from those below the minimum', () => {
    const cov = proposalCoverage(model, demand, [
      ...roster,
      { employeeId: 'c', date: '2027-01-09', shiftTypeId: 'st-D' },
    ]);
    expect(cov.inWindow).toBeNull();
    expect(cov.after.belowIdeal).toBe(1);
    expect(cov.shortfalls.at(-1)).toMatchObject({ date: '2027-01-09', short: false, count: 1, ideal: 2 });
  });

  it('reads the hard violations of the solver, counting the ones the proposal made', () => {
    expect(hardSummary({})).toBeNull();
    const item = {
      constraint: 'atw.daily-rest',
      title: { nl: 'Dagelijkse rust', en: 'Daily rest' },
      cite: 'ATW art. 5:3 lid 1',
      employeeId: 'a',
      name: 'Anna',
      dates: ['2027-01-05'],
      message: { nl: 'Rust 8 u', en: 'Rest 8 h' },
    };
    expect(
      hardSummary({
        summary: {
          hard: {
            before: 3,
            after: 2,
            items: [
              { ...item, existing: false },
              { ...item, dates: ['2027-01-06'], existing: true },
            ],
          },
        },
      }),
    ).toMatchObject({ before: 3, after: 2, added: 1 });
  });
});
