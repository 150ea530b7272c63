/**
 * The organisation bundle: a folder with `organisation.json` (everything, the canonical form) and
 * the CSV files planners edit in a spreadsheet (employees, shift types, assignments). When the CSV
 * files are present they take precedence over the same lists in the JSON, so an edited spreadsheet
 * can be imported without touching the JSON.
 */
import { InputError, organisationDataSchema, parseOrThrow, type OrganisationData } from '@planmaat/domain';
import {
  readAssignmentsCsv,
  readEmployeesCsv,
  readShiftTypesCsv,
  writeAssignmentsCsv,
  writeEmployeesCsv,
  writeShiftTypesCsv,
} from './formats.ts';

export const BUNDLE_FILES = {
  json: 'organisation.json',
  employees: 'employees.csv',
  shiftTypes: 'shift-types.csv',
  assignments: 'assignments.csv',
} as const;

export function writeBundle(data: OrganisationData): Record<string, string> {
  return {
    [BUNDLE_FILES.json]: JSON.stringify(data, null, 2) + '\n',
    [BUNDLE_FILES.employees]: writeEmployeesCsv(data.employees),
    [BUNDLE_FILES.shiftTypes]: writeShiftTypesCsv(data.shiftTypes),
    [BUNDLE_FILES.assignments]: writeAssignmentsCsv(data.assignments, data.shiftTypes),
  };
}

/** Read a bundle from file contents by name; missing CSV files fall back to the JSON lists. */
export function readBundle(files: Record<string, string | undefined>): OrganisationData {
  const json = files[BUNDLE_FILES.json];
  if (json === undefined) throw new InputError(`${BUNDLE_FILES.json} is missing`);
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new InputError(`${BUNDLE_FILES.json}: not valid JSON (${(error as Error).message})`);
  }
  const data = parseOrThrow(organisationDataSchema, raw, BUNDLE_FILES.json);
  const orgId = data.organisation.id;
  const shiftCsv = files[BUNDLE_FILES.shiftTypes];
  if (shiftCsv !== undefined) data.shiftTypes = readShiftTypesCsv(shiftCsv, orgId, BUNDLE_FILES.shiftTypes);
  const employeeCsv = files[BUNDLE_FILES.employees];
  if (employeeCsv !== undefined)
    data.employees = readEmployeesCsv(employeeCsv, orgId, BUNDLE_FILES.employees);
  const assignmentCsv = files[BUNDLE_FILES.assignments];
  if (assignmentCsv !== undefined)
    data.assignments = readAssignmentsCsv(assignmentCsv, data.shiftTypes, BUNDLE_FILES.assignments);
  return checkReferences(data);
}

/** Cross-reference checks a schema cannot make: every id used must exist. */
export function checkReferences(data: OrganisationData): OrganisationData {
  const problems: string[] = [];
  const teams = new Set(data.teams.map((t) => t.id));
  const employees = new Set(data.employees.map((e) => e.id));
  const shifts = new Set(data.shiftTypes.map((s) => s.id));
  const periods = new Set(data.rosterPeriods.map((p) => p.id));
  const clients = new Set(data.clients.map((c) => c.id));
  const locations = new Set(data.locations.map((l) => l.id));
  for (const t of data.teams)
    if (!locations.has(t.locationId)) problems.push(`team ${t.id}: unknown location ${t.locationId}`);
  for (const e of data.employees)
    for (const t of e.teamIds) if (!teams.has(t)) problems.push(`employee ${e.id}: unknown team ${t}`);
  for (const a of data.assignments) {
    if (!employees.has(a.employeeId)) problems.push(`assignment ${a.date}: unknown employee ${a.employeeId}`);
    if (!periods.has(a.rosterPeriodId))
      problems.push(`assignment ${a.date}: unknown roster period ${a.rosterPeriodId}`);
    if (!shifts.has(a.shiftTypeId))
      problems.push(`assignment ${a.date}: unknown shift type ${a.shiftTypeId}`);
  }
  for (const d of data.demand)
    if (!shifts.has(d.shiftTypeId)) problems.push(`demand ${d.date}: unknown shift type ${d.shiftTypeId}`);
  for (const a of data.absences)
    if (!employees.has(a.employeeId)) problems.push(`absence ${a.id}: unknown employee ${a.employeeId}`);
  for (const w of data.wishes)
    if (!employees.has(w.employeeId)) problems.push(`wish ${w.id}: unknown employee ${w.employeeId}`);
  for (const v of data.visits)
    if (!clients.has(v.clientId)) problems.push(`visit ${v.id}: unknown client ${v.clientId}`);
  if (problems.length)
    throw new InputError(`${problems.length} reference problem(s):\n${problems.slice(0, 20).join('\n')}`);
  return data;
}
