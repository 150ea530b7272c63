import { describe, expect, it } from 'vitest';
import { formatListDate } from '../src/dates.ts';
import { describePeriod, periodParts } from '../src/leave/leave-period.ts';

const TODAY = '2027-03-01';

describe('leave period in words', () => {
  it('reads whole days from an exclusive end', () => {
    expect(periodParts('2027-06-07T00:00', '2027-06-12T00:00')).toEqual({
      firstDay: '2027-06-07',
      lastDay: '2027-06-11',
    });
    expect(describePeriod('2027-06-07T00:00', '2027-06-12T00:00', 'nl', TODAY)).toBe('ma 7 jun – vr 11 jun');
    expect(describePeriod('2027-06-07T00:00', '2027-06-08T00:00', 'en', TODAY)).toBe('Mon 7 Jun');
  });

  it('shows the hours of a part-day period', () => {
    expect(periodParts('2027-06-21T13:00', '2027-06-21T17:00')).toEqual({
      firstDay: '2027-06-21',
      lastDay: '2027-06-21',
      startTime: '13:00',
      endTime: '17:00',
    });
    expect(describePeriod('2027-06-21T13:00', '2027-06-21T17:00', 'nl', TODAY)).toBe('ma 21 jun 13:00–17:00');
    expect(describePeriod('2027-06-21T13:00', '2027-06-23T00:00', 'nl', TODAY)).toBe(
      'ma 21 jun 13:00 – di 22 jun',
    );
  });

  it('shows the year of a day outside the current year', () => {
    expect(describePeriod('2026-12-28T00:00', '2027-01-02T00:00', 'nl', TODAY)).toBe(
      'ma 28 dec 2026 – vr 1 jan',
    );
    expect(describePeriod('2028-01-10T00:00', '2028-01-11T00:00', 'en', TODAY)).toBe('Mon 10 Jan 2028');
    expect(formatListDate('2027-06-07', 'nl', TODAY)).toBe('ma 7 jun');
    expect(formatListDate('2025-06-07', 'nl', TODAY)).toBe('za 7 jun 2025');
  });
});
