/**
 * Schema of the rule catalogue and of organisation overrides. Every rule names an evaluator
 * `kind`; the kind fixes the parameter schema, so a catalogue entry or an override with a missing
 * or mistyped parameter is rejected with the rule id and the field path.
 */
import { z } from 'zod';

const minutes = z.number().int().min(0);
const count = z.number().int().min(0);
const weeks = z.number().int().min(1).max(104);

export const paramSchemas = {
  'dienst-length': z.object({ maxWorkMinutes: minutes, nightOnly: z.boolean() }).strict(),
  'week-hours': z
    .object({
      weeks,
      maxAvgMinutesPerWeek: minutes,
      /** When at least this many night diensten start in the window, the night limit applies. */
      nightShiftThreshold: count.optional(),
      maxAvgMinutesPerWeekNight: minutes.optional(),
    })
    .strict(),
  'week-count': z.object({ weeks, max: count, events: z.enum(['night', 'night-after-0200']) }).strict(),
  'daily-rest': z
    .object({
      minRestMinutes: minutes,
      /** Allowed shortened rests per reduction window, each with its own minimum. */
      reductions: z.array(minutes),
      reductionWindowMinutes: minutes,
      periodMinutes: minutes,
      /** Rests after a night dienst ending after 02:00 are left to the night-rest rule. */
      skipAfterNight0200: z.boolean(),
    })
    .strict(),
  'weekly-rest': z
    .object({
      optionA: z.object({ windowMinutes: minutes, minRestMinutes: minutes }).strict().optional(),
      optionB: z
        .object({ windowMinutes: minutes, minTotalMinutes: minutes, minPartMinutes: minutes })
        .strict()
        .optional(),
    })
    .strict()
    .refine((p) => p.optionA || p.optionB, { message: 'at least one of optionA, optionB' }),
  break: z
    .object({
      tiers: z.array(z.object({ overWorkMinutes: minutes, minBreakMinutes: minutes }).strict()).min(1),
      minPartMinutes: minutes,
    })
    .strict(),
  'night-length': z
    .object({
      maxWorkMinutes: minutes,
      longMaxWorkMinutes: minutes,
      longMaxPerWindow: count,
      longWindowMinutes: minutes,
      longMaxPerWeeks: count,
      longWeeks: weeks,
      longRestAfterMinutes: minutes,
    })
    .strict(),
  'night-rest': z
    .object({
      minRestMinutes: minutes,
      reductions: z.array(minutes),
      reductionWindowMinutes: minutes,
      /** Only nights ending after this wall-clock minute (120 = 02:00); null = every night dienst. */
      onlyEndingAfterMinute: z.number().int().min(0).max(1440).nullable(),
      /**
       * Night diensten with more work than this use the long-night exception (ATW 5:8 lid 3, "in
       * afwijking van het eerste of vierde lid"), whose own ≥ 12 h rest replaces this one: they are
       * neither checked nor counted as a used reduction. null = every night dienst.
       */
      longNightOverMinutes: minutes.nullable(),
    })
    .strict(),
  'night-series-rest': z.object({ minNights: count, minRestMinutes: minutes }).strict(),
  'consecutive-nights': z.object({ maxNights: count }).strict(),
  'night-series-length': z.object({ maxDiensten: count }).strict(),
  'free-sundays': z.object({ weeks, minFree: count }).strict(),
  'free-weekends': z.object({ minFreePerYear: count }).strict(),
  'no-work-window': z
    .object({ fromMinute: z.number().int().min(0).max(1440), toMinute: z.number().int().min(0).max(1440) })
    .strict(),
  'on-call-count': z
    .object({
      kinds: z.enum(['home', 'any']),
      maxPerWindow: count,
      windowMinutes: minutes,
      maxPerWeeks: count,
      weeks,
    })
    .strict(),
  'on-call-length': z.object({ maxMinutes: minutes }).strict(),
  'on-call-near-night': z.object({ beforeMinutes: minutes, afterMinutes: minutes }).strict(),
  'no-on-call': z.object({}).strict(),
} as const;

export type EvaluatorKind = keyof typeof paramSchemas;
export type ParamsOf<K extends EvaluatorKind> = z.infer<(typeof paramSchemas)[K]>;
export const EVALUATOR_KINDS = Object.keys(paramSchemas) as EvaluatorKind[];

export const PROFILE_NAMES = [
  'atw',
  'atw-minor',
  'atb-care',
  'cao-vvt',
  'cao-ziekenhuizen',
  'cao-ghz',
  'cao-ggz',
  'cao-umc',
] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];

const text = z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict();

export const sourceSchema = z
  .object({
    /** "ATW", "ATB" or "CAO Ziekenhuizen" etc. */
    document: z.string().min(1),
    article: z.string().min(1),
    /** CAO edition the article was read in. */
    edition: z.string().optional(),
    /** Reference key in the catalogue, e.g. "[NVZ-6.11]". */
    reference: z.string().optional(),
  })
  .strict();
export type RuleSource = z.infer<typeof sourceSchema>;

export const ruleSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, 'rule ids look like "profile.rule-name"'),
    profile: z.enum(PROFILE_NAMES),
    kind: z.enum(EVALUATOR_KINDS as [EvaluatorKind, ...EvaluatorKind[]]),
    tier: z.enum(['legal', 'cao', 'healthy', 'preference']),
    /** Whom the rule protects: adults (18+), minors (16–17) or everyone. */
    ageScope: z.enum(['adult', 'minor', 'all']),
    source: sourceSchema,
    title: text,
    /** Law or CAO text in brief. */
    summary: text,
    params: z.record(z.string(), z.unknown()),
    /** Parameters the catalogue marks UNCONFIRMED, with the reason. */
    unconfirmedParams: z.record(z.string(), z.string()).default({}),
    /** The rule's interpretation (not a parameter) is UNCONFIRMED in the catalogue. */
    unconfirmed: z.string().optional(),
    /** Rule ids this rule takes the place of when both are selected (e.g. ATB care relaxations). */
    replaces: z.array(z.string()).default([]),
    /** Message templates by aspect ("default" always present). */
    messages: z
      .record(z.string(), text)
      .refine((m) => 'default' in m, { message: 'needs a default message' }),
  })
  .strict();
export type RuleDefinitionInput = z.input<typeof ruleSchema>;
export type RuleDefinition = z.output<typeof ruleSchema>;

export const profileSchema = z
  .object({
    name: z.enum(PROFILE_NAMES),
    title: text,
    /** Profiles that are always checked together with this one. */
    includes: z.array(z.enum(PROFILE_NAMES)).default([]),
    /** Edition or legal basis, e.g. "CAO VVT 2025-2026". */
    edition: z.string(),
    note: text.optional(),
  })
  .strict();
export type ProfileDefinition = z.output<typeof profileSchema>;

/** An organisation's change to one rule: its own CAO edition or a works-council agreement. */
export const overrideSchema = z
  .object({
    rule: z.string().min(1),
    /** Parameters to replace; validated against the rule kind's schema after merging. */
    params: z.record(z.string(), z.unknown()).default({}),
    /** Switch a rule off (e.g. free Sundays when the CAO uses ATW 5:6 lid 4). */
    disabled: z.boolean().default(false),
    /** Legal basis of the change: "CAO VVT 2025-2026 art. 5.1", "OR-regeling 12-03-2026". */
    basis: z.string().min(1),
  })
  .strict();
export type RuleOverride = z.input<typeof overrideSchema>;
