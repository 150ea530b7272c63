/**
 * A past of the demo organisation for workforce insight and capacity trends: employment dates
 * (with leavers and their replacements), published 4-week rosters, sickness and leave spells
 * (never a cause), wishes, roster changes after publication and staff's roster flags (themes).
 *
 * Separate from generateDemoOrganisation so that its output stays byte-identical; deterministic
 * for (data, seed, weeks). The history ends the day before the data's first roster period.
 */
import {
  addDays,
  dayNumber,
  isoWeekday,
  Random,
  type Absence,
  type Assignment,
  type Demand,
  type Employee,
  type OrganisationData,
  type RosterPeriod,
  type Wish,
} from '@planmaat/domain';
import { buildHandMadeRoster } from './hand-roster.ts';

export interface HistoryOptions {
  seed: number;
  /** Length of the history in weeks (whole 4-week roster periods); default 52. */
  weeks?: number;
}

export interface HistoryRosterChange {
  employeeId: string;
  date: string;
  kind: 'added' | 'removed' | 'changed';
  at: string;
  shiftTypeId?: string;
}

export interface HistoryStaffFlag {
  teamId: string;
  date: string;
  theme:
    | 'called-on-day-off'
    | 'short-rest'
    | 'weekend-load'
    | 'night-load'
    | 'wishes-ignored'
    | 'workload'
    | 'late-publication'
    | 'other';
}

export interface WorkforceHistory {
  from: string;
  to: string;
  /** Current staff with employment start, plus former staff with an employment end. */
  employees: Employee[];
  absences: Absence[];
  rosterPeriods: RosterPeriod[];
  assignments: Assignment[];
  wishes: Wish[];
  rosterChanges: HistoryRosterChange[];
  staffFlags: HistoryStaffFlag[];
}

/** Yearly turnover and sickness per team index: the first ward is the one under pressure. */
const TEAM_PROFILE = [
  { turnover: 0.22, sickSpellsPerYear: 1.9, calledIn: 0.05 },
  { turnover: 0.12, sickSpellsPerYear: 1.1, calledIn: 0.02 },
  { turnover: 0.16, sickSpellsPerYear: 1.4, calledIn: 0.035 },
  { turnover: 0.1, sickSpellsPerYear: 1.0, calledIn: 0.02 },
];

export function generateWorkforceHistory(data: OrganisationData, options: HistoryOptions): WorkforceHistory {
  const rnd = new Random(options.seed ^ 0x5eed);
  const periodsCount = Math.max(1, Math.round((options.weeks ?? 52) / 4));
  const firstCurrent = data.rosterPeriods.reduce(
    (m, p) => (p.start < m ? p.start : m),
    data.rosterPeriods[0]?.start ?? '2027-01-04',
  );
  const from = addDays(firstCurrent, -28 * periodsCount);
  const to = addDays(firstCurrent, -1);
  const span = dayNumber(to) - dayNumber(from) + 1;
  const teamIndex = new Map(data.teams.map((t, i) => [t.id, i]));
  const profile = (teamId: string) => TEAM_PROFILE[(teamIndex.get(teamId) ?? 0) % TEAM_PROFILE.length];

  // Employment: each current employee either started years ago or, as a replacement of a leaver,
  // during the history; each leaver worked until their end date in the same team and level.
  const employees: Employee[] = [];
  let formerCount = 0;
  for (const e of data.employees) {
    const yearsAgo = rnd.between(1, 15);
    const p = profile(e.teamIds[0]);
    if (rnd.chance(p.turnover * (span / 365))) {
      const leaveDay = rnd.int(span - 30);
      const startDay = Math.min(span - 1, leaveDay + rnd.between(28, 120));
      const end = addDays(from, leaveDay);
      const start = startDay < span ? addDays(from, startDay) : firstCurrent;
      employees.push({ ...e, employmentStart: start });
      formerCount += 1;
      employees.push({
        ...e,
        id: `emp-x${String(formerCount).padStart(3, '0')}`,
        name: `Oud-medewerker ${formerCount}`,
        contractHoursPerWeek: rnd.pick([16, 20, 24, 28, 32]),
        birthDate: `${1965 + rnd.int(35)}-0${rnd.between(1, 9)}-1${rnd.between(0, 9)}`,
        employmentStart: addDays(from, -365 * rnd.between(1, 10)),
        employmentEnd: end,
      });
    } else {
      employees.push({
        ...e,
        employmentStart: `${Number(from.slice(0, 4)) - yearsAgo}-0${rnd.between(1, 9)}-01`,
      });
    }
  }
  const employed = (e: Employee, date: string) =>
    (e.employmentStart === undefined || e.employmentStart <= date) &&
    (e.employmentEnd === undefined || e.employmentEnd >= date);

  // Sickness (frequency per team profile, mostly short) and summer / Christmas leave.
  const absences: Absence[] = [];
  for (const e of employees) {
    const p = profile(e.teamIds[0]);
    for (let day = 0; day < span; day += 7) {
      const date = addDays(from, day);
      if (!employed(e, date)) continue;
      if (rnd.chance((p.sickSpellsPerYear * 7) / 365)) {
        const length = rnd.weighted([1, 2, 3, 5, 10, 21, 42, 90], [20, 20, 15, 12, 10, 10, 8, 5]);
        const start = addDays(date, rnd.int(7));
        absences.push({
          id: `habs-${absences.length + 1}`,
          employeeId: e.id,
          kind: 'sick',
          start: `${start}T00:00`,
          end: `${addDays(start, length)}T00:00`,
        });
        day += Math.ceil(length / 7) * 7;
      }
    }
    for (const month of ['07', '08', '12']) {
      if (!rnd.chance(month === '12' ? 0.3 : 0.45)) continue;
      for (const year of new Set([from.slice(0, 4), to.slice(0, 4)])) {
        const start = `${year}-${month}-${String(rnd.between(1, 15)).padStart(2, '0')}`;
        if (start < from || start > to || !employed(e, start)) continue;
        absences.push({
          id: `habs-${absences.length + 1}`,
          employeeId: e.id,
          kind: 'leave',
          start: `${start}T00:00`,
          end: `${addDays(start, rnd.pick([7, 14, 21]))}T00:00`,
        });
      }
    }
  }

  // Demand of a past day: the same weekday in the data's demand (weekend pattern on holidays kept).
  const templateOf = new Map<number, Demand[]>();
  for (const d of data.demand) {
    const wd = isoWeekday(d.date);
    const sameDay = templateOf.get(wd);
    if (!sameDay) templateOf.set(wd, [d]);
    else if (sameDay[0].date === d.date) sameDay.push(d);
  }
  const rosterPeriods: RosterPeriod[] = [];
  const assignments: Assignment[] = [];
  const wishes: Wish[] = [];
  const rosterChanges: HistoryRosterChange[] = [];
  const staffFlags: HistoryStaffFlag[] = [];
  for (let k = 0; k < periodsCount; k++) {
    const start = addDays(from, 28 * k);
    const demand: Demand[] = [];
    for (let day = 0; day < 28; day++) {
      const date = addDays(start, day);
      for (const d of templateOf.get(isoWeekday(date)) ?? []) demand.push({ ...d, date });
    }
    const periods = data.teams.map((team) => ({
      id: `rp-${team.id}-${start}`,
      teamId: team.id,
      start,
      weeks: 4,
      status: 'published' as const,
      publishedAt: `${addDays(start, -28)}T12:00`,
    }));
    rosterPeriods.push(...periods);
    const staff = employees.filter((e) => employed(e, start) || employed(e, addDays(start, 27)));
    const roster = buildHandMadeRoster({
      random: rnd,
      periods,
      employees: staff,
      shiftTypes: data.shiftTypes,
      demand,
      absences,
    }).filter((a) =>
      employed(
        employees.find((e) => e.id === a.employeeId)!,
        a.date,
      ),
    );
    for (const a of roster) {
      const e = staff.find((x) => x.id === a.employeeId)!;
      const p = profile(e.teamIds[0]);
      if (rnd.chance(p.calledIn)) {
        rosterChanges.push({
          employeeId: a.employeeId,
          date: a.date,
          kind: 'added',
          at: `${addDays(a.date, -rnd.between(0, 5))}T${rnd.pick(['07', '10', '14', '20'])}:30`,
          shiftTypeId: a.shiftTypeId,
        });
      } else if (rnd.chance(0.02)) {
        rosterChanges.push({
          employeeId: a.employeeId,
          date: a.date,
          kind: 'changed',
          at: `${addDays(a.date, -rnd.between(1, 14))}T11:00`,
          shiftTypeId: a.shiftTypeId,
        });
      }
    }
    assignments.push(...roster);
    for (const e of staff) {
      if (!rnd.chance(0.5)) continue;
      for (let i = rnd.between(1, 3); i > 0; i--) {
        const date = addDays(start, rnd.int(28));
        if (wishes.some((w) => w.employeeId === e.id && w.date === date) || !employed(e, date)) continue;
        wishes.push({
          id: `hwish-${wishes.length + 1}`,
          employeeId: e.id,
          date,
          kind: 'day-off',
          priority: rnd.weighted([1, 2, 3], [50, 35, 15]),
        });
      }
    }
    for (const team of data.teams) {
      const p = profile(team.id);
      const count = rnd.between(0, Math.round(p.calledIn * 60));
      for (let i = 0; i < count; i++)
        staffFlags.push({
          teamId: team.id,
          date: addDays(start, rnd.int(28)),
          theme: rnd.weighted(
            [
              'called-on-day-off',
              'weekend-load',
              'short-rest',
              'wishes-ignored',
              'workload',
              'night-load',
            ] as const,
            [30, 20, 15, 15, 15, 5],
          ),
        });
    }
  }
  return { from, to, employees, absences, rosterPeriods, assignments, wishes, rosterChanges, staffFlags };
}
