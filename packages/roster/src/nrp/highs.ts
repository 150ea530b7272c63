/** Loading the HiGHS WebAssembly solver. */
import highsImport from 'highs';
import type { Highs } from 'highs';

/** A 0-1/linear model in row-wise sparse form; ±Infinity bounds become HiGHS' infinity. */
export interface SparseMip {
  offset?: number;
  colCost: number[];
  colUpper: number[];
  rowLower: number[];
  rowUpper: number[];
  starts: number[];
  indices: number[];
  values: number[];
  /** 1 for an integer column. */
  integrality: number[];
}

/** An empty model to build with addSparseColumn and addSparseRow. */
export function newSparseMip(): SparseMip {
  return {
    colCost: [],
    colUpper: [],
    rowLower: [],
    rowUpper: [],
    starts: [0],
    indices: [],
    values: [],
    integrality: [],
  };
}

/** Appends a column bounded by [0, upper]; returns its index. */
export function addSparseColumn(m: SparseMip, cost: number, upper: number, integer: boolean): number {
  m.colCost.push(cost);
  m.colUpper.push(upper);
  m.integrality.push(integer ? 1 : 0);
  return m.colCost.length - 1;
}

/** Appends the row lower ≤ Σ coefficients[k] · x[columns[k]] ≤ upper. */
export function addSparseRow(
  m: SparseMip,
  columns: number[],
  coefficients: number[],
  lower: number,
  upper: number,
): void {
  for (let k = 0; k < columns.length; k++) {
    m.indices.push(columns[k]);
    m.values.push(coefficients[k]);
  }
  m.starts.push(m.indices.length);
  m.rowLower.push(lower);
  m.rowUpper.push(upper);
}

// The package's types describe a CommonJS module; under ESM the default import is the loader.
type HighsLoader = typeof highsImport.default;
const highsLoader = ((highsImport as unknown as { default?: HighsLoader }).default ??
  highsImport) as unknown as HighsLoader;

/** A fresh HiGHS runtime (its own WebAssembly heap). */
export function loadHighs(): Promise<Highs> {
  return highsLoader();
}

/** HiGHS' name for a model status code (e.g. "optimal", "timeLimit"). */
export function modelStatusName(highs: Highs, code: number): string {
  return String(Object.entries(highs.constants.modelStatus).find(([, v]) => v === code)?.[0] ?? code);
}

/** A HiGHS model of `m` (columns bounded below by 0); the caller disposes of it. */
export function createSparseModel(highs: Highs, m: SparseMip) {
  const inf = highs.infinity;
  const finite = (a: number[]) =>
    Float64Array.from(a, (v) => (v === Infinity ? inf : v === -Infinity ? -inf : v));
  return highs.createModel({
    numCols: m.colCost.length,
    numRows: m.rowLower.length,
    offset: m.offset ?? 0,
    colCost: Float64Array.from(m.colCost),
    colLower: new Float64Array(m.colCost.length),
    colUpper: finite(m.colUpper),
    rowLower: finite(m.rowLower),
    rowUpper: finite(m.rowUpper),
    matrix: {
      format: 'csr',
      numRows: m.rowLower.length,
      numCols: m.colCost.length,
      starts: Int32Array.from(m.starts),
      indices: Int32Array.from(m.indices),
      values: Float64Array.from(m.values),
    },
    integrality: Int32Array.from(m.integrality) as Int32Array,
  });
}
