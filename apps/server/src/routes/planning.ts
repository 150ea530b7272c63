/** Organisation, teams, employees, shift types, demand, absences, wishes, clients, visits. */
import { createRoute, z } from '@hono/zod-openapi';
import * as repo from '@planmaat/db';
import {
  absenceKind,
  absenceSchema,
  bilingual,
  fromEpochMinutes,
  employeeSchema,
  localDate,
  localDateTime,
  shiftTypeSchema,
  wishSchema,
} from '@planmaat/domain';
import {
  canReadAll,
  requireReadAll,
  requireRole,
  requireSelfOrReadAll,
  requireSelfOrStaff,
} from '../auth/access.ts';
import { requireSession } from '../auth/session.ts';
import { newRouter } from '../http/context.ts';
import { forbidden } from '../http/problem.ts';
import {
  absenceOut,
  clientOut,
  demandOut,
  employeeOut,
  idParam,
  json,
  jsonBody,
  pageOf,
  pageQuery,
  problems,
  shiftTypeOut,
  teamOut,
  version,
  visitOut,
  wishOut,
} from '../http/schemas.ts';

const auth = [requireSession()];
const std = problems(400, 401, 403, 404);

const employeeInput = employeeSchema.omit({ organisationId: true });
const employeePatch = employeeSchema.omit({ organisationId: true, id: true }).partial().extend({
  version,
  // null clears the date: someone who was leaving stays after all
  employmentStart: employeeSchema.shape.employmentStart.unwrap().nullable().optional(),
  employmentEnd: employeeSchema.shape.employmentEnd.unwrap().nullable().optional(),
});
const absencePatch = z
  .object({
    kind: absenceKind.optional(),
    start: localDateTime.optional(),
    end: localDateTime
      .optional()
      .describe('Exclusive: `2027-01-07T00:00` = recovered (hersteld) from 7 January on'),
    countedHours: z.number().min(0).nullable().optional(),
  })
  .strict()
  .refine(
    (p) => Object.keys(p).length > 0,
    bilingual(
      'Niets te wijzigen: geef kind, start, end of countedHours',
      'Nothing to change: give kind, start, end or countedHours',
    ),
  )
  .refine(
    (p) => p.start === undefined || p.end === undefined || p.end > p.start,
    bilingual('Het einde ligt niet na het begin', 'The end is not after the start', ['end']),
  );
/** Today in Europe/Amsterdam (`YYYY-MM-DD`). */
export const todayLocal = (): string => fromEpochMinutes(Math.floor(Date.now() / 60_000)).slice(0, 10);

const shiftTypeInput = shiftTypeSchema.omit({ organisationId: true });
const shiftTypePatch = shiftTypeSchema.omit({ organisationId: true, id: true }).partial().extend({ version });

const routes = {
  organisation: createRoute({
    method: 'get',
    path: '/organisation',
    tags: ['organisation'],
    summary: 'Eigen organisatie / own organisation',
    middleware: auth,
    responses: {
      200: json(
        z.object({
          id: z.string(),
          name: z.string(),
          ruleProfiles: z.array(z.string()),
          timeZone: z.string(),
          isDemo: z.boolean(),
        }),
        'The organisation of the signed-in user',
      ),
      ...std,
    },
  }),
  teams: createRoute({
    method: 'get',
    path: '/teams',
    tags: ['organisation'],
    summary: 'Teams',
    middleware: auth,
    responses: { 200: json(z.object({ items: z.array(teamOut) }), 'Teams'), ...std },
  }),
  listEmployees: createRoute({
    method: 'get',
    path: '/employees',
    tags: ['employees'],
    summary: 'Medewerkers (gepagineerd) / employees (paginated)',
    middleware: auth,
    request: { query: pageQuery.extend({ teamId: z.string().optional() }) },
    responses: { 200: json(pageOf(employeeOut, 'EmployeePage'), 'A page of employees'), ...std },
  }),
  getEmployee: createRoute({
    method: 'get',
    path: '/employees/{id}',
    tags: ['employees'],
    middleware: auth,
    request: { params: idParam },
    responses: { 200: json(employeeOut, 'Employee'), ...std },
  }),
  createEmployee: createRoute({
    method: 'post',
    path: '/employees',
    tags: ['employees'],
    middleware: auth,
    request: { body: jsonBody(employeeInput) },
    responses: { 201: json(employeeOut, 'Created'), ...problems(400, 401, 403, 413, 422) },
  }),
  patchEmployee: createRoute({
    method: 'patch',
    path: '/employees/{id}',
    tags: ['employees'],
    summary: 'Wijzig medewerker; `version` is de versie die u las / change; send the version you read',
    middleware: auth,
    request: { params: idParam, body: jsonBody(employeePatch) },
    responses: { 200: json(employeeOut, 'Updated'), ...problems(400, 401, 403, 404, 409, 422) },
  }),
  deleteEmployee: createRoute({
    method: 'delete',
    path: '/employees/{id}',
    tags: ['employees'],
    middleware: auth,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...std },
  }),
  listShiftTypes: createRoute({
    method: 'get',
    path: '/shift-types',
    tags: ['shift types'],
    middleware: auth,
    responses: { 200: json(z.object({ items: z.array(shiftTypeOut) }), 'Shift types'), ...std },
  }),
  createShiftType: createRoute({
    method: 'post',
    path: '/shift-types',
    tags: ['shift types'],
    middleware: auth,
    request: { body: jsonBody(shiftTypeInput) },
    responses: { 201: json(shiftTypeOut, 'Created'), ...problems(400, 401, 403, 422) },
  }),
  patchShiftType: createRoute({
    method: 'patch',
    path: '/shift-types/{id}',
    tags: ['shift types'],
    middleware: auth,
    request: { params: idParam, body: jsonBody(shiftTypePatch) },
    responses: { 200: json(shiftTypeOut, 'Updated'), ...problems(400, 401, 403, 404, 409) },
  }),
  deleteShiftType: createRoute({
    method: 'delete',
    path: '/shift-types/{id}',
    tags: ['shift types'],
    middleware: auth,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...problems(401, 403, 404, 422) },
  }),
  demand: createRoute({
    method: 'get',
    path: '/demand',
    tags: ['demand'],
    summary: 'Bezettingsnorm per dag en dienst / staffing demand',
    middleware: auth,
    request: { query: z.object({ teamId: z.string(), from: localDate, to: localDate }) },
    responses: { 200: json(z.object({ items: z.array(demandOut) }), 'Demand'), ...std },
  }),
  listAbsences: createRoute({
    method: 'get',
    path: '/absences',
    tags: ['absences'],
    summary: 'Verlof en afwezigheid (nooit een oorzaak) / leave and absence (never a cause)',
    middleware: auth,
    request: {
      query: z.object({
        employeeId: z.string().optional(),
        from: localDate.optional(),
        to: localDate.optional(),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(absenceOut) }), 'Absences'), ...std },
  }),
  createAbsence: createRoute({
    method: 'post',
    path: '/absences',
    tags: ['absences'],
    middleware: auth,
    request: { body: jsonBody(absenceSchema) },
    responses: { 201: json(absenceOut, 'Created'), ...problems(400, 401, 403, 422) },
  }),
  patchAbsence: createRoute({
    method: 'patch',
    path: '/absences/{id}',
    tags: ['absences'],
    summary:
      'Wijzig soort of periode, bijv. hersteld melden (einde vervroegen) / change kind or period, e.g. end a sick period',
    middleware: auth,
    request: { params: idParam, body: jsonBody(absencePatch) },
    responses: { 200: json(absenceOut, 'Updated'), ...problems(400, 401, 403, 404, 422) },
  }),
  deleteAbsence: createRoute({
    method: 'delete',
    path: '/absences/{id}',
    tags: ['absences'],
    middleware: auth,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...std },
  }),
  listWishes: createRoute({
    method: 'get',
    path: '/wishes',
    tags: ['wishes'],
    summary: 'Roosterwensen; een medewerker ziet alleen de eigen / wishes; employees see their own',
    middleware: auth,
    request: {
      query: z.object({
        employeeId: z.string().optional(),
        from: localDate.optional(),
        to: localDate.optional(),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(wishOut) }), 'Wishes'), ...std },
  }),
  createWish: createRoute({
    method: 'post',
    path: '/wishes',
    tags: ['wishes'],
    middleware: auth,
    request: { body: jsonBody(wishSchema) },
    responses: { 201: json(wishOut, 'Created'), ...problems(400, 401, 403, 422) },
  }),
  deleteWish: createRoute({
    method: 'delete',
    path: '/wishes/{id}',
    tags: ['wishes'],
    middleware: auth,
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' }, ...std },
  }),
  clients: createRoute({
    method: 'get',
    path: '/clients',
    tags: ['home care'],
    middleware: auth,
    request: { query: pageQuery.extend({ teamId: z.string().optional() }) },
    responses: { 200: json(pageOf(clientOut, 'ClientPage'), 'Clients'), ...std },
  }),
  visits: createRoute({
    method: 'get',
    path: '/visits',
    tags: ['home care'],
    middleware: auth,
    request: { query: z.object({ date: localDate, teamId: z.string().optional() }) },
    responses: { 200: json(z.object({ items: z.array(visitOut) }), 'Visits of one day'), ...std },
  }),
  visitDays: createRoute({
    method: 'get',
    path: '/visit-days',
    tags: ['home care'],
    summary: 'Dagen met bezoeken / days that have visits, with their count',
    middleware: auth,
    request: {
      query: z.object({
        teamId: z.string().optional(),
        from: localDate.optional(),
        to: localDate.optional(),
      }),
    },
    responses: {
      200: json(
        z.object({ items: z.array(z.object({ date: z.string(), visits: z.number().int() })) }),
        'Days with at least one visit, oldest first',
      ),
      ...std,
    },
  }),
};

export function planningRoutes() {
  const app = newRouter();
  const db = (c: { get(key: 'deps'): { handle: { db: repo.Database } } }) => c.get('deps').handle.db;

  app.openapi(routes.organisation, async (c) =>
    c.json(await repo.getOrganisation(db(c), c.get('user').organisationId), 200),
  );
  app.openapi(routes.teams, async (c) => {
    const user = c.get('user');
    let items = await repo.listTeams(db(c), user.organisationId);
    if (!canReadAll(user) && user.employeeId) {
      const self = await repo.getEmployee(db(c), user.organisationId, user.employeeId);
      items = items.filter((t) => self.teamIds.includes(t.id));
    }
    return c.json({ items }, 200);
  });

  app.openapi(routes.listEmployees, async (c) => {
    const user = c.get('user');
    const { limit, offset, teamId } = c.req.valid('query');
    // An employee's list holds only themselves.
    const filter = canReadAll(user) ? { teamId } : { teamId, ids: user.employeeId ? [user.employeeId] : [] };
    return c.json(await repo.listEmployees(db(c), user.organisationId, filter, { limit, offset }), 200);
  });
  app.openapi(routes.getEmployee, async (c) => {
    const user = c.get('user');
    const { id } = c.req.valid('param');
    requireSelfOrReadAll(user, id);
    return c.json(await repo.getEmployee(db(c), user.organisationId, id), 200);
  });
  app.openapi(routes.createEmployee, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin', 'planner');
    return c.json(await repo.createEmployee(db(c), user.organisationId, c.req.valid('json')), 201);
  });
  app.openapi(routes.patchEmployee, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin', 'planner');
    const { version: expected, ...patch } = c.req.valid('json');
    return c.json(
      await repo.updateEmployee(db(c), user.organisationId, c.req.valid('param').id, expected, patch),
      200,
    );
  });
  app.openapi(routes.deleteEmployee, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin', 'planner');
    await repo.deleteEmployee(db(c), user.organisationId, c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(routes.listShiftTypes, async (c) =>
    c.json({ items: await repo.listShiftTypes(db(c), c.get('user').organisationId) }, 200),
  );
  app.openapi(routes.createShiftType, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin', 'planner');
    return c.json(await repo.createShiftType(db(c), user.organisationId, c.req.valid('json')), 201);
  });
  app.openapi(routes.patchShiftType, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin', 'planner');
    const { version: expected, ...patch } = c.req.valid('json');
    return c.json(
      await repo.updateShiftType(db(c), user.organisationId, c.req.valid('param').id, expected, patch),
      200,
    );
  });
  app.openapi(routes.deleteShiftType, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin', 'planner');
    await repo.deleteShiftType(db(c), user.organisationId, c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(routes.demand, async (c) => {
    const user = c.get('user');
    requireReadAll(user);
    return c.json({ items: await repo.listDemand(db(c), user.organisationId, c.req.valid('query')) }, 200);
  });

  app.openapi(routes.listAbsences, async (c) => {
    const user = c.get('user');
    const { employeeId, from, to } = c.req.valid('query');
    if (employeeId) requireSelfOrReadAll(user, employeeId);
    const employeeIds = employeeId ? [employeeId] : canReadAll(user) ? undefined : [user.employeeId ?? ''];
    return c.json(
      { items: await repo.listAbsences(db(c), user.organisationId, { employeeIds, from, to }) },
      200,
    );
  });
  app.openapi(routes.createAbsence, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin', 'planner', 'team-leader');
    return c.json(await repo.createAbsence(db(c), user.organisationId, c.req.valid('json')), 201);
  });
  app.openapi(routes.patchAbsence, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin', 'planner', 'team-leader');
    return c.json(
      await repo.updateAbsence(db(c), user.organisationId, c.req.valid('param').id, c.req.valid('json')),
      200,
    );
  });
  app.openapi(routes.deleteAbsence, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin', 'planner', 'team-leader');
    await repo.deleteAbsence(db(c), user.organisationId, c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi(routes.listWishes, async (c) => {
    const user = c.get('user');
    const { employeeId, from, to } = c.req.valid('query');
    if (employeeId) requireSelfOrReadAll(user, employeeId);
    const employeeIds = employeeId ? [employeeId] : canReadAll(user) ? undefined : [user.employeeId ?? ''];
    return c.json(
      { items: await repo.listWishes(db(c), user.organisationId, { employeeIds, from, to }) },
      200,
    );
  });
  app.openapi(routes.createWish, async (c) => {
    const user = c.get('user');
    const wish = c.req.valid('json');
    requireSelfOrStaff(user, wish.employeeId);
    // A wish is for planning ahead: a day that has passed cannot be wished for any more.
    const today = todayLocal();
    if (wish.date < today)
      throw new repo.RuleViolationError(
        `De datum ${wish.date} ligt vóór vandaag (${today}) / the date ${wish.date} is before today (${today})`,
        'date',
        'past_date',
      );
    return c.json(await repo.createWish(db(c), user.organisationId, wish), 201);
  });
  app.openapi(routes.deleteWish, async (c) => {
    const user = c.get('user');
    const { id } = c.req.valid('param');
    const wish = await repo.getWish(db(c), user.organisationId, id);
    requireSelfOrStaff(user, wish.employeeId);
    await repo.deleteWish(db(c), user.organisationId, id);
    return c.body(null, 204);
  });

  app.openapi(routes.clients, async (c) => {
    const user = c.get('user');
    requireReadAll(user);
    const { limit, offset, teamId } = c.req.valid('query');
    return c.json(await repo.listClients(db(c), user.organisationId, { teamId }, { limit, offset }), 200);
  });
  app.openapi(routes.visits, async (c) => {
    const user = c.get('user');
    if (!canReadAll(user)) throw forbidden();
    return c.json({ items: await repo.listVisits(db(c), user.organisationId, c.req.valid('query')) }, 200);
  });
  app.openapi(routes.visitDays, async (c) => {
    const user = c.get('user');
    if (!canReadAll(user)) throw forbidden();
    return c.json({ items: await repo.listVisitDays(db(c), user.organisationId, c.req.valid('query')) }, 200);
  });
  return app;
}
