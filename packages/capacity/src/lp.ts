/**
 * A small linear-model builder that writes CPLEX LP text for HiGHS (the `highs` WebAssembly build,
 * loaded once per process). Variables and rows get short generated names; callers keep their own
 * meaning in side tables.
 */
import * as highsModule from 'highs';
import type { Highs, InitOptions } from 'highs';

// The package's types describe CommonJS; under ESM the loader is the module's default export.
type Loader = (options?: InitOptions) => Promise<Highs>;
const loadHighs: Loader = (highsModule as unknown as { default: Loader }).default;
let highsPromise: Promise<Highs> | undefined;

export function highs(): Promise<Highs> {
  if (!highsPromise) highsPromise = loadHighs();
  return highsPromise;
}

export interface Term {
  variable: number;
  coefficient: number;
}

export interface Row {
  name: string;
  terms: Term[];
  sense: '<=' | '>=' | '=';
  rhs: number;
}

export interface Variable {
  name: string;
  cost: number;
  lower: number;
  upper: number;
  integer: boolean;
}

export interface SolveResult {
  status: string;
  objective: number;
  values: Float64Array;
  /** Row activities, in row order. */
  activity: Float64Array;
  /** Row duals (LP only; zeros for a MIP). */
  duals: Float64Array;
}

export class LinearModel {
  readonly variables: Variable[] = [];
  readonly rows: Row[] = [];

  addVariable(prefix: string, cost: number, lower = 0, upper = Infinity, integer = false): number {
    const index = this.variables.length;
    this.variables.push({ name: `${prefix}${index}`, cost, lower, upper, integer });
    return index;
  }

  addRow(prefix: string, terms: Term[], sense: Row['sense'], rhs: number): number {
    const index = this.rows.length;
    this.rows.push({ name: `${prefix}${index}`, terms, sense, rhs });
    return index;
  }

  /** CPLEX LP text; `fixed` pins variables (index → value), `relax` drops integrality. */
  toLp(fixed?: ReadonlyMap<number, number>, relax = false): string {
    const out: string[] = ['Minimize', ' obj:'];
    let any = false;
    for (const v of this.variables)
      if (v.cost !== 0) {
        out.push(` ${fmt(v.cost)} ${v.name}`);
        any = true;
      }
    if (!any) out.push(` 0 ${this.variables[0]?.name ?? 'x0'}`);
    out.push('Subject To');
    for (const row of this.rows) {
      const terms = row.terms.filter((t) => t.coefficient !== 0);
      if (terms.length === 0) continue;
      out.push(` ${row.name}:`);
      for (const t of terms) out.push(` ${fmt(t.coefficient)} ${this.variables[t.variable].name}`);
      out.push(` ${row.sense} ${num(row.rhs)}`);
    }
    out.push('Bounds');
    this.variables.forEach((v, i) => {
      const pin = fixed?.get(i);
      if (pin !== undefined) out.push(` ${v.name} = ${num(pin)}`);
      else if (v.upper === Infinity) out.push(` ${v.name} >= ${num(v.lower)}`);
      else out.push(` ${num(v.lower)} <= ${v.name} <= ${num(v.upper)}`);
    });
    if (!relax) {
      const ints = this.variables.filter((v, i) => v.integer && !fixed?.has(i)).map((v) => v.name);
      if (ints.length) out.push('General', ...ints.map((n) => ` ${n}`));
    }
    out.push('End');
    return out.join('\n');
  }

  async solve(
    options: { timeLimitSeconds?: number; mipGap?: number; fixed?: ReadonlyMap<number, number> } = {},
  ): Promise<SolveResult> {
    const solver = await highs();
    const result = solver.solve(this.toLp(options.fixed), {
      output_flag: false,
      time_limit: options.timeLimitSeconds ?? 10,
      mip_rel_gap: options.mipGap ?? 1e-6,
    });
    const values = new Float64Array(this.variables.length);
    const activity = new Float64Array(this.rows.length);
    const duals = new Float64Array(this.rows.length);
    const hasSolution = result.Status === 'Optimal' || result.Status === 'Time limit reached';
    if (hasSolution) {
      const columns = result.Columns as Record<string, { Primal?: number }>;
      this.variables.forEach((v, i) => (values[i] = columns[v.name]?.Primal ?? 0));
      const byName = new Map<string, { Primal?: number; Dual?: number }>();
      for (const r of result.Rows as Array<{ Name?: string; Primal?: number; Dual?: number }>)
        if (r.Name) byName.set(r.Name, r);
      this.rows.forEach((row, i) => {
        const r = byName.get(row.name);
        if (r) {
          activity[i] = r.Primal ?? 0;
          duals[i] = r.Dual ?? 0;
        } else {
          let s = 0;
          for (const t of row.terms) s += t.coefficient * values[t.variable];
          activity[i] = s;
        }
      });
    }
    return {
      status: result.Status,
      objective: hasSolution ? result.ObjectiveValue : NaN,
      values,
      activity,
      duals,
    };
  }
}

function num(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '1e30' : '-1e30';
  return String(Math.round(x * 1e6) / 1e6);
}

function fmt(coefficient: number): string {
  return coefficient < 0 ? `- ${num(-coefficient)}` : `+ ${num(coefficient)}`;
}
