import { describe, expect, it } from 'vitest';
import { absenceSchema, assignmentSchema, employeeSchema } from '@planmaat/domain';
import { generateDemoOrganisation, generateWorkforceHistory } from '../src/index.ts';

describe('workforce history', () => {
  const data = generateDemoOrganisation({ seed: 1 });
  const before = JSON.stringify(data);
  const history = generateWorkforceHistory(data, { seed: 1, weeks: 24 });

  it('is deterministic and leaves the demo organisation untouched', () => {
    expect(JSON.stringify(generateWorkforceHistory(data, { seed: 1, weeks: 24 }))).toBe(
      JSON.stringify(history),
    );
    expect(JSON.stringify(data)).toBe(before);
    expect(JSON.stringify(generateDemoOrganisation({ seed: 1 }))).toBe(before);
  });

  it('ends the day before the first roster period and holds leavers, rosters and absences', () => {
    expect(history.to).toBe('2026-12-06');
    expect(history.from).toBe('2026-06-22');
    const leavers = history.employees.filter((e) => e.employmentEnd !== undefined);
    expect(leavers.length).toBeGreaterThan(0);
    for (const e of history.employees) expect(employeeSchema.safeParse(e).success).toBe(true);
    for (const a of history.absences) expect(absenceSchema.safeParse(a).success).toBe(true);
    expect(history.rosterPeriods).toHaveLength(6 * data.teams.length);
    for (const a of history.assignments.slice(0, 500))
      expect(assignmentSchema.safeParse(a).success).toBe(true);
    // Nobody works outside their employment.
    const byId = new Map(history.employees.map((e) => [e.id, e]));
    for (const a of history.assignments) {
      const e = byId.get(a.employeeId)!;
      expect(a.date >= (e.employmentStart ?? '0000') && a.date <= (e.employmentEnd ?? '9999')).toBe(true);
    }
    expect(history.rosterChanges.some((c) => c.kind === 'added')).toBe(true);
  });
});
