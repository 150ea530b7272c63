/**
 * The NRP instance compiled to flat typed arrays for the search: indices instead of IDs, one
 * cost table per (employee, day, value) for the shift-on/off requests, dense cover tables.
 * A value is -1 for a day off or a shift index 0..S-1.
 */
import type { NrpInstance } from './instance.ts';

export const UNLIMITED = 0x3fffffff;

export interface CompiledNrp {
  staffIds: string[];
  shiftIds: string[];
  /** Employees, days, shift types. */
  N: number;
  H: number;
  S: number;
  shiftMinutes: Int32Array;
  /** forbidden[s * S + t] = 1 when t may not follow s on the next day. */
  forbidden: Uint8Array;
  /** maxPerType[n * S + s]; UNLIMITED when not listed. */
  maxPerType: Int32Array;
  maxMinutes: Int32Array;
  minMinutes: Int32Array;
  maxConsecutive: Int32Array;
  minConsecutive: Int32Array;
  minDaysOff: Int32Array;
  maxWeekends: Int32Array;
  /** fixedOff[n * H + d] = 1 for a listed day off. */
  fixedOff: Uint8Array;
  /** Request cost of value v for (n, d): cellCost[(n * H + d) * (S + 1) + v + 1]. */
  cellCost: Int32Array;
  /** Cover tables indexed d * S + s (requirement 0 and weights 0 where no row is given). */
  coverRequired: Int32Array;
  coverUnder: Int32Array;
  coverOver: Int32Array;
  /** Values each employee may take (day off first, then shifts with a non-zero maximum). */
  allowedStart: Int32Array;
  allowedValues: Int8Array;
  /**
   * Cells no row may change, frozen[n * H + d] = the value or FREE_CELL (window sub-instances,
   * window-instance.ts); absent when every cell is free.
   */
  frozen?: Int8Array;
}

/** `frozen` value of a cell a row may change. */
export const FREE_CELL = -2;

export function compileNrp(instance: NrpInstance): CompiledNrp {
  const N = instance.staff.length;
  const H = instance.horizon;
  const S = instance.shifts.length;
  if (S > 127) throw new Error('at most 127 shift types are supported');
  const shiftIndex = new Map(instance.shifts.map((s, i) => [s.id, i]));
  const staffIndex = new Map(instance.staff.map((s, i) => [s.id, i]));

  const shiftMinutes = Int32Array.from(instance.shifts, (s) => s.minutes);
  const forbidden = new Uint8Array(S * S);
  instance.shifts.forEach((s, i) => {
    for (const t of s.forbiddenNext) forbidden[i * S + shiftIndex.get(t)!] = 1;
  });

  const maxPerType = new Int32Array(N * S).fill(UNLIMITED);
  const perStaff = (pick: (n: number) => number) => Int32Array.from({ length: N }, (_, n) => pick(n));
  instance.staff.forEach((p, n) => {
    for (const [id, max] of Object.entries(p.maxShifts)) maxPerType[n * S + shiftIndex.get(id)!] = max;
  });

  const fixedOff = new Uint8Array(N * H);
  for (const o of instance.daysOff) fixedOff[staffIndex.get(o.employeeId)! * H + o.day] = 1;

  const V = S + 1;
  const cellCost = new Int32Array(N * H * V);
  for (const r of instance.shiftOnRequests) {
    const base = (staffIndex.get(r.employeeId)! * H + r.day) * V;
    const wanted = shiftIndex.get(r.shiftId)! + 1;
    for (let v = 0; v < V; v++) if (v !== wanted) cellCost[base + v] += r.weight;
  }
  for (const r of instance.shiftOffRequests) {
    const base = (staffIndex.get(r.employeeId)! * H + r.day) * V;
    cellCost[base + shiftIndex.get(r.shiftId)! + 1] += r.weight;
  }

  const coverRequired = new Int32Array(H * S);
  const coverUnder = new Int32Array(H * S);
  const coverOver = new Int32Array(H * S);
  for (const c of instance.cover) {
    const k = c.day * S + shiftIndex.get(c.shiftId)!;
    coverRequired[k] = c.requirement;
    coverUnder[k] = c.weightUnder;
    coverOver[k] = c.weightOver;
  }

  const allowedStart = new Int32Array(N + 1);
  const allowed: number[] = [];
  for (let n = 0; n < N; n++) {
    allowedStart[n] = allowed.length;
    allowed.push(-1);
    for (let s = 0; s < S; s++) if (maxPerType[n * S + s] > 0) allowed.push(s);
  }
  allowedStart[N] = allowed.length;

  return {
    staffIds: instance.staff.map((s) => s.id),
    shiftIds: instance.shifts.map((s) => s.id),
    N,
    H,
    S,
    shiftMinutes,
    forbidden,
    maxPerType,
    maxMinutes: perStaff((n) => instance.staff[n].maxTotalMinutes),
    minMinutes: perStaff((n) => instance.staff[n].minTotalMinutes),
    maxConsecutive: perStaff((n) => instance.staff[n].maxConsecutiveShifts),
    minConsecutive: perStaff((n) => instance.staff[n].minConsecutiveShifts),
    minDaysOff: perStaff((n) => instance.staff[n].minConsecutiveDaysOff),
    maxWeekends: perStaff((n) => instance.staff[n].maxWeekends),
    fixedOff,
    cellCost,
    coverRequired,
    coverUnder,
    coverOver,
    allowedStart,
    allowedValues: Int8Array.from(allowed),
  };
}

/** Greatest common divisor of the shift lengths: the unit in which the DPs count minutes. */
export function minuteUnit(c: CompiledNrp): number {
  let g = 0;
  for (const m of c.shiftMinutes) {
    let y = m;
    while (y) [g, y] = [y, g % y];
  }
  return Math.max(1, g);
}
