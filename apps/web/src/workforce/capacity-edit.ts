/**
 * Editing the capacity plan's assumptions and scenarios in the screen. The server has no store for
 * them, so the planner's version is kept in this browser (localStorage) and sent with every plan,
 * advice and export request. Validation is the server's: its problem+json names each bad field
 * (`assumptions.absenceRate`, `scenarios.1.hires.0.count`), which the form shows at that field.
 */
import type { FieldProblem } from '../api/client.ts';

/** The assumptions as the API takes and returns them (`assumptionsSchema` of @planmaat/capacity). */
export type Assumptions = Record<string, unknown>;

export interface ScenarioHire {
  level: number;
  count: number;
  teamId?: string;
  date?: string;
  hoursPerWeek?: number;
}
export interface ScenarioTraining {
  fromLevel: number;
  count: number;
  teamId?: string;
  date?: string;
}
/** A scenario as `scenarioSchema` of @planmaat/capacity defines it. */
export interface Scenario {
  id: string;
  name: string;
  set?: Record<string, unknown>;
  absenceRatePp?: number;
  turnoverPp?: number;
  growthPp?: number;
  homeCareShift?: number;
  timeToHireWeeksDelta?: number;
  flexPoolHoursDelta?: number;
  hires: ScenarioHire[];
  trainings: ScenarioTraining[];
}

export interface CapacityEdits {
  assumptions?: Assumptions;
  scenarios?: Scenario[];
}

/** How a number is shown: shares as percentages, the rest as they are. */
export type FieldKind = 'percent' | 'number' | 'integer' | 'euro' | 'factor';

export interface AssumptionField {
  /** Path below `assumptions`, dot-separated (as the server names it). */
  path: string;
  kind: FieldKind;
}

/** The assumptions the capacity package models, grouped as the screen shows them. */
export const ASSUMPTION_GROUPS: Array<{ key: string; fields: AssumptionField[] }> = [
  {
    key: 'staff',
    fields: [
      { path: 'fteHours', kind: 'number' },
      { path: 'absenceRate', kind: 'percent' },
      { path: 'leaveRate', kind: 'percent' },
      { path: 'turnoverPerYear', kind: 'percent' },
      { path: 'timeToHireWeeks', kind: 'integer' },
      { path: 'hireHoursPerWeek', kind: 'number' },
      { path: 'trainingWeeks', kind: 'integer' },
      { path: 'trainingStudyShare', kind: 'percent' },
    ],
  },
  {
    key: 'demand',
    fields: [
      { path: 'growthPerYear', kind: 'percent' },
      { path: 'travelShare', kind: 'percent' },
      { path: 'homeCareShift', kind: 'percent' },
    ],
  },
  {
    key: 'flex',
    fields: [
      { path: 'overtimeCapShare', kind: 'percent' },
      { path: 'flexPoolHoursPerWeek', kind: 'number' },
      { path: 'flexMaxLevel', kind: 'integer' },
      { path: 'costs.overtimeSurcharge', kind: 'percent' },
      { path: 'costs.flexPremium', kind: 'percent' },
      { path: 'costs.agencyPremium', kind: 'percent' },
      { path: 'costs.recruitmentCost', kind: 'euro' },
      { path: 'costs.trainingCost', kind: 'euro' },
    ],
  },
];
export const LEVELS = [1, 2, 3, 4, 5, 6] as const;
export const SEASONALITY_FIELDS = ['demandSeasonality', 'leaveSeasonality'] as const;

/** The scenario levers a planner edits (deltas on the assumptions). */
export const SCENARIO_FIELDS: Array<{ key: keyof Scenario; kind: FieldKind }> = [
  { key: 'absenceRatePp', kind: 'number' },
  { key: 'turnoverPp', kind: 'number' },
  { key: 'growthPp', kind: 'number' },
  { key: 'homeCareShift', kind: 'percent' },
  { key: 'timeToHireWeeksDelta', kind: 'integer' },
  { key: 'flexPoolHoursDelta', kind: 'number' },
];

export function getPath(object: unknown, path: string): unknown {
  let at: unknown = object;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

/** A copy of `object` with `path` set to `value` (objects and arrays along the way are copied). */
export function setPath<T>(object: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split('.');
  const container = (object ?? {}) as Record<string, unknown> | unknown[];
  const copy = (Array.isArray(container) ? [...container] : { ...container }) as Record<string, unknown>;
  copy[key!] = rest.length ? setPath(copy[key!], rest.join('.'), value) : value;
  return copy as T;
}

/** Shown value of a stored one: shares as percentages, rounded against binary noise. */
export function toShown(value: unknown, kind: FieldKind): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '';
  return String(kind === 'percent' ? Number((value * 100).toFixed(6)) : value);
}

/** Stored value of a typed one; an empty or unreadable field becomes NaN (sent as null, refused by the server naming the field). */
export function fromShown(text: string, kind: FieldKind): number {
  const n = text.trim() === '' ? NaN : Number(text.replace(',', '.'));
  return kind === 'percent' ? n / 100 : n;
}

/** The server's field problems by field path (the first per field). */
export function fieldErrors(errors: readonly FieldProblem[] | undefined): Map<string, FieldProblem> {
  const out = new Map<string, FieldProblem>();
  for (const e of errors ?? []) if (!out.has(e.field)) out.set(e.field, e);
  return out;
}

/**
 * Whether the note "the server works with a share: 1 = 100 %" explains the problem: only for a
 * field shown as a percentage whose value is out of the server's range (a bound it states as a share).
 */
export function showsShareHint(kind: FieldKind, problem: FieldProblem): boolean {
  return kind === 'percent' && (problem.code === 'too_small' || problem.code === 'too_big');
}

const EDITOR_FIELD = [
  new RegExp(
    `^assumptions\\.(${ASSUMPTION_GROUPS.flatMap((g) => g.fields.map((f) => f.path.replace('.', '\\.'))).join('|')})$`,
  ),
  /^assumptions\.costs\.hourlyCost\.\d+$/,
  new RegExp(`^assumptions\\.(${SEASONALITY_FIELDS.join('|')})\\.\\d+$`),
  new RegExp(`^scenarios\\.\\d+\\.(${SCENARIO_FIELDS.map((f) => f.key).join('|')})$`),
  /^scenarios\.\d+\.(hires|trainings)\.\d+\.count$/,
  /^scenarios\.\d+\.name$/,
];

/** Whether the editor has an input for this field path (its error is shown there). */
export function isEditorField(path: string): boolean {
  return EDITOR_FIELD.some((re) => re.test(path));
}

/** The problems no input of the editor shows: the page lists these above the form. */
export function problemsWithoutField(errors: readonly FieldProblem[] | undefined): FieldProblem[] {
  return (errors ?? []).filter((e) => !isEditorField(e.field));
}

export function newScenario(existing: readonly Scenario[], name: string): Scenario {
  let n = existing.length + 1;
  while (existing.some((s) => s.id === `eigen-${n}`)) n++;
  return { id: `eigen-${n}`, name, hires: [], trainings: [] };
}

const STORAGE_KEY = 'planmaat.capacity.edits';

export function loadEdits(storage: Pick<Storage, 'getItem'> | undefined): CapacityEdits {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as CapacityEdits) : {};
  } catch {
    return {};
  }
}

export function saveEdits(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  edits: CapacityEdits,
): void {
  if (!storage) return;
  if (!edits.assumptions && !edits.scenarios) storage.removeItem(STORAGE_KEY);
  else storage.setItem(STORAGE_KEY, JSON.stringify(edits));
}
