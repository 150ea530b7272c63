/** The days that have home-care visits, with their count: to open a team's day plan on a day with work. */
import { and, asc, count, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from './driver.ts';
import * as t from './schema.ts';

export interface VisitDay {
  date: string;
  visits: number;
}

export async function listVisitDays(
  db: Executor,
  organisationId: string,
  filter: { teamId?: string; from?: string; to?: string },
): Promise<VisitDay[]> {
  const conditions = [eq(t.visits.organisationId, organisationId)];
  if (filter.from) conditions.push(gte(t.visits.date, filter.from));
  if (filter.to) conditions.push(lte(t.visits.date, filter.to));
  if (filter.teamId) conditions.push(eq(t.clients.teamId, filter.teamId));
  const rows = await db
    .select({ date: t.visits.date, visits: count() })
    .from(t.visits)
    .innerJoin(
      t.clients,
      and(eq(t.clients.organisationId, t.visits.organisationId), eq(t.clients.id, t.visits.clientId)),
    )
    .where(and(...conditions))
    .groupBy(t.visits.date)
    .orderBy(asc(t.visits.date));
  return rows.map((r) => ({ date: r.date, visits: Number(r.visits) }));
}
