/** Worker-thread side of the roster solver: the care-roster optimiser of @planmaat/roster. */
import { solveCareRoster, type CareModelOptions, type CareSolveResult } from '@planmaat/roster';
import type { OrganisationData } from '@planmaat/domain';
import type { SolverContext } from '../solver-port.ts';
import { summariseRosterProposal, type RosterProposalSummary } from './roster-summary.ts';

export interface RosterInput {
  data: OrganisationData;
  periodId: string;
  options: CareModelOptions;
}

export type RosterSolveResult = Omit<CareSolveResult, 'progress'> & {
  /** What the proposal leaves behind (hard violations before and after), for the planner. */
  summary?: RosterProposalSummary;
};

/** One number for the progress curve, lexicographic: hard, then medium, then soft. */
export function combinedScore(score: { hard: number; medium: number; soft: number }): number {
  return score.hard * 1e9 + score.medium * 1e6 + score.soft;
}

export async function solve(raw: unknown, context: SolverContext): Promise<RosterSolveResult> {
  const input = raw as RosterInput;
  const { progress: _progress, ...result } = await solveCareRoster(input.data, input.periodId, {
    ...input.options,
    seconds: context.timeLimitMs / 1000,
    signal: context.signal,
    seed: 1,
    threads: 1,
    onProgress: (event) =>
      context.onProgress({ elapsedMs: event.elapsedMs, score: combinedScore(event.best) }),
  });
  const summary = summariseRosterProposal(input.data, input.periodId, input.options, result.assignments);
  return { ...result, summary };
}
