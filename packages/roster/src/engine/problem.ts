/**
 * What the engine needs from a constraint model (the NRP benchmark model now, the care model
 * later): random moves scored by delta, undo, a lexicographic score and a solution snapshot as
 * a typed array. The engine owns acceptance, best tracking, budgets and the thread portfolio.
 */
import type { Random } from '@planmaat/domain';
import type { Score } from './score.ts';

export type Solution = Int8Array | Int16Array | Int32Array;

export interface SearchProblem {
  /** Apply one random move and return its change of cost(); NaN when no move was made. */
  move(rng: Random): number;
  /** Undo the last move (after move() returned a number). */
  undo(): void;
  /** Scalar cost the acceptance works on (penalised hard part plus soft part). */
  cost(): number;
  /** Current score levels; hard 0 means feasible. */
  hardScore(): number;
  mediumScore(): number;
  softScore(): number;
  /** Copy of the current solution. */
  snapshot(): Solution;
  /** Copy the current solution into `target` (same length as a snapshot), without allocating. */
  saveTo(target: Solution): void;
  /** Replace the current solution. */
  load(solution: Solution): void;
  /** Called now and then with the search progress in [0, 1], e.g. to adapt penalty weights. */
  adapt?(progress: number, rng: Random): void;
}

export function scoreOf(problem: SearchProblem): Score {
  return { hard: problem.hardScore(), medium: problem.mediumScore(), soft: problem.softScore() };
}
