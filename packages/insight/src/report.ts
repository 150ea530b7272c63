/**
 * Workforce insight views: the suppressed table of team figures (every team × level band ×
 * contract band × period) and the slices a dashboard, an export or a team report shows of it.
 * Only aggregates leave this module; access follows the role (team leaders: their own teams and
 * the organisation as benchmark; planners and admins: every team; employees: none).
 */
import { z } from 'zod';
import { addDays, dayNumber, InputError, localDate, mondayOf, parseOrThrow } from '@planmaat/domain';
import {
  aggregate,
  BAND_LABELS,
  CONTRACT_BANDS,
  LEVEL_BANDS,
  personRecords,
  type ContractBand,
  type Figures,
  type LevelBand,
  type Period,
  type PersonPeriod,
} from './figures.ts';
import { STAFF_FLAG_THEMES, type InsightData } from './input.ts';
import {
  applySuppression,
  SMALL_GROUP_MAX,
  type Cell,
  type Line,
  type SuppressionReason,
} from './suppress.ts';

export const ALL = 'all';
export const RANGE_ID = 'range';

export const viewerSchema = z.object({
  role: z.enum(['admin', 'planner', 'team-leader', 'employee']),
  teamIds: z.array(z.string()).default([]),
});
export type Viewer = z.infer<typeof viewerSchema>;

export const insightQuerySchema = z
  .object({
    from: localDate,
    to: localDate,
    period: z.enum(['month', 'quarter', 'four-weeks']).default('month'),
    levelBand: z.enum([ALL, ...LEVEL_BANDS] as [string, ...string[]]).default(ALL),
    contractBand: z.enum([ALL, ...CONTRACT_BANDS] as [string, ...string[]]).default(ALL),
    /** Teams to show (within what the viewer may see); default all of those. */
    teamIds: z.array(z.string()).optional(),
  })
  .refine((q) => q.to >= q.from, { message: 'to must not be before from', path: ['to'] })
  .refine((q) => dayNumber(q.to) - dayNumber(q.from) <= 3 * 366, {
    message: 'at most three years',
    path: ['to'],
  });
export type InsightQuery = z.infer<typeof insightQuerySchema>;
export type InsightQueryInput = z.input<typeof insightQuerySchema>;

/** Whole periods covering [from, to]: calendar months or quarters, or 4-week blocks from a Monday. */
export function periodsBetween(from: string, to: string, kind: InsightQuery['period']): Period[] {
  const out: Period[] = [];
  if (kind === 'four-weeks') {
    for (let start = mondayOf(from); start <= to; start = addDays(start, 28))
      out.push({ id: `4w-${start}`, label: `4 weken vanaf ${start}`, from: start, to: addDays(start, 27) });
    return out;
  }
  const step = kind === 'month' ? 1 : 3;
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  if (kind === 'quarter') month = month - ((month - 1) % 3);
  for (;;) {
    const start = `${year}-${String(month).padStart(2, '0')}-01`;
    if (start > to) break;
    let nextYear = year;
    let nextMonth = month + step;
    if (nextMonth > 12) {
      nextMonth -= 12;
      nextYear += 1;
    }
    const end = addDays(`${nextYear}-${String(nextMonth).padStart(2, '0')}-01`, -1);
    const id = kind === 'month' ? start.slice(0, 7) : `${year}-Q${(month + 2) / 3}`;
    out.push({ id, label: id, from: start, to: end });
    year = nextYear;
    month = nextMonth;
  }
  return out;
}

export interface InsightCell {
  periodId: string;
  teamId: string;
  levelBand: string;
  contractBand: string;
  suppressed: SuppressionReason | null;
  /** Present only when not suppressed and the group has people. */
  figures: Figures | null;
}

export interface InsightCube {
  periods: Period[];
  range: Period;
  threshold: number;
  cells: InsightCell[];
  /** Staff-flag themes per team and period, for teams whose team cell is shown. */
  themes: Array<{
    periodId: string;
    teamId: string;
    theme: string;
    label: { nl: string; en: string };
    count: number;
  }>;
  restViolationsAvailable: boolean;
}

const key = (period: string, team: string, level: string, contract: string) =>
  `${period}|${team}|${level}|${contract}`;

/** Every group's figures with the suppression pattern applied (before access filtering). */
export function buildCube(data: InsightData, queryInput: InsightQueryInput): InsightCube {
  const query = parseOrThrow(insightQuerySchema, queryInput, 'query');
  const periods = periodsBetween(query.from, query.to, query.period);
  const range: Period = {
    id: RANGE_ID,
    label: `${periods[0].from} – ${periods[periods.length - 1].to}`,
    from: periods[0].from,
    to: periods[periods.length - 1].to,
  };
  const teams = data.teams.map((t) => t.id);
  const teamValues = [ALL, ...teams];
  const levelValues = [ALL, ...LEVEL_BANDS];
  const contractValues = [ALL, ...CONTRACT_BANDS];
  const hasRest = data.restViolations !== undefined;

  const cells = new Map<string, Cell>();
  const records = new Map<string, PersonPeriod[]>();
  const periodDays = new Map<string, number>();
  for (const p of [...periods, range]) {
    periodDays.set(p.id, dayNumber(p.to) - dayNumber(p.from) + 1);
    for (const t of teamValues)
      for (const l of levelValues)
        for (const c of contractValues) {
          const k = key(p.id, t, l, c);
          cells.set(k, { key: k, people: new Set(), suppressed: null });
          records.set(k, []);
        }
    for (const r of personRecords(data, p)) {
      for (const t of [ALL, r.teamId])
        for (const l of [ALL, r.levelBand])
          for (const c of [ALL, r.contractBand]) {
            const k = key(p.id, t, l, c);
            const cell = cells.get(k);
            if (!cell) continue; // a team not in the list
            (cell.people as Set<string>).add(r.employeeId);
            records.get(k)!.push(r);
          }
    }
  }

  const lines: Line[] = [];
  for (const p of [...periods, range]) {
    for (const l of levelValues)
      for (const c of contractValues)
        lines.push({
          total: key(p.id, ALL, l, c),
          children: teams.map((t) => key(p.id, t, l, c)),
          kind: 'partition',
        });
    for (const t of teamValues)
      for (const c of contractValues)
        lines.push({
          total: key(p.id, t, ALL, c),
          children: LEVEL_BANDS.map((l) => key(p.id, t, l, c)),
          kind: 'partition',
        });
    for (const t of teamValues)
      for (const l of levelValues)
        lines.push({
          total: key(p.id, t, l, ALL),
          children: CONTRACT_BANDS.map((c) => key(p.id, t, l, c)),
          kind: 'partition',
        });
  }
  for (const p of [...periods, range])
    for (const t of teams)
      for (const l of levelValues)
        for (const c of contractValues)
          for (const [t2, l2, c2] of coarser(t, l, c))
            lines.push({ total: key(p.id, t2, l2, c2), children: [key(p.id, t, l, c)], kind: 'nested' });
  for (const p of [...periods, range])
    for (const l of LEVEL_BANDS)
      for (const c of contractValues)
        for (const [, l2, c2] of coarser(ALL, l, c))
          lines.push({ total: key(p.id, ALL, l2, c2), children: [key(p.id, ALL, l, c)], kind: 'nested' });
  for (const p of [...periods, range])
    for (const c of CONTRACT_BANDS)
      lines.push({ total: key(p.id, ALL, ALL, ALL), children: [key(p.id, ALL, ALL, c)], kind: 'nested' });
  for (const t of teamValues)
    for (const l of levelValues)
      for (const c of contractValues)
        lines.push({
          total: key(RANGE_ID, t, l, c),
          children: periods.map((p) => key(p.id, t, l, c)),
          kind: 'time',
        });
  applySuppression(cells, lines);

  const out: InsightCell[] = [];
  for (const cell of cells.values()) {
    const [periodId, teamId, level, contract] = cell.key.split('|');
    const figures =
      cell.suppressed || cell.people.size === 0
        ? null
        : aggregate(records.get(cell.key)!, periodDays.get(periodId)!, hasRest);
    out.push({
      periodId,
      teamId,
      levelBand: level,
      contractBand: contract,
      suppressed: cell.suppressed,
      figures,
    });
  }

  const themes: InsightCube['themes'] = [];
  for (const p of [...periods, range]) {
    for (const t of teamValues) {
      const cell = cells.get(key(p.id, t, ALL, ALL))!;
      if (cell.suppressed || cell.people.size === 0) continue;
      const counts = new Map<string, number>();
      for (const f of data.staffFlags)
        if ((t === ALL || f.teamId === t) && f.date >= p.from && f.date <= p.to)
          counts.set(f.theme, (counts.get(f.theme) ?? 0) + 1);
      for (const [theme, count] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
        themes.push({
          periodId: p.id,
          teamId: t,
          theme,
          label: STAFF_FLAG_THEMES[theme as keyof typeof STAFF_FLAG_THEMES],
          count,
        });
    }
  }
  return { periods, range, threshold: SMALL_GROUP_MAX, cells: out, themes, restViolationsAvailable: hasRest };
}

/** Every coarser group containing (team, level, contract): some specified dimensions set to all. */
function coarser(team: string, level: string, contract: string): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const t of team === ALL ? [ALL] : [team, ALL])
    for (const l of level === ALL ? [ALL] : [level, ALL])
      for (const c of contract === ALL ? [ALL] : [contract, ALL])
        if (t !== team || l !== level || c !== contract) out.push([t, l, c]);
  return out;
}

/** Teams this viewer may see; the organisation total is visible to everyone who sees a team. */
export function visibleTeams(viewer: Viewer, allTeams: readonly string[]): string[] {
  if (viewer.role === 'admin' || viewer.role === 'planner') return [...allTeams];
  if (viewer.role === 'team-leader') return allTeams.filter((t) => viewer.teamIds.includes(t));
  throw new InputError('Geen toegang tot teamcijfers / no access to team figures', 'viewer.role');
}

export interface InsightRow {
  periodId: string;
  periodLabel: string;
  /** `all` = the whole organisation. */
  teamId: string;
  teamName: string;
  suppressed: SuppressionReason | null;
  figures: Figures | null;
}

export interface InsightReport {
  filter: { levelBand: string; contractBand: string; label: { nl: string; en: string } };
  periods: Period[];
  range: Period;
  threshold: number;
  rows: InsightRow[];
  themes: InsightCube['themes'];
  notes: { nl: string[]; en: string[] };
}

/** The dashboard view: teams (and the organisation) × periods for one filter combination. */
export function insightReport(
  data: InsightData,
  queryInput: InsightQueryInput,
  viewerInput: Viewer,
): InsightReport {
  const viewer = parseOrThrow(viewerSchema, viewerInput, 'viewer');
  const query = parseOrThrow(insightQuerySchema, queryInput, 'query');
  const allowed = visibleTeams(
    viewer,
    data.teams.map((t) => t.id),
  );
  const shown = query.teamIds ? allowed.filter((t) => query.teamIds!.includes(t)) : allowed;
  const cube = buildCube(data, query);
  const teamName = new Map(data.teams.map((t) => [t.id, t.name]));
  const periodLabel = new Map([...cube.periods, cube.range].map((p) => [p.id, p.label]));
  const rows: InsightRow[] = [];
  for (const cell of cube.cells) {
    if (cell.levelBand !== query.levelBand || cell.contractBand !== query.contractBand) continue;
    if (cell.teamId !== ALL && !shown.includes(cell.teamId)) continue;
    rows.push({
      periodId: cell.periodId,
      periodLabel: periodLabel.get(cell.periodId)!,
      teamId: cell.teamId,
      teamName:
        cell.teamId === ALL ? 'Organisatie / organisation' : (teamName.get(cell.teamId) ?? cell.teamId),
      suppressed: cell.suppressed,
      figures: cell.figures,
    });
  }
  const notes = {
    nl: [
      `Groepen van ${SMALL_GROUP_MAX} of minder mensen worden niet getoond, ook niet als een andere groep ze zou verraden.`,
      'Geen diagnoses of oorzaken: verzuim telt alleen als periode.',
    ],
    en: [
      `Groups of ${SMALL_GROUP_MAX} people or fewer are never shown, nor any group that would give one away.`,
      'No diagnoses or causes: absence counts only as a period.',
    ],
  };
  if (!cube.restViolationsAvailable) {
    notes.nl.push('Rustschendingen: niet berekend (regelcontrole niet meegegeven).');
    notes.en.push('Rest violations: not computed (no rule-check results supplied).');
  }
  const filterLabel = (band: string) => (band === ALL ? null : BAND_LABELS[band as LevelBand | ContractBand]);
  const parts = [filterLabel(query.levelBand), filterLabel(query.contractBand)].filter((x) => x !== null);
  return {
    filter: {
      levelBand: query.levelBand,
      contractBand: query.contractBand,
      label: {
        nl: parts.length ? parts.map((p) => p!.nl).join(', ') : 'Alle medewerkers',
        en: parts.length ? parts.map((p) => p!.en).join(', ') : 'All staff',
      },
    },
    periods: cube.periods,
    range: cube.range,
    threshold: cube.threshold,
    rows,
    themes: cube.themes.filter((t) => t.teamId === ALL || shown.includes(t.teamId)),
    notes,
  };
}
