/**
 * Score analysis of a care roster, computed from scratch and independently of the search's
 * incremental totals: per constraint the total and every match with the people and days behind
 * it (rule violations come from the rule engine's report path, with their article), the
 * fairness report per person and team, and the changes against a published roster.
 */
import type { Assignment, OrganisationData } from '@planmaat/domain';
import type { Score } from '../engine/score.ts';
import { cellsFromAssignments, teamSlice } from './cells.ts';
import { compileCareModel, OFF, refusesWish, type CareModel } from './compile.ts';
import { EmployeeTerms, type Level, type Match } from './employee-terms.ts';
import type { CareModelOptions } from './options.ts';
import { changeReport, type CareChangeReport } from './solve.ts';

export interface ConstraintTotal {
  constraint: string;
  level: Level;
  total: number;
  count: number;
  matches: Match[];
}

export interface FairnessRow {
  employeeId: string;
  name: string;
  contractHoursPerWeek: number;
  nights: number;
  weekendShifts: number;
  evenings: number;
  /** Per 36 contract hours a week and per available day share, to compare people fairly. */
  nightsPer36: number;
  weekendShiftsPer36: number;
  eveningsPer36: number;
  wishes: number;
  wishesGranted: number;
  plannedMinutes: number;
  targetMinutes: number;
}

export interface FairnessReport {
  people: FairnessRow[];
  team: {
    nights: { mean: number; min: number; max: number; sd: number };
    weekendShifts: { mean: number; min: number; max: number; sd: number };
    evenings: { mean: number; min: number; max: number; sd: number };
    wishesGranted: number;
    wishes: number;
    /** Sum over people of |planned − target| in minutes. */
    hoursDeviationMinutes: number;
  };
}

export interface CareExplanation {
  periodId: string;
  score: Score;
  feasible: boolean;
  constraints: ConstraintTotal[];
  fairness: FairnessReport;
  changes: CareChangeReport | null;
}

export interface ExplainOptions extends CareModelOptions {
  /** The roster to explain (default: the period's assignments in `data`). */
  assignments?: Assignment[];
}

export function explainCareRoster(
  data: OrganisationData,
  periodId: string,
  options: ExplainOptions = {},
): CareExplanation {
  const { assignments, ...modelOptions } = options;
  const slice = teamSlice(data, periodId);
  const model = compileCareModel(slice, periodId, modelOptions);
  const cells = assignments ? cellsFromAssignments(model, assignments) : model.initial;
  return explainCells(model, cells);
}

/** Explain given cells of a compiled model (also used by tests and the CLI). */
export function explainCells(m: CareModel, cells: Int8Array, terms?: EmployeeTerms): CareExplanation {
  const matches: Match[] = [];
  const collect = (x: Match) => matches.push(x);
  const t = terms ?? new EmployeeTerms(m);
  const scratch = { hard: 0, soft: 0 };
  for (let e = 0; e < m.E; e++) t.evaluate(e, cells, scratch, collect);
  coverageMatches(m, cells, collect);
  const byId = new Map<string, ConstraintTotal>();
  const score = { hard: 0, medium: 0, soft: 0 };
  for (const x of matches) {
    let c = byId.get(x.constraint);
    if (!c)
      byId.set(
        x.constraint,
        (c = { constraint: x.constraint, level: x.level, total: 0, count: 0, matches: [] }),
      );
    c.total += x.penalty;
    c.count++;
    c.matches.push(x);
    score[x.level] += x.penalty;
  }
  const order = { hard: 0, medium: 1, soft: 2 };
  const constraints = [...byId.values()].sort(
    (a, b) =>
      order[a.level] - order[b.level] || b.total - a.total || a.constraint.localeCompare(b.constraint),
  );
  return {
    periodId: m.period.id,
    score,
    feasible: score.hard === 0,
    constraints,
    fairness: fairnessReport(m, cells),
    changes: changeReport(m, cells),
  };
}

/** Coverage recounted from the cells (not from the search's counters). */
function coverageMatches(m: CareModel, cells: Int8Array, collect: (x: Match) => void): void {
  const w = m.weights;
  for (let d = 0; d < m.D; d++)
    for (let s = 0; s < m.S; s++) {
      const k = d * m.S + s;
      const staff: number[] = [];
      for (let e = 0; e < m.E; e++) if (cells[e * m.D + d] === s) staff.push(e);
      const type = m.shiftTypes[s];
      for (let r = m.rowFrom[k]; r < m.rowFrom[k + 1]; r++) {
        const count = staff.filter((e) => m.qualifies[e * m.R + r]).length;
        const need = `niveau ≥ ${m.rowMinLevel[r]}${m.rowSkills[r].length ? ` + ${m.rowSkills[r].join(', ')}` : ''}`;
        const needEn = `level ≥ ${m.rowMinLevel[r]}${m.rowSkills[r].length ? ` + ${m.rowSkills[r].join(', ')}` : ''}`;
        const shortMin = Math.max(0, m.rowMin[r] - count);
        const shortIdeal = Math.max(0, m.rowIdeal[r] - count) - shortMin;
        if (shortMin > 0)
          collect({
            constraint: 'coverage.min',
            level: 'medium',
            penalty: shortMin * w.coverageMin,
            dates: [m.dates[d]],
            shiftTypeId: type.id,
            value: count,
            limit: m.rowMin[r],
            unit: 'count',
            message: {
              nl: `${m.dates[d]} ${type.code}: ${count} van minimaal ${m.rowMin[r]} (${need})`,
              en: `${m.dates[d]} ${type.code}: ${count} of at least ${m.rowMin[r]} (${needEn})`,
            },
          });
        if (shortIdeal > 0)
          collect({
            constraint: 'coverage.ideal',
            level: 'soft',
            penalty: shortIdeal * w.coverageIdeal,
            dates: [m.dates[d]],
            shiftTypeId: type.id,
            value: count,
            limit: m.rowIdeal[r],
            unit: 'count',
            message: {
              nl: `${m.dates[d]} ${type.code}: ${count} van ideaal ${m.rowIdeal[r]} (${need})`,
              en: `${m.dates[d]} ${type.code}: ${count} of ideally ${m.rowIdeal[r]} (${needEn})`,
            },
          });
      }
      const over = staff.length - m.maxIdeal[k];
      if (over > 0)
        collect({
          constraint: 'coverage.overstaffed',
          level: 'soft',
          penalty: over * w.overstaffed,
          dates: [m.dates[d]],
          shiftTypeId: type.id,
          value: staff.length,
          limit: m.maxIdeal[k],
          unit: 'count',
          message: {
            nl: `${m.dates[d]} ${type.code}: ${staff.length} ingeroosterd, ideaal ${m.maxIdeal[k]}`,
            en: `${m.dates[d]} ${type.code}: ${staff.length} rostered, ideal ${m.maxIdeal[k]}`,
          },
        });
    }
}

function stats(values: number[]) {
  if (values.length === 0) return { mean: 0, min: 0, max: 0, sd: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) * (b - mean), 0) / values.length);
  const r = (x: number) => Math.round(x * 100) / 100;
  return { mean: r(mean), min: r(Math.min(...values)), max: r(Math.max(...values)), sd: r(sd) };
}

export function fairnessReport(m: CareModel, cells: ArrayLike<number>): FairnessReport {
  const people: FairnessRow[] = m.employees.map((emp, e) => {
    let nights = 0;
    let weekendShifts = 0;
    let evenings = 0;
    let planned = 0;
    for (let d = 0; d < m.D; d++) {
      const s = cells[e * m.D + d];
      if (s === OFF) continue;
      nights += m.isNight[s];
      evenings += m.isEvening[s];
      weekendShifts += m.isWeekend[d];
      planned += m.shWork[d * m.S + s];
    }
    let granted = 0;
    for (const w of m.wishes[e]) if (!refusesWish(w, cells[e * m.D + w.day])) granted++;
    const scale = emp.contractHoursPerWeek > 0 ? 36 / emp.contractHoursPerWeek : 0;
    const r = (x: number) => Math.round(x * 100) / 100;
    return {
      employeeId: emp.id,
      name: emp.name,
      contractHoursPerWeek: emp.contractHoursPerWeek,
      nights,
      weekendShifts,
      evenings,
      nightsPer36: r(nights * scale),
      weekendShiftsPer36: r(weekendShifts * scale),
      eveningsPer36: r(evenings * scale),
      wishes: m.wishes[e].length,
      wishesGranted: granted,
      plannedMinutes: planned,
      targetMinutes: Math.round(m.targetMinutes[e]),
    };
  });
  const nightWorkers = people.filter((_, e) => m.fairNightTarget[e] > 0);
  return {
    people,
    team: {
      nights: stats(nightWorkers.map((p) => p.nightsPer36)),
      weekendShifts: stats(people.map((p) => p.weekendShiftsPer36)),
      evenings: stats(people.map((p) => p.eveningsPer36)),
      wishesGranted: people.reduce((a, p) => a + p.wishesGranted, 0),
      wishes: people.reduce((a, p) => a + p.wishes, 0),
      hoursDeviationMinutes: people.reduce((a, p) => a + Math.abs(p.plannedMinutes - p.targetMinutes), 0),
    },
  };
}
