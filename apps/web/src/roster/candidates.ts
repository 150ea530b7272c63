/**
 * "Wie past hier?": a first, transparent estimate of who could take a shift on a day and what it
 * would cost, from the roster in the grid alone (rest around the shift, hours against contract,
 * working-day streak, weekends, nights). Each cost comes with its reasons; the rule engine stays
 * the judge once the shift is assigned.
 */
import { clockMinutes, isWeekend, shiftMinutes } from '../dates.ts';
import { EMPTY, rowSummary, type GridModel, type GridShiftType } from './grid-model.ts';

export const MIN_REST_MINUTES = 11 * 60;
export const MAX_STREAK_DAYS = 6;

export type Reason =
  | { key: 'restBefore' | 'restAfter'; minutes: number }
  | { key: 'overContract' | 'underContract'; hours: number }
  | { key: 'streak'; days: number }
  | { key: 'weekend'; days: number }
  | { key: 'night' };

export interface CandidateEstimate {
  employeeId: string;
  row: number;
  cost: number;
  reasons: Reason[];
}

/** Minutes from the end of `before` (on day d) to the start of `after` (on day d + 1). */
function restBetween(before: GridShiftType, after: GridShiftType): number {
  const end = clockMinutes(before.start) + shiftMinutes(before) + (before.breakMinutes ?? 0);
  return 1440 + clockMinutes(after.start) - end;
}

export function rankCandidates(
  model: GridModel,
  col: number,
  shiftTypeId: string,
  options: { absences?: Uint8Array; minLevel?: number; limit?: number } = {},
): CandidateEstimate[] {
  const shiftIndex = model.shiftIndexOf.get(shiftTypeId);
  if (shiftIndex === undefined) return [];
  const shift = model.shiftTypes[shiftIndex]!;
  const days = model.dates.length;
  const date = model.dates[col]!;
  const out: CandidateEstimate[] = [];
  for (let row = 0; row < model.employees.length; row++) {
    const index = row * days + col;
    if (model.cells[index] !== EMPTY) continue; // already working that day
    if (options.absences?.[index]) continue; // leave, sick, unavailable
    const employee = model.employees[row]!;
    if (options.minLevel && employee.level < options.minLevel) continue;
    if (shift.category === 'night' && employee.worksNights === false) continue;
    const reasons: Reason[] = [];
    let cost = 0;
    const before = col > 0 ? model.cells[index - 1]! : EMPTY;
    if (before !== EMPTY) {
      const rest = restBetween(model.shiftTypes[before]!, shift);
      if (rest < MIN_REST_MINUTES) {
        cost += 100;
        reasons.push({ key: 'restBefore', minutes: rest });
      }
    }
    const after = col < days - 1 ? model.cells[index + 1]! : EMPTY;
    if (after !== EMPTY) {
      const rest = restBetween(shift, model.shiftTypes[after]!);
      if (rest < MIN_REST_MINUTES) {
        cost += 100;
        reasons.push({ key: 'restAfter', minutes: rest });
      }
    }
    let streak = 1;
    for (let c = col - 1; c >= 0 && model.cells[row * days + c] !== EMPTY; c--) streak++;
    for (let c = col + 1; c < days && model.cells[row * days + c] !== EMPTY; c++) streak++;
    if (streak > MAX_STREAK_DAYS) {
      cost += 40;
      reasons.push({ key: 'streak', days: streak });
    }
    const summary = rowSummary(model, row);
    const hoursAfter = (summary.minutes + shiftMinutes(shift) - summary.contractMinutes) / 60;
    if (hoursAfter > 0) {
      cost += Math.round(hoursAfter * 3);
      reasons.push({ key: 'overContract', hours: Math.round(hoursAfter * 10) / 10 });
    } else {
      // Below contract: taking the shift brings them closer; the further below (relative to
      // their contract), the larger the bonus, at most 10.
      const contractHours = summary.contractMinutes / 60;
      cost -= contractHours > 0 ? Math.round((10 * -hoursAfter) / contractHours) : 0;
      reasons.push({ key: 'underContract', hours: Math.round(-hoursAfter * 10) / 10 });
    }
    if (isWeekend(date) && summary.weekendDays >= 2) {
      cost += 5 * summary.weekendDays;
      reasons.push({ key: 'weekend', days: summary.weekendDays + 1 });
    }
    if (shift.category === 'night' && summary.nights === 0) {
      cost += 5;
      reasons.push({ key: 'night' });
    }
    out.push({ employeeId: employee.id, row, cost, reasons });
  }
  out.sort(
    (a, b) => a.cost - b.cost || model.employees[a.row]!.name.localeCompare(model.employees[b.row]!.name),
  );
  return out.slice(0, options.limit ?? 8);
}
