/**
 * Rest violations for the team figures, from the labour-rule engine: every published shift is
 * checked against the organisation's rule profiles and each violation of a rest rule (daily,
 * weekly, after nights) is counted on the day it starts. Only work counts here: leave and sickness
 * neither form a dienst nor interrupt rest.
 */
import { fromEpochMinutes, shiftInterval, type OrganisationData } from '@planmaat/domain';
import { compileRuleSet, RuleEngine, type ShiftInput } from '@planmaat/rules';
import type { RestViolation } from './input.ts';

const REST_RULE = /rest/;

export function restViolationsOf(
  data: Pick<OrganisationData, 'employees' | 'shiftTypes' | 'assignments'>,
  ruleProfiles: readonly string[],
): RestViolation[] {
  const ruleSet = compileRuleSet({ select: [...ruleProfiles] });
  const shiftType = new Map(data.shiftTypes.map((s) => [s.id, s]));
  const shifts: ShiftInput[] = [];
  for (const a of data.assignments) {
    const type = shiftType.get(a.shiftTypeId);
    if (!type) continue;
    const { start, end, breakMinutes } = shiftInterval(a.date, type);
    shifts.push({ employee: a.employeeId, start, end, breakMinutes, kind: 'work' });
  }
  const facts = data.employees.map((e) => ({ id: e.id, birthDate: e.birthDate }));
  return new RuleEngine(ruleSet)
    .check(shifts, facts)
    .filter((v) => REST_RULE.test(v.rule))
    .map((v) => ({ employeeId: v.employee, date: fromEpochMinutes(v.start).slice(0, 10), ruleId: v.rule }));
}
