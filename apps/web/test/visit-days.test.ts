import { describe, expect, it } from 'vitest';
import { nearestVisitDay, stepVisitDay } from '../src/homecare/visit-days.ts';

const days = ['2027-01-04', '2027-01-05', '2027-01-08', '2027-01-12'];

describe('home-care day choice', () => {
  it('opens on today when it has visits, else on the nearest day with visits', () => {
    expect(nearestVisitDay(days, '2027-01-05')).toBe('2027-01-05');
    expect(nearestVisitDay(days, '2027-01-07')).toBe('2027-01-08');
    expect(nearestVisitDay(days, '2026-06-01')).toBe('2027-01-04');
    expect(nearestVisitDay(days, '2028-01-01')).toBe('2027-01-12');
    // Two days away either side: the later one.
    expect(nearestVisitDay(days, '2027-01-10')).toBe('2027-01-12');
    expect(nearestVisitDay([], '2027-01-10')).toBeUndefined();
  });
  it('steps to the previous or next day with visits', () => {
    expect(stepVisitDay(days, '2027-01-05', 1)).toBe('2027-01-08');
    expect(stepVisitDay(days, '2027-01-06', -1)).toBe('2027-01-05');
    expect(stepVisitDay(days, '2027-01-04', -1)).toBeUndefined();
    expect(stepVisitDay(days, '2027-01-12', 1)).toBeUndefined();
  });
});
