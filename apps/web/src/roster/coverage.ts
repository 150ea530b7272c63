/**
 * Coverage (bezetting): per shift type and minimum qualification level, how many employees are
 * rostered each day against the demand's minimum and ideal head count.
 */
import { EMPTY, type GridModel } from './grid-model.ts';

export type CoverageStatus = 'short' | 'ok' | 'ideal' | 'over' | 'none';

export interface DemandRow {
  date: string;
  shiftTypeId: string;
  minLevel: number;
  skills?: string[];
  min: number;
  ideal: number;
}

export interface CoverageCell {
  count: number;
  min: number;
  ideal: number;
  status: CoverageStatus;
}

export interface CoverageRow {
  shiftTypeId: string;
  minLevel: number;
  skills: string[];
  /** One per date of the model. */
  cells: CoverageCell[];
}

export function coverageStatus(count: number, min: number, ideal: number): CoverageStatus {
  if (min === 0 && ideal === 0) return count > 0 ? 'over' : 'none';
  if (count < min) return 'short';
  if (count < ideal) return 'ok';
  if (count === ideal) return 'ideal';
  return 'over';
}

export function computeCoverage(model: GridModel, demand: DemandRow[]): CoverageRow[] {
  const days = model.dates.length;
  const rows = new Map<string, CoverageRow>();
  const keyOf = (d: DemandRow) => `${d.shiftTypeId}|${d.minLevel}|${(d.skills ?? []).join(',')}`;
  for (const d of demand) {
    const col = model.colOf.get(d.date);
    if (col === undefined || !model.shiftIndexOf.has(d.shiftTypeId)) continue;
    const key = keyOf(d);
    let row = rows.get(key);
    if (!row) {
      row = {
        shiftTypeId: d.shiftTypeId,
        minLevel: d.minLevel,
        skills: d.skills ?? [],
        cells: Array.from({ length: days }, () => ({
          count: 0,
          min: 0,
          ideal: 0,
          status: 'none' as CoverageStatus,
        })),
      };
      rows.set(key, row);
    }
    row.cells[col]!.min += d.min;
    row.cells[col]!.ideal += d.ideal;
  }
  // Count each employee once per (day, shift) toward every row whose level and skills they meet.
  const list = [...rows.values()];
  const byShift = new Map<number, CoverageRow[]>();
  for (const row of list) {
    const s = model.shiftIndexOf.get(row.shiftTypeId)!;
    byShift.set(s, [...(byShift.get(s) ?? []), row]);
  }
  for (let r = 0; r < model.employees.length; r++) {
    const employee = model.employees[r]!;
    const base = r * days;
    for (let col = 0; col < days; col++) {
      const s = model.cells[base + col]!;
      if (s === EMPTY) continue;
      for (const row of byShift.get(s) ?? []) {
        if (employee.level < row.minLevel) continue;
        if (row.skills.length && !row.skills.every((k) => employee.skills?.includes(k))) continue;
        row.cells[col]!.count++;
      }
    }
  }
  for (const row of list) for (const c of row.cells) c.status = coverageStatus(c.count, c.min, c.ideal);
  const order = (id: string) => model.shiftIndexOf.get(id) ?? 0;
  return list.sort((a, b) => order(a.shiftTypeId) - order(b.shiftTypeId) || a.minLevel - b.minLevel);
}

/** Totals for a summary line: how many shift-days are short, and by how many people. */
export function coverageTotals(rows: CoverageRow[]): {
  shortCells: number;
  missing: number;
  overCells: number;
} {
  let shortCells = 0;
  let missing = 0;
  let overCells = 0;
  for (const row of rows)
    for (const c of row.cells) {
      if (c.status === 'short') {
        shortCells++;
        missing += c.min - c.count;
      } else if (c.status === 'over') overCells++;
    }
  return { shortCells, missing, overCells };
}

/** One row per shift (its lowest level, the head count of everyone on it): a compact header. */
export function coveragePerShift(rows: CoverageRow[]): CoverageRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    if (seen.has(r.shiftTypeId)) return false;
    seen.add(r.shiftTypeId);
    return true;
  });
}
