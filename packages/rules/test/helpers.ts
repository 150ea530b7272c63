import { addDays, toEpochMinutes } from '@planmaat/domain';
import {
  RuleEngine,
  compileRuleSet,
  type EmployeeFacts,
  type RuleOverride,
  type ShiftInput,
  type ShiftKind,
  type Violation,
} from '../src/index.ts';

/** A shift of employee E1 (or `employee`) from local date-times, e.g. sh('2026-03-02T07:00', '2026-03-02T15:00'). */
export function sh(
  start: string,
  end: string,
  breakMinutes = 0,
  kind: ShiftKind = 'work',
  employee = 'E1',
): ShiftInput {
  return { employee, start: toEpochMinutes(start), end: toEpochMinutes(end), breakMinutes, kind };
}

/** A shift on `date` from clock `from` to clock `to` (next day when `to` <= `from`). */
export function on(
  date: string,
  from: string,
  to: string,
  breakMinutes = 0,
  kind: ShiftKind = 'work',
  employee = 'E1',
) {
  const endDate = to <= from ? addDays(date, 1) : date;
  return sh(`${date}T${from}`, `${endDate}T${to}`, breakMinutes, kind, employee);
}

/** The same shift on `count` consecutive days from `date`. */
export function daily(
  date: string,
  count: number,
  from: string,
  to: string,
  breakMinutes = 0,
  kind: ShiftKind = 'work',
) {
  return Array.from({ length: count }, (_, i) => on(addDays(date, i), from, to, breakMinutes, kind));
}

export interface CheckOptions {
  select?: string[];
  employees?: EmployeeFacts[];
  overrides?: RuleOverride[];
}

export function check(shifts: ShiftInput[], options: CheckOptions = {}): Violation[] {
  const ruleSet = compileRuleSet({ select: options.select ?? ['atw'], overrides: options.overrides });
  return new RuleEngine(ruleSet).check(shifts, options.employees ?? []);
}

/** Violations of one rule. */
export function of(rule: string, shifts: ShiftInput[], options: CheckOptions = {}): Violation[] {
  return check(shifts, options).filter((v) => v.rule === rule);
}
