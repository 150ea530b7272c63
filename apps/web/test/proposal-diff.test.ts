import { describe, expect, it } from 'vitest';
import { chosenWithChanges, diffProposal } from '../src/optimise/proposal-diff.ts';
import { stepSeries } from '../src/optimise/step-series.ts';
import { createGridModel } from '../src/roster/grid-model.ts';
import { SYNTHETIC_SHIFTS } from '../src/roster/synthetic.ts';

const employees = [
  { id: 'a', name: 'Anna', contractHoursPerWeek: 28, level: 3 },
  { id: 'b', name: 'Bram', contractHoursPerWeek: 35, level: 2 },
  { id: 'c', name: 'Cor', contractHoursPerWeek: 14, level: 2 },
];
const current = [
  { employeeId: 'a', date: '2027-01-04', shiftTypeId: 'st-V' },
  { employeeId: 'a', date: '2027-01-09', shiftTypeId: 'st-D' },
  { employeeId: 'b', date: '2027-01-05', shiftTypeId: 'st-L' },
  { employeeId: 'c', date: '2027-01-06', shiftTypeId: 'st-V' },
];
const model = createGridModel(employees, '2027-01-04', 7, SYNTHETIC_SHIFTS, current);

describe('proposal diff', () => {
  it('lists per person what changes and its effect on hours, nights and weekends', () => {
    const diff = diffProposal(model, [
      { employeeId: 'a', date: '2027-01-04', shiftTypeId: 'st-V' },
      { employeeId: 'a', date: '2027-01-09', shiftTypeId: 'st-N' },
      { employeeId: 'a', date: '2027-01-10', shiftTypeId: 'st-N' },
      { employeeId: 'b', date: '2027-01-05', shiftTypeId: 'st-L' },
      { employeeId: 'c', date: '2027-01-06', shiftTypeId: 'st-V' },
      { employeeId: 'zz', date: '2027-01-06', shiftTypeId: 'st-V' },
    ]);
    expect(diff.ignored).toBe(1);
    expect(diff.changedCells).toBe(2);
    expect(diff.people).toHaveLength(1);
    const anna = diff.people[0]!;
    expect(anna.changes).toEqual([
      { date: '2027-01-09', from: 'st-D', to: 'st-N' },
      { date: '2027-01-10', from: null, to: 'st-N' },
    ]);
    expect(anna.minutesBefore).toBe(960);
    expect(anna.minutesAfter).toBe(1440);
    expect(anna.contractMinutes).toBe(28 * 60);
    expect([anna.nightsBefore, anna.nightsAfter]).toEqual([0, 2]);
    expect([anna.weekendDaysBefore, anna.weekendDaysAfter]).toEqual([1, 2]);
  });

  it('empties cells inside the window the proposal leaves out, keeps cells outside it', () => {
    const diff = diffProposal(model, [{ employeeId: 'b', date: '2027-01-05', shiftTypeId: 'st-D' }], {
      from: '2027-01-05',
      to: '2027-01-06',
    });
    const byId = new Map(diff.people.map((p) => [p.employeeId, p]));
    expect(byId.get('b')!.changes).toEqual([{ date: '2027-01-05', from: 'st-L', to: 'st-D' }]);
    expect(byId.get('c')!.changes).toEqual([{ date: '2027-01-06', from: 'st-V', to: null }]);
    expect(byId.has('a')).toBe(false);
  });

  it('sends only the chosen people who still have changes, in table order', () => {
    const diff = diffProposal(model, [
      { employeeId: 'a', date: '2027-01-04', shiftTypeId: 'st-D' },
      { employeeId: 'b', date: '2027-01-05', shiftTypeId: 'st-L' },
      { employeeId: 'b', date: '2027-01-07', shiftTypeId: 'st-L' },
    ]);
    expect(diff.people.map((p) => p.employeeId)).toEqual(['a', 'b', 'c']);
    expect(chosenWithChanges(diff, ['b', 'a'])).toEqual(['a', 'b']);
    // Someone whose cells already equal the proposal (taken over before) is left out.
    const same = diffProposal(
      model,
      current.filter((c) => c.employeeId !== 'c'),
    );
    expect(same.people.map((p) => p.employeeId)).toEqual(['c']);
    expect(chosenWithChanges(same, ['a', 'c'])).toEqual(['c']);
  });
});

describe('score chart series', () => {
  it('draws the best score as steps held until the time the solve has run', () => {
    const points = [
      { elapsedMs: 0, score: 500 },
      { elapsedMs: 1000, score: 0 },
    ];
    expect(stepSeries(points, 2500)).toEqual([
      [0, 1, 1, 2.5],
      [500, 500, 1, 1],
    ]);
    expect(stepSeries([], 1000)).toEqual([[], []]);
  });
});
