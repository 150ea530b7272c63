/**
 * What the team figures are computed from: rosters, absence periods (kind only, never a cause),
 * wishes, roster changes after publication, staff's own roster flags (themes) and, when the rule
 * engine supplies them, rest violations. Plain JSON, validated with zod, so an API route passes
 * its database rows straight in.
 */
import { z } from 'zod';
import {
  absenceSchema,
  assignmentSchema,
  employeeSchema,
  localDate,
  localDateTime,
  rosterPeriodSchema,
  shiftTypeSchema,
  teamSchema,
  wishSchema,
  type OrganisationData,
} from '@planmaat/domain';
import { restViolationsOf } from './rest-violations.ts';

const id = z.string().min(1).max(100);

/** One change to a roster; only changes made after publication count for the figures. */
export const rosterChangeSchema = z.object({
  employeeId: id,
  date: localDate,
  kind: z.enum(['added', 'removed', 'changed']),
  /** When the change was made (Europe/Amsterdam wall clock). */
  at: localDateTime,
  shiftTypeId: id.optional(),
});
export type RosterChange = z.infer<typeof rosterChangeSchema>;

/** Themes staff can flag on their own roster in the staff portal: never shown with a name. */
export const STAFF_FLAG_THEMES = {
  'called-on-day-off': { nl: 'Gebeld op vrije dag', en: 'Called on a day off' },
  'short-rest': { nl: 'Te weinig rust tussen diensten', en: 'Too little rest between shifts' },
  'weekend-load': { nl: 'Te veel weekenden', en: 'Too many weekends' },
  'night-load': { nl: 'Te veel nachten', en: 'Too many nights' },
  'wishes-ignored': { nl: 'Wensen niet gehonoreerd', en: 'Wishes not granted' },
  workload: { nl: 'Werkdruk op de dienst', en: 'Workload on the shift' },
  'late-publication': { nl: 'Rooster te laat bekend', en: 'Roster published late' },
  other: { nl: 'Overig', en: 'Other' },
} as const;
export const staffFlagSchema = z.object({
  teamId: id,
  date: localDate,
  theme: z.enum(Object.keys(STAFF_FLAG_THEMES) as [keyof typeof STAFF_FLAG_THEMES]),
});
export type StaffFlag = z.infer<typeof staffFlagSchema>;

export const restViolationSchema = z.object({ employeeId: id, date: localDate, ruleId: z.string().min(1) });
export type RestViolation = z.infer<typeof restViolationSchema>;

export const insightDataSchema = z.object({
  teams: z.array(teamSchema),
  employees: z.array(employeeSchema),
  shiftTypes: z.array(shiftTypeSchema),
  absences: z.array(absenceSchema),
  rosterPeriods: z.array(rosterPeriodSchema),
  assignments: z.array(assignmentSchema),
  wishes: z.array(wishSchema).default([]),
  rosterChanges: z.array(rosterChangeSchema).default([]),
  staffFlags: z.array(staffFlagSchema).default([]),
  /** From the labour-rule engine; absent = not computed (the figure is then left out). */
  restViolations: z.array(restViolationSchema).optional(),
});
export type InsightData = z.infer<typeof insightDataSchema>;
export type InsightDataInput = z.input<typeof insightDataSchema>;

/** Extra history (former staff, past rosters and absences) to merge with the current data. */
export interface WorkforceHistoryLike {
  employees: OrganisationData['employees'];
  absences: OrganisationData['absences'];
  rosterPeriods: OrganisationData['rosterPeriods'];
  assignments: OrganisationData['assignments'];
  wishes: OrganisationData['wishes'];
  rosterChanges?: RosterChange[];
  staffFlags?: StaffFlag[];
}

/**
 * Insight data from an organisation and optional history; history records win for employees
 * (they carry employment dates), lists are joined without duplicates.
 */
export function insightDataFrom(data: OrganisationData, history?: WorkforceHistoryLike): InsightData {
  const employees = new Map(data.employees.map((e) => [e.id, e]));
  for (const e of history?.employees ?? []) employees.set(e.id, e);
  const unique = <T>(lists: T[][], key: (x: T) => string) => {
    const seen = new Map<string, T>();
    for (const list of lists) for (const x of list) if (!seen.has(key(x))) seen.set(key(x), x);
    return [...seen.values()];
  };
  // Only published rosters are reality; drafts are plans.
  const periods = unique([history?.rosterPeriods ?? [], data.rosterPeriods], (p) => p.id);
  const published = new Set(periods.filter((p) => p.status === 'published').map((p) => p.id));
  const merged = {
    teams: data.teams,
    employees: [...employees.values()],
    shiftTypes: data.shiftTypes,
    absences: unique([history?.absences ?? [], data.absences], (a) => a.id),
    rosterPeriods: periods,
    assignments: unique(
      [history?.assignments ?? [], data.assignments],
      (a) => `${a.employeeId} ${a.date} ${a.shiftTypeId}`,
    ).filter((a) => published.has(a.rosterPeriodId)),
    wishes: unique([history?.wishes ?? [], data.wishes], (w) => w.id),
    rosterChanges: history?.rosterChanges ?? [],
    staffFlags: history?.staffFlags ?? [],
  };
  return { ...merged, restViolations: restViolationsOf(merged, data.organisation.ruleProfiles) };
}
