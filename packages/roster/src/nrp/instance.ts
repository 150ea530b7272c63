/**
 * Curtois & Qu shift-scheduling instances (schedulingbenchmarks.org text format): the plain model
 * and its parser. Text in, model out — reading files is the caller's job.
 */
import { InputError } from '@planmaat/domain';

export interface NrpShift {
  id: string;
  minutes: number;
  /** Shift IDs that may not be worked on the day after this shift. */
  forbiddenNext: string[];
}

export interface NrpStaff {
  id: string;
  /** Max assignments per shift type; a type not listed has no limit. */
  maxShifts: Record<string, number>;
  maxTotalMinutes: number;
  minTotalMinutes: number;
  maxConsecutiveShifts: number;
  minConsecutiveShifts: number;
  minConsecutiveDaysOff: number;
  maxWeekends: number;
}

export interface NrpRequest {
  employeeId: string;
  day: number;
  shiftId: string;
  weight: number;
}

export interface NrpCover {
  day: number;
  shiftId: string;
  requirement: number;
  weightUnder: number;
  weightOver: number;
}

export interface NrpInstance {
  name: string;
  /** Days; day 0 is a Monday. */
  horizon: number;
  shifts: NrpShift[];
  staff: NrpStaff[];
  daysOff: Array<{ employeeId: string; day: number }>;
  shiftOnRequests: NrpRequest[];
  shiftOffRequests: NrpRequest[];
  cover: NrpCover[];
}

const SECTIONS = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
] as const;
type Section = (typeof SECTIONS)[number];

interface Line {
  text: string;
  where: string;
}

/** Parse an instance; every error names the source and line. */
export function parseNrpInstance(text: string, name = 'instance'): NrpInstance {
  const sections = new Map<Section, Line[]>();
  let current: Section | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].trim();
    const where = `${name} line ${i + 1}`;
    if (raw.startsWith('#')) continue;
    if (raw === '') {
      current = undefined;
      continue;
    }
    if (raw.startsWith('SECTION_')) {
      if (!(SECTIONS as readonly string[]).includes(raw))
        throw new InputError(`unknown section ${raw}`, where);
      current = raw as Section;
      if (sections.has(current)) throw new InputError(`section ${raw} appears twice`, where);
      sections.set(current, []);
      continue;
    }
    if (!current) throw new InputError(`data outside a section: "${raw}"`, where);
    sections.get(current)!.push({ text: raw, where });
  }

  const horizonLines = sections.get('SECTION_HORIZON') ?? [];
  if (horizonLines.length !== 1) throw new InputError('SECTION_HORIZON must hold exactly one number', name);
  const horizon = int(horizonLines[0].text, horizonLines[0].where, 'horizon');
  if (horizon < 7 || horizon % 7 !== 0)
    throw new InputError('horizon must be a positive multiple of 7', horizonLines[0].where);

  const shifts: NrpShift[] = [];
  const shiftIds = new Set<string>();
  for (const line of sections.get('SECTION_SHIFTS') ?? []) {
    const f = fields(line, 3, 3);
    if (shiftIds.has(f[0])) throw new InputError(`duplicate shift ${f[0]}`, line.where);
    shiftIds.add(f[0]);
    const minutes = int(f[1], line.where, 'shift length');
    shifts.push({
      id: f[0],
      minutes,
      forbiddenNext: f[2] === '' ? [] : f[2].split('|').map((s) => s.trim()),
    });
  }
  if (shifts.length === 0) throw new InputError('no shifts in SECTION_SHIFTS', name);
  for (const shift of shifts)
    for (const next of shift.forbiddenNext)
      if (!shiftIds.has(next))
        throw new InputError(`shift ${shift.id}: unknown forbidden successor ${next}`, name);

  const staff: NrpStaff[] = [];
  const staffIds = new Set<string>();
  for (const line of sections.get('SECTION_STAFF') ?? []) {
    const f = fields(line, 8, 8);
    if (staffIds.has(f[0])) throw new InputError(`duplicate employee ${f[0]}`, line.where);
    staffIds.add(f[0]);
    const maxShifts: Record<string, number> = {};
    for (const part of f[1] === '' ? [] : f[1].split('|')) {
      const [shiftId, value] = part.split('=');
      if (!shiftIds.has(shiftId) || value === undefined)
        throw new InputError(`bad MaxShifts entry "${part}"`, line.where);
      maxShifts[shiftId] = int(value, line.where, `MaxShifts ${shiftId}`);
    }
    staff.push({
      id: f[0],
      maxShifts,
      maxTotalMinutes: int(f[2], line.where, 'MaxTotalMinutes'),
      minTotalMinutes: int(f[3], line.where, 'MinTotalMinutes'),
      maxConsecutiveShifts: int(f[4], line.where, 'MaxConsecutiveShifts'),
      minConsecutiveShifts: int(f[5], line.where, 'MinConsecutiveShifts'),
      minConsecutiveDaysOff: int(f[6], line.where, 'MinConsecutiveDaysOff'),
      maxWeekends: int(f[7], line.where, 'MaxWeekends'),
    });
  }
  if (staff.length === 0) throw new InputError('no employees in SECTION_STAFF', name);

  const checkEmployee = (id: string, where: string) => {
    if (!staffIds.has(id)) throw new InputError(`unknown employee ${id}`, where);
  };
  const checkShift = (id: string, where: string) => {
    if (!shiftIds.has(id)) throw new InputError(`unknown shift ${id}`, where);
  };
  const checkDay = (text: string, where: string) => {
    const day = int(text, where, 'day');
    if (day >= horizon) throw new InputError(`day ${day} is outside the horizon 0..${horizon - 1}`, where);
    return day;
  };

  const daysOff: NrpInstance['daysOff'] = [];
  for (const line of sections.get('SECTION_DAYS_OFF') ?? []) {
    const f = fields(line, 1, Infinity);
    checkEmployee(f[0], line.where);
    for (const d of f.slice(1))
      if (d !== '') daysOff.push({ employeeId: f[0], day: checkDay(d, line.where) });
  }

  const requests = (section: Section): NrpRequest[] =>
    (sections.get(section) ?? []).map((line) => {
      const f = fields(line, 4, 4);
      checkEmployee(f[0], line.where);
      checkShift(f[2], line.where);
      return {
        employeeId: f[0],
        day: checkDay(f[1], line.where),
        shiftId: f[2],
        weight: int(f[3], line.where, 'weight'),
      };
    });

  const cover: NrpCover[] = [];
  const coverKeys = new Set<string>();
  for (const line of sections.get('SECTION_COVER') ?? []) {
    const f = fields(line, 5, 5);
    const day = checkDay(f[0], line.where);
    checkShift(f[1], line.where);
    const key = `${day}/${f[1]}`;
    if (coverKeys.has(key))
      throw new InputError(`duplicate cover row for day ${day} shift ${f[1]}`, line.where);
    coverKeys.add(key);
    cover.push({
      day,
      shiftId: f[1],
      requirement: int(f[2], line.where, 'requirement'),
      weightUnder: int(f[3], line.where, 'weight under'),
      weightOver: int(f[4], line.where, 'weight over'),
    });
  }

  return {
    name,
    horizon,
    shifts,
    staff,
    daysOff,
    shiftOnRequests: requests('SECTION_SHIFT_ON_REQUESTS'),
    shiftOffRequests: requests('SECTION_SHIFT_OFF_REQUESTS'),
    cover,
  };
}

function fields(line: Line, min: number, max: number): string[] {
  const f = line.text.split(',').map((s) => s.trim());
  if (f.length < min || f.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min}–${max}`;
    throw new InputError(`expected ${expected} comma-separated fields, found ${f.length}`, line.where);
  }
  return f;
}

function int(text: string, where: string, what: string): number {
  // "-0" occurs in the published Instance15 (a requirement of zero).
  if (!/^(\d+|-0+)$/.test(text))
    throw new InputError(`${what}: expected a non-negative integer, found "${text}"`, where);
  return Math.abs(Number(text));
}
