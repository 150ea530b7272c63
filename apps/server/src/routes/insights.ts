/**
 * Workforce insight: team figures per period with small-group suppression (groups of 5 or fewer
 * are never shown, in any view, filter or export), the one-page team report with the actions the
 * team agreed (stored), and the themes staff flag on their roster (never who).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import * as repo from '@planmaat/db';
import { addDays, localDate, mondayOf } from '@planmaat/domain';
import {
  CONTRACT_BANDS,
  insightReport,
  insightTable,
  LEVEL_BANDS,
  STAFF_FLAG_THEMES,
  teamActionSchema,
  teamReport,
  teamReportHtml,
  type InsightData,
} from '@planmaat/insight';
import { isStaff } from '../auth/access.ts';
import { requireSession } from '../auth/session.ts';
import { newRouter, type AppEnv } from '../http/context.ts';
import { forbidden } from '../http/problem.ts';
import { json, jsonBody, problems } from '../http/schemas.ts';
import { csvOf, fileResponse, xlsxOf } from '../workforce/files.ts';
import { loadInsightData } from '../workforce/organisation-data.ts';
import { insightReportOut, teamActionOut, teamReportOut } from '../workforce/schemas.ts';
import { viewerOf } from '../workforce/scope.ts';

const auth = [requireSession()];
const std = problems(400, 401, 403, 404);
const periodKind = z.enum(['month', 'quarter', 'four-weeks']).default('month');

const rangeQuery = z.object({
  from: localDate.optional().describe('First day; default: twelve whole periods before `to`'),
  to: localDate.optional().describe('Last day; default: the last day of the published rosters'),
  period: periodKind,
});
const reportQuery = rangeQuery.extend({
  levelBand: z.enum(['all', ...LEVEL_BANDS] as [string, ...string[]]).default('all'),
  contractBand: z.enum(['all', ...CONTRACT_BANDS] as [string, ...string[]]).default('all'),
  teamIds: z.string().optional().describe('Comma-separated team ids (within what you may see)'),
});
const teamParam = z.object({ teamId: z.string().min(1).max(100) });
const flagIn = z
  .object({
    date: localDate,
    theme: z.enum(Object.keys(STAFF_FLAG_THEMES) as [keyof typeof STAFF_FLAG_THEMES]),
    teamId: z.string().optional().describe('One of your teams; default your first team'),
  })
  .openapi('StaffFlagInput');

const fileContent = (type: string) => ({ [type]: { schema: z.string() } });

const routes = {
  report: createRoute({
    method: 'get',
    path: '/insights',
    tags: ['insights'],
    summary: 'Teamcijfers per periode (kleine groepen verborgen) / team figures per period',
    description:
      'Teams and the organisation × periods for one level band and contract band. Groups of 5 or fewer people — and any group that would give one away — have `suppressed` set and no figures. Team leaders see their own teams and the organisation; employees are refused.',
    middleware: auth,
    request: { query: reportQuery },
    responses: { 200: json(insightReportOut, 'The report'), ...std },
  }),
  exportCsv: createRoute({
    method: 'get',
    path: '/insights/export.csv',
    tags: ['insights'],
    summary: 'Teamcijfers als CSV (al onderdrukt) / figures as CSV (already suppressed)',
    middleware: auth,
    request: { query: reportQuery },
    responses: { 200: { description: 'CSV', content: fileContent('text/csv') }, ...std },
  }),
  exportXlsx: createRoute({
    method: 'get',
    path: '/insights/export.xlsx',
    tags: ['insights'],
    summary: 'Teamcijfers als XLSX (al onderdrukt) / figures as XLSX (already suppressed)',
    middleware: auth,
    request: { query: reportQuery },
    responses: {
      200: {
        description: 'XLSX',
        content: fileContent('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      },
      ...std,
    },
  }),
  teamReport: createRoute({
    method: 'get',
    path: '/insights/teams/{teamId}/report',
    tags: ['insights'],
    summary: 'Teamrapport voor het teamoverleg / one-page team report',
    description:
      "The last period's figures beside the previous period and the organisation, flagged themes, last time's actions to follow up and this period's agreements. `format=html` gives the printable page.",
    middleware: auth,
    request: {
      params: teamParam,
      query: rangeQuery.extend({ format: z.enum(['json', 'html']).default('json') }),
    },
    responses: {
      200: {
        description: 'The team report',
        content: {
          'application/json': { schema: teamReportOut },
          'text/html': { schema: z.string() },
        },
      },
      ...std,
    },
  }),
  listActions: createRoute({
    method: 'get',
    path: '/insights/teams/{teamId}/actions',
    tags: ['insights'],
    summary: 'Afspraken van het team / agreed team actions',
    middleware: auth,
    request: { params: teamParam },
    responses: { 200: json(z.object({ items: z.array(teamActionOut) }), 'Actions'), ...std },
  }),
  putActions: createRoute({
    method: 'put',
    path: '/insights/teams/{teamId}/actions',
    tags: ['insights'],
    summary: 'Leg de afspraken van het team vast / store the team’s agreed actions',
    description:
      'Replaces the team’s actions with this list (ids chosen by the client). Planners, admins and the team leader of this team.',
    middleware: auth,
    request: { params: teamParam, body: jsonBody(z.array(teamActionSchema).max(500)) },
    responses: { 200: json(z.object({ items: z.array(teamActionOut) }), 'Stored actions'), ...std },
  }),
  flag: createRoute({
    method: 'post',
    path: '/insights/flags',
    tags: ['insights'],
    summary: 'Meld een thema over uw rooster (anoniem) / flag a roster theme (anonymous)',
    description:
      'Stores only the team, the date and the theme — never who flagged it. Themes count in the team report when the team’s figures may be shown.',
    middleware: auth,
    request: { body: jsonBody(flagIn) },
    responses: {
      201: json(z.object({ teamId: z.string(), date: z.string(), theme: z.string() }), 'Stored'),
      ...std,
    },
  }),
};

/** Default range: twelve whole periods up to the last published roster day. */
function defaultRange(
  input: InsightData,
  query: { from?: string; to?: string; period: 'month' | 'quarter' | 'four-weeks' },
): { from: string; to: string } {
  let last = '';
  for (const a of input.assignments) if (a.date > last) last = a.date;
  const to = query.to ?? (last || new Date().toISOString().slice(0, 10));
  if (query.from) return { from: query.from, to };
  if (query.period === 'four-weeks') return { from: mondayOf(addDays(to, -12 * 28 + 1)), to };
  let year = Number(to.slice(0, 4));
  let month = Number(to.slice(5, 7)) - 11;
  while (month < 1) {
    month += 12;
    year -= 1;
  }
  if (query.period === 'quarter') month -= (month - 1) % 3;
  return { from: `${year}-${String(month).padStart(2, '0')}-01`, to };
}

async function reportFor(c: Context<AppEnv>, query: z.infer<typeof reportQuery>) {
  const user = c.get('user');
  const viewer = viewerOf(user);
  const { input } = await loadInsightData(c.get('deps').handle.db, user.organisationId);
  return insightReport(
    input,
    {
      ...defaultRange(input, query),
      period: query.period,
      levelBand: query.levelBand,
      contractBand: query.contractBand,
      teamIds: query.teamIds ? query.teamIds.split(',').filter(Boolean) : undefined,
    },
    viewer,
  );
}

/** Team leaders only for the teams they lead; the team must be in the caller's organisation. */
async function requireTeam(c: Context<AppEnv>, teamId: string) {
  const user = c.get('user');
  viewerOf(user);
  const team = await repo.getTeam(c.get('deps').handle.db, user.organisationId, teamId);
  if (!isStaff(user) && !user.teamIds.includes(teamId))
    throw forbidden('U bent geen teamleider van dit team / you do not lead this team.');
  return team;
}

export function insightRoutes() {
  const app = newRouter();
  const db = (c: Context<AppEnv>) => c.get('deps').handle.db;

  app.openapi(routes.report, async (c) => c.json(await reportFor(c, c.req.valid('query')), 200));

  app.openapi(routes.exportCsv, async (c) => {
    const report = await reportFor(c, c.req.valid('query'));
    return fileResponse('csv', `teamcijfers-${report.range.from}`, csvOf(insightTable(report)));
  });
  app.openapi(routes.exportXlsx, async (c) => {
    const report = await reportFor(c, c.req.valid('query'));
    return fileResponse('xlsx', `teamcijfers-${report.range.from}`, await xlsxOf([insightTable(report)]));
  });

  app.openapi(routes.teamReport, async (c) => {
    const { teamId } = c.req.valid('param');
    const query = c.req.valid('query');
    const user = c.get('user');
    await requireTeam(c, teamId);
    const [{ input }, actions] = await Promise.all([
      loadInsightData(db(c), user.organisationId),
      repo.listTeamActions(db(c), user.organisationId, teamId),
    ]);
    const report = teamReport(
      input,
      { teamId, ...defaultRange(input, query), period: query.period, actions },
      viewerOf(user),
    );
    if (query.format === 'html')
      return fileResponse('html', `teamrapport-${teamId}-${report.period.id}`, teamReportHtml(report));
    return c.json(report, 200);
  });

  app.openapi(routes.listActions, async (c) => {
    const { teamId } = c.req.valid('param');
    await requireTeam(c, teamId);
    return c.json({ items: await repo.listTeamActions(db(c), c.get('user').organisationId, teamId) }, 200);
  });

  app.openapi(routes.putActions, async (c) => {
    const { teamId } = c.req.valid('param');
    await requireTeam(c, teamId);
    const items = await repo.replaceTeamActions(
      db(c),
      c.get('user').organisationId,
      teamId,
      c.req.valid('json'),
    );
    return c.json({ items }, 200);
  });

  app.openapi(routes.flag, async (c) => {
    const user = c.get('user');
    const body = c.req.valid('json');
    if (!user.employeeId) throw forbidden('Alleen medewerkers melden een thema / only staff flag a theme.');
    const self = await repo.getEmployee(db(c), user.organisationId, user.employeeId);
    const teamId = body.teamId ?? self.teamIds[0];
    if (!teamId || !self.teamIds.includes(teamId))
      throw forbidden('Alleen voor uw eigen team / only for your own team.');
    const flag = { teamId, date: body.date, theme: body.theme };
    await repo.addStaffFlag(db(c), user.organisationId, flag);
    return c.json(flag, 201);
  });

  return app;
}
