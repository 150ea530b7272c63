/** Worker-thread side of the roster solver: runs the optimiser on the prepared model. */
import { solveNrp } from '@planmaat/roster';
import type { SolverContext } from '../solver-port.ts';
import type { RosterModel } from './roster-model.ts';

export interface RosterSolveResult {
  roster: string[][];
  hardViolations: number;
  objective: number;
  iterations: number;
  stopReason: string;
}

/** One number for the progress curve: every hard violation outweighs any soft penalty total seen in practice. */
export const HARD_WEIGHT_IN_SCORE = 100_000;

export async function solve(raw: unknown, context: SolverContext): Promise<RosterSolveResult> {
  const model = raw as RosterModel;
  const result = await solveNrp(model.instance, {
    seconds: context.timeLimitMs / 1000,
    signal: context.signal,
    pins: model.pins,
    seed: 1,
    threads: 1,
    onProgress: (event) =>
      context.onProgress({
        elapsedMs: event.elapsedMs,
        score: event.best.hard * HARD_WEIGHT_IN_SCORE + event.best.medium * 1000 + event.best.soft,
      }),
  });
  return {
    roster: result.roster,
    hardViolations: result.hardViolations,
    objective: result.objective,
    iterations: result.iterations,
    stopReason: result.stopReason,
  };
}
