/**
 * The solver's view of the rules: score one employee's timeline as a penalty per tier, with no
 * allocation once the timeline's buffers are large enough. A roster optimiser keeps one Timeline
 * per employee (or one scratch timeline), loads the employee's blocks from its own typed arrays
 * with `Timeline.load`, and compares the score before and after a move (delta evaluation: only
 * the employees a move touches are re-scored).
 *
 * Penalty of one violation = weight of the rule × (1 + excess), where the excess is in hours for
 * minute-valued rules and in units for counts; the penalties are summed per tier
 * (index: 0 legal, 1 cao, 2 healthy, 3 preference; see TIERS).
 */
import type { CompiledRule, CompiledRuleSet } from './compile.ts';
import { appliesTo, createEvaluator, type Evaluator } from './evaluators.ts';
import { unitOf } from './messages.ts';
import { ViolationRecord, type Sink } from './sink.ts';
import type { Timeline } from './timeline.ts';
import { TIERS } from './types.ts';

class ScoreSink implements Sink {
  readonly v = new ViolationRecord();
  penalties = new Float64Array(TIERS.length);
  counts = new Int32Array(TIERS.length);
  weights: Float64Array;
  minuteScale: Uint8Array;

  constructor(ruleSet: CompiledRuleSet, weights?: ArrayLike<number>) {
    this.weights = new Float64Array(ruleSet.rules.length).fill(1);
    if (weights) this.weights.set(weights);
    // Per rule and aspect the unit is fixed except for night-length; resolve it once.
    this.minuteScale = new Uint8Array(ruleSet.rules.length);
    for (const r of ruleSet.rules) this.minuteScale[r.index] = unitOf(r, 'default') === 'count' ? 0 : 1;
  }

  commit(rule: CompiledRule, _tl: Timeline): void {
    const v = this.v;
    let excess = v.value > v.limit ? v.value - v.limit : v.limit - v.value;
    const isCount =
      v.aspect === 'count-window' || v.aspect === 'count-weeks' || this.minuteScale[rule.index] === 0;
    if (!isCount) excess /= 60;
    this.penalties[rule.tierIndex] += this.weights[rule.index] * (1 + excess);
    this.counts[rule.tierIndex]++;
  }
}

export class TimelineScorer {
  private readonly evaluators: Evaluator[];
  private readonly sink: ScoreSink;

  /** `weights` per rule index (default 1). */
  constructor(
    readonly ruleSet: CompiledRuleSet,
    weights?: ArrayLike<number>,
  ) {
    this.evaluators = ruleSet.rules.map(createEvaluator);
    this.sink = new ScoreSink(ruleSet, weights);
  }

  /**
   * Score a loaded timeline: writes penalties per tier into `out` (length ≥ 4) and returns the
   * number of violations. Allocation-free.
   */
  score(tl: Timeline, out: Float64Array): number {
    const sink = this.sink;
    sink.penalties.fill(0);
    sink.counts.fill(0);
    for (let i = 0; i < this.evaluators.length; i++) {
      const e = this.evaluators[i];
      if (appliesTo(e.rule, tl)) e.evaluate(tl, -Infinity, Infinity, sink);
    }
    let n = 0;
    for (let t = 0; t < TIERS.length; t++) {
      out[t] = sink.penalties[t];
      n += sink.counts[t];
    }
    return n;
  }
}
