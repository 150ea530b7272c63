/**
 * A window of a roster — a range of days, for all employees or a group of them — as an NRP
 * instance of its own, so column generation can work where whole rows are too costly to price
 * (long horizons, many employees × shift types): every cell outside the window keeps its value.
 * The sub-horizon runs from a Monday at least one run length before the window to a Sunday at
 * least one run length after it (or the horizon's edges); its days outside the window are frozen
 * at their current values, so runs, successions and weekends across the window's edges are
 * judged as in the whole roster. Totals (minutes, weekends, type maxima) get what the days
 * outside the sub-horizon leave. Cover requirements are net of the employees outside the group,
 * so the cover cost of a roster of the group equals that of the whole roster on those days;
 * the context days carry no cover rows (their cover cannot change).
 */
import { FREE_CELL, UNLIMITED, type CompiledNrp } from './compiled.ts';

export interface RosterWindow {
  sub: CompiledNrp;
  /** Day of the whole horizon that is day 0 of the sub-horizon. */
  first: number;
  /** The window itself, in days of the whole horizon. */
  from: number;
  to: number;
  /** Employee of the whole instance behind each employee of the sub-instance. */
  employees: Int32Array;
}

/** Longest context kept on each side: runs longer than this are broken anyway. */
const MAX_CONTEXT = 28;

export function windowInstance(
  c: CompiledNrp,
  assign: Int8Array,
  from: number,
  to: number,
  group?: ArrayLike<number>,
): RosterWindow {
  const { N, H, S } = c;
  if (!(from >= 0 && to < H && from <= to)) throw new Error(`window ${from}..${to} is outside 0..${H - 1}`);
  const employees = group ? Int32Array.from(group) : Int32Array.from({ length: N }, (_, n) => n);
  const inGroup = new Uint8Array(N);
  for (const n of employees) {
    if (!(n >= 0 && n < N) || inGroup[n])
      throw new Error(`employee index ${n} is not one of 0..${N - 1} once`);
    inGroup[n] = 1;
  }
  const Ns = employees.length;
  let longestRun = 1;
  for (let n = 0; n < N; n++)
    longestRun = Math.max(longestRun, c.maxConsecutive[n], c.minConsecutive[n], c.minDaysOff[n]);
  const context = Math.min(MAX_CONTEXT, longestRun + 1);
  let first = Math.max(0, from - context);
  first -= first % 7;
  let last = Math.min(H - 1, to + context);
  last = Math.min(H - 1, last + 6 - (last % 7));
  const Hs = last - first + 1;
  const V = S + 1;

  const perEmployee = (source: Int32Array) => Int32Array.from(employees, (n) => source[n]);
  const frozen = new Int8Array(Ns * Hs).fill(FREE_CELL);
  const fixedOff = new Uint8Array(Ns * Hs);
  const cellCost = new Int32Array(Ns * Hs * V);
  const minMinutes = new Int32Array(Ns);
  const maxMinutes = new Int32Array(Ns);
  const maxWeekends = new Int32Array(Ns);
  const maxPerType = new Int32Array(Ns * S);
  const allowedStart = new Int32Array(Ns + 1);
  const allowed: number[] = [];
  const typesOutside = new Int32Array(S);
  employees.forEach((n, i) => {
    allowedStart[i] = allowed.length;
    for (let k = c.allowedStart[n]; k < c.allowedStart[n + 1]; k++) allowed.push(c.allowedValues[k]);
    // Minutes and shifts per type on the days outside the sub-horizon, in one pass.
    let minutesOutside = 0;
    typesOutside.fill(0);
    for (let d = 0; d < H; d++) {
      const v = assign[n * H + d];
      if ((d < first || d > last) && v >= 0) {
        minutesOutside += c.shiftMinutes[v];
        typesOutside[v]++;
      }
    }
    minMinutes[i] = Math.max(0, c.minMinutes[n] - minutesOutside);
    maxMinutes[i] = Math.max(0, c.maxMinutes[n] - minutesOutside);
    // Weekends lie wholly inside or outside: the sub-horizon starts on a Monday, ends on a Sunday.
    let weekendsOutside = 0;
    for (let sat = 5; sat + 1 < H; sat += 7)
      if ((sat < first || sat > last) && (assign[n * H + sat] >= 0 || assign[n * H + sat + 1] >= 0))
        weekendsOutside++;
    maxWeekends[i] = Math.max(0, c.maxWeekends[n] - weekendsOutside);
    for (let s = 0; s < S; s++) {
      const max = c.maxPerType[n * S + s];
      maxPerType[i * S + s] = max >= UNLIMITED ? max : Math.max(0, max - typesOutside[s]);
    }
    for (let ds = 0; ds < Hs; ds++) {
      const d = first + ds;
      fixedOff[i * Hs + ds] = c.fixedOff[n * H + d];
      cellCost.set(c.cellCost.subarray((n * H + d) * V, (n * H + d + 1) * V), (i * Hs + ds) * V);
      if (d < from || d > to) frozen[i * Hs + ds] = assign[n * H + d];
    }
  });
  allowedStart[Ns] = allowed.length;
  const coverRequired = new Int32Array(Hs * S);
  const coverUnder = new Int32Array(Hs * S);
  const coverOver = new Int32Array(Hs * S);
  for (let d = from; d <= to; d++) {
    const k = d * S;
    const ks = (d - first) * S;
    coverRequired.set(c.coverRequired.subarray(k, k + S), ks);
    coverUnder.set(c.coverUnder.subarray(k, k + S), ks);
    coverOver.set(c.coverOver.subarray(k, k + S), ks);
    if (Ns < N)
      for (let n = 0; n < N; n++) {
        const v = assign[n * H + d];
        if (!inGroup[n] && v >= 0) coverRequired[ks + v]--;
      }
  }
  const sub: CompiledNrp = {
    ...c,
    staffIds: Array.from(employees, (n) => c.staffIds[n]),
    N: Ns,
    H: Hs,
    maxPerType,
    maxMinutes,
    minMinutes,
    maxConsecutive: perEmployee(c.maxConsecutive),
    minConsecutive: perEmployee(c.minConsecutive),
    minDaysOff: perEmployee(c.minDaysOff),
    maxWeekends,
    fixedOff,
    cellCost,
    coverRequired,
    coverUnder,
    coverOver,
    allowedStart,
    allowedValues: Int8Array.from(allowed),
    frozen,
  };
  return { sub, first, from, to, employees };
}

/** The whole roster's cells on the sub-horizon, as a roster of the sub-instance. */
export function windowRoster(c: CompiledNrp, w: RosterWindow, assign: Int8Array): Int8Array {
  const Hs = w.sub.H;
  const out = new Int8Array(w.sub.N * Hs);
  w.employees.forEach((n, i) => out.set(assign.subarray(n * c.H + w.first, n * c.H + w.first + Hs), i * Hs));
  return out;
}

/** A copy of `assign` with the window's cells taken from a roster of the sub-instance. */
export function mergeWindow(c: CompiledNrp, w: RosterWindow, assign: Int8Array, sub: Int8Array): Int8Array {
  const out = assign.slice();
  const Hs = w.sub.H;
  w.employees.forEach((n, i) => {
    for (let d = w.from; d <= w.to; d++) out[n * c.H + d] = sub[i * Hs + d - w.first];
  });
  return out;
}
