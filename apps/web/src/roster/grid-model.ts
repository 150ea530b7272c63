/**
 * The roster grid as flat typed arrays: one cell per employee × day holding the index of its
 * shift type (or EMPTY). Cheap to copy on every change, cheap to read while scrolling 2,000 × 84.
 */
import { datesOf, isWeekend, shiftMinutes } from '../dates.ts';

export const EMPTY = -1;

export interface GridEmployee {
  id: string;
  name: string;
  contractHoursPerWeek: number;
  level: number;
  skills?: string[];
  worksNights?: boolean;
}

export interface GridShiftType {
  id: string;
  code: string;
  name: string;
  start: string;
  end: string;
  breakMinutes?: number;
  category: string;
  color: string;
}

export interface GridAssignment {
  employeeId: string;
  date: string;
  shiftTypeId: string;
  pinned?: boolean;
}

export interface GridModel {
  employees: GridEmployee[];
  dates: string[];
  shiftTypes: GridShiftType[];
  /** Shift type index per cell, row-major (row * dates.length + col). */
  cells: Int16Array;
  pinned: Uint8Array;
  rowOf: Map<string, number>;
  colOf: Map<string, number>;
  shiftIndexOf: Map<string, number>;
}

export function createGridModel(
  employees: GridEmployee[],
  start: string,
  days: number,
  shiftTypes: GridShiftType[],
  assignments: Iterable<GridAssignment>,
): GridModel {
  const dates = datesOf(start, days);
  const model: GridModel = {
    employees,
    dates,
    shiftTypes,
    cells: new Int16Array(employees.length * days).fill(EMPTY),
    pinned: new Uint8Array(employees.length * days),
    rowOf: new Map(employees.map((e, i) => [e.id, i])),
    colOf: new Map(dates.map((d, i) => [d, i])),
    shiftIndexOf: new Map(shiftTypes.map((s, i) => [s.id, i])),
  };
  for (const a of assignments) {
    const index = cellIndex(model, a.employeeId, a.date);
    const shift = model.shiftIndexOf.get(a.shiftTypeId);
    if (index === undefined || shift === undefined) continue;
    model.cells[index] = shift;
    model.pinned[index] = a.pinned ? 1 : 0;
  }
  return model;
}

export function cellIndex(model: GridModel, employeeId: string, date: string): number | undefined {
  const row = model.rowOf.get(employeeId);
  const col = model.colOf.get(date);
  return row === undefined || col === undefined ? undefined : row * model.dates.length + col;
}

export function shiftAt(model: GridModel, row: number, col: number): GridShiftType | undefined {
  const s = model.cells[row * model.dates.length + col]!;
  return s === EMPTY ? undefined : model.shiftTypes[s];
}

export interface CellChange {
  employeeId: string;
  date: string;
  /** null clears the day. */
  shiftTypeId: string | null;
  pinned?: boolean;
}

/** A new model with the changes applied (the old one is left untouched for undo/rollback). */
export function applyChanges(model: GridModel, changes: CellChange[]): GridModel {
  const cells = model.cells.slice();
  const pinned = model.pinned.slice();
  for (const c of changes) {
    const index = cellIndex(model, c.employeeId, c.date);
    if (index === undefined) continue;
    cells[index] = c.shiftTypeId === null ? EMPTY : (model.shiftIndexOf.get(c.shiftTypeId) ?? EMPTY);
    if (c.pinned !== undefined) pinned[index] = c.pinned ? 1 : 0;
    if (cells[index] === EMPTY) pinned[index] = 0;
  }
  return { ...model, cells, pinned };
}

/**
 * The changes that would clear a pinned shift (keyboard Delete, the "Leegmaken" brush): pinned
 * means the planner fixed it on purpose, so the page asks before clearing it.
 */
export function pinnedClears(model: GridModel, changes: readonly CellChange[]): CellChange[] {
  return changes.filter((c) => {
    if (c.shiftTypeId !== null) return false;
    const index = cellIndex(model, c.employeeId, c.date);
    return index !== undefined && model.cells[index] !== EMPTY && model.pinned[index] === 1;
  });
}

/** The assignments of the model, e.g. to compare with a proposal. */
export function assignmentsOf(model: GridModel): GridAssignment[] {
  const out: GridAssignment[] = [];
  const days = model.dates.length;
  for (let i = 0; i < model.cells.length; i++) {
    const s = model.cells[i]!;
    if (s === EMPTY) continue;
    out.push({
      employeeId: model.employees[Math.floor(i / days)]!.id,
      date: model.dates[i % days]!,
      shiftTypeId: model.shiftTypes[s]!.id,
      pinned: model.pinned[i] === 1,
    });
  }
  return out;
}

export interface RowSummary {
  minutes: number;
  /** Contract minutes over the displayed period (weeks × contract hours). */
  contractMinutes: number;
  shifts: number;
  nights: number;
  weekendDays: number;
}

export function rowSummary(model: GridModel, row: number): RowSummary {
  const days = model.dates.length;
  const summary: RowSummary = {
    minutes: 0,
    contractMinutes: Math.round((model.employees[row]!.contractHoursPerWeek * 60 * days) / 7),
    shifts: 0,
    nights: 0,
    weekendDays: 0,
  };
  for (let col = 0; col < days; col++) {
    const shift = shiftAt(model, row, col);
    if (!shift) continue;
    summary.shifts++;
    summary.minutes += shiftMinutes(shift);
    if (shift.category === 'night') summary.nights++;
    if (isWeekend(model.dates[col]!)) summary.weekendDays++;
  }
  return summary;
}

/** Cells from one column to another within a row (a drag), in either direction. */
export function cellsBetween(
  row: number,
  fromCol: number,
  toCol: number,
): Array<{ row: number; col: number }> {
  const lo = Math.min(fromCol, toCol);
  const hi = Math.max(fromCol, toCol);
  return Array.from({ length: hi - lo + 1 }, (_, i) => ({ row, col: lo + i }));
}

export interface Position {
  row: number;
  col: number;
}

/**
 * Keyboard navigation of the grid: arrows, Home/End (row start/end), Ctrl+Home/End (grid corners),
 * PageUp/PageDown (a screen of rows). Returns undefined for keys that do not move.
 */
export function moveByKey(
  at: Position,
  key: string,
  size: { rows: number; cols: number; pageRows: number },
  ctrl = false,
): Position | undefined {
  const clamp = (p: Position): Position => ({
    row: Math.max(0, Math.min(size.rows - 1, p.row)),
    col: Math.max(0, Math.min(size.cols - 1, p.col)),
  });
  switch (key) {
    case 'ArrowUp':
      return clamp({ row: at.row - 1, col: at.col });
    case 'ArrowDown':
      return clamp({ row: at.row + 1, col: at.col });
    case 'ArrowLeft':
      return clamp({ row: at.row, col: at.col - 1 });
    case 'ArrowRight':
      return clamp({ row: at.row, col: at.col + 1 });
    case 'Home':
      return ctrl ? { row: 0, col: 0 } : { row: at.row, col: 0 };
    case 'End':
      return ctrl
        ? clamp({ row: size.rows - 1, col: size.cols - 1 })
        : clamp({ row: at.row, col: size.cols - 1 });
    case 'PageUp':
      return clamp({ row: at.row - size.pageRows, col: at.col });
    case 'PageDown':
      return clamp({ row: at.row + size.pageRows, col: at.col });
    default:
      return undefined;
  }
}

/** The shift type a typed key stands for (its code, case-insensitive), for assigning by keyboard. */
export function shiftForKey(shiftTypes: GridShiftType[], key: string): GridShiftType | undefined {
  if (key.length !== 1) return undefined;
  const k = key.toUpperCase();
  return shiftTypes.find((s) => s.code.toUpperCase() === k);
}
