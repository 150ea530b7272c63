/**
 * The proposal summary: the hard violations a roster proposal leaves, against those of the
 * roster it started from, with person, days, rule and whether they were there already.
 */
import { describe, expect, it } from 'vitest';
import { addDays, type Assignment, type OrganisationData } from '@planmaat/domain';
import { smallOrganisation } from '../../../packages/db/test/fixtures.ts';
import { summariseRosterProposal } from '../src/jobs/solvers/roster-summary.ts';

describe('roster proposal summary', () => {
  const base = smallOrganisation();
  // The ward's period that has a roster (the fixture's draft period is still empty).
  const period = base.rosterPeriods.find(
    (p) => p.teamId === 'team-ward-1' && base.assignments.some((a) => a.rosterPeriodId === p.id),
  )!;
  const inPeriod = base.assignments.filter((a) => a.rosterPeriodId === period.id);
  // A rostered shift in the second week whose employee then reports sick that day.
  const shift = inPeriod.find((a) => a.date >= addDays(period.start, 7) && !a.pinned)!;
  const data: OrganisationData = {
    ...base,
    absences: [
      ...base.absences,
      {
        id: 'sick-test',
        employeeId: shift.employeeId,
        kind: 'sick',
        start: `${shift.date}T00:00`,
        end: `${addDays(shift.date, 1)}T00:00`,
      },
    ],
  };
  const window = { from: shift.date, to: shift.date };
  const isSickShift = (x: { constraint: string; employeeId?: string; dates: string[] }) =>
    x.constraint === 'structural.unavailable' &&
    x.employeeId === shift.employeeId &&
    x.dates.includes(shift.date);

  it('counts the sick shift as a hard violation of the current roster, gone in a proposal without it', () => {
    const current = inPeriod;
    const kept = summariseRosterProposal(data, period.id, { window }, current);
    expect(kept.hard.before).toBe(kept.hard.after);
    const sick = kept.hard.items.find(isSickShift)!;
    expect(sick).toBeDefined();
    expect(sick.existing).toBe(true);
    expect(sick.name).toBe(data.employees.find((e) => e.id === shift.employeeId)!.name);
    expect(sick.title.nl).toMatch(/niet inzetbaar/);
    expect(sick.message.nl).toContain(shift.date);

    const without = current.filter((a) => a !== shift);
    const proposal = summariseRosterProposal(data, period.id, { window }, without);
    expect(proposal.hard.before).toBe(kept.hard.before);
    // Taking the shift out may also end a rule violation it was part of.
    expect(proposal.hard.after).toBeLessThan(kept.hard.after);
    expect(proposal.hard.items.some(isSickShift)).toBe(false);
  });

  it('marks violations the proposal makes as new and lists them first, with the article of the rule', () => {
    // The same employee on a late shift the day before another's early shift: too little rest.
    const d1 = addDays(period.start, 1);
    const d2 = addDays(period.start, 2);
    const e = data.employees.find((x) => x.teamIds.includes(period.teamId) && x.id !== shift.employeeId)!;
    const ownDays = (a: { employeeId: string; date: string }) =>
      a.employeeId === e.id && (a.date === d1 || a.date === d2);
    expect(inPeriod.filter(ownDays).map((a) => a.shiftTypeId)).not.toEqual(['st-L', 'st-V']);
    const proposal: Assignment[] = [
      ...inPeriod.filter((a) => !ownDays(a)),
      { rosterPeriodId: period.id, employeeId: e.id, date: d1, shiftTypeId: 'st-L', pinned: false },
      { rosterPeriodId: period.id, employeeId: e.id, date: d2, shiftTypeId: 'st-V', pinned: false },
    ];
    const summary = summariseRosterProposal(data, period.id, {}, proposal);
    const fresh = summary.hard.items.filter((x) => !x.existing);
    expect(fresh.length).toBeGreaterThan(0);
    expect(summary.hard.items.slice(0, fresh.length).every((x) => !x.existing)).toBe(true);
    const rest = fresh.find((x) => x.employeeId === e.id && x.constraint.endsWith('daily-rest'))!;
    expect(rest).toBeDefined();
    expect(rest.cite).toMatch(/art\./);
    expect(rest.title.nl.length).toBeGreaterThan(3);
    expect(summary.hard.after).toBeGreaterThan(summary.hard.before);
  });
});
