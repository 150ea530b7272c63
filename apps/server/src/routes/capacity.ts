/**
 * Strategic capacity planning (weeks to a year ahead): the 52-week gap per team and level with
 * scenarios side by side, the HiGHS hiring/training recommendation, CSV/XLSX exports and the
 * printable report. Thin wrappers around @planmaat/capacity over the organisation's own data.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  capacityHtml,
  capacityRequestSchema,
  capacityTables,
  planCapacity,
  type CapacityRequest,
} from '@planmaat/capacity';
import { requireSession } from '../auth/session.ts';
import { newRouter, type AppEnv } from '../http/context.ts';
import { HttpProblem } from '../http/problem.ts';
import { json, jsonBody, problems } from '../http/schemas.ts';
import { recommendInThread } from '../workforce/compute.ts';
import { csvOf, fileResponse, xlsxOf } from '../workforce/files.ts';
import { loadOrganisationData } from '../workforce/organisation-data.ts';
import { capacityPlanOut, recommendationOut } from '../workforce/schemas.ts';
import { scopePlan, scopeRecommendation, visibleTeamIds } from '../workforce/scope.ts';

const auth = [requireSession()];
const std = problems(400, 401, 403);
const requestBody = jsonBody(capacityRequestSchema.openapi('CapacityRequest'));
const TABLES = ['gap', 'summary', 'scenarios', 'recommendation'] as const;

const routes = {
  plan: createRoute({
    method: 'post',
    path: '/capacity/plan',
    tags: ['capacity'],
    summary: 'Capaciteitsplan: tekort per team en niveau, scenario’s naast elkaar / capacity plan',
    description:
      'Weekly demand, available hours, shortage and surplus per team and qualification level over the horizon (default 52 weeks), the cost of closing the gap, and each scenario (default the standard set) beside the base. Team leaders see their own teams; the organisation totals stay as benchmark.',
    middleware: auth,
    request: { body: requestBody },
    responses: { 200: json(capacityPlanOut, 'The plan'), ...std },
  }),
  recommendation: createRoute({
    method: 'post',
    path: '/capacity/recommendation',
    tags: ['capacity'],
    summary: 'Advies aannemen en opleiden (HiGHS MIP) / hiring and training advice',
    description:
      'Hires per team × level × quarter and level-up trainings that minimise salaries, recruitment, training, overtime, flex and agency cost, with the reasoning (baseline, value of each decision, binding limits, marginal costs). Same data and request → same result. Runs in a worker thread for up to `recommendation.timeLimitSeconds`.',
    middleware: auth,
    request: { body: requestBody },
    responses: { 200: json(recommendationOut, 'The recommendation'), ...std },
  }),
  exportPlan: createRoute({
    method: 'post',
    path: '/capacity/export',
    tags: ['capacity'],
    summary: 'Export: CSV (één tabel), XLSX (alle tabellen) of afdrukbaar rapport (HTML)',
    description:
      'CSV: one table (`table`, default `gap`: scenario × team × level × week). XLSX: every table, one sheet each. HTML: the printable report for the management team. `recommend=true` adds the advice (solves first).',
    middleware: auth,
    request: {
      query: z.object({
        format: z.enum(['csv', 'xlsx', 'html']),
        table: z.enum(TABLES).default('gap'),
        recommend: z
          .enum(['true', 'false'])
          .default('false')
          .transform((v) => v === 'true'),
      }),
      body: requestBody,
    },
    responses: {
      200: {
        description: 'The file',
        content: {
          'text/csv': { schema: z.string() },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
            schema: z.string().openapi({ format: 'binary' }),
          },
          'text/html': { schema: z.string() },
        },
      },
      ...std,
    },
  }),
};

async function organisation(c: Context<AppEnv>) {
  const user = c.get('user');
  const teamIds = visibleTeamIds(user);
  const { data } = await loadOrganisationData(c.get('deps').handle.db, user.organisationId);
  return { data, teamIds };
}

function limitTime(c: Context<AppEnv>, request: CapacityRequest): CapacityRequest {
  const max = c.get('deps').config.maxTimeLimitSeconds;
  const timeLimitSeconds = Math.min(request.recommendation.timeLimitSeconds, max);
  return { ...request, recommendation: { ...request.recommendation, timeLimitSeconds } };
}

export function capacityRoutes() {
  const app = newRouter();

  app.openapi(routes.plan, async (c) => {
    const { data, teamIds } = await organisation(c);
    const plan = scopePlan(planCapacity(data, c.req.valid('json')), teamIds);
    return c.json(
      { ...plan, scope: { teamIds: plan.base.teams.map((t) => t.id), complete: teamIds === undefined } },
      200,
    );
  });

  app.openapi(routes.recommendation, async (c) => {
    const { data, teamIds } = await organisation(c);
    const advice = await recommendInThread(data, limitTime(c, c.req.valid('json')));
    return c.json(scopeRecommendation(advice, teamIds, data.teams), 200);
  });

  app.openapi(routes.exportPlan, async (c) => {
    const { format, table, recommend } = c.req.valid('query');
    const request = limitTime(c, c.req.valid('json'));
    const { data, teamIds } = await organisation(c);
    const plan = scopePlan(planCapacity(data, request), teamIds);
    const advice = recommend
      ? scopeRecommendation(await recommendInThread(data, request), teamIds, data.teams)
      : undefined;
    const name = `capaciteit-${plan.comparison.base.start}`;
    if (format === 'html')
      return fileResponse('html', name, capacityHtml(data.organisation.name, plan, advice));
    const tables = capacityTables(plan, advice);
    if (format === 'xlsx') return fileResponse('xlsx', name, await xlsxOf(tables));
    const chosen = tables.find((t) => t.name === table);
    if (!chosen)
      throw new HttpProblem(
        400,
        'Ongeldige invoer / invalid input',
        'table=recommendation needs recommend=true',
        {
          errors: [{ field: 'table', message: 'table=recommendation needs recommend=true' }],
        },
      );
    return fileResponse('csv', `${name}-${table}`, csvOf(chosen));
  });

  return app;
}
