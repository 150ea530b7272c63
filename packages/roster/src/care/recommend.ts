/**
 * Recommendations: for an open shift (a day and shift type) the best employees to put on it, or
 * for one cell the best values, each with its exact score change (hard, medium, soft) — every
 * candidate is applied to the incremental state, scored by delta and undone.
 */
import type { Assignment, OrganisationData } from '@planmaat/domain';
import { InputError } from '@planmaat/domain';
import type { Score } from '../engine/score.ts';
import { cellsFromAssignments, teamSlice } from './cells.ts';
import { compileCareModel, OFF } from './compile.ts';
import type { CareModelOptions } from './options.ts';
import { CareState } from './state.ts';

export interface RecommendTarget {
  date: string;
  /** Open shift: who should work it. With employeeId: what this person should do that day. */
  shiftTypeId?: string;
  employeeId?: string;
}

export interface Recommendation {
  employeeId: string;
  name: string;
  date: string;
  /** Value now and proposed (null = free). */
  from: string | null;
  to: string | null;
  delta: Score;
}

export interface RecommendOptions extends CareModelOptions {
  /** The current roster (default: the period's assignments in `data`). */
  assignments?: Assignment[];
}

/** Top-k candidates, best first (lexicographic on the score change). */
export function recommendCare(
  data: OrganisationData,
  periodId: string,
  target: RecommendTarget,
  k = 5,
  options: RecommendOptions = {},
): Recommendation[] {
  const { assignments, ...modelOptions } = options;
  const slice = teamSlice(data, periodId);
  const m = compileCareModel(slice, periodId, modelOptions);
  const state = new CareState(m, assignments ? cellsFromAssignments(m, assignments) : m.initial);
  const d = m.dates.indexOf(target.date);
  if (d < 0) throw new InputError(`date ${target.date} is outside the period`, 'date');
  const shift =
    target.shiftTypeId === undefined ? undefined : m.shiftTypes.findIndex((s) => s.id === target.shiftTypeId);
  if (shift === -1)
    throw new InputError(`shift type "${target.shiftTypeId}" is not used in this period`, 'shiftTypeId');
  const people =
    target.employeeId === undefined
      ? m.employees.map((_, e) => e)
      : [m.employees.findIndex((x) => x.id === target.employeeId)];
  if (people[0] === -1)
    throw new InputError(`employee "${target.employeeId}" is not in this team`, 'employeeId');
  const out: Recommendation[] = [];
  const name = (s: number) => (s === OFF ? null : m.shiftTypes[s].id);
  for (const e of people) {
    const current = state.cells[e * m.D + d];
    const values = shift !== undefined ? [shift] : [OFF, ...m.shiftTypes.map((_, s) => s)];
    for (const v of values) {
      if (v === current || !state.canTake(e, d, v)) continue;
      const before = { hard: state.hard, medium: state.medium, soft: state.soft };
      state.beginMove();
      state.set(e, d, v);
      state.endMove();
      out.push({
        employeeId: m.employees[e].id,
        name: m.employees[e].name,
        date: target.date,
        from: name(current),
        to: name(v),
        delta: {
          hard: state.hard - before.hard,
          medium: state.medium - before.medium,
          soft: state.soft - before.soft,
        },
      });
      state.undo();
    }
  }
  out.sort(
    (a, b) =>
      a.delta.hard - b.delta.hard ||
      a.delta.medium - b.delta.medium ||
      a.delta.soft - b.delta.soft ||
      a.employeeId.localeCompare(b.employeeId),
  );
  return out.slice(0, k);
}
