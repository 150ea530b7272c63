/**
 * Workforce-insight and capacity storage: the actions a team agreed (followed up next time), the
 * themes staff flag on their roster (team and date only, never who), and the visit plan over a
 * date range for capacity demand.
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { CareVisit } from '@planmaat/domain';
import type { Executor } from './driver.ts';
import * as t from './schema.ts';

export interface StoredTeamAction {
  id: string;
  periodId: string;
  text: string;
  owner?: string;
  status: 'open' | 'done' | 'dropped';
  followUp?: string;
}

export async function listTeamActions(
  db: Executor,
  organisationId: string,
  teamId: string,
): Promise<StoredTeamAction[]> {
  const rows = await db
    .select()
    .from(t.teamActions)
    .where(and(eq(t.teamActions.organisationId, organisationId), eq(t.teamActions.teamId, teamId)))
    .orderBy(asc(t.teamActions.periodId), asc(t.teamActions.id));
  return rows.map((r) => ({
    id: r.id,
    periodId: r.periodId,
    text: r.text,
    ...(r.owner === null ? {} : { owner: r.owner }),
    status: r.status,
    ...(r.followUp === null ? {} : { followUp: r.followUp }),
  }));
}

/** The team's agreed actions become exactly this list (one transaction). */
export async function replaceTeamActions(
  db: Executor,
  organisationId: string,
  teamId: string,
  actions: StoredTeamAction[],
): Promise<StoredTeamAction[]> {
  await db.transaction(async (tx) => {
    await tx
      .delete(t.teamActions)
      .where(and(eq(t.teamActions.organisationId, organisationId), eq(t.teamActions.teamId, teamId)));
    if (actions.length)
      await tx.insert(t.teamActions).values(
        actions.map((a) => ({
          organisationId,
          teamId,
          id: a.id,
          periodId: a.periodId,
          text: a.text,
          owner: a.owner ?? null,
          status: a.status,
          followUp: a.followUp ?? null,
        })),
      );
  });
  return listTeamActions(db, organisationId, teamId);
}

export interface StoredStaffFlag {
  teamId: string;
  date: string;
  theme: string;
}

export async function addStaffFlag(
  db: Executor,
  organisationId: string,
  flag: StoredStaffFlag,
): Promise<void> {
  await db.insert(t.staffFlags).values({ organisationId, ...flag });
}

export async function listStaffFlags(
  db: Executor,
  organisationId: string,
  filter: { from: string; to: string },
): Promise<StoredStaffFlag[]> {
  return db
    .select({ teamId: t.staffFlags.teamId, date: t.staffFlags.date, theme: t.staffFlags.theme })
    .from(t.staffFlags)
    .where(
      and(
        eq(t.staffFlags.organisationId, organisationId),
        gte(t.staffFlags.date, filter.from),
        lte(t.staffFlags.date, filter.to),
      ),
    )
    .orderBy(asc(t.staffFlags.date), asc(t.staffFlags.id));
}

/** Every visit between two dates (capacity: the visit plan stands for a typical week). */
export async function listVisitsBetween(
  db: Executor,
  organisationId: string,
  filter: { from: string; to: string },
): Promise<CareVisit[]> {
  const rows = await db
    .select({ data: t.visits.data })
    .from(t.visits)
    .where(
      and(
        eq(t.visits.organisationId, organisationId),
        gte(t.visits.date, filter.from),
        lte(t.visits.date, filter.to),
      ),
    )
    .orderBy(asc(t.visits.date), asc(t.visits.id));
  return rows.map((r) => r.data);
}
