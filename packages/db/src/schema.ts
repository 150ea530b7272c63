/**
 * The one database schema for both drivers (embedded PGlite and PostgreSQL). Every planning table
 * carries `organisation_id` in its primary key, so tenancy is part of every lookup. Absences store
 * a period and a kind only — never a diagnosis or a cause (AVG).
 */
import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CareVisit, CarerShift, GeoPoint } from '@planmaat/domain';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const org = () =>
  text('organisation_id')
    .notNull()
    .references(() => organisations.id, { onDelete: 'cascade' });

export const organisations = pgTable('organisations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  ruleProfiles: jsonb('rule_profiles').$type<string[]>().notNull(),
  timeZone: text('time_zone').notNull().default('Europe/Amsterdam'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

export const roles = ['admin', 'planner', 'team-leader', 'employee'] as const;
export type Role = (typeof roles)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    passwordHash: text('password_hash'),
    /** The employee record this account belongs to (role employee, optionally team leader). */
    employeeId: text('employee_id'),
    /** Teams a team leader leads. */
    teamIds: jsonb('team_ids').$type<string[]>().notNull().default([]),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    uniqueIndex('users_oidc_unique').on(t.oidcIssuer, t.oidcSubject),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not leak usable sessions. */
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const locations = pgTable(
  'locations',
  {
    organisationId: org(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    point: jsonb('point').$type<GeoPoint>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const teams = pgTable(
  'teams',
  {
    organisationId: org(),
    id: text('id').notNull(),
    locationId: text('location_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<'ward' | 'home-care'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const employees = pgTable(
  'employees',
  {
    organisationId: org(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    teamIds: jsonb('team_ids').$type<string[]>().notNull(),
    contractHoursPerWeek: real('contract_hours_per_week').notNull(),
    level: integer('level').notNull(),
    skills: jsonb('skills').$type<string[]>().notNull().default([]),
    birthDate: text('birth_date').notNull(),
    home: jsonb('home').$type<GeoPoint>(),
    travelMode: text('travel_mode').$type<'car' | 'bike' | 'e-bike' | 'walk'>().notNull().default('car'),
    worksNights: boolean('works_nights').notNull().default(true),
    /** First and last day of employment (`YYYY-MM-DD`), for turnover figures and availability. */
    employmentStart: text('employment_start'),
    employmentEnd: text('employment_end'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const shiftTypes = pgTable(
  'shift_types',
  {
    organisationId: org(),
    id: text('id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    breakMinutes: integer('break_minutes').notNull().default(0),
    category: text('category').$type<'early' | 'day' | 'late' | 'night' | 'other'>().notNull(),
    color: text('color').notNull().default('#888888'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const demand = pgTable(
  'demand',
  {
    organisationId: org(),
    teamId: text('team_id').notNull(),
    date: text('date').notNull(),
    shiftTypeId: text('shift_type_id').notNull(),
    minLevel: integer('min_level').notNull(),
    skills: jsonb('skills').$type<string[]>().notNull().default([]),
    min: integer('min').notNull(),
    ideal: integer('ideal').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.teamId, t.date, t.shiftTypeId, t.minLevel] })],
);

export const absences = pgTable(
  'absences',
  {
    organisationId: org(),
    id: text('id').notNull(),
    employeeId: text('employee_id').notNull(),
    kind: text('kind').$type<'leave' | 'sick' | 'unavailable' | 'training' | 'parental-leave'>().notNull(),
    start: text('start').notNull(),
    end: text('end').notNull(),
    countedHours: real('counted_hours'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('absences_employee').on(t.organisationId, t.employeeId),
  ],
);

/**
 * Leave an employee asks for: a period and a kind, never a cause or a diagnosis (AVG). Approval
 * creates the absence (id `leave-<request id>`) in the same transaction.
 */
export const leaveRequestStatuses = ['requested', 'approved', 'rejected', 'withdrawn'] as const;
export type LeaveRequestStatus = (typeof leaveRequestStatuses)[number];

export const leaveRequests = pgTable(
  'leave_requests',
  {
    organisationId: org(),
    id: uuid('id').notNull().defaultRandom(),
    employeeId: text('employee_id').notNull(),
    kind: text('kind').$type<'leave'>().notNull().default('leave'),
    /** Europe/Amsterdam wall-clock date-times, like absences (`end` is exclusive). */
    start: text('start').notNull(),
    end: text('end').notNull(),
    status: text('status').$type<LeaveRequestStatus>().notNull().default('requested'),
    requestedBy: uuid('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The planner's reason for a decision (about the planning, not about the person). */
    decisionReason: text('decision_reason'),
    absenceId: text('absence_id'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('leave_requests_employee').on(t.organisationId, t.employeeId, t.start),
    index('leave_requests_status').on(t.organisationId, t.status, t.start),
  ],
);

/**
 * The secret iCal subscription link of an employee: one per employee. The token is kept so the
 * employee can see the link again (to subscribe on a second device); the feed holds only their
 * own published shifts, and renewing replaces the token, which ends the old link.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    organisationId: org(),
    employeeId: text('employee_id').notNull(),
    token: text('token').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.employeeId] }),
    uniqueIndex('calendar_feeds_token').on(t.token),
  ],
);

export const wishes = pgTable(
  'wishes',
  {
    organisationId: org(),
    id: text('id').notNull(),
    employeeId: text('employee_id').notNull(),
    date: text('date').notNull(),
    kind: text('kind').$type<'wanted-shift' | 'unwanted-shift' | 'day-off'>().notNull(),
    shiftTypeId: text('shift_type_id'),
    priority: integer('priority').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('wishes_employee').on(t.organisationId, t.employeeId),
  ],
);

export const rosterPeriods = pgTable(
  'roster_periods',
  {
    organisationId: org(),
    id: text('id').notNull(),
    teamId: text('team_id').notNull(),
    start: text('start').notNull(),
    weeks: integer('weeks').notNull(),
    status: text('status').$type<'draft' | 'published'>().notNull().default('draft'),
    publishedAt: text('published_at'),
    /** Optimistic concurrency: every change to the period or its assignments increments it. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('roster_periods_team').on(t.organisationId, t.teamId),
  ],
);

export const assignments = pgTable(
  'assignments',
  {
    organisationId: org(),
    rosterPeriodId: text('roster_period_id').notNull(),
    employeeId: text('employee_id').notNull(),
    date: text('date').notNull(),
    shiftTypeId: text('shift_type_id').notNull(),
    pinned: boolean('pinned').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.rosterPeriodId, t.employeeId, t.date] }),
    index('assignments_employee').on(t.organisationId, t.employeeId, t.date),
  ],
);

/**
 * Every change to a roster period, numbered by the version it produced. Serves both the conflict
 * answer ("what changed since your version") and the audit log of published rosters.
 */
export const rosterChanges = pgTable(
  'roster_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: org(),
    rosterPeriodId: text('roster_period_id').notNull(),
    version: integer('version').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    /** Whether the roster was published when the change was made (the audit log proper). */
    published: boolean('published').notNull(),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('roster_changes_period').on(t.organisationId, t.rosterPeriodId, t.version)],
);

export const clients = pgTable(
  'clients',
  {
    organisationId: org(),
    id: text('id').notNull(),
    teamId: text('team_id').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull().default(''),
    point: jsonb('point').$type<GeoPoint>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.id] })],
);

export const visits = pgTable(
  'visits',
  {
    organisationId: org(),
    id: text('id').notNull(),
    clientId: text('client_id').notNull(),
    date: text('date').notNull(),
    /** The full visit (windows, skills, sync, ...) as validated by the domain schema. */
    data: jsonb('data').$type<CareVisit>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.id] }),
    index('visits_date').on(t.organisationId, t.date),
  ],
);

export const carerShifts = pgTable(
  'carer_shifts',
  {
    organisationId: org(),
    employeeId: text('employee_id').notNull(),
    date: text('date').notNull(),
    data: jsonb('data').$type<CarerShift>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.employeeId, t.date] })],
);

export const jobStatuses = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export const solveJobs = pgTable(
  'solve_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    kind: text('kind').notNull(),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    params: jsonb('params').notNull(),
    timeLimitSeconds: integer('time_limit_seconds').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    bestScore: doublePrecision('best_score'),
    /** Best score over time: [{elapsedMs, score}], thinned to a few hundred points. */
    progress: jsonb('progress').$type<Array<{ elapsedMs: number; score: number }>>().notNull().default([]),
    result: jsonb('result'),
    error: text('error'),
    workerId: text('worker_id'),
  },
  (t) => [index('solve_jobs_org').on(t.organisationId, t.createdAt)],
);

export const proposalStatuses = ['open', 'accepted', 'rejected', 'superseded'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

export const proposals = pgTable(
  'proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: org(),
    /** One proposal per job: the unique key makes a retried result write idempotent. */
    jobId: uuid('job_id')
      .notNull()
      .references(() => solveJobs.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** What the proposal would change, e.g. a roster period id. */
    targetId: text('target_id').notNull(),
    /** The target's version the solve started from; accepting after other changes is a conflict. */
    baseVersion: integer('base_version').notNull(),
    status: text('status').$type<ProposalStatus>().notNull().default('open'),
    payload: jsonb('payload').notNull(),
    score: doublePrecision('score'),
    createdAt: createdAt(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('proposals_job_unique').on(t.jobId)],
);

/**
 * Actions a team agreed in its team meeting (workforce insight), per team and period, followed up
 * the next time. Free text about the team's work, never about a person's health.
 */
export const teamActions = pgTable(
  'team_actions',
  {
    organisationId: org(),
    teamId: text('team_id').notNull(),
    id: text('id').notNull(),
    periodId: text('period_id').notNull(),
    text: text('text').notNull(),
    owner: text('owner'),
    status: text('status').$type<'open' | 'done' | 'dropped'>().notNull().default('open'),
    followUp: text('follow_up'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.teamId, t.id] })],
);

/** Themes staff flag on their roster (workforce insight): team and date only, never who. */
export const staffFlags = pgTable(
  'staff_flags',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organisationId: org(),
    teamId: text('team_id').notNull(),
    date: text('date').notNull(),
    theme: text('theme').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('staff_flags_team').on(t.organisationId, t.teamId, t.date)],
);
