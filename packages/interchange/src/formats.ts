/**
 * The documented CSV formats (see docs/formats.md) for employees, shift types and roster
 * assignments. Lists inside a field are separated by `|`. Each reader validates every row against
 * the domain schema and reports the file, line and column of the first problem.
 */
import {
  assignmentSchema,
  employeeSchema,
  InputError,
  shiftTypeSchema,
  type Assignment,
  type Employee,
  type ShiftType,
} from '@planmaat/domain';
import type { z } from 'zod';
import { parseCsv, requireHeaders, writeCsv, type CsvRow, type CsvTable } from './csv.ts';

const list = (v: string): string[] => (v === '' ? [] : v.split('|').map((s) => s.trim()));

/** Validate one row; on failure name the column of the first bad field. */
function validateRow<T>(
  schema: z.ZodType<T>,
  value: unknown,
  table: CsvTable,
  row: CsvRow,
  fileName: string,
  columnOf: Record<string, string>,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = String(issue.path[0] ?? '');
  const header = columnOf[field] ?? field;
  const col = table.column(header);
  const raw = row.values.get(header);
  throw new InputError(
    `${header}${raw !== undefined ? ` "${raw}"` : ''}: ${issue.message}`,
    `${fileName}:${row.line}${col > 0 ? `:${col}` : ''}`,
  );
}

function numberOrRaw(v: string | undefined): number | string | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) ? n : v;
}

function boolOrRaw(v: string | undefined): boolean | string | undefined {
  if (v === undefined || v === '') return undefined;
  const t = v.toLowerCase();
  if (['true', 'ja', 'yes', '1', 'j', 'y'].includes(t)) return true;
  if (['false', 'nee', 'no', '0', 'n'].includes(t)) return false;
  return v;
}

export const EMPLOYEE_HEADERS = [
  'id',
  'name',
  'team_ids',
  'contract_hours',
  'level',
  'skills',
  'birth_date',
  'home_lat',
  'home_lon',
  'travel_mode',
  'works_nights',
  'employment_start',
  'employment_end',
];
const EMPLOYEE_COLUMNS: Record<string, string> = {
  id: 'id',
  name: 'name',
  teamIds: 'team_ids',
  contractHoursPerWeek: 'contract_hours',
  level: 'level',
  skills: 'skills',
  birthDate: 'birth_date',
  home: 'home_lat',
  travelMode: 'travel_mode',
  worksNights: 'works_nights',
  employmentStart: 'employment_start',
  employmentEnd: 'employment_end',
};

export function writeEmployeesCsv(employees: Employee[]): string {
  return writeCsv(
    EMPLOYEE_HEADERS,
    employees.map((e) => [
      e.id,
      e.name,
      e.teamIds.join('|'),
      e.contractHoursPerWeek,
      e.level,
      e.skills.join('|'),
      e.birthDate,
      e.home?.lat ?? '',
      e.home?.lon ?? '',
      e.travelMode,
      e.worksNights,
      e.employmentStart ?? '',
      e.employmentEnd ?? '',
    ]),
  );
}

export function readEmployeesCsv(
  text: string,
  organisationId: string,
  fileName = 'employees.csv',
): Employee[] {
  const table = parseCsv(text, fileName);
  requireHeaders(table, ['id', 'name', 'team_ids', 'contract_hours', 'level', 'birth_date'], fileName);
  return table.rows.map((row) => {
    const v = (h: string) => row.values.get(h);
    const lat = numberOrRaw(v('home_lat'));
    const lon = numberOrRaw(v('home_lon'));
    return validateRow(
      employeeSchema,
      {
        id: v('id'),
        organisationId,
        name: v('name'),
        teamIds: list(v('team_ids') ?? ''),
        contractHoursPerWeek: numberOrRaw(v('contract_hours')),
        level: numberOrRaw(v('level')),
        skills: list(v('skills') ?? ''),
        birthDate: v('birth_date'),
        home: lat === undefined && lon === undefined ? undefined : { lat, lon },
        travelMode: v('travel_mode') || undefined,
        worksNights: boolOrRaw(v('works_nights')),
        employmentStart: v('employment_start') || undefined,
        employmentEnd: v('employment_end') || undefined,
      },
      table,
      row,
      fileName,
      EMPLOYEE_COLUMNS,
    );
  });
}

export const SHIFT_TYPE_HEADERS = [
  'id',
  'code',
  'name',
  'start',
  'end',
  'break_minutes',
  'category',
  'color',
];
const SHIFT_TYPE_COLUMNS: Record<string, string> = { breakMinutes: 'break_minutes' };

export function writeShiftTypesCsv(shiftTypes: ShiftType[]): string {
  return writeCsv(
    SHIFT_TYPE_HEADERS,
    shiftTypes.map((s) => [s.id, s.code, s.name, s.start, s.end, s.breakMinutes, s.category, s.color]),
  );
}

export function readShiftTypesCsv(
  text: string,
  organisationId: string,
  fileName = 'shift-types.csv',
): ShiftType[] {
  const table = parseCsv(text, fileName);
  requireHeaders(table, ['code', 'start', 'end'], fileName);
  return table.rows.map((row) => {
    const v = (h: string) => row.values.get(h);
    const code = v('code');
    return validateRow(
      shiftTypeSchema,
      {
        id: v('id') || (code ? `st-${code}` : undefined),
        organisationId,
        code,
        name: v('name') || code,
        start: v('start'),
        end: v('end'),
        breakMinutes: numberOrRaw(v('break_minutes')),
        category: v('category') || 'other',
        color: v('color') || undefined,
      },
      table,
      row,
      fileName,
      SHIFT_TYPE_COLUMNS,
    );
  });
}

export const ASSIGNMENT_HEADERS = ['roster_period_id', 'employee_id', 'date', 'shift_code', 'pinned'];
const ASSIGNMENT_COLUMNS: Record<string, string> = {
  rosterPeriodId: 'roster_period_id',
  employeeId: 'employee_id',
  shiftTypeId: 'shift_code',
};

export function writeAssignmentsCsv(assignments: Assignment[], shiftTypes: ShiftType[]): string {
  const codeOf = new Map(shiftTypes.map((s) => [s.id, s.code]));
  return writeCsv(
    ASSIGNMENT_HEADERS,
    assignments.map((a) => [
      a.rosterPeriodId,
      a.employeeId,
      a.date,
      codeOf.get(a.shiftTypeId) ?? a.shiftTypeId,
      a.pinned,
    ]),
  );
}

/** Shifts are named by their code (as on the roster) and resolved against the shift types. */
export function readAssignmentsCsv(
  text: string,
  shiftTypes: ShiftType[],
  fileName = 'assignments.csv',
): Assignment[] {
  const table = parseCsv(text, fileName);
  requireHeaders(table, ['roster_period_id', 'employee_id', 'date', 'shift_code'], fileName);
  const idOf = new Map(shiftTypes.map((s) => [s.code, s.id]));
  return table.rows.map((row) => {
    const v = (h: string) => row.values.get(h);
    const code = v('shift_code') ?? '';
    const shiftTypeId = idOf.get(code);
    if (!shiftTypeId)
      throw new InputError(
        `shift_code "${code}" is not a known shift type (${[...idOf.keys()].join(', ')})`,
        `${fileName}:${row.line}:${table.column('shift_code')}`,
      );
    return validateRow(
      assignmentSchema,
      {
        rosterPeriodId: v('roster_period_id'),
        employeeId: v('employee_id'),
        date: v('date'),
        shiftTypeId,
        pinned: boolOrRaw(v('pinned')) ?? false,
      },
      table,
      row,
      fileName,
      ASSIGNMENT_COLUMNS,
    );
  });
}
