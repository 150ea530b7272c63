import { describe, expect, it } from 'vitest';
import { InputError } from '@planmaat/domain';
import { formatRosterTsv, parseNrpInstance, parseRosterTsv } from '../src/index.ts';
import { hasBenchmark, loadBenchmark, TINY_A, TINY_A_ROSTER } from './fixtures.ts';

describe('parseNrpInstance', () => {
  it('reads every section of a hand-made instance', () => {
    const inst = parseNrpInstance(TINY_A, 'tiny');
    expect(inst.horizon).toBe(7);
    expect(inst.shifts).toEqual([
      { id: 'E', minutes: 480, forbiddenNext: [] },
      { id: 'L', minutes: 600, forbiddenNext: ['E'] },
    ]);
    expect(inst.staff[0]).toEqual({
      id: 'A',
      maxShifts: { E: 2, L: 7 },
      maxTotalMinutes: 2400,
      minTotalMinutes: 1440,
      maxConsecutiveShifts: 3,
      minConsecutiveShifts: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 0,
    });
    expect(inst.staff[1].maxShifts).toEqual({});
    expect(inst.daysOff).toEqual([
      { employeeId: 'A', day: 6 },
      { employeeId: 'B', day: 0 },
      { employeeId: 'B', day: 1 },
    ]);
    expect(inst.shiftOnRequests[1]).toEqual({ employeeId: 'B', day: 3, shiftId: 'L', weight: 5 });
    expect(inst.shiftOffRequests[0]).toEqual({ employeeId: 'A', day: 1, shiftId: 'L', weight: 3 });
    expect(inst.cover[2]).toEqual({ day: 2, shiftId: 'E', requirement: 2, weightUnder: 100, weightOver: 1 });
  });

  it('names the line of bad input', () => {
    const bad = TINY_A.replace('A,0,E,2', 'A,9,E,2');
    expect(() => parseNrpInstance(bad, 'x.txt')).toThrow(InputError);
    expect(() => parseNrpInstance(bad, 'x.txt')).toThrow(/x\.txt line \d+: day 9 is outside/);
    expect(() => parseNrpInstance(TINY_A.replace('B,4,E,1', 'Q,4,E,1'))).toThrow(/unknown employee Q/);
    expect(() => parseNrpInstance(TINY_A.replace('L,600,E', 'L,600,Z'))).toThrow(
      /unknown forbidden successor Z/,
    );
    expect(() => parseNrpInstance(TINY_A.replace('7\n', 'seven\n'))).toThrow(/horizon/);
    expect(() => parseNrpInstance(TINY_A.replace('0,E,1,100,1', '0,E,-1,100,1'))).toThrow(/requirement/);
  });

  it('reads "-0" as zero (it occurs in Instance15)', () => {
    const inst = parseNrpInstance(TINY_A.replace('0,E,1,100,1', '0,E,-0,100,1'));
    expect(Object.is(inst.cover[0].requirement, 0)).toBe(true);
  });

  it.skipIf(!hasBenchmark)('reads all 24 benchmark instances', () => {
    for (let i = 1; i <= 24; i++) expect(loadBenchmark(i).staff.length).toBeGreaterThan(0);
  });

  it.skipIf(!hasBenchmark)('reads the largest benchmark instance', () => {
    const inst = loadBenchmark(24);
    expect([inst.horizon, inst.staff.length, inst.shifts.length]).toEqual([364, 150, 32]);
    expect(inst.cover.length).toBe(364 * 32);
  });
});

describe('roster files', () => {
  it('round-trips, keeping empty fields for days off', () => {
    const inst = parseNrpInstance(TINY_A);
    const roster = parseRosterTsv(TINY_A_ROSTER, inst);
    expect(roster[1]).toEqual(['', 'E', '', 'L', 'E', 'L', '']);
    expect(formatRosterTsv(roster)).toBe(TINY_A_ROSTER);
  });

  it('rejects wrong shapes and unknown shifts with the line', () => {
    const inst = parseNrpInstance(TINY_A);
    expect(() => parseRosterTsv('L\tL\n\t\t\t\t\t\t\n', inst, 'r.tsv')).toThrow(
      /r\.tsv line 1 \(A\): expected 7/,
    );
    expect(() => parseRosterTsv(TINY_A_ROSTER.replace('E', 'N'), inst)).toThrow(/unknown shift "N"/);
    expect(() => parseRosterTsv('\t\t\t\t\t\t\n', inst)).toThrow(/expected 2 lines/);
  });
});
