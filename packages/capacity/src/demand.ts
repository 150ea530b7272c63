/**
 * Base weekly demand per team and qualification level, from the two sources the organisation
 * already has: shift demand norms (wards) and the visit plan (home care).
 *
 * Demand rows are independent "at least `count` people with level ≥ minLevel" needs on one shift.
 * They are converted to per-level head counts by staffing each band with the lowest level that
 * qualifies: with R(L) = the largest count of any row with minLevel ≥ L, the need at level L
 * (a row's minLevel) is R(L) − R(next higher row level). Early shift {≥1: 4, ≥3: 2, ≥4: 1}
 * becomes 1 × level 4, 1 × level 3, 2 × level 1. Higher levels may still cover lower-level needs
 * (the projection lets surplus flow down), so this gives the cheapest qualifying mix, never a
 * stricter one.
 */
import {
  dayNumber,
  shiftInterval,
  workedMinutes,
  type CareVisit,
  type Client,
  type Demand,
  type ShiftType,
} from '@planmaat/domain';

export type DemandBasis = 'min' | 'ideal';

export interface LevelHours {
  teamId: string;
  level: number;
  hoursPerWeek: number;
}

/** Per-level head counts of one shift's "at least" rows (see the module comment). */
export function perLevelHeadCount(
  rows: ReadonlyArray<{ minLevel: number; count: number }>,
): Map<number, number> {
  const levels = [...new Set(rows.map((r) => r.minLevel))].sort((a, b) => b - a);
  const out = new Map<number, number>();
  let above = 0;
  for (const level of levels) {
    let required = above;
    for (const r of rows) if (r.minLevel >= level && r.count > required) required = r.count;
    if (required > above) out.set(level, required - above);
    above = required;
  }
  return out;
}

/**
 * Weekly paid hours per team and level from demand rows: the rows' days are averaged into one
 * week (so weekends and holidays weigh as often as they occur in the rows' date range).
 */
export function demandHoursFromShifts(
  demand: readonly Demand[],
  shiftTypes: readonly ShiftType[],
  basis: DemandBasis = 'min',
): LevelHours[] {
  const shiftById = new Map(shiftTypes.map((s) => [s.id, s]));
  const groups = new Map<string, Demand[]>();
  const daysByTeam = new Map<string, Set<string>>();
  for (const row of demand) {
    const key = `${row.teamId}\u0000${row.date}\u0000${row.shiftTypeId}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
    let days = daysByTeam.get(row.teamId);
    if (!days) daysByTeam.set(row.teamId, (days = new Set()));
    days.add(row.date);
  }
  const hours = new Map<string, number>();
  for (const rows of groups.values()) {
    const { teamId, date, shiftTypeId } = rows[0];
    const shift = shiftById.get(shiftTypeId);
    if (!shift) continue;
    const paid = workedMinutes(shiftInterval(date, shift)) / 60;
    const counts = perLevelHeadCount(rows.map((r) => ({ minLevel: r.minLevel, count: r[basis] })));
    for (const [level, n] of counts) add(hours, teamId, level, n * paid);
  }
  return toWeekly(hours, daysByTeam);
}

/** Weekly client hours (duration × carers) per team and level from the visit plan; no travel. */
export function clientHoursFromVisits(
  visits: readonly CareVisit[],
  clients: readonly Client[],
): LevelHours[] {
  const teamOf = new Map(clients.map((c) => [c.id, c.teamId]));
  const hours = new Map<string, number>();
  const daysByTeam = new Map<string, Set<string>>();
  for (const v of visits) {
    const teamId = teamOf.get(v.clientId);
    if (!teamId) continue;
    add(hours, teamId, v.minLevel, (v.durationMinutes * v.carersRequired) / 60);
    let days = daysByTeam.get(teamId);
    if (!days) daysByTeam.set(teamId, (days = new Set()));
    days.add(v.date);
  }
  return toWeekly(hours, daysByTeam);
}

function add(map: Map<string, number>, teamId: string, level: number, hours: number): void {
  const key = `${teamId}\u0000${level}`;
  map.set(key, (map.get(key) ?? 0) + hours);
}

function toWeekly(hours: Map<string, number>, daysByTeam: Map<string, Set<string>>): LevelHours[] {
  const out: LevelHours[] = [];
  for (const [key, total] of hours) {
    const [teamId, level] = key.split('\u0000');
    const days = daysByTeam.get(teamId)!;
    // Count the calendar span, not only days with rows, so a day without demand counts as zero.
    const sorted = [...days].sort();
    const span = dayNumber(sorted[sorted.length - 1]) - dayNumber(sorted[0]) + 1;
    out.push({ teamId, level: Number(level), hoursPerWeek: (total * 7) / span });
  }
  return out.sort((a, b) => a.teamId.localeCompare(b.teamId) || a.level - b.level);
}
