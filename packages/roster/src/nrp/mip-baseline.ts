/**
 * The general-MIP baseline of the benchmark: a straightforward 0-1 model of the instance solved by
 * HiGHS (WebAssembly) with a time limit. One binary per (employee, day, permitted shift), cover
 * shortfall/surplus variables, and the textbook linear forms of every hard constraint. It runs
 * synchronously in the calling thread; failures (e.g. the WebAssembly heap running out on the
 * largest instances) are returned as a status, not thrown.
 */
import { createSparseModel, loadHighs, modelStatusName } from './highs.ts';
import { compileNrp } from './compiled.ts';
import type { NrpInstance } from './instance.ts';
import type { NrpRoster } from './roster-file.ts';

/** Larger models exhaust the 4 GB WebAssembly heap before HiGHS finds anything. */
export const MAX_NONZEROS = 30_000_000;

export interface MipBaselineResult {
  status: string;
  /** Best roster HiGHS found, if any. */
  roster?: NrpRoster;
  /** HiGHS' objective of that roster and its dual bound, when available. */
  objective?: number;
  dualBound?: number;
  elapsedMs: number;
  columns: number;
  rows: number;
  nonzeros: number;
}

export async function solveNrpMip(instance: NrpInstance, seconds: number): Promise<MipBaselineResult> {
  const started = Date.now();
  const c = compileNrp(instance);
  const { N, H, S } = c;
  const V = S + 1;

  // Columns: x[n,d,s], then cover shortfall u and surplus o per (d,s), then weekend indicators.
  const xIndex = new Int32Array(N * H * S).fill(-1);
  const colCost: number[] = [];
  const colUpper: number[] = [];
  const integrality: (0 | 1)[] = [];
  let offset = 0;
  for (let n = 0; n < N; n++)
    for (let d = 0; d < H; d++) {
      const cell = (n * H + d) * V;
      offset += c.cellCost[cell];
      if (c.fixedOff[n * H + d]) continue;
      for (let s = 0; s < S; s++) {
        if (c.maxPerType[n * S + s] === 0) continue;
        xIndex[(n * H + d) * S + s] = colCost.length;
        colCost.push(c.cellCost[cell + 1 + s] - c.cellCost[cell]);
        colUpper.push(1);
        integrality.push(1);
      }
    }
  const coverCol = new Int32Array(H * S).fill(-1);
  for (let k = 0; k < H * S; k++) {
    if (c.coverUnder[k] === 0 && c.coverOver[k] === 0) continue;
    coverCol[k] = colCost.length;
    colCost.push(c.coverUnder[k], c.coverOver[k]);
    colUpper.push(Infinity, Infinity);
    integrality.push(0, 0);
  }
  const weeks = H / 7;
  const weekendCol = colCost.length;
  for (let i = 0; i < N * weeks; i++) {
    colCost.push(0);
    colUpper.push(1);
    integrality.push(1);
  }

  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const row = new Map<number, number>();
  const add = (col: number, value: number) => {
    if (col >= 0) row.set(col, (row.get(col) ?? 0) + value);
  };
  const addWork = (n: number, d: number, value: number) => {
    for (let s = 0; s < S; s++) add(xIndex[(n * H + d) * S + s], value);
  };
  const close = (lower: number, upper: number) => {
    if (row.size > 0) {
      for (const [col, value] of row) {
        if (value === 0) continue;
        indices.push(col);
        values.push(value);
      }
      starts.push(indices.length);
      rowLower.push(lower);
      rowUpper.push(upper);
    }
    row.clear();
  };

  for (let n = 0; n < N; n++) {
    for (let d = 0; d < H; d++) {
      addWork(n, d, 1);
      close(-Infinity, 1);
    }
    for (let d = 0; d + 1 < H; d++)
      for (let s = 0; s < S; s++) {
        const x = xIndex[(n * H + d) * S + s];
        if (x < 0) continue;
        let any = false;
        for (let t = 0; t < S; t++)
          if (c.forbidden[s * S + t] && xIndex[(n * H + d + 1) * S + t] >= 0) {
            add(xIndex[(n * H + d + 1) * S + t], 1);
            any = true;
          }
        if (!any) {
          row.clear();
          continue;
        }
        add(x, 1);
        close(-Infinity, 1);
      }
    for (let s = 0; s < S; s++) {
      const max = c.maxPerType[n * S + s];
      if (max === 0 || max >= H) continue;
      for (let d = 0; d < H; d++) add(xIndex[(n * H + d) * S + s], 1);
      close(-Infinity, max);
    }
    for (let d = 0; d < H; d++)
      for (let s = 0; s < S; s++) add(xIndex[(n * H + d) * S + s], c.shiftMinutes[s]);
    close(c.minMinutes[n], c.maxMinutes[n]);
    const maxCons = c.maxConsecutive[n];
    for (let d = 0; d + maxCons < H; d++) {
      for (let j = d; j <= d + maxCons; j++) addWork(n, j, 1);
      close(-Infinity, maxCons);
    }
    for (let length = 1; length < c.minConsecutive[n]; length++)
      for (let d = 1; d + length <= H - 1; d++) {
        for (let j = d; j < d + length; j++) addWork(n, j, 1);
        addWork(n, d - 1, -1);
        addWork(n, d + length, -1);
        close(-Infinity, length - 1);
      }
    for (let length = 1; length < c.minDaysOff[n]; length++)
      for (let d = 1; d + length <= H - 1; d++) {
        for (let j = d; j < d + length; j++) addWork(n, j, -1);
        addWork(n, d - 1, 1);
        addWork(n, d + length, 1);
        close(-Infinity, 1);
      }
    for (let k = 0; k < weeks; k++) {
      const y = weekendCol + n * weeks + k;
      for (const d of [7 * k + 5, 7 * k + 6]) {
        addWork(n, d, 1);
        add(y, -1);
        close(-Infinity, 0);
      }
    }
    for (let k = 0; k < weeks; k++) add(weekendCol + n * weeks + k, 1);
    close(-Infinity, c.maxWeekends[n]);
  }
  for (let d = 0; d < H; d++)
    for (let s = 0; s < S; s++) {
      const k = d * S + s;
      if (coverCol[k] < 0) continue;
      for (let n = 0; n < N; n++) add(xIndex[(n * H + d) * S + s], 1);
      add(coverCol[k], 1);
      add(coverCol[k] + 1, -1);
      close(c.coverRequired[k], c.coverRequired[k]);
    }

  const size = { columns: colCost.length, rows: rowLower.length, nonzeros: indices.length };
  if (indices.length > MAX_NONZEROS)
    return {
      status: `skipped: ${indices.length} nonzeros (limit ${MAX_NONZEROS})`,
      elapsedMs: Date.now() - started,
      ...size,
    };
  try {
    const highs = await loadHighs();
    const model = createSparseModel(highs, {
      offset,
      colCost,
      colUpper,
      rowLower,
      rowUpper,
      starts,
      indices,
      values,
      integrality,
    });
    try {
      model.options.set({
        output_flag: false,
        time_limit: Math.max(0.1, seconds - (Date.now() - started) / 1000),
      });
      const run = model.run();
      const status = modelStatusName(highs, run.modelStatus);
      const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
      const result: MipBaselineResult = { status, elapsedMs: Date.now() - started, ...size };
      const dual = Number(model.info.get('mip_dual_bound'));
      if (Number.isFinite(dual)) result.dualBound = dual;
      if (hasSolution) {
        const x = model.getSolution().colValue;
        result.objective = model.getObjectiveValue();
        result.roster = [];
        for (let n = 0; n < N; n++) {
          const line: string[] = [];
          for (let d = 0; d < H; d++) {
            let value = '';
            for (let s = 0; s < S; s++) {
              const col = xIndex[(n * H + d) * S + s];
              if (col >= 0 && x[col] > 0.5) value = c.shiftIds[s];
            }
            line.push(value);
          }
          result.roster.push(line);
        }
      }
      return result;
    } finally {
      model.dispose();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: `failed: ${message.slice(0, 80)}`, elapsedMs: Date.now() - started, ...size };
  }
}
