/**
 * Worker-thread side of the route job: plan the team's day with the home-care model (hard windows
 * and shift ends, unplanned visits with a reason), then re-score it with the independent evaluator.
 */
import {
  buildTeams,
  estimateTravelProvider,
  matrixTravelProvider,
  solveTeams,
  summarise,
  type HomeCareSummary,
  type HomeCareTeamResult,
} from '@planmaat/routes';
import type { SolverContext } from '../solver-port.ts';
import type { RoutesInput } from './routes-model.ts';

export interface RoutesSolveResult {
  team: HomeCareTeamResult;
  summary: HomeCareSummary;
  travelProvider: string;
  objective: number;
  /** No hard rule broken and every mandatory visit planned. */
  feasible: boolean;
  /** Hard rules the plan breaks, from the independent evaluator. */
  violations: string[];
  iterations: number;
}

export async function solve(raw: unknown, context: SolverContext): Promise<RoutesSolveResult> {
  const input = raw as RoutesInput;
  const started = Date.now();
  const travel = input.travel
    ? { ...matrixTravelProvider(input.travel), name: input.travel.name }
    : estimateTravelProvider();
  const built = await buildTeams([input.day], {}, { travel, signal: context.signal });
  // The time limit counts from the start of the job's solve, travel matrices included.
  const seconds = Math.max(0.05, (context.timeLimitMs - (Date.now() - started)) / 1000);
  const [team] = await solveTeams(
    input.date,
    built,
    { seed: 1, threads: 1, seconds },
    {
      signal: context.signal,
      keepBestOnAbort: true,
      onProgress: (p) => {
        if (p.bestObjective !== undefined)
          context.onProgress({ elapsedMs: Date.now() - started, score: p.bestObjective });
      },
    },
  );
  const summary = summarise(input.date, [team], Date.now() - started);
  return {
    team,
    summary,
    travelProvider: travel.name,
    objective: team.objective,
    feasible: team.check.hardViolations.length === 0 && team.check.mandatoryUnplanned === 0,
    violations: team.check.hardViolations,
    iterations: team.iterations,
  };
}
