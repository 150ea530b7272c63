/**
 * Labour-rule engine benchmark: 1,000 employees × 52 weeks of realistic care shifts (V/L/N/D,
 * night series, leave, sick, on-call), checked in one batch against the ATW profile; then single
 * edits re-checked incrementally; then the solver's per-employee score. Targets: batch < 1 s,
 * incremental edit < 1 ms median. Run with `npm run bench:rules`.
 */
import { addDays, Random, toEpochMinutes } from '@planmaat/domain';
import {
  compileRuleSet,
  IncrementalChecker,
  RuleEngine,
  Timeline,
  TimelineScorer,
  type ShiftInput,
  type ShiftKind,
} from '@planmaat/rules';

const EMPLOYEES = Number(process.env.BENCH_EMPLOYEES ?? 1000);
const WEEKS = 52;
const FIRST_MONDAY = '2026-01-05';
const EDITS = 2000;

type Code = 'V' | 'L' | 'N' | 'D';
const SHIFT_TYPES: Record<Code, [string, string, number]> = {
  V: ['07:00', '15:30', 30],
  L: ['15:00', '23:30', 30],
  N: ['23:00', '07:30', 30],
  D: ['08:30', '17:00', 30],
};

function at(date: string, clock: string, nextDay: boolean): number {
  return toEpochMinutes(`${nextDay ? addDays(date, 1) : date}T${clock}`);
}

function shift(employee: string, date: string, code: Code, kind: ShiftKind = 'work'): ShiftInput {
  const [from, to, brk] = SHIFT_TYPES[code];
  return { employee, start: at(date, from, false), end: at(date, to, to <= from), breakMinutes: brk, kind };
}

/** A year of shifts for one employee, the way a care team's roster looks (with its flaws). */
function employeeYear(rng: Random, employee: string): ShiftInput[] {
  const out: ShiftInput[] = [];
  const perWeek = rng.pick([3, 4, 4, 5]);
  const doesNights = rng.chance(0.35);
  const vacationWeek = rng.int(WEEKS - 3);
  let nightsLeft = 0;
  let prev: Code | null = null;
  let prevDay = -10;
  let freeUntil = -1; // planners give two free days after a night series
  for (let w = 0; w < WEEKS; w++) {
    const monday = addDays(FIRST_MONDAY, 7 * w);
    if (w >= vacationWeek && w < vacationWeek + 2) {
      for (let d = 0; d < 5; d++) out.push({ ...shift(employee, addDays(monday, d), 'D'), kind: 'leave' });
      continue;
    }
    const days = rng.shuffle([0, 1, 2, 3, 4, 5, 6]).slice(0, perWeek + (rng.chance(0.1) ? 1 : 0));
    days.sort((a, b) => a - b);
    for (const d of days) {
      const day = 7 * w + d;
      const date = addDays(monday, d);
      if (day <= freeUntil && nightsLeft === 0) continue;
      if (rng.chance(0.03)) {
        out.push({ ...shift(employee, date, 'D'), kind: 'sick' });
        prev = null;
        continue;
      }
      const afterNight = prev === 'N' && prevDay === day - 1;
      let code: Code;
      if (doesNights && (nightsLeft > 0 || (!afterNight && rng.chance(0.12)))) {
        if (nightsLeft === 0) nightsLeft = rng.between(1, 4);
        code = 'N';
        nightsLeft--;
        if (nightsLeft === 0) freeUntil = day + 2;
      } else {
        if (afterNight) continue; // never a day shift right after a night
        code = rng.weighted<Code>(['V', 'L', 'D'], [5, 4, 2]);
        // Planners avoid an early (or day) shift right after a late one, but not always.
        if (prev === 'L' && prevDay === day - 1 && code !== 'L' && rng.chance(0.95)) code = 'L';
      }
      out.push(shift(employee, date, code));
      prev = code;
      prevDay = day;
    }
    if (!doesNights && rng.chance(0.15)) {
      const d = addDays(monday, rng.int(7));
      out.push({
        ...shift(employee, d, 'L'),
        kind: 'on-call-home',
        start: at(d, '17:00', false),
        end: at(d, '23:00', false),
      });
    }
  }
  // Drop anything overlapping an earlier block (other than on-call from home).
  out.sort((a, b) => a.start - b.start);
  const clean: ShiftInput[] = [];
  let lastEnd = -Infinity;
  for (const s of out) {
    if (s.kind !== 'on-call-home') {
      if (s.start < lastEnd) continue;
      lastEnd = s.end;
    }
    clean.push(s);
  }
  return clean;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const rng = new Random(2026);
const roster: ShiftInput[] = [];
const byEmployee: ShiftInput[][] = [];
for (let e = 0; e < EMPLOYEES; e++) {
  const list = employeeYear(rng, `M${String(e + 1).padStart(4, '0')}`);
  byEmployee.push(list);
  roster.push(...list);
}

const ruleSet = compileRuleSet({ select: ['atw'] });

// Batch: cold run (first use of the zone tables and JIT) and the best of three warm runs.
let t0 = process.hrtime.bigint();
let violations = new RuleEngine(ruleSet).check(roster);
const coldMs = ms(t0);
const warm: number[] = [];
for (let i = 0; i < 3; i++) {
  t0 = process.hrtime.bigint();
  violations = new RuleEngine(ruleSet).check(roster);
  warm.push(ms(t0));
}
warm.sort((a, b) => a - b);

// Incremental: random single-shift edits (change a shift's type, add one, or remove one).
const checker = new IncrementalChecker(ruleSet);
checker.load(roster);
const editRng = new Random(99);
const editMicros: number[] = [];
const WARMUP_EDITS = 200; // not counted: lets the JIT compile the edit path first
for (let i = 0; i < WARMUP_EDITS + EDITS; i++) {
  const employee = `M${String(editRng.int(EMPLOYEES) + 1).padStart(4, '0')}`;
  const shifts = checker.shiftsOf(employee);
  const victim = shifts[editRng.int(shifts.length)];
  const date = new Date((victim.start + 60) * 60_000).toISOString().slice(0, 10);
  const replacement = shift(employee, date, editRng.pick<Code>(['V', 'L', 'N', 'D']));
  const neighbours = shifts.filter((s) => s !== victim && s.kind !== 'on-call-home');
  const clash = neighbours.some((s) => s.start < replacement.end && replacement.start < s.end);
  const t = process.hrtime.bigint();
  checker.edit(employee, clash ? { remove: [victim] } : { remove: [victim], add: [replacement] });
  if (i >= WARMUP_EDITS) editMicros.push(Number(process.hrtime.bigint() - t) / 1e3);
}
editMicros.sort((a, b) => a - b);

// Solver view: score one employee's timeline (allocation-free).
const scorer = new TimelineScorer(ruleSet);
const out = new Float64Array(4);
const loaded = byEmployee.map((list, i) => new Timeline().loadShifts(`M${i}`, list, -Infinity));
t0 = process.hrtime.bigint();
let scored = 0;
for (let round = 0; round < 3; round++) for (const t of loaded) scored += scorer.score(t, out) >= 0 ? 1 : 0;
const scoreMicros = (ms(t0) * 1000) / scored;

const byRule = new Map<string, number>();
for (const v of violations) byRule.set(v.rule, (byRule.get(v.rule) ?? 0) + 1);
const withViolations = new Set(violations.map((v) => v.employee)).size;

const rows: Array<[string, string]> = [
  ['employees', String(EMPLOYEES)],
  ['weeks', String(WEEKS)],
  ['shifts (all kinds)', String(roster.length)],
  ['rules (profile atw)', String(ruleSet.rules.length)],
  ['batch check, cold (ms)', coldMs.toFixed(1)],
  ['batch check, best of 3 warm (ms)', warm[0].toFixed(1)],
  ['violations found', String(violations.length)],
  ['employees with violations', String(withViolations)],
  ['incremental edit median (µs)', percentile(editMicros, 0.5).toFixed(1)],
  ['incremental edit p99 (µs)', percentile(editMicros, 0.99).toFixed(1)],
  ['solver score per employee-year (µs)', scoreMicros.toFixed(1)],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log('planmaat bench:rules — labour-rule engine');
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v.padStart(10)}`);
console.log(
  `violations by rule: ${[...byRule.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([r, n]) => `${r} ${n}`)
    .join(', ')}`,
);
const batchOk = warm[0] < 1000;
const editOk = percentile(editMicros, 0.5) < 1000;
console.log(
  `targets: batch < 1000 ms ${batchOk ? 'met' : 'NOT met'} (cold ${coldMs < 1000 ? 'met' : 'not met'}); edit median < 1000 µs ${editOk ? 'met' : 'NOT met'}`,
);
