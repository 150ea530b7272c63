/** The `roster` job kind: optimise a roster period (or a window of it) with @planmaat/roster. */
import { z } from 'zod';
import { localDate } from '@planmaat/domain';
import { RuleViolationError } from '@planmaat/db';
import { loadRosterSlice } from '../../roster-data.ts';
import type { SolverPlugin } from '../solver-port.ts';
import { assignmentsFromRoster, buildRosterModel, type RosterModel } from './roster-model.ts';
import { HARD_WEIGHT_IN_SCORE, type RosterSolveResult } from './roster-thread.ts';

const paramsSchema = z.object({
  rosterPeriodId: z.string().min(1).max(100),
  /** Re-plan only these days; everything outside stays as it is. */
  window: z.object({ from: localDate, to: localDate }).optional(),
});

export const rosterPlugin: SolverPlugin<z.infer<typeof paramsSchema>, RosterModel, RosterSolveResult> = {
  kind: 'roster',
  description: 'Rooster optimaliseren (bezetting, rust, uren, wensen) / optimise a roster period',
  paramsSchema,
  async prepare(db, organisationId, params) {
    const slice = await loadRosterSlice(db, organisationId, params.rosterPeriodId);
    if (
      params.window &&
      (params.window.from > params.window.to ||
        params.window.to < slice.from ||
        params.window.from > slice.to)
    )
      throw new RuleViolationError(
        `het venster valt buiten de periode ${slice.from}–${slice.to}`,
        'params.window',
      );
    return {
      input: buildRosterModel(slice.data, params.rosterPeriodId, params.window),
      target: { id: slice.period.id, version: slice.period.version },
    };
  },
  threadEntry: new URL('./roster-thread.ts', import.meta.url),
  toProposal(result, prepared) {
    return {
      kind: 'roster',
      targetId: prepared.target.id,
      baseVersion: prepared.target.version,
      payload: {
        rosterPeriodId: prepared.target.id,
        assignments: assignmentsFromRoster(prepared.input, result.roster),
        hardViolations: result.hardViolations,
        objective: result.objective,
      },
      score: null,
    };
  },
  scoreOf: (result) => result.hardViolations * HARD_WEIGHT_IN_SCORE + result.objective,
};
