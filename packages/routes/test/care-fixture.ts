import type { CareVisit, CarerShift, Client, Employee, OrganisationData } from '@planmaat/domain';

const org = 'org-test';
const office = { lat: 52.06, lon: 4.49 };
const at = (dLat: number, dLon: number) => ({ lat: office.lat + dLat, lon: office.lon + dLon });

function employee(id: string, level: number, skills: string[], travelMode: Employee['travelMode']): Employee {
  return {
    id,
    organisationId: org,
    name: id,
    teamIds: ['team-h'],
    contractHoursPerWeek: 24,
    level,
    skills,
    birthDate: '1980-01-01',
    home: office,
    travelMode,
    worksNights: false,
  };
}

function visit(
  id: string,
  clientId: string,
  start: string,
  end: string,
  extra: Partial<CareVisit> = {},
): CareVisit {
  return {
    id,
    clientId,
    date: '2027-01-04',
    windows: [{ start, end }],
    durationMinutes: 20,
    minLevel: 2,
    skills: [],
    preferredCarerIds: [],
    excludedCarerIds: [],
    carersRequired: 1,
    ...extra,
  };
}

/** A small team day with every hard rule in play. */
export function smallCareOrganisation(): OrganisationData {
  const clients: Client[] = [
    { id: 'c1', organisationId: org, teamId: 'team-h', name: 'C1', address: '', point: at(0.004, 0.002) },
    { id: 'c2', organisationId: org, teamId: 'team-h', name: 'C2', address: '', point: at(-0.003, 0.005) },
    { id: 'c3', organisationId: org, teamId: 'team-h', name: 'C3', address: '', point: at(0.006, -0.004) },
    { id: 'c4', organisationId: org, teamId: 'team-h', name: 'C4', address: '', point: at(-0.005, -0.006) },
    { id: 'c5', organisationId: org, teamId: 'team-h', name: 'C5', address: '', point: at(0.001, 0.008) },
  ];
  const employees = [
    employee('A', 2, [], 'car'),
    employee('B', 4, ['medicatie', 'wondzorg'], 'bike'),
    employee('C', 3, ['medicatie'], 'e-bike'),
  ];
  const shift = (employeeId: string, start: string, end: string, withBreak = false): CarerShift => ({
    employeeId,
    date: '2027-01-04',
    start,
    end,
    startPoint: office,
    endPoint: office,
    ...(withBreak ? { breakWindow: { start: '11:30', end: '13:00', minutes: 30 } } : {}),
  });
  const visits: CareVisit[] = [
    visit('v-wound', 'c1', '08:00', '10:00', { minLevel: 4, skills: ['wondzorg'], durationMinutes: 30 }),
    visit('v-med', 'c2', '08:00', '09:00', { minLevel: 3, skills: ['medicatie'] }),
    visit('v-excl', 'c3', '07:30', '10:00', { excludedCarerIds: ['A', 'C'] }),
    visit('v-pin', 'c4', '09:00', '11:00', { pinnedCarerId: 'A' }),
    visit('v-two', 'c5', '08:30', '09:30', {
      carersRequired: 2,
      sync: { kind: 'simultaneous', minGapMinutes: 0, maxGapMinutes: 0 },
      durationMinutes: 40,
    }),
    visit('v-pref', 'c2', '10:00', '12:00', { preferredCarerIds: ['C'] }),
    visit('v-opt', 'c3', '13:00', '14:00', { optionalCost: 5, durationMinutes: 45 }),
    visit('v-late', 'c1', '12:00', '13:30', { durationMinutes: 15 }),
    visit('v-noone', 'c4', '09:00', '12:00', { minLevel: 6 }),
    {
      ...visit('v-two-windows', 'c4', '07:00', '07:20'),
      windows: [
        { start: '07:00', end: '07:20' },
        { start: '11:00', end: '11:40' },
      ],
    },
  ];
  return {
    organisation: { id: org, name: 'Test', ruleProfiles: [], timeZone: 'Europe/Amsterdam' },
    locations: [{ id: 'loc', organisationId: org, name: 'Post', address: '', point: office }],
    teams: [{ id: 'team-h', organisationId: org, locationId: 'loc', name: 'Wijkteam', kind: 'home-care' }],
    employees,
    shiftTypes: [],
    demand: [],
    absences: [],
    wishes: [],
    rosterPeriods: [],
    assignments: [],
    clients,
    visits,
    carerShifts: [
      shift('A', '07:00', '12:30'),
      shift('B', '07:00', '16:30', true),
      shift('C', '08:00', '14:00'),
    ],
  };
}
