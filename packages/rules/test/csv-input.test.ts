import { describe, expect, it } from 'vitest';
import { toEpochMinutes } from '@planmaat/domain';
import { formatCsvProblem, parseEmployeesCsv, parseShiftsCsv } from '../src/index.ts';

describe('parseShiftsCsv', () => {
  it('reads the standard format with optional columns', () => {
    const { shifts, problems } = parseShiftsCsv(
      'employee,start,end,break_minutes,kind\nE1,2026-03-28T22:00,2026-03-29T07:00,30,work\nE2,2026-03-28T07:00,2026-03-28T15:00,,\n',
    );
    expect(problems).toEqual([]);
    expect(shifts).toHaveLength(2);
    expect(shifts[0]).toMatchObject({ employee: 'E1', breakMinutes: 30, kind: 'work' });
    expect(shifts[0].end - shifts[0].start).toBe(8 * 60); // the March DST night
    expect(shifts[1]).toMatchObject({ breakMinutes: 0, kind: 'work' });
  });

  it('accepts a BOM, ";" separators, dd-mm-yyyy, CRLF, quotes, Dutch kind names and blank lines', () => {
    const text =
      '\uFEFFMedewerker;Begin;Eind;Pauze;Soort\r\n"Jansen; J.";28-03-2026 22:00;29-03-2026 07:00;30;slaapdienst\r\n;;;;\r\nE2;2026-03-28 07:00:00;2026-03-28 15:00:00;0;verlof\r\n';
    const { shifts, problems } = parseShiftsCsv(text);
    expect(problems).toEqual([]);
    expect(shifts.map((s) => [s.employee, s.kind])).toEqual([
      ['Jansen; J.', 'on-call-site'],
      ['E2', 'leave'],
    ]);
    expect(shifts[0].start).toBe(toEpochMinutes('2026-03-28T22:00'));
  });

  it('accepts tab separators', () => {
    const { shifts, problems } = parseShiftsCsv(
      'employee\tstart\tend\nE1\t2026-03-02T07:00\t2026-03-02T15:00\n',
    );
    expect(problems).toEqual([]);
    expect(shifts).toHaveLength(1);
  });

  it('names line and column of every problem', () => {
    const text = [
      'employee,start,end,break_minutes,kind',
      'E1,2026-02-30T07:00,2026-03-02T15:00,0,work',
      'E1,2026-03-02T07:00,2026-03-02T06:00,0,work',
      'E1,2026-03-03T07:00,2026-03-03T15:00,half,work',
      'E1,2026-03-04T07:00,2026-03-04T15:00,0,holiday',
      'E1,2026-03-05T07:00,2026-03-05T15:00',
      ',2026-03-05T07:00,2026-03-05T15:00,0,work',
      'E1,tomorrow,2026-03-05T15:00,0,work',
    ].join('\n');
    const { problems } = parseShiftsCsv(text);
    expect(problems.map((p) => [p.line, p.column, p.field])).toEqual([
      [2, 2, 'start'],
      [3, 3, 'end'],
      [4, 4, 'break_minutes'],
      [5, 5, 'kind'],
      [6, 4, ''],
      [7, 1, 'employee'],
      [8, 2, 'start'],
    ]);
    expect(formatCsvProblem('s.csv', problems[1])).toMatch(
      /^s\.csv:3:3 \(end\): end 2026-03-02T06:00 is not after start/,
    );
    expect(problems[3].message).toMatch(/not one of work, on-call-home, on-call-site, leave, sick/);
  });

  it('reports a missing header column and overlapping shifts', () => {
    expect(parseShiftsCsv('employee,begin\nE1,2026-03-02T07:00\n').problems[0].message).toMatch(
      /missing column\(s\) end/,
    );
    const overlap = parseShiftsCsv(
      'employee,start,end\nE1,2026-03-02T07:00,2026-03-02T15:00\nE1,2026-03-02T14:00,2026-03-02T22:00\n',
    );
    expect(overlap.problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [3, 2, 'shift of E1 overlaps the shift on line 2'],
    ]);
    expect(parseShiftsCsv('').problems[0].message).toMatch(/empty/);
  });
});

describe('parseEmployeesCsv', () => {
  it('reads id or employee with birth dates in both notations', () => {
    const { employees, problems } = parseEmployeesCsv(
      'employee;geboortedatum;name\nE1;15-06-2009;Sam\nE2;1980-01-31;Lee\nE3;;Kim\n',
    );
    expect(problems).toEqual([]);
    expect(employees).toEqual([
      { id: 'E1', birthDate: '2009-06-15' },
      { id: 'E2', birthDate: '1980-01-31' },
      { id: 'E3' },
    ]);
  });
  it('names a missing column by its header name, not the internal key', () => {
    const { problems } = parseEmployeesCsv('name,dob\nE1,2000-01-01\n');
    expect(problems[0].message).toMatch(/^missing column\(s\) id, birth_date in the header/);
  });
  it('names bad dates and duplicates', () => {
    const { problems } = parseEmployeesCsv('id,birth_date\nE1,31-02-2009\nE2,2001-01-01\nE2,2001-01-01\n');
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [2, 2],
      [4, 1],
    ]);
  });
});
