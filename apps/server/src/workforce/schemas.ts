/** OpenAPI (zod) shapes of the capacity and insight answers, so they appear in /api/openapi.json. */
import { z } from '@hono/zod-openapi';

const numbers = z.array(z.number());
const bilingual = z.object({ nl: z.string(), en: z.string() });

const closingCost = z.object({
  mix: z.number(),
  overtimeOnly: z.number(),
  flexOnly: z.number(),
  agencyOnly: z.number(),
});

const projectionSummary = z
  .object({
    demandHours: z.number(),
    supplyHours: z.number(),
    shortageHours: z.number(),
    surplusHours: z.number(),
    peakShortageFte: z.number(),
    peakShortageWeek: z.number().int(),
    weeksShort: z.number().int(),
    closingHours: z.object({ overtime: z.number(), flex: z.number(), agency: z.number() }),
    closingCost,
  })
  .openapi('CapacitySummary');

const teamProjection = z
  .object({
    teamId: z.string(),
    name: z.string(),
    kind: z.enum(['ward', 'home-care']),
    levels: z.array(
      z.object({
        level: z.number().int(),
        demand: numbers,
        supply: numbers.describe('Available hours (after absence, leave and study)'),
        shortage: numbers,
        surplus: numbers,
      }),
    ),
    total: z.object({ demand: numbers, supply: numbers, shortage: numbers, surplus: numbers }),
    closing: z.object({ overtime: numbers, flex: numbers, agency: numbers, cost: numbers }),
    summary: projectionSummary,
  })
  .openapi('CapacityTeamProjection');

export const projectionOut = z
  .object({
    start: z.string(),
    weeks: z.number().int(),
    weekStarts: z.array(z.string()),
    isoWeeks: z.array(z.string()),
    teams: z.array(teamProjection),
    summary: projectionSummary,
    assumptions: z.unknown(),
  })
  .openapi('CapacityProjection');

export const capacityPlanOut = z
  .object({
    base: z.unknown().describe('The capacity base (demand, staff, known leave per team and level)'),
    assumptions: z.unknown().describe('The resolved assumptions'),
    scenarios: z
      .array(z.unknown())
      .describe('The scenario definitions compared (the request’s, or the standard set): edit and send back'),
    comparison: z.object({
      base: projectionOut,
      scenarios: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          notes: z.array(z.string()),
          projection: projectionOut,
          delta: z.object({
            shortageHours: z.number(),
            surplusHours: z.number(),
            peakShortageFte: z.number(),
            closingCostMix: z.number(),
          }),
        }),
      ),
    }),
    scope: z.object({ teamIds: z.array(z.string()), complete: z.boolean() }),
  })
  .openapi('CapacityPlan');

const costBreakdown = {
  salaries: z.number(),
  recruitment: z.number(),
  training: z.number(),
  overtime: z.number(),
  flex: z.number(),
  agency: z.number(),
  total: z.number(),
};

export const recommendationOut = z
  .object({
    status: z.string(),
    decisions: z.array(
      z.object({
        kind: z.enum(['hire', 'training']),
        teamId: z.string(),
        teamName: z.string(),
        level: z.number().int(),
        quarter: z.number().int(),
        week: z.number().int(),
        date: z.string(),
        count: z.number().int(),
        hoursPerWeek: z.number(),
        effectiveHours: z.number(),
        cost: z.number(),
        withoutOne: z.object({
          extraCost: z.number(),
          extraOvertime: z.number(),
          extraFlex: z.number(),
          extraAgency: z.number(),
          extraUncovered: z.number(),
        }),
      }),
    ),
    cost: z.object(costBreakdown),
    baseline: z.object({ ...costBreakdown, uncoveredHours: z.number() }),
    saving: z.number(),
    hours: z.object({ overtime: z.number(), flex: z.number(), agency: z.number(), uncovered: z.number() }),
    binding: z.array(
      z.object({
        kind: z.enum([
          'max-hires',
          'max-hires-level',
          'training-seats',
          'trainees-available',
          'agency-cap',
          'budget',
        ]),
        label: z.string(),
        limit: z.number(),
        used: z.number(),
        valueOfOneMore: z.number().nullable(),
      }),
    ),
    marginalCosts: z.array(
      z.object({ teamId: z.string(), level: z.number().int(), average: z.number(), max: z.number() }),
    ),
    explanation: z.object({ nl: z.array(z.string()), en: z.array(z.string()) }),
    model: z.object({ variables: z.number().int(), integers: z.number().int(), rows: z.number().int() }),
  })
  .openapi('CapacityRecommendation');

const figures = z
  .object({
    headcount: z.number(),
    fte: z.number(),
    absenceRate: z.number(),
    absenceFrequency: z.number(),
    turnoverRate: z.number(),
    hoursAboveContractPerFte: z.number(),
    shareAboveContract: z.number(),
    calledInPer100Shifts: z.number(),
    rosterStability: z.number(),
    nightShare: z.number(),
    weekendShare: z.number(),
    restViolationsPer100Shifts: z.number().nullable(),
    wishesGranted: z.number().nullable(),
    fairnessSpread: z.number().nullable(),
  })
  .openapi('InsightFigures');

const period = z.object({ id: z.string(), label: z.string(), from: z.string(), to: z.string() });
const suppressed = z
  .enum(['small-group', 'complementary'])
  .nullable()
  .describe(
    'Why the group is hidden (5 people or fewer, or it would give such a group away); then figures is null',
  );

export const insightReportOut = z
  .object({
    filter: z.object({ levelBand: z.string(), contractBand: z.string(), label: bilingual }),
    periods: z.array(period),
    range: period,
    threshold: z.number().int(),
    rows: z.array(
      z.object({
        periodId: z.string(),
        periodLabel: z.string(),
        teamId: z.string().describe('`all` is the whole organisation'),
        teamName: z.string(),
        suppressed,
        figures: figures.nullable(),
      }),
    ),
    themes: z.array(
      z.object({
        periodId: z.string(),
        teamId: z.string(),
        theme: z.string(),
        label: bilingual,
        count: z.number(),
      }),
    ),
    notes: z.object({ nl: z.array(z.string()), en: z.array(z.string()) }),
  })
  .openapi('InsightReport');

export const teamActionOut = z
  .object({
    id: z.string(),
    periodId: z.string(),
    text: z.string(),
    owner: z.string().optional(),
    status: z.enum(['open', 'done', 'dropped']),
    followUp: z.string().optional(),
  })
  .openapi('TeamAction');

export const teamReportOut = z
  .object({
    team: z.object({ id: z.string(), name: z.string() }),
    period,
    previous: period.nullable(),
    suppressed: z.boolean(),
    figures: z.array(
      z.object({
        key: z.string(),
        label: bilingual,
        unit: z.string(),
        current: z.number().nullable(),
        previous: z.number().nullable(),
        organisation: z.number().nullable(),
        trend: z.enum(['better', 'worse', 'same']).nullable(),
      }),
    ),
    themes: z.array(z.object({ theme: z.string(), label: bilingual, count: z.number() })),
    followUp: z.array(teamActionOut),
    agreedThisPeriod: z.array(teamActionOut),
    actionSlots: z.number().int(),
  })
  .openapi('TeamReport');
