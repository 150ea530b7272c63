import { describe, expect, it } from 'vitest';
import { describePeriod, periodParts } from '../src/leave/leave-period.ts';

describe('leave period in words', () => {
  it('reads whole days from an exclusive end', () => {
    expect(periodParts('2027-06-07T00:00', '2027-06-12T00:00')).toEqual({
      firstDay: '2027-06-07',
      lastDay: '2027-06-11',
    });
    expect(describePeriod('2027-06-07T00:00', '2027-06-12T00:00', 'nl')).toBe('ma 7 jun – vr 11 jun');
    expect(describePeriod('2027-06-07T00:00', '2027-06-08T00:00', 'en')).toBe('Mon 7 Jun');
  });

  it('shows the hours of a part-day period', () => {
    expect(periodParts('2027-06-21T13:00', '2027-06-21T17:00')).toEqual({
      firstDay: '2027-06-21',
      lastDay: '2027-06-21',
      startTime: '13:00',
      endTime: '17:00',
    });
    expect(describePeriod('2027-06-21T13:00', '2027-06-21T17:00', 'nl')).toBe('ma 21 jun 13:00–17:00');
    expect(describePeriod('2027-06-21T13:00', '2027-06-23T00:00', 'nl')).toBe('ma 21 jun 13:00 – di 22 jun');
  });
});
