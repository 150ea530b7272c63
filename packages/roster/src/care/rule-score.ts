/**
 * Labour rules on one employee's timeline (the period's shifts plus the context blocks), scored
 * per rule-engine tier. Only violations whose period meets the roster period count: a violation
 * that lies wholly in a neighbouring (published) period cannot be changed by this roster.
 *
 * The fast path runs the engine's evaluators with a score-only sink (no allocation); the report
 * path (explain) runs RuleEngine.checkEmployee and prices the Violation objects with the same
 * formula, so the two are independent computations that must agree.
 */
import {
  compileRuleSet,
  messageOf,
  RuleEngine,
  Timeline,
  unitOf,
  type CompiledRule,
  type CompiledRuleSet,
  type ShiftInput,
  type Timeline as TimelineType,
  type Sink,
  type Violation,
  ViolationRecord,
} from '@planmaat/rules';

type Evaluator = RuleEngine['evaluators'][number];
import { KIND_NAMES } from '@planmaat/rules';

/** Points of one violation: rule weight 1 × (1 + excess), excess in hours for durations (as TimelineScorer). */
export function violationPoints(value: number, limit: number, unitIsCount: boolean): number {
  let excess = value > limit ? value - limit : limit - value;
  if (!unitIsCount) excess /= 60;
  return 1 + excess;
}

/**
 * A violation counts for this roster when its period meets the roster period and, if it names
 * blocks, at least one of them is a shift of this period: what lies wholly in neighbouring
 * periods (e.g. a night series of the previous period ending on the first morning) is not this
 * roster's to fix. Blocks of the context carry this source.
 */
export const CONTEXT_SOURCE = 'context';

/** Hard levels count in thousandths of a point, soft rule tiers in `softRule` per point. */
export const HARD_POINT = 1000;

/** Tier of a rule on the care score: hard (legal, cao) or soft (healthy, preference). */
export function isHardTier(rule: CompiledRule): boolean {
  return rule.tier === 'legal' || rule.tier === 'cao';
}

export function rulePenalty(rule: CompiledRule, points: number, softRuleWeight: number): number {
  return isHardTier(rule) ? Math.round(HARD_POINT * points) : Math.round(softRuleWeight * points);
}

class PeriodScoreSink implements Sink {
  readonly v = new ViolationRecord();
  hard = 0;
  soft = 0;
  from = 0;
  to = 0;
  softRuleWeight = 1;
  countUnit: Uint8Array;
  constructor(ruleSet: CompiledRuleSet) {
    this.countUnit = new Uint8Array(ruleSet.rules.length);
    for (const r of ruleSet.rules) this.countUnit[r.index] = unitOf(r, 'default') === 'count' ? 1 : 0;
  }
  /** Per timeline block: 1 when it is a shift of the period being rostered. */
  ownBlock: Uint8Array = new Uint8Array(0);
  commit(rule: CompiledRule, tl: TimelineType): void {
    const v = this.v;
    if (!(v.end > this.from && v.start < this.to)) return;
    if (v.lastBlock >= v.firstBlock) {
      let own = false;
      for (let i = v.firstBlock; i <= v.lastBlock && i < tl.n; i++)
        if ((1 << tl.bKind[i]) & v.blockMask && this.ownBlock[i]) own = true;
      if (!own) return;
    }
    const isCount =
      v.aspect === 'count-window' || v.aspect === 'count-weeks' || this.countUnit[rule.index] === 1;
    const penalty = rulePenalty(rule, violationPoints(v.value, v.limit, isCount), this.softRuleWeight);
    if (isHardTier(rule)) this.hard += penalty;
    else this.soft += penalty;
  }
}

export interface RuleMatch {
  rule: CompiledRule;
  violation: Violation;
  penalty: number;
  hard: boolean;
  message: { nl: string; en: string };
}

export class PeriodRuleScorer {
  readonly ruleSet: CompiledRuleSet;
  private readonly engine: RuleEngine;
  private readonly sink: PeriodScoreSink;
  private readonly timeline = new Timeline();

  private readonly active: Evaluator[];

  /**
   * `spanWeeks`: how many calendar weeks the data (context and period) can touch. Rules that
   * cannot fire on such data are left out of the fast path: on-call rules (the care model has no
   * on-call blocks) and free Sundays / weekends that need more worked weeks than the data holds.
   * The report path keeps every rule, so explain double-checks this.
   */
  constructor(
    profiles: readonly string[],
    periodStart: number,
    periodEnd: number,
    softRuleWeight: number,
    spanWeeks = Infinity,
  ) {
    this.ruleSet = compileRuleSet({ select: profiles });
    this.engine = new RuleEngine(this.ruleSet);
    this.active = this.engine.evaluators.filter((e) => {
      const r = e.rule;
      const p = r.params as { weeks?: number; minFree?: number; minFreePerYear?: number };
      switch (r.kind) {
        case 'on-call-count':
        case 'on-call-length':
        case 'on-call-near-night':
        case 'no-on-call':
          return false;
        case 'free-sundays':
          return spanWeeks + 1 > (p.weeks ?? 52) - (p.minFree ?? 0);
        case 'free-weekends':
          return spanWeeks + 1 > 52 - (p.minFreePerYear ?? 0);
        default:
          return true;
      }
    });
    this.sink = new PeriodScoreSink(this.ruleSet);
    this.sink.from = periodStart;
    this.sink.to = periodEnd;
    this.sink.softRuleWeight = softRuleWeight;
  }

  /** Score loaded blocks; returns hard and soft penalties through `out` ([hard, soft]). */
  score(
    employee: string,
    n: number,
    start: Int32Array,
    end: Int32Array,
    brk: Int32Array,
    kind: Uint8Array,
    own: Uint8Array,
    adultFrom: number,
    out: Float64Array,
  ): void {
    this.sink.ownBlock = own;
    const tl = this.timeline.load(employee, n, start, end, brk, kind, null, adultFrom);
    const sink = this.sink;
    sink.hard = 0;
    sink.soft = 0;
    for (const e of this.active) {
      const r = e.rule;
      if (r.ageScope === 'all' || (r.ageScope === 'minor' ? tl.hasMinor : tl.hasAdult))
        e.evaluate(tl, -Infinity, Infinity, sink);
    }
    out[0] = sink.hard;
    out[1] = sink.soft;
  }

  /** The same measurement through the report path, with messages. */
  report(employee: string, shifts: ShiftInput[], birthDate: string | undefined): RuleMatch[] {
    const out: RuleMatch[] = [];
    for (const v of this.engine.checkEmployee(employee, shifts, birthDate)) {
      if (!(v.end > this.sink.from && v.start < this.sink.to)) continue;
      if (v.shifts.length > 0 && !v.shifts.some((x) => x.source !== CONTEXT_SOURCE)) continue;
      const rule = this.ruleSet.byId.get(v.rule)!;
      const penalty = rulePenalty(
        rule,
        violationPoints(v.value, v.limit, v.unit === 'count'),
        this.sink.softRuleWeight,
      );
      out.push({
        rule,
        violation: v,
        penalty,
        hard: isHardTier(rule),
        message: { nl: messageOf(v, rule, 'nl'), en: messageOf(v, rule, 'en') },
      });
    }
    return out;
  }
}

export function shiftKindName(code: number): ShiftInput['kind'] {
  return KIND_NAMES[code];
}
