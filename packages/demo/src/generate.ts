/**
 * Deterministic demo organisation: "Zorggroep Meerzicht" in the Zoetermeer region with nursing-home
 * wards and home-care district teams, staff with realistic contracts and qualification mix, V/D/L/N
 * shifts with demand per level, Dutch holidays, leave and sickness periods (never a cause), wishes,
 * a published hand-made roster, and home-care clients with a week of visits.
 *
 * Same seed and options → byte-identical data, on every machine.
 */
import {
  addDays,
  dutchPublicHolidays,
  isoWeekday,
  mondayOf,
  Random,
  type Absence,
  type CareVisit,
  type Client,
  type Demand,
  type Employee,
  type GeoPoint,
  type Location,
  type OrganisationData,
  type RosterPeriod,
  type ShiftType,
  type Team,
  type Wish,
} from '@planmaat/domain';
import { FIRST_NAMES, INITIALS, LAST_NAMES, STREETS } from './names.ts';
import { buildHandMadeRoster } from './hand-roster.ts';
import { carerShiftsFromRoster } from './carer-shifts.ts';
import { skilledCoverAssignments } from './skill-cover.ts';

export interface DemoOptions {
  seed: number;
  /** Total staff; default 120. */
  employees?: number;
  /** Home-care visits per day (all teams together); default about 380. */
  visitsPerDay?: number;
  /** First day of the current 4-week roster period (moved back to its Monday); default 2027-01-04. */
  start?: string;
}

export const DEMO_ORGANISATION_ID = 'org-meerzicht';
export const DEFAULT_DEMO_START = '2027-01-04';

/** Zoetermeer neighbourhoods: district centres for home-care teams and wards. */
const DISTRICTS: Array<{ name: string; point: GeoPoint }> = [
  { name: 'Rokkeveen', point: { lat: 52.0462, lon: 4.4752 } },
  { name: 'Oosterheem', point: { lat: 52.0772, lon: 4.5197 } },
  { name: 'Seghwaert', point: { lat: 52.0731, lon: 4.4968 } },
  { name: 'Meerzicht', point: { lat: 52.0553, lon: 4.5061 } },
  { name: 'Palenstein', point: { lat: 52.0521, lon: 4.4934 } },
  { name: 'Buytenwegh', point: { lat: 52.0662, lon: 4.4703 } },
  { name: 'Driemanspolder', point: { lat: 52.0398, lon: 4.5049 } },
  { name: 'Noordhove', point: { lat: 52.0701, lon: 4.4632 } },
  { name: 'Centrum', point: { lat: 52.0593, lon: 4.4904 } },
  { name: 'Dorp', point: { lat: 52.0628, lon: 4.5002 } },
];

const WARD_NAMES = [
  'Waterlelie',
  'Kastanje',
  'Zonnebloem',
  'Lindehof',
  'Rietkraag',
  'Vlinderhof',
  'Eikenhout',
];

const SHIFT_TYPES: Array<Omit<ShiftType, 'organisationId'>> = [
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
    color: '#6cbf73',
  },
  {
    id: 'st-L',
    code: 'L',
    name: 'Late dienst',
    start: '15:00',
    end: '23:15',
    breakMinutes: 30,
    category: 'late',
    color: '#f2a541',
  },
  {
    id: 'st-N',
    code: 'N',
    name: 'Nachtdienst',
    start: '23:00',
    end: '07:15',
    breakMinutes: 30,
    category: 'night',
    color: '#6c5b9e',
  },
  {
    id: 'st-RO',
    code: 'RO',
    name: 'Route ochtend',
    start: '07:00',
    end: '12:30',
    breakMinutes: 0,
    category: 'early',
    color: '#3f8fc0',
  },
  {
    id: 'st-RD',
    code: 'RD',
    name: 'Route dag',
    start: '08:00',
    end: '16:30',
    breakMinutes: 30,
    category: 'day',
    color: '#58a865',
  },
  {
    id: 'st-RA',
    code: 'RA',
    name: 'Route avond',
    start: '17:00',
    end: '22:30',
    breakMinutes: 0,
    category: 'late',
    color: '#e0913a',
  },
];

/** Demand per shift: rows are independent "at least `min` people with level ≥ minLevel" needs. */
const WARD_DEMAND: Record<
  string,
  Array<{ minLevel: number; weekday: [number, number]; weekend: [number, number] }>
> = {
  'st-V': [
    { minLevel: 1, weekday: [4, 5], weekend: [4, 4] },
    { minLevel: 3, weekday: [2, 3], weekend: [2, 2] },
    { minLevel: 4, weekday: [1, 1], weekend: [1, 1] },
  ],
  'st-D': [{ minLevel: 2, weekday: [0, 1], weekend: [0, 0] }],
  'st-L': [
    { minLevel: 1, weekday: [3, 4], weekend: [3, 3] },
    { minLevel: 3, weekday: [2, 2], weekend: [2, 2] },
    { minLevel: 4, weekday: [1, 1], weekend: [1, 1] },
  ],
  'st-N': [
    { minLevel: 3, weekday: [2, 2], weekend: [2, 2] },
    { minLevel: 4, weekday: [1, 1], weekend: [1, 1] },
  ],
};
const HOME_CARE_DEMAND: typeof WARD_DEMAND = {
  'st-RO': [
    { minLevel: 2, weekday: [10, 11], weekend: [10, 11] },
    { minLevel: 4, weekday: [2, 2], weekend: [2, 2] },
  ],
  'st-RD': [{ minLevel: 4, weekday: [2, 2], weekend: [2, 2] }],
  'st-RA': [
    { minLevel: 2, weekday: [6, 7], weekend: [6, 7] },
    { minLevel: 4, weekday: [1, 1], weekend: [1, 1] },
  ],
};

/** Visits a day per home-care team that HOME_CARE_DEMAND is sized for (the default demo). */
const VISITS_PER_TEAM = 190;

const CONTRACT_HOURS = [12, 16, 20, 24, 28, 32, 36];
const CONTRACT_WEIGHTS = [6, 12, 18, 22, 20, 14, 8];

export function generateDemoOrganisation(options: DemoOptions): OrganisationData {
  const rnd = new Random(options.seed);
  const totalEmployees = options.employees ?? 120;
  const visitsPerDay = options.visitsPerDay ?? 380;
  if (!Number.isInteger(totalEmployees) || totalEmployees < 10)
    throw new RangeError('employees must be an integer ≥ 10');
  if (!Number.isInteger(visitsPerDay) || visitsPerDay < 0)
    throw new RangeError('visitsPerDay must be an integer ≥ 0');
  const start = mondayOf(options.start ?? DEFAULT_DEMO_START);
  const previousStart = addDays(start, -28);
  const orgId = DEMO_ORGANISATION_ID;

  const homeCareTeamCount = visitsPerDay === 0 ? 0 : Math.max(1, Math.round(visitsPerDay / 200));
  const wardStaff = homeCareTeamCount === 0 ? totalEmployees : Math.round((totalEmployees * 54) / 120);
  const wardTeamCount = Math.max(1, Math.round(wardStaff / 28));
  const homeCareStaff = totalEmployees - wardStaff;

  const locations: Location[] = [];
  const teams: Team[] = [];
  for (let w = 0; w < wardTeamCount; w++) {
    const district = DISTRICTS[(w * 3 + 4) % DISTRICTS.length];
    const locationIndex = Math.floor(w / 2);
    const locationId = `loc-wzc-${locationIndex + 1}`;
    if (!locations.some((l) => l.id === locationId)) {
      locations.push({
        id: locationId,
        organisationId: orgId,
        name: `Woonzorgcentrum ${district.name}`,
        address: `${rnd.pick(STREETS)} ${rnd.between(1, 200)}, Zoetermeer`,
        point: jitter(rnd, district.point, 0.002),
      });
    }
    teams.push({
      id: `team-ward-${w + 1}`,
      organisationId: orgId,
      locationId,
      name: `Afdeling ${WARD_NAMES[w % WARD_NAMES.length]}${w >= WARD_NAMES.length ? ` ${Math.floor(w / WARD_NAMES.length) + 1}` : ''}`,
      kind: 'ward',
    });
  }
  for (let h = 0; h < homeCareTeamCount; h++) {
    const district = DISTRICTS[h % DISTRICTS.length];
    const suffix = h >= DISTRICTS.length ? ` ${Math.floor(h / DISTRICTS.length) + 1}` : '';
    const locationId = `loc-wijk-${h + 1}`;
    locations.push({
      id: locationId,
      organisationId: orgId,
      name: `Wijkpost ${district.name}${suffix}`,
      address: `${rnd.pick(STREETS)} ${rnd.between(1, 200)}, Zoetermeer`,
      point: jitter(rnd, district.point, 0.003),
    });
    teams.push({
      id: `team-wijk-${h + 1}`,
      organisationId: orgId,
      locationId,
      name: `Wijkteam ${district.name}${suffix}`,
      kind: 'home-care',
    });
  }

  const wardTeams = teams.filter((t) => t.kind === 'ward');
  const homeCareTeams = teams.filter((t) => t.kind === 'home-care');
  const employees: Employee[] = [];
  const usedNames = new Set<string>();
  const addStaff = (team: Team, count: number) => {
    const district = locations.find((l) => l.id === team.locationId)!.point;
    for (let i = 0; i < count; i++) {
      const level =
        team.kind === 'ward'
          ? rnd.weighted([1, 2, 3, 4, 5], [9, 24, 41, 19, 7])
          : rnd.weighted([2, 3, 4, 5], [15, 45, 25, 15]);
      employees.push(makeEmployee(rnd, orgId, employees.length + 1, team, level, district, usedNames));
    }
  };
  wardTeams.forEach((team, i) => addStaff(team, share(wardStaff, wardTeams.length, i)));
  homeCareTeams.forEach((team, i) => addStaff(team, share(homeCareStaff, homeCareTeams.length, i)));
  // Two 17-year-old students (zorghulp) on the first ward: the minor rules must show.
  employees
    .filter((e) => e.teamIds[0] === wardTeams[0].id && e.level <= 2)
    .slice(0, 2)
    .forEach((e) => {
      e.level = 1;
      e.skills = [];
      e.birthDate = `${Number(start.slice(0, 4)) - 17}-0${rnd.between(2, 9)}-1${rnd.between(0, 9)}`;
      e.contractHoursPerWeek = 12;
      e.worksNights = false;
    });

  const shiftTypes: ShiftType[] = SHIFT_TYPES.map((s) => ({ ...s, organisationId: orgId }));
  const horizonStart = previousStart;
  const horizonEnd = addDays(start, 27);
  const holidays = new Set(
    [
      ...dutchPublicHolidays(Number(horizonStart.slice(0, 4))),
      ...dutchPublicHolidays(Number(horizonEnd.slice(0, 4))),
    ].map((h) => h.date),
  );

  // Route head counts are set for the default team size (380 visits a day over two teams); a team
  // with more or fewer visits gets proportionally more or fewer carers on each route shift.
  const routeScale = homeCareTeamCount === 0 ? 1 : visitsPerDay / homeCareTeamCount / VISITS_PER_TEAM;
  const demand: Demand[] = [];
  for (let day = 0; day < 56; day++) {
    const date = addDays(horizonStart, day);
    const weekendLike = isoWeekday(date) >= 6 || holidays.has(date);
    for (const team of teams) {
      const table = team.kind === 'ward' ? WARD_DEMAND : HOME_CARE_DEMAND;
      const scale = team.kind === 'ward' ? 1 : routeScale;
      for (const [shiftTypeId, rows] of Object.entries(table)) {
        for (const row of rows) {
          const [baseMin, baseIdeal] = weekendLike ? row.weekend : row.weekday;
          const min = Math.round(baseMin * scale);
          const ideal = Math.max(min, Math.round(baseIdeal * scale));
          if (ideal === 0) continue;
          demand.push({ teamId: team.id, date, shiftTypeId, minLevel: row.minLevel, skills: [], min, ideal });
        }
      }
    }
  }

  const absences = generateAbsences(rnd, employees, horizonStart, 56);
  const wishes = generateWishes(rnd, employees, start, shiftTypes);

  const rosterPeriods: RosterPeriod[] = [];
  for (const team of teams) {
    rosterPeriods.push({
      id: `rp-${team.id}-${previousStart}`,
      teamId: team.id,
      start: previousStart,
      weeks: 4,
      status: 'published',
      publishedAt: `${addDays(previousStart, -28)}T12:00`,
    });
    // Home-care rosters are made ahead; ward rosters of the coming period are still a draft.
    rosterPeriods.push({
      id: `rp-${team.id}-${start}`,
      teamId: team.id,
      start,
      weeks: 4,
      status: team.kind === 'home-care' ? 'published' : 'draft',
      ...(team.kind === 'home-care' ? { publishedAt: `${addDays(start, -28)}T12:00` } : {}),
    });
  }
  const assignments = buildHandMadeRoster({
    random: rnd,
    periods: rosterPeriods.filter((p) => p.status === 'published'),
    employees,
    shiftTypes,
    demand,
    absences,
    // Home-care rosters are filled to the ideal: the day's visits need every route.
    idealChance: (teamId) => (teams.find((t) => t.id === teamId)?.kind === 'home-care' ? 1 : 0.5),
  });

  const { clients, visits } = generateHomeCare(
    rnd,
    orgId,
    homeCareTeams,
    locations,
    employees,
    visitsPerDay,
    start,
  );
  // Enough carers with the skill on duty for the skilled visits of each team-day (insulin in the
  // evening, ...); the default demo already has them, so it gains no shifts here.
  assignments.push(
    ...skilledCoverAssignments(
      {
        teams: homeCareTeams,
        employees,
        clients,
        visits,
        shiftTypes,
        absences,
        periods: rosterPeriods.filter((p) => p.status === 'published'),
        routeShiftTypeIds: ['st-RO', 'st-RD', 'st-RA'],
      },
      assignments,
    ),
  );
  const carerShifts = carerShiftsFromRoster({
    assignments: assignments.filter((a) => a.date >= start && a.date <= addDays(start, 6)),
    employees,
    shiftTypes,
    teams,
    locations,
  });

  return {
    organisation: {
      id: orgId,
      name: 'Zorggroep Meerzicht',
      ruleProfiles: ['atw', 'atb-care', 'cao-vvt'],
      timeZone: 'Europe/Amsterdam',
    },
    locations,
    teams,
    employees,
    shiftTypes,
    demand,
    absences,
    wishes,
    rosterPeriods,
    assignments,
    clients,
    visits,
    carerShifts,
  };
}

function share(total: number, parts: number, index: number): number {
  return Math.floor(total / parts) + (index < total % parts ? 1 : 0);
}

function jitter(rnd: Random, p: GeoPoint, degrees: number): GeoPoint {
  return { lat: round6(p.lat + rnd.normal(0, degrees)), lon: round6(p.lon + rnd.normal(0, degrees * 1.6)) };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function makeEmployee(
  rnd: Random,
  orgId: string,
  n: number,
  team: Team,
  level: number,
  near: GeoPoint,
  usedNames: Set<string>,
): Employee {
  let name = '';
  do name = `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
  while (usedNames.has(name) && usedNames.size < FIRST_NAMES.length * LAST_NAMES.length);
  usedNames.add(name);
  const skills: string[] = [];
  if (level >= 3) skills.push('medicatie');
  if (level >= 3 && rnd.chance(0.6)) skills.push('insuline');
  if (level >= 4) skills.push('BIG', 'wondzorg');
  if (level >= 4 && rnd.chance(0.4)) skills.push('katheter');
  if (level >= 4 && rnd.chance(0.25)) skills.push('palliatief');
  const age = Math.round(Math.min(64, Math.max(19, rnd.normal(42, 12))));
  const birthYear = 2026 - age;
  const travelMode =
    team.kind === 'home-care' ? rnd.weighted(['car', 'e-bike', 'bike'] as const, [50, 35, 15]) : 'bike';
  return {
    id: `emp-${String(n).padStart(4, '0')}`,
    organisationId: orgId,
    name,
    teamIds: [team.id],
    contractHoursPerWeek: rnd.weighted(CONTRACT_HOURS, CONTRACT_WEIGHTS),
    level,
    skills,
    birthDate: `${birthYear}-${String(rnd.between(1, 12)).padStart(2, '0')}-${String(rnd.between(1, 28)).padStart(2, '0')}`,
    home: jitter(rnd, near, 0.012),
    travelMode,
    worksNights: !rnd.chance(0.12),
  };
}

function generateAbsences(rnd: Random, employees: Employee[], from: string, days: number): Absence[] {
  const out: Absence[] = [];
  for (const e of employees) {
    if (rnd.chance(0.22)) {
      const startDay = rnd.int(days - 7);
      const length = rnd.pick([5, 7, 9, 14]);
      out.push({
        id: `abs-${out.length + 1}`,
        employeeId: e.id,
        kind: 'leave',
        start: `${addDays(from, startDay)}T00:00`,
        end: `${addDays(from, startDay + length)}T00:00`,
      });
    }
    // About 6 % sickness absence in VVT: short spells, occasionally longer.
    if (rnd.chance(0.18)) {
      const startDay = rnd.int(days);
      const length = rnd.weighted([1, 2, 3, 5, 10, 21], [25, 25, 20, 15, 10, 5]);
      out.push({
        id: `abs-${out.length + 1}`,
        employeeId: e.id,
        kind: 'sick',
        start: `${addDays(from, startDay)}T00:00`,
        end: `${addDays(from, Math.min(days, startDay + length))}T00:00`,
      });
    }
    if (rnd.chance(0.05)) {
      const day = rnd.int(days);
      out.push({
        id: `abs-${out.length + 1}`,
        employeeId: e.id,
        kind: 'training',
        start: `${addDays(from, day)}T09:00`,
        end: `${addDays(from, day)}T17:00`,
      });
    }
  }
  return out.filter((a) => a.end > a.start);
}

function generateWishes(
  rnd: Random,
  employees: Employee[],
  periodStart: string,
  shiftTypes: ShiftType[],
): Wish[] {
  const out: Wish[] = [];
  for (const e of employees) {
    if (!rnd.chance(0.55)) continue;
    const homeCare = e.teamIds[0].startsWith('team-wijk');
    const own = shiftTypes.filter((s) => (homeCare ? s.code.startsWith('R') : !s.code.startsWith('R')));
    const count = rnd.between(1, 5);
    for (let i = 0; i < count; i++) {
      const date = addDays(periodStart, rnd.int(28));
      const kind = rnd.weighted(['day-off', 'unwanted-shift', 'wanted-shift'] as const, [55, 25, 20]);
      const wish: Wish = {
        id: `wish-${out.length + 1}`,
        employeeId: e.id,
        date,
        kind,
        priority: rnd.weighted([1, 2, 3], [50, 35, 15]),
      };
      if (kind !== 'day-off') wish.shiftTypeId = rnd.pick(own).id;
      if (!out.some((w) => w.employeeId === e.id && w.date === date)) out.push(wish);
    }
  }
  return out;
}

interface CareActivity {
  name: string;
  windows: Array<[string, string]>;
  duration: [number, number];
  minLevel: number;
  skills: string[];
  /** ISO weekdays on which it happens; empty = every day. */
  weekdays: number[];
  twoCarers?: boolean;
  optionalCost?: number;
}

const ACTIVITIES: Record<string, CareActivity> = {
  ochtendzorg: {
    name: 'Ochtendzorg (ADL)',
    windows: [['07:00', '10:30']],
    duration: [25, 40],
    minLevel: 2,
    skills: [],
    weekdays: [],
  },
  steunkousenAan: {
    name: 'Steunkousen aan',
    windows: [['07:00', '10:00']],
    duration: [10, 15],
    minLevel: 2,
    skills: [],
    weekdays: [],
  },
  medicatieOchtend: {
    name: 'Medicatie ochtend',
    windows: [['08:00', '09:00']],
    duration: [10, 10],
    minLevel: 3,
    skills: ['medicatie'],
    weekdays: [],
  },
  insulineOchtend: {
    name: 'Insuline ochtend',
    windows: [['07:30', '08:15']],
    duration: [10, 15],
    minLevel: 3,
    skills: ['insuline'],
    weekdays: [],
  },
  wondzorg: {
    name: 'Wondzorg',
    windows: [
      ['09:30', '11:30'],
      ['13:30', '15:30'],
    ],
    duration: [25, 40],
    minLevel: 4,
    skills: ['wondzorg'],
    weekdays: [1, 3, 5],
  },
  douchen: {
    name: 'Douchen',
    windows: [['08:00', '11:30']],
    duration: [40, 50],
    minLevel: 2,
    skills: [],
    weekdays: [2, 5],
  },
  medicatieMiddag: {
    name: 'Medicatie middag',
    windows: [['12:00', '13:30']],
    duration: [10, 10],
    minLevel: 3,
    skills: ['medicatie'],
    weekdays: [],
  },
  insulineAvond: {
    name: 'Insuline avond',
    windows: [['17:00', '18:30']],
    duration: [10, 15],
    minLevel: 3,
    skills: ['insuline'],
    weekdays: [],
  },
  avondzorg: {
    name: 'Avondzorg',
    windows: [['19:00', '22:00']],
    duration: [20, 30],
    minLevel: 2,
    skills: [],
    weekdays: [],
  },
  steunkousenUit: {
    name: 'Steunkousen uit',
    windows: [['18:30', '21:45']],
    duration: [10, 10],
    minLevel: 2,
    skills: [],
    weekdays: [],
  },
  transferTillift: {
    name: 'Ochtendzorg met tillift (2 zorgverleners)',
    windows: [['07:30', '10:30']],
    duration: [40, 45],
    minLevel: 2,
    skills: [],
    weekdays: [],
    twoCarers: true,
  },
  begeleiding: {
    name: 'Begeleiding',
    windows: [['10:00', '16:00']],
    duration: [45, 60],
    minLevel: 3,
    skills: [],
    weekdays: [2, 4],
    optionalCost: 60,
  },
};

/** Care profiles with their share of clients; visits per client-day average about 2.7. */
const PROFILES: Array<{ weight: number; activities: string[] }> = [
  { weight: 20, activities: ['ochtendzorg', 'avondzorg', 'medicatieMiddag'] },
  { weight: 16, activities: ['steunkousenAan', 'steunkousenUit'] },
  { weight: 12, activities: ['medicatieOchtend', 'medicatieMiddag', 'avondzorg'] },
  { weight: 10, activities: ['insulineOchtend', 'insulineAvond', 'ochtendzorg'] },
  { weight: 10, activities: ['wondzorg', 'steunkousenAan', 'steunkousenUit'] },
  { weight: 8, activities: ['ochtendzorg', 'douchen', 'avondzorg', 'medicatieOchtend'] },
  { weight: 8, activities: ['medicatieOchtend', 'begeleiding'] },
  { weight: 6, activities: ['ochtendzorg', 'steunkousenUit', 'wondzorg'] },
  { weight: 3, activities: ['transferTillift', 'avondzorg', 'medicatieMiddag'] },
  { weight: 7, activities: ['ochtendzorg', 'medicatieMiddag', 'insulineAvond', 'avondzorg'] },
];

function expectedVisitsPerDay(activities: string[]): number {
  return activities.reduce(
    (sum, a) => sum + (ACTIVITIES[a].weekdays.length ? ACTIVITIES[a].weekdays.length / 7 : 1),
    0,
  );
}

function generateHomeCare(
  rnd: Random,
  orgId: string,
  teams: Team[],
  locations: Location[],
  employees: Employee[],
  visitsPerDay: number,
  weekStart: string,
): { clients: Client[]; visits: CareVisit[] } {
  const clients: Client[] = [];
  const visits: CareVisit[] = [];
  if (teams.length === 0) return { clients, visits };
  const meanPerClient =
    PROFILES.reduce((s, p) => s + p.weight * expectedVisitsPerDay(p.activities), 0) /
    PROFILES.reduce((s, p) => s + p.weight, 0);
  const clientCount = Math.round(visitsPerDay / meanPerClient);
  const profileOf: number[] = [];
  for (let c = 0; c < clientCount; c++) {
    const team = teams[c % teams.length];
    const office = locations.find((l) => l.id === team.locationId)!;
    const profile = rnd.weighted(
      PROFILES.map((_, i) => i),
      PROFILES.map((p) => p.weight),
    );
    profileOf.push(profile);
    clients.push({
      id: `client-${String(c + 1).padStart(4, '0')}`,
      organisationId: orgId,
      teamId: team.id,
      name: `${rnd.weighted(['Mw.', 'Dhr.'], [62, 38])} ${rnd.pick([...INITIALS])}. ${rnd.pick(LAST_NAMES)}`,
      address: `${rnd.pick(STREETS)} ${rnd.between(1, 250)}, Zoetermeer`,
      point: jitter(rnd, office.point, 0.007),
    });
  }
  const staffByTeam = new Map(teams.map((t) => [t.id, employees.filter((e) => e.teamIds.includes(t.id))]));
  const preferredOf = clients.map((client) => {
    const staff = staffByTeam.get(client.teamId)!;
    return rnd
      .shuffle([...staff])
      .slice(0, 3)
      .map((e) => e.id);
  });
  const excludedOf = clients.map((client, i) => {
    if (!rnd.chance(0.04)) return [];
    const staff = staffByTeam.get(client.teamId)!.filter((e) => !preferredOf[i].includes(e.id));
    return staff.length ? [rnd.pick(staff).id] : [];
  });
  for (let day = 0; day < 7; day++) {
    const date = addDays(weekStart, day);
    const weekday = isoWeekday(date);
    clients.forEach((client, c) => {
      for (const key of PROFILES[profileOf[c]].activities) {
        const activity = ACTIVITIES[key];
        if (activity.weekdays.length && !activity.weekdays.includes(weekday)) continue;
        const visit: CareVisit = {
          id: `visit-${date}-${client.id}-${key}`,
          clientId: client.id,
          date,
          windows: activity.windows.map(([start, end]) => ({ start, end })),
          durationMinutes: rnd.between(activity.duration[0], activity.duration[1]),
          minLevel: activity.minLevel,
          skills: activity.skills,
          preferredCarerIds: preferredOf[c],
          excludedCarerIds: excludedOf[c],
          carersRequired: activity.twoCarers ? 2 : 1,
        };
        if (activity.twoCarers) visit.sync = { kind: 'simultaneous', minGapMinutes: 0, maxGapMinutes: 0 };
        if (activity.optionalCost !== undefined) visit.optionalCost = activity.optionalCost;
        visits.push(visit);
      }
    });
  }
  return { clients, visits };
}

/** Names of care activities by visit id suffix, for display. */
export function activityName(visitId: string): string {
  const key = visitId.slice(visitId.lastIndexOf('-') + 1);
  return ACTIVITIES[key]?.name ?? key;
}
