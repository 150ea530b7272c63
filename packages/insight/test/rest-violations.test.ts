import { describe, expect, it } from 'vitest';
import { generateDemoOrganisation } from '@planmaat/demo';
import type { Assignment } from '@planmaat/domain';
import { insightDataFrom, restViolationsOf } from '../src/index.ts';

const demo = generateDemoOrganisation({ seed: 1 });
const late = demo.shiftTypes.find((s) => s.code === 'L')!;
const early = demo.shiftTypes.find((s) => s.code === 'V')!;
const employee = demo.employees.find((e) => e.teamIds[0] === 'team-ward-1' && e.level >= 3)!;
const assign = (date: string, shiftTypeId: string): Assignment => ({
  rosterPeriodId: 'rp',
  employeeId: employee.id,
  date,
  shiftTypeId,
  pinned: false,
});

describe('rest violations from the rule engine', () => {
  it('counts a late shift followed by an early one (7 h 45 min rest) on the day the rest starts', () => {
    const violations = restViolationsOf(
      {
        employees: [employee],
        shiftTypes: demo.shiftTypes,
        assignments: [assign('2027-02-01', late.id), assign('2027-02-02', early.id)],
      },
      ['atw'],
    );
    expect(violations).toEqual([{ employeeId: employee.id, date: '2027-02-01', ruleId: 'atw.daily-rest' }]);
  });

  it('finds nothing when the rest is long enough', () => {
    const violations = restViolationsOf(
      {
        employees: [employee],
        shiftTypes: demo.shiftTypes,
        assignments: [assign('2027-02-01', early.id), assign('2027-02-02', late.id)],
      },
      ['atw'],
    );
    expect(violations).toEqual([]);
  });

  it('feeds the insight data of an organisation with its own rule profiles', () => {
    const data = insightDataFrom(demo);
    expect(data.restViolations).toBeDefined();
    for (const v of data.restViolations!) expect(v.ruleId).toMatch(/rest/);
  });
});
