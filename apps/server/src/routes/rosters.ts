/** Roster periods and their assignments: draft → publish, optimistic concurrency, audit log. */
import { createRoute, z } from '@hono/zod-openapi';
import * as repo from '@planmaat/db';
import { bilingual, isoWeekday, localDate, type Assignment, type RosterPeriod } from '@planmaat/domain';
import type { TypedResponse } from 'hono';
import { canReadAll, requireReadAll, requireRosterWrite, rosterWriteTeams } from '../auth/access.ts';
import { requireSession } from '../auth/session.ts';
import { newRouter, type AppDeps } from '../http/context.ts';
import { forbidden, HttpProblem } from '../http/problem.ts';
import {
  assignmentOut,
  idParam,
  json,
  jsonBody,
  problems,
  rosterPeriodOut,
  version,
} from '../http/schemas.ts';
import { loadRosterSlice, loadRuleCheckInput, ruleCheckData, RULE_CONTEXT_DAYS } from '../roster-data.ts';
import { ruleCheckOut } from '../rule-check-schema.ts';
import { recommendCare } from '@planmaat/roster';
import { combinedScore } from '../jobs/solvers/roster-thread.ts';

const auth = [requireSession()];
/** Periods whose last sent cell list a web node keeps (about 64 KiB each for a 30-person team). */
const SENT_ROSTERS_KEPT = 200;

const changeSchema = z.object({
  employeeId: z.string().min(1).max(100),
  date: localDate,
  shiftTypeId: z.string().min(1).max(100).nullable().openapi({ description: 'null clears the day' }),
  pinned: z.boolean().optional(),
});

const changeOut = z
  .object({
    version: z.number(),
    at: z.string(),
    actorName: z.string(),
    action: z.string(),
    published: z.boolean(),
    reason: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('RosterChange');

const routes = {
  list: createRoute({
    method: 'get',
    path: '/roster-periods',
    tags: ['rosters'],
    middleware: auth,
    request: {
      query: z.object({ teamId: z.string().optional(), status: z.enum(['draft', 'published']).optional() }),
    },
    responses: {
      200: json(z.object({ items: z.array(rosterPeriodOut) }), 'Roster periods'),
      ...problems(400, 401),
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/roster-periods',
    tags: ['rosters'],
    middleware: auth,
    request: {
      body: jsonBody(
        z.object({
          id: z.string().min(1).max(100),
          teamId: z.string().min(1).max(100),
          start: localDate.refine(
            (d) => isoWeekday(d) === 1,
            bilingual('Een roosterperiode begint op een maandag', 'A roster period starts on a Monday'),
          ),
          weeks: z.number().int().min(1).max(13).default(4),
        }),
      ),
    },
    responses: { 201: json(rosterPeriodOut, 'Created (draft)'), ...problems(400, 401, 403, 422) },
  }),
  get: createRoute({
    method: 'get',
    path: '/roster-periods/{id}',
    tags: ['rosters'],
    summary: 'Rooster met diensten; een medewerker ziet alleen de eigen diensten van gepubliceerde roosters',
    middleware: auth,
    request: { params: idParam },
    responses: {
      200: json(
        z.object({ period: rosterPeriodOut, assignments: z.array(assignmentOut) }).openapi('Roster'),
        'The roster',
      ),
      ...problems(401, 403, 404),
    },
  }),
  change: createRoute({
    method: 'put',
    path: '/roster-periods/{id}/assignments',
    tags: ['rosters'],
    summary: 'Diensten zetten of wissen / set or clear cells',
    description:
      'Send the version you read as `expectedVersion`. When someone else changed the roster since, the answer is 409 with the changes made meanwhile. A published roster needs a `reason`. The answer includes the rule check of the changed employees when the rule engine is present.',
    middleware: auth,
    request: {
      params: idParam,
      body: jsonBody(
        z.object({
          expectedVersion: version,
          reason: z.string().max(1000).optional(),
          changes: z.array(changeSchema).min(1).max(5000),
        }),
      ),
    },
    responses: {
      200: json(
        z.object({
          version: z.number(),
          assignments: z.array(assignmentOut),
          ruleCheck: ruleCheckOut.nullable(),
        }),
        'Saved',
      ),
      ...problems(400, 401, 403, 404, 409, 413, 422),
    },
  }),
  publish: createRoute({
    method: 'post',
    path: '/roster-periods/{id}/publish',
    tags: ['rosters'],
    middleware: auth,
    request: {
      params: idParam,
      body: jsonBody(z.object({ expectedVersion: version, reason: z.string().max(1000).optional() })),
    },
    responses: { 200: json(rosterPeriodOut, 'Published'), ...problems(400, 401, 403, 404, 409, 422) },
  }),
  changes: createRoute({
    method: 'get',
    path: '/roster-periods/{id}/changes',
    tags: ['rosters'],
    summary: 'Wijzigingslog; publishedOnly=true is het auditlog van het gepubliceerde rooster',
    middleware: auth,
    request: {
      params: idParam,
      query: z.object({
        publishedOnly: z
          .enum(['true', 'false'])
          .default('false')
          .transform((v) => v === 'true'),
        sinceVersion: z.coerce.number().int().min(0).optional(),
      }),
    },
    responses: {
      200: json(z.object({ items: z.array(changeOut) }), 'Changes, oldest first'),
      ...problems(401, 403, 404),
    },
  }),
  candidates: createRoute({
    method: 'get',
    path: '/roster-periods/{id}/candidates',
    tags: ['rosters'],
    summary: 'Wie past het best? / best fits for an open shift or a person-day',
    description:
      'With shiftTypeId: who should work that shift on that date. With employeeId: what that person should do that day. Best first; `delta` is the exact change of the roster score (hard, medium, soft), `cost` the same as one number.',
    middleware: auth,
    request: {
      params: idParam,
      query: z.object({
        date: localDate,
        shiftTypeId: z.string().max(100).optional(),
        employeeId: z.string().max(100).optional(),
        k: z.coerce.number().int().min(1).max(50).default(5),
      }),
    },
    responses: {
      200: json(
        z.object({
          items: z.array(
            z.object({
              employeeId: z.string(),
              name: z.string(),
              date: z.string(),
              from: z.string().nullable(),
              to: z.string().nullable(),
              delta: z.object({ hard: z.number(), medium: z.number(), soft: z.number() }),
              cost: z.number(),
            }),
          ),
        }),
        'Candidates, best first',
      ),
      ...problems(400, 401, 403, 404),
    },
  }),
  check: createRoute({
    method: 'post',
    path: '/roster-periods/{id}/check',
    tags: ['rosters'],
    summary: 'ATW/CAO-toets van het rooster / labour-rule check',
    middleware: auth,
    request: { params: idParam },
    responses: {
      200: json(ruleCheckOut, 'Violations found'),
      ...problems(401, 403, 404),
      501: { description: 'No rule engine' },
    },
  }),
};

async function ruleCheckFor(deps: AppDeps, organisationId: string, periodId: string, employeeIds?: string[]) {
  if (!deps.rules) return null;
  const input = await loadRuleCheckInput(deps.handle.db, organisationId, periodId, employeeIds);
  return deps.rules.check(input.data, {
    teamId: input.period.teamId,
    from: input.from,
    to: input.to,
    employeeIds,
  });
}

export function rosterRoutes() {
  const app = newRouter();
  app.openapi(routes.list, async (c) => {
    const user = c.get('user');
    const db = c.get('deps').handle.db;
    const { teamId, status } = c.req.valid('query');
    if (canReadAll(user)) {
      return c.json(
        {
          items: await repo.listRosterPeriods(db, user.organisationId, {
            teamIds: teamId ? [teamId] : undefined,
            status,
          }),
        },
        200,
      );
    }
    const self = user.employeeId
      ? await repo.getEmployee(db, user.organisationId, user.employeeId)
      : undefined;
    const teamIds = (self?.teamIds ?? []).filter((t) => !teamId || t === teamId);
    return c.json(
      { items: await repo.listRosterPeriods(db, user.organisationId, { teamIds, status: 'published' }) },
      200,
    );
  });
  app.openapi(routes.create, async (c) => {
    const user = c.get('user');
    const body = c.req.valid('json');
    requireRosterWrite(user, body.teamId);
    const period = await repo.createRosterPeriod(c.get('deps').handle.db, user.organisationId, body, {
      userId: user.id,
      name: user.name,
    });
    return c.json(period, 201);
  });
  // The last full cell list sent per period, re-sent while the period's token still holds (the
  // check travels with the period read, so a hit saves the database the cells, not a round trip).
  const sentRosters = new Map<string, { token: string; json: string }>();
  app.openapi(routes.get, async (c) => {
    const user = c.get('user');
    const db = c.get('deps').handle.db;
    const { id } = c.req.valid('param');
    const readAll = canReadAll(user);
    const cacheKey = `${user.organisationId}|${id}`;
    const known = readAll ? sentRosters.get(cacheKey) : undefined;
    // One round trip: the period, its cells as JSON text built by the database (an employee's own
    // cells only) and, for an employee, their teams for the access check.
    const self = user.employeeId ?? '';
    const read = await repo.readRoster(
      db,
      user.organisationId,
      id,
      readAll ? { knownToken: known?.token } : { employeeId: self, selfEmployeeId: self },
    );
    if (!read) throw new repo.NotFoundError('roster period', id);
    // Employees see published rosters of their own team(s) only.
    if (
      !readAll &&
      (!user.employeeId ||
        read.period.status !== 'published' ||
        !read.selfTeamIds?.includes(read.period.teamId))
    )
      throw forbidden();
    let cells = read.assignmentsJson;
    if (cells === null) cells = known!.json;
    else if (readAll) {
      sentRosters.delete(cacheKey);
      if (sentRosters.size >= SENT_ROSTERS_KEPT) sentRosters.delete(sentRosters.keys().next().value!);
      sentRosters.set(cacheKey, { token: read.token, json: cells });
    }
    const text = `{"period":${JSON.stringify(read.period)},"assignments":${cells}}`;
    // Already serialised in the route's answer shape: sent as is, typed as that answer.
    return c.body(text, 200, { 'content-type': 'application/json' }) as unknown as TypedResponse<
      { period: repo.Versioned<RosterPeriod>; assignments: Assignment[] },
      200,
      'json'
    >;
  });
  app.openapi(routes.change, async (c) => {
    const user = c.get('user');
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    // One statement: access, version and cell checks on the locked period, the write, the audit
    // record, and the rule context of the changed employees.
    const result = await repo.changeAssignments(
      deps.handle.db,
      user.organisationId,
      {
        rosterPeriodId: id,
        expectedVersion: body.expectedVersion,
        actor: { userId: user.id, name: user.name },
        reason: body.reason,
      },
      body.changes,
      'assign',
      {
        writableTeamIds: rosterWriteTeams(user),
        authorize: (period) => requireRosterWrite(user, period.teamId),
        ruleContextDays: deps.rules ? RULE_CONTEXT_DAYS : undefined,
      },
    );
    const { period, ruleContext } = result;
    const ruleCheck =
      deps.rules && ruleContext
        ? deps.rules.check(ruleCheckData(period, ruleContext), {
            teamId: period.teamId,
            from: period.start,
            to: repo.periodEnd(period),
            employeeIds: [...new Set(body.changes.map((ch) => ch.employeeId))],
          })
        : null;
    return c.json({ version: result.version, assignments: result.assignments, ruleCheck }, 200);
  });
  app.openapi(routes.publish, async (c) => {
    const user = c.get('user');
    const db = c.get('deps').handle.db;
    const { id } = c.req.valid('param');
    const period = await repo.getRosterPeriod(db, user.organisationId, id);
    requireRosterWrite(user, period.teamId);
    const body = c.req.valid('json');
    const published = await repo.publishRosterPeriod(db, user.organisationId, {
      rosterPeriodId: id,
      expectedVersion: body.expectedVersion,
      reason: body.reason,
      actor: { userId: user.id, name: user.name },
    });
    return c.json(published, 200);
  });
  app.openapi(routes.changes, async (c) => {
    const user = c.get('user');
    requireReadAll(user);
    const { publishedOnly, sinceVersion } = c.req.valid('query');
    const db = c.get('deps').handle.db;
    const { id } = c.req.valid('param');
    await repo.getRosterPeriod(db, user.organisationId, id);
    return c.json(
      { items: await repo.listRosterChanges(db, user.organisationId, id, { publishedOnly, sinceVersion }) },
      200,
    );
  });
  app.openapi(routes.candidates, async (c) => {
    const user = c.get('user');
    requireReadAll(user);
    const { id } = c.req.valid('param');
    const { date, shiftTypeId, employeeId, k } = c.req.valid('query');
    const slice = await loadRosterSlice(c.get('deps').handle.db, user.organisationId, id);
    const items = recommendCare(slice.data, id, { date, shiftTypeId, employeeId }, k).map((r) => ({
      ...r,
      cost: combinedScore(r.delta),
    }));
    return c.json({ items }, 200);
  });
  app.openapi(routes.check, async (c) => {
    const user = c.get('user');
    requireReadAll(user);
    const deps = c.get('deps');
    if (!deps.rules) throw new HttpProblem(501, 'Geen regelengine / no rule engine installed');
    const report = await ruleCheckFor(deps, user.organisationId, c.req.valid('param').id);
    return c.json(report!, 200);
  });
  return app;
}
