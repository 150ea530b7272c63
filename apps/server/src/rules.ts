/**
 * The rule checker this build ships: @planmaat/rules (ATW, ATB care chapter, CAO profiles) over
 * the roster's work shifts and the employees' absences (leave and sick count as worked time, ATW
 * 5:2). Signals only — a violation never blocks a save (the planner decides).
 * Each violation is reported with what the engine measured: rule, tier, source (law or CAO
 * article and edition), value and limit with their unit, the exact period and shifts, and the
 * message in Dutch and English, so no client has to re-derive any of it.
 * Besides the labour rules it reports every shift rostered while its employee is absent (tier
 * `absence`, rule `roster.shift-during-absence`): the shift needs cover.
 */
import {
  absenceShifts,
  absenceShiftsBeside,
  compileRuleSet,
  messageOf,
  RuleEngine,
  unconfirmedReasonsOf,
  type CompiledRule,
  type CompiledRuleSet,
  type ShiftInput,
  type Violation,
} from '@planmaat/rules';
import {
  absenceBlocksShift,
  addDays,
  clockMinutes,
  fromEpochMinutes,
  instantOf,
  toEpochMinutes,
  type OrganisationData,
  type ShiftType,
} from '@planmaat/domain';
import type { RuleChecker, RuleCheckReport, RuleViolationReport } from './rules-port.ts';

/** Local dates from `from` to `to` inclusive (at most 62, the longest window a rule reports). */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < 62; d = addDays(d, 1)) out.push(d);
  return out;
}

function reportOf(
  v: Violation,
  rule: CompiledRule,
  zone: string,
  cellOf: Map<string, { date: string; shiftTypeId: string }>,
): RuleViolationReport {
  const local = (epoch: number) => fromEpochMinutes(epoch, zone).slice(0, 16);
  const period = { start: local(v.start), end: local(v.end) };
  const date = period.start.slice(0, 10);
  // A period ending at midnight ends on the day before.
  const endDate = local(Math.max(v.start, v.end - 1)).slice(0, 10);
  const shifts = v.shifts.map((s) => {
    const cell = cellOf.get(`${s.employee}|${s.start}`);
    return {
      date: cell?.date ?? local(s.start).slice(0, 10),
      start: local(s.start),
      end: local(s.end),
      breakMinutes: s.breakMinutes,
      ...(cell ? { shiftTypeId: cell.shiftTypeId } : {}),
    };
  });
  const dates = shifts.length ? [...new Set(shifts.map((s) => s.date))].sort() : daysBetween(date, endDate);
  const { document, article, edition } = rule.definition.source;
  const messages = { nl: messageOf(v, rule, 'nl'), en: messageOf(v, rule, 'en') };
  return {
    ruleId: v.rule,
    severity: v.tier,
    employeeId: v.employee,
    date,
    message: messages.nl,
    tier: v.tier,
    title: rule.definition.title,
    messages,
    source: { document, article, ...(edition ? { edition } : {}), cite: rule.cite },
    value: v.value,
    limit: v.limit,
    unit: v.unit,
    ...(v.aspect ? { aspect: v.aspect } : {}),
    period,
    endDate,
    dates,
    shifts,
    unconfirmed: v.unconfirmed,
    ...(v.unconfirmed
      ? {
          unconfirmedReasons: {
            nl: unconfirmedReasonsOf(v, rule, 'nl'),
            en: unconfirmedReasonsOf(v, rule, 'en'),
          },
        }
      : {}),
  };
}

/** A shift type's start and end as minutes after midnight of its day (end past 24:00 when it crosses midnight). */
function shiftClock(type: ShiftType): { start: number; end: number; breakMinutes: number } {
  const start = clockMinutes(type.start);
  const end = clockMinutes(type.end);
  return { start, end: end <= start ? end + 1440 : end, breakMinutes: type.breakMinutes };
}

export function createRuleChecker(): RuleChecker {
  const engines = new Map<string, { ruleSet: CompiledRuleSet; engine: RuleEngine }>();
  const engineFor = (profiles: string[]) => {
    const key = profiles.join(',');
    let entry = engines.get(key);
    if (!entry) {
      const ruleSet = compileRuleSet({ select: profiles });
      entry = { ruleSet, engine: new RuleEngine(ruleSet) };
      engines.set(key, entry);
    }
    return entry;
  };
  return {
    check(data: OrganisationData, scope): RuleCheckReport {
      const { ruleSet, engine } = engineFor(data.organisation.ruleProfiles);
      const zone = data.organisation.timeZone;
      // Clock times parsed once per check, not once per cell.
      const clockOf = new Map(data.shiftTypes.map((s) => [s.id, shiftClock(s)]));
      const wanted = scope.employeeIds ? new Set(scope.employeeIds) : undefined;
      // The roster cell behind each shift the engine sees (employee and start instant).
      const cellOf = new Map<string, { date: string; shiftTypeId: string }>();
      const shifts: ShiftInput[] = [];
      for (const a of data.assignments) {
        const clock = clockOf.get(a.shiftTypeId);
        if (!clock || (wanted && !wanted.has(a.employeeId))) continue;
        const start = instantOf(a.date, clock.start, zone);
        cellOf.set(`${a.employeeId}|${start}`, { date: a.date, shiftTypeId: a.shiftTypeId });
        shifts.push({
          employee: a.employeeId,
          start,
          end: instantOf(a.date, clock.end, zone),
          breakMinutes: clock.breakMinutes,
          kind: 'work',
        });
      }
      const employees = data.employees
        .filter((e) => !wanted || wanted.has(e.id))
        .map((e) => ({ id: e.id, birthDate: e.birthDate }));
      const violations = [
        ...absenceConflicts(data, wanted, zone, clockOf),
        ...engine
          .check(withAbsences(data, shifts, wanted, zone), employees)
          .map((v) => reportOf(v, ruleSet.byId.get(v.rule)!, zone, cellOf)),
      ]
        // Context shifts outside the period only inform rules that look back or ahead.
        .filter((v) => v.endDate! >= scope.from && v.date! <= scope.to);
      return { violations, detail: { profiles: ruleSet.profiles, rules: ruleSet.rules.length } };
    },
  };
}

/** Rule id and tier of a shift rostered while its employee is absent: it needs cover. */
export const ABSENCE_CONFLICT_RULE = 'roster.shift-during-absence';
export const ABSENCE_CONFLICT_TIER = 'absence';

const ABSENCE_TEXT: Record<
  string,
  { title: { nl: string; en: string }; during: { nl: string; en: string } }
> = {
  sick: {
    title: { nl: 'Ingeroosterd terwijl ziek gemeld', en: 'Rostered while reported sick' },
    during: { nl: 'de ziekmelding', en: 'the sick report' },
  },
  leave: {
    title: { nl: 'Ingeroosterd tijdens verlof', en: 'Rostered during leave' },
    during: { nl: 'het verlof', en: 'the leave' },
  },
  unavailable: {
    title: { nl: 'Ingeroosterd terwijl niet beschikbaar', en: 'Rostered while unavailable' },
    during: { nl: 'een periode van niet beschikbaar', en: 'a period of unavailability' },
  },
  training: {
    title: { nl: 'Ingeroosterd tijdens scholing', en: 'Rostered during training' },
    during: { nl: 'de scholing', en: 'the training' },
  },
  'parental-leave': {
    title: { nl: 'Ingeroosterd tijdens ouderschapsverlof', en: 'Rostered during parental leave' },
    during: { nl: 'het ouderschapsverlof', en: 'the parental leave' },
  },
};

/** "05-01-2027" from a local date, as the rule messages write dates. */
const dmy = (date: string) => `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;

/** An absence's period in words: whole days "05-01-2027 t/m 07-01-2027", else with clock times. */
function absencePeriodText(start: string, end: string, lang: 'nl' | 'en'): string {
  if (start.endsWith('T00:00') && end.endsWith('T00:00')) {
    const first = start.slice(0, 10);
    const last = addDays(end.slice(0, 10), -1);
    if (first === last) return lang === 'nl' ? `op ${dmy(first)}` : `on ${dmy(first)}`;
    return lang === 'nl' ? `van ${dmy(first)} t/m ${dmy(last)}` : `from ${dmy(first)} to ${dmy(last)}`;
  }
  const at = (x: string) => `${dmy(x.slice(0, 10))} ${x.slice(11, 16)}`;
  return lang === 'nl' ? `van ${at(start)} tot ${at(end)}` : `from ${at(start)} until ${at(end)}`;
}

/**
 * Shifts rostered on a day the employee is absent (sick, leave, …): the absence meets the shift
 * or its calendar day, the same reading as the roster optimiser, which never plans such a cell.
 * Not a labour rule (no article): a signal that the shift needs cover.
 */
export function absenceConflicts(
  data: OrganisationData,
  wanted: Set<string> | undefined,
  zone: string,
  clockOf: Map<string, { start: number; end: number; breakMinutes: number }>,
): RuleViolationReport[] {
  if (data.absences.length === 0) return [];
  const byEmployee = new Map<
    string,
    Array<{ a: (typeof data.absences)[number]; from: number; to: number }>
  >();
  for (const a of data.absences) {
    if (wanted && !wanted.has(a.employeeId)) continue;
    const list = byEmployee.get(a.employeeId) ?? [];
    list.push({ a, from: toEpochMinutes(a.start, zone), to: toEpochMinutes(a.end, zone) });
    byEmployee.set(a.employeeId, list);
  }
  const codeOf = new Map(data.shiftTypes.map((s) => [s.id, s.code]));
  const local = (epoch: number) => fromEpochMinutes(epoch, zone).slice(0, 16);
  const out: RuleViolationReport[] = [];
  for (const cell of data.assignments) {
    const absences = byEmployee.get(cell.employeeId);
    const clock = clockOf.get(cell.shiftTypeId);
    if (!absences || !clock) continue;
    const start = instantOf(cell.date, clock.start, zone);
    const end = instantOf(cell.date, clock.end, zone);
    const day = {
      start: toEpochMinutes(`${cell.date}T00:00`, zone),
      end: toEpochMinutes(`${addDays(cell.date, 1)}T00:00`, zone),
    };
    const hit = absences.find(({ from, to }) =>
      absenceBlocksShift({ start: from, end: to }, day, { start, end }),
    );
    if (!hit) continue;
    const text = ABSENCE_TEXT[hit.a.kind] ?? ABSENCE_TEXT.unavailable!;
    const code = codeOf.get(cell.shiftTypeId) ?? cell.shiftTypeId;
    const times = `${local(start).slice(11)}–${local(end).slice(11)}`;
    const messages = {
      nl: `Dienst ${code} op ${dmy(cell.date)} (${times}) valt in ${text.during.nl} ${absencePeriodText(hit.a.start, hit.a.end, 'nl')}: zoek vervanging of haal de dienst weg.`,
      en: `Shift ${code} on ${dmy(cell.date)} (${times}) falls in ${text.during.en} ${absencePeriodText(hit.a.start, hit.a.end, 'en')}: find cover or remove the shift.`,
    };
    out.push({
      ruleId: ABSENCE_CONFLICT_RULE,
      severity: ABSENCE_CONFLICT_TIER,
      tier: ABSENCE_CONFLICT_TIER,
      employeeId: cell.employeeId,
      date: cell.date,
      endDate: cell.date,
      message: messages.nl,
      title: text.title,
      messages,
      aspect: hit.a.kind,
      period: { start: hit.a.start, end: hit.a.end },
      dates: [cell.date],
      shifts: [
        {
          date: cell.date,
          start: local(start),
          end: local(end),
          breakMinutes: clock.breakMinutes,
          shiftTypeId: cell.shiftTypeId,
        },
      ],
      unconfirmed: false,
    });
  }
  return out;
}

/** The work shifts plus the employees' leave and sick hours, which count as worked time (ATW 5:2). */
function withAbsences(
  data: OrganisationData,
  shifts: ShiftInput[],
  wanted: Set<string> | undefined,
  zone: string,
): ShiftInput[] {
  if (data.absences.length === 0) return shifts;
  const contractOf = new Map(data.employees.map((e) => [e.id, e.contractHoursPerWeek]));
  const absent = data.absences.flatMap((a) => {
    const hours = contractOf.get(a.employeeId);
    if (hours === undefined || (wanted && !wanted.has(a.employeeId))) return [];
    return absenceShifts(a, hours, zone);
  });
  return [...shifts, ...absenceShiftsBeside(shifts, absent)];
}

export async function productRuleChecker(): Promise<RuleChecker | undefined> {
  return createRuleChecker();
}
