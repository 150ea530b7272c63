import { describe, expect, it } from 'vitest';
import { generateDemoOrganisation } from '@planmaat/demo';
import { InputError } from '@planmaat/domain';
import {
  readAssignmentsCsv,
  readBundle,
  readEmployeesCsv,
  readShiftTypesCsv,
  writeBundle,
  writeEmployeesCsv,
} from '../src/index.ts';

const demo = generateDemoOrganisation({ seed: 1 });

describe('organisation bundle', () => {
  it('round-trips the demo organisation through JSON and CSV', () => {
    const files = writeBundle(demo);
    const back = readBundle(files);
    expect(back).toEqual(demo);
  });

  it('takes edited CSV files over the JSON', () => {
    const files = writeBundle(demo);
    files['employees.csv'] = files['employees.csv']!.replace(demo.employees[0].name, 'Test Persoon');
    expect(readBundle(files).employees[0].name).toBe('Test Persoon');
  });

  it('reports broken references', () => {
    const files = writeBundle({
      ...demo,
      assignments: [{ ...demo.assignments[0], employeeId: 'emp-missing' }],
    });
    expect(() => readBundle(files)).toThrow(/unknown employee emp-missing/);
  });
});

describe('CSV formats', () => {
  it('accepts a BOM, semicolons and Dutch booleans', () => {
    const csv =
      '\ufeffid;name;team_ids;contract_hours;level;birth_date;works_nights\n' +
      'E1;"de Vries; Anna";team-1;24,5;3;1990-05-01;nee\n';
    const [e] = readEmployeesCsv(csv, 'org');
    expect(e).toMatchObject({
      id: 'E1',
      name: 'de Vries; Anna',
      contractHoursPerWeek: 24.5,
      worksNights: false,
    });
  });

  it('names file, line and column of a bad value', () => {
    const employees = demo.employees.slice(0, 3);
    const bad = writeEmployeesCsv(employees).replace(`,${employees[1].birthDate},`, ',1990-13-45,');
    let error: unknown;
    try {
      readEmployeesCsv(bad, 'org');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^employees\.csv:3:7: birth_date "1990-13-45"/);
  });

  it('names missing columns and wrong field counts', () => {
    expect(() => readShiftTypesCsv('code,start\nV,07:00\n', 'org')).toThrow(
      /shift-types\.csv:1: missing column\(s\) end/,
    );
    expect(() => readShiftTypesCsv('code,start,end\nV,07:00\n', 'org')).toThrow(
      /shift-types\.csv:2: expected 3 fields/,
    );
    expect(() => readShiftTypesCsv('', 'org')).toThrow(/empty/);
  });

  it('rejects an unknown shift code with the known ones listed', () => {
    const csv = 'roster_period_id,employee_id,date,shift_code\nrp,E1,2027-01-04,X\n';
    expect(() => readAssignmentsCsv(csv, demo.shiftTypes)).toThrow(
      /assignments\.csv:2:4: shift_code "X" is not a known shift type \(V, D, L, N/,
    );
  });
});
