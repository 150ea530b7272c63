/**
 * Weekend plan: who works which weekend shift, solved as a 0-1 programme by HiGHS before the
 * search starts. Worked weekends are the scarcest resource of the long instances (every
 * employee ends at their maximum) and a local search cannot trade them between employees and
 * weekends at scale: it takes coordinated changes of many rows. The plan decides them at once —
 * weekend cover (under and over), weekend requests, each employee's maximum weekends, their type
 * maxima and minutes as far as weekends use them, and the forbidden Saturday → Sunday
 * successions — and leaves the weekdays (rhythm, minimum minutes) to the search.
 */
import type { Highs } from 'highs';
import type { CompiledNrp } from './compiled.ts';
import {
  addSparseColumn,
  addSparseRow,
  createSparseModel,
  modelStatusName,
  newSparseMip,
  type SparseMip,
} from './highs.ts';

export interface WeekendPlan {
  /** Planned worked cells: cells[k] = n·H + d, shifts[k] the shift index. */
  cells: Int32Array;
  shifts: Int8Array;
  /** Objective of the plan (weekend cover and requests, relative to every weekend off). */
  objective: number;
  /** HiGHS' model status, e.g. "optimal" or "timeLimit". */
  status: string;
}

export interface WeekendPlanOptions {
  /** HiGHS' time limit in seconds. */
  seconds: number;
}

interface PlannedColumn {
  column: number;
  cell: number;
  shift: number;
}

const ones = (n: number) => new Array<number>(n).fill(1);

/**
 * The weekend plan of a whole instance (frozen cells of window sub-instances are not looked at),
 * or undefined when HiGHS found no integer plan within its time.
 */
export function planWeekends(
  c: CompiledNrp,
  highs: Highs,
  options: WeekendPlanOptions,
): WeekendPlan | undefined {
  const { N, H, S } = c;
  const weekends = Math.floor(H / 7);
  const m = newSparseMip();
  // x columns: (employee, weekend day, shift) with the cell they stand for.
  const planned: PlannedColumn[] = [];
  const coverTerms = new Map<number, number[]>();
  for (let n = 0; n < N; n++) {
    const worked: number[] = [];
    const byType = new Map<number, number[]>();
    const minuteColumns: number[] = [];
    const minutes: number[] = [];
    for (let k = 0; k < weekends; k++) {
      const days = [7 * k + 5, 7 * k + 6].filter((d) => !c.fixedOff[n * H + d]);
      if (days.length === 0) continue;
      const w = addSparseColumn(m, 0, 1, true);
      worked.push(w);
      const shiftsOn = new Map<number, Map<number, number>>();
      for (const d of days) {
        const dayColumns = [w];
        const dayCoefficients = [1];
        const columns = new Map<number, number>();
        shiftsOn.set(d, columns);
        const base = (n * H + d) * (S + 1);
        for (let s = 0; s < S; s++) {
          // Only shifts the weekend needs: others would only add over-cover.
          if (c.maxPerType[n * S + s] === 0 || c.coverRequired[d * S + s] === 0) continue;
          const x = addSparseColumn(m, c.cellCost[base + s + 1] - c.cellCost[base], 1, true);
          planned.push({ column: x, cell: n * H + d, shift: s });
          columns.set(s, x);
          dayColumns.push(x);
          dayCoefficients.push(-1);
          const key = d * S + s;
          const terms = coverTerms.get(key);
          if (terms) terms.push(x);
          else coverTerms.set(key, [x]);
          const ofType = byType.get(s);
          if (ofType) ofType.push(x);
          else byType.set(s, [x]);
          minuteColumns.push(x);
          minutes.push(c.shiftMinutes[s]);
        }
        // At most one shift a day, and only on a worked weekend.
        addSparseRow(m, dayColumns, dayCoefficients, 0, Infinity);
      }
      const saturday = shiftsOn.get(7 * k + 5);
      const sunday = shiftsOn.get(7 * k + 6);
      if (saturday && sunday)
        for (const [s, xs] of saturday) {
          const columns = [xs];
          for (const [t, xt] of sunday) if (c.forbidden[s * S + t]) columns.push(xt);
          if (columns.length > 1) addSparseRow(m, columns, ones(columns.length), -Infinity, 1);
        }
    }
    if (worked.length > c.maxWeekends[n])
      addSparseRow(m, worked, ones(worked.length), -Infinity, c.maxWeekends[n]);
    for (const [s, xs] of byType)
      if (c.maxPerType[n * S + s] < xs.length)
        addSparseRow(m, xs, ones(xs.length), -Infinity, c.maxPerType[n * S + s]);
    addSparseRow(m, minuteColumns, minutes, -Infinity, c.maxMinutes[n]);
  }
  for (let k = 0; k < weekends; k++)
    for (const d of [7 * k + 5, 7 * k + 6])
      for (let s = 0; s < S; s++) {
        const key = d * S + s;
        const required = c.coverRequired[key];
        if (required === 0) continue;
        const under = addSparseColumn(m, c.coverUnder[key], Infinity, false);
        const over = addSparseColumn(m, c.coverOver[key], Infinity, false);
        const xs = coverTerms.get(key) ?? [];
        addSparseRow(m, [...xs, under, over], [...ones(xs.length), 1, -1], required, required);
      }
  return solve(highs, m, options, planned);
}

function solve(
  highs: Highs,
  m: SparseMip,
  options: WeekendPlanOptions,
  planned: PlannedColumn[],
): WeekendPlan | undefined {
  const model = createSparseModel(highs, m);
  try {
    model.options.set({
      output_flag: false,
      time_limit: options.seconds,
      mip_rel_gap: 1e-3,
    });
    const run = model.run();
    if (Number(model.info.get('primal_solution_status')) !== 2) return undefined;
    const value = model.getSolution().colValue;
    const chosen = planned.filter((p) => value[p.column] > 0.5);
    return {
      cells: Int32Array.from(chosen, (p) => p.cell),
      shifts: Int8Array.from(chosen, (p) => p.shift),
      objective: model.getObjectiveValue(),
      status: modelStatusName(highs, run.modelStatus),
    };
  } finally {
    model.dispose();
  }
}
