/**
 * Scenarios: parameter deltas applied to the base assumptions ("absence −1 percentage point",
 * "hire 3 VIG", "shift 10 % of home-care visits to technology or the client's network"), each
 * projected and compared with the base.
 */
import { z } from 'zod';
import {
  localDate,
  parseOrThrow,
  qualificationLevel,
  QUALIFICATION_NAMES,
  type QualificationLevel,
} from '@planmaat/domain';
import { assumptionsSchema, type Assumptions } from './assumptions.ts';
import type { CapacityBase } from './base.ts';
import {
  projectCapacity,
  weekOfDate,
  type Levers,
  type Projection,
  type ProjectionSummary,
} from './project.ts';

const pp = z.number().min(-100).max(100);

export const scenarioSchema = z.object({
  id: z.string().min(1).max(60),
  name: z.string().min(1).max(200),
  /** Absolute overrides of assumptions (same names), applied before the deltas; checked on use. */
  set: z.record(z.string(), z.unknown()).optional(),
  /** Changes in percentage points (−1 = one point lower). */
  absenceRatePp: pp.optional(),
  turnoverPp: pp.optional(),
  growthPp: pp.optional(),
  /** Share of home-care demand moved to technology / network care (0.1 = 10 %). */
  homeCareShift: z.number().min(0).max(1).optional(),
  timeToHireWeeksDelta: z.number().int().min(-52).max(52).optional(),
  flexPoolHoursDelta: z.number().optional(),
  /** Extra hires; without a team they go to the team with the largest shortage at that level. */
  hires: z
    .array(
      z.object({
        teamId: z.string().optional(),
        level: qualificationLevel,
        count: z.number().int().min(1),
        /** First working day; default the earliest a new hire can start (time to hire). */
        date: localDate.optional(),
        hoursPerWeek: z.number().min(1).max(40).optional(),
      }),
    )
    .default([]),
  trainings: z
    .array(
      z.object({
        teamId: z.string().optional(),
        fromLevel: z.number().int().min(1).max(5),
        count: z.number().int().min(1),
        date: localDate.optional(),
      }),
    )
    .default([]),
});
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;

export interface AppliedScenario {
  assumptions: Assumptions;
  levers: Levers;
  /** Where hires without a team went, for the reasoning shown. */
  notes: string[];
}

export function applyScenario(
  base: CapacityBase,
  baseAssumptions: Assumptions,
  scenario: Scenario,
  baseProjection?: Projection,
): AppliedScenario {
  const a: Assumptions = parseOrThrow(
    assumptionsSchema,
    { ...baseAssumptions, ...(scenario.set ?? {}) },
    `scenario ${scenario.id}`,
  );
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  if (scenario.absenceRatePp !== undefined)
    a.absenceRate = clamp(a.absenceRate + scenario.absenceRatePp / 100);
  if (scenario.turnoverPp !== undefined)
    a.turnoverPerYear = clamp(a.turnoverPerYear + scenario.turnoverPp / 100);
  if (scenario.growthPp !== undefined) a.growthPerYear = a.growthPerYear + scenario.growthPp / 100;
  if (scenario.homeCareShift !== undefined) a.homeCareShift = scenario.homeCareShift;
  if (scenario.timeToHireWeeksDelta !== undefined)
    a.timeToHireWeeks = Math.max(0, a.timeToHireWeeks + scenario.timeToHireWeeksDelta);
  if (scenario.flexPoolHoursDelta !== undefined)
    a.flexPoolHoursPerWeek = Math.max(0, a.flexPoolHoursPerWeek + scenario.flexPoolHoursDelta);

  const notes: string[] = [];
  const needTeam = scenario.hires.some((h) => !h.teamId) || scenario.trainings.some((t) => !t.teamId);
  const projection = needTeam ? (baseProjection ?? projectCapacity(base, baseAssumptions)) : undefined;
  const levers: Levers = { hires: [], trainings: [] };
  for (const h of scenario.hires) {
    const teamId = h.teamId ?? mostShortTeam(projection!, h.level);
    if (!h.teamId) notes.push(`${h.count} × ${levelName(h.level)} → ${teamName(base, teamId)}`);
    const week = h.date ? Math.max(0, weekOfDate(base, h.date)) : a.timeToHireWeeks;
    levers.hires.push({ teamId, level: h.level, week, count: h.count, hoursPerWeek: h.hoursPerWeek });
  }
  for (const t of scenario.trainings) {
    const teamId = t.teamId ?? mostShortTeam(projection!, t.fromLevel + 1);
    if (!t.teamId)
      notes.push(`${t.count} × opleiding ${t.fromLevel}→${t.fromLevel + 1} → ${teamName(base, teamId)}`);
    levers.trainings.push({
      teamId,
      fromLevel: t.fromLevel,
      week: t.date ? Math.max(0, weekOfDate(base, t.date)) : 0,
      count: t.count,
    });
  }
  return { assumptions: a, levers, notes };
}

/** The team with the largest total shortage this level can fill (its own level or below; ties: first team). */
function mostShortTeam(projection: Projection, level: number): string {
  let best = projection.teams[0].teamId;
  let bestShort = -1;
  for (const t of projection.teams) {
    let short = 0;
    for (const l of t.levels) if (l.level <= level) for (const x of l.shortage) short += x;
    if (short > bestShort + 1e-9) {
      bestShort = short;
      best = t.teamId;
    }
  }
  return best;
}

function teamName(base: CapacityBase, teamId: string): string {
  return base.teams.find((t) => t.id === teamId)?.name ?? teamId;
}

export function levelName(level: number): string {
  return QUALIFICATION_NAMES[level as QualificationLevel]?.abbr ?? `niveau ${level}`;
}

export interface ScenarioResult {
  id: string;
  name: string;
  notes: string[];
  projection: Projection;
  /** Scenario minus base. */
  delta: Pick<ProjectionSummary, 'shortageHours' | 'surplusHours' | 'peakShortageFte'> & {
    closingCostMix: number;
  };
}

export interface ScenarioComparison {
  base: Projection;
  scenarios: ScenarioResult[];
}

export function compareScenarios(
  base: CapacityBase,
  assumptions: Assumptions,
  scenarios: readonly Scenario[],
): ScenarioComparison {
  const baseProjection = projectCapacity(base, assumptions);
  const results = scenarios.map((scenario) => {
    const applied = applyScenario(base, assumptions, scenario, baseProjection);
    const projection = projectCapacity(base, applied.assumptions, applied.levers);
    const d = (x: number, y: number) => Math.round((x - y) * 100) / 100;
    return {
      id: scenario.id,
      name: scenario.name,
      notes: applied.notes,
      projection,
      delta: {
        shortageHours: d(projection.summary.shortageHours, baseProjection.summary.shortageHours),
        surplusHours: d(projection.summary.surplusHours, baseProjection.summary.surplusHours),
        peakShortageFte: d(projection.summary.peakShortageFte, baseProjection.summary.peakShortageFte),
        closingCostMix: d(projection.summary.closingCost.mix, baseProjection.summary.closingCost.mix),
      },
    };
  });
  return { base: baseProjection, scenarios: results };
}

/** The standard comparison shown for every organisation (planners add their own). */
export function standardScenarios(base: CapacityBase): Scenario[] {
  const list: ScenarioInput[] = [
    { id: 'absence-1pp', name: 'Verzuim −1 procentpunt / absence −1 percentage point', absenceRatePp: -1 },
    { id: 'hire-3-vig', name: '3 VIG aannemen / hire 3 VIG', hires: [{ level: 3, count: 3 }] },
    { id: 'turnover-3pp', name: 'Verloop −3 procentpunt / turnover −3 percentage points', turnoverPp: -3 },
  ];
  if (base.teams.some((t) => t.kind === 'home-care'))
    list.push({
      id: 'homecare-tech-10',
      name: '10 % thuiszorg naar technologie/netwerk / shift 10 % of visits to technology/network care',
      homeCareShift: 0.1,
    });
  return list.map((s) => scenarioSchema.parse(s));
}
