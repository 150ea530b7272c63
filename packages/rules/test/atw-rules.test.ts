import { describe, expect, it } from 'vitest';
import { addDays, toEpochMinutes } from '@planmaat/domain';
import { D_AFTER_0200, D_NIGHT, Timeline } from '../src/timeline.ts';
import { check, daily, of, on, sh } from './helpers.ts';

// 2026-03-02 is a Monday; 2026-03-29 and 2026-10-25 are the DST Sundays.

function timelineOf(...shifts: ReturnType<typeof sh>[]) {
  return new Timeline().loadShifts('E1', shifts, -Infinity);
}

describe('diensten and night classification', () => {
  it('merges blocks less than 8 h apart into one dienst; 8 h apart are two', () => {
    expect(
      timelineOf(on('2026-03-02', '07:00', '14:00'), sh('2026-03-02T21:59', '2026-03-03T03:00')).nd,
    ).toBe(1);
    expect(
      timelineOf(on('2026-03-02', '07:00', '14:00'), sh('2026-03-02T22:00', '2026-03-03T03:00')).nd,
    ).toBe(2);
  });

  it('applies the 12 h maximum to the merged dienst (7 h + 5 h 01 min, 7 h 59 min apart)', () => {
    const merged = [on('2026-03-02', '07:00', '14:00'), sh('2026-03-02T21:59', '2026-03-03T03:00')];
    const v = of('atw.shift-length', merged);
    expect(v).toHaveLength(1);
    expect(v[0].value).toBe(721);
    expect(v[0].shifts).toHaveLength(2);
    // The gap inside the dienst is a pause, so the break rule is satisfied.
    expect(of('atw.break', merged)).toHaveLength(0);
    // 8 h apart: two diensten, no violation of the 12 h maximum.
    expect(
      of('atw.shift-length', [
        on('2026-03-02', '07:00', '14:00'),
        sh('2026-03-02T22:00', '2026-03-03T03:01'),
      ]),
    ).toHaveLength(0);
  });

  it.each([
    ['15:00', '01:00', 0, false, 'exactly 1 h between 00:00 and 06:00 is not a night shift'],
    ['15:00', '01:01', 0, true, '1 h 01 min is'],
    ['04:30', '13:00', 0, true, 'a start at 04:30 is a night shift'],
    ['05:00', '14:00', 0, false, 'a start at 05:00 has only 1 h'],
    ['23:30', '01:30', 30, false, 'the (centred) break is not work: 1 h 30 min − 30 min'],
  ])('%s–%s (break %i): night %s — %s', (from, to, brk, night) => {
    const date = from < '12:00' ? '2026-03-03' : '2026-03-02';
    const tl = timelineOf(on(date, from, to, brk));
    expect((tl.dFlags[0] & D_NIGHT) !== 0).toBe(night);
  });

  it('"ends after 02:00" is strict', () => {
    expect(timelineOf(on('2026-03-02', '18:00', '02:00')).dFlags[0] & D_AFTER_0200).toBe(0);
    expect(timelineOf(on('2026-03-02', '18:00', '02:01')).dFlags[0] & D_AFTER_0200).toBe(D_AFTER_0200);
  });

  it('measures real elapsed minutes across both 2026 DST nights', () => {
    expect(timelineOf(on('2026-03-28', '22:00', '07:00')).dWork[0]).toBe(8 * 60);
    expect(timelineOf(on('2026-10-24', '22:00', '07:00')).dWork[0]).toBe(10 * 60);
  });
});

describe('atw.shift-length (ATW 5:7 lid 2 a)', () => {
  it('12 h of work is fine, 12 h 01 min is not', () => {
    expect(of('atw.shift-length', [on('2026-03-02', '07:00', '19:30', 30)])).toHaveLength(0);
    const v = of('atw.shift-length', [on('2026-03-02', '07:00', '19:31', 30)]);
    expect(v.map((x) => [x.value, x.limit, x.unit, x.tier])).toEqual([[721, 720, 'min', 'legal']]);
    expect(v[0].unconfirmed).toBe(false);
  });

  it('applies to night diensten too, and the October night is an hour longer', () => {
    // 20:00–08:00 with 30 min break: 11 h 30 min normally, 12 h 30 min on 24/25 October 2026.
    expect(of('atw.shift-length', [on('2026-10-17', '20:00', '08:00', 30)])).toHaveLength(0);
    const v = of('atw.shift-length', [on('2026-10-24', '20:00', '08:00', 30)]);
    expect(v.map((x) => x.value)).toEqual([750]);
    const night = of('atw.night-shift-length', [on('2026-10-24', '20:00', '08:00', 30)]);
    expect(night.map((x) => [x.aspect, x.value, x.limit])).toEqual([[undefined, 750, 720]]);
  });
});

describe('atw.week-hours (ATW 5:7 lid 2 b, calendar week)', () => {
  it('60 h in Monday–Sunday is fine, 60 h 01 min is not', () => {
    const ok = daily('2026-03-02', 5, '07:00', '19:00');
    expect(of('atw.week-hours', ok)).toHaveLength(0);
    const over = [...daily('2026-03-02', 4, '07:00', '19:00'), on('2026-03-06', '07:00', '19:01')];
    const v = of('atw.week-hours', over);
    expect(v.map((x) => [x.value, x.limit, x.start, x.end])).toEqual([
      [3601, 3600, toEpochMinutes('2026-03-02T00:00'), toEpochMinutes('2026-03-09T00:00')],
    ]);
    expect(v[0].shifts).toHaveLength(5);
  });

  it('splits a Sunday→Monday night over both weeks', () => {
    const shifts = [...daily('2026-03-02', 5, '07:00', '19:00'), on('2026-03-08', '22:00', '07:00')];
    const v = of('atw.week-hours', shifts);
    expect(v.map((x) => x.value)).toEqual([60 * 60 + 120]);
  });

  it('counts leave and sick hours as worked time (ATW 5:2)', () => {
    const base = daily('2026-03-02', 4, '07:00', '19:00');
    expect(of('atw.week-hours', [...base, on('2026-03-06', '07:00', '19:00', 0, 'leave')])).toHaveLength(0);
    expect(of('atw.week-hours', [...base, on('2026-03-06', '07:00', '19:01', 0, 'sick')])).toHaveLength(1);
    // On-call from home is not working time.
    expect(
      of('atw.week-hours', [...base, on('2026-03-06', '07:00', '19:01', 0, 'on-call-home')]),
    ).toHaveLength(0);
  });
});

describe('atw.avg-4w (ATW 5:7 lid 3)', () => {
  const weeks = (n: number) =>
    Array.from({ length: n }, (_, w) => daily(addDays('2026-03-02', 7 * w), 5, '07:00', '18:00')).flat();

  it('4 × 55 h is fine, one more minute is not', () => {
    expect(of('atw.avg-4w', weeks(4))).toHaveLength(0);
    const shifts = weeks(4);
    shifts[19] = on('2026-03-27', '07:00', '18:01');
    const v = of('atw.avg-4w', shifts);
    expect(v).toHaveLength(1);
    expect(v[0].value).toBeCloseTo(3300.25);
    expect(v[0].limit).toBe(3300);
    expect(v[0].unit).toBe('min/week');
    expect(v[0].details.total).toBe(13201);
    expect(v[0].start).toBe(toEpochMinutes('2026-03-02T00:00'));
    expect(v[0].end).toBe(toEpochMinutes('2026-03-30T00:00'));
  });

  it('uses rolling windows, not fixed blocks', () => {
    // Heavy weeks 3–6 of an 8-week run: only windows containing all four violate.
    const shifts = weeks(8);
    const extra = [
      on('2026-03-21', '07:00', '10:00'),
      on('2026-03-28', '07:00', '10:00'),
      on('2026-04-04', '07:00', '10:00'),
      on('2026-04-11', '07:00', '10:00'),
    ];
    const v = of('atw.avg-4w', [...shifts, ...extra]);
    expect(v).toHaveLength(1);
    expect(v[0].start).toBe(toEpochMinutes('2026-03-16T00:00'));
  });
});

describe('atw.avg-16w (ATW 5:7 lid 2 c, 5:8 lid 2)', () => {
  const plainWeek = (monday: string) => daily(monday, 4, '07:00', '19:00'); // 48 h
  const nightWeek = (monday: string) => [
    on(monday, '22:00', '08:00'),
    ...daily(addDays(monday, 2), 3, '08:00', '18:00'),
  ]; // 40 h with one night

  it('16 × 48 h is fine, one more minute is not', () => {
    const shifts = Array.from({ length: 16 }, (_, w) => plainWeek(addDays('2026-01-05', 7 * w))).flat();
    expect(of('atw.avg-16w', shifts)).toHaveLength(0);
    shifts[shifts.length - 1] = on('2026-04-23', '07:00', '19:01');
    const v = of('atw.avg-16w', shifts);
    expect(v.map((x) => [x.value, x.limit])).toEqual(
      [[2880 + 1 / 16, 2880]].map(([a, b]) => [Math.round(a * 100) / 100, b]),
    );
  });

  it('with 16 night shifts in the 16 weeks the limit is 40 h', () => {
    const shifts = Array.from({ length: 16 }, (_, w) => nightWeek(addDays('2026-01-05', 7 * w))).flat();
    expect(of('atw.avg-16w', shifts)).toHaveLength(0);
    shifts[shifts.length - 1] = on('2026-04-24', '08:00', '18:01');
    const v = of('atw.avg-16w', shifts);
    expect(v).toHaveLength(1);
    expect(v[0].limit).toBe(2400);
    expect(v[0].aspect).toBe('night');
    expect(v[0].details.nights).toBe(16);
  });

  it('with 15 night shifts the 48 h limit applies', () => {
    const shifts = Array.from({ length: 16 }, (_, w) => nightWeek(addDays('2026-01-05', 7 * w))).flat();
    shifts.splice(0, 1, on('2026-01-05', '08:00', '18:00'));
    shifts[shifts.length - 1] = on('2026-04-24', '08:00', '18:01');
    expect(of('atw.avg-16w', shifts)).toHaveLength(0);
  });
});

describe('atw.daily-rest (ATW 5:3 lid 2)', () => {
  const lateEarly = (date: string, earlyStart: string) => [
    on(date, '13:00', '21:00'),
    on(addDays(date, 1), earlyStart, addClock(earlyStart, 8 * 60)),
  ];

  it('11 h is fine; one shortened rest (10 h 59 min) per 7×24 h is allowed', () => {
    expect(of('atw.daily-rest', lateEarly('2026-03-02', '08:00'))).toHaveLength(0);
    expect(of('atw.daily-rest', lateEarly('2026-03-02', '07:59'))).toHaveLength(0);
  });

  it('a second shortened rest within 7×24 h is a violation', () => {
    const shifts = [...lateEarly('2026-03-02', '07:59'), ...lateEarly('2026-03-04', '07:59')];
    const v = of('atw.daily-rest', shifts);
    expect(v.map((x) => [x.value, x.limit, x.aspect])).toEqual([[659, 660, 'reduction-used']]);
    expect(v[0].start).toBe(toEpochMinutes('2026-03-04T21:00'));
    expect(v[0].end).toBe(toEpochMinutes('2026-03-05T07:59'));
  });

  it('exactly 7×24 h later the reduction is available again', () => {
    const shifts = [...lateEarly('2026-03-02', '07:59'), ...lateEarly('2026-03-09', '07:59')];
    expect(of('atw.daily-rest', shifts)).toHaveLength(0);
  });

  it('less than 8 h between two blocks: one dienst, and no 8 h rest in its 24 h period', () => {
    const v = of('atw.daily-rest', [on('2026-03-02', '13:00', '21:00'), on('2026-03-03', '04:59', '12:59')]);
    expect(v.map((x) => [x.value, x.limit])).toEqual([[479, 480]]);
  });

  it('measures real time across the March DST night (11 h on the clock is 10 h)', () => {
    const shifts = [
      ...lateEarly('2026-03-26', '07:59'),
      on('2026-03-28', '12:00', '20:00'),
      on('2026-03-29', '07:00', '15:00'),
    ];
    const v = of('atw.daily-rest', shifts);
    expect(v.map((x) => [x.value, x.limit])).toEqual([[600, 660]]);
    // In October the same clock times give 11 h real rest: no second reduction.
    const october = [
      ...lateEarly('2026-10-22', '07:59'),
      on('2026-10-24', '12:00', '20:00'),
      on('2026-10-25', '06:00', '14:00'),
    ];
    expect(of('atw.daily-rest', october)).toHaveLength(0);
  });
});

describe('atw.weekly-rest (ATW 5:5 lid 2)', () => {
  const week = (monday: string, satFrom: string, satTo: string) => [
    ...daily(monday, 5, '08:00', '19:00'),
    on(addDays(monday, 5), satFrom, satTo),
  ];
  it('36 h every week is fine; 35 h 59 min (and no 72 h per 14×24 h) is not', () => {
    const ok = [0, 1, 2, 3].flatMap((w) => week(addDays('2026-03-02', 7 * w), '08:00', '20:00'));
    expect(of('atw.weekly-rest', ok)).toHaveLength(0);
    const short = [0, 1, 2, 3].flatMap((w) => week(addDays('2026-03-02', 7 * w), '08:01', '20:01'));
    const v = of('atw.weekly-rest', short);
    expect(v.length).toBeGreaterThan(0);
    expect(v.every((x) => x.limit === 2160)).toBe(true);
    expect(Math.min(...v.map((x) => x.value))).toBe(2159);
  });

  it('72 h in one part per 14×24 h also satisfies the rule', () => {
    // 11 days on, 3 days off, repeated: some 7×24 h windows have no 36 h rest.
    const shifts = [0, 14, 28].flatMap((d) => daily(addDays('2026-03-02', d), 11, '07:00', '15:00'));
    expect(of('atw.weekly-rest', shifts)).toHaveLength(0);
    const noB = daily('2026-03-02', 13, '07:00', '15:00');
    expect(of('atw.weekly-rest', noB).length).toBeGreaterThan(0);
  });
});

describe('atw.break (ATW 5:4 lid 2)', () => {
  it('> 5.5 h needs 30 min', () => {
    expect(of('atw.break', [on('2026-03-02', '07:00', '12:30')])).toHaveLength(0);
    expect(of('atw.break', [on('2026-03-02', '07:00', '12:31')]).map((x) => [x.value, x.limit])).toEqual([
      [0, 30],
    ]);
    expect(of('atw.break', [on('2026-03-02', '07:00', '13:01', 30)])).toHaveLength(0);
  });
  it('> 10 h needs 45 min', () => {
    expect(of('atw.break', [on('2026-03-02', '07:00', '17:30', 30)])).toHaveLength(0);
    expect(of('atw.break', [on('2026-03-02', '07:00', '17:31', 30)]).map((x) => [x.value, x.limit])).toEqual([
      [30, 45],
    ]);
  });
  it('parts of at least 15 min count, shorter ones do not', () => {
    const parts = [
      sh('2026-03-02T07:00', '2026-03-02T09:00'),
      sh('2026-03-02T09:15', '2026-03-02T11:15'),
      sh('2026-03-02T11:30', '2026-03-02T13:31'),
    ];
    expect(of('atw.break', parts)).toHaveLength(0);
    const short = [
      sh('2026-03-02T07:00', '2026-03-02T09:00'),
      sh('2026-03-02T09:14', '2026-03-02T11:15'),
      sh('2026-03-02T11:29', '2026-03-02T13:31'),
    ];
    expect(of('atw.break', short).map((x) => x.value)).toEqual([0]);
    expect(of('atw.break', [on('2026-03-02', '07:00', '13:00', 14)]).map((x) => x.value)).toEqual([0]);
  });
});

describe('atw.night-shift-length (ATW 5:8 lid 1 and 3)', () => {
  it('10 h is fine; up to 12 h is allowed 5 times per 14×24 h', () => {
    expect(of('atw.night-shift-length', [on('2026-03-02', '22:00', '08:30', 30)])).toHaveLength(0);
    const five = [0, 2, 4, 6, 8].map((d) => on(addDays('2026-03-02', d), '22:00', '09:00', 30));
    expect(of('atw.night-shift-length', five)).toHaveLength(0);
    const six = [0, 2, 4, 6, 8, 10].map((d) => on(addDays('2026-03-02', d), '22:00', '09:00', 30));
    const v = of('atw.night-shift-length', six);
    expect(v.map((x) => [x.aspect, x.value, x.limit, x.unit])).toEqual([['count-window', 6, 5, 'count']]);
  });
  it('a long night needs 12 h rest after it', () => {
    const v = of('atw.night-shift-length', [
      on('2026-03-02', '22:00', '09:00', 30),
      on('2026-03-03', '20:59', '23:59'),
    ]);
    expect(v.map((x) => [x.aspect, x.value, x.limit])).toEqual([['rest-after', 719, 720]]);
    expect(
      of('atw.night-shift-length', [
        on('2026-03-02', '22:00', '09:00', 30),
        on('2026-03-03', '21:00', '23:59'),
      ]),
    ).toHaveLength(0);
  });
  it('22 long nights per 52 weeks', () => {
    const nights = (n: number) =>
      Array.from({ length: n }, (_, i) => on(addDays('2026-01-05', 7 * i), '22:00', '09:00', 30));
    expect(of('atw.night-shift-length', nights(22))).toHaveLength(0);
    expect(of('atw.night-shift-length', nights(23)).map((x) => [x.aspect, x.value, x.limit])).toEqual([
      ['count-weeks', 23, 22],
    ]);
  });
});

describe('atw.night-rest (ATW 5:8 lid 4)', () => {
  it('14 h after a night ending after 02:00; once per 7×24 h down to 8 h', () => {
    const night = (d: string, next: string) => [on(d, '22:00', '07:00'), on(addDays(d, 1), next, '23:59')];
    expect(of('atw.night-rest', night('2026-03-02', '21:00'))).toHaveLength(0);
    expect(of('atw.night-rest', night('2026-03-02', '20:59'))).toHaveLength(0);
    const v = of('atw.night-rest', [...night('2026-03-02', '20:59'), ...night('2026-03-04', '20:59')]);
    expect(v.map((x) => [x.value, x.limit, x.aspect])).toEqual([[839, 840, 'reduction-used']]);
  });
  it('a long night (5:8 lid 3) has its own 12 h rest instead of the 14 h, and uses no reduction', () => {
    // Two nights of 10 h 30 min, each followed by exactly 12 h rest, then a normal night with 13 h.
    const shifts = [
      on('2026-03-02', '20:00', '07:15', 45),
      on('2026-03-03', '19:15', '23:15'),
      on('2026-03-05', '20:00', '07:15', 45),
      on('2026-03-06', '19:15', '23:15'),
      on('2026-03-07', '22:00', '06:00', 30),
      on('2026-03-08', '19:00', '23:00'),
    ];
    expect(of('atw.night-rest', shifts)).toHaveLength(0);
    expect(of('atw.night-shift-length', shifts)).toHaveLength(0);
    // Less than 12 h after a long night is reported once, by the long-night rule.
    const short = [on('2026-03-02', '20:00', '07:15', 45), on('2026-03-03', '19:14', '23:15')];
    expect(of('atw.night-rest', short)).toHaveLength(0);
    expect(of('atw.night-shift-length', short).map((x) => [x.aspect, x.value])).toEqual([
      ['rest-after', 719],
    ]);
    // The CAO UMC rule (14 h after every night shift) still applies to long nights.
    expect(of('cao-umc.night-rest', shifts, { select: ['cao-umc'] }).length).toBeGreaterThan(0);
  });
  it('a night ending at 02:00 needs only the daily rest; 02:01 needs 14 h', () => {
    const pair = (end: string, nextStart: string) => [
      on('2026-03-02', '18:00', end),
      on('2026-03-03', nextStart, '18:00'),
    ];
    const at0200 = [
      ...pair('02:00', '10:00'),
      on('2026-03-04', '18:00', '02:00'),
      on('2026-03-05', '10:00', '18:00'),
    ];
    expect(of('atw.night-rest', at0200)).toHaveLength(0);
    expect(of('atw.daily-rest', at0200)).toHaveLength(1);
    const at0201 = [
      ...pair('02:01', '10:01'),
      on('2026-03-04', '18:00', '02:01'),
      on('2026-03-05', '10:01', '18:00'),
    ];
    expect(of('atw.night-rest', at0201).map((x) => [x.value, x.limit])).toEqual([[480, 840]]);
    expect(of('atw.daily-rest', at0201)).toHaveLength(0);
  });
  it('an end in the repeated October hour counts as after 02:00, flagged unconfirmed', () => {
    const secondTwo = toEpochMinutes('2026-10-25T02:00') + 60; // 02:00 CET, after the clocks went back
    const shifts = [
      on('2026-10-20', '22:00', '07:00'),
      on('2026-10-21', '20:00', '23:00'),
      { ...sh('2026-10-24T20:00', '2026-10-25T02:00'), end: secondTwo },
      { ...sh('2026-10-25T13:00', '2026-10-25T20:00') },
    ];
    const v = of('atw.night-rest', shifts);
    expect(v).toHaveLength(1);
    expect(v[0].unconfirmed).toBe(true);
    expect(v[0].dynamicFlags).not.toBe(0);
  });
});

describe('atw.night-series-rest (ATW 5:8 lid 5)', () => {
  const three = daily('2026-03-02', 3, '22:00', '07:00'); // last night ends Thu 07:00
  it('46 h after 3 nights is fine, 45 h 59 min is not', () => {
    expect(of('atw.night-series-rest', [...three, on('2026-03-07', '05:00', '13:00')])).toHaveLength(0);
    const v = of('atw.night-series-rest', [...three, on('2026-03-07', '04:59', '13:00')]);
    expect(v.map((x) => [x.value, x.limit, x.details.nights])).toEqual([[2759, 2760, 3]]);
    expect(v[0].unconfirmed).toBe(true);
  });
  it('two nights need no 46 h', () => {
    expect(
      of('atw.night-series-rest', [...three.slice(0, 2), on('2026-03-05', '07:00', '15:00')]),
    ).toHaveLength(0);
  });
});

describe('atw.night-series-length (ATW 5:8 lid 6)', () => {
  it('7 diensten in a series with a night are fine, 8 are not; a free day ends the series', () => {
    const seven = [...daily('2026-03-02', 6, '07:00', '15:00'), on('2026-03-08', '22:00', '07:00')];
    expect(of('atw.night-series-length', seven)).toHaveLength(0);
    const eight = [...seven, on('2026-03-10', '07:00', '15:00')];
    expect(of('atw.night-series-length', eight).map((x) => [x.value, x.limit])).toEqual([[8, 7]]);
    const split = [...seven, on('2026-03-11', '07:00', '15:00')];
    expect(of('atw.night-series-length', split)).toHaveLength(0);
  });
});

describe('atw.night-count (ATW 5:8 lid 8)', () => {
  const nights = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      on(addDays('2026-01-05', 7 * Math.floor(i / 3) + 2 * (i % 3)), '22:00', '07:00'),
    );
  it('36 nights ending after 02:00 per 16 weeks are fine, 37 are not', () => {
    expect(of('atw.night-count', nights(36))).toHaveLength(0);
    expect(of('atw.night-count', nights(37)).map((x) => [x.value, x.limit])).toEqual([[37, 36]]);
  });
  it('nights ending at 02:00 do not count', () => {
    const early = Array.from({ length: 40 }, (_, i) =>
      on(addDays('2026-01-05', 7 * Math.floor(i / 3) + 2 * (i % 3)), '18:00', '02:00'),
    );
    expect(of('atw.night-count', early)).toHaveLength(0);
  });
});

describe('atw.sundays (ATW 5:6 lid 3)', () => {
  const sundays = (n: number) =>
    Array.from({ length: n }, (_, i) => on(addDays('2026-01-04', 7 * i), '07:00', '15:00'));
  it('13 free Sundays in 52 weeks are fine, 12 are not', () => {
    expect(of('atw.sundays', sundays(39))).toHaveLength(0);
    const v = of('atw.sundays', sundays(40));
    expect(v.map((x) => [x.value, x.limit, x.unit])).toEqual([[12, 13, 'count']]);
    expect(v[0].unconfirmed).toBe(false);
  });
  it('a Saturday night ending on Sunday counts as a worked Sunday, flagged unconfirmed', () => {
    const v = of('atw.sundays', [...sundays(39), on('2026-10-03', '23:00', '07:00')]);
    expect(v).toHaveLength(1);
    expect(v[0].unconfirmed).toBe(true);
  });
});

describe('leave and sick', () => {
  it('do not form diensten and do not interrupt rest', () => {
    const shifts = [
      on('2026-03-02', '13:00', '21:00', 30),
      on('2026-03-03', '02:00', '06:00', 0, 'leave'),
      on('2026-03-03', '08:00', '16:00', 30),
    ];
    expect(of('atw.shift-length', shifts)).toHaveLength(0);
    expect(check(shifts)).toHaveLength(0);
  });
});

function addClock(clock: string, minutes: number): string {
  const [h, m] = clock.split(':').map(Number);
  const t = (h * 60 + m + minutes) % 1440;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}
