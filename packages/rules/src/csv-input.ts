/**
 * Reading shift and employee exports from other planning systems (pure: text in, data out).
 * Accepts a UTF-8 BOM, `,` `;` or tab separators (detected from the header), quoted fields,
 * CRLF line ends, ISO date-times (`2026-03-28T22:00`, `2026-03-28 22:00`, optional `:00`
 * seconds) and Dutch dates (`28-03-2026 22:00`, `28/03/2026 22:00`). Every problem is reported
 * with its line and column (1-based) and the column's header.
 */
import { toEpochMinutes } from '@planmaat/domain';
import { SHIFT_KINDS, type EmployeeFacts, type ShiftInput, type ShiftKind } from './types.ts';

export interface CsvProblem {
  line: number;
  column: number;
  field: string;
  message: string;
}

export interface ParsedShifts {
  shifts: ShiftInput[];
  /** Line in the file of each shift (same order). */
  lines: number[];
  problems: CsvProblem[];
}

export interface ParsedEmployees {
  employees: EmployeeFacts[];
  problems: CsvProblem[];
}

const MAX_PROBLEMS = 50;

interface Row {
  line: number;
  fields: string[];
}

/** Split CSV text into rows of fields, honouring quotes; reports unterminated quotes. */
export function splitCsv(text: string): { rows: Row[]; separator: string; problems: CsvProblem[] } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLineEnd = text.search(/\r?\n/);
  const header = firstLineEnd < 0 ? text : text.slice(0, firstLineEnd);
  const separator = detectSeparator(header);
  const rows: Row[] = [];
  const problems: CsvProblem[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const rowLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let fieldStarted = false;
    for (; i < text.length; i++) {
      const c = text[i];
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else quoted = false;
        } else {
          if (c === '\n') line++;
          field += c;
        }
        continue;
      }
      if (c === '"' && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
      } else if (c === separator) {
        fields.push(field);
        field = '';
        fieldStarted = false;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        i++;
        line++;
        break;
      } else {
        field += c;
        if (c !== ' ' && c !== '\t') fieldStarted = true;
      }
    }
    if (quoted) {
      problems.push({
        line: rowLine,
        column: fields.length + 1,
        field: '',
        message: 'unterminated quoted field',
      });
    }
    fields.push(field);
    if (fields.every((f) => f.trim() === '')) continue; // blank line (or only separators)
    rows.push({ line: rowLine, fields });
  }
  return { rows, separator, problems };
}

function detectSeparator(header: string): string {
  const counts: Array<[string, number]> = [';', ',', '\t'].map((s) => [s, header.split(s).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ',';
}

function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

type Columns<K extends string> = Partial<Record<K, number>>;

function mapHeader<K extends string>(
  header: Row,
  aliases: Record<K, readonly string[]>,
  required: readonly K[],
  problems: CsvProblem[],
): Columns<K> | null {
  const cols: Columns<K> = {};
  header.fields.forEach((raw, index) => {
    const name = normaliseHeader(raw);
    for (const key of Object.keys(aliases) as K[]) {
      if (aliases[key].includes(name) && cols[key] === undefined) cols[key] = index;
    }
  });
  // Name missing columns by their documented header name (the first alias), not the internal key.
  const missing = required.filter((k) => cols[k] === undefined).map((k) => aliases[k][0]);
  if (missing.length > 0) {
    problems.push({
      line: header.line,
      column: 1,
      field: '',
      message: `missing column(s) ${missing.join(', ')} in the header (found: ${header.fields.map((f) => f.trim()).join(', ')})`,
    });
    return null;
  }
  return cols;
}

const DATE_TIME_PATTERNS: Array<{ re: RegExp; order: 'ymd' | 'dmy' }> = [
  { re: /^(\d{4})-(\d{1,2})-(\d{1,2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/, order: 'ymd' },
  { re: /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?$/, order: 'dmy' },
];

/** Parse a local date-time in one of the accepted forms to `YYYY-MM-DDTHH:MM`, or an error text. */
export function normaliseDateTime(value: string): string | { error: string } {
  const v = value.trim();
  for (const { re, order } of DATE_TIME_PATTERNS) {
    const m = re.exec(v);
    if (!m) continue;
    const [y, mo, d] = order === 'ymd' ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
    const h = Number(m[4]);
    const mi = Number(m[5]);
    if (m[6] !== undefined && m[6] !== '00') return { error: `seconds are not supported in "${value}"` };
    if (h > 23 || mi > 59) return { error: `"${value}" is not a valid time of day` };
    const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
    const yn = Number(y);
    const mn = Number(mo);
    const dn = Number(d);
    const dim = new Date(Date.UTC(yn, mn, 0)).getUTCDate();
    if (mn < 1 || mn > 12 || dn < 1 || dn > dim) return { error: `"${value}" is not a valid calendar date` };
    return iso;
  }
  return {
    error: `"${value}" is not a date-time; use 2026-03-28T22:00, 2026-03-28 22:00 or 28-03-2026 22:00`,
  };
}

/** Parse a date (`2008-05-17`, `17-05-2008`, `17/05/2008`) to `YYYY-MM-DD`, or an error text. */
export function normaliseDate(value: string): string | { error: string } {
  const v = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
  let parts: [string, string, string] | null = m ? [m[1], m[2], m[3]] : null;
  if (!parts) {
    m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(v);
    if (m) parts = [m[3], m[2], m[1]];
  }
  if (!parts) return { error: `"${value}" is not a date; use 2008-05-17 or 17-05-2008` };
  const [y, mo, d] = parts;
  const dim = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > dim)
    return { error: `"${value}" is not a valid calendar date` };
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

const KIND_ALIASES: Record<string, ShiftKind> = {
  work: 'work',
  werk: 'work',
  dienst: 'work',
  'on-call-home': 'on-call-home',
  on_call_home: 'on-call-home',
  bereikbaarheidsdienst: 'on-call-home',
  bereikbaarheid: 'on-call-home',
  consignatie: 'on-call-home',
  'on-call-site': 'on-call-site',
  on_call_site: 'on-call-site',
  aanwezigheidsdienst: 'on-call-site',
  slaapdienst: 'on-call-site',
  leave: 'leave',
  verlof: 'leave',
  vakantie: 'leave',
  sick: 'sick',
  ziek: 'sick',
};

const SHIFT_COLUMNS = {
  employee: ['employee', 'employee_id', 'medewerker', 'werknemer', 'personeelsnummer'],
  start: ['start', 'begin', 'van', 'start_time'],
  end: ['end', 'eind', 'einde', 'tot', 'end_time'],
  break: ['break_minutes', 'break', 'pauze', 'pauze_minuten', 'break_min'],
  kind: ['kind', 'soort', 'type'],
} as const;

export interface ParseOptions {
  /** Name used in `source` of each shift, e.g. the file name. */
  source?: string;
}

/** Parse SHIFTS.csv: `employee,start,end,break_minutes,kind` (the last two optional). */
export function parseShiftsCsv(text: string, options: ParseOptions = {}): ParsedShifts {
  const { rows, problems } = splitCsv(text);
  const shifts: ShiftInput[] = [];
  const lines: number[] = [];
  if (rows.length === 0) {
    problems.push({ line: 1, column: 1, field: '', message: 'the file is empty; expected a header line' });
    return { shifts, lines, problems };
  }
  const header = rows[0];
  const cols = mapHeader<keyof typeof SHIFT_COLUMNS>(
    header,
    SHIFT_COLUMNS,
    ['employee', 'start', 'end'],
    problems,
  );
  if (!cols) return { shifts, lines, problems };
  const names = header.fields.map((f) => f.trim());
  for (const row of rows.slice(1)) {
    if (problems.length >= MAX_PROBLEMS) break;
    const problem = (key: keyof typeof SHIFT_COLUMNS, message: string) =>
      problems.push({ line: row.line, column: cols[key]! + 1, field: names[cols[key]!], message });
    if (row.fields.length !== header.fields.length) {
      problems.push({
        line: row.line,
        column: Math.min(row.fields.length, header.fields.length) + 1,
        field: '',
        message: `expected ${header.fields.length} fields like the header, found ${row.fields.length}`,
      });
      continue;
    }
    const get = (key: keyof typeof SHIFT_COLUMNS) =>
      cols[key] === undefined ? '' : row.fields[cols[key]!].trim();
    const employee = get('employee');
    if (!employee) problem('employee', 'employee is empty');
    const start = normaliseDateTime(get('start'));
    if (typeof start !== 'string') problem('start', start.error);
    const end = normaliseDateTime(get('end'));
    if (typeof end !== 'string') problem('end', end.error);
    const rawBreak = get('break');
    let breakMinutes = 0;
    if (rawBreak !== '') {
      if (!/^\d+$/.test(rawBreak))
        problem('break', `break_minutes "${rawBreak}" is not a whole number of minutes`);
      else breakMinutes = Number(rawBreak);
    }
    const rawKind = get('kind').toLowerCase();
    let kind: ShiftKind = 'work';
    if (rawKind !== '') {
      const k = KIND_ALIASES[rawKind];
      if (!k) problem('kind', `kind "${rawKind}" is not one of ${SHIFT_KINDS.join(', ')}`);
      else kind = k;
    }
    if (!employee || typeof start !== 'string' || typeof end !== 'string') continue;
    const s = toEpochMinutes(start);
    const e = toEpochMinutes(end);
    if (e <= s) {
      problem(
        'end',
        `end ${end} is not after start ${start} (a shift across midnight ends on the next date)`,
      );
      continue;
    }
    if (breakMinutes >= e - s) {
      problem('break', `break of ${breakMinutes} min is not shorter than the shift (${e - s} min)`);
      continue;
    }
    shifts.push({
      employee,
      start: s,
      end: e,
      breakMinutes,
      kind,
      source: options.source ? `${options.source}:${row.line}` : `line ${row.line}`,
    });
    lines.push(row.line);
  }
  if (problems.length === 0)
    problems.push(...findOverlaps(shifts, lines, cols.start! + 1, names[cols.start!]));
  return { shifts, lines, problems };
}

/**
 * Two blocks of one employee that overlap in time (on-call from home aside, which may overlap
 * work done during a call-out) cannot both be right: reported as input problems.
 */
function findOverlaps(shifts: ShiftInput[], lines: number[], column: number, field: string): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const byEmployee = new Map<string, number[]>();
  shifts.forEach((s, i) => {
    if (s.kind === 'on-call-home') return;
    let list = byEmployee.get(s.employee);
    if (!list) byEmployee.set(s.employee, (list = []));
    list.push(i);
  });
  for (const list of byEmployee.values()) {
    list.sort((a, b) => shifts[a].start - shifts[b].start || lines[a] - lines[b]);
    let latest = list[0];
    for (let k = 1; k < list.length; k++) {
      const cur = list[k];
      if (shifts[cur].start < shifts[latest].end) {
        problems.push({
          line: lines[cur],
          column,
          field,
          message: `shift of ${shifts[cur].employee} overlaps the shift on line ${lines[latest]}`,
        });
        if (problems.length >= MAX_PROBLEMS) return problems;
      }
      if (shifts[cur].end > shifts[latest].end) latest = cur;
    }
  }
  return problems;
}

const EMPLOYEE_COLUMNS = {
  id: ['id', 'employee', 'employee_id', 'medewerker', 'personeelsnummer'],
  birthDate: ['birth_date', 'birthdate', 'date_of_birth', 'geboortedatum', 'birthday'],
} as const;

/** Parse EMPLOYEES.csv: `id,birth_date` at least (`employee` is accepted for `id`). */
export function parseEmployeesCsv(text: string): ParsedEmployees {
  const { rows, problems } = splitCsv(text);
  const employees: EmployeeFacts[] = [];
  if (rows.length === 0) {
    problems.push({ line: 1, column: 1, field: '', message: 'the file is empty; expected a header line' });
    return { employees, problems };
  }
  const header = rows[0];
  const cols = mapHeader<keyof typeof EMPLOYEE_COLUMNS>(
    header,
    EMPLOYEE_COLUMNS,
    ['id', 'birthDate'],
    problems,
  );
  if (!cols) return { employees, problems };
  const names = header.fields.map((f) => f.trim());
  const seen = new Map<string, number>();
  for (const row of rows.slice(1)) {
    if (problems.length >= MAX_PROBLEMS) break;
    if (row.fields.length !== header.fields.length) {
      problems.push({
        line: row.line,
        column: Math.min(row.fields.length, header.fields.length) + 1,
        field: '',
        message: `expected ${header.fields.length} fields like the header, found ${row.fields.length}`,
      });
      continue;
    }
    const id = row.fields[cols.id!].trim();
    const rawBirth = row.fields[cols.birthDate!].trim();
    if (!id) {
      problems.push({ line: row.line, column: cols.id! + 1, field: names[cols.id!], message: 'id is empty' });
      continue;
    }
    if (seen.has(id)) {
      problems.push({
        line: row.line,
        column: cols.id! + 1,
        field: names[cols.id!],
        message: `employee ${id} is listed twice (also on line ${seen.get(id)})`,
      });
      continue;
    }
    seen.set(id, row.line);
    if (rawBirth === '') {
      employees.push({ id });
      continue;
    }
    const birth = normaliseDate(rawBirth);
    if (typeof birth !== 'string') {
      problems.push({
        line: row.line,
        column: cols.birthDate! + 1,
        field: names[cols.birthDate!],
        message: birth.error,
      });
      continue;
    }
    employees.push({ id, birthDate: birth });
  }
  return { employees, problems };
}

/** "shifts.csv:12:3 (start): message" */
export function formatCsvProblem(file: string, p: CsvProblem): string {
  return `${file}:${p.line}:${p.column}${p.field ? ` (${p.field})` : ''}: ${p.message}`;
}
