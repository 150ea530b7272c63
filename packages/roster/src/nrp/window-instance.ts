/**
 * A window of days of a roster as an NRP instance of its own, so column generation can work on
 * horizons too long to price whole: every cell outside the window keeps its value. The
 * sub-horizon runs from a Monday at least one run length before the window to a Sunday at least
 * one run length after it (or the horizon's edges); its days outside the window are frozen at
 * their current values, so runs, successions and weekends across the window's edges are judged
 * as in the whole roster. Totals (minutes, weekends, type maxima) get what the days outside the
 * sub-horizon leave. The context days carry no cover rows: their cover cannot change.
 */
import { FREE_CELL, UNLIMITED, type CompiledNrp } from './compiled.ts';

export interface RosterWindow {
  sub: CompiledNrp;
  /** Day of the whole horizon that is day 0 of the sub-horizon. */
  first: number;
  /** The window itself, in days of the whole horizon. */
  from: number;
  to: number;
}

/** Longest context kept on each side: runs longer than this are broken anyway. */
const MAX_CONTEXT = 28;

export function windowInstance(c: CompiledNrp, assign: Int8Array, from: number, to: number): RosterWindow {
  const { N, H, S } = c;
  if (!(from >= 0 && to < H && from <= to)) throw new Error(`window ${from}..${to} is outside 0..${H - 1}`);
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

  const frozen = new Int8Array(N * Hs).fill(FREE_CELL);
  const fixedOff = new Uint8Array(N * Hs);
  const cellCost = new Int32Array(N * Hs * V);
  const minMinutes = new Int32Array(N);
  const maxMinutes = new Int32Array(N);
  const maxWeekends = new Int32Array(N);
  const maxPerType = new Int32Array(N * S);
  for (let n = 0; n < N; n++) {
    let minutesOutside = 0;
    for (let d = 0; d < H; d++) {
      const v = assign[n * H + d];
      if ((d < first || d > last) && v >= 0) minutesOutside += c.shiftMinutes[v];
    }
    minMinutes[n] = Math.max(0, c.minMinutes[n] - minutesOutside);
    maxMinutes[n] = Math.max(0, c.maxMinutes[n] - minutesOutside);
    // Weekends lie wholly inside or outside: the sub-horizon starts on a Monday, ends on a Sunday.
    let weekendsOutside = 0;
    for (let sat = 5; sat + 1 < H; sat += 7)
      if ((sat < first || sat > last) && (assign[n * H + sat] >= 0 || assign[n * H + sat + 1] >= 0))
        weekendsOutside++;
    maxWeekends[n] = Math.max(0, c.maxWeekends[n] - weekendsOutside);
    for (let s = 0; s < S; s++) {
      const max = c.maxPerType[n * S + s];
      if (max >= UNLIMITED) {
        maxPerType[n * S + s] = max;
        continue;
      }
      let outside = 0;
      for (let d = 0; d < H; d++) if ((d < first || d > last) && assign[n * H + d] === s) outside++;
      maxPerType[n * S + s] = Math.max(0, max - outside);
    }
    for (let ds = 0; ds < Hs; ds++) {
      const d = first + ds;
      fixedOff[n * Hs + ds] = c.fixedOff[n * H + d];
      cellCost.set(c.cellCost.subarray((n * H + d) * V, (n * H + d + 1) * V), (n * Hs + ds) * V);
      if (d < from || d > to) frozen[n * Hs + ds] = assign[n * H + d];
    }
  }
  const coverRequired = new Int32Array(Hs * S);
  const coverUnder = new Int32Array(Hs * S);
  const coverOver = new Int32Array(Hs * S);
  for (let d = from; d <= to; d++) {
    const k = d * S;
    const ks = (d - first) * S;
    coverRequired.set(c.coverRequired.subarray(k, k + S), ks);
    coverUnder.set(c.coverUnder.subarray(k, k + S), ks);
    coverOver.set(c.coverOver.subarray(k, k + S), ks);
  }
  const sub: CompiledNrp = {
    ...c,
    H: Hs,
    maxPerType,
    maxMinutes,
    minMinutes,
    maxWeekends,
    fixedOff,
    cellCost,
    coverRequired,
    coverUnder,
    coverOver,
    frozen,
  };
  return { sub, first, from, to };
}

/** The whole roster's cells on the sub-horizon, as a roster of the sub-instance. */
export function windowRoster(c: CompiledNrp, w: RosterWindow, assign: Int8Array): Int8Array {
  const Hs = w.sub.H;
  const out = new Int8Array(c.N * Hs);
  for (let n = 0; n < c.N; n++) out.set(assign.subarray(n * c.H + w.first, n * c.H + w.first + Hs), n * Hs);
  return out;
}

/** A copy of `assign` with the window's days taken from a roster of the sub-instance. */
export function mergeWindow(c: CompiledNrp, w: RosterWindow, assign: Int8Array, sub: Int8Array): Int8Array {
  const out = assign.slice();
  const Hs = w.sub.H;
  for (let n = 0; n < c.N; n++)
    for (let d = w.from; d <= w.to; d++) out[n * c.H + d] = sub[n * Hs + d - w.first];
  return out;
}
