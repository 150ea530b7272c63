/**
 * Solve jobs and proposals. The queue (pg-boss) carries only the job id; the state a planner sees
 * lives here. Results are written idempotently: one proposal per job (unique key), and a job that
 * is already finished is never finished again — a retried or duplicated worker changes nothing.
 */
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from './driver.ts';
import { ConflictError, NotFoundError, RuleViolationError } from './errors.ts';
import { replaceAssignments, type Actor } from './planning.ts';
import * as t from './schema.ts';
import type { JobStatus, ProposalStatus } from './schema.ts';

export interface ProgressPoint {
  elapsedMs: number;
  score: number;
}

export interface SolveJob {
  id: string;
  organisationId: string;
  kind: string;
  status: JobStatus;
  params: unknown;
  timeLimitSeconds: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  attempts: number;
  cancelRequested: boolean;
  bestScore: number | null;
  progress: ProgressPoint[];
  result: unknown;
  error: string | null;
  proposalId: string | null;
}

const MAX_PROGRESS_POINTS = 200;

type JobRow = typeof t.solveJobs.$inferSelect;
function toJob(r: JobRow, proposalId: string | null = null): SolveJob {
  return {
    id: r.id,
    organisationId: r.organisationId,
    kind: r.kind,
    status: r.status,
    params: r.params,
    timeLimitSeconds: r.timeLimitSeconds,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    attempts: r.attempts,
    cancelRequested: r.cancelRequested,
    bestScore: r.bestScore,
    progress: r.progress,
    result: r.result ?? null,
    error: r.error,
    proposalId,
  };
}

export async function createJob(
  db: Executor,
  job: {
    organisationId: string;
    kind: string;
    params: unknown;
    timeLimitSeconds: number;
    createdBy: string | null;
  },
): Promise<SolveJob> {
  const [row] = await db.insert(t.solveJobs).values(job).returning();
  return toJob(row);
}

async function proposalIdOf(db: Executor, jobId: string): Promise<string | null> {
  const [p] = await db.select({ id: t.proposals.id }).from(t.proposals).where(eq(t.proposals.jobId, jobId));
  return p?.id ?? null;
}

/** A job of the given organisation (API side). */
export async function getJob(db: Executor, organisationId: string, id: string): Promise<SolveJob> {
  const [row] = await db
    .select()
    .from(t.solveJobs)
    .where(and(eq(t.solveJobs.organisationId, organisationId), eq(t.solveJobs.id, id)));
  if (!row) throw new NotFoundError('job', id);
  return toJob(row, await proposalIdOf(db, id));
}

/** A job by id alone (worker side: the queue message carries only the id). */
export async function getJobForWorker(db: Executor, id: string): Promise<SolveJob | undefined> {
  const [row] = await db.select().from(t.solveJobs).where(eq(t.solveJobs.id, id));
  return row ? toJob(row) : undefined;
}

export async function listJobs(
  db: Executor,
  organisationId: string,
  limit: number,
  offset: number,
): Promise<SolveJob[]> {
  const rows = await db
    .select()
    .from(t.solveJobs)
    .where(eq(t.solveJobs.organisationId, organisationId))
    .orderBy(desc(t.solveJobs.createdAt))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => toJob(r));
}

/** Claim a job for a run; `undefined` when it is finished or cancelled meanwhile. */
export async function startJobAttempt(
  db: Executor,
  id: string,
  workerId: string,
): Promise<SolveJob | undefined> {
  const [row] = await db
    .update(t.solveJobs)
    .set({
      status: 'running',
      startedAt: new Date(),
      attempts: sql`${t.solveJobs.attempts} + 1`,
      workerId,
      progress: [],
      bestScore: null,
    })
    .where(
      and(
        eq(t.solveJobs.id, id),
        inArray(t.solveJobs.status, ['queued', 'running']),
        eq(t.solveJobs.cancelRequested, false),
      ),
    )
    .returning();
  return row ? toJob(row) : undefined;
}

export async function recordProgress(
  db: Executor,
  id: string,
  workerId: string,
  point: ProgressPoint,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ progress: t.solveJobs.progress })
      .from(t.solveJobs)
      .where(
        and(eq(t.solveJobs.id, id), eq(t.solveJobs.status, 'running'), eq(t.solveJobs.workerId, workerId)),
      )
      .for('update');
    if (!row) return;
    let progress = [...row.progress, point];
    // Keep the curve's shape within a bounded size: halve the resolution when full.
    if (progress.length > MAX_PROGRESS_POINTS)
      progress = progress.filter((_, i) => i % 2 === 0 || i === progress.length - 1);
    await tx.update(t.solveJobs).set({ progress, bestScore: point.score }).where(eq(t.solveJobs.id, id));
  });
}

export interface ProposalDraft {
  kind: string;
  targetId: string;
  baseVersion: number;
  payload: unknown;
  score: number | null;
}

/**
 * Finish a job with its result and (optionally) a proposal. Idempotent: a job already finished is
 * left as it is, and the proposal insert is keyed on the job.
 */
export async function completeJob(
  db: Executor,
  id: string,
  outcome: { result: unknown; proposal?: ProposalDraft; status?: 'completed' | 'cancelled' },
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [job] = await tx.select().from(t.solveJobs).where(eq(t.solveJobs.id, id)).for('update');
    if (!job || job.status === 'completed' || job.status === 'failed') return false;
    if (job.status === 'cancelled' && outcome.status !== 'cancelled') return false;
    if (outcome.proposal) {
      await tx
        .insert(t.proposals)
        .values({ organisationId: job.organisationId, jobId: id, ...outcome.proposal })
        .onConflictDoNothing({ target: t.proposals.jobId });
    }
    const bestScore = outcome.proposal?.score ?? job.bestScore;
    await tx
      .update(t.solveJobs)
      .set({
        status: outcome.status ?? 'completed',
        result: outcome.result,
        finishedAt: new Date(),
        bestScore,
      })
      .where(eq(t.solveJobs.id, id));
    return true;
  });
}

/** Record a failed attempt; the job goes back to queued when the queue will retry it. */
export async function failJobAttempt(
  db: Executor,
  id: string,
  error: string,
  willRetry: boolean,
): Promise<void> {
  await db
    .update(t.solveJobs)
    .set(willRetry ? { status: 'queued', error } : { status: 'failed', error, finishedAt: new Date() })
    .where(and(eq(t.solveJobs.id, id), inArray(t.solveJobs.status, ['queued', 'running'])));
}

/** Ask for a stop. A job not yet started is cancelled at once; a running one by its worker. */
export async function requestCancel(db: Executor, organisationId: string, id: string): Promise<SolveJob> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select()
      .from(t.solveJobs)
      .where(and(eq(t.solveJobs.organisationId, organisationId), eq(t.solveJobs.id, id)))
      .for('update');
    if (!job) throw new NotFoundError('job', id);
    if (job.status === 'queued') {
      const [row] = await tx
        .update(t.solveJobs)
        .set({ status: 'cancelled', cancelRequested: true, finishedAt: new Date() })
        .where(eq(t.solveJobs.id, id))
        .returning();
      return toJob(row);
    }
    if (job.status === 'running') {
      const [row] = await tx
        .update(t.solveJobs)
        .set({ cancelRequested: true })
        .where(eq(t.solveJobs.id, id))
        .returning();
      return toJob(row);
    }
    return toJob(job);
  });
}

// ---------- proposals ----------

export interface Proposal {
  id: string;
  organisationId: string;
  jobId: string;
  kind: string;
  targetId: string;
  baseVersion: number;
  status: ProposalStatus;
  payload: unknown;
  score: number | null;
  createdAt: string;
  decidedAt: string | null;
}

type ProposalRow = typeof t.proposals.$inferSelect;
function toProposal(r: ProposalRow): Proposal {
  return {
    id: r.id,
    organisationId: r.organisationId,
    jobId: r.jobId,
    kind: r.kind,
    targetId: r.targetId,
    baseVersion: r.baseVersion,
    status: r.status,
    payload: r.payload,
    score: r.score,
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  };
}

export async function getProposal(db: Executor, organisationId: string, id: string): Promise<Proposal> {
  const [row] = await db
    .select()
    .from(t.proposals)
    .where(and(eq(t.proposals.organisationId, organisationId), eq(t.proposals.id, id)));
  if (!row) throw new NotFoundError('proposal', id);
  return toProposal(row);
}

export async function listProposals(
  db: Executor,
  organisationId: string,
  filter: { targetId?: string; status?: ProposalStatus },
): Promise<Proposal[]> {
  const conditions = [eq(t.proposals.organisationId, organisationId)];
  if (filter.targetId) conditions.push(eq(t.proposals.targetId, filter.targetId));
  if (filter.status) conditions.push(eq(t.proposals.status, filter.status));
  const rows = await db
    .select()
    .from(t.proposals)
    .where(and(...conditions))
    .orderBy(desc(t.proposals.createdAt));
  return rows.map(toProposal);
}

export interface RosterProposalPayload {
  rosterPeriodId: string;
  assignments: Array<{ employeeId: string; date: string; shiftTypeId: string }>;
}

/** The proposal, locked for this transaction; a clear error unless it is still open. */
export async function lockOpenProposal(
  tx: Executor,
  organisationId: string,
  id: string,
): Promise<ProposalRow> {
  const [row] = await tx
    .select()
    .from(t.proposals)
    .where(and(eq(t.proposals.organisationId, organisationId), eq(t.proposals.id, id)))
    .for('update');
  if (!row) throw new NotFoundError('proposal', id);
  if (row.status !== 'open')
    throw new RuleViolationError(
      `voorstel is al ${row.status} / proposal is already ${row.status}`,
      'status',
    );
  return row;
}

/**
 * Apply a roster proposal: only when the roster is still at the version the solve started from
 * (otherwise a conflict that lists what changed since).
 */
export async function acceptProposal(
  db: Executor,
  organisationId: string,
  id: string,
  actor: Actor,
  reason?: string,
): Promise<{ proposal: Proposal; version: number }> {
  return db.transaction(async (tx) => {
    const row = await lockOpenProposal(tx, organisationId, id);
    if (row.kind === 'routes') return acceptRoutePlan(tx, row, actor);
    if (row.kind !== 'roster')
      throw new RuleViolationError(
        `voorstellen van soort ${row.kind} kunnen nog niet worden toegepast`,
        'kind',
      );
    const payload = row.payload as RosterProposalPayload;
    const { version } = await replaceAssignments(
      tx,
      organisationId,
      { rosterPeriodId: payload.rosterPeriodId, expectedVersion: row.baseVersion, actor, reason },
      payload.assignments,
      'accept-proposal',
    );
    const [updated] = await tx
      .update(t.proposals)
      .set({ status: 'accepted', decidedBy: actor.userId, decidedAt: new Date() })
      .where(eq(t.proposals.id, id))
      .returning();
    return { proposal: toProposal(updated), version };
  });
}

export async function rejectProposal(
  db: Executor,
  organisationId: string,
  id: string,
  actor: Actor,
): Promise<Proposal> {
  return db.transaction(async (tx) => {
    await lockOpenProposal(tx, organisationId, id);
    const [updated] = await tx
      .update(t.proposals)
      .set({ status: 'rejected', decidedBy: actor.userId, decidedAt: new Date() })
      .where(eq(t.proposals.id, id))
      .returning();
    return toProposal(updated);
  });
}

// ---------- route plans (accepted `routes` proposals) ----------

/**
 * The route plan of a team's day is its latest accepted routes proposal; its version is the number
 * accepted so far. A proposal made from an older version conflicts.
 */
export async function getRoutePlan(
  db: Executor,
  organisationId: string,
  targetId: string,
): Promise<{ version: number; proposal: Proposal | null }> {
  const accepted = and(
    eq(t.proposals.organisationId, organisationId),
    eq(t.proposals.kind, 'routes'),
    eq(t.proposals.targetId, targetId),
    eq(t.proposals.status, 'accepted'),
  );
  const [[{ n }], [latest]] = await Promise.all([
    db.select({ n: count() }).from(t.proposals).where(accepted),
    db.select().from(t.proposals).where(accepted).orderBy(desc(t.proposals.decidedAt)).limit(1),
  ]);
  return { version: n, proposal: latest ? toProposal(latest) : null };
}

async function acceptRoutePlan(
  tx: Executor,
  row: ProposalRow,
  actor: Actor,
): Promise<{ proposal: Proposal; version: number }> {
  // Serialise accepts per team-day (works the same on PGlite and PostgreSQL).
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtext(${`${row.organisationId}|routes|${row.targetId}`}))`,
  );
  const { version } = await getRoutePlan(tx, row.organisationId, row.targetId);
  if (version !== row.baseVersion)
    throw new ConflictError('route plan', row.targetId, row.baseVersion, version);
  const [updated] = await tx
    .update(t.proposals)
    .set({ status: 'accepted', decidedBy: actor.userId, decidedAt: new Date() })
    .where(eq(t.proposals.id, row.id))
    .returning();
  return { proposal: toProposal(updated), version: version + 1 };
}
