/** Worker-thread side of the route solver: optimise, then re-score the plan independently. */
import { evaluateUhhc, parseUhhc, solveUhhc, type UhhcSolution } from '@planmaat/routes';
import type { SolverContext } from '../solver-port.ts';
import type { RoutesInput } from './routes-model.ts';

export interface RoutesSolveResult {
  solution: UhhcSolution;
  objective: number;
  feasible: boolean;
  violations: string[];
  /** Score analysis: unweighted value per cost component. */
  components: Record<string, number>;
  iterations: number;
}

export async function solve(raw: unknown, context: SolverContext): Promise<RoutesSolveResult> {
  const input = raw as RoutesInput;
  const instance = parseUhhc(input.raw, `${input.teamId} ${input.date}`);
  const result = await solveUhhc(instance, {
    seed: 1,
    threads: 1,
    timeLimitMs: context.timeLimitMs,
    signal: context.signal,
    onProgress: (p) => context.onProgress({ elapsedMs: p.elapsedMs, score: p.bestObjective }),
  });
  const evaluation = evaluateUhhc(instance, result.solution);
  return {
    solution: result.solution,
    objective: evaluation.objective,
    feasible: evaluation.feasible,
    violations: evaluation.violations,
    components: evaluation.values,
    iterations: result.iterations,
  };
}
