/** Solve a Solomon instance with the engine portfolio and check the result independently. */
import type { SolomonInstance } from './instance.ts';
import { solomonProblem, toCustomerNumbers, type SolomonObjective } from './problem.ts';
import { solve, type SolveOptions } from '../engine/portfolio.ts';

export interface SolomonSolveResult {
  /** Customer numbers (1..n) per used vehicle. */
  routes: number[][];
  vehicles: number;
  distance: number;
  unassigned: number;
  iterations: number;
  elapsedMs: number;
}

export async function solveSolomon(
  instance: SolomonInstance,
  options: SolveOptions & { objective?: SolomonObjective } = {},
): Promise<SolomonSolveResult> {
  const problem = solomonProblem(instance, options.objective ?? 'distance');
  const result = await solve(problem, options);
  return {
    routes: toCustomerNumbers(result.routes),
    vehicles: result.bestVehicles,
    distance: result.bestDistance,
    unassigned: result.unassigned,
    iterations: result.iterationsPerMember.reduce((a, b) => a + b, 0),
    elapsedMs: result.elapsedMs,
  };
}
