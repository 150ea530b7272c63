/**
 * Capacity-planning assumptions. Every figure here is a configurable default, not a fact about an
 * organisation: planners replace them with their own (absence and turnover can be measured from
 * the history, see @planmaat/insight). Amounts are euros per hour including employer charges.
 */
import { z } from 'zod';

const levelKey = z.enum(['1', '2', '3', '4', '5', '6']);
const share = z.number().min(0).max(1);
const twelve = z.array(z.number().min(0).max(3)).length(12);

/** Own-staff hourly cost per qualification level (2026 VVT, rough employer cost incl. charges). */
export const DEFAULT_HOURLY_COST: Record<string, number> = {
  '1': 32,
  '2': 35,
  '3': 40,
  '4': 46,
  '5': 52,
  '6': 65,
};

/** Winter peak (flu, falls), calm summer; mean 1. Index 0 = January. */
export const DEFAULT_DEMAND_SEASONALITY = [
  1.04, 1.04, 1.02, 1.0, 0.99, 0.98, 0.97, 0.97, 0.99, 1.0, 1.0, 1.0,
];
/** Holiday leave is taken mostly in summer and around Christmas; mean 1. */
export const DEFAULT_LEAVE_SEASONALITY = [0.7, 0.6, 0.7, 0.9, 1.1, 0.9, 1.9, 1.9, 0.8, 0.9, 0.6, 1.0];

export const costSchema = z.object({
  /** Own staff: euros per paid hour per qualification level. */
  hourlyCost: z.partialRecord(levelKey, z.number().min(0)).default(DEFAULT_HOURLY_COST),
  /** Overtime costs the own hourly cost times (1 + surcharge). */
  overtimeSurcharge: z.number().min(0).max(3).default(0.5),
  /** Own flex pool: own hourly cost times (1 + premium). */
  flexPremium: z.number().min(0).max(3).default(0.25),
  /** Agency / PNIL (personnel not on payroll): own hourly cost times (1 + premium). */
  agencyPremium: z.number().min(0).max(5).default(0.9),
  /** One-off cost of recruiting one person (advertising, selection, induction). */
  recruitmentCost: z.number().min(0).default(5000),
  /** One-off cost of one level-up training (course fees, mentoring). */
  trainingCost: z.number().min(0).default(8000),
});
export type CostAssumptions = z.infer<typeof costSchema>;

export const assumptionsSchema = z.object({
  /** Hours of one FTE (full-time equivalent); the VVT CAO full-time week is 36 h. */
  fteHours: z.number().min(1).max(60).default(36),
  /** Expected sickness absence as a share of contract hours (VVT about 7–8 %). */
  absenceRate: share.default(0.07),
  /** Holiday leave as a share of contract hours over a year (about 5 weeks + holidays). */
  leaveRate: share.default(0.1),
  leaveSeasonality: twelve.default(DEFAULT_LEAVE_SEASONALITY),
  /** Share of staff leaving per year; converted to a monthly hazard, applied weekly. */
  turnoverPerYear: share.default(0.15),
  /** Weeks from a leaver's departure (or a hiring decision) to the replacement's first day. */
  timeToHireWeeks: z.number().int().min(0).max(52).default(13),
  /** Leavers are replaced (after time-to-hire); false models a hiring freeze. */
  replaceLeavers: z.boolean().default(true),
  /** Demand growth per year (ageing population: 2–3 % a year in VVT). */
  growthPerYear: z.number().min(-0.5).max(1).default(0.025),
  demandSeasonality: twelve.default(DEFAULT_DEMAND_SEASONALITY),
  /** Home care: travel and hand-over time as a share of client time (visits × 1.25). */
  travelShare: z.number().min(0).max(2).default(0.25),
  /** Share of home-care demand moved to technology or the client's network (scenario lever). */
  homeCareShift: share.default(0),
  /** Overtime cap as a share of own contract hours per week. */
  overtimeCapShare: share.default(0.05),
  /** Own flex-pool hours available per team per week. */
  flexPoolHoursPerWeek: z.number().min(0).default(40),
  /** Highest level the flex pool can supply. */
  flexMaxLevel: z.number().int().min(1).max(6).default(3),
  /** Contract hours of one new hire or one trainee (the demo's average contract is about 25 h). */
  hireHoursPerWeek: z.number().min(1).max(40).default(28),
  /** Weeks a level-up training takes before the trainee works at the new level (shortened BBL/EVC). */
  trainingWeeks: z.number().int().min(1).max(104).default(26),
  /** Share of a trainee's hours spent studying during the training (lost to the roster). */
  trainingStudyShare: share.default(0.2),
  costs: costSchema.default(costSchema.parse({})),
});
export type Assumptions = z.infer<typeof assumptionsSchema>;
export type AssumptionsInput = z.input<typeof assumptionsSchema>;

export function resolveAssumptions(input: AssumptionsInput = {}): Assumptions {
  return assumptionsSchema.parse(input);
}

export function hourlyCost(costs: CostAssumptions, level: number): number {
  return costs.hourlyCost[String(level) as '1'] ?? DEFAULT_HOURLY_COST[String(level)];
}

/** Weekly probability of staying, from the yearly turnover via the monthly hazard. */
export function weeklySurvival(turnoverPerYear: number): number {
  const monthlyHazard = 1 - Math.pow(1 - turnoverPerYear, 1 / 12);
  return Math.pow(1 - monthlyHazard, 12 / 52);
}
