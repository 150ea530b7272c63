/**
 * Everything that depends on one employee's row of the roster: labour rules (hard legal/cao,
 * soft healthy/preference), overlapping shifts and fixed cells that are not allowed (hard), and
 * the soft terms contract hours, wishes, fair shares, healthy patterns and changes to a
 * published roster. A move re-evaluates only the rows it touched.
 *
 * With a collector the same terms also report each match (explain); the rule part then goes
 * through the rule engine's report path instead of the score-only sink.
 */
import { KIND, type ShiftInput } from '@planmaat/rules';
import { OFF, PATTERN_CONTEXT_DAYS, refusesWish, type CareModel } from './compile.ts';
import { CONTEXT_SOURCE, HARD_POINT, PeriodRuleScorer, shiftKindName, type RuleMatch } from './rule-score.ts';

export type Level = 'hard' | 'medium' | 'soft';

export interface Match {
  constraint: string;
  level: Level;
  penalty: number;
  employeeId?: string;
  dates: string[];
  shiftTypeId?: string;
  value?: number;
  limit?: number;
  unit?: string;
  message: { nl: string; en: string };
  cite?: string;
  needsConsent?: boolean;
}

export type Collect = (m: Match) => void;

/** A structural violation (overlap, a fixed cell that may not be worked) outweighs any rule. */
export const STRUCTURAL_PENALTY = 10 * HARD_POINT;

export interface EmployeeScore {
  hard: number;
  soft: number;
}

const hm = (minutes: number) =>
  `${Math.floor(Math.abs(minutes) / 60)}:${String(Math.round(Math.abs(minutes) % 60)).padStart(2, '0')}`;

export class EmployeeTerms {
  readonly rules: PeriodRuleScorer;
  private bStart: Int32Array;
  private bEnd: Int32Array;
  private bBreak: Int32Array;
  private bKind: Uint8Array;
  private bDay: Int32Array;
  private bOwn: Uint8Array;
  private readonly ruleOut = new Float64Array(2);
  private readonly work: Int8Array;

  constructor(readonly m: CareModel) {
    let first = m.periodStart;
    let last = m.periodEnd;
    for (let e = 0; e < m.E; e++) {
      const cs = m.ctxStart[e];
      if (cs.length > 0) first = Math.min(first, cs[0]);
      for (const end of m.ctxEnd[e]) if (end > last) last = end;
    }
    const spanWeeks = Math.ceil((last - first) / (7 * 1440)) + 1;
    this.rules = new PeriodRuleScorer(
      m.ruleProfiles,
      m.periodStart,
      m.periodEnd,
      m.weights.softRule,
      spanWeeks,
    );
    let maxCtx = 0;
    for (const c of m.ctxStart) if (c.length > maxCtx) maxCtx = c.length;
    const n = maxCtx + m.D + 1;
    this.bStart = new Int32Array(n);
    this.bEnd = new Int32Array(n);
    this.bBreak = new Int32Array(n);
    this.bKind = new Uint8Array(n);
    this.bDay = new Int32Array(n);
    this.bOwn = new Uint8Array(n);
    this.work = new Int8Array(PATTERN_CONTEXT_DAYS + m.D);
  }

  /** Merge the context blocks with the row's shifts (both sorted); returns the block count. */
  private merge(e: number, cells: Int8Array): number {
    const m = this.m;
    const { D, S } = m;
    const cs = m.ctxStart[e];
    const ce = m.ctxEnd[e];
    const cb = m.ctxBreak[e];
    const ck = m.ctxKind[e];
    let i = 0;
    let n = 0;
    const base = e * D;
    for (let d = 0; d < D; d++) {
      const s = cells[base + d];
      if (s === OFF) continue;
      const k = d * S + s;
      const start = m.shStart[k];
      while (i < cs.length && cs[i] <= start) {
        this.bStart[n] = cs[i];
        this.bEnd[n] = ce[i];
        this.bBreak[n] = cb[i];
        this.bKind[n] = ck[i];
        this.bDay[n] = -1;
        n++;
        i++;
      }
      this.bStart[n] = start;
      this.bEnd[n] = m.shEnd[k];
      this.bBreak[n] = m.shBreak[k];
      this.bKind[n] = KIND.work;
      this.bDay[n] = d;
      n++;
    }
    while (i < cs.length) {
      this.bStart[n] = cs[i];
      this.bEnd[n] = ce[i];
      this.bBreak[n] = cb[i];
      this.bKind[n] = ck[i];
      this.bDay[n] = -1;
      n++;
      i++;
    }
    return n;
  }

  /** Score row e of `cells` into `out`; with `collect`, also report every match. */
  evaluate(e: number, cells: Int8Array, out: EmployeeScore, collect?: Collect): void {
    const m = this.m;
    const { D, S, weights: w } = m;
    const emp = m.employees[e];
    const base = e * D;
    let hard = 0;
    let soft = 0;
    const n = this.merge(e, cells);

    // Structural: overlapping work, fixed cells that may not be worked.
    let lastWork = -1;
    for (let b = 0; b < n; b++) {
      if (this.bKind[b] !== KIND.work) continue;
      if (
        lastWork >= 0 &&
        this.bStart[b] < this.bEnd[lastWork] &&
        (this.bDay[b] >= 0 || this.bDay[lastWork] >= 0)
      ) {
        hard += STRUCTURAL_PENALTY;
        if (collect) {
          const d = this.bDay[b] >= 0 ? this.bDay[b] : this.bDay[lastWork];
          collect({
            constraint: 'structural.overlap',
            level: 'hard',
            penalty: STRUCTURAL_PENALTY,
            employeeId: emp.id,
            dates: [m.dates[d]],
            message: {
              nl: `${emp.name}: twee diensten overlappen op ${m.dates[d]}`,
              en: `${emp.name}: two shifts overlap on ${m.dates[d]}`,
            },
          });
        }
      }
      if (lastWork < 0 || this.bEnd[b] > this.bEnd[lastWork]) lastWork = b;
    }
    for (let d = 0; d < D; d++) {
      const s = cells[base + d];
      if (s !== OFF && !m.allowed[(base + d) * S + s]) {
        hard += STRUCTURAL_PENALTY;
        collect?.({
          constraint: 'structural.unavailable',
          level: 'hard',
          penalty: STRUCTURAL_PENALTY,
          employeeId: emp.id,
          dates: [m.dates[d]],
          shiftTypeId: m.shiftTypes[s].id,
          message: {
            nl: `${emp.name} kan ${m.shiftTypes[s].code} op ${m.dates[d]} niet werken (afwezig, niet bevoegd, geen nachten of vastgezet)`,
            en: `${emp.name} cannot work ${m.shiftTypes[s].code} on ${m.dates[d]} (absent, not qualified, no nights, or pinned)`,
          },
        });
      }
    }

    // Labour rules.
    if (!collect) {
      for (let b = 0; b < n; b++) this.bOwn[b] = this.bDay[b] >= 0 ? 1 : 0;
      this.rules.score(
        emp.id,
        n,
        this.bStart,
        this.bEnd,
        this.bBreak,
        this.bKind,
        this.bOwn,
        m.adultFrom[e],
        this.ruleOut,
      );
      hard += this.ruleOut[0];
      soft += this.ruleOut[1];
    } else {
      const shifts: ShiftInput[] = [];
      for (let b = 0; b < n; b++)
        shifts.push({
          employee: emp.id,
          start: this.bStart[b],
          end: this.bEnd[b],
          breakMinutes: this.bBreak[b],
          kind: shiftKindName(this.bKind[b]),
          source: this.bDay[b] >= 0 ? `${m.dates[this.bDay[b]]}` : CONTEXT_SOURCE,
        });
      for (const r of this.rules.report(emp.id, shifts, emp.birthDate)) {
        if (r.hard) hard += r.penalty;
        else soft += r.penalty;
        collect(ruleMatch(emp.id, r));
      }
    }

    // Hours, fair shares.
    let minutes = 0;
    let nights = 0;
    let weekendShifts = 0;
    let evenings = 0;
    for (let d = 0; d < D; d++) {
      const s = cells[base + d];
      if (s === OFF) continue;
      minutes += m.shWork[d * S + s];
      nights += m.isNight[s];
      evenings += m.isEvening[s];
      weekendShifts += m.isWeekend[d];
    }
    const deviation = minutes - m.targetMinutes[e];
    const hoursPenalty = Math.round((w.contractHour * Math.abs(deviation)) / 60);
    soft += hoursPenalty;
    if (collect && hoursPenalty > 0)
      collect({
        constraint: 'hours.contract',
        level: 'soft',
        penalty: hoursPenalty,
        employeeId: emp.id,
        dates: [],
        value: Math.round(minutes),
        limit: Math.round(m.targetMinutes[e]),
        unit: 'min',
        message: {
          nl: `${emp.name}: ${hm(minutes)} u ingeroosterd, contract (na afwezigheid) ${hm(m.targetMinutes[e])} u (${deviation > 0 ? 'meer' : 'minder'})`,
          en: `${emp.name}: ${hm(minutes)} h rostered, contract (after absence) ${hm(m.targetMinutes[e])} h (${deviation > 0 ? 'over' : 'under'})`,
        },
      });
    soft += this.fair(
      e,
      'fair.nights',
      nights,
      m.fairNightTarget[e],
      w.fairNights,
      collect,
      'nachtdiensten',
      'night shifts',
    );
    soft += this.fair(
      e,
      'fair.weekends',
      weekendShifts,
      m.fairWeekendTarget[e],
      w.fairWeekends,
      collect,
      'weekenddiensten',
      'weekend shifts',
    );
    soft += this.fair(
      e,
      'fair.evenings',
      evenings,
      m.fairEveningTarget[e],
      w.fairEvenings,
      collect,
      'late diensten',
      'evening shifts',
    );

    // Wishes.
    for (const wish of m.wishes[e]) {
      if (!refusesWish(wish, cells[base + wish.day])) continue;
      const penalty = (wish.kind === 'wanted-shift' ? w.wishWanted : w.wishOff) * wish.priority;
      soft += penalty;
      if (collect) {
        const code = wish.shift >= 0 ? m.shiftTypes[wish.shift].code : '';
        const what =
          wish.kind === 'day-off'
            ? { nl: 'vrije dag', en: 'day off' }
            : wish.kind === 'unwanted-shift'
              ? { nl: `geen ${code}`, en: `no ${code}` }
              : { nl: `graag ${code}`, en: `wants ${code}` };
        collect({
          constraint: `wish.${wish.kind}`,
          level: 'soft',
          penalty,
          employeeId: emp.id,
          dates: [m.dates[wish.day]],
          value: wish.priority,
          message: {
            nl: `${emp.name}: wens "${what.nl}" op ${m.dates[wish.day]} (prioriteit ${wish.priority}) niet gehonoreerd`,
            en: `${emp.name}: wish "${what.en}" on ${m.dates[wish.day]} (priority ${wish.priority}) not granted`,
          },
        });
      }
    }

    soft += this.patterns(e, cells, collect);

    // Changes to a published roster.
    if (m.baseline) {
      for (let d = 0; d < D; d++) {
        if (cells[base + d] === m.baseline[base + d]) continue;
        const penalty = m.changeCost[d];
        soft += penalty;
        if (collect) {
          const from = m.baseline[base + d];
          const to = cells[base + d];
          const code = (s: number) => (s === OFF ? 'vrij/free' : m.shiftTypes[s].code);
          const consent = m.needsConsent[d] === 1;
          collect({
            constraint: 'change.published',
            level: 'soft',
            penalty,
            employeeId: emp.id,
            dates: [m.dates[d]],
            needsConsent: consent,
            message: {
              nl: `${emp.name}: ${m.dates[d]} gewijzigd van ${code(from)} naar ${code(to)}${consent ? ` — binnen ${m.noticeDays} dagen: toestemming nodig` : ''}`,
              en: `${emp.name}: ${m.dates[d]} changed from ${code(from)} to ${code(to)}${consent ? ` — within ${m.noticeDays} days: needs consent` : ''}`,
            },
          });
        }
      }
    }
    out.hard = hard;
    out.soft = soft;
  }

  private fair(
    e: number,
    constraint: string,
    count: number,
    target: number,
    weight: number,
    collect: Collect | undefined,
    nl: string,
    en: string,
  ): number {
    const dev = count - target;
    const penalty = Math.round(weight * dev * dev);
    if (collect && penalty > 0) {
      const name = this.m.employees[e].name;
      collect({
        constraint,
        level: 'soft',
        penalty,
        employeeId: this.m.employees[e].id,
        dates: [],
        value: count,
        limit: Math.round(target * 10) / 10,
        unit: 'count',
        message: {
          nl: `${name}: ${count} ${nl}, eerlijk aandeel naar contract ${target.toFixed(1)}`,
          en: `${name}: ${count} ${en}, fair share by contract ${target.toFixed(1)}`,
        },
      });
    }
    return penalty;
  }

  /** Healthy rostering on the day grid (the week before the period informs the start). */
  private patterns(e: number, cells: Int8Array, collect: Collect | undefined): number {
    const m = this.m;
    const { D, weights: w } = m;
    const P = PATTERN_CONTEXT_DAYS;
    const work = this.work; // rotation order per day, OFF when free
    for (let k = 0; k < P; k++) work[k] = m.prevPattern[e * P + k];
    for (let d = 0; d < D; d++) {
      const s = cells[e * D + d];
      work[P + d] = s === OFF ? OFF : m.rotation[s];
    }
    let penalty = 0;
    const emp = m.employees[e];
    const report = (constraint: string, p: number, days: number[], nl: string, en: string) => {
      collect?.({
        constraint,
        level: 'soft',
        penalty: p,
        employeeId: emp.id,
        dates: days.filter((d) => d >= 0 && d < D).map((d) => m.dates[d]),
        message: { nl: `${emp.name}: ${nl}`, en: `${emp.name}: ${en}` },
      });
    };
    let run = 0;
    for (let i = 0; i < P + D; i++) {
      const d = i - P;
      const on = work[i] !== OFF;
      run = on ? run + 1 : 0;
      if (d < 0) continue;
      if (on && run > w.maxSeries) {
        penalty += w.longSeries;
        if (collect)
          report(
            'healthy.long-series',
            w.longSeries,
            [d],
            `${run}e werkdag op rij (max ${w.maxSeries})`,
            `work day ${run} in a row (max ${w.maxSeries})`,
          );
      }
      const prev = work[i - 1];
      if (on && prev !== OFF && work[i] < prev) {
        penalty += w.backwardRotation;
        if (collect)
          report(
            'healthy.backward-rotation',
            w.backwardRotation,
            [d - 1, d],
            'achterwaartse rotatie (vroegere dienst na latere)',
            'backward rotation (earlier shift after a later one)',
          );
      }
      if (d + 1 < D) {
        const next = work[i + 1];
        if (on && prev === OFF && next === OFF) {
          penalty += w.isolatedDay;
          if (collect)
            report(
              'healthy.isolated-day',
              w.isolatedDay,
              [d],
              'losse werkdag tussen vrije dagen',
              'isolated work day between days off',
            );
        }
        if (!on && prev !== OFF && next !== OFF) {
          penalty += w.onOffOn;
          if (collect)
            report(
              'healthy.on-off-on',
              w.onOffOn,
              [d - 1, d, d + 1],
              'één losse vrije dag tussen werkdagen',
              'single day off between work days',
            );
        }
      }
    }
    return penalty;
  }
}

function ruleMatch(employeeId: string, r: RuleMatch): Match {
  const v = r.violation;
  const dates = new Set<string>();
  for (const s of v.shifts) if (s.source && s.source !== CONTEXT_SOURCE) dates.add(s.source);
  return {
    constraint: r.rule.id,
    level: r.hard ? 'hard' : 'soft',
    penalty: r.penalty,
    employeeId,
    dates: [...dates].sort(),
    value: v.value,
    limit: v.limit,
    unit: v.unit,
    message: r.message,
    cite: r.rule.cite,
  };
}
