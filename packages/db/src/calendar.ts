/**
 * The employee's personal iCal feed: a secret link per employee (shown again on request, so it can
 * be added on a second device; renewing ends the old one) and the published shifts the feed shows.
 */
import { randomBytes } from 'node:crypto';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from './driver.ts';
import * as t from './schema.ts';

export interface CalendarFeedOwner {
  organisationId: string;
  employeeId: string;
}

const newToken = () => randomBytes(32).toString('base64url');

/** The employee's link, made on first use. */
export async function ensureCalendarToken(
  db: Executor,
  organisationId: string,
  employeeId: string,
  createdBy: string | null,
): Promise<{ token: string; createdAt: string }> {
  const token = newToken();
  const [inserted] = await db
    .insert(t.calendarFeeds)
    .values({ organisationId, employeeId, token, createdBy })
    .onConflictDoNothing({ target: [t.calendarFeeds.organisationId, t.calendarFeeds.employeeId] })
    .returning({ createdAt: t.calendarFeeds.createdAt });
  if (inserted) return { token, createdAt: inserted.createdAt.toISOString() };
  const [existing] = await db
    .select({ token: t.calendarFeeds.token, createdAt: t.calendarFeeds.createdAt })
    .from(t.calendarFeeds)
    .where(
      and(eq(t.calendarFeeds.organisationId, organisationId), eq(t.calendarFeeds.employeeId, employeeId)),
    );
  return { token: existing.token, createdAt: existing.createdAt.toISOString() };
}

/** A new link for the employee; the previous one stops working at once. */
export async function renewCalendarToken(
  db: Executor,
  organisationId: string,
  employeeId: string,
  createdBy: string | null,
): Promise<{ token: string; createdAt: string }> {
  const token = newToken();
  const createdAt = new Date();
  await db
    .insert(t.calendarFeeds)
    .values({ organisationId, employeeId, token, createdBy, createdAt })
    .onConflictDoUpdate({
      target: [t.calendarFeeds.organisationId, t.calendarFeeds.employeeId],
      set: { token, createdBy, createdAt },
    });
  return { token, createdAt: createdAt.toISOString() };
}

/** Whose feed a token opens, if any. */
export async function findCalendarFeed(db: Executor, token: string): Promise<CalendarFeedOwner | undefined> {
  const [row] = await db
    .select({ organisationId: t.calendarFeeds.organisationId, employeeId: t.calendarFeeds.employeeId })
    .from(t.calendarFeeds)
    .where(eq(t.calendarFeeds.token, token));
  return row;
}

export interface PublishedShift {
  rosterPeriodId: string;
  /** The period's version: grows with every change, so it serves as the event's SEQUENCE. */
  periodVersion: number;
  date: string;
  shiftTypeId: string;
  teamName: string;
  locationName: string | null;
  locationAddress: string | null;
}

/** An employee's shifts in published roster periods between two dates (drafts never show). */
export async function listPublishedShifts(
  db: Executor,
  organisationId: string,
  employeeId: string,
  range: { from: string; to: string },
): Promise<PublishedShift[]> {
  return db
    .select({
      rosterPeriodId: t.assignments.rosterPeriodId,
      periodVersion: t.rosterPeriods.version,
      date: t.assignments.date,
      shiftTypeId: t.assignments.shiftTypeId,
      teamName: t.teams.name,
      locationName: t.locations.name,
      locationAddress: t.locations.address,
    })
    .from(t.assignments)
    .innerJoin(
      t.rosterPeriods,
      and(
        eq(t.rosterPeriods.organisationId, t.assignments.organisationId),
        eq(t.rosterPeriods.id, t.assignments.rosterPeriodId),
      ),
    )
    .innerJoin(
      t.teams,
      and(eq(t.teams.organisationId, t.rosterPeriods.organisationId), eq(t.teams.id, t.rosterPeriods.teamId)),
    )
    .leftJoin(
      t.locations,
      and(eq(t.locations.organisationId, t.teams.organisationId), eq(t.locations.id, t.teams.locationId)),
    )
    .where(
      and(
        eq(t.assignments.organisationId, organisationId),
        eq(t.assignments.employeeId, employeeId),
        eq(t.rosterPeriods.status, 'published'),
        gte(t.assignments.date, range.from),
        lte(t.assignments.date, range.to),
      ),
    )
    .orderBy(asc(t.assignments.date), asc(t.assignments.rosterPeriodId));
}
