/**
 * Leave requests: an employee asks for a period off (a period and a kind, never a cause), a
 * planner or team leader approves or rejects it, the employee may withdraw it while it is open.
 * Approval creates the absence in the same transaction, so the rule check and the optimiser see it.
 */
import { and, asc, count, desc, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { addDays, type Absence } from '@planmaat/domain';
import type { Executor } from './driver.ts';
import { NotFoundError, RuleViolationError } from './errors.ts';
import { createAbsence, getEmployee, type Actor, type Page, type PageRequest } from './planning.ts';
import * as t from './schema.ts';
import type { LeaveRequestStatus } from './schema.ts';

export interface LeaveRequest {
  id: string;
  employeeId: string;
  kind: 'leave';
  /** Wall-clock date-times (Europe/Amsterdam); `end` is exclusive, like an absence. */
  start: string;
  end: string;
  status: LeaveRequestStatus;
  requestedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  /** The absence approval created. */
  absenceId: string | null;
}

type LeaveRow = typeof t.leaveRequests.$inferSelect;
function toLeaveRequest(r: LeaveRow): LeaveRequest {
  return {
    id: r.id,
    employeeId: r.employeeId,
    kind: r.kind,
    start: r.start,
    end: r.end,
    status: r.status,
    requestedAt: r.requestedAt.toISOString(),
    decidedAt: r.decidedAt ? r.decidedAt.toISOString() : null,
    decidedByName: r.decidedByName,
    decisionReason: r.decisionReason,
    absenceId: r.absenceId,
  };
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The absence an approved request becomes; one id per request, so it can exist only once. */
export const absenceIdOfLeaveRequest = (requestId: string) => `leave-${requestId}`;

export async function createLeaveRequest(
  db: Executor,
  organisationId: string,
  request: { employeeId: string; start: string; end: string; requestedBy: string | null },
): Promise<LeaveRequest> {
  if (request.end <= request.start)
    throw new RuleViolationError('het einde ligt vóór het begin / the end is before the start', 'to');
  return db.transaction(async (tx) => {
    await getEmployee(tx, organisationId, request.employeeId).catch(() => {
      throw new RuleViolationError(
        `medewerker ${request.employeeId} bestaat niet / does not exist`,
        'employeeId',
      );
    });
    // Serialise requests of one employee, so two overlapping requests cannot both pass the check.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`leave:${organisationId}:${request.employeeId}`}))`,
    );
    const [overlap] = await tx
      .select({ id: t.leaveRequests.id, start: t.leaveRequests.start })
      .from(t.leaveRequests)
      .where(
        and(
          eq(t.leaveRequests.organisationId, organisationId),
          eq(t.leaveRequests.employeeId, request.employeeId),
          inArray(t.leaveRequests.status, ['requested', 'approved']),
          lt(t.leaveRequests.start, request.end),
          gt(t.leaveRequests.end, request.start),
        ),
      )
      .limit(1);
    if (overlap)
      throw new RuleViolationError(
        `overlapt met een eerdere aanvraag vanaf ${overlap.start.slice(0, 10)} / overlaps an earlier request`,
        'from',
      );
    const [row] = await tx
      .insert(t.leaveRequests)
      .values({
        organisationId,
        employeeId: request.employeeId,
        kind: 'leave',
        start: request.start,
        end: request.end,
        requestedBy: request.requestedBy,
      })
      .returning();
    return toLeaveRequest(row);
  });
}

export async function getLeaveRequest(
  db: Executor,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<LeaveRequest> {
  // Not a uuid: it cannot exist (and PostgreSQL would refuse the comparison).
  if (!UUID_RE.test(id)) throw new NotFoundError('leave request', id);
  const query = db
    .select()
    .from(t.leaveRequests)
    .where(and(eq(t.leaveRequests.organisationId, organisationId), eq(t.leaveRequests.id, id)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw new NotFoundError('leave request', id);
  return toLeaveRequest(row);
}

export interface LeaveRequestFilter {
  /** Only these employees (an employee's own requests). */
  employeeIds?: string[];
  /** Only employees of these teams (a team leader's view). */
  teamIds?: string[];
  status?: LeaveRequestStatus;
  /** Requests overlapping [from, to] (dates). */
  from?: string;
  to?: string;
}

export async function listLeaveRequests(
  db: Executor,
  organisationId: string,
  filter: LeaveRequestFilter,
  page: PageRequest,
): Promise<Page<LeaveRequest>> {
  const conditions: SQL[] = [eq(t.leaveRequests.organisationId, organisationId)];
  if (filter.employeeIds)
    conditions.push(
      inArray(t.leaveRequests.employeeId, filter.employeeIds.length ? filter.employeeIds : ['']),
    );
  if (filter.teamIds) {
    const inTeams = filter.teamIds.map(
      (teamId) => sql`${t.employees.teamIds} @> ${JSON.stringify([teamId])}::jsonb`,
    );
    const members = db
      .select({ id: t.employees.id })
      .from(t.employees)
      .where(
        and(eq(t.employees.organisationId, organisationId), inTeams.length ? or(...inTeams) : sql`false`),
      );
    conditions.push(inArray(t.leaveRequests.employeeId, members));
  }
  if (filter.status) conditions.push(eq(t.leaveRequests.status, filter.status));
  if (filter.from) conditions.push(gt(t.leaveRequests.end, `${filter.from}T00:00`));
  if (filter.to) conditions.push(lt(t.leaveRequests.start, `${addDays(filter.to, 1)}T00:00`));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(t.leaveRequests)
      .where(where)
      // Open requests first, then by the first day; the latest decisions on top within a status.
      .orderBy(
        sql`case when ${t.leaveRequests.status} = 'requested' then 0 else 1 end`,
        asc(t.leaveRequests.start),
        desc(t.leaveRequests.requestedAt),
      )
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(t.leaveRequests).where(where),
  ]);
  return { items: rows.map(toLeaveRequest), total, ...page };
}

function notOpen(request: LeaveRequest): RuleViolationError {
  return new RuleViolationError(
    `de aanvraag is al ${STATUS_NL[request.status]} / the request is already ${request.status}`,
    'status',
  );
}

const STATUS_NL: Record<LeaveRequestStatus, string> = {
  requested: 'aangevraagd',
  approved: 'goedgekeurd',
  rejected: 'afgewezen',
  withdrawn: 'ingetrokken',
};

/**
 * Approve an open request: the request and its absence are written in one transaction, with the
 * request row locked, so a second approval (or a concurrent one) finds it decided and changes nothing.
 */
export async function approveLeaveRequest(
  db: Executor,
  organisationId: string,
  id: string,
  actor: Actor,
  reason?: string,
): Promise<{ request: LeaveRequest; absence: Absence }> {
  return db.transaction(async (tx) => {
    const current = await getLeaveRequest(tx, organisationId, id, { forUpdate: true });
    if (current.status !== 'requested') throw notOpen(current);
    const absence = await createAbsence(tx, organisationId, {
      id: absenceIdOfLeaveRequest(id),
      employeeId: current.employeeId,
      kind: 'leave',
      start: current.start,
      end: current.end,
    });
    const [row] = await tx
      .update(t.leaveRequests)
      .set({
        status: 'approved',
        decidedBy: actor.userId,
        decidedByName: actor.name,
        decidedAt: new Date(),
        decisionReason: reason?.trim() || null,
        absenceId: absence.id,
      })
      .where(and(eq(t.leaveRequests.organisationId, organisationId), eq(t.leaveRequests.id, id)))
      .returning();
    return { request: toLeaveRequest(row), absence };
  });
}

export async function rejectLeaveRequest(
  db: Executor,
  organisationId: string,
  id: string,
  actor: Actor,
  reason?: string,
): Promise<LeaveRequest> {
  return db.transaction(async (tx) => {
    const current = await getLeaveRequest(tx, organisationId, id, { forUpdate: true });
    if (current.status !== 'requested') throw notOpen(current);
    const [row] = await tx
      .update(t.leaveRequests)
      .set({
        status: 'rejected',
        decidedBy: actor.userId,
        decidedByName: actor.name,
        decidedAt: new Date(),
        decisionReason: reason?.trim() || null,
      })
      .where(and(eq(t.leaveRequests.organisationId, organisationId), eq(t.leaveRequests.id, id)))
      .returning();
    return toLeaveRequest(row);
  });
}

/** The employee takes back a request that is still open. */
export async function withdrawLeaveRequest(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<LeaveRequest> {
  return db.transaction(async (tx) => {
    const current = await getLeaveRequest(tx, organisationId, id, { forUpdate: true });
    if (current.status !== 'requested') throw notOpen(current);
    const [row] = await tx
      .update(t.leaveRequests)
      .set({ status: 'withdrawn', decidedAt: new Date() })
      .where(and(eq(t.leaveRequests.organisationId, organisationId), eq(t.leaveRequests.id, id)))
      .returning();
    return toLeaveRequest(row);
  });
}
