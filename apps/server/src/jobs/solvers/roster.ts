/**
 * The `roster` job kind: optimise a roster period, or a window of it, with the care-roster model
 * of @planmaat/roster (coverage per level and skill, labour rules, contract hours, wishes,
 * fairness, and — on a published roster — the cost and consent of each change).
 */
import { z } from 'zod';
import { localDate } from '@planmaat/domain';
import { RuleViolationError } from '@planmaat/db';
import { loadRosterSlice } from '../../roster-data.ts';
import type { SolverPlugin } from '../solver-port.ts';
import { combinedScore, type RosterInput, type RosterSolveResult } from './roster-thread.ts';

const paramsSchema = z.object({
  rosterPeriodId: z.string().min(1).max(100),
  /** Re-plan only these days; everything outside stays as it is. */
  window: z.object({ from: localDate, to: localDate }).optional(),
  /**
   * Minimal changes: the current roster is the baseline and every changed cell costs (as on a
   * published roster, which is always re-planned this way). For a sick call on a draft.
   */
  replan: z.boolean().optional(),
});

export const rosterPlugin: SolverPlugin<z.infer<typeof paramsSchema>, RosterInput, RosterSolveResult> = {
  kind: 'roster',
  description:
    'Rooster optimaliseren (bezetting, ATW/cao, uren, wensen, eerlijkheid) / optimise a roster period',
  paramsSchema,
  async prepare(db, organisationId, params) {
    const slice = await loadRosterSlice(db, organisationId, params.rosterPeriodId);
    const w = params.window;
    if (w && (w.from > w.to || w.to < slice.from || w.from > slice.to))
      throw new RuleViolationError(
        `het venster valt buiten de periode ${slice.from}–${slice.to}`,
        'params.window',
      );
    return {
      input: {
        data: slice.data,
        periodId: params.rosterPeriodId,
        options: {
          ...(w ? { window: w } : {}),
          ...(params.replan !== undefined ? { replan: params.replan } : {}),
        },
      },
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
        assignments: result.assignments.map((a) => ({
          employeeId: a.employeeId,
          date: a.date,
          shiftTypeId: a.shiftTypeId,
        })),
        score: result.score,
        feasible: result.feasible,
        coverage: result.coverage,
        changes: result.changes,
        hardViolations: result.score.hard,
        ...(prepared.input.options.window ? { window: prepared.input.options.window } : {}),
        ...(prepared.input.options.replan !== undefined ? { replan: prepared.input.options.replan } : {}),
        ...(result.summary ? { summary: result.summary } : {}),
      },
      score: null,
    };
  },
  scoreOf: (result) => combinedScore(result.score),
};
