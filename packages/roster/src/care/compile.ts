/**
 * Compile one roster period of an organisation into typed arrays: employees × days cells with
 * the shift types of the period, what each employee may work (qualification, nights, absences,
 * employment, other teams' shifts), demand rows with who qualifies for each, fixed cells (pins,
 * outside the re-plan window), the baseline of a published roster, and each employee's context
 * blocks (the neighbouring periods and absences) for the labour rules.
 */
import {
  absenceBlocksShift,
  addDays,
  dayNumber,
  fromEpochMinutes,
  InputError,
  isoWeekday,
  isQualified,
  shiftInterval,
  toEpochMinutes,
  workedMinutes,
  type Employee,
  type OrganisationData,
  type RosterPeriod,
  type ShiftType,
} from '@planmaat/domain';
import { adultFromDay, KIND } from '@planmaat/rules';
import { DEFAULT_NOTICE_DAYS, DEFAULT_WEIGHTS, type CareModelOptions, type CareWeights } from './options.ts';

/** Rotation order of shift categories (forward rotation = non-decreasing from day to day). */
const ROTATION: Record<ShiftType['category'], number> = { early: 0, day: 1, other: 1, late: 2, night: 3 };
/** Days before the period whose work pattern informs the healthy-rostering terms. */
export const PATTERN_CONTEXT_DAYS = 7;
export const OFF = -1;

export interface Wish {
  day: number;
  kind: 'day-off' | 'unwanted-shift' | 'wanted-shift';
  shift: number;
  priority: number;
  id: string;
}

/** Whether a roster value (a shift index or OFF) refuses the wish. */
export function refusesWish(wish: Wish, value: number): boolean {
  if (wish.kind === 'day-off') return value !== OFF;
  if (wish.kind === 'unwanted-shift') return value === wish.shift;
  return value !== wish.shift;
}

export interface CareModel {
  period: RosterPeriod;
  E: number;
  D: number;
  S: number;
  dates: string[];
  employees: Employee[];
  shiftTypes: ShiftType[];
  weights: CareWeights;
  /** Exact shift intervals per (day, shift): index d * S + s. */
  shStart: Int32Array;
  shEnd: Int32Array;
  shBreak: Int32Array;
  shWork: Int32Array;
  rotation: Int8Array;
  isNight: Uint8Array;
  isEvening: Uint8Array;
  isWeekend: Uint8Array;
  /** allowed[(e * D + d) * S + s] */
  allowed: Uint8Array;
  /** fixed[e * D + d]: pinned or outside the window. */
  fixed: Uint8Array;
  pinned: Uint8Array;
  /** Starting values (the period's assignments), OFF = -1. */
  initial: Int8Array;
  /** Published values changes are measured against; null when not re-planning. */
  baseline: Int8Array | null;
  /** Change cost and consent flag per day. */
  changeCost: Int32Array;
  needsConsent: Uint8Array;
  today: string;
  noticeDays: number;
  window: { from: string; to: string } | null;
  // Demand rows, grouped per (day, shift): rows rowFrom[k] .. rowFrom[k + 1] - 1 for k = d * S + s.
  R: number;
  rowFrom: Int32Array;
  rowMin: Int32Array;
  rowIdeal: Int32Array;
  rowMinLevel: Int32Array;
  rowSkills: string[][];
  /** qualifies[e * R + r] */
  qualifies: Uint8Array;
  /** Largest ideal over the rows of (day, shift). */
  maxIdeal: Int32Array;
  // Per employee.
  adultFrom: Float64Array;
  /** Target worked minutes in the period (contract minus counted absence). */
  targetMinutes: Float64Array;
  fairNightTarget: Float64Array;
  fairWeekendTarget: Float64Array;
  fairEveningTarget: Float64Array;
  wishes: Wish[][];
  /** Rotation order of the work on the days before the period (OFF when free), e * PATTERN_CONTEXT_DAYS + k. */
  prevPattern: Int8Array;
  /** Context blocks per employee (sorted by start): neighbouring periods, absences. */
  ctxStart: Int32Array[];
  ctxEnd: Int32Array[];
  ctxBreak: Int32Array[];
  ctxKind: Uint8Array[];
  /** Period bounds (epoch minutes): rule violations must meet [periodStart, periodEnd). */
  periodStart: number;
  periodEnd: number;
  ruleProfiles: string[];
}

interface Block {
  start: number;
  end: number;
  brk: number;
  kind: number;
}

function kindOfAbsence(kind: string): number | null {
  if (kind === 'sick') return KIND.sick;
  if (kind === 'unavailable') return null;
  // Leave, parental leave and training count as worked time for the ATW averages (ATW 5:2).
  return KIND.leave;
}

export function compileCareModel(
  data: OrganisationData,
  periodId: string,
  options: CareModelOptions = {},
): CareModel {
  const period = data.rosterPeriods.find((p) => p.id === periodId);
  if (!period) throw new InputError(`unknown roster period "${periodId}"`, 'periodId');
  const zone = data.organisation.timeZone;
  const D = period.weeks * 7;
  const first = period.start;
  const last = addDays(first, D - 1);
  const dates = Array.from({ length: D }, (_, d) => addDays(first, d));
  const dayOf = (date: string) => dayNumber(date) - dayNumber(first);
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const window = options.window ?? null;
  if (window && (window.from > window.to || window.to < first || window.from > last))
    throw new InputError(
      `window ${window.from}..${window.to} is outside the period ${first}..${last}`,
      'window',
    );

  const employees = data.employees.filter((e) => e.teamIds.includes(period.teamId));
  const E = employees.length;
  const empIndex = new Map(employees.map((e, i) => [e.id, i]));
  const typeById = new Map(data.shiftTypes.map((s) => [s.id, s]));
  const inPeriod = (date: string) => date >= first && date <= last;
  const demand = data.demand.filter((r) => r.teamId === period.teamId && inPeriod(r.date));
  const periodAssignments = data.assignments.filter(
    (a) => a.rosterPeriodId === period.id && empIndex.has(a.employeeId) && inPeriod(a.date),
  );
  const usedTypes = new Set([
    ...demand.map((r) => r.shiftTypeId),
    ...periodAssignments.map((a) => a.shiftTypeId),
  ]);
  const shiftTypes = data.shiftTypes
    .filter((s) => usedTypes.has(s.id))
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
  for (const id of usedTypes)
    if (!typeById.has(id)) throw new InputError(`unknown shift type "${id}"`, `period ${period.id}`);
  const S = shiftTypes.length;
  if (S > 127) throw new InputError('at most 127 shift types per period', `period ${period.id}`);
  const shiftIndex = new Map(shiftTypes.map((s, i) => [s.id, i]));

  const shStart = new Int32Array(D * S);
  const shEnd = new Int32Array(D * S);
  const shBreak = new Int32Array(D * S);
  const shWork = new Int32Array(D * S);
  for (let d = 0; d < D; d++)
    for (let s = 0; s < S; s++) {
      const iv = shiftInterval(dates[d], shiftTypes[s], zone);
      shStart[d * S + s] = iv.start;
      shEnd[d * S + s] = iv.end;
      shBreak[d * S + s] = iv.breakMinutes;
      shWork[d * S + s] = workedMinutes(iv);
    }
  const rotation = Int8Array.from(shiftTypes, (s) => ROTATION[s.category]);
  const isNight = Uint8Array.from(shiftTypes, (s) => (s.category === 'night' ? 1 : 0));
  const isEvening = Uint8Array.from(shiftTypes, (s) => (s.category === 'late' ? 1 : 0));
  const isWeekend = Uint8Array.from(dates, (date) => (isoWeekday(date) >= 6 ? 1 : 0));

  // Demand rows per (day, shift).
  const rowsByCell: (typeof demand)[] = Array.from({ length: D * S }, () => []);
  for (const r of demand) rowsByCell[dayOf(r.date) * S + shiftIndex.get(r.shiftTypeId)!].push(r);
  const R = demand.length;
  const rowFrom = new Int32Array(D * S + 1);
  const rowMin = new Int32Array(R);
  const rowIdeal = new Int32Array(R);
  const rowMinLevel = new Int32Array(R);
  const rowSkills: string[][] = [];
  const maxIdeal = new Int32Array(D * S);
  let r = 0;
  for (let k = 0; k < D * S; k++) {
    rowFrom[k] = r;
    for (const row of rowsByCell[k]) {
      rowMin[r] = row.min;
      rowIdeal[r] = row.ideal;
      rowMinLevel[r] = row.minLevel;
      rowSkills.push(row.skills);
      if (row.ideal > maxIdeal[k]) maxIdeal[k] = row.ideal;
      r++;
    }
  }
  rowFrom[D * S] = r;
  const qualifies = new Uint8Array(E * R);
  employees.forEach((emp, e) => {
    for (let i = 0; i < R; i++)
      qualifies[e * R + i] = isQualified(emp.level, emp.skills, rowMinLevel[i], rowSkills[i]) ? 1 : 0;
  });

  // Availability.
  const allowed = new Uint8Array(E * D * S);
  const dayStart = dates.map((date) => toEpochMinutes(`${date}T00:00`, zone));
  const dayEnd = dates.map((date) => toEpochMinutes(`${addDays(date, 1)}T00:00`, zone));
  const absencesOf = employees.map(
    () => [] as Array<{ start: number; end: number; kind: string; counted?: number }>,
  );
  for (const a of data.absences) {
    const e = empIndex.get(a.employeeId);
    if (e === undefined) continue;
    absencesOf[e].push({
      start: toEpochMinutes(a.start, zone),
      end: toEpochMinutes(a.end, zone),
      kind: a.kind,
      counted: a.countedHours,
    });
  }
  const otherWork = employees.map(() => new Set<number>());
  for (const a of data.assignments) {
    const e = empIndex.get(a.employeeId);
    if (e === undefined || a.rosterPeriodId === period.id || !inPeriod(a.date)) continue;
    otherWork[e].add(dayOf(a.date));
  }
  const prevPattern = new Int8Array(E * PATTERN_CONTEXT_DAYS).fill(OFF);
  const contextAssignments = employees.map(() => [] as Block[]);
  for (const a of data.assignments) {
    const e = empIndex.get(a.employeeId);
    if (e === undefined || (a.rosterPeriodId === period.id && inPeriod(a.date))) continue;
    const type = typeById.get(a.shiftTypeId);
    if (!type) continue;
    const iv = shiftInterval(a.date, type, zone);
    contextAssignments[e].push({ start: iv.start, end: iv.end, brk: iv.breakMinutes, kind: KIND.work });
    const back = dayNumber(first) - dayNumber(a.date);
    if (back >= 1 && back <= PATTERN_CONTEXT_DAYS)
      prevPattern[e * PATTERN_CONTEXT_DAYS + PATTERN_CONTEXT_DAYS - back] = ROTATION[type.category];
  }
  employees.forEach((emp, e) => {
    for (let d = 0; d < D; d++) {
      if (otherWork[e].has(d)) continue;
      if (emp.employmentStart && dates[d] < emp.employmentStart) continue;
      if (emp.employmentEnd && dates[d] > emp.employmentEnd) continue;
      for (let s = 0; s < S; s++) {
        if (isNight[s] && !emp.worksNights) continue;
        const k = d * S + s;
        let qualified = false;
        for (let i = rowFrom[k]; i < rowFrom[k + 1]; i++) if (qualifies[e * R + i]) qualified = true;
        if (!qualified) continue;
        const day = { start: dayStart[d], end: dayEnd[d] };
        const shift = { start: shStart[k], end: shEnd[k] };
        if (absencesOf[e].some((ab) => absenceBlocksShift(ab, day, shift))) continue;
        // Work in another period (e.g. the night before the period starts) may not overlap.
        if (contextAssignments[e].some((b) => b.start < shEnd[k] && b.end > shStart[k])) continue;
        allowed[(e * D + d) * S + s] = 1;
      }
    }
  });

  // Starting values, pins, window, baseline.
  const initial = new Int8Array(E * D).fill(OFF);
  const pinned = new Uint8Array(E * D);
  for (const a of periodAssignments) {
    const k = empIndex.get(a.employeeId)! * D + dayOf(a.date);
    initial[k] = shiftIndex.get(a.shiftTypeId)!;
    if (a.pinned) pinned[k] = 1;
  }
  (options.pins ?? []).forEach((p, i) => {
    const e = empIndex.get(p.employeeId);
    if (e === undefined)
      throw new InputError(`employee "${p.employeeId}" is not in team ${period.teamId}`, `pins[${i}]`);
    if (!inPeriod(p.date)) throw new InputError(`date ${p.date} is outside the period`, `pins[${i}]`);
    const s = p.shiftTypeId === null ? OFF : shiftIndex.get(p.shiftTypeId);
    if (s === undefined)
      throw new InputError(`shift type "${p.shiftTypeId}" is not used in this period`, `pins[${i}]`);
    initial[e * D + dayOf(p.date)] = s;
    pinned[e * D + dayOf(p.date)] = 1;
  });
  const fixed = pinned.slice();
  if (window)
    for (let d = 0; d < D; d++)
      if (dates[d] < window.from || dates[d] > window.to) for (let e = 0; e < E; e++) fixed[e * D + d] = 1;

  const replan = options.replan ?? period.status === 'published';
  const baseline = replan ? initial.slice() : null;
  const today = options.today ?? (window && window.from > first ? window.from : first);
  const noticeDays = options.noticeDays ?? DEFAULT_NOTICE_DAYS;
  const changeCost = new Int32Array(D);
  const needsConsent = new Uint8Array(D);
  for (let d = 0; d < D; d++) {
    const ahead = dayNumber(dates[d]) - dayNumber(today);
    const inside = Math.max(0, noticeDays - ahead);
    changeCost[d] = weights.change + weights.changeUrgency * inside;
    needsConsent[d] = ahead < noticeDays ? 1 : 0;
  }

  // Context blocks and targets.
  const periodStart = dayStart[0];
  const periodEnd = dayEnd[D - 1];
  const ctxStart: Int32Array[] = [];
  const ctxEnd: Int32Array[] = [];
  const ctxBreak: Int32Array[] = [];
  const ctxKind: Uint8Array[] = [];
  const targetMinutes = new Float64Array(E);
  const availableShare = new Float64Array(E);
  employees.forEach((emp, e) => {
    const blocks = contextAssignments[e];
    const perDayDefault = (emp.contractHoursPerWeek * 60) / 7;
    let absentInPeriod = 0;
    let absentDays = 0;
    for (const ab of absencesOf[e]) {
      const kind = kindOfAbsence(ab.kind);
      // Split per calendar day so that a long absence counts pro rata, not 24 h a day.
      const firstDate = fromEpochMinutes(ab.start, zone).slice(0, 10);
      const days: Array<{ from: number; to: number; date: string }> = [];
      for (let date = firstDate; ; date = addDays(date, 1)) {
        const ds = toEpochMinutes(`${date}T00:00`, zone);
        if (ds >= ab.end) break;
        const de = toEpochMinutes(`${addDays(date, 1)}T00:00`, zone);
        const from = Math.max(ds, ab.start);
        const to = Math.min(de, ab.end);
        if (to > from) days.push({ from, to, date });
      }
      for (const day of days) {
        const fullDay = day.to - day.from >= 1380;
        const perDay = ab.counted !== undefined ? (ab.counted * 60) / days.length : perDayDefault;
        const minutes = Math.round(fullDay ? perDay : Math.min(perDay, day.to - day.from));
        if (inPeriod(day.date)) {
          absentDays += 1;
          if (kind !== null) absentInPeriod += minutes;
        }
        if (kind === null || minutes <= 0) continue;
        // A full day is placed 08:00 onwards; a partial absence keeps its own start.
        const start = fullDay ? toEpochMinutes(`${day.date}T08:00`, zone) : day.from;
        blocks.push({ start, end: start + minutes, brk: 0, kind });
      }
    }
    blocks.sort((a, b) => a.start - b.start || a.end - b.end);
    ctxStart.push(Int32Array.from(blocks, (b) => b.start));
    ctxEnd.push(Int32Array.from(blocks, (b) => b.end));
    ctxBreak.push(Int32Array.from(blocks, (b) => b.brk));
    ctxKind.push(Uint8Array.from(blocks, (b) => b.kind));
    let employedDays = 0;
    for (const date of dates)
      if (
        (!emp.employmentStart || date >= emp.employmentStart) &&
        (!emp.employmentEnd || date <= emp.employmentEnd)
      )
        employedDays++;
    targetMinutes[e] = Math.max(0, (emp.contractHoursPerWeek * 60 * employedDays) / 7 - absentInPeriod);
    availableShare[e] = Math.max(0, employedDays - Math.min(absentDays, employedDays)) / D;
  });

  // Fair shares of nights, weekend shifts and evenings, normalised by contract and availability.
  const fairTarget = (isKind: (d: number, s: number) => boolean, eligible: (e: number) => boolean) => {
    let demandTotal = 0;
    for (let d = 0; d < D; d++)
      for (let s = 0; s < S; s++) if (isKind(d, s)) demandTotal += maxIdeal[d * S + s];
    let capacity = 0;
    const share = new Float64Array(E);
    for (let e = 0; e < E; e++)
      if (eligible(e)) {
        share[e] = employees[e].contractHoursPerWeek * availableShare[e];
        capacity += share[e];
      }
    return share.map((x) => (capacity > 0 ? (demandTotal * x) / capacity : 0));
  };
  const canWork = (e: number, isKind: (d: number, s: number) => boolean) => {
    for (let d = 0; d < D; d++)
      for (let s = 0; s < S; s++) if (isKind(d, s) && allowed[(e * D + d) * S + s]) return true;
    return false;
  };
  const night = (_d: number, s: number) => isNight[s] === 1;
  const weekend = (d: number) => isWeekend[d] === 1;
  const evening = (_d: number, s: number) => isEvening[s] === 1;

  const wishes: Wish[][] = employees.map(() => []);
  for (const w of data.wishes) {
    const e = empIndex.get(w.employeeId);
    if (e === undefined || !inPeriod(w.date)) continue;
    const s = w.shiftTypeId === undefined ? OFF : (shiftIndex.get(w.shiftTypeId) ?? -2);
    if (s === -2) continue; // a shift this period does not use: nothing to grant or refuse
    wishes[e].push({ day: dayOf(w.date), kind: w.kind, shift: s, priority: w.priority, id: w.id });
  }

  return {
    period,
    E,
    D,
    S,
    dates,
    employees,
    shiftTypes,
    weights,
    shStart,
    shEnd,
    shBreak,
    shWork,
    rotation,
    isNight,
    isEvening,
    isWeekend,
    allowed,
    fixed,
    pinned,
    initial,
    baseline,
    changeCost,
    needsConsent,
    today,
    noticeDays,
    window,
    R,
    rowFrom,
    rowMin,
    rowIdeal,
    rowMinLevel,
    rowSkills,
    qualifies,
    maxIdeal,
    adultFrom: Float64Array.from(employees, (emp) => adultFromDay(emp.birthDate)),
    targetMinutes,
    fairNightTarget: fairTarget(night, (e) => canWork(e, night)),
    fairWeekendTarget: fairTarget(weekend, (e) => canWork(e, weekend)),
    fairEveningTarget: fairTarget(evening, (e) => canWork(e, evening)),
    wishes,
    prevPattern,
    ctxStart,
    ctxEnd,
    ctxBreak,
    ctxKind,
    periodStart,
    periodEnd,
    ruleProfiles: options.ruleProfiles ?? data.organisation.ruleProfiles,
  };
}
