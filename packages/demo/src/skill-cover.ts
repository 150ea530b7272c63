/**
 * Skilled cover for home-care routes. The hand-made roster fills head counts per level, so a team
 * can end up with too few carers holding a skill (insulin, wound care) on the shift where those
 * visits fall — an evening with 17 insulin injections between 17:00 and 18:30 and one qualified
 * carer cannot be planned. Once the visits are known, each team-day and skilled activity is checked:
 * a carer can do about (window length + duration) ÷ (duration + 6 min travel) such visits in the
 * window, and when fewer qualified carers are on duty than that requires, a free qualified team
 * member gets an extra route shift (no double shift, no absence, 11 h rest, at most five days in
 * seven). Deterministic and random-free: the carer furthest behind on contract hours is picked.
 */
import {
  addDays,
  clockMinutes,
  isQualified,
  shiftInterval,
  toEpochMinutes,
  workedMinutes,
  type Absence,
  type Assignment,
  type CareVisit,
  type Client,
  type Employee,
  type RosterPeriod,
  type ShiftType,
  type Team,
} from '@planmaat/domain';

const TRAVEL_PER_VISIT = 6;
const MIN_REST_MINUTES = 11 * 60;

export interface SkillCoverInput {
  teams: Team[];
  employees: Employee[];
  clients: Client[];
  visits: CareVisit[];
  shiftTypes: ShiftType[];
  absences: Absence[];
  periods: RosterPeriod[];
  /** Route shift types, in order of preference when several cover a window. */
  routeShiftTypeIds: string[];
}

/** Extra assignments that give every team-day enough qualified carers for its skilled visits. */
export function skilledCoverAssignments(input: SkillCoverInput, assignments: Assignment[]): Assignment[] {
  const shiftById = new Map(input.shiftTypes.map((s) => [s.id, s]));
  const routeShifts = input.routeShiftTypeIds.map((id) => shiftById.get(id)!);
  const teamOfClient = new Map(input.clients.map((c) => [c.id, c.teamId]));
  const byEmployee = new Map<string, Map<string, ShiftType>>();
  for (const a of assignments) {
    const mine = byEmployee.get(a.employeeId) ?? new Map<string, ShiftType>();
    mine.set(a.date, shiftById.get(a.shiftTypeId)!);
    byEmployee.set(a.employeeId, mine);
  }
  const absences = new Map<string, Array<[number, number]>>();
  for (const a of input.absences) {
    const list = absences.get(a.employeeId) ?? [];
    list.push([toEpochMinutes(a.start), toEpochMinutes(a.end)]);
    absences.set(a.employeeId, list);
  }
  const worked = new Map<string, number>();
  for (const a of assignments)
    worked.set(
      a.employeeId,
      (worked.get(a.employeeId) ?? 0) + workedMinutes(shiftInterval(a.date, shiftById.get(a.shiftTypeId)!)),
    );

  // Skilled visits per team, date and activity (same level, skills and first window).
  const groups = new Map<string, CareVisit[]>();
  for (const v of input.visits) {
    if (v.skills.length === 0) continue;
    const teamId = teamOfClient.get(v.clientId)!;
    const key = [teamId, v.date, v.minLevel, v.skills.join('+'), v.windows[0].start, v.windows[0].end].join(
      '|',
    );
    const list = groups.get(key);
    if (list) list.push(v);
    else groups.set(key, [v]);
  }

  const added: Assignment[] = [];
  for (const [key, visits] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
    const [teamId, date] = key.split('|');
    const first = visits[0];
    const open = clockMinutes(first.windows[0].start);
    const close = clockMinutes(first.windows[0].end);
    const windowMinutes = first.windows.reduce((s, w) => s + clockMinutes(w.end) - clockMinutes(w.start), 0);
    const meanDuration = visits.reduce((s, v) => s + v.durationMinutes, 0) / visits.length;
    const perCarer = Math.max(
      1,
      Math.floor((windowMinutes + meanDuration * first.windows.length) / (meanDuration + TRAVEL_PER_VISIT)),
    );
    const needed = Math.ceil(visits.length / perCarer);
    const covers = (s: ShiftType) =>
      clockMinutes(s.start) <= close && clockMinutes(s.end) >= open + meanDuration;
    const qualified = (e: Employee) => isQualified(e.level, e.skills, first.minLevel, first.skills);
    const team = input.employees.filter((e) => e.teamIds[0] === teamId);
    let onDuty = team.filter((e) => {
      const s = byEmployee.get(e.id)?.get(date);
      return s !== undefined && covers(s) && qualified(e);
    }).length;
    if (onDuty >= needed) continue;
    const shift =
      routeShifts.find((s) => clockMinutes(s.start) <= open && clockMinutes(s.end) >= close + meanDuration) ??
      routeShifts.find(covers);
    const period = input.periods.find(
      (p) => p.teamId === teamId && p.start <= date && date < addDays(p.start, p.weeks * 7),
    );
    if (!shift || !period) continue;
    const interval = shiftInterval(date, shift);
    const hours = workedMinutes(interval);
    while (onDuty < needed) {
      let best: Employee | undefined;
      let bestKey = Infinity;
      for (const e of team) {
        if (!qualified(e)) continue;
        const mine = byEmployee.get(e.id) ?? new Map<string, ShiftType>();
        if (mine.has(date)) continue;
        if (absences.get(e.id)?.some(([s, t]) => s < interval.end && t > interval.start)) continue;
        const yesterday = mine.get(addDays(date, -1));
        if (yesterday && interval.start - shiftInterval(addDays(date, -1), yesterday).end < MIN_REST_MINUTES)
          continue;
        const tomorrow = mine.get(addDays(date, 1));
        if (tomorrow && shiftInterval(addDays(date, 1), tomorrow).start - interval.end < MIN_REST_MINUTES)
          continue;
        if (yesterday?.category === 'night') continue;
        if (!fiveInSeven(mine, date)) continue;
        const key = (worked.get(e.id) ?? 0) / Math.max(1, e.contractHoursPerWeek);
        if (key < bestKey) {
          bestKey = key;
          best = e;
        }
      }
      if (!best) break;
      const assignment: Assignment = {
        rosterPeriodId: period.id,
        employeeId: best.id,
        date,
        shiftTypeId: shift.id,
        pinned: false,
      };
      added.push(assignment);
      const mine = byEmployee.get(best.id) ?? new Map<string, ShiftType>();
      mine.set(date, shift);
      byEmployee.set(best.id, mine);
      worked.set(best.id, (worked.get(best.id) ?? 0) + hours);
      onDuty++;
    }
  }
  return added;
}

/** With `date` added, no 7-day window around it holds more than five working days. */
function fiveInSeven(mine: Map<string, ShiftType>, date: string): boolean {
  for (let from = -6; from <= 0; from++) {
    let n = 1;
    for (let d = from; d < from + 7; d++) if (d !== 0 && mine.has(addDays(date, d))) n++;
    if (n > 5) return false;
  }
  return true;
}
