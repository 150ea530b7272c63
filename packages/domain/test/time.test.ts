import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayLengthMinutes,
  dutchPublicHolidays,
  easterSunday,
  fromEpochMinutes,
  isoWeek,
  isoWeekday,
  shiftInterval,
  toEpochMinutes,
  utcOffsetAt,
  workedMinutes,
  TimeFormatError,
} from '../src/index.ts';

const night = { start: '22:00', end: '07:00', breakMinutes: 0 };

describe('Europe/Amsterdam DST', () => {
  it.each([
    ['2026-03-28', 8 * 60, 'March 2026: clocks go forward, the night is 1 h shorter'],
    ['2026-10-24', 10 * 60, 'October 2026: clocks go back, the night is 1 h longer'],
    ['2027-03-27', 8 * 60, 'March 2027'],
    ['2027-10-30', 10 * 60, 'October 2027'],
    ['2026-06-13', 9 * 60, 'an ordinary summer night'],
    ['2026-12-12', 9 * 60, 'an ordinary winter night'],
  ])('night shift 22:00–07:00 starting %s lasts %i min (%s)', (date, minutes) => {
    const interval = shiftInterval(date, night);
    expect(interval.end - interval.start).toBe(minutes);
    expect(workedMinutes({ ...interval, breakMinutes: 30 })).toBe(minutes - 30);
  });

  it.each([
    ['2026-03-29', 23 * 60],
    ['2026-10-25', 25 * 60],
    ['2027-03-28', 23 * 60],
    ['2027-10-31', 25 * 60],
    ['2026-07-01', 24 * 60],
  ])('calendar day %s lasts %i minutes', (date, minutes) => {
    expect(dayLengthMinutes(date)).toBe(minutes);
  });

  it('maps the skipped hour forward and the repeated hour to the earlier instant', () => {
    // 02:30 does not exist on 2026-03-29: it becomes 03:30 CEST (= 01:30 UTC).
    expect(toEpochMinutes('2026-03-29T02:30')).toBe(Date.UTC(2026, 2, 29, 1, 30) / 60_000);
    // 02:30 occurs twice on 2026-10-25: the first (CEST, 00:30 UTC) is taken.
    expect(toEpochMinutes('2026-10-25T02:30')).toBe(Date.UTC(2026, 9, 25, 0, 30) / 60_000);
    expect(utcOffsetAt(toEpochMinutes('2026-10-25T01:00'))).toBe(120);
    expect(utcOffsetAt(toEpochMinutes('2026-10-25T04:00'))).toBe(60);
  });

  it('round-trips wall-clock times outside the transitions', () => {
    for (const t of ['2026-01-01T00:00', '2026-03-29T03:00', '2026-10-25T03:00', '2027-06-30T23:59']) {
      expect(fromEpochMinutes(toEpochMinutes(t))).toBe(t);
    }
    // The second 02:30 of October is reachable from its instant.
    expect(fromEpochMinutes(Date.UTC(2026, 9, 25, 1, 30) / 60_000)).toBe('2026-10-25T02:30');
  });

  it('rejects impossible dates and times with a clear error', () => {
    expect(() => toEpochMinutes('2026-02-30T10:00')).toThrow(TimeFormatError);
    expect(() => toEpochMinutes('2026-02-10 10:00')).toThrow(/not a valid date-time/);
    expect(() => shiftInterval('2026-01-01', { start: '25:00', end: '07:00', breakMinutes: 0 })).toThrow(
      /clock time/,
    );
  });
});

describe('calendar', () => {
  it('knows weekdays and ISO weeks', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeek('2026-01-01')).toBe('2026-W01');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it('computes Easter and the Dutch public holidays', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    const names = dutchPublicHolidays(2026).map((h) => `${h.date} ${h.nameNl}`);
    expect(names).toContain('2026-04-27 Koningsdag');
    expect(names).toContain('2026-05-14 Hemelvaartsdag');
    expect(names).toContain('2026-05-25 Tweede Pinksterdag');
    // 27 April 2025 was a Sunday: Koningsdag moved to Saturday 26 April.
    expect(dutchPublicHolidays(2025).some((h) => h.date === '2025-04-26')).toBe(true);
  });
});
