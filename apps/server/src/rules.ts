/**
 * The rule checker this build ships: @planmaat/rules (ATW, ATB care chapter, CAO profiles) over
 * the roster's work shifts. Signals only — a violation never blocks a save (the planner decides).
 */
import { compileRuleSet, messageOf, RuleEngine, type CompiledRuleSet } from '@planmaat/rules';
import { fromEpochMinutes, shiftInterval, type OrganisationData } from '@planmaat/domain';
import type { RuleChecker, RuleCheckReport } from './rules-port.ts';

export function createRuleChecker(): RuleChecker {
  const engines = new Map<string, { ruleSet: CompiledRuleSet; engine: RuleEngine }>();
  const engineFor = (profiles: string[]) => {
    const key = profiles.join(',');
    let entry = engines.get(key);
    if (!entry) {
      const ruleSet = compileRuleSet({ select: profiles });
      entry = { ruleSet, engine: new RuleEngine(ruleSet) };
      engines.set(key, entry);
    }
    return entry;
  };
  return {
    check(data: OrganisationData, scope): RuleCheckReport {
      const { ruleSet, engine } = engineFor(data.organisation.ruleProfiles);
      const zone = data.organisation.timeZone;
      const shiftTypes = new Map(data.shiftTypes.map((s) => [s.id, s]));
      const wanted = scope.employeeIds ? new Set(scope.employeeIds) : undefined;
      const shifts = data.assignments.flatMap((a) => {
        const type = shiftTypes.get(a.shiftTypeId);
        if (!type || (wanted && !wanted.has(a.employeeId))) return [];
        const interval = shiftInterval(a.date, type, zone);
        return [
          {
            employee: a.employeeId,
            start: interval.start,
            end: interval.end,
            breakMinutes: interval.breakMinutes,
            kind: 'work' as const,
          },
        ];
      });
      const employees = data.employees
        .filter((e) => !wanted || wanted.has(e.id))
        .map((e) => ({ id: e.id, birthDate: e.birthDate }));
      const violations = engine
        .check(shifts, employees)
        .map((v) => ({
          ruleId: v.rule,
          severity: v.tier,
          employeeId: v.employee,
          date: fromEpochMinutes(v.start, zone).slice(0, 10),
          end: fromEpochMinutes(v.end, zone).slice(0, 10),
          message: messageOf(v, ruleSet.byId.get(v.rule)!, 'nl'),
        }))
        // Context shifts outside the period only inform rules that look back or ahead.
        .filter((v) => v.end >= scope.from && v.date <= scope.to)
        .map(({ end: _end, ...v }) => v);
      return { violations, detail: { profiles: ruleSet.profiles, rules: ruleSet.rules.length } };
    },
  };
}

export async function productRuleChecker(): Promise<RuleChecker | undefined> {
  return createRuleChecker();
}
