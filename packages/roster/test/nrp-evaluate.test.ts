import { describe, expect, it } from 'vitest';
import { evaluateNrpRoster, parseNrpInstance, parseRosterTsv } from '../src/index.ts';
import { TINY_A, TINY_A_ROSTER, TINY_B, TINY_B_ROSTER } from './fixtures.ts';

describe('evaluateNrpRoster (hand-computed)', () => {
  it('scores instance A: successions, type maximum, minutes, consecutive days, days off, requests, cover', () => {
    const inst = parseNrpInstance(TINY_A);
    const result = evaluateNrpRoster(inst, parseRosterTsv(TINY_A_ROSTER, inst));
    expect(result.shiftOnPenalty).toBe(2);
    expect(result.shiftOffPenalty).toBe(4);
    expect(result.coverPenalty).toBe(202);
    expect(result.objective).toBe(208);
    expect(result.hardViolations).toBe(7);
    expect(result.violations.filter((v) => v.includes('forbidden succession'))).toHaveLength(2);
    expect(result.violations.filter((v) => v.includes('max consecutive'))).toHaveLength(2);
  });

  it('scores instance B: edge blocks are exempt, interior short blocks and weekends are not', () => {
    const inst = parseNrpInstance(TINY_B);
    const result = evaluateNrpRoster(inst, parseRosterTsv(TINY_B_ROSTER, inst));
    expect(result.objective).toBe(4);
    expect(result.hardViolations).toBe(4);
    expect(result.violations.filter((v) => v.includes('min consecutive days off'))).toHaveLength(2);
    expect(result.violations.filter((v) => v.includes('min consecutive shifts'))).toHaveLength(1);
    expect(result.violations.filter((v) => v.includes('max weekends'))).toHaveLength(1);
  });

  it('an empty roster on A costs every on-request and all under-cover', () => {
    const inst = parseNrpInstance(TINY_A);
    const empty = inst.staff.map(() => Array<string>(inst.horizon).fill(''));
    const result = evaluateNrpRoster(inst, empty);
    // on-requests 2 + 5, cover 1 + 1 + 2 + 1 under at 100; minutes below 1440 for A.
    expect(result.objective).toBe(7 + 500);
    expect(result.hardViolations).toBe(1);
  });
});
