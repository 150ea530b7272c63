/**
 * The capacity use cases as plain JSON in, plain JSON out — what `/api/capacity` routes and the CLI
 * call. The organisation's data comes from the caller (database or bundle folder); the request
 * holds only choices and assumptions, validated with zod.
 */
import { z } from 'zod';
import { InputError, localDate, parseOrThrow, type OrganisationData } from '@planmaat/domain';
import { assumptionsSchema, resolveAssumptions, type Assumptions } from './assumptions.ts';
import { buildCapacityBase, capacityBaseSchema, type CapacityBase } from './base.ts';
import { recommendMix, recommendationOptionsSchema, type Recommendation } from './recommend.ts';
import {
  applyScenario,
  compareScenarios,
  scenarioSchema,
  standardScenarios,
  type Scenario,
  type ScenarioComparison,
} from './scenarios.ts';

export const capacityRequestSchema = z.object({
  /** First week (its Monday); default the Monday of the earliest demand row. */
  start: localDate.optional(),
  weeks: z.number().int().min(1).max(104).default(52),
  demandBasis: z.enum(['min', 'ideal']).default('min'),
  homeCareSource: z.enum(['visits', 'shifts']).default('visits'),
  assumptions: assumptionsSchema.default(assumptionsSchema.parse({})),
  graduations: capacityBaseSchema.shape.graduations,
  plannedHires: capacityBaseSchema.shape.plannedHires,
  /** Scenarios to compare with the base; default the standard set. */
  scenarios: z.array(scenarioSchema).optional(),
  recommendation: recommendationOptionsSchema.default(recommendationOptionsSchema.parse({})),
  /** Compute the recommendation for this scenario's assumptions and levers instead of the base. */
  recommendationScenarioId: z.string().optional(),
});
export type CapacityRequest = z.infer<typeof capacityRequestSchema>;
export type CapacityRequestInput = z.input<typeof capacityRequestSchema>;

export interface CapacityPlan {
  base: CapacityBase;
  assumptions: Assumptions;
  /** The scenarios compared (the request's, or the standard set), as definitions to edit and send back. */
  scenarios: Scenario[];
  comparison: ScenarioComparison;
}

export function parseCapacityRequest(input: unknown): CapacityRequest {
  return parseOrThrow(capacityRequestSchema, input ?? {}, 'request');
}

export function capacityBaseFor(data: OrganisationData, request: CapacityRequest): CapacityBase {
  const base = buildCapacityBase(data, {
    start: request.start,
    weeks: request.weeks,
    demandBasis: request.demandBasis,
    homeCareSource: request.homeCareSource,
  });
  base.graduations = request.graduations;
  base.plannedHires = request.plannedHires;
  return base;
}

/** Base projection and scenarios side by side. */
export function planCapacity(data: OrganisationData, request: CapacityRequest): CapacityPlan {
  const base = capacityBaseFor(data, request);
  const assumptions = resolveAssumptions(request.assumptions);
  const scenarios = request.scenarios ?? standardScenarios(base);
  return { base, assumptions, scenarios, comparison: compareScenarios(base, assumptions, scenarios) };
}

/** The recommended hiring/training mix (deterministic for the same data and request). */
export async function recommendCapacity(
  data: OrganisationData,
  request: CapacityRequest,
): Promise<Recommendation> {
  const base = capacityBaseFor(data, request);
  const assumptions = resolveAssumptions(request.assumptions);
  if (request.recommendationScenarioId) {
    const scenarios = request.scenarios ?? standardScenarios(base);
    const scenario = scenarios.find((s) => s.id === request.recommendationScenarioId);
    if (!scenario)
      throw new InputError(
        `unknown scenario ${request.recommendationScenarioId}`,
        'request.recommendationScenarioId',
      );
    const applied = applyScenario(base, assumptions, scenario);
    return recommendMix(base, applied.assumptions, request.recommendation, applied.levers);
  }
  return recommendMix(base, assumptions, request.recommendation);
}
