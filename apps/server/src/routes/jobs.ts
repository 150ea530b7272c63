/** Solve jobs (create, follow live over SSE, cancel, result) and the proposals they produce. */
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import * as repo from '@planmaat/db';
import { requireRole } from '../auth/access.ts';
import { requireSession } from '../auth/session.ts';
import { newRouter } from '../http/context.ts';
import { localisedMessage, requestLanguage } from '../http/messages.ts';
import { HttpProblem } from '../http/problem.ts';
import { idParam, json, jsonBody, pageQuery, problems } from '../http/schemas.ts';
import { publishCancel, publishJobEvent, type JobEvent } from '../jobs/events.ts';
import { routePlanTarget } from '../jobs/solvers/routes.ts';
import { localDate } from '@planmaat/domain';

const auth = [requireSession()];
const planners = ['admin', 'planner', 'team-leader'] as const;

const jobOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(repo.tables.jobStatuses),
    params: z.unknown(),
    timeLimitSeconds: z.number(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    attempts: z.number(),
    cancelRequested: z.boolean(),
    bestScore: z.number().nullable(),
    progress: z.array(z.object({ elapsedMs: z.number(), score: z.number() })),
    result: z.unknown(),
    error: z.string().nullable(),
    proposalId: z.string().nullable(),
  })
  .openapi('SolveJob');

const proposalOut = z
  .object({
    id: z.string(),
    jobId: z.string(),
    kind: z.string(),
    targetId: z.string(),
    baseVersion: z.number(),
    status: z.enum(repo.tables.proposalStatuses),
    payload: z.unknown(),
    score: z.number().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .openapi('Proposal');

const routes = {
  kinds: createRoute({
    method: 'get',
    path: '/job-kinds',
    tags: ['jobs'],
    summary: 'Beschikbare optimalisaties / available solver kinds',
    middleware: auth,
    responses: {
      200: json(
        z.object({ items: z.array(z.object({ kind: z.string(), description: z.string() })) }),
        'Kinds',
      ),
    },
  }),
  create: createRoute({
    method: 'post',
    path: '/jobs',
    tags: ['jobs'],
    summary: 'Start een optimalisatie / start a solve',
    description:
      'Queues a solve of the given kind. `params` depend on the kind (e.g. the roster period, or the window to re-plan). Follow it at /api/jobs/{id}/events; the result becomes a proposal.',
    middleware: auth,
    request: {
      body: jsonBody(
        z.object({
          kind: z.string().min(1).max(50),
          timeLimitSeconds: z.number().int().min(1).max(3600).default(30),
          params: z.record(z.string(), z.unknown()).default({}),
        }),
      ),
    },
    responses: { 202: json(jobOut, 'Queued'), ...problems(400, 401, 403, 404, 413, 422, 503) },
  }),
  list: createRoute({
    method: 'get',
    path: '/jobs',
    tags: ['jobs'],
    middleware: auth,
    request: { query: pageQuery },
    responses: { 200: json(z.object({ items: z.array(jobOut) }), 'Latest jobs first') },
  }),
  get: createRoute({
    method: 'get',
    path: '/jobs/{id}',
    tags: ['jobs'],
    middleware: auth,
    request: { params: idParam },
    responses: { 200: json(jobOut, 'The job with its progress and result'), ...problems(401, 403, 404) },
  }),
  cancel: createRoute({
    method: 'post',
    path: '/jobs/{id}/cancel',
    tags: ['jobs'],
    middleware: auth,
    request: { params: idParam },
    responses: { 202: json(jobOut, 'Cancel requested (or done)'), ...problems(401, 403, 404) },
  }),
  events: createRoute({
    method: 'get',
    path: '/jobs/{id}/events',
    tags: ['jobs'],
    summary: 'Live voortgang (Server-Sent Events) / live progress',
    description:
      'text/event-stream. First a `snapshot` event (the job as JSON), then `progress` events {elapsedMs, score} and `status` events; the stream ends after a final status.',
    middleware: auth,
    request: { params: idParam },
    responses: {
      200: { description: 'Event stream', content: { 'text/event-stream': { schema: z.string() } } },
    },
  }),
  listProposals: createRoute({
    method: 'get',
    path: '/proposals',
    tags: ['proposals'],
    middleware: auth,
    request: {
      query: z.object({
        targetId: z.string().optional(),
        status: z.enum(repo.tables.proposalStatuses).optional(),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(proposalOut) }), 'Proposals') },
  }),
  getProposal: createRoute({
    method: 'get',
    path: '/proposals/{id}',
    tags: ['proposals'],
    middleware: auth,
    request: { params: idParam },
    responses: { 200: json(proposalOut, 'Proposal'), ...problems(401, 403, 404) },
  }),
  routePlan: createRoute({
    method: 'get',
    path: '/route-plans',
    tags: ['home care'],
    summary: 'Vastgestelde routes van een team op een dag / accepted route plan of a team-day',
    middleware: auth,
    request: { query: z.object({ teamId: z.string().min(1), date: localDate }) },
    responses: {
      200: json(
        z.object({ version: z.number(), proposal: proposalOut.nullable() }),
        'Version 0 and null: none yet',
      ),
      ...problems(400, 401, 403),
    },
  }),
  accept: createRoute({
    method: 'post',
    path: '/proposals/{id}/accept',
    tags: ['proposals'],
    summary: 'Voorstel overnemen / accept (conflict when the roster changed since the solve started)',
    description:
      "Without `employeeIds` the whole proposal is applied. With `employeeIds` (roster proposals) only those people's cells are taken over; the proposal stays open for the others, with `baseVersion` moved to the version written and `payload.acceptedEmployeeIds` listing who was taken over, and becomes `accepted` when nothing differs any more. Same version check (409), reason rule and audit entry (`accept-proposal-partial`) as a whole accept.",
    middleware: auth,
    request: {
      params: idParam,
      body: jsonBody(
        z.object({
          reason: z.string().max(1000).optional(),
          employeeIds: z.array(z.string().min(1).max(100)).min(1).max(2000).optional(),
        }),
      ),
    },
    responses: {
      200: json(
        z.object({
          proposal: proposalOut,
          version: z.number(),
          acceptedEmployeeIds: z.array(z.string()).optional(),
          remainingEmployeeIds: z
            .array(z.string())
            .optional()
            .openapi({ description: 'Partial accept: people whose cells still differ from the proposal' }),
        }),
        'Applied',
      ),
      ...problems(400, 401, 403, 404, 409, 422),
    },
  }),
  reject: createRoute({
    method: 'post',
    path: '/proposals/{id}/reject',
    tags: ['proposals'],
    middleware: auth,
    request: { params: idParam },
    responses: { 200: json(proposalOut, 'Rejected'), ...problems(401, 403, 404, 422) },
  }),
};

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);

function publicJob(job: repo.SolveJob) {
  const { organisationId: _o, ...rest } = job;
  return rest;
}
function publicProposal(p: repo.Proposal) {
  const { organisationId: _o, ...rest } = p;
  return rest;
}

export function jobRoutes() {
  const app = newRouter();
  app.openapi(routes.kinds, (c) =>
    c.json(
      {
        items: c
          .get('deps')
          .solvers.kinds()
          .map((p) => ({ kind: p.kind, description: p.description })),
      },
      200,
    ),
  );
  app.openapi(routes.create, async (c) => {
    const user = c.get('user');
    requireRole(user, ...planners);
    const deps = c.get('deps');
    const body = c.req.valid('json');
    const plugin = deps.solvers.get(body.kind);
    if (!plugin)
      throw new HttpProblem(422, 'Onbekende soort / unknown kind', `kind ${body.kind} is not available`, {
        errors: [
          {
            field: 'kind',
            message: `available: ${
              deps.solvers
                .kinds()
                .map((k) => k.kind)
                .join(', ') || 'none'
            }`,
          },
        ],
      });
    if (!deps.queue) throw new HttpProblem(503, 'Geen wachtrij / no queue in this process');
    const parsed = plugin.paramsSchema.safeParse(body.params);
    if (!parsed.success) {
      const lang = requestLanguage(c.req.header('accept-language'));
      const errors = parsed.error.issues.map((i) => ({
        field: ['params', ...i.path.map(String)].join('.'),
        code: i.code,
        message: localisedMessage({ ...i, path: ['params', ...i.path] }, lang),
      }));
      throw new HttpProblem(
        400,
        'Ongeldige invoer / invalid input',
        errors.map((e) => e.message).join('; '),
        {
          errors,
        },
      );
    }
    const timeLimitSeconds = Math.min(body.timeLimitSeconds, deps.config.maxTimeLimitSeconds);
    // Fail early (404/403 in this organisation) rather than in the worker.
    await plugin.prepare(deps.handle.db, user.organisationId, parsed.data);
    const job = await repo.createJob(deps.handle.db, {
      organisationId: user.organisationId,
      kind: plugin.kind,
      params: parsed.data,
      timeLimitSeconds,
      createdBy: user.id,
    });
    await deps.queue.enqueue({ jobId: job.id }, timeLimitSeconds + deps.config.jobExpiryMarginSeconds);
    return c.json(publicJob(job), 202);
  });
  app.openapi(routes.list, async (c) => {
    const user = c.get('user');
    requireRole(user, ...planners);
    const { limit, offset } = c.req.valid('query');
    const jobs = await repo.listJobs(c.get('deps').handle.db, user.organisationId, limit, offset);
    return c.json({ items: jobs.map(publicJob) }, 200);
  });
  app.openapi(routes.get, async (c) => {
    const user = c.get('user');
    requireRole(user, ...planners);
    return c.json(
      publicJob(await repo.getJob(c.get('deps').handle.db, user.organisationId, c.req.valid('param').id)),
      200,
    );
  });
  app.openapi(routes.cancel, async (c) => {
    const user = c.get('user');
    requireRole(user, ...planners);
    const deps = c.get('deps');
    const job = await repo.requestCancel(deps.handle.db, user.organisationId, c.req.valid('param').id);
    if (job.status === 'running') await publishCancel(deps.handle, job.id);
    else if (job.status === 'cancelled')
      await publishJobEvent(deps.handle, { jobId: job.id, type: 'status', status: 'cancelled' });
    return c.json(publicJob(job), 202);
  });
  app.openapi(routes.events, async (c) => {
    const user = c.get('user');
    requireRole(user, ...planners);
    const deps = c.get('deps');
    const { id } = c.req.valid('param');
    await repo.getJob(deps.handle.db, user.organisationId, id); // 404 before the stream starts
    return streamSSE(c, async (stream) => {
      const queue: JobEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.jobEvents.subscribe(id, (event) => {
        queue.push(event);
        wake?.();
      });
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      try {
        // Subscribe first, then read: no event falls between the snapshot and the live stream.
        const job = await repo.getJob(deps.handle.db, user.organisationId, id);
        await stream.writeSSE({ event: 'snapshot', data: JSON.stringify(publicJob(job)) });
        let done = TERMINAL.has(job.status);
        while (!done && !closed) {
          if (queue.length === 0) {
            await new Promise<void>((resolve) => {
              wake = resolve;
              setTimeout(resolve, 15_000); // heartbeat
            });
            wake = undefined;
            if (queue.length === 0 && !closed) await stream.write(': keep-alive\n\n');
            continue;
          }
          const event = queue.shift()!;
          const { jobId: _j, type, ...data } = event;
          await stream.writeSSE({ event: type, data: JSON.stringify(data) });
          if (event.type === 'status' && TERMINAL.has(event.status)) done = true;
        }
      } finally {
        unsubscribe();
      }
    });
  });

  app.openapi(routes.listProposals, async (c) => {
    const user = c.get('user');
    requireRole(user, ...planners);
    const items = await repo.listProposals(
      c.get('deps').handle.db,
      user.organisationId,
      c.req.valid('query'),
    );
    return c.json({ items: items.map(publicProposal) }, 200);
  });
  app.openapi(routes.getProposal, async (c) => {
    const user = c.get('user');
    requireRole(user, ...planners);
    const proposal = await repo.getProposal(
      c.get('deps').handle.db,
      user.organisationId,
      c.req.valid('param').id,
    );
    return c.json(publicProposal(proposal), 200);
  });
  app.openapi(routes.routePlan, async (c) => {
    const user = c.get('user');
    requireRole(user, ...planners);
    const { teamId, date } = c.req.valid('query');
    const plan = await repo.getRoutePlan(
      c.get('deps').handle.db,
      user.organisationId,
      routePlanTarget(teamId, date),
    );
    return c.json(
      { version: plan.version, proposal: plan.proposal ? publicProposal(plan.proposal) : null },
      200,
    );
  });
  app.openapi(routes.accept, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin', 'planner');
    const { reason, employeeIds } = c.req.valid('json');
    if (employeeIds) {
      const partial = await repo.acceptProposalFor(
        c.get('deps').handle.db,
        user.organisationId,
        c.req.valid('param').id,
        { userId: user.id, name: user.name },
        employeeIds,
        reason,
      );
      return c.json({ ...partial, proposal: publicProposal(partial.proposal) }, 200);
    }
    const { proposal, version } = await repo.acceptProposal(
      c.get('deps').handle.db,
      user.organisationId,
      c.req.valid('param').id,
      { userId: user.id, name: user.name },
      reason,
    );
    return c.json({ proposal: publicProposal(proposal), version }, 200);
  });
  app.openapi(routes.reject, async (c) => {
    const user = c.get('user');
    requireRole(user, 'admin', 'planner');
    const proposal = await repo.rejectProposal(
      c.get('deps').handle.db,
      user.organisationId,
      c.req.valid('param').id,
      {
        userId: user.id,
        name: user.name,
      },
    );
    return c.json(publicProposal(proposal), 200);
  });
  return app;
}
