/**
 * What a proposal leaves behind, in planners' words: the shifts below the minimum and the ideal
 * bezetting before and after (counted from the cells exactly as the grid's coverage rows count
 * them), which shifts stay short, and the hard rule violations the solver reported for it.
 * Never a raw composite score.
 */
import type { ProposalHardViolation, RosterProposalPayload } from '../api/types.ts';
import { computeCoverage, type DemandRow } from '../roster/coverage.ts';
import type { GridModel } from '../roster/grid-model.ts';
import { proposedCells } from './proposal-diff.ts';

export interface CoverageFigures {
  /** Shift-days (per shift and level) below their minimum, and the people missing there. */
  belowMinimum: number;
  missing: number;
  /** Shift-days at or above the minimum but below the ideal. */
  belowIdeal: number;
}

export interface Shortfall {
  date: string;
  shiftTypeId: string;
  minLevel: number;
  count: number;
  min: number;
  ideal: number;
  /** Below the minimum (else only below the ideal). */
  short: boolean;
  inWindow: boolean;
}

export interface ProposalCoverage {
  before: CoverageFigures;
  after: CoverageFigures;
  /** The proposal's figures within the re-planned days (null when it covers the whole period). */
  inWindow: CoverageFigures | null;
  /** The proposal's shortfalls: below minimum first, the re-planned days first, then by day. */
  shortfalls: Shortfall[];
}

function figures(
  model: GridModel,
  demand: DemandRow[],
  cells: Int16Array,
  window: { from: string; to: string } | undefined,
) {
  const rows = computeCoverage({ ...model, cells }, demand);
  const all: CoverageFigures = { belowMinimum: 0, missing: 0, belowIdeal: 0 };
  const inside: CoverageFigures = { belowMinimum: 0, missing: 0, belowIdeal: 0 };
  const shortfalls: Shortfall[] = [];
  for (const row of rows)
    row.cells.forEach((c, col) => {
      if (c.status !== 'short' && c.status !== 'ok') return;
      const date = model.dates[col]!;
      const inWindow = !!window && date >= window.from && date <= window.to;
      for (const f of inWindow ? [all, inside] : [all]) {
        if (c.status === 'short') {
          f.belowMinimum++;
          f.missing += c.min - c.count;
        } else f.belowIdeal++;
      }
      shortfalls.push({
        date,
        shiftTypeId: row.shiftTypeId,
        minLevel: row.minLevel,
        count: c.count,
        min: c.min,
        ideal: c.ideal,
        short: c.status === 'short',
        inWindow,
      });
    });
  return { all, inside, shortfalls };
}

/** Coverage of the current roster and of the proposal, with the proposal's shortfalls. */
export function proposalCoverage(
  model: GridModel,
  demand: DemandRow[],
  proposed: RosterProposalPayload['assignments'],
  window?: { from: string; to: string },
): ProposalCoverage {
  const before = figures(model, demand, model.cells, window);
  const after = figures(model, demand, proposedCells(model, proposed, window).cells, window);
  const order = (s: Shortfall) => (s.short ? 0 : 2) + (s.inWindow || !window ? 0 : 1);
  const shortfalls = after.shortfalls.sort(
    (a, b) =>
      order(a) - order(b) ||
      a.date.localeCompare(b.date) ||
      (model.shiftIndexOf.get(a.shiftTypeId) ?? 0) - (model.shiftIndexOf.get(b.shiftTypeId) ?? 0) ||
      a.minLevel - b.minLevel,
  );
  return { before: before.all, after: after.all, inWindow: window ? after.inside : null, shortfalls };
}

export interface HardSummary {
  before: number;
  after: number;
  /** Made by the proposal (not in the roster it started from). */
  added: number;
  items: ProposalHardViolation[];
}

/** The solver's hard-violation summary of a proposal; null for proposals made without one. */
export function hardSummary(payload: Pick<RosterProposalPayload, 'summary'> | undefined): HardSummary | null {
  const hard = payload?.summary?.hard;
  if (!hard) return null;
  return {
    before: hard.before,
    after: hard.after,
    added: hard.items.filter((x) => !x.existing).length,
    items: hard.items,
  };
}
