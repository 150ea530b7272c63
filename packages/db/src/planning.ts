/**
 * Planning data repository. Every function takes the organisation id first: there is no way to
 * read or change a row without naming its tenant.
 */
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import {
  addDays,
  type Absence,
  type Assignment,
  type CareVisit,
  type CarerShift,
  type Client,
  type Demand,
  type Employee,
  type RosterPeriod,
  type ShiftType,
  type Team,
  type Wish,
} from '@planmaat/domain';
import type { Executor } from './driver.ts';
import { ConflictError, NotFoundError, RuleViolationError, type ChangeSummary } from './errors.ts';
import * as t from './schema.ts';
import { saveRosterCells, type RosterRuleContext } from './roster-queries.ts';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
export interface PageRequest {
  limit: number;
  offset: number;
}
export type Versioned<T> = T & { version: number };

export interface Actor {
  userId: string | null;
  name: string;
}

// ---------- organisation, teams ----------

export async function getOrganisation(db: Executor, organisationId: string) {
  const [row] = await db.select().from(t.organisations).where(eq(t.organisations.id, organisationId));
  if (!row) throw new NotFoundError('organisation', organisationId);
  return {
    id: row.id,
    name: row.name,
    ruleProfiles: row.ruleProfiles,
    timeZone: row.timeZone,
    isDemo: row.isDemo,
  };
}

export async function listTeams(db: Executor, organisationId: string): Promise<Team[]> {
  const rows = await db
    .select()
    .from(t.teams)
    .where(eq(t.teams.organisationId, organisationId))
    .orderBy(asc(t.teams.id));
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    locationId: r.locationId,
    name: r.name,
    kind: r.kind,
  }));
}

export async function getTeam(db: Executor, organisationId: string, teamId: string): Promise<Team> {
  const [r] = await db
    .select()
    .from(t.teams)
    .where(and(eq(t.teams.organisationId, organisationId), eq(t.teams.id, teamId)));
  if (!r) throw new NotFoundError('team', teamId);
  return { id: r.id, organisationId: r.organisationId, locationId: r.locationId, name: r.name, kind: r.kind };
}

// ---------- employees ----------

type EmployeeRow = typeof t.employees.$inferSelect;
function toEmployee(r: EmployeeRow): Versioned<Employee> {
  return {
    id: r.id,
    organisationId: r.organisationId,
    name: r.name,
    teamIds: r.teamIds,
    contractHoursPerWeek: r.contractHoursPerWeek,
    level: r.level,
    skills: r.skills,
    birthDate: r.birthDate,
    ...(r.home ? { home: r.home } : {}),
    travelMode: r.travelMode,
    worksNights: r.worksNights,
    ...(r.employmentStart ? { employmentStart: r.employmentStart } : {}),
    ...(r.employmentEnd ? { employmentEnd: r.employmentEnd } : {}),
    version: r.version,
  };
}

function inTeam(column: typeof t.employees.teamIds, teamId: string): SQL {
  return sql`${column} @> ${JSON.stringify([teamId])}::jsonb`;
}

export async function listEmployees(
  db: Executor,
  organisationId: string,
  filter: { teamId?: string; ids?: string[] },
  page: PageRequest,
): Promise<Page<Versioned<Employee>>> {
  const conditions = [eq(t.employees.organisationId, organisationId)];
  if (filter.teamId) conditions.push(inTeam(t.employees.teamIds, filter.teamId));
  if (filter.ids) conditions.push(inArray(t.employees.id, filter.ids.length ? filter.ids : ['']));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(t.employees)
      .where(where)
      .orderBy(asc(t.employees.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ total: count() }).from(t.employees).where(where),
  ]);
  return { items: rows.map(toEmployee), total, ...page };
}

export async function getEmployee(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<Versioned<Employee>> {
  const [r] = await db
    .select()
    .from(t.employees)
    .where(and(eq(t.employees.organisationId, organisationId), eq(t.employees.id, id)));
  if (!r) throw new NotFoundError('employee', id);
  return toEmployee(r);
}

async function assertTeamsExist(db: Executor, organisationId: string, teamIds: string[]): Promise<void> {
  const rows = await db
    .select({ id: t.teams.id })
    .from(t.teams)
    .where(and(eq(t.teams.organisationId, organisationId), inArray(t.teams.id, teamIds)));
  const known = new Set(rows.map((r) => r.id));
  const missing = teamIds.find((id) => !known.has(id));
  if (missing) throw new RuleViolationError(`team ${missing} bestaat niet / does not exist`, 'teamIds');
}

export async function createEmployee(
  db: Executor,
  organisationId: string,
  e: Omit<Employee, 'organisationId'>,
): Promise<Versioned<Employee>> {
  return db.transaction(async (tx) => {
    await assertTeamsExist(tx, organisationId, e.teamIds);
    const existing = await tx
      .select({ id: t.employees.id })
      .from(t.employees)
      .where(and(eq(t.employees.organisationId, organisationId), eq(t.employees.id, e.id)));
    if (existing.length) throw new RuleViolationError(`medewerker ${e.id} bestaat al / already exists`, 'id');
    const [row] = await tx
      .insert(t.employees)
      .values({ ...e, organisationId, home: e.home ?? null })
      .returning();
    return toEmployee(row);
  });
}

/** Fields to change; `null` clears an optional employment date. */
export type EmployeePatch = Partial<
  Omit<Employee, 'id' | 'organisationId' | 'employmentStart' | 'employmentEnd'>
> & {
  employmentStart?: string | null;
  employmentEnd?: string | null;
};

export async function updateEmployee(
  db: Executor,
  organisationId: string,
  id: string,
  expectedVersion: number,
  patch: EmployeePatch,
): Promise<Versioned<Employee>> {
  return db.transaction(async (tx) => {
    const current = await getEmployee(tx, organisationId, id);
    if (current.version !== expectedVersion)
      throw new ConflictError('employee', id, expectedVersion, current.version);
    if (patch.teamIds) await assertTeamsExist(tx, organisationId, patch.teamIds);
    const [row] = await tx
      .update(t.employees)
      .set({ ...patch, version: current.version + 1 })
      .where(
        and(
          eq(t.employees.organisationId, organisationId),
          eq(t.employees.id, id),
          eq(t.employees.version, expectedVersion),
        ),
      )
      .returning();
    if (!row) throw new ConflictError('employee', id, expectedVersion, current.version + 1);
    return toEmployee(row);
  });
}

export async function deleteEmployee(db: Executor, organisationId: string, id: string): Promise<void> {
  const rows = await db
    .delete(t.employees)
    .where(and(eq(t.employees.organisationId, organisationId), eq(t.employees.id, id)))
    .returning({ id: t.employees.id });
  if (!rows.length) throw new NotFoundError('employee', id);
}

// ---------- shift types ----------

type ShiftTypeRow = typeof t.shiftTypes.$inferSelect;
function toShiftType(r: ShiftTypeRow): Versioned<ShiftType> {
  return {
    id: r.id,
    organisationId: r.organisationId,
    code: r.code,
    name: r.name,
    start: r.start,
    end: r.end,
    breakMinutes: r.breakMinutes,
    category: r.category,
    color: r.color,
    version: r.version,
  };
}

export async function listShiftTypes(db: Executor, organisationId: string): Promise<Versioned<ShiftType>[]> {
  const rows = await db
    .select()
    .from(t.shiftTypes)
    .where(eq(t.shiftTypes.organisationId, organisationId))
    .orderBy(asc(t.shiftTypes.start), asc(t.shiftTypes.id));
  return rows.map(toShiftType);
}

export async function getShiftType(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<Versioned<ShiftType>> {
  const [r] = await db
    .select()
    .from(t.shiftTypes)
    .where(and(eq(t.shiftTypes.organisationId, organisationId), eq(t.shiftTypes.id, id)));
  if (!r) throw new NotFoundError('shift type', id);
  return toShiftType(r);
}

export async function createShiftType(
  db: Executor,
  organisationId: string,
  s: Omit<ShiftType, 'organisationId'>,
): Promise<Versioned<ShiftType>> {
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: t.shiftTypes.id })
      .from(t.shiftTypes)
      .where(and(eq(t.shiftTypes.organisationId, organisationId), eq(t.shiftTypes.id, s.id)));
    if (existing.length) throw new RuleViolationError(`diensttype ${s.id} bestaat al / already exists`, 'id');
    const [row] = await tx
      .insert(t.shiftTypes)
      .values({ ...s, organisationId })
      .returning();
    return toShiftType(row);
  });
}

export async function updateShiftType(
  db: Executor,
  organisationId: string,
  id: string,
  expectedVersion: number,
  patch: Partial<Omit<ShiftType, 'id' | 'organisationId'>>,
): Promise<Versioned<ShiftType>> {
  return db.transaction(async (tx) => {
    const current = await getShiftType(tx, organisationId, id);
    if (current.version !== expectedVersion)
      throw new ConflictError('shift type', id, expectedVersion, current.version);
    const [row] = await tx
      .update(t.shiftTypes)
      .set({ ...patch, version: current.version + 1 })
      .where(and(eq(t.shiftTypes.organisationId, organisationId), eq(t.shiftTypes.id, id)))
      .returning();
    return toShiftType(row);
  });
}

export async function deleteShiftType(db: Executor, organisationId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [used] = await tx
      .select({ n: count() })
      .from(t.assignments)
      .where(and(eq(t.assignments.organisationId, organisationId), eq(t.assignments.shiftTypeId, id)));
    if (used.n > 0)
      throw new RuleViolationError(`diensttype ${id} is nog ingeroosterd (${used.n}×) / still in use`, 'id');
    const rows = await tx
      .delete(t.shiftTypes)
      .where(and(eq(t.shiftTypes.organisationId, organisationId), eq(t.shiftTypes.id, id)))
      .returning({ id: t.shiftTypes.id });
    if (!rows.length) throw new NotFoundError('shift type', id);
  });
}

// ---------- demand, absences, wishes ----------

export async function listDemand(
  db: Executor,
  organisationId: string,
  filter: { teamId: string; from: string; to: string },
): Promise<Demand[]> {
  const rows = await db
    .select()
    .from(t.demand)
    .where(
      and(
        eq(t.demand.organisationId, organisationId),
        eq(t.demand.teamId, filter.teamId),
        gte(t.demand.date, filter.from),
        lte(t.demand.date, filter.to),
      ),
    )
    .orderBy(asc(t.demand.date), asc(t.demand.shiftTypeId), asc(t.demand.minLevel));
  return rows.map(({ organisationId: _o, ...d }) => d);
}

function toAbsence(r: typeof t.absences.$inferSelect): Absence {
  return {
    id: r.id,
    employeeId: r.employeeId,
    kind: r.kind,
    start: r.start,
    end: r.end,
    ...(r.countedHours === null ? {} : { countedHours: r.countedHours }),
  };
}

export async function listAbsences(
  db: Executor,
  organisationId: string,
  filter: { employeeIds?: string[]; from?: string; to?: string },
): Promise<Absence[]> {
  const conditions = [eq(t.absences.organisationId, organisationId)];
  if (filter.employeeIds)
    conditions.push(inArray(t.absences.employeeId, filter.employeeIds.length ? filter.employeeIds : ['']));
  // Overlap with [from, to]: an absence ending after from and starting before the day after to.
  if (filter.from) conditions.push(gt(t.absences.end, `${filter.from}T00:00`));
  if (filter.to) conditions.push(lte(t.absences.start, `${addDays(filter.to, 1)}T00:00`));
  const rows = await db
    .select()
    .from(t.absences)
    .where(and(...conditions))
    .orderBy(asc(t.absences.start));
  return rows.map(toAbsence);
}

export async function createAbsence(db: Executor, organisationId: string, a: Absence): Promise<Absence> {
  return db.transaction(async (tx) => {
    await getEmployee(tx, organisationId, a.employeeId).catch(() => {
      throw new RuleViolationError(`medewerker ${a.employeeId} bestaat niet / does not exist`, 'employeeId');
    });
    const [existing] = await tx
      .select({ id: t.absences.id })
      .from(t.absences)
      .where(and(eq(t.absences.organisationId, organisationId), eq(t.absences.id, a.id)));
    if (existing) throw new RuleViolationError(`afwezigheid ${a.id} bestaat al / already exists`, 'id');
    const [row] = await tx
      .insert(t.absences)
      .values({ ...a, organisationId, countedHours: a.countedHours ?? null })
      .returning();
    return toAbsence(row);
  });
}

/** What may change on an absence: its kind and period (e.g. a recovery ends a sick period). */
export interface AbsencePatch {
  kind?: Absence['kind'];
  start?: string;
  end?: string;
  /** null goes back to the contract hours pro rata. */
  countedHours?: number | null;
}

/**
 * Change an absence; the result must still end after it starts (`422` naming `end`, or `start`
 * when only the start moved).
 */
export async function updateAbsence(
  db: Executor,
  organisationId: string,
  id: string,
  patch: AbsencePatch,
): Promise<Absence> {
  return db.transaction(async (tx) => {
    const where = and(eq(t.absences.organisationId, organisationId), eq(t.absences.id, id));
    const [row] = await tx.select().from(t.absences).where(where).for('update');
    if (!row) throw new NotFoundError('absence', id);
    const start = patch.start ?? row.start;
    const end = patch.end ?? row.end;
    if (end <= start)
      throw new RuleViolationError(
        `het einde (${end}) ligt niet na het begin (${start}) / the end is not after the start`,
        patch.end === undefined ? 'start' : 'end',
      );
    const [updated] = await tx
      .update(t.absences)
      .set({
        kind: patch.kind ?? row.kind,
        start,
        end,
        countedHours: patch.countedHours === undefined ? row.countedHours : patch.countedHours,
      })
      .where(where)
      .returning();
    return toAbsence(updated);
  });
}

export async function deleteAbsence(db: Executor, organisationId: string, id: string): Promise<void> {
  const rows = await db
    .delete(t.absences)
    .where(and(eq(t.absences.organisationId, organisationId), eq(t.absences.id, id)))
    .returning({ id: t.absences.id });
  if (!rows.length) throw new NotFoundError('absence', id);
}

function toWish(r: typeof t.wishes.$inferSelect): Wish {
  return {
    id: r.id,
    employeeId: r.employeeId,
    date: r.date,
    kind: r.kind,
    ...(r.shiftTypeId ? { shiftTypeId: r.shiftTypeId } : {}),
    priority: r.priority,
  };
}

export async function listWishes(
  db: Executor,
  organisationId: string,
  filter: { employeeIds?: string[]; from?: string; to?: string },
): Promise<Wish[]> {
  const conditions = [eq(t.wishes.organisationId, organisationId)];
  if (filter.employeeIds)
    conditions.push(inArray(t.wishes.employeeId, filter.employeeIds.length ? filter.employeeIds : ['']));
  if (filter.from) conditions.push(gte(t.wishes.date, filter.from));
  if (filter.to) conditions.push(lte(t.wishes.date, filter.to));
  const rows = await db
    .select()
    .from(t.wishes)
    .where(and(...conditions))
    .orderBy(asc(t.wishes.date), asc(t.wishes.id));
  return rows.map(toWish);
}

export async function getWish(db: Executor, organisationId: string, id: string): Promise<Wish> {
  const [r] = await db
    .select()
    .from(t.wishes)
    .where(and(eq(t.wishes.organisationId, organisationId), eq(t.wishes.id, id)));
  if (!r) throw new NotFoundError('wish', id);
  return toWish(r);
}

export async function createWish(db: Executor, organisationId: string, w: Wish): Promise<Wish> {
  return db.transaction(async (tx) => {
    await getEmployee(tx, organisationId, w.employeeId).catch(() => {
      throw new RuleViolationError(`medewerker ${w.employeeId} bestaat niet / does not exist`, 'employeeId');
    });
    if (w.shiftTypeId)
      await getShiftType(tx, organisationId, w.shiftTypeId).catch(() => {
        throw new RuleViolationError(
          `diensttype ${w.shiftTypeId} bestaat niet / does not exist`,
          'shiftTypeId',
        );
      });
    const [dup] = await tx
      .select({ id: t.wishes.id })
      .from(t.wishes)
      .where(and(eq(t.wishes.organisationId, organisationId), eq(t.wishes.id, w.id)));
    if (dup) throw new RuleViolationError(`wens ${w.id} bestaat al / already exists`, 'id');
    // One wish of a kind per employee, day and shift: a second would only weigh the same wish twice.
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtext(${`wish:${organisationId}:${w.employeeId}`}))`,
    );
    const [same] = await tx
      .select({ id: t.wishes.id })
      .from(t.wishes)
      .where(
        and(
          eq(t.wishes.organisationId, organisationId),
          eq(t.wishes.employeeId, w.employeeId),
          eq(t.wishes.date, w.date),
          eq(t.wishes.kind, w.kind),
          w.shiftTypeId ? eq(t.wishes.shiftTypeId, w.shiftTypeId) : isNull(t.wishes.shiftTypeId),
        ),
      )
      .limit(1);
    if (same)
      throw new RuleViolationError(
        `Er is al zo'n wens voor ${w.date} / there is already such a wish for ${w.date}`,
        'date',
        'duplicate',
      );
    const [row] = await tx
      .insert(t.wishes)
      .values({ ...w, organisationId, shiftTypeId: w.shiftTypeId ?? null })
      .returning();
    return toWish(row);
  });
}

export async function deleteWish(db: Executor, organisationId: string, id: string): Promise<void> {
  const rows = await db
    .delete(t.wishes)
    .where(and(eq(t.wishes.organisationId, organisationId), eq(t.wishes.id, id)))
    .returning({ id: t.wishes.id });
  if (!rows.length) throw new NotFoundError('wish', id);
}

// ---------- roster periods and assignments ----------

type PeriodRow = typeof t.rosterPeriods.$inferSelect;
function toPeriod(r: PeriodRow): Versioned<RosterPeriod> {
  return {
    id: r.id,
    teamId: r.teamId,
    start: r.start,
    weeks: r.weeks,
    status: r.status,
    ...(r.publishedAt ? { publishedAt: r.publishedAt } : {}),
    version: r.version,
  };
}

export function periodEnd(p: Pick<RosterPeriod, 'start' | 'weeks'>): string {
  return addDays(p.start, p.weeks * 7 - 1);
}

export async function listRosterPeriods(
  db: Executor,
  organisationId: string,
  filter: { teamIds?: string[]; status?: 'draft' | 'published' },
): Promise<Versioned<RosterPeriod>[]> {
  const conditions = [eq(t.rosterPeriods.organisationId, organisationId)];
  if (filter.teamIds)
    conditions.push(inArray(t.rosterPeriods.teamId, filter.teamIds.length ? filter.teamIds : ['']));
  if (filter.status) conditions.push(eq(t.rosterPeriods.status, filter.status));
  const rows = await db
    .select()
    .from(t.rosterPeriods)
    .where(and(...conditions))
    .orderBy(desc(t.rosterPeriods.start), asc(t.rosterPeriods.teamId));
  return rows.map(toPeriod);
}

export async function getRosterPeriod(
  db: Executor,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Versioned<RosterPeriod>> {
  const query = db
    .select()
    .from(t.rosterPeriods)
    .where(and(eq(t.rosterPeriods.organisationId, organisationId), eq(t.rosterPeriods.id, id)));
  const [r] = options.forUpdate ? await query.for('update') : await query;
  if (!r) throw new NotFoundError('roster period', id);
  return toPeriod(r);
}

export async function createRosterPeriod(
  db: Executor,
  organisationId: string,
  p: { id: string; teamId: string; start: string; weeks: number },
  actor: Actor,
): Promise<Versioned<RosterPeriod>> {
  return db.transaction(async (tx) => {
    await getTeam(tx, organisationId, p.teamId).catch(() => {
      throw new RuleViolationError(`team ${p.teamId} bestaat niet / does not exist`, 'teamId');
    });
    const [dup] = await tx
      .select({ id: t.rosterPeriods.id })
      .from(t.rosterPeriods)
      .where(and(eq(t.rosterPeriods.organisationId, organisationId), eq(t.rosterPeriods.id, p.id)));
    if (dup) throw new RuleViolationError(`roosterperiode ${p.id} bestaat al / already exists`, 'id');
    const [row] = await tx
      .insert(t.rosterPeriods)
      .values({ ...p, organisationId, status: 'draft', version: 1 })
      .returning();
    await recordChange(tx, organisationId, p.id, 1, actor, 'create', false, null, null, toPeriod(row));
    return toPeriod(row);
  });
}

export async function listAssignments(
  db: Executor,
  organisationId: string,
  rosterPeriodId: string,
  filter: { employeeId?: string } = {},
): Promise<Assignment[]> {
  const conditions = [
    eq(t.assignments.organisationId, organisationId),
    eq(t.assignments.rosterPeriodId, rosterPeriodId),
  ];
  if (filter.employeeId) conditions.push(eq(t.assignments.employeeId, filter.employeeId));
  const rows = await db
    .select({
      rosterPeriodId: t.assignments.rosterPeriodId,
      employeeId: t.assignments.employeeId,
      date: t.assignments.date,
      shiftTypeId: t.assignments.shiftTypeId,
      pinned: t.assignments.pinned,
    })
    .from(t.assignments)
    .where(and(...conditions))
    .orderBy(asc(t.assignments.employeeId), asc(t.assignments.date));
  return rows;
}

/** One cell of the roster: a shift (or `null` to clear the day) for an employee on a date. */
export interface AssignmentChange {
  employeeId: string;
  date: string;
  shiftTypeId: string | null;
  pinned?: boolean;
}

export interface RosterWrite {
  rosterPeriodId: string;
  expectedVersion: number;
  actor: Actor;
  /** Required when the roster is published (CAO: consent or a reason for late changes). */
  reason?: string;
}

async function recordChange(
  tx: Executor,
  organisationId: string,
  rosterPeriodId: string,
  version: number,
  actor: Actor,
  action: string,
  published: boolean,
  reason: string | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  await tx.insert(t.rosterChanges).values({
    organisationId,
    rosterPeriodId,
    version,
    actorUserId: actor.userId,
    actorName: actor.name,
    action,
    published,
    reason,
    before: before ?? null,
    after: after ?? null,
  });
}

/** Lock the period, check the caller's version, and bump it; the caller then writes its change. */
async function beginRosterWrite(
  tx: Executor,
  organisationId: string,
  write: RosterWrite,
): Promise<{ period: Versioned<RosterPeriod>; version: number }> {
  const period = await getRosterPeriod(tx, organisationId, write.rosterPeriodId, { forUpdate: true });
  if (period.version !== write.expectedVersion) {
    const changes = await listRosterChanges(tx, organisationId, period.id, {
      sinceVersion: write.expectedVersion,
    });
    throw new ConflictError('roster period', period.id, write.expectedVersion, period.version, changes);
  }
  if (period.status === 'published' && !write.reason?.trim())
    throw new RuleViolationError(
      'Het rooster is gepubliceerd: geef een reden voor de wijziging / the roster is published: give a reason',
      'reason',
    );
  const version = period.version + 1;
  await tx
    .update(t.rosterPeriods)
    .set({ version })
    .where(and(eq(t.rosterPeriods.organisationId, organisationId), eq(t.rosterPeriods.id, period.id)));
  return { period, version };
}

export interface ChangeAssignmentsOptions {
  /** Teams whose rosters the writer may change (undefined: every team). */
  writableTeamIds?: readonly string[];
  /** Throws the refusal when the writer may not change this period (called only then). */
  authorize?: (period: Versioned<RosterPeriod>) => void;
  /**
   * Also return the rule-check context of the changed employees after the change: their cells
   * from this many days before the period to as many after (all periods), absences, shift types.
   */
  ruleContextDays?: number;
}

export interface ChangeAssignmentsResult {
  version: number;
  assignments: Assignment[];
  period: Versioned<RosterPeriod>;
  /** With `ruleContextDays`: the context as it is after this change (this period's cells win). */
  ruleContext?: RosterRuleContext;
}

/**
 * Set or clear cells of a roster atomically, with a version check and a change record: one
 * statement, one round trip, whatever the number of cells (see `saveRosterCells`). When a check
 * fails nothing is written, and the answer names the first problem in the order: period unknown,
 * writer not allowed, version conflict (with the changes since), reason missing, bad cell.
 */
export async function changeAssignments(
  db: Executor,
  organisationId: string,
  write: RosterWrite,
  changes: AssignmentChange[],
  action = 'assign',
  options: ChangeAssignmentsOptions = {},
): Promise<ChangeAssignmentsResult> {
  const keyOf = (c: { employeeId: string; date: string }) => `${c.employeeId}|${c.date}`;
  // The last change of a cell wins (as if applied one after the other).
  const finalByKey = new Map<string, AssignmentChange>();
  for (const c of changes) {
    finalByKey.delete(keyOf(c));
    finalByKey.set(keyOf(c), c);
  }
  const outcome = await saveRosterCells(db, organisationId, {
    rosterPeriodId: write.rosterPeriodId,
    expectedVersion: write.expectedVersion,
    writableTeamIds: options.writableTeamIds,
    changes: [...finalByKey.values()],
    reason: write.reason?.trim() || null,
    actorUserId: write.actor.userId,
    actorName: write.actor.name,
    action,
    contextDays: options.ruleContextDays ?? 0,
  });
  if (!outcome) throw new NotFoundError('roster period', write.rosterPeriodId);
  const { period, context, savedVersion } = outcome;
  if (savedVersion === null) {
    if (options.writableTeamIds && !options.writableTeamIds.includes(period.teamId)) {
      options.authorize?.(period);
      throw new RuleViolationError('geen schrijfrecht op dit team / not allowed for this team', 'teamId');
    }
    if (period.version !== write.expectedVersion) {
      const since = await listRosterChanges(db, organisationId, period.id, {
        sinceVersion: write.expectedVersion,
      });
      throw new ConflictError('roster period', period.id, write.expectedVersion, period.version, since);
    }
    if (period.status === 'published' && !write.reason?.trim())
      throw new RuleViolationError(
        'Het rooster is gepubliceerd: geef een reden voor de wijziging / the roster is published: give a reason',
        'reason',
      );
    const end = periodEnd(period);
    const employeeTeams = new Map(context.employees.map((e) => [e.id, e.teamIds]));
    const shiftSet = new Set(context.shiftTypes.map((s) => s.id));
    changes.forEach((c, i) => {
      const teamsOf = employeeTeams.get(c.employeeId);
      if (!teamsOf)
        throw new RuleViolationError(
          `medewerker ${c.employeeId} bestaat niet / does not exist`,
          `${i}.employeeId`,
        );
      if (!teamsOf.includes(period.teamId))
        throw new RuleViolationError(
          `medewerker ${c.employeeId} hoort niet bij team ${period.teamId} / not in the team`,
          `${i}.employeeId`,
        );
      if (c.date < period.start || c.date > end)
        throw new RuleViolationError(
          `datum ${c.date} valt buiten de periode ${period.start}–${end}`,
          `${i}.date`,
        );
      if (c.shiftTypeId && !shiftSet.has(c.shiftTypeId))
        throw new RuleViolationError(
          `diensttype ${c.shiftTypeId} bestaat niet / does not exist`,
          `${i}.shiftTypeId`,
        );
    });
    throw new Error(`roster save of ${period.id} refused without a known reason`);
  }
  // The cells as written (a change without `pinned` keeps the cell's pin).
  const beforeByKey = new Map(
    context.assignments.filter((a) => a.rosterPeriodId === period.id).map((a) => [keyOf(a), a]),
  );
  const saved: Assignment[] = [];
  for (const c of finalByKey.values())
    if (c.shiftTypeId !== null)
      saved.push({
        rosterPeriodId: period.id,
        employeeId: c.employeeId,
        date: c.date,
        shiftTypeId: c.shiftTypeId,
        pinned: c.pinned ?? beforeByKey.get(keyOf(c))?.pinned ?? false,
      });
  const result: ChangeAssignmentsResult = {
    version: savedVersion,
    assignments: saved,
    period: { ...period, version: savedVersion },
  };
  if (options.ruleContextDays !== undefined) {
    // The context after the change; where periods overlap, this period's cell wins.
    const cells = [
      ...saved,
      ...context.assignments.filter((a) => a.rosterPeriodId === period.id && !finalByKey.has(keyOf(a))),
    ];
    const seen = new Set(cells.map(keyOf));
    for (const a of context.assignments)
      if (a.rosterPeriodId !== period.id && !seen.has(keyOf(a))) {
        seen.add(keyOf(a));
        cells.push(a);
      }
    result.ruleContext = { ...context, assignments: cells };
  }
  return result;
}

/**
 * Replace the whole set of non-pinned assignments of a period (accepting a solver proposal). Pinned
 * cells are kept as they are.
 */
export async function replaceAssignments(
  db: Executor,
  organisationId: string,
  write: RosterWrite,
  next: Array<Omit<Assignment, 'rosterPeriodId' | 'pinned'>>,
  action: string,
): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const { period, version } = await beginRosterWrite(tx, organisationId, write);
    const current = await listAssignments(tx, organisationId, period.id);
    const pinnedKeys = new Set(current.filter((a) => a.pinned).map((a) => `${a.employeeId}|${a.date}`));
    await tx
      .delete(t.assignments)
      .where(
        and(
          eq(t.assignments.organisationId, organisationId),
          eq(t.assignments.rosterPeriodId, period.id),
          eq(t.assignments.pinned, false),
        ),
      );
    const rows = next
      .filter((a) => !pinnedKeys.has(`${a.employeeId}|${a.date}`))
      .map((a) => ({ organisationId, rosterPeriodId: period.id, ...a, pinned: false }));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(t.assignments).values(rows.slice(i, i + 500));
    await recordChange(
      tx,
      organisationId,
      period.id,
      version,
      write.actor,
      action,
      period.status === 'published',
      write.reason?.trim() || null,
      { count: current.length },
      { count: rows.length + pinnedKeys.size },
    );
    return { version };
  });
}

export async function publishRosterPeriod(
  db: Executor,
  organisationId: string,
  write: RosterWrite,
): Promise<Versioned<RosterPeriod>> {
  return db.transaction(async (tx) => {
    const period = await getRosterPeriod(tx, organisationId, write.rosterPeriodId, { forUpdate: true });
    if (period.version !== write.expectedVersion) {
      const changes = await listRosterChanges(tx, organisationId, period.id, {
        sinceVersion: write.expectedVersion,
      });
      throw new ConflictError('roster period', period.id, write.expectedVersion, period.version, changes);
    }
    if (period.status === 'published')
      throw new RuleViolationError('al gepubliceerd / already published', 'status');
    const publishedAt = new Date().toISOString();
    const [row] = await tx
      .update(t.rosterPeriods)
      .set({ status: 'published', publishedAt, version: period.version + 1 })
      .where(and(eq(t.rosterPeriods.organisationId, organisationId), eq(t.rosterPeriods.id, period.id)))
      .returning();
    await recordChange(
      tx,
      organisationId,
      period.id,
      row.version,
      write.actor,
      'publish',
      true,
      write.reason ?? null,
      { status: 'draft' },
      { status: 'published', publishedAt },
    );
    return toPeriod(row);
  });
}

export async function listRosterChanges(
  db: Executor,
  organisationId: string,
  rosterPeriodId: string,
  filter: { sinceVersion?: number; publishedOnly?: boolean } = {},
): Promise<ChangeSummary[]> {
  const conditions = [
    eq(t.rosterChanges.organisationId, organisationId),
    eq(t.rosterChanges.rosterPeriodId, rosterPeriodId),
  ];
  if (filter.sinceVersion !== undefined) conditions.push(gt(t.rosterChanges.version, filter.sinceVersion));
  if (filter.publishedOnly) conditions.push(eq(t.rosterChanges.published, true));
  const rows = await db
    .select()
    .from(t.rosterChanges)
    .where(and(...conditions))
    .orderBy(asc(t.rosterChanges.version));
  return rows.map((r) => ({
    version: r.version,
    at: r.at.toISOString(),
    actorName: r.actorName,
    action: r.action,
    published: r.published,
    reason: r.reason,
    before: r.before,
    after: r.after,
  }));
}

// ---------- home care ----------

export async function listClients(
  db: Executor,
  organisationId: string,
  filter: { teamId?: string },
  page: PageRequest,
): Promise<Page<Client>> {
  const conditions = [eq(t.clients.organisationId, organisationId)];
  if (filter.teamId) conditions.push(eq(t.clients.teamId, filter.teamId));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db.select().from(t.clients).where(where).orderBy(asc(t.clients.id)).limit(page.limit).offset(page.offset),
    db.select({ total: count() }).from(t.clients).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      organisationId: r.organisationId,
      teamId: r.teamId,
      name: r.name,
      address: r.address,
      point: r.point,
    })),
    total,
    ...page,
  };
}

export async function listVisits(
  db: Executor,
  organisationId: string,
  filter: { date: string; teamId?: string },
): Promise<CareVisit[]> {
  const conditions = [eq(t.visits.organisationId, organisationId), eq(t.visits.date, filter.date)];
  if (filter.teamId) {
    const clientIds = db
      .select({ id: t.clients.id })
      .from(t.clients)
      .where(and(eq(t.clients.organisationId, organisationId), eq(t.clients.teamId, filter.teamId)));
    conditions.push(inArray(t.visits.clientId, clientIds));
  }
  const rows = await db
    .select({ data: t.visits.data })
    .from(t.visits)
    .where(and(...conditions))
    .orderBy(asc(t.visits.id));
  return rows.map((r) => r.data);
}

export async function listCarerShifts(
  db: Executor,
  organisationId: string,
  filter: { date: string; employeeIds?: string[] },
): Promise<CarerShift[]> {
  const conditions = [eq(t.carerShifts.organisationId, organisationId), eq(t.carerShifts.date, filter.date)];
  if (filter.employeeIds)
    conditions.push(inArray(t.carerShifts.employeeId, filter.employeeIds.length ? filter.employeeIds : ['']));
  const rows = await db
    .select({ data: t.carerShifts.data })
    .from(t.carerShifts)
    .where(and(...conditions));
  return rows.map((r) => r.data);
}

/** Assignments of some employees in a date range, across roster periods (rule-check context). */
export async function listAssignmentsInRange(
  db: Executor,
  organisationId: string,
  filter: { employeeIds: string[]; from: string; to: string },
): Promise<Assignment[]> {
  if (filter.employeeIds.length === 0) return [];
  return db
    .select({
      rosterPeriodId: t.assignments.rosterPeriodId,
      employeeId: t.assignments.employeeId,
      date: t.assignments.date,
      shiftTypeId: t.assignments.shiftTypeId,
      pinned: t.assignments.pinned,
    })
    .from(t.assignments)
    .where(
      and(
        eq(t.assignments.organisationId, organisationId),
        inArray(t.assignments.employeeId, filter.employeeIds),
        gte(t.assignments.date, filter.from),
        lte(t.assignments.date, filter.to),
      ),
    )
    .orderBy(asc(t.assignments.employeeId), asc(t.assignments.date));
}
