/**
 * Incremental re-checking after an edit. Per employee it keeps the sorted shifts, the timeline
 * and the violations per rule. An edit changes the data only in a time span [a, b]; it can only
 * change violations whose extent (the span of data they depend on) reaches into that span,
 * widened by each rule's horizon so that merged runs and series are caught. For each rule the
 * checker drops the cached violations whose extent meets [a − horizon, b + horizon] and
 * re-evaluates exactly that range.
 */
import type { CompiledRuleSet } from './compile.ts';
import { RuleEngine, compareShifts, compareViolations, groupByEmployee } from './engine.ts';
import { DIENST_SEPARATOR_MINUTES, Timeline } from './timeline.ts';
import type { EmployeeFacts, ShiftInput, Violation } from './types.ts';

interface EmployeeState {
  shifts: ShiftInput[];
  timeline: Timeline;
  /** Violations per rule index. */
  byRule: Violation[][];
}

export interface ShiftEdit {
  /** Shifts to remove (matched by identity, or else by start, end and kind). */
  remove?: readonly ShiftInput[];
  add?: readonly ShiftInput[];
}

export class IncrementalChecker {
  readonly engine: RuleEngine;
  private readonly states = new Map<string, EmployeeState>();
  private readonly births = new Map<string, string | undefined>();

  constructor(ruleSet: CompiledRuleSet, employees: readonly EmployeeFacts[] = []) {
    this.engine = new RuleEngine(ruleSet);
    for (const e of employees) this.births.set(e.id, e.birthDate);
  }

  /** Full check of all shifts; keeps the state for later edits. */
  load(shifts: readonly ShiftInput[]): Violation[] {
    this.states.clear();
    for (const [employee, list] of groupByEmployee(shifts)) this.replaceShifts(employee, list);
    return this.violations();
  }

  /** Replace all shifts of one employee (full re-check of that employee). */
  replaceShifts(employee: string, shifts: readonly ShiftInput[]): Violation[] {
    const sorted = [...shifts].sort(compareShifts);
    const timeline = this.states.get(employee)?.timeline ?? new Timeline();
    const all = this.engine.checkEmployee(employee, sorted, this.births.get(employee), timeline);
    const byRule: Violation[][] = this.engine.ruleSet.rules.map(() => []);
    for (const v of all) byRule[this.engine.ruleSet.byId.get(v.rule)!.index].push(v);
    this.states.set(employee, { shifts: sorted, timeline, byRule });
    return this.violationsOf(employee);
  }

  /** Apply an edit to one employee and re-check only the windows it can affect. */
  edit(employee: string, change: ShiftEdit): Violation[] {
    const state = this.states.get(employee);
    if (!state) return this.replaceShifts(employee, change.add ?? []);
    const removed = change.remove ?? [];
    const added = change.add ?? [];
    if (removed.length === 0 && added.length === 0) return this.violationsOf(employee);

    let a = Infinity;
    let b = -Infinity;
    for (const s of [...removed, ...added]) {
      if (s.start < a) a = s.start;
      if (s.end > b) b = s.end;
    }
    // Diensten touching the edit before the change (they may split or merge).
    [a, b] = widenToDiensten(state.timeline, a, b);

    const shifts = state.shifts.slice();
    for (const r of removed) {
      let i = shifts.indexOf(r);
      if (i < 0) i = shifts.findIndex((s) => s.start === r.start && s.end === r.end && s.kind === r.kind);
      if (i >= 0) shifts.splice(i, 1);
    }
    for (const s of added) {
      let lo = 0;
      let hi = shifts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareShifts(shifts[mid], s) <= 0) lo = mid + 1;
        else hi = mid;
      }
      shifts.splice(lo, 0, s);
    }
    state.shifts = shifts;
    const tl = state.timeline;
    tl.loadShifts(employee, shifts, tl.adultFromDay);
    // ... and after the change.
    [a, b] = widenToDiensten(tl, a, b);

    for (const rule of this.engine.ruleSet.rules) {
      const from = a - rule.horizon;
      const to = b + rule.horizon;
      const kept = state.byRule[rule.index].filter((v) => v.extentEnd < from || v.extentStart > to);
      const fresh = this.engine.checkRange(tl, shifts, rule.index, from, to);
      state.byRule[rule.index] = fresh.length > 0 ? kept.concat(fresh) : kept;
    }
    return this.violationsOf(employee);
  }

  violationsOf(employee: string): Violation[] {
    const state = this.states.get(employee);
    if (!state) return [];
    const out: Violation[] = [];
    for (const list of state.byRule) for (const v of list) out.push(v);
    return out.sort(compareViolations);
  }

  violations(): Violation[] {
    const out: Violation[] = [];
    for (const employee of this.states.keys()) for (const v of this.violationsOf(employee)) out.push(v);
    return out.sort(compareViolations);
  }

  shiftsOf(employee: string): readonly ShiftInput[] {
    return this.states.get(employee)?.shifts ?? [];
  }
}

/** Widen [a, b] to cover every dienst within 8 h of it (a dienst can merge or split there). */
function widenToDiensten(tl: Timeline, a: number, b: number): [number, number] {
  let lo = a - DIENST_SEPARATOR_MINUTES;
  let hi = b + DIENST_SEPARATOR_MINUTES;
  for (let d = tl.firstDienstEndingAfter(lo); d < tl.nd && tl.dStart[d] <= hi; d++) {
    if (tl.dStart[d] < a) a = tl.dStart[d];
    if (tl.dEnd[d] > b) b = tl.dEnd[d];
  }
  lo = Math.min(lo, a);
  hi = Math.max(hi, b);
  return [lo, hi];
}
