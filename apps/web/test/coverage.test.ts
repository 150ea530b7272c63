import { describe, expect, it } from 'vitest';
import { computeCoverage, coveragePerShift, coverageStatus, coverageTotals } from '../src/roster/coverage.ts';
import { createGridModel } from '../src/roster/grid-model.ts';
import { SYNTHETIC_SHIFTS } from '../src/roster/synthetic.ts';

describe('coverage', () => {
  it('classifies counts against min and ideal', () => {
    expect(coverageStatus(1, 2, 3)).toBe('short');
    expect(coverageStatus(2, 2, 3)).toBe('ok');
    expect(coverageStatus(3, 2, 3)).toBe('ideal');
    expect(coverageStatus(4, 2, 3)).toBe('over');
    expect(coverageStatus(0, 0, 0)).toBe('none');
  });

  it('counts employees toward every level row they qualify for', () => {
    const employees = [
      { id: 'a', name: 'A', contractHoursPerWeek: 24, level: 4, skills: ['med'] },
      { id: 'b', name: 'B', contractHoursPerWeek: 24, level: 2 },
      { id: 'c', name: 'C', contractHoursPerWeek: 24, level: 3 },
    ];
    const model = createGridModel(employees, '2027-01-04', 2, SYNTHETIC_SHIFTS, [
      { employeeId: 'a', date: '2027-01-04', shiftTypeId: 'st-V' },
      { employeeId: 'b', date: '2027-01-04', shiftTypeId: 'st-V' },
      { employeeId: 'c', date: '2027-01-04', shiftTypeId: 'st-L' },
      { employeeId: 'c', date: '2027-01-05', shiftTypeId: 'st-V' },
    ]);
    const rows = computeCoverage(model, [
      { date: '2027-01-04', shiftTypeId: 'st-V', minLevel: 1, min: 2, ideal: 2 },
      { date: '2027-01-05', shiftTypeId: 'st-V', minLevel: 1, min: 2, ideal: 3 },
      { date: '2027-01-04', shiftTypeId: 'st-V', minLevel: 3, min: 1, ideal: 1 },
      { date: '2027-01-05', shiftTypeId: 'st-V', minLevel: 3, min: 1, ideal: 1 },
      { date: '2027-01-04', shiftTypeId: 'st-V', minLevel: 3, skills: ['med'], min: 1, ideal: 2 },
      { date: '2027-01-04', shiftTypeId: 'st-L', minLevel: 1, min: 2, ideal: 2 },
      { date: '2027-02-01', shiftTypeId: 'st-L', minLevel: 1, min: 2, ideal: 2 },
    ]);
    const find = (shift: string, level: number, skills = '') =>
      rows.find((r) => r.shiftTypeId === shift && r.minLevel === level && r.skills.join(',') === skills)!;
    expect(find('st-V', 1).cells.map((c) => [c.count, c.status])).toEqual([
      [2, 'ideal'],
      [1, 'short'],
    ]);
    expect(find('st-V', 3).cells.map((c) => [c.count, c.status])).toEqual([
      [1, 'ideal'],
      [1, 'ideal'],
    ]);
    expect(find('st-V', 3, 'med').cells[0]).toMatchObject({ count: 1, status: 'ok' });
    expect(find('st-L', 1).cells[0]).toMatchObject({ count: 1, min: 2, status: 'short' });
    // Rows come in shift order (V before L), then by level.
    expect(rows.map((r) => `${r.shiftTypeId}:${r.minLevel}`)).toEqual([
      'st-V:1',
      'st-V:3',
      'st-V:3',
      'st-L:1',
    ]);
    expect(coverageTotals(rows)).toEqual({ shortCells: 2, missing: 2, overCells: 0 });
  });
});

describe('compact coverage', () => {
  it('keeps one row per shift: its lowest level', () => {
    const employees = [{ id: 'a', name: 'A', contractHoursPerWeek: 24, level: 4 }];
    const model = createGridModel(employees, '2027-01-04', 1, SYNTHETIC_SHIFTS, []);
    const rows = computeCoverage(model, [
      { date: '2027-01-04', shiftTypeId: 'st-N', minLevel: 4, min: 1, ideal: 1 },
      { date: '2027-01-04', shiftTypeId: 'st-V', minLevel: 3, min: 1, ideal: 1 },
      { date: '2027-01-04', shiftTypeId: 'st-V', minLevel: 1, min: 3, ideal: 4 },
      { date: '2027-01-04', shiftTypeId: 'st-N', minLevel: 3, min: 2, ideal: 2 },
    ]);
    expect(coveragePerShift(rows).map((r) => `${r.shiftTypeId}:${r.minLevel}`)).toEqual(['st-V:1', 'st-N:3']);
  });
});
