/**
 * The capacity base: everything the projection needs, as plain JSON (an API route can accept it
 * edited, or build it from the organisation's data with `buildCapacityBase`).
 */
import { z } from 'zod';
import {
  addDays,
  dayNumber,
  localDate,
  mondayOf,
  qualificationLevel,
  toEpochMinutes,
  type OrganisationData,
} from '@planmaat/domain';
import { clientHoursFromVisits, demandHoursFromShifts, type DemandBasis } from './demand.ts';

const id = z.string().min(1).max(100);

export const capacityTeamSchema = z.object({
  id,
  name: z.string().min(1),
  kind: z.enum(['ward', 'home-care']),
});

export const capacityBaseSchema = z.object({
  /** Monday of the first week. */
  start: localDate,
  weeks: z.number().int().min(1).max(104).default(52),
  teams: z.array(capacityTeamSchema).min(1),
  /** Base weekly demand (before seasonality and growth). `visits` rows are client time without travel. */
  demand: z.array(
    z.object({
      teamId: id,
      level: qualificationLevel,
      hoursPerWeek: z.number().min(0),
      source: z.enum(['shifts', 'visits']),
    }),
  ),
  /** Current contracts. */
  staff: z.array(
    z.object({
      teamId: id,
      level: qualificationLevel,
      contractHoursPerWeek: z.number().min(0),
      headcount: z.number().int().min(0),
    }),
  ),
  /** Leave already booked (holiday, parental leave, training), hours per week index. */
  knownLeave: z
    .array(
      z.object({
        teamId: id,
        level: qualificationLevel,
        week: z.number().int().min(0),
        hours: z.number().min(0),
      }),
    )
    .default([]),
  /** Students or staff in training who move up a level on a date. */
  graduations: z
    .array(
      z.object({
        teamId: id,
        fromLevel: qualificationLevel,
        toLevel: qualificationLevel,
        date: localDate,
        hoursPerWeek: z.number().min(0),
      }),
    )
    .default([]),
  /** Hires already agreed (signed contracts, vacancies being filled). */
  plannedHires: z
    .array(
      z.object({
        teamId: id,
        level: qualificationLevel,
        date: localDate,
        count: z.number().int().min(1).default(1),
        hoursPerWeek: z.number().min(0),
      }),
    )
    .default([]),
});
export type CapacityBase = z.infer<typeof capacityBaseSchema>;
export type CapacityBaseInput = z.input<typeof capacityBaseSchema>;

export interface BuildBaseOptions {
  /** First week (moved back to its Monday); default the Monday of the earliest demand row. */
  start?: string;
  weeks?: number;
  /** Plan against the minimum (`min`, default) or the ideal head counts of the demand rows. */
  demandBasis?: DemandBasis;
  /** Home-care teams with visits: take demand from visits (default) or from their shift demand rows. */
  homeCareSource?: 'visits' | 'shifts';
}

const LEAVE_KINDS = new Set(['leave', 'parental-leave', 'training']);

export function buildCapacityBase(data: OrganisationData, options: BuildBaseOptions = {}): CapacityBase {
  const firstDemand = data.demand.reduce<string | undefined>(
    (m, d) => (m === undefined || d.date < m ? d.date : m),
    undefined,
  );
  const start = mondayOf(options.start ?? firstDemand ?? '2027-01-04');
  const weeks = options.weeks ?? 52;
  const homeCareSource = options.homeCareSource ?? 'visits';
  const visitTeams = new Set(data.clients.map((c) => c.teamId));
  const fromVisits = (teamId: string) =>
    homeCareSource === 'visits' &&
    data.teams.find((t) => t.id === teamId)?.kind === 'home-care' &&
    visitTeams.has(teamId);

  const demand: CapacityBase['demand'] = [];
  for (const row of demandHoursFromShifts(data.demand, data.shiftTypes, options.demandBasis ?? 'min'))
    if (!fromVisits(row.teamId)) demand.push({ ...row, source: 'shifts' });
  for (const row of clientHoursFromVisits(data.visits, data.clients))
    if (fromVisits(row.teamId)) demand.push({ ...row, source: 'visits' });

  const staffMap = new Map<
    string,
    { teamId: string; level: number; contractHoursPerWeek: number; headcount: number }
  >();
  const employeeTeam = new Map<string, { teamId: string; level: number; hours: number }>();
  const startDay = dayNumber(start);
  for (const e of data.employees) {
    if (e.employmentEnd !== undefined && dayNumber(e.employmentEnd) < startDay) continue;
    if (e.employmentStart !== undefined && dayNumber(e.employmentStart) > startDay) continue;
    const teamId = e.teamIds[0];
    employeeTeam.set(e.id, { teamId, level: e.level, hours: e.contractHoursPerWeek });
    const key = `${teamId}\u0000${e.level}`;
    const s = staffMap.get(key) ?? { teamId, level: e.level, contractHoursPerWeek: 0, headcount: 0 };
    s.contractHoursPerWeek += e.contractHoursPerWeek;
    s.headcount += 1;
    staffMap.set(key, s);
  }
  const staff = [...staffMap.values()].sort((a, b) => a.teamId.localeCompare(b.teamId) || a.level - b.level);

  const leave = new Map<string, number>();
  const horizonStart = toEpochMinutes(`${start}T00:00`);
  for (const a of data.absences) {
    if (!LEAVE_KINDS.has(a.kind)) continue;
    const who = employeeTeam.get(a.employeeId);
    if (!who) continue;
    const from = toEpochMinutes(a.start);
    const to = toEpochMinutes(a.end);
    const short = to - from < 1440;
    for (let week = Math.max(0, Math.floor((from - horizonStart) / 10080)); week < weeks; week++) {
      const ws = toEpochMinutes(`${addDays(start, week * 7)}T00:00`);
      const we = toEpochMinutes(`${addDays(start, week * 7 + 7)}T00:00`);
      if (ws >= to) break;
      const overlap = Math.min(we, to) - Math.max(ws, from);
      if (overlap <= 0) continue;
      // A day or more off: contract hours pro rata per calendar day; a part day: the hours themselves.
      const hours = short ? Math.min(overlap / 60, who.hours / 5) : (who.hours * overlap) / (we - ws);
      const key = `${who.teamId}\u0000${who.level}\u0000${week}`;
      leave.set(key, (leave.get(key) ?? 0) + hours);
    }
  }
  const knownLeave = [...leave]
    .map(([key, hours]) => {
      const [teamId, level, week] = key.split('\u0000');
      return { teamId, level: Number(level), week: Number(week), hours };
    })
    .sort((a, b) => a.teamId.localeCompare(b.teamId) || a.level - b.level || a.week - b.week);

  return {
    start,
    weeks,
    teams: data.teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind })),
    demand,
    staff,
    knownLeave,
    graduations: [],
    plannedHires: [],
  };
}
