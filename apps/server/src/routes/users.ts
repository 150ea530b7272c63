/** Accounts of the organisation (admin only). */
import { createRoute, z } from '@hono/zod-openapi';
import * as repo from '@planmaat/db';
import { requireRole } from '../auth/access.ts';
import { hashPassword } from '../auth/passwords.ts';
import { requireSession } from '../auth/session.ts';
import { newRouter } from '../http/context.ts';
import { json, jsonBody, problems } from '../http/schemas.ts';
import { userSchema } from './auth.ts';

const auth = [requireSession()];

const routes = {
  list: createRoute({
    method: 'get',
    path: '/users',
    tags: ['accounts'],
    middleware: auth,
    responses: { 200: json(z.object({ items: z.array(userSchema) }), 'Accounts'), ...problems(401, 403) },
  }),
  create: createRoute({
    method: 'post',
    path: '/users',
    tags: ['accounts'],
    summary: 'Account aanmaken / create an account',
    middleware: auth,
    request: {
      body: jsonBody(
        z.object({
          email: z.string().email().max(320),
          name: z.string().min(1).max(200),
          role: z.enum(repo.roles),
          password: z
            .string()
            .min(12)
            .max(1000)
            .optional()
            .openapi({ description: 'omit for single-sign-on only' }),
          employeeId: z.string().max(100).optional(),
          teamIds: z.array(z.string()).default([]),
        }),
      ),
    },
    responses: { 201: json(userSchema, 'Created'), ...problems(400, 401, 403, 422) },
  }),
};

export function userRoutes() {
  const app = newRouter();
  app.openapi(routes.list, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin');
    return c.json({ items: await repo.listUsers(c.get('deps').handle.db, user.organisationId) }, 200);
  });
  app.openapi(routes.create, async (c) => {
    const admin = c.get('user');
    requireRole(admin, 'admin');
    const db = c.get('deps').handle.db;
    const body = c.req.valid('json');
    if (await repo.findUserByEmail(db, body.email))
      throw new repo.RuleViolationError('e-mailadres is al in gebruik / e-mail already in use', 'email');
    if (body.employeeId) await repo.getEmployee(db, admin.organisationId, body.employeeId);
    const created = await repo.createUser(db, {
      organisationId: admin.organisationId,
      email: body.email,
      name: body.name,
      role: body.role,
      employeeId: body.employeeId ?? null,
      teamIds: body.teamIds,
      passwordHash: body.password ? await hashPassword(body.password) : null,
    });
    return c.json(created, 201);
  });
  return app;
}
