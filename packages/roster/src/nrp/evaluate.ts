/**
 * Independent evaluator of a Curtois & Qu roster: a plain full re-computation straight from the
 * instance definition, sharing nothing with the solver's compiled, incremental scorer. Used by
 * `planmaat eval-nrp` and by the tests that check the solver's reported score.
 *
 * Hard-violation count (one number, 0 = feasible), per employee:
 * - each forbidden succession (day d → d+1): 1
 * - each assignment beyond MaxShifts of its type: 1
 * - total minutes outside [MinTotalMinutes, MaxTotalMinutes]: 1
 * - each window of MaxConsecutiveShifts+1 consecutive days without a day off: 1
 * - each maximal working block shorter than MinConsecutiveShifts not touching day 0 or H−1: 1
 * - each maximal block of days off shorter than MinConsecutiveDaysOff not touching day 0 or H−1: 1
 * - each worked weekend beyond MaxWeekends: 1
 * - each listed day off that is worked: 1
 */
import type { NrpInstance } from './instance.ts';
import type { NrpRoster } from './roster-file.ts';

export interface NrpEvaluation {
  objective: number;
  hardViolations: number;
  /** Objective parts. */
  shiftOnPenalty: number;
  shiftOffPenalty: number;
  coverPenalty: number;
  /** One line per hard violation, Dutch first, English second. */
  violations: string[];
}

export function evaluateNrpRoster(instance: NrpInstance, roster: NrpRoster): NrpEvaluation {
  const H = instance.horizon;
  const violations: string[] = [];
  const minutesOf = new Map(instance.shifts.map((s) => [s.id, s.minutes]));
  const forbidden = new Map(instance.shifts.map((s) => [s.id, new Set(s.forbiddenNext)]));
  const worked = (row: string[], day: number) => row[day] !== '';

  instance.staff.forEach((person, e) => {
    const row = roster[e];
    const who = person.id;

    for (let d = 0; d + 1 < H; d++) {
      if (worked(row, d) && worked(row, d + 1) && forbidden.get(row[d])!.has(row[d + 1]))
        violations.push(
          `${who}: verboden opvolging ${row[d]}→${row[d + 1]} op dag ${d}–${d + 1} (forbidden succession)`,
        );
    }

    const counts = new Map<string, number>();
    for (const cell of row) if (cell !== '') counts.set(cell, (counts.get(cell) ?? 0) + 1);
    for (const [shiftId, count] of counts) {
      const max = person.maxShifts[shiftId];
      for (let k = 0; max !== undefined && k < count - max; k++)
        violations.push(`${who}: meer dan ${max} diensten ${shiftId} (max shifts of type)`);
    }

    let minutes = 0;
    for (const cell of row) if (cell !== '') minutes += minutesOf.get(cell)!;
    if (minutes < person.minTotalMinutes || minutes > person.maxTotalMinutes)
      violations.push(
        `${who}: ${minutes} minuten, toegestaan ${person.minTotalMinutes}–${person.maxTotalMinutes} (total minutes)`,
      );

    const window = person.maxConsecutiveShifts + 1;
    for (let start = 0; start + window <= H; start++) {
      let allWorked = true;
      for (let d = start; d < start + window; d++) if (!worked(row, d)) allWorked = false;
      if (allWorked)
        violations.push(
          `${who}: ${window} dagen achter elkaar gewerkt vanaf dag ${start} (max consecutive shifts)`,
        );
    }

    let blockStart = 0;
    for (let d = 1; d <= H; d++) {
      if (d < H && worked(row, d) === worked(row, blockStart)) continue;
      const length = d - blockStart;
      const atEdge = blockStart === 0 || d - 1 === H - 1;
      if (!atEdge) {
        if (worked(row, blockStart) && length < person.minConsecutiveShifts)
          violations.push(
            `${who}: werkblok van ${length} dag(en) vanaf dag ${blockStart} (min consecutive shifts)`,
          );
        if (!worked(row, blockStart) && length < person.minConsecutiveDaysOff)
          violations.push(
            `${who}: vrij blok van ${length} dag(en) vanaf dag ${blockStart} (min consecutive days off)`,
          );
      }
      blockStart = d;
    }

    let weekends = 0;
    for (let k = 0; 7 * k + 6 < H; k++) if (worked(row, 7 * k + 5) || worked(row, 7 * k + 6)) weekends++;
    for (let k = person.maxWeekends; k < weekends; k++)
      violations.push(`${who}: ${weekends} weekenden gewerkt, max ${person.maxWeekends} (max weekends)`);
  });

  const staffIndex = new Map(instance.staff.map((s, i) => [s.id, i]));
  const listedOff = new Set(instance.daysOff.map((o) => `${o.employeeId}/${o.day}`));
  for (const key of listedOff) {
    const [employeeId, day] = key.split('/');
    if (worked(roster[staffIndex.get(employeeId)!], Number(day)))
      violations.push(`${employeeId}: werkt op vrije dag ${day} (day off)`);
  }

  let shiftOnPenalty = 0;
  for (const r of instance.shiftOnRequests)
    if (roster[staffIndex.get(r.employeeId)!][r.day] !== r.shiftId) shiftOnPenalty += r.weight;
  let shiftOffPenalty = 0;
  for (const r of instance.shiftOffRequests)
    if (roster[staffIndex.get(r.employeeId)!][r.day] === r.shiftId) shiftOffPenalty += r.weight;
  let coverPenalty = 0;
  for (const c of instance.cover) {
    let assigned = 0;
    for (const row of roster) if (row[c.day] === c.shiftId) assigned++;
    coverPenalty +=
      c.weightUnder * Math.max(0, c.requirement - assigned) +
      c.weightOver * Math.max(0, assigned - c.requirement);
  }

  return {
    objective: shiftOnPenalty + shiftOffPenalty + coverPenalty,
    hardViolations: violations.length,
    shiftOnPenalty,
    shiftOffPenalty,
    coverPenalty,
    violations,
  };
}
