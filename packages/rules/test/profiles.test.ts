import { describe, expect, it } from 'vitest';
import { addDays, InputError } from '@planmaat/domain';
import {
  compileRuleSet,
  IncrementalChecker,
  messageOf,
  RuleEngine,
  Timeline,
  TimelineScorer,
  RULES,
  PROFILE_NAMES,
  type ShiftInput,
  type Violation,
} from '../src/index.ts';
import { adultFromDay } from '../src/engine.ts';
import { check, daily, of, on } from './helpers.ts';
import { Random } from '@planmaat/domain';

describe('catalogue', () => {
  it('has the stable ATW ids and every profile', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const id of [
      'atw.shift-length',
      'atw.week-hours',
      'atw.avg-4w',
      'atw.avg-16w',
      'atw.daily-rest',
      'atw.weekly-rest',
      'atw.break',
      'atw.night-shift-length',
      'atw.night-rest',
      'atw.night-series-rest',
      'atw.night-series-length',
      'atw.night-count',
      'atw.sundays',
    ])
      expect(ids.has(id), id).toBe(true);
    for (const p of PROFILE_NAMES) expect(() => compileRuleSet({ select: [p] })).not.toThrow();
  });

  it('rejects an unknown profile and lists the known ones', () => {
    expect(() => compileRuleSet({ select: ['cao-bogus'] })).toThrow(InputError);
    expect(() => compileRuleSet({ select: ['cao-bogus'] })).toThrow(
      /known profiles: atw, atw-minor, atb-care/,
    );
  });

  it('accepts single rule ids', () => {
    expect(compileRuleSet({ select: ['atw.break'] }).rules.map((r) => r.id)).toEqual(['atw.break']);
  });
});

describe('young workers (atw-minor)', () => {
  const minor = [{ id: 'E1', birthDate: '2009-06-15' }];
  it('applies 9 h, 23:00–06:00 and 4.5 h break rules to 16–17-year-olds instead of the adult ones', () => {
    const shifts = [on('2026-03-02', '08:00', '17:31', 30)];
    expect(of('atw-minor.shift-length', shifts, { employees: minor }).map((v) => v.value)).toEqual([541]);
    expect(of('atw.shift-length', shifts, { employees: minor })).toHaveLength(0);
    expect(
      of('atw-minor.shift-length', [on('2026-03-02', '08:00', '17:30', 30)], { employees: minor }),
    ).toHaveLength(0);
    expect(
      of('atw-minor.night-work', [on('2026-03-02', '18:00', '23:01', 30)], { employees: minor }).map(
        (v) => v.value,
      ),
    ).toEqual([1]);
    expect(
      of('atw-minor.break', [on('2026-03-02', '08:00', '12:31')], { employees: minor }).map((v) => [
        v.value,
        v.limit,
      ]),
    ).toEqual([[0, 30]]);
    expect(of('atw-minor.break', [on('2026-03-02', '08:00', '12:30')], { employees: minor })).toHaveLength(0);
  });

  it('without birth dates only adult rules apply', () => {
    expect(of('atw-minor.shift-length', [on('2026-03-02', '08:00', '17:31', 30)])).toHaveLength(0);
  });

  it('age is taken on the date the shift starts (18th birthday on 2026-03-29)', () => {
    const turning18 = [{ id: 'E1', birthDate: '2008-03-29' }];
    expect(
      of('atw-minor.night-work', [on('2026-03-28', '22:00', '02:00')], { employees: turning18 }),
    ).toHaveLength(1);
    expect(
      of('atw-minor.night-work', [on('2026-03-29', '22:00', '02:00')], { employees: turning18 }),
    ).toHaveLength(0);
    expect(adultFromDay('2008-02-29')).toBe(Date.UTC(2026, 2, 1) / 86_400_000);
  });

  it('minors do no on-call duty', () => {
    const v = of('atw-minor.on-call', [on('2026-03-02', '18:00', '22:00', 0, 'on-call-home')], {
      employees: minor,
    });
    expect(v).toHaveLength(1);
    expect(messageOf(v[0], compileRuleSet().byId.get('atw-minor.on-call')!, 'nl')).toMatch(
      /^Bereikbaarheidsdienst/,
    );
  });
});

describe('CAO profiles, overrides and unconfirmed values', () => {
  const long = [on('2026-03-02', '07:00', '18:15', 45)]; // 10 h 30 min

  it('cao-vvt adds a 10 h maximum and includes the ATW; its value is flagged unconfirmed', () => {
    const v = check(long, { select: ['cao-vvt'] });
    expect(v.map((x) => x.rule)).toEqual(['cao-vvt.shift-length']);
    expect(v[0].tier).toBe('cao');
    expect(v[0].unconfirmed).toBe(true);
    expect(
      check([on('2026-03-02', '07:00', '19:46', 45)], { select: ['cao-vvt'] })
        .map((x) => x.rule)
        .sort(),
    ).toEqual(['atw.shift-length', 'cao-vvt.shift-length']);
  });

  it('an organisation override replaces the value and clears the unconfirmed mark', () => {
    const eleven = [
      { rule: 'cao-vvt.shift-length', params: { maxWorkMinutes: 660 }, basis: 'Cao VVT 2025-2026 art. 5.1' },
    ];
    expect(check(long, { select: ['cao-vvt'], overrides: eleven })).toHaveLength(0);
    const ten = [
      { rule: 'cao-vvt.shift-length', params: { maxWorkMinutes: 600 }, basis: 'Cao VVT 2025-2026 art. 5.1' },
    ];
    const v = check(long, { select: ['cao-vvt'], overrides: ten });
    expect(v.map((x) => [x.rule, x.unconfirmed])).toEqual([['cao-vvt.shift-length', false]]);
  });

  it('rejects overrides for unknown rules or with bad parameters, and can switch a rule off', () => {
    expect(() => compileRuleSet({ overrides: [{ rule: 'atw.nope', basis: 'x' }] })).toThrow(
      /unknown rule "atw.nope"/,
    );
    expect(() =>
      compileRuleSet({
        overrides: [{ rule: 'atw.shift-length', params: { maxWorkMinutes: 'ten' }, basis: 'x' }],
      }),
    ).toThrow(/maxWorkMinutes/);
    const off = compileRuleSet({
      overrides: [{ rule: 'atw.sundays', disabled: true, basis: 'cao art. x (ATW 5:6 lid 4)' }],
    });
    expect(off.byId.has('atw.sundays')).toBe(false);
  });

  it('atb-care allows one 8 h and one 10 h rest per 7×24 h where the ATW allows one', () => {
    const lateEarly = (date: string, early: string) => [
      on(date, '13:00', '21:00', 30),
      on(addDays(date, 1), early, '13:30', 30),
    ];
    const shifts = [...lateEarly('2026-03-02', '05:30'), ...lateEarly('2026-03-04', '07:30')]; // 8 h 30 and 10 h 30
    expect(of('atw.daily-rest', shifts)).toHaveLength(1);
    expect(
      check(shifts, { select: ['atw', 'atb-care'] }).filter((v) => v.rule.endsWith('daily-rest')),
    ).toHaveLength(0);
    const twoShort = [...lateEarly('2026-03-02', '05:30'), ...lateEarly('2026-03-04', '05:30')];
    const v = check(twoShort, { select: ['atw', 'atb-care'] }).filter((x) => x.rule.endsWith('daily-rest'));
    expect(v.map((x) => [x.rule, x.value, x.limit])).toEqual([['atb-care.daily-rest', 510, 600]]);
  });

  it('atb-care caps on-call duties at 3 per 7×24 h', () => {
    const three = [0, 1, 2].map((d) => on(addDays('2026-03-02', d), '17:00', '23:00', 0, 'on-call-home'));
    expect(check(three, { select: ['atb-care'] })).toHaveLength(0);
    const four = [...three, on('2026-03-05', '17:00', '23:00', 0, 'on-call-home')];
    const v = check(four, { select: ['atb-care'] });
    expect(v.map((x) => [x.rule, x.value, x.limit])).toEqual([
      ['atb-care.on-call-combined', 4, 3],
      ['atb-care.on-call-home', 4, 3],
    ]);
  });

  it('cao-ziekenhuizen: at most 5 consecutive nights of at most 9 h', () => {
    const five = daily('2026-03-02', 5, '23:00', '08:30', 30);
    expect(
      check(five, { select: ['cao-ziekenhuizen'] }).filter((v) => v.rule.startsWith('cao-')),
    ).toHaveLength(0);
    const six = daily('2026-03-02', 6, '23:00', '08:31', 30);
    const v = check(six, { select: ['cao-ziekenhuizen'] }).filter((x) => x.rule.startsWith('cao-'));
    expect(v.filter((x) => x.rule === 'cao-ziekenhuizen.consecutive-nights').map((x) => x.value)).toEqual([
      6,
    ]);
    expect(v.filter((x) => x.rule === 'cao-ziekenhuizen.night-shift-length').map((x) => x.value)).toEqual(
      Array(6).fill(541),
    );
  });

  it('messages cite the article in Dutch and English', () => {
    const ruleSet = compileRuleSet();
    const v = of('atw.daily-rest', [
      on('2026-03-02', '13:00', '21:00', 30),
      on('2026-03-03', '07:59', '15:59', 30),
      on('2026-03-04', '13:00', '21:00', 30),
      on('2026-03-05', '07:59', '15:59', 30),
    ]);
    const rule = ruleSet.byId.get('atw.daily-rest')!;
    expect(messageOf(v[0], rule, 'nl')).toMatch(
      /^Rust na dienst 10 u 59 min, minimaal 11 u vereist.*\(ATW art\. 5:3 lid 2\)$/,
    );
    expect(messageOf(v[0], rule, 'en')).toMatch(
      /^Rest after shift 10 h 59 min, at least 11 h required.*\(ATW art\. 5:3 lid 2\)$/,
    );
  });
});

/** A deterministic messy roster: V/L/N/D shifts, leave, sick, on-call, some violations. */
function randomRoster(rng: Random, employee: string, days: number): ShiftInput[] {
  const out: ShiftInput[] = [];
  const types: Array<[string, string, number]> = [
    ['07:00', '15:30', 30],
    ['15:00', '23:30', 30],
    ['23:00', '07:30', 30],
    ['08:30', '17:00', 30],
    ['07:00', '19:30', 45],
    ['22:00', '09:00', 30],
  ];
  for (let d = 0; d < days; d++) {
    const date = addDays('2026-01-05', d);
    const r = rng.next();
    if (r < 0.3) continue;
    if (r < 0.34) {
      out.push({ ...on(date, '09:00', '17:00', 0, rng.chance(0.5) ? 'leave' : 'sick', employee) });
      continue;
    }
    if (r < 0.38) {
      out.push(on(date, '17:00', '23:00', 0, rng.chance(0.7) ? 'on-call-home' : 'on-call-site', employee));
      continue;
    }
    const [from, to, brk] = rng.pick(types);
    out.push(on(date, from, to, brk, 'work', employee));
  }
  // Remove overlaps (other than on-call from home) the way a planning system would not export.
  out.sort((a, b) => a.start - b.start);
  const clean: ShiftInput[] = [];
  for (const s of out) {
    const prev = clean.filter((c) => c.kind !== 'on-call-home').at(-1);
    if (s.kind !== 'on-call-home' && prev && s.start < prev.end) continue;
    clean.push(s);
  }
  return clean;
}

function key(v: Violation): string {
  return `${v.rule}|${v.start}|${v.end}|${v.value}|${v.limit}|${v.aspect ?? ''}|${v.shifts.length}`;
}

describe('incremental re-check', () => {
  const select = ['atw', 'cao-ziekenhuizen', 'cao-ghz', 'cao-ggz', 'cao-umc', 'cao-vvt'];
  it('gives exactly the batch result after every edit', () => {
    const rng = new Random(7);
    const ruleSet = compileRuleSet({ select });
    const batch = new RuleEngine(ruleSet);
    const employees = [
      { id: 'A', birthDate: '1980-01-01' },
      { id: 'B', birthDate: '2009-02-10' },
    ];
    const checker = new IncrementalChecker(ruleSet, employees);
    const roster = [...randomRoster(rng, 'A', 200), ...randomRoster(rng, 'B', 200)];
    checker.load(roster);
    let compared = 0;
    for (let step = 0; step < 150; step++) {
      const employee = rng.chance(0.5) ? 'A' : 'B';
      const shifts = checker.shiftsOf(employee);
      const remove = shifts.length > 0 && rng.chance(0.6) ? [rng.pick(shifts)] : [];
      const date = addDays('2026-01-05', rng.int(200));
      const [from, to, brk] = rng.pick([
        ['07:00', '15:30', 30],
        ['22:00', '08:00', 30],
        ['13:00', '21:30', 30],
        ['06:00', '18:30', 15],
      ] as Array<[string, string, number]>);
      const candidate = on(date, from, to, brk, 'work', employee);
      const rest = shifts.filter((s) => !remove.includes(s) && s.kind !== 'on-call-home');
      const overlaps = rest.some((s) => s.start < candidate.end && candidate.start < s.end);
      const add = overlaps || rng.chance(0.2) ? [] : [candidate];
      const incremental = checker.edit(employee, { remove, add }).map(key).sort();
      const expected = batch
        .checkEmployee(
          employee,
          checker.shiftsOf(employee),
          employees.find((e) => e.id === employee)!.birthDate,
        )
        .map(key)
        .sort();
      expect(incremental).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('solver scoring', () => {
  it('scores a timeline per tier, zero when clean, counting the same violations as the report', () => {
    const ruleSet = compileRuleSet({ select: ['atw', 'cao-vvt'] });
    const scorer = new TimelineScorer(ruleSet);
    const engine = new RuleEngine(ruleSet);
    const tl = new Timeline();
    const out = new Float64Array(4);
    const clean = daily('2026-03-02', 5, '07:00', '15:30', 30);
    tl.loadShifts('E1', clean, -Infinity);
    expect(scorer.score(tl, out)).toBe(0);
    expect([...out]).toEqual([0, 0, 0, 0]);

    const rng = new Random(3);
    const messy = randomRoster(rng, 'E1', 120);
    tl.loadShifts('E1', messy, -Infinity);
    const n = scorer.score(tl, out);
    const report = engine.checkEmployee('E1', messy);
    expect(n).toBe(report.length);
    expect(out[0]).toBeGreaterThan(report.filter((v) => v.tier === 'legal').length - 1);
    expect(out[1] > 0).toBe(report.some((v) => v.tier === 'cao'));
  });
});
