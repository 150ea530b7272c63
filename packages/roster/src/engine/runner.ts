/**
 * One independent search: a problem, an acceptance criterion and a seeded random stream, run in
 * segments of a fixed number of iterations (the unit of synchronisation between threads). Tracks
 * the best solution lexicographically (hard, medium, soft).
 */
import { Random } from '@planmaat/domain';
import { createAcceptance, type Acceptance, type AcceptanceConfig } from './acceptance.ts';
import { scoreOf, type SearchProblem, type Solution } from './problem.ts';
import { compareScores, type Score } from './score.ts';

export interface Budget {
  /** Wall-clock deadline (ms since epoch); Infinity for none. */
  deadline: number;
  /** Iteration limit of this search; Infinity for none. */
  maxIterations: number;
  /** Stop when a feasible solution with soft ≤ lowerBound is found. */
  lowerBound: number;
  /** Shared flag: non-zero asks every search to stop (cancel, or another thread reached the bound). */
  stop: Int32Array;
  /** When the budget started (ms since epoch), for progress. */
  startedAt: number;
}

export type SegmentEnd = 'segment' | 'time' | 'iterations' | 'cancelled' | 'lower-bound';

const CHECK_EVERY = 256;
const ADAPT_EVERY = 4096;

export class SearchRunner {
  readonly rng: Random;
  iterations = 0;
  private readonly acceptance: Acceptance;
  private best: Solution;
  private bestScore: Score;
  private improvedSinceReport = false;

  constructor(
    readonly problem: SearchProblem,
    acceptance: AcceptanceConfig,
    seed: number,
    private readonly budget: Budget,
  ) {
    this.rng = new Random(seed);
    this.acceptance = createAcceptance(acceptance, problem.cost());
    this.best = problem.snapshot();
    this.bestScore = scoreOf(problem);
  }

  get bestSolution(): Solution {
    return this.best;
  }

  get score(): Score {
    return this.bestScore;
  }

  /** True once after each improvement of the best (for progress reports). */
  takeImprovement(): boolean {
    const improved = this.improvedSinceReport;
    this.improvedSinceReport = false;
    return improved;
  }

  /** Continue from a better solution found elsewhere. */
  adopt(solution: Solution, score: Score): void {
    if (compareScores(score, this.bestScore) >= 0) return;
    this.problem.load(solution);
    this.best.set(solution);
    this.bestScore = scoreOf(this.problem);
  }

  progress(): number {
    const { deadline, maxIterations, startedAt } = this.budget;
    const byIterations = maxIterations === Infinity ? 0 : this.iterations / maxIterations;
    const byTime = deadline === Infinity ? 0 : (Date.now() - startedAt) / (deadline - startedAt);
    return Math.min(1, Math.max(byIterations, byTime));
  }

  reachedBound(): boolean {
    return (
      this.bestScore.hard === 0 &&
      this.bestScore.medium === 0 &&
      this.bestScore.soft <= this.budget.lowerBound
    );
  }

  /** Run up to `length` iterations; says why it stopped. */
  runSegment(length: number): SegmentEnd {
    const { problem, acceptance, rng, budget } = this;
    const end = Math.min(this.iterations + length, budget.maxIterations);
    let progress = this.progress();
    let cost = problem.cost();
    let bestHard = this.bestScore.hard;
    let bestMedium = this.bestScore.medium;
    let bestSoft = this.bestScore.soft;
    if (this.reachedBound()) return 'lower-bound';
    while (this.iterations < end) {
      if ((this.iterations & (CHECK_EVERY - 1)) === 0) {
        if (Atomics.load(budget.stop, 0) !== 0) return 'cancelled';
        if (Date.now() >= budget.deadline) return 'time';
        progress = this.progress();
        if ((this.iterations & (ADAPT_EVERY - 1)) === 0 && problem.adapt) {
          problem.adapt(progress, rng);
          cost = problem.cost();
        }
      }
      this.iterations++;
      const delta = problem.move(rng);
      if (delta !== delta) continue; // NaN: no move
      if (acceptance.accept(delta, cost, progress, rng)) {
        cost += delta;
        const hard = problem.hardScore();
        if (hard <= bestHard) {
          const medium = problem.mediumScore();
          const soft = problem.softScore();
          if (hard < bestHard || medium < bestMedium || (medium === bestMedium && soft < bestSoft)) {
            bestHard = hard;
            bestMedium = medium;
            bestSoft = soft;
            problem.saveTo(this.best);
            this.improvedSinceReport = true;
            this.bestScore = { hard, medium, soft };
            if (this.reachedBound()) return 'lower-bound';
          }
        }
      } else problem.undo();
      acceptance.after(cost);
    }
    return this.iterations >= budget.maxIterations ? 'iterations' : 'segment';
  }
}
