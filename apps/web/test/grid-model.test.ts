import { describe, expect, it } from 'vitest';
import {
  EMPTY,
  applyChanges,
  assignmentsOf,
  cellIndex,
  cellsBetween,
  createGridModel,
  moveByKey,
  rowSummary,
  shiftAt,
  shiftForKey,
} from '../src/roster/grid-model.ts';
import { SYNTHETIC_SHIFTS, syntheticRoster } from '../src/roster/synthetic.ts';

const employees = [
  { id: 'a', name: 'Anna', contractHoursPerWeek: 24, level: 3 },
  { id: 'b', name: 'Bram', contractHoursPerWeek: 36, level: 2 },
];

describe('grid model', () => {
  const model = createGridModel(employees, '2027-01-04', 14, SYNTHETIC_SHIFTS, [
    { employeeId: 'a', date: '2027-01-04', shiftTypeId: 'st-V', pinned: true },
    { employeeId: 'a', date: '2027-01-09', shiftTypeId: 'st-N' },
    { employeeId: 'b', date: '2027-01-05', shiftTypeId: 'st-L' },
    { employeeId: 'x', date: '2027-01-05', shiftTypeId: 'st-L' },
    { employeeId: 'b', date: '2026-12-31', shiftTypeId: 'st-L' },
  ]);

  it('places assignments in their cells and ignores those outside the grid', () => {
    expect(model.dates).toHaveLength(14);
    expect(model.dates[13]).toBe('2027-01-17');
    expect(shiftAt(model, 0, 0)?.code).toBe('V');
    expect(shiftAt(model, 0, 5)?.code).toBe('N');
    expect(shiftAt(model, 1, 1)?.code).toBe('L');
    expect(model.pinned[cellIndex(model, 'a', '2027-01-04')!]).toBe(1);
    expect(assignmentsOf(model)).toHaveLength(3);
  });

  it('applies changes to a copy, clears pins with the shift', () => {
    const next = applyChanges(model, [
      { employeeId: 'a', date: '2027-01-04', shiftTypeId: null },
      { employeeId: 'b', date: '2027-01-06', shiftTypeId: 'st-D', pinned: true },
    ]);
    expect(shiftAt(model, 0, 0)?.code).toBe('V');
    expect(next.cells[0]).toBe(EMPTY);
    expect(next.pinned[0]).toBe(0);
    expect(shiftAt(next, 1, 2)?.code).toBe('D');
    expect(next.pinned[cellIndex(next, 'b', '2027-01-06')!]).toBe(1);
  });

  it('sums hours, nights and weekend days per row against the contract', () => {
    const s = rowSummary(model, 0);
    // V 07:00-15:30 minus 30 min break = 480; N 23:15-07:15 = 480 (crosses midnight).
    expect(s.minutes).toBe(960);
    expect(s.contractMinutes).toBe(24 * 60 * 2);
    expect(s.nights).toBe(1);
    expect(s.weekendDays).toBe(1); // 2027-01-09 is a Saturday
    expect(s.shifts).toBe(2);
  });

  it('moves the active cell by key within the bounds', () => {
    const size = { rows: 10, cols: 28, pageRows: 4 };
    expect(moveByKey({ row: 0, col: 0 }, 'ArrowUp', size)).toEqual({ row: 0, col: 0 });
    expect(moveByKey({ row: 0, col: 0 }, 'ArrowRight', size)).toEqual({ row: 0, col: 1 });
    expect(moveByKey({ row: 3, col: 5 }, 'Home', size)).toEqual({ row: 3, col: 0 });
    expect(moveByKey({ row: 3, col: 5 }, 'End', size)).toEqual({ row: 3, col: 27 });
    expect(moveByKey({ row: 3, col: 5 }, 'End', size, true)).toEqual({ row: 9, col: 27 });
    expect(moveByKey({ row: 8, col: 5 }, 'PageDown', size)).toEqual({ row: 9, col: 5 });
    expect(moveByKey({ row: 8, col: 5 }, 'PageUp', size)).toEqual({ row: 4, col: 5 });
    expect(moveByKey({ row: 8, col: 5 }, 'x', size)).toBeUndefined();
  });

  it('maps a typed letter to the shift with that code', () => {
    expect(shiftForKey(SYNTHETIC_SHIFTS, 'n')?.id).toBe('st-N');
    expect(shiftForKey(SYNTHETIC_SHIFTS, 'Q')).toBeUndefined();
    expect(shiftForKey(SYNTHETIC_SHIFTS, 'Enter')).toBeUndefined();
  });

  it('lists the cells of a drag in either direction', () => {
    expect(cellsBetween(2, 5, 3)).toEqual([
      { row: 2, col: 3 },
      { row: 2, col: 4 },
      { row: 2, col: 5 },
    ]);
  });

  it('builds a 2,000 × 84 synthetic roster deterministically', () => {
    const a = syntheticRoster(2000, 84, 7);
    const b = syntheticRoster(2000, 84, 7);
    expect(a.model.cells.length).toBe(168_000);
    expect(Buffer.from(a.model.cells.buffer).equals(Buffer.from(b.model.cells.buffer))).toBe(true);
    const filled = a.model.cells.reduce((n, c) => n + (c === EMPTY ? 0 : 1), 0);
    expect(filled / a.model.cells.length).toBeGreaterThan(0.55);
    expect(filled / a.model.cells.length).toBeLessThan(0.65);
  });
});
