/**
 * A plausible hand-made roster, as a planner would have made it in the previous system: demand
 * filled day by day with whoever is free and furthest behind on contract hours, avoiding the
 * obvious mistakes (no early after a late or night, nights only for those who work nights) but not
 * every rule — so the rule check and the optimiser have something to show.
 */
import {
  addDays,
  shiftInterval,
  toEpochMinutes,
  workedMinutes,
  type Absence,
  type Assignment,
  type Demand,
  type Employee,
  type Random,
  type RosterPeriod,
  type ShiftType,
} from '@planmaat/domain';

export interface HandRosterInput {
  random: Random;
  periods: RosterPeriod[];
  employees: Employee[];
  shiftTypes: ShiftType[];
  demand: Demand[];
  absences: Absence[];
  /** Chance that a shift is filled up to the ideal head count, per team (default 0.5). */
  idealChance?: (teamId: string) => number;
}

const MAX_CONSECUTIVE_DAYS = 6;
const MIN_REST_MINUTES = 11 * 60;

export function buildHandMadeRoster(input: HandRosterInput): Assignment[] {
  const { random, periods, employees, shiftTypes, demand, absences } = input;
  // Date arithmetic is the hot spot for large organisations: memoise it.
  const shiftedDates = new Map<string, string>();
  const dayOffset = (date: string, days: number) => {
    const key = `${date}|${days}`;
    let out = shiftedDates.get(key);
    if (out === undefined) shiftedDates.set(key, (out = addDays(date, days)));
    return out;
  };
  const demandByTeamDay = new Map<string, Demand[]>();
  for (const r of demand) {
    const key = `${r.teamId}|${r.date}`;
    const list = demandByTeamDay.get(key);
    if (list) list.push(r);
    else demandByTeamDay.set(key, [r]);
  }
  const shiftById = new Map(shiftTypes.map((s) => [s.id, s]));
  const absenceByEmployee = new Map<string, Array<[number, number]>>();
  for (const a of absences) {
    const list = absenceByEmployee.get(a.employeeId) ?? [];
    list.push([toEpochMinutes(a.start), toEpochMinutes(a.end)]);
    absenceByEmployee.set(a.employeeId, list);
  }
  const out: Assignment[] = [];
  for (const period of periods) {
    const team = employees.filter((e) => e.teamIds.includes(period.teamId));
    const days = period.weeks * 7;
    const idealChance = input.idealChance?.(period.teamId) ?? 0.5;
    const workedHours = new Map(team.map((e) => [e.id, 0]));
    const byDay = new Map<string, Map<string, ShiftType>>(); // employee -> date -> shift
    for (const e of team) byDay.set(e.id, new Map());
    const minorIds = new Set(
      team.filter((e) => !e.worksNights && e.contractHoursPerWeek === 12).map((e) => e.id),
    );

    for (let d = 0; d < days; d++) {
      const date = dayOffset(period.start, d);
      const todays = demandByTeamDay.get(`${period.teamId}|${date}`) ?? [];
      // Nights first: fewest candidates. Within a shift the strictest level first.
      const shiftOrder = [...new Set(todays.map((r) => r.shiftTypeId))].sort(
        (a, b) => rank(shiftById.get(a)!) - rank(shiftById.get(b)!),
      );
      for (const shiftTypeId of shiftOrder) {
        const shift = shiftById.get(shiftTypeId)!;
        const interval = shiftInterval(date, shift);
        const hours = workedMinutes(interval) / 60;
        const rows = todays
          .filter((r) => r.shiftTypeId === shiftTypeId)
          .sort((a, b) => b.minLevel - a.minLevel);
        const assigned: Employee[] = [];
        const fill = (minLevel: number, target: number) => {
          while (assigned.filter((e) => e.level >= minLevel).length < target) {
            const candidates = team.filter((e) => {
              if (e.level < minLevel || assigned.includes(e)) return false;
              const mine = byDay.get(e.id)!;
              if (mine.has(date)) return false;
              if (shift.category === 'night' && !e.worksNights) return false;
              if (minorIds.has(e.id) && (shift.category === 'night' || shift.category === 'late'))
                return false;
              const yesterday = mine.get(dayOffset(date, -1));
              if (yesterday?.category === 'night' && shift.category !== 'night') return false;
              if (
                yesterday &&
                interval.start - shiftInterval(dayOffset(date, -1), yesterday).end < MIN_REST_MINUTES
              )
                return false;
              if (consecutiveDaysBefore(mine, date, dayOffset) >= MAX_CONSECUTIVE_DAYS) return false;
              // At most five days in any seven: room for the weekly rest planners aim at.
              if (daysWorkedInLast(mine, date, 6, dayOffset) >= 5) return false;
              const off = absenceByEmployee.get(e.id);
              if (off?.some(([s, t]) => s < interval.end && t > interval.start)) return false;
              const target = (e.contractHoursPerWeek * days) / 7;
              return workedHours.get(e.id)! + hours <= target + 4;
            });
            if (candidates.length === 0) return;
            // Furthest behind on contract hours first; a little noise, as real planners are not exact.
            let best = candidates[0];
            let bestKey = Infinity;
            for (const c of candidates) {
              const key = workedHours.get(c.id)! / Math.max(1, c.contractHoursPerWeek) + random.next() * 0.35;
              if (key < bestKey) {
                bestKey = key;
                best = c;
              }
            }
            assigned.push(best);
            byDay.get(best.id)!.set(date, shift);
            workedHours.set(best.id, workedHours.get(best.id)! + hours);
          }
        };
        for (const row of rows) fill(row.minLevel, row.min);
        // Hand-made rosters reach the ideal head count only some of the time.
        for (const row of rows) if (random.chance(idealChance)) fill(row.minLevel, row.ideal);
        for (const e of assigned)
          out.push({ rosterPeriodId: period.id, employeeId: e.id, date, shiftTypeId, pinned: false });
      }
    }
  }
  return out;
}

/** Order in a day: night first (hardest to fill), then late, day, early. */
function rank(shift: ShiftType): number {
  return { night: 0, late: 1, day: 2, early: 3, other: 4 }[shift.category];
}

type DayOffset = (date: string, days: number) => string;

function daysWorkedInLast(
  mine: Map<string, ShiftType>,
  date: string,
  days: number,
  offset: DayOffset,
): number {
  let n = 0;
  for (let d = 1; d <= days; d++) if (mine.has(offset(date, -d))) n++;
  return n;
}

function consecutiveDaysBefore(mine: Map<string, ShiftType>, date: string, offset: DayOffset): number {
  let n = 0;
  while (n < 7 && mine.has(offset(date, -(n + 1)))) n++;
  return n;
}
