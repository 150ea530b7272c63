/**
 * Maps a roster period (OrganisationData slice) onto the roster optimiser's model (Curtois & Qu
 * shift scheduling) and its answer back to assignments. Decisions, in planners' terms:
 *  - cover: the ideal head count per day and shift (all levels together), shortfall weighs 100,
 *    excess 1; qualification levels and skills are not yet part of this model;
 *  - rest: a shift may not follow another on the next day with less than 11 h in between;
 *  - hours: between 70 % and 110 % of contract hours over the period; at most 6 days in a row;
 *    at most every other weekend; no nights for employees who do not work nights;
 *  - absences are days off; wishes are on/off requests weighted by their priority;
 *  - pinned cells, and every cell outside the re-plan window, stay as they are.
 */
import {
  addDays,
  clockMinutes,
  crossesMidnight,
  type OrganisationData,
  type ShiftType,
} from '@planmaat/domain';
import type { NrpInstance, NrpPin, NrpRoster } from '@planmaat/roster';

export const MIN_REST_MINUTES = 11 * 60;

export interface RosterModel {
  instance: NrpInstance;
  pins: NrpPin[];
  /** Row order of the optimiser's roster. */
  employeeIds: string[];
  start: string;
}

function shiftMinutes(s: ShiftType): number {
  const start = clockMinutes(s.start);
  const end = clockMinutes(s.end) + (crossesMidnight(s) ? 1440 : 0);
  return end - start - s.breakMinutes;
}

function restBetween(first: ShiftType, next: ShiftType): number {
  const firstEnd = clockMinutes(first.end) + (crossesMidnight(first) ? 1440 : 0);
  return 1440 + clockMinutes(next.start) - firstEnd;
}

export function buildRosterModel(
  data: OrganisationData,
  periodId: string,
  window?: { from: string; to: string },
): RosterModel {
  const period = data.rosterPeriods.find((p) => p.id === periodId)!;
  const horizon = period.weeks * 7;
  const dayOf = (date: string) => Math.round((Date.parse(date) - Date.parse(period.start)) / 86_400_000);
  const used = new Set([
    ...data.demand.map((d) => d.shiftTypeId),
    ...data.assignments.map((a) => a.shiftTypeId),
  ]);
  const types = data.shiftTypes.filter((s) => used.has(s.id));
  const employees = data.employees.filter((e) => e.teamIds.includes(period.teamId));
  const nights = types.filter((s) => s.category === 'night').map((s) => s.id);

  const cover = new Map<string, number>();
  for (const d of data.demand) {
    const day = dayOf(d.date);
    if (day < 0 || day >= horizon) continue;
    const key = `${day}|${d.shiftTypeId}`;
    cover.set(key, (cover.get(key) ?? 0) + d.ideal);
  }

  const daysOff = new Set<string>();
  for (const a of data.absences) {
    const first = Math.max(0, dayOf(a.start.slice(0, 10)));
    // An absence ending at midnight does not take the next day.
    const endDate = a.end.endsWith('T00:00') ? addDays(a.end.slice(0, 10), -1) : a.end.slice(0, 10);
    const last = Math.min(horizon - 1, dayOf(endDate));
    for (let d = first; d <= last; d++) daysOff.add(`${a.employeeId}|${d}`);
  }

  const onRequests: NrpInstance['shiftOnRequests'] = [];
  const offRequests: NrpInstance['shiftOffRequests'] = [];
  for (const w of data.wishes) {
    const day = dayOf(w.date);
    if (day < 0 || day >= horizon) continue;
    if (w.kind === 'wanted-shift' && w.shiftTypeId)
      onRequests.push({ employeeId: w.employeeId, day, shiftId: w.shiftTypeId, weight: w.priority });
    else if (w.kind === 'unwanted-shift' && w.shiftTypeId)
      offRequests.push({ employeeId: w.employeeId, day, shiftId: w.shiftTypeId, weight: w.priority });
    else if (w.kind === 'day-off')
      for (const s of types)
        offRequests.push({ employeeId: w.employeeId, day, shiftId: s.id, weight: w.priority });
  }

  const current = new Map(data.assignments.map((a) => [`${a.employeeId}|${dayOf(a.date)}`, a]));
  const pins: NrpPin[] = [];
  const windowFrom = window ? dayOf(window.from) : 0;
  const windowTo = window ? dayOf(window.to) : horizon - 1;
  for (const e of employees)
    for (let day = 0; day < horizon; day++) {
      const cell = current.get(`${e.id}|${day}`);
      const outside = day < windowFrom || day > windowTo;
      if (cell?.pinned || outside) pins.push({ employeeId: e.id, day, shiftId: cell?.shiftTypeId ?? '' });
    }

  const weeks = period.weeks;
  const instance: NrpInstance = {
    name: period.id,
    horizon,
    shifts: types.map((s) => ({
      id: s.id,
      minutes: shiftMinutes(s),
      forbiddenNext: types.filter((n) => restBetween(s, n) < MIN_REST_MINUTES).map((n) => n.id),
    })),
    staff: employees.map((e) => ({
      id: e.id,
      maxShifts: e.worksNights ? {} : Object.fromEntries(nights.map((n) => [n, 0])),
      maxTotalMinutes: Math.round(e.contractHoursPerWeek * 60 * weeks * 1.1),
      minTotalMinutes: Math.round(e.contractHoursPerWeek * 60 * weeks * 0.7),
      maxConsecutiveShifts: 6,
      minConsecutiveShifts: 1,
      minConsecutiveDaysOff: 1,
      maxWeekends: Math.ceil(weeks / 2),
    })),
    daysOff: [...daysOff].map((key) => {
      const [employeeId, day] = key.split('|');
      return { employeeId, day: Number(day) };
    }),
    shiftOnRequests: onRequests,
    shiftOffRequests: offRequests,
    cover: [...cover].map(([key, requirement]) => {
      const [day, shiftId] = key.split('|');
      return { day: Number(day), shiftId, requirement, weightUnder: 100, weightOver: 1 };
    }),
  };
  return { instance, pins, employeeIds: employees.map((e) => e.id), start: period.start };
}

export function assignmentsFromRoster(
  model: Pick<RosterModel, 'employeeIds' | 'start'>,
  roster: NrpRoster,
): Array<{ employeeId: string; date: string; shiftTypeId: string }> {
  const out: Array<{ employeeId: string; date: string; shiftTypeId: string }> = [];
  roster.forEach((row, n) =>
    row.forEach((shiftId, day) => {
      if (shiftId)
        out.push({ employeeId: model.employeeIds[n], date: addDays(model.start, day), shiftTypeId: shiftId });
    }),
  );
  return out;
}
