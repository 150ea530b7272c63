/**
 * Accepting a roster proposal for some people only. The chosen people's non-pinned cells become
 * the proposal's; everybody else keeps their roster. The proposal stays open for the rest: its
 * `baseVersion` moves to the roster version this accept wrote (the only change since is the
 * proposal's own), and `payload.acceptedEmployeeIds` lists who was taken over so far. When no
 * difference is left it becomes `accepted`. Same rules as a whole accept: the roster must still be
 * at the proposal's version (409 with the changes since), a published roster needs a reason, and
 * the change is recorded in the roster's audit log (action `accept-proposal-partial`).
 */
import { and, eq } from 'drizzle-orm';
import type { Executor } from './driver.ts';
import { ConflictError, RuleViolationError } from './errors.ts';
import { getProposal, lockOpenProposal, type Proposal, type RosterProposalPayload } from './jobs.ts';
import {
  changeAssignments,
  getRosterPeriod,
  listAssignments,
  listRosterChanges,
  type Actor,
  type AssignmentChange,
} from './planning.ts';
import * as t from './schema.ts';

export interface PartialAcceptResult {
  proposal: Proposal;
  version: number;
  /** Everyone taken over from this proposal so far (this call included). */
  acceptedEmployeeIds: string[];
  /** People whose cells still differ from the proposal. */
  remainingEmployeeIds: string[];
}

type PartialPayload = RosterProposalPayload & { acceptedEmployeeIds?: string[] };

export async function acceptProposalFor(
  db: Executor,
  organisationId: string,
  id: string,
  actor: Actor,
  employeeIds: readonly string[],
  reason?: string,
): Promise<PartialAcceptResult> {
  return db.transaction(async (tx) => {
    const row = await lockOpenProposal(tx, organisationId, id);
    if (row.kind !== 'roster')
      throw new RuleViolationError(
        `alleen roostervoorstellen kunnen per medewerker worden overgenomen / only roster proposals can be accepted per person`,
        'employeeIds',
      );
    const payload = row.payload as PartialPayload;
    const period = await getRosterPeriod(tx, organisationId, payload.rosterPeriodId, { forUpdate: true });
    if (period.version !== row.baseVersion) {
      const changes = await listRosterChanges(tx, organisationId, period.id, {
        sinceVersion: row.baseVersion,
      });
      throw new ConflictError('roster period', period.id, row.baseVersion, period.version, changes);
    }

    // What differs between the roster and the proposal, per person (pinned cells never change).
    const key = (employeeId: string, date: string) => `${employeeId}|${date}`;
    const current = await listAssignments(tx, organisationId, period.id);
    const pinned = new Set(current.filter((a) => a.pinned).map((a) => key(a.employeeId, a.date)));
    const now = new Map(current.filter((a) => !a.pinned).map((a) => [key(a.employeeId, a.date), a]));
    const proposed = new Map(
      payload.assignments
        .filter((a) => !pinned.has(key(a.employeeId, a.date)))
        .map((a) => [key(a.employeeId, a.date), a]),
    );
    const diff = new Map<string, AssignmentChange[]>();
    const note = (c: AssignmentChange) => {
      const list = diff.get(c.employeeId);
      if (list) list.push(c);
      else diff.set(c.employeeId, [c]);
    };
    for (const [k, p] of proposed)
      if (now.get(k)?.shiftTypeId !== p.shiftTypeId)
        note({ employeeId: p.employeeId, date: p.date, shiftTypeId: p.shiftTypeId });
    for (const [k, a] of now)
      if (!proposed.has(k)) note({ employeeId: a.employeeId, date: a.date, shiftTypeId: null });

    const chosen = [...new Set(employeeIds)];
    chosen.forEach((employeeId, i) => {
      if (!diff.has(employeeId))
        throw new RuleViolationError(
          `het voorstel wijzigt niets voor medewerker ${employeeId} / the proposal changes nothing for ${employeeId}`,
          `employeeIds.${i}`,
        );
    });
    const changes = chosen
      .flatMap((e) => diff.get(e)!)
      .sort((a, b) => a.employeeId.localeCompare(b.employeeId) || a.date.localeCompare(b.date));
    const { version } = await changeAssignments(
      tx,
      organisationId,
      { rosterPeriodId: period.id, expectedVersion: row.baseVersion, actor, reason },
      changes,
      'accept-proposal-partial',
    );

    const acceptedEmployeeIds = [...new Set([...(payload.acceptedEmployeeIds ?? []), ...chosen])];
    const remainingEmployeeIds = [...diff.keys()].filter((e) => !chosen.includes(e)).sort();
    const done = remainingEmployeeIds.length === 0;
    await tx
      .update(t.proposals)
      .set({
        baseVersion: version,
        payload: { ...payload, acceptedEmployeeIds },
        ...(done ? { status: 'accepted' as const, decidedBy: actor.userId, decidedAt: new Date() } : {}),
      })
      .where(and(eq(t.proposals.organisationId, organisationId), eq(t.proposals.id, id)));
    return {
      proposal: await getProposal(tx, organisationId, id),
      version,
      acceptedEmployeeIds,
      remainingEmployeeIds,
    };
  });
}
