/**
 * The Planmaat domain model. Each entity is a zod schema, so the same definition types the code,
 * validates imports and API input, and names the offending field in errors. Wall-clock values are
 * strings in Europe/Amsterdam time (see time.ts); identifiers are opaque strings.
 *
 * Privacy (AVG): absence is stored as a period and a kind only — never a diagnosis or a cause.
 */
import { z } from 'zod';
import { bilingual } from './errors.ts';
import { isValidDate } from './time.ts';

const id = z.string().min(1).max(100);
export const localDate = z
  .string()
  .refine(isValidDate, bilingual('vul een geldige datum in (JJJJ-MM-DD)', 'expected a date YYYY-MM-DD'));
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'expected a date-time YYYY-MM-DDTHH:MM')
  .refine(
    (s) => isValidDate(s.slice(0, 10)),
    bilingual('vul een bestaande datum in', 'expected a valid calendar date'),
  );
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a clock time HH:MM');
export const geoPoint = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
});
export type GeoPoint = z.infer<typeof geoPoint>;

export const qualificationLevel = z.number().int().min(1).max(6);
export const travelMode = z.enum(['car', 'bike', 'e-bike', 'walk']);
export type TravelMode = z.infer<typeof travelMode>;

export const organisationSchema = z.object({
  id,
  name: z.string().min(1),
  /** Rule profiles that apply, e.g. ["atw", "atb-care", "cao-vvt"]. */
  ruleProfiles: z.array(z.string()).default(['atw', 'atb-care', 'cao-vvt']),
  timeZone: z.string().default('Europe/Amsterdam'),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const locationSchema = z.object({
  id,
  organisationId: id,
  name: z.string().min(1),
  address: z.string().default(''),
  point: geoPoint,
});
export type Location = z.infer<typeof locationSchema>;

export const teamKind = z.enum(['ward', 'home-care']);
export const teamSchema = z.object({
  id,
  organisationId: id,
  locationId: id,
  name: z.string().min(1),
  kind: teamKind,
});
export type Team = z.infer<typeof teamSchema>;

export const employeeSchema = z.object({
  id,
  organisationId: id,
  name: z.string().min(1),
  teamIds: z.array(id).min(1),
  contractHoursPerWeek: z.number().min(0).max(60),
  level: qualificationLevel,
  skills: z.array(z.string()).default([]),
  birthDate: localDate,
  home: geoPoint.optional(),
  travelMode: travelMode.default('car'),
  /** Can work nights at all (e.g. not when a medical exemption applies — the reason is not stored). */
  worksNights: z.boolean().default(true),
  /** First day of employment (for turnover figures); unknown when absent. */
  employmentStart: localDate.optional(),
  /** Last day of employment for someone who left or is leaving; absent while employed. */
  employmentEnd: localDate.optional(),
});
export type Employee = z.infer<typeof employeeSchema>;

export const shiftCategory = z.enum(['early', 'day', 'late', 'night', 'other']);
export type ShiftCategory = z.infer<typeof shiftCategory>;
export const shiftTypeSchema = z.object({
  id,
  organisationId: id,
  /** Short code planners use on the roster: V (vroege), D (dag), L (late), N (nacht). */
  code: z.string().min(1).max(6),
  name: z.string().min(1),
  start: clockTime,
  /** Clock time; an end at or before the start means the shift crosses midnight. */
  end: clockTime,
  breakMinutes: z.number().int().min(0).max(180).default(0),
  category: shiftCategory,
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#888888'),
});
export type ShiftType = z.infer<typeof shiftTypeSchema>;

/** Head count needed on one shift of one day for one qualification level (and skills). */
export const demandSchema = z
  .object({
    teamId: id,
    date: localDate,
    shiftTypeId: id,
    minLevel: qualificationLevel,
    skills: z.array(z.string()).default([]),
    min: z.number().int().min(0),
    ideal: z.number().int().min(0),
  })
  .refine(
    (d) => d.ideal >= d.min,
    bilingual('De ideale bezetting is kleiner dan het minimum', 'ideal must be at least min', ['ideal']),
  );
export type Demand = z.infer<typeof demandSchema>;

export const absenceKind = z.enum(['leave', 'sick', 'unavailable', 'training', 'parental-leave']);
export type AbsenceKind = z.infer<typeof absenceKind>;
export const absenceSchema = z
  .object({
    id,
    employeeId: id,
    kind: absenceKind,
    start: localDateTime,
    end: localDateTime,
    /** Hours that count as worked time for the ATW averages (ATW 5:2); default: contract hours pro rata. */
    countedHours: z.number().min(0).optional(),
  })
  .strict()
  .refine(
    (a) => a.end > a.start,
    bilingual('Het einde ligt niet na het begin', 'end must be after start', ['end']),
  );
export type Absence = z.infer<typeof absenceSchema>;

export const wishKind = z.enum(['wanted-shift', 'unwanted-shift', 'day-off']);
export type WishKind = z.infer<typeof wishKind>;
export const wishSchema = z
  .object({
    id,
    employeeId: id,
    date: localDate,
    kind: wishKind,
    shiftTypeId: id.optional(),
    /** 1 = nice to have, 2 = important, 3 = very important. */
    priority: z.number().int().min(1).max(3).default(1),
  })
  .refine(
    (w) => w.kind === 'day-off' || w.shiftTypeId !== undefined,
    bilingual('Kies de dienst waar de wens over gaat', 'a shift wish names a shiftTypeId', ['shiftTypeId']),
  );
export type Wish = z.infer<typeof wishSchema>;

export const rosterStatus = z.enum(['draft', 'published']);
export const rosterPeriodSchema = z.object({
  id,
  teamId: id,
  /** First day (a Monday). */
  start: localDate,
  weeks: z.number().int().min(1).max(13).default(4),
  status: rosterStatus.default('draft'),
  publishedAt: z.string().optional(),
});
export type RosterPeriod = z.infer<typeof rosterPeriodSchema>;

export const assignmentSchema = z.object({
  rosterPeriodId: id,
  employeeId: id,
  date: localDate,
  shiftTypeId: id,
  /** A pinned assignment is never changed by the optimiser. */
  pinned: z.boolean().default(false),
});
export type Assignment = z.infer<typeof assignmentSchema>;

export const timeWindowSchema = z
  .object({ start: clockTime, end: clockTime })
  .refine(
    (w) => w.end > w.start,
    bilingual('Het einde van het tijdvenster ligt niet na het begin', 'window end must be after start', [
      'end',
    ]),
  );
export type TimeWindow = z.infer<typeof timeWindowSchema>;

export const clientSchema = z.object({
  id,
  organisationId: id,
  teamId: id,
  name: z.string().min(1),
  address: z.string().default(''),
  point: geoPoint,
});
export type Client = z.infer<typeof clientSchema>;

export const careVisitSchema = z.object({
  id,
  clientId: id,
  date: localDate,
  /** One or more windows in which the visit must start. */
  windows: z.array(timeWindowSchema).min(1),
  durationMinutes: z.number().int().min(1).max(720),
  minLevel: qualificationLevel,
  skills: z.array(z.string()).default([]),
  preferredCarerIds: z.array(id).default([]),
  excludedCarerIds: z.array(id).default([]),
  carersRequired: z.union([z.literal(1), z.literal(2)]).default(1),
  /** For two-carer visits: together (simultaneous) or one after the other with a gap in minutes. */
  sync: z
    .object({
      kind: z.enum(['simultaneous', 'sequential']),
      minGapMinutes: z.number().int().min(0).default(0),
      maxGapMinutes: z.number().int().min(0).default(0),
    })
    .optional(),
  /** Optional visits may be left out at this cost; mandatory when absent. */
  optionalCost: z.number().min(0).optional(),
  /** Carer already fixed (visit under way or agreed with the client). */
  pinnedCarerId: id.optional(),
});
export type CareVisit = z.infer<typeof careVisitSchema>;

export const carerShiftSchema = z.object({
  employeeId: id,
  date: localDate,
  start: clockTime,
  end: clockTime,
  startPoint: geoPoint,
  endPoint: geoPoint,
  breakWindow: z.object({ start: clockTime, end: clockTime, minutes: z.number().int().min(0) }).optional(),
  maxWorkMinutes: z.number().int().min(0).optional(),
});
export type CarerShift = z.infer<typeof carerShiftSchema>;

/** A whole organisation's planning data: what the demo generator writes and imports read. */
export const organisationDataSchema = z.object({
  organisation: organisationSchema,
  locations: z.array(locationSchema),
  teams: z.array(teamSchema),
  employees: z.array(employeeSchema),
  shiftTypes: z.array(shiftTypeSchema),
  demand: z.array(demandSchema),
  absences: z.array(absenceSchema),
  wishes: z.array(wishSchema),
  rosterPeriods: z.array(rosterPeriodSchema),
  assignments: z.array(assignmentSchema),
  clients: z.array(clientSchema),
  visits: z.array(careVisitSchema),
  carerShifts: z.array(carerShiftSchema),
});
export type OrganisationData = z.infer<typeof organisationDataSchema>;
