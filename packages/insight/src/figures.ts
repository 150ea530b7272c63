/**
 * Team figures. Per person and period a private record is built (never returned), then records are
 * summed per group. Definitions follow the NVS/Vernet conventions where they exist:
 *  - absence rate: sick calendar days × part-time factor / employed calendar days × part-time factor;
 *  - absence frequency: new sick reports per average employee, per year;
 *  - turnover: leavers per average employee, per year;
 *  - hours above contract: worked hours above contract hours pro rata (less absence), per FTE;
 *  - called in on a day off: shifts added after publication, per 100 shifts;
 *  - roster stability: share of published shifts not changed after publication;
 *  - night / weekend load: share of shifts that are nights / start on Saturday or Sunday;
 *  - wishes granted: share of day-off and shift wishes the roster met;
 *  - fairness spread: standard deviation between people of nights + weekend shifts per FTE per 4 weeks.
 */
import {
  addDays,
  dayNumber,
  isoWeekday,
  localMinutes,
  shiftInterval,
  workedMinutes,
  type ShiftType,
} from '@planmaat/domain';
import type { InsightData } from './input.ts';

export const FULL_TIME_HOURS = 36;

export type LevelBand = 'level-1-2' | 'level-3' | 'level-4-6';
export type ContractBand = 'upto-20h' | '21-28h' | '29h-plus';
export const LEVEL_BANDS: LevelBand[] = ['level-1-2', 'level-3', 'level-4-6'];
export const CONTRACT_BANDS: ContractBand[] = ['upto-20h', '21-28h', '29h-plus'];
export const BAND_LABELS: Record<LevelBand | ContractBand, { nl: string; en: string }> = {
  'level-1-2': { nl: 'Niveau 1–2 (zorghulp, helpende)', en: 'Level 1–2 (care assistant, helper)' },
  'level-3': { nl: 'Niveau 3 (VIG)', en: 'Level 3 (VIG)' },
  'level-4-6': { nl: 'Niveau 4–6 (verpleegkundig)', en: 'Level 4–6 (nursing)' },
  'upto-20h': { nl: 'Contract t/m 20 u', en: 'Contract up to 20 h' },
  '21-28h': { nl: 'Contract 21–28 u', en: 'Contract 21–28 h' },
  '29h-plus': { nl: 'Contract 29 u of meer', en: 'Contract 29 h or more' },
};

export function levelBand(level: number): LevelBand {
  return level <= 2 ? 'level-1-2' : level === 3 ? 'level-3' : 'level-4-6';
}

export function contractBand(hours: number): ContractBand {
  return hours <= 20 ? 'upto-20h' : hours <= 28 ? '21-28h' : '29h-plus';
}

export interface Period {
  id: string;
  label: string;
  /** First and last day, inclusive. */
  from: string;
  to: string;
}

/** The private per-person record of one period. */
export interface PersonPeriod {
  employeeId: string;
  teamId: string;
  levelBand: LevelBand;
  contractBand: ContractBand;
  employedDays: number;
  partTime: number;
  sickDays: number;
  sickReports: number;
  left: number;
  workedHours: number;
  normHours: number;
  shifts: number;
  nights: number;
  weekends: number;
  added: number;
  changesAfterPublication: number;
  removed: number;
  restViolations: number;
  wishes: number;
  wishesGranted: number;
}

export interface Figures {
  headcount: number;
  fte: number;
  /** Percentages and rates, one decimal. */
  absenceRate: number;
  absenceFrequency: number;
  turnoverRate: number;
  hoursAboveContractPerFte: number;
  shareAboveContract: number;
  calledInPer100Shifts: number;
  rosterStability: number;
  nightShare: number;
  weekendShare: number;
  restViolationsPer100Shifts: number | null;
  wishesGranted: number | null;
  fairnessSpread: number | null;
}

const COUNTED_ABSENCE = new Set(['sick', 'leave', 'parental-leave', 'training']);

/** Per-person records for every employee employed at some day of the period. */
export function personRecords(data: InsightData, period: Period): PersonPeriod[] {
  const shiftById = new Map<string, ShiftType>(data.shiftTypes.map((s) => [s.id, s]));
  const byEmployee = <T extends { employeeId: string }>(items: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const x of items) {
      const list = map.get(x.employeeId);
      if (list) list.push(x);
      else map.set(x.employeeId, [x]);
    }
    return map;
  };
  const absences = byEmployee(data.absences);
  const assignments = byEmployee(data.assignments);
  const changes = byEmployee(data.rosterChanges);
  const wishes = byEmployee(data.wishes);
  const violations = data.restViolations ? byEmployee(data.restViolations) : undefined;
  const periods = data.rosterPeriods;
  const publishedAt = (teamId: string, date: string) => {
    const d = dayNumber(date);
    for (const p of periods)
      if (p.teamId === teamId && d >= dayNumber(p.start) && d < dayNumber(p.start) + p.weeks * 7)
        return p.publishedAt;
    return undefined;
  };

  const from = dayNumber(period.from);
  const to = dayNumber(period.to);
  const out: PersonPeriod[] = [];
  for (const e of data.employees) {
    const first = Math.max(from, e.employmentStart ? dayNumber(e.employmentStart) : -Infinity);
    const last = Math.min(to, e.employmentEnd ? dayNumber(e.employmentEnd) : Infinity);
    if (last < first) continue;
    const firstDate = addDays(period.from, first - from);
    const lastDate = addDays(period.from, last - from);
    const employedDays = last - first + 1;
    const inRange = (date: string) => date >= firstDate && date <= lastDate;
    const windowStart = localMinutes(`${firstDate}T00:00`);
    const windowEnd = localMinutes(`${addDays(lastDate, 1)}T00:00`);

    let sickDays = 0;
    let sickReports = 0;
    let absentDays = 0;
    for (const a of absences.get(e.id) ?? []) {
      if (!COUNTED_ABSENCE.has(a.kind)) continue;
      const s = localMinutes(a.start);
      const t = localMinutes(a.end);
      const overlap = Math.max(0, Math.min(t, windowEnd) - Math.max(s, windowStart)) / 1440;
      absentDays += overlap;
      if (a.kind === 'sick') {
        sickDays += overlap;
        if (inRange(a.start.slice(0, 10))) sickReports += 1;
      }
    }

    const record: PersonPeriod = {
      employeeId: e.id,
      teamId: e.teamIds[0],
      levelBand: levelBand(e.level),
      contractBand: contractBand(e.contractHoursPerWeek),
      employedDays,
      partTime: e.contractHoursPerWeek / FULL_TIME_HOURS,
      sickDays,
      sickReports,
      left: e.employmentEnd && inRange(e.employmentEnd) ? 1 : 0,
      workedHours: 0,
      normHours: (e.contractHoursPerWeek / 7) * Math.max(0, employedDays - absentDays),
      shifts: 0,
      nights: 0,
      weekends: 0,
      added: 0,
      changesAfterPublication: 0,
      removed: 0,
      restViolations: 0,
      wishes: 0,
      wishesGranted: 0,
    };
    const mine = (assignments.get(e.id) ?? []).filter((a) => inRange(a.date));
    const byDate = new Map<string, string[]>();
    for (const a of mine) {
      const shift = shiftById.get(a.shiftTypeId);
      if (!shift) continue;
      record.shifts += 1;
      record.workedHours += workedMinutes(shiftInterval(a.date, shift)) / 60;
      if (shift.category === 'night') record.nights += 1;
      if (isoWeekday(a.date) >= 6) record.weekends += 1;
      const list = byDate.get(a.date);
      if (list) list.push(a.shiftTypeId);
      else byDate.set(a.date, [a.shiftTypeId]);
    }
    for (const c of changes.get(e.id) ?? []) {
      if (!inRange(c.date)) continue;
      const published = publishedAt(record.teamId, c.date);
      if (published !== undefined && c.at <= published) continue;
      record.changesAfterPublication += 1;
      if (c.kind === 'added') record.added += 1;
      if (c.kind === 'removed') record.removed += 1;
    }
    for (const w of wishes.get(e.id) ?? []) {
      if (!inRange(w.date)) continue;
      record.wishes += 1;
      const that = byDate.get(w.date) ?? [];
      const granted =
        w.kind === 'day-off'
          ? that.length === 0
          : w.kind === 'wanted-shift'
            ? that.includes(w.shiftTypeId!)
            : !that.includes(w.shiftTypeId!);
      if (granted) record.wishesGranted += 1;
    }
    if (violations)
      for (const v of violations.get(e.id) ?? []) if (inRange(v.date)) record.restViolations += 1;
    out.push(record);
  }
  return out;
}

/** Sum private records into group figures. */
export function aggregate(
  records: readonly PersonPeriod[],
  periodDays: number,
  hasRestData: boolean,
): Figures {
  let employed = 0;
  let employedWeighted = 0;
  let sickWeighted = 0;
  let reports = 0;
  let leavers = 0;
  let above = 0;
  let aboveCount = 0;
  let shifts = 0;
  let nights = 0;
  let weekends = 0;
  let added = 0;
  let changes = 0;
  let removed = 0;
  let violations = 0;
  let wishes = 0;
  let granted = 0;
  let fte = 0;
  const unpopular: number[] = [];
  for (const r of records) {
    employed += r.employedDays;
    employedWeighted += r.employedDays * r.partTime;
    sickWeighted += r.sickDays * r.partTime;
    reports += r.sickReports;
    leavers += r.left;
    const extra = Math.max(0, r.workedHours - r.normHours);
    above += extra;
    if (extra > 0.5) aboveCount += 1;
    shifts += r.shifts;
    nights += r.nights;
    weekends += r.weekends;
    added += r.added;
    changes += r.changesAfterPublication;
    removed += r.removed;
    violations += r.restViolations;
    wishes += r.wishes;
    granted += r.wishesGranted;
    fte += (r.partTime * r.employedDays) / periodDays;
    if (r.partTime > 0 && r.employedDays >= 7)
      unpopular.push(((r.nights + r.weekends) / r.partTime / r.employedDays) * 28);
  }
  const averageHeadcount = employed / periodDays;
  const perYear = 365 / periodDays;
  const published = shifts - added + removed;
  return {
    headcount: records.length,
    fte: r1(fte),
    absenceRate: r1(employedWeighted > 0 ? (100 * sickWeighted) / employedWeighted : 0),
    absenceFrequency: r1(averageHeadcount > 0 ? (reports / averageHeadcount) * perYear : 0),
    turnoverRate: r1(averageHeadcount > 0 ? ((100 * leavers) / averageHeadcount) * perYear : 0),
    hoursAboveContractPerFte: r1(fte > 0 ? above / fte : 0),
    shareAboveContract: r1(records.length > 0 ? (100 * aboveCount) / records.length : 0),
    calledInPer100Shifts: r1(shifts > 0 ? (100 * added) / shifts : 0),
    rosterStability: r1(published > 0 ? 100 * Math.max(0, 1 - changes / published) : 100),
    nightShare: r1(shifts > 0 ? (100 * nights) / shifts : 0),
    weekendShare: r1(shifts > 0 ? (100 * weekends) / shifts : 0),
    restViolationsPer100Shifts: hasRestData ? r1(shifts > 0 ? (100 * violations) / shifts : 0) : null,
    wishesGranted: wishes > 0 ? r1((100 * granted) / wishes) : null,
    fairnessSpread: unpopular.length >= 2 ? r1(standardDeviation(unpopular)) : null,
  };
}

function standardDeviation(xs: readonly number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
}

function r1(x: number): number {
  return Math.round(x * 10) / 10;
}
