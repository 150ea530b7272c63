/**
 * Compile the catalogue for one organisation: choose profiles (and single rules), apply the
 * organisation's overrides, validate every parameter against its evaluator's schema, and give
 * each rule a dense index, a tier index and a horizon for incremental re-checks.
 */
import { InputError, describeZodError } from '@planmaat/domain';
import { PROFILES, RULES } from './catalogue.ts';
import {
  overrideSchema,
  paramSchemas,
  profileSchema,
  ruleSchema,
  PROFILE_NAMES,
  type EvaluatorKind,
  type ProfileDefinition,
  type ProfileName,
  type RuleDefinition,
  type RuleOverride,
} from './schema.ts';
import { TIERS, type Tier } from './types.ts';
import { DAY, WEEK } from './zone-clock.ts';

export interface CompiledRule {
  index: number;
  id: string;
  kind: EvaluatorKind;
  tier: Tier;
  tierIndex: number;
  ageScope: 'adult' | 'minor' | 'all';
  // Params are validated against paramSchemas[kind]; evaluators read them through their own type.
  params: Record<string, unknown>;
  definition: RuleDefinition;
  /** Why this rule's output is unconfirmed (catalogue marks); empty when confirmed or overridden. */
  unconfirmedReasons: string[];
  /** Overrides applied, with their legal basis. */
  overriddenBy: string[];
  cite: string;
  /** How far (minutes) an edit can move the violations of this rule: see incremental.ts. */
  horizon: number;
}

export interface CompiledRuleSet {
  rules: CompiledRule[];
  /** Profiles in force after following `includes`. */
  profiles: ProfileName[];
  byId: Map<string, CompiledRule>;
  /** Longest horizon of all rules. */
  maxHorizon: number;
}

export interface CompileOptions {
  /** Profile names and/or rule ids; default ["atw"]. */
  select?: readonly string[];
  overrides?: readonly RuleOverride[];
}

let validated: { rules: RuleDefinition[]; profiles: ProfileDefinition[] } | null = null;

/** The catalogue, validated once: a broken entry is a programming error naming the rule. */
export function catalogue(): { rules: RuleDefinition[]; profiles: ProfileDefinition[] } {
  if (validated) return validated;
  const rules = RULES.map((input) => {
    const result = ruleSchema.safeParse(input);
    if (!result.success) throw new Error(`catalogue rule ${input.id}: ${describeZodError(result.error)}`);
    const params = paramSchemas[result.data.kind].safeParse(result.data.params);
    if (!params.success)
      throw new Error(`catalogue rule ${input.id}: ${describeZodError(params.error, 'params')}`);
    return result.data;
  });
  const ids = new Set<string>();
  for (const r of rules) {
    if (ids.has(r.id)) throw new Error(`catalogue rule ${r.id} is defined twice`);
    ids.add(r.id);
  }
  for (const r of rules)
    for (const replaced of r.replaces)
      if (!ids.has(replaced)) throw new Error(`catalogue rule ${r.id} replaces unknown rule ${replaced}`);
  const profiles = PROFILES.map((p) => profileSchema.parse(p));
  validated = { rules, profiles };
  return validated;
}

export function knownProfiles(): readonly ProfileName[] {
  return PROFILE_NAMES;
}

function expandProfiles(names: Iterable<ProfileName>, profiles: ProfileDefinition[]): ProfileName[] {
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const out: ProfileName[] = [];
  const visit = (name: ProfileName) => {
    if (out.includes(name)) return;
    out.push(name);
    for (const inc of byName.get(name)?.includes ?? []) visit(inc);
  };
  for (const n of names) visit(n);
  return out;
}

function citeOf(rule: RuleDefinition): string {
  const { document, article } = rule.source;
  return `${document} ${/^\d/.test(article) ? 'art. ' : ''}${article}`;
}

function horizonOf(kind: EvaluatorKind, p: Record<string, unknown>): number {
  const num = (k: string) => (typeof p[k] === 'number' ? (p[k] as number) : 0);
  const margin = 2 * DAY;
  switch (kind) {
    case 'week-hours':
    case 'week-count':
    case 'free-sundays':
      return 2 * (num('weeks') + 1) * WEEK + margin;
    case 'daily-rest':
      return num('periodMinutes') + num('reductionWindowMinutes') + margin;
    case 'night-rest':
      return num('minRestMinutes') + num('reductionWindowMinutes') + margin;
    case 'weekly-rest': {
      const a = (p.optionA as { windowMinutes: number } | undefined)?.windowMinutes ?? 0;
      const b = (p.optionB as { windowMinutes: number } | undefined)?.windowMinutes ?? 0;
      return 2 * Math.max(a, b) + margin;
    }
    case 'night-length':
      return (
        Math.max(num('longWindowMinutes'), 2 * (num('longWeeks') + 1) * WEEK) +
        num('longRestAfterMinutes') +
        margin
      );
    case 'on-call-count':
      return Math.max(num('windowMinutes'), 2 * (num('weeks') + 1) * WEEK) + margin;
    case 'on-call-near-night':
      return Math.max(num('beforeMinutes'), num('afterMinutes')) + margin;
    case 'night-series-rest':
      return num('minRestMinutes') + 2 * margin;
    case 'consecutive-nights':
    case 'night-series-length':
      return 2 * margin;
    case 'free-weekends':
      return 2 * WEEK;
    case 'dienst-length':
    case 'break':
    case 'no-work-window':
    case 'on-call-length':
    case 'no-on-call':
      return margin;
  }
}

/**
 * Build a rule set. Unknown profile or rule names, overrides for unknown rules, and override
 * parameters that do not fit the rule's schema are InputErrors naming the offender.
 */
export function compileRuleSet(options: CompileOptions = {}): CompiledRuleSet {
  const { rules, profiles } = catalogue();
  const select = options.select && options.select.length > 0 ? options.select : ['atw'];
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  const requestedProfiles: ProfileName[] = [];
  const requestedRules: string[] = [];
  for (const raw of select) {
    const name = raw.trim();
    if ((PROFILE_NAMES as readonly string[]).includes(name)) requestedProfiles.push(name as ProfileName);
    else if (ruleById.has(name)) requestedRules.push(name);
    else
      throw new InputError(
        `unknown rule profile or rule "${name}"; known profiles: ${PROFILE_NAMES.join(', ')}`,
        '--rules',
      );
  }
  const inForce = expandProfiles(requestedProfiles, profiles);
  const chosen = new Map<string, RuleDefinition>();
  for (const r of rules) if (inForce.includes(r.profile)) chosen.set(r.id, r);
  for (const id of requestedRules) chosen.set(id, ruleById.get(id)!);
  for (const r of [...chosen.values()]) for (const replaced of r.replaces) chosen.delete(replaced);

  const params = new Map<string, Record<string, unknown>>();
  const unconfirmed = new Map<string, Record<string, string>>();
  const overriddenBy = new Map<string, string[]>();
  for (const r of chosen.values()) {
    params.set(r.id, { ...r.params });
    unconfirmed.set(r.id, { ...r.unconfirmedParams });
  }
  (options.overrides ?? []).forEach((raw, i) => {
    const where = `overrides[${i}]`;
    const parsed = overrideSchema.safeParse(raw);
    if (!parsed.success) throw new InputError(describeZodError(parsed.error, where));
    const o = parsed.data;
    const def = ruleById.get(o.rule);
    if (!def) throw new InputError(`unknown rule "${o.rule}"`, `${where}.rule`);
    if (!chosen.has(o.rule)) return; // an override for a rule outside this selection
    if (o.disabled) {
      chosen.delete(o.rule);
      return;
    }
    const merged = { ...params.get(o.rule)!, ...o.params };
    const check = paramSchemas[def.kind].safeParse(merged);
    if (!check.success) throw new InputError(describeZodError(check.error, `${where}.params`));
    params.set(o.rule, merged);
    const marks = unconfirmed.get(o.rule)!;
    for (const key of Object.keys(o.params)) delete marks[key];
    overriddenBy.set(o.rule, [...(overriddenBy.get(o.rule) ?? []), o.basis]);
  });

  const compiled: CompiledRule[] = [];
  for (const def of rules) {
    if (!chosen.has(def.id)) continue;
    const p = paramSchemas[def.kind].parse(params.get(def.id)) as Record<string, unknown>;
    const reasons = Object.entries(unconfirmed.get(def.id)!).map(([k, why]) => `${k}: ${why}`);
    if (def.unconfirmed) reasons.push(def.unconfirmed);
    compiled.push({
      index: compiled.length,
      id: def.id,
      kind: def.kind,
      tier: def.tier,
      tierIndex: TIERS.indexOf(def.tier),
      ageScope: def.ageScope,
      params: p,
      definition: def,
      unconfirmedReasons: reasons,
      overriddenBy: overriddenBy.get(def.id) ?? [],
      cite: citeOf(def),
      horizon: horizonOf(def.kind, p),
    });
  }
  return {
    rules: compiled,
    profiles: inForce,
    byId: new Map(compiled.map((r) => [r.id, r])),
    maxHorizon: compiled.reduce((m, r) => Math.max(m, r.horizon), 0),
  };
}
