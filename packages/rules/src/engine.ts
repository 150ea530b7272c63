/**
 * Batch checking: group shifts by employee, build each timeline, run every evaluator, collect
 * Violation objects. The same evaluators serve the incremental checker and the solver scorer.
 */
import { dayNumber } from '@planmaat/domain';
import type { CompiledRule, CompiledRuleSet } from './compile.ts';
import { appliesTo, createEvaluator, type Evaluator } from './evaluators.ts';
import { unitOf } from './messages.ts';
import { ViolationRecord, type Sink } from './sink.ts';
import { Timeline } from './timeline.ts';
import type { EmployeeFacts, ShiftInput, Violation } from './types.ts';

/** Local day number of the 18th birthday; -Infinity (always adult) when unknown. */
export function adultFromDay(birthDate: string | undefined): number {
  if (!birthDate) return -Infinity;
  const day = dayNumber(birthDate);
  const d = new Date(day * 86_400_000);
  // Date.UTC rolls 29 February over to 1 March in a common year.
  return Date.UTC(d.getUTCFullYear() + 18, d.getUTCMonth(), d.getUTCDate()) / 86_400_000;
}

/** Collects Violation objects for one employee's timeline. */
export class ReportSink implements Sink {
  readonly v = new ViolationRecord();
  out: Violation[] = [];
  shifts: readonly ShiftInput[] = [];
  /** Keep only violations whose extent meets [from, to] (incremental re-checks). */
  from = -Infinity;
  to = Infinity;

  commit(rule: CompiledRule, tl: Timeline): void {
    const v = this.v;
    if (v.extentEnd < this.from || v.extentStart > this.to) return;
    const involved: ShiftInput[] = [];
    for (let i = v.firstBlock; i <= v.lastBlock && i < tl.n; i++)
      if ((1 << tl.bKind[i]) & v.blockMask) involved.push(this.shifts[tl.bRef[i]]);
    const details: Record<string, number> = {};
    for (const key of ['total', 'nights', 'work', 'weeks', 'year', 'kindCode'] as const)
      if (!Number.isNaN(v[key])) details[key] = v[key];
    this.out.push({
      rule: rule.id,
      tier: rule.tier,
      employee: tl.employee,
      start: v.start,
      end: v.end,
      value: v.value,
      limit: v.limit,
      unit: unitOf(rule, v.aspect),
      aspect: v.aspect === 'default' ? undefined : v.aspect,
      unconfirmed: rule.unconfirmedReasons.length > 0 || v.flags !== 0,
      dynamicFlags: v.flags,
      shifts: involved,
      details,
      extentStart: v.extentStart,
      extentEnd: v.extentEnd,
    });
  }
}

export function compareShifts(a: ShiftInput, b: ShiftInput): number {
  return a.start - b.start || a.end - b.end;
}

export function compareViolations(a: Violation, b: Violation): number {
  return (
    (a.employee < b.employee ? -1 : a.employee > b.employee ? 1 : 0) ||
    a.start - b.start ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    a.end - b.end
  );
}

export class RuleEngine {
  readonly evaluators: Evaluator[];
  private readonly timeline = new Timeline();
  private readonly sink = new ReportSink();

  constructor(readonly ruleSet: CompiledRuleSet) {
    this.evaluators = ruleSet.rules.map(createEvaluator);
  }

  /**
   * Check one employee. `shifts` must be sorted by start (see compareShifts). When `timeline`
   * is given it is (re)loaded and left holding this employee's data.
   */
  checkEmployee(
    employee: string,
    shifts: readonly ShiftInput[],
    birthDate?: string,
    timeline: Timeline = this.timeline,
  ): Violation[] {
    timeline.loadShifts(employee, shifts, adultFromDay(birthDate));
    const sink = this.sink;
    sink.out = [];
    sink.shifts = shifts;
    sink.from = -Infinity;
    sink.to = Infinity;
    for (const e of this.evaluators)
      if (appliesTo(e.rule, timeline)) e.evaluate(timeline, -Infinity, Infinity, sink);
    return sink.out;
  }

  /** Re-run the rules whose indices are given on [from, to] of a loaded timeline. */
  checkRange(
    timeline: Timeline,
    shifts: readonly ShiftInput[],
    ruleIndex: number,
    from: number,
    to: number,
  ): Violation[] {
    const sink = this.sink;
    sink.out = [];
    sink.shifts = shifts;
    sink.from = from;
    sink.to = to;
    const e = this.evaluators[ruleIndex];
    if (appliesTo(e.rule, timeline)) e.evaluate(timeline, from, to, sink);
    return sink.out;
  }

  /** Check every employee's shifts; employees without facts are treated as adults. */
  check(shifts: readonly ShiftInput[], employees: readonly EmployeeFacts[] = []): Violation[] {
    const births = new Map(employees.map((e) => [e.id, e.birthDate]));
    const byEmployee = groupByEmployee(shifts);
    const out: Violation[] = [];
    for (const [employee, list] of byEmployee) {
      for (const v of this.checkEmployee(employee, list, births.get(employee))) out.push(v);
    }
    return out.sort(compareViolations);
  }
}

/** Shifts per employee, each list sorted by start; employees in first-seen order. */
export function groupByEmployee(shifts: readonly ShiftInput[]): Map<string, ShiftInput[]> {
  const byEmployee = new Map<string, ShiftInput[]>();
  for (const s of shifts) {
    let list = byEmployee.get(s.employee);
    if (!list) byEmployee.set(s.employee, (list = []));
    list.push(s);
  }
  for (const list of byEmployee.values()) list.sort(compareShifts);
  return byEmployee;
}
