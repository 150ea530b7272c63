/**
 * The one-page team report for the team meeting: this period's figures beside the previous period
 * and the organisation, the themes staff flagged (never who), the actions agreed last time to
 * follow up, and room for new ones. Built from the same suppressed table as every other view.
 */
import { z } from 'zod';
import { InputError, localDate, parseOrThrow } from '@planmaat/domain';
import type { Figures, Period } from './figures.ts';
import type { InsightData } from './input.ts';
import { ALL, buildCube, visibleTeams, viewerSchema, type InsightCube, type Viewer } from './report.ts';

export const teamActionSchema = z.object({
  id: z.string().min(1).max(100),
  /** Period in which the action was agreed. */
  periodId: z.string().min(1),
  text: z.string().min(1).max(500),
  owner: z.string().max(100).optional(),
  status: z.enum(['open', 'done', 'dropped']).default('open'),
  followUp: z.string().max(500).optional(),
});
export type TeamAction = z.infer<typeof teamActionSchema>;

export const teamReportRequestSchema = z.object({
  teamId: z.string().min(1),
  from: localDate,
  to: localDate,
  period: z.enum(['month', 'quarter', 'four-weeks']).default('month'),
  actions: z.array(teamActionSchema).default([]),
});
export type TeamReportRequest = z.input<typeof teamReportRequestSchema>;

export const FIGURE_LABELS: Record<
  keyof Figures,
  { nl: string; en: string; unit: string; better: 'lower' | 'higher' | null }
> = {
  headcount: { nl: 'Medewerkers', en: 'Staff', unit: '', better: null },
  fte: { nl: 'Fte', en: 'FTE', unit: '', better: null },
  absenceRate: { nl: 'Verzuimpercentage', en: 'Absence rate', unit: '%', better: 'lower' },
  absenceFrequency: {
    nl: 'Verzuimfrequentie (per jaar)',
    en: 'Absence frequency (per year)',
    unit: '',
    better: 'lower',
  },
  turnoverRate: { nl: 'Verloop (per jaar)', en: 'Turnover (per year)', unit: '%', better: 'lower' },
  hoursAboveContractPerFte: {
    nl: 'Uren boven contract per fte',
    en: 'Hours above contract per FTE',
    unit: 'u',
    better: 'lower',
  },
  shareAboveContract: {
    nl: 'Aandeel boven contract',
    en: 'Share above contract',
    unit: '%',
    better: 'lower',
  },
  calledInPer100Shifts: {
    nl: 'Opgeroepen op vrije dag (per 100 diensten)',
    en: 'Called in on a day off (per 100 shifts)',
    unit: '',
    better: 'lower',
  },
  rosterStability: {
    nl: 'Roosterstabiliteit na publicatie',
    en: 'Roster stability after publication',
    unit: '%',
    better: 'higher',
  },
  nightShare: { nl: 'Nachtdiensten', en: 'Night shifts', unit: '%', better: null },
  weekendShare: { nl: 'Weekenddiensten', en: 'Weekend shifts', unit: '%', better: null },
  restViolationsPer100Shifts: {
    nl: 'Rustschendingen (per 100 diensten)',
    en: 'Rest violations (per 100 shifts)',
    unit: '',
    better: 'lower',
  },
  wishesGranted: { nl: 'Wensen gehonoreerd', en: 'Wishes granted', unit: '%', better: 'higher' },
  fairnessSpread: {
    nl: 'Spreiding nacht+weekend per fte (4 wk)',
    en: 'Spread of nights+weekends per FTE (4 wk)',
    unit: '',
    better: 'lower',
  },
};

export interface TeamReport {
  team: { id: string; name: string };
  period: Period;
  previous: Period | null;
  /** True when this team's figures may not be shown for the period (group too small). */
  suppressed: boolean;
  figures: Array<{
    key: keyof Figures;
    label: { nl: string; en: string };
    unit: string;
    current: number | null;
    previous: number | null;
    organisation: number | null;
    /** Compared with the previous period, where a direction is better. */
    trend: 'better' | 'worse' | 'same' | null;
  }>;
  themes: Array<{ theme: string; label: { nl: string; en: string }; count: number }>;
  followUp: TeamAction[];
  agreedThisPeriod: TeamAction[];
  /** Empty rows printed for new agreements. */
  actionSlots: number;
}

export function teamReport(
  data: InsightData,
  requestInput: TeamReportRequest,
  viewerInput: Viewer,
): TeamReport {
  const viewer = parseOrThrow(viewerSchema, viewerInput, 'viewer');
  const request = parseOrThrow(teamReportRequestSchema, requestInput, 'request');
  const team = data.teams.find((t) => t.id === request.teamId);
  if (!team) throw new InputError(`unknown team ${request.teamId}`, 'request.teamId');
  if (
    !visibleTeams(
      viewer,
      data.teams.map((t) => t.id),
    ).includes(team.id)
  )
    throw new InputError('Geen toegang tot dit team / no access to this team', 'request.teamId');
  const cube = buildCube(data, { from: request.from, to: request.to, period: request.period });
  const period = cube.periods[cube.periods.length - 1];
  const previous = cube.periods.length > 1 ? cube.periods[cube.periods.length - 2] : null;
  const cell = (c: InsightCube, periodId: string | undefined, teamId: string) =>
    periodId === undefined
      ? undefined
      : c.cells.find(
          (x) =>
            x.periodId === periodId && x.teamId === teamId && x.levelBand === ALL && x.contractBand === ALL,
        );
  const now = cell(cube, period.id, team.id);
  const before = cell(cube, previous?.id, team.id);
  const org = cell(cube, period.id, ALL);
  const figures = (Object.keys(FIGURE_LABELS) as Array<keyof Figures>).map((k) => {
    const meta = FIGURE_LABELS[k];
    const current = now?.figures?.[k] ?? null;
    const prev = before?.figures?.[k] ?? null;
    let trend: TeamReport['figures'][number]['trend'] = null;
    if (meta.better && current !== null && prev !== null) {
      const diff = current - prev;
      trend = Math.abs(diff) < 0.05 ? 'same' : diff < 0 === (meta.better === 'lower') ? 'better' : 'worse';
    }
    return {
      key: k,
      label: { nl: meta.nl, en: meta.en },
      unit: meta.unit,
      current,
      previous: prev,
      organisation: org?.figures?.[k] ?? null,
      trend,
    };
  });
  const mine = request.actions.filter((a) => a.periodId !== period.id);
  return {
    team: { id: team.id, name: team.name },
    period,
    previous,
    suppressed: now?.suppressed !== null && now?.suppressed !== undefined,
    figures,
    themes: cube.themes
      .filter((t) => t.periodId === period.id && t.teamId === team.id)
      .map(({ theme, label, count }) => ({ theme, label, count })),
    followUp: mine.filter((a) => a.status === 'open' || a.periodId === previous?.id),
    agreedThisPeriod: request.actions.filter((a) => a.periodId === period.id),
    actionSlots: 3,
  };
}
