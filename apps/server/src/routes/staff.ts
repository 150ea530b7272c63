/**
 * The staff side: leave requests (an employee asks, a planner or the team's leader decides; approval
 * creates the absence) and the personal iCal subscription link with its public feed.
 */
import { createHash } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as repo from '@planmaat/db';
import { addDays, bilingual, clockTime, fromEpochMinutes, localDate } from '@planmaat/domain';
import { writeShiftCalendar, type CalendarShift } from '@planmaat/interchange';
import { canReadAll, isStaff, type User } from '../auth/access.ts';
import { requireSession } from '../auth/session.ts';
import { newRouter, type AppEnv } from '../http/context.ts';
import { forbidden, problemResponse } from '../http/problem.ts';
import { todayLocal } from './planning.ts';
import { idParam, json, jsonBody, pageOf, pageQuery, problems } from '../http/schemas.ts';

const auth = [requireSession()];

/** Feed window: eight weeks back, twenty-six weeks ahead of today. */
export const FEED_DAYS_BACK = 56;
export const FEED_DAYS_AHEAD = 182;

const leaveRequestOut = z
  .object({
    id: z.string(),
    employeeId: z.string(),
    employeeName: z.string().nullable(),
    kind: z.literal('leave'),
    start: z.string().openapi({ description: 'Wall-clock date-time (Europe/Amsterdam)' }),
    end: z.string().openapi({ description: 'Wall-clock date-time, exclusive' }),
    status: z.enum(repo.leaveRequestStatuses),
    requestedAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedByName: z.string().nullable(),
    decisionReason: z.string().nullable(),
    absenceId: z.string().nullable(),
    plannedShifts: z
      .array(
        z.object({
          rosterPeriodId: z.string(),
          date: z.string(),
          shiftTypeId: z.string(),
          code: z.string().nullable(),
        }),
      )
      .openapi({ description: 'Shifts the employee is rostered for in the period: open once approved' }),
  })
  .openapi('LeaveRequest');

const leaveRequestIn = z
  .object({
    employeeId: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Default: your own employee record. Only planners act for others.' }),
    from: localDate.describe('First day'),
    to: localDate.describe('Last day (inclusive)'),
    startTime: clockTime.optional().describe('Part of a day: start on the first day'),
    endTime: clockTime.optional().describe('Part of a day: end on the last day'),
  })
  // No free text: a cause or a diagnosis cannot even be sent (AVG).
  .strict()
  .refine(
    (r) => r.to >= r.from,
    bilingual('De laatste dag ligt vóór de eerste dag', 'The last day is before the first day', ['to']),
  )
  .refine(
    (r) => r.from !== r.to || !r.startTime || !r.endTime || r.endTime > r.startTime || r.endTime === '00:00',
    bilingual('De eindtijd ligt niet na de begintijd', 'The end time is not after the start time', [
      'endTime',
    ]),
  )
  .openapi('LeaveRequestInput');

const decisionIn = z
  .object({
    reason: z
      .string()
      .max(500)
      .optional()
      .openapi({ description: 'About the planning (e.g. coverage), never about the person' }),
  })
  .strict();

const calendarLinkOut = z
  .object({
    url: z.string().openapi({
      description:
        'The feed URL (made on the first call). Anyone with it can read the feed: renewing (POST) ends the old one.',
    }),
    createdAt: z.string(),
  })
  .openapi('CalendarLink');

const routes = {
  listLeave: createRoute({
    method: 'get',
    path: '/leave-requests',
    tags: ['leave'],
    summary: 'Verlofaanvragen / leave requests',
    description:
      'Employees see their own requests, team leaders those of their teams, planners all. Open requests first.',
    middleware: auth,
    request: {
      query: pageQuery.extend({
        status: z.enum(repo.leaveRequestStatuses).optional(),
        employeeId: z.string().max(100).optional(),
        teamId: z.string().max(100).optional(),
        from: localDate.optional(),
        to: localDate.optional(),
      }),
    },
    responses: {
      200: json(pageOf(leaveRequestOut, 'LeaveRequestPage'), 'Leave requests'),
      ...problems(400, 401, 403),
    },
  }),
  createLeave: createRoute({
    method: 'post',
    path: '/leave-requests',
    tags: ['leave'],
    summary: 'Verlof aanvragen / request leave',
    description:
      'Whole days from `from` to `to`; with `startTime`/`endTime` the first day starts and the last day ends at those times. Status `requested`.',
    middleware: auth,
    request: { body: jsonBody(leaveRequestIn) },
    responses: { 201: json(leaveRequestOut, 'Requested'), ...problems(400, 401, 403, 413, 422) },
  }),
  getLeave: createRoute({
    method: 'get',
    path: '/leave-requests/{id}',
    tags: ['leave'],
    middleware: auth,
    request: { params: idParam },
    responses: { 200: json(leaveRequestOut, 'Leave request'), ...problems(401, 403, 404) },
  }),
  approveLeave: createRoute({
    method: 'post',
    path: '/leave-requests/{id}/approve',
    tags: ['leave'],
    summary: 'Goedkeuren: maakt de afwezigheid / approve: creates the absence',
    middleware: auth,
    request: { params: idParam, body: jsonBody(decisionIn) },
    responses: {
      200: json(
        z.object({ request: leaveRequestOut, absenceId: z.string() }),
        'Approved; the absence is created in the same transaction',
      ),
      ...problems(400, 401, 403, 404, 422),
    },
  }),
  rejectLeave: createRoute({
    method: 'post',
    path: '/leave-requests/{id}/reject',
    tags: ['leave'],
    summary: 'Afwijzen / reject',
    middleware: auth,
    request: { params: idParam, body: jsonBody(decisionIn) },
    responses: { 200: json(leaveRequestOut, 'Rejected'), ...problems(400, 401, 403, 404, 422) },
  }),
  withdrawLeave: createRoute({
    method: 'post',
    path: '/leave-requests/{id}/withdraw',
    tags: ['leave'],
    summary: 'Intrekken door de medewerker zelf / withdraw (own open request)',
    middleware: auth,
    request: { params: idParam },
    responses: { 200: json(leaveRequestOut, 'Withdrawn'), ...problems(401, 403, 404, 422) },
  }),
  calendarLink: createRoute({
    method: 'get',
    path: '/me/calendar',
    tags: ['calendar'],
    summary: 'Eigen agenda-link (iCal) / own calendar subscription link',
    description:
      'Makes the link on the first call. Needs an account linked to an employee record (else 422).',
    middleware: auth,
    responses: { 200: json(calendarLinkOut, 'The link'), ...problems(401, 422) },
  }),
  renewCalendarLink: createRoute({
    method: 'post',
    path: '/me/calendar',
    tags: ['calendar'],
    summary: 'Nieuwe agenda-link; de oude werkt niet meer / renew: the old link stops working',
    middleware: auth,
    responses: { 200: json(calendarLinkOut, 'The new link'), ...problems(401, 403, 422) },
  }),
  feed: createRoute({
    method: 'get',
    path: '/calendar/{file}',
    tags: ['calendar'],
    summary:
      'iCal-feed: eigen gepubliceerde diensten / own published shifts (no login; the link is the secret)',
    description: `\`{token}.ics\`. Shifts of published rosters from ${FEED_DAYS_BACK} days back to ${FEED_DAYS_AHEAD} days ahead, times in UTC. No absences, nothing about others.`,
    security: [],
    request: { params: z.object({ file: z.string().max(200).openapi({ example: '<token>.ics' }) }) },
    responses: {
      200: { description: 'iCalendar', content: { 'text/calendar': { schema: z.string() } } },
      ...problems(404),
    },
  }),
};

type Db = repo.Database;

/** May approve or reject this employee's leave: planners and admins, or a leader of one of their teams. */
function canDecide(user: User, employeeTeamIds: string[]): boolean {
  if (isStaff(user)) return true;
  return user.role === 'team-leader' && employeeTeamIds.some((t) => user.teamIds.includes(t));
}

async function teamsOf(db: Db, organisationId: string, employeeId: string): Promise<string[]> {
  return repo
    .getEmployee(db, organisationId, employeeId)
    .then((e) => e.teamIds)
    .catch(() => []);
}

async function requireRead(db: Db, user: User, request: repo.LeaveRequest): Promise<void> {
  if (user.employeeId && user.employeeId === request.employeeId) return;
  if (canDecide(user, await teamsOf(db, user.organisationId, request.employeeId))) return;
  throw forbidden();
}

async function requireDecide(db: Db, user: User, request: repo.LeaveRequest): Promise<void> {
  if (!canDecide(user, await teamsOf(db, user.organisationId, request.employeeId))) throw forbidden();
  if (user.employeeId === request.employeeId)
    throw forbidden('U beoordeelt uw eigen aanvraag niet / you do not decide on your own request.');
}

/**
 * Requests with the employee's name and the shifts already rostered in the requested period (for an
 * employee only those of published rosters: drafts are the planner's).
 */
async function withContext(db: Db, user: User, requests: repo.LeaveRequest[]) {
  if (requests.length === 0) return [];
  const { organisationId } = user;
  const employeeIds = [...new Set(requests.map((r) => r.employeeId))];
  const from = requests.reduce((m, r) => (r.start < m ? r.start : m), requests[0].start).slice(0, 10);
  const to = requests.reduce((m, r) => (r.end > m ? r.end : m), requests[0].end).slice(0, 10);
  const [employees, assigned, shiftTypes, published] = await Promise.all([
    repo.listEmployees(db, organisationId, { ids: employeeIds }, { limit: 500, offset: 0 }),
    repo.listAssignmentsInRange(db, organisationId, { employeeIds, from, to }),
    repo.listShiftTypes(db, organisationId),
    canReadAll(user) ? null : repo.listRosterPeriods(db, organisationId, { status: 'published' }),
  ]);
  const visible = published && new Set(published.map((p) => p.id));
  const shifts = visible ? assigned.filter((a) => visible.has(a.rosterPeriodId)) : assigned;
  const names = new Map(employees.items.map((e) => [e.id, e.name]));
  const codes = new Map(shiftTypes.map((s) => [s.id, s.code]));
  return requests.map((r) => ({
    ...r,
    employeeName: names.get(r.employeeId) ?? null,
    plannedShifts: shifts
      // A shift on a day the request covers (by its start day; a part-day request counts its days).
      .filter(
        (a) => a.employeeId === r.employeeId && `${a.date}T23:59` >= r.start && `${a.date}T00:00` < r.end,
      )
      .map((a) => ({
        rosterPeriodId: a.rosterPeriodId,
        date: a.date,
        shiftTypeId: a.shiftTypeId,
        code: codes.get(a.shiftTypeId) ?? null,
      })),
  }));
}

function requireOwnEmployee(user: User): string {
  if (!user.employeeId)
    throw new repo.RuleViolationError(
      'Uw account hoort niet bij een medewerker / your account is not linked to an employee record',
      'employeeId',
    );
  return user.employeeId;
}

/** The address the caller reached us on (the proxy's scheme when behind one). */
function publicOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0].trim();
  return `${proto ? `${proto}:` : url.protocol}//${c.req.header('x-forwarded-host') ?? url.host}`;
}

const feedPath = (token: string) => `/api/calendar/${token}.ics`;
const TOKEN_FILE_RE = /^([A-Za-z0-9_-]{20,100})\.ics$/;

const feedNotFound = () =>
  problemResponse({
    type: 'https://planmaat.nl/problems/not-found',
    title: 'Niet gevonden / not found',
    status: 404,
    detail: 'Deze agenda-link bestaat niet (meer) / this calendar link does not exist (any more).',
  });

/** Stable event id per assignment (period, employee, day), without showing the ids themselves. */
function eventUid(organisationId: string, employeeId: string, periodId: string, date: string): string {
  const digest = createHash('sha256')
    .update(`${organisationId}|${periodId}|${employeeId}|${date}`)
    .digest('hex');
  return `${digest.slice(0, 32)}@planmaat`;
}

export function staffRoutes() {
  const app = newRouter();
  const db = (c: Context<AppEnv>) => c.get('deps').handle.db;

  app.openapi(routes.listLeave, async (c) => {
    const user = c.get('user');
    const { limit, offset, status, employeeId, teamId, from, to } = c.req.valid('query');
    const filter: repo.LeaveRequestFilter = { status, from, to };
    if (employeeId) {
      if (
        user.employeeId !== employeeId &&
        !canDecide(user, await teamsOf(db(c), user.organisationId, employeeId))
      )
        throw forbidden();
      filter.employeeIds = [employeeId];
    } else if (!isStaff(user)) {
      if (user.role === 'team-leader') filter.teamIds = user.teamIds;
      else filter.employeeIds = [user.employeeId ?? ''];
    }
    if (teamId) {
      if (user.role === 'team-leader' && !user.teamIds.includes(teamId)) throw forbidden();
      if (isStaff(user) || user.role === 'team-leader') filter.teamIds = [teamId];
    }
    const page = await repo.listLeaveRequests(db(c), user.organisationId, filter, { limit, offset });
    return c.json({ ...page, items: await withContext(db(c), user, page.items) }, 200);
  });

  app.openapi(routes.createLeave, async (c) => {
    const user = c.get('user');
    const body = c.req.valid('json');
    const employeeId = body.employeeId ?? requireOwnEmployee(user);
    // Employees ask for themselves only; a planner or the team's leader may enter one for them.
    if (
      employeeId !== user.employeeId &&
      !canDecide(user, await teamsOf(db(c), user.organisationId, employeeId))
    )
      throw forbidden('U kunt alleen voor uzelf verlof aanvragen / you can only request leave for yourself.');
    // A request is for the future; a planner records a past absence (sick call) as an absence instead.
    const today = todayLocal();
    if (body.from < today)
      throw new repo.RuleViolationError(
        `De eerste dag (${body.from}) ligt vóór vandaag (${today}) / the first day (${body.from}) is before today (${today})`,
        'from',
        'past_date',
      );
    const start = `${body.from}T${body.startTime ?? '00:00'}`;
    const end =
      body.endTime && body.endTime !== '00:00'
        ? `${body.to}T${body.endTime}`
        : `${addDays(body.to, 1)}T00:00`;
    const created = await repo.createLeaveRequest(db(c), user.organisationId, {
      employeeId,
      start,
      end,
      requestedBy: user.id,
    });
    const [out] = await withContext(db(c), user, [created]);
    return c.json(out, 201);
  });

  app.openapi(routes.getLeave, async (c) => {
    const user = c.get('user');
    const request = await repo.getLeaveRequest(db(c), user.organisationId, c.req.valid('param').id);
    await requireRead(db(c), user, request);
    const [out] = await withContext(db(c), user, [request]);
    return c.json(out, 200);
  });

  app.openapi(routes.approveLeave, async (c) => {
    const user = c.get('user');
    const { id } = c.req.valid('param');
    await requireDecide(db(c), user, await repo.getLeaveRequest(db(c), user.organisationId, id));
    const { request, absence } = await repo.approveLeaveRequest(
      db(c),
      user.organisationId,
      id,
      { userId: user.id, name: user.name },
      c.req.valid('json').reason,
    );
    const [out] = await withContext(db(c), user, [request]);
    return c.json({ request: out, absenceId: absence.id }, 200);
  });

  app.openapi(routes.rejectLeave, async (c) => {
    const user = c.get('user');
    const { id } = c.req.valid('param');
    await requireDecide(db(c), user, await repo.getLeaveRequest(db(c), user.organisationId, id));
    const request = await repo.rejectLeaveRequest(
      db(c),
      user.organisationId,
      id,
      { userId: user.id, name: user.name },
      c.req.valid('json').reason,
    );
    const [out] = await withContext(db(c), user, [request]);
    return c.json(out, 200);
  });

  app.openapi(routes.withdrawLeave, async (c) => {
    const user = c.get('user');
    const { id } = c.req.valid('param');
    const current = await repo.getLeaveRequest(db(c), user.organisationId, id);
    if (user.employeeId !== current.employeeId) {
      // Others may not even learn that it exists unless they could read it.
      await requireRead(db(c), user, current);
      throw forbidden('Alleen de medewerker zelf trekt een aanvraag in / only the employee can withdraw.');
    }
    const request = await repo.withdrawLeaveRequest(db(c), user.organisationId, id);
    const [out] = await withContext(db(c), user, [request]);
    return c.json(out, 200);
  });

  app.openapi(routes.calendarLink, async (c) => {
    const user = c.get('user');
    const employeeId = requireOwnEmployee(user);
    await repo.getEmployee(db(c), user.organisationId, employeeId);
    const link = await repo.ensureCalendarToken(db(c), user.organisationId, employeeId, user.id);
    return c.json({ url: publicOrigin(c) + feedPath(link.token), createdAt: link.createdAt }, 200);
  });

  app.openapi(routes.renewCalendarLink, async (c) => {
    const user = c.get('user');
    const employeeId = requireOwnEmployee(user);
    await repo.getEmployee(db(c), user.organisationId, employeeId);
    const link = await repo.renewCalendarToken(db(c), user.organisationId, employeeId, user.id);
    return c.json({ url: publicOrigin(c) + feedPath(link.token), createdAt: link.createdAt }, 200);
  });

  app.openapi(routes.feed, async (c) => {
    const match = TOKEN_FILE_RE.exec(c.req.valid('param').file);
    if (!match) return feedNotFound();
    const owner = await repo.findCalendarFeed(db(c), match[1]);
    if (!owner) return feedNotFound();
    const { organisationId, employeeId } = owner;
    const [organisation, employee, shiftTypes] = await Promise.all([
      repo.getOrganisation(db(c), organisationId),
      repo.getEmployee(db(c), organisationId, employeeId).catch(() => null),
      repo.listShiftTypes(db(c), organisationId),
    ]);
    if (!employee) return feedNotFound();
    const zone = organisation.timeZone;
    const today = fromEpochMinutes(Math.floor(Date.now() / 60_000), zone).slice(0, 10);
    const rows = await repo.listPublishedShifts(db(c), organisationId, employeeId, {
      from: addDays(today, -FEED_DAYS_BACK),
      to: addDays(today, FEED_DAYS_AHEAD),
    });
    const typeById = new Map(shiftTypes.map((s) => [s.id, s]));
    const shifts: CalendarShift[] = rows.flatMap((r) => {
      const shift = typeById.get(r.shiftTypeId);
      if (!shift) return [];
      const place = [r.teamName, r.locationName, r.locationAddress].filter(Boolean).join(', ');
      return [
        {
          uid: eventUid(organisationId, employeeId, r.rosterPeriodId, r.date),
          date: r.date,
          shift,
          location: place || undefined,
          sequence: r.periodVersion,
        },
      ];
    });
    const text = writeShiftCalendar(shifts, {
      name: `Rooster ${organisation.name}`,
      generatedAt: new Date(),
      zone,
    });
    return c.body(text, 200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="rooster.ics"',
      'cache-control': 'no-store',
      'x-robots-tag': 'noindex',
    });
  });

  return app;
}
