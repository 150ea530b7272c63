/** A deterministic synthetic roster of any size, for the grid test page and unit tests. */
import {
  createGridModel,
  type GridAssignment,
  type GridEmployee,
  type GridModel,
  type GridShiftType,
} from './grid-model.ts';
import type { DemandRow } from './coverage.ts';
import { datesOf } from '../dates.ts';

export const SYNTHETIC_SHIFTS: GridShiftType[] = [
  {
    id: 'st-V',
    code: 'V',
    name: 'Vroege dienst',
    start: '07:00',
    end: '15:30',
    breakMinutes: 30,
    category: 'early',
    color: '#4f9dde',
  },
  {
    id: 'st-D',
    code: 'D',
    name: 'Dagdienst',
    start: '08:30',
    end: '17:00',
    breakMinutes: 30,
    category: 'day',
    color: '#6cc070',
  },
  {
    id: 'st-L',
    code: 'L',
    name: 'Late dienst',
    start: '15:00',
    end: '23:30',
    breakMinutes: 30,
    category: 'late',
    color: '#f2a541',
  },
  {
    id: 'st-N',
    code: 'N',
    name: 'Nachtdienst',
    start: '23:15',
    end: '07:15',
    breakMinutes: 0,
    category: 'night',
    color: '#5b4b8a',
  },
];

/** Park–Miller: small, deterministic, good enough for test data. */
function lcg(seed: number) {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

export function syntheticRoster(
  employeeCount: number,
  days: number,
  seed = 1,
): { model: GridModel; demand: DemandRow[] } {
  const random = lcg(seed);
  const employees: GridEmployee[] = Array.from({ length: employeeCount }, (_, i) => ({
    id: `e${i}`,
    name: `Medewerker ${String(i + 1).padStart(4, '0')}`,
    contractHoursPerWeek: [16, 24, 28, 32, 36][i % 5]!,
    level: 1 + (i % 4),
  }));
  const start = '2027-01-04';
  const dates = datesOf(start, days);
  const assignments: GridAssignment[] = [];
  for (const e of employees)
    for (const date of dates)
      if (random() < 0.6)
        assignments.push({
          employeeId: e.id,
          date,
          shiftTypeId: SYNTHETIC_SHIFTS[Math.floor(random() * 4)]!.id,
        });
  const demand: DemandRow[] = dates.flatMap((date) =>
    SYNTHETIC_SHIFTS.map((s) => ({
      date,
      shiftTypeId: s.id,
      minLevel: 1,
      min: Math.round(employeeCount * 0.13),
      ideal: Math.round(employeeCount * 0.15),
    })),
  );
  return { model: createGridModel(employees, start, days, SYNTHETIC_SHIFTS, assignments), demand };
}
