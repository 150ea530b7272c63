/**
 * The roster's hot paths in hand-written SQL, one statement (one round trip) each on both drivers:
 * reading a period with its cells, loading a period with everything a save and its labour-rule
 * re-check need (optionally locking it), and writing a save. The database builds the JSON, so the
 * API neither maps hundreds of rows nor builds queries from the schema objects on every request.
 * Lists of ids and cells travel as one JSON parameter each (`jsonb_array_elements_text`,
 * `jsonb_to_recordset`), which both drivers pass the same way.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Absence, Assignment, Employee, Organisation, RosterPeriod, ShiftType } from '@planmaat/domain';
import type { Executor } from './driver.ts';

type Row = Record<string, unknown>;
type Versioned<T> = T & { version: number };

async function rowsOf(db: Executor, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

const PERIOD_COLUMNS = sql`p.id, p.team_id, p.start, p.weeks, p.status, p.published_at, p.version`;

function periodOf(r: Row): Versioned<RosterPeriod> {
  return {
    id: r.id as string,
    teamId: r.team_id as string,
    start: r.start as string,
    weeks: Number(r.weeks),
    status: r.status as RosterPeriod['status'],
    ...(r.published_at ? { publishedAt: r.published_at as string } : {}),
    version: Number(r.version),
  };
}

/** JSON text of one cell, exactly as `JSON.stringify` of an `Assignment` writes it. */
const CELL_JSON = sql.raw(
  `'{"rosterPeriodId":' || to_json(a.roster_period_id)::text || ',"employeeId":' || to_json(a.employee_id)::text` +
    ` || ',"date":' || to_json(a.date)::text || ',"shiftTypeId":' || to_json(a.shift_type_id)::text` +
    ` || ',"pinned":' || a.pinned::text || '}'`,
);

const TOKEN = sql.raw(`p.version::text || ':' || p.xmin::text`);

export interface RosterRead {
  period: Versioned<RosterPeriod>;
  /**
   * Changes whenever the period row is written (its version and the row's transaction id): every
   * change of a period's cells bumps its version in the same statement, and a period created anew
   * under an old id gets a new row. Equal tokens mean equal cells.
   */
  token: string;
  /** The cells as a JSON array text (employee, then date order), ready to send; null when `knownToken` still holds. */
  assignmentsJson: string | null;
  /** Teams of `selfEmployeeId` when asked for (null when that employee does not exist). */
  selfTeamIds: string[] | null;
}

/**
 * A period and its cells in one round trip. `employeeId` limits the cells to one person;
 * `selfEmployeeId` also returns that employee's teams (for the employee's access check).
 * With `knownToken` the cells are only read and sent when the period changed since that token.
 * Undefined when the period does not exist in this organisation.
 */
export async function readRoster(
  db: Executor,
  organisationId: string,
  rosterPeriodId: string,
  options: { employeeId?: string; selfEmployeeId?: string; knownToken?: string } = {},
): Promise<RosterRead | undefined> {
  const [row] = await rowsOf(
    db,
    sql`SELECT ${PERIOD_COLUMNS}, ${TOKEN} AS token,
      CASE WHEN ${TOKEN} = ${options.knownToken ?? null}::text THEN NULL ELSE
      (SELECT '[' || coalesce(string_agg(${CELL_JSON}, ',' ORDER BY a.employee_id, a.date), '') || ']'
         FROM assignments a
        WHERE a.organisation_id = p.organisation_id AND a.roster_period_id = p.id
          AND (${options.employeeId ?? null}::text IS NULL OR a.employee_id = ${options.employeeId ?? null}::text)
      ) END AS cells,
      (SELECT e.team_ids FROM employees e
        WHERE e.organisation_id = p.organisation_id AND e.id = ${options.selfEmployeeId ?? null}::text
      ) AS self_team_ids
    FROM roster_periods p
    WHERE p.organisation_id = ${organisationId} AND p.id = ${rosterPeriodId}`,
  );
  if (!row) return undefined;
  return {
    period: periodOf(row),
    token: row.token as string,
    assignmentsJson: (row.cells as string | null) ?? null,
    selfTeamIds: (row.self_team_ids as string[] | null) ?? null,
  };
}

/** What a labour-rule check of some employees of one period needs, read in one statement. */
export interface RosterRuleContext {
  organisation: Organisation;
  employees: Versioned<Employee>[];
  shiftTypes: Versioned<ShiftType>[];
  /** Cells of these employees from `contextDays` before the period to as many after, all periods. */
  assignments: Assignment[];
  /** Absences of these employees overlapping that range. */
  absences: Absence[];
}

export interface RosterWithContext {
  period: Versioned<RosterPeriod>;
  context: RosterRuleContext;
}

/** Which employees: the given ids, or (undefined) every member of the period's team. */
function employeeFilter(column: SQL, employeeIds: readonly string[] | undefined): SQL {
  // `= ANY(ARRAY(…))` rather than `IN (SELECT …)`: the array is computed once and the employee
  // column becomes part of the index condition (organisation, employee, date), not a filter after
  // scanning the whole organisation's date range.
  return employeeIds
    ? sql`${column} = ANY(ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(employeeIds)}::jsonb)))`
    : sql`${column} = ANY(ARRAY(SELECT m.id FROM employees m
         WHERE m.organisation_id = p.organisation_id AND m.team_ids @> jsonb_build_array(p.team_id)))`;
}

/**
 * The period and the rule-check context of some employees (default: its team), in one statement.
 * `lock` takes the period row FOR UPDATE (the writer's serialisation point). Undefined when the
 * period does not exist in this organisation.
 */
export async function loadRosterWithContext(
  db: Executor,
  organisationId: string,
  rosterPeriodId: string,
  options: { employeeIds?: readonly string[]; contextDays: number; lock?: boolean },
): Promise<RosterWithContext | undefined> {
  const [row] = await rowsOf(
    db,
    sql`SELECT ${PERIOD_COLUMNS}, ${contextColumns(options.employeeIds, options.contextDays)}
    FROM roster_periods p
    WHERE p.organisation_id = ${organisationId} AND p.id = ${rosterPeriodId}
    ${options.lock ? sql`FOR UPDATE OF p` : sql``}`,
  );
  if (!row) return undefined;
  return { period: periodOf(row), context: contextOf(row) };
}

/** Columns `organisation`, `employees`, `shift_types`, `assignments`, `absences` around period `p`. */
function contextColumns(employeeIds: readonly string[] | undefined, days: number): SQL {
  const from = sql`to_char(p.start::date - ${days}::int, 'YYYY-MM-DD')`;
  const to = sql`to_char(p.start::date + p.weeks * 7 - 1 + ${days}::int, 'YYYY-MM-DD')`;
  const dayAfterTo = sql`to_char(p.start::date + p.weeks * 7 + ${days}::int, 'YYYY-MM-DD')`;
  return sql`(SELECT json_build_object('id', o.id, 'name', o.name, 'ruleProfiles', o.rule_profiles, 'timeZone', o.time_zone)
         FROM organisations o WHERE o.id = p.organisation_id) AS organisation,
      (SELECT coalesce(json_agg(e ORDER BY e.id), '[]') FROM employees e
        WHERE e.organisation_id = p.organisation_id AND ${employeeFilter(sql`e.id`, employeeIds)}
      ) AS employees,
      (SELECT coalesce(json_agg(s ORDER BY s.start, s.id), '[]') FROM shift_types s
        WHERE s.organisation_id = p.organisation_id) AS shift_types,
      (SELECT coalesce(json_agg(json_build_array(a.roster_period_id, a.employee_id, a.date, a.shift_type_id, a.pinned)
                 ORDER BY a.employee_id, a.date), '[]')
         FROM assignments a
        WHERE a.organisation_id = p.organisation_id AND ${employeeFilter(sql`a.employee_id`, employeeIds)}
          AND a.date >= ${from} AND a.date <= ${to}) AS assignments,
      (SELECT coalesce(json_agg(b ORDER BY b.start), '[]') FROM absences b
        WHERE b.organisation_id = p.organisation_id AND ${employeeFilter(sql`b.employee_id`, employeeIds)}
          AND b."end" > ${from} || 'T00:00' AND b.start <= ${dayAfterTo} || 'T00:00') AS absences`;
}

function contextOf(row: Row): RosterRuleContext {
  return {
    organisation: row.organisation as Organisation,
    employees: (row.employees as Row[]).map(employeeOf),
    shiftTypes: (row.shift_types as Row[]).map(shiftTypeOf),
    assignments: (row.assignments as Array<[string, string, string, string, boolean]>).map(
      ([rosterPeriodId, employeeId, date, shiftTypeId, pinned]) => ({
        rosterPeriodId,
        employeeId,
        date,
        shiftTypeId,
        pinned,
      }),
    ),
    absences: (row.absences as Row[]).map(absenceOf),
  };
}

function employeeOf(r: Row): Versioned<Employee> {
  return {
    id: r.id as string,
    organisationId: r.organisation_id as string,
    name: r.name as string,
    teamIds: r.team_ids as string[],
    contractHoursPerWeek: Number(r.contract_hours_per_week),
    level: Number(r.level) as Employee['level'],
    skills: r.skills as string[],
    birthDate: r.birth_date as string,
    ...(r.home ? { home: r.home as Employee['home'] } : {}),
    travelMode: r.travel_mode as Employee['travelMode'],
    worksNights: r.works_nights as boolean,
    ...(r.employment_start ? { employmentStart: r.employment_start as string } : {}),
    ...(r.employment_end ? { employmentEnd: r.employment_end as string } : {}),
    version: Number(r.version),
  };
}

function shiftTypeOf(r: Row): Versioned<ShiftType> {
  return {
    id: r.id as string,
    organisationId: r.organisation_id as string,
    code: r.code as string,
    name: r.name as string,
    start: r.start as string,
    end: r.end as string,
    breakMinutes: Number(r.break_minutes),
    category: r.category as ShiftType['category'],
    color: r.color as string,
    version: Number(r.version),
  };
}

function absenceOf(r: Row): Absence {
  return {
    id: r.id as string,
    employeeId: r.employee_id as string,
    kind: r.kind as Absence['kind'],
    start: r.start as string,
    end: r.end as string,
    ...(r.counted_hours === null || r.counted_hours === undefined
      ? {}
      : { countedHours: Number(r.counted_hours) }),
  };
}

/** One cell of a save; `shiftTypeId: null` clears it, `pinned` undefined keeps the cell's pin. */
export interface CellChange {
  employeeId: string;
  date: string;
  shiftTypeId: string | null;
  pinned?: boolean;
}

export interface RosterSaveRequest {
  rosterPeriodId: string;
  expectedVersion: number;
  /** Teams whose rosters the writer may change; undefined = every team. */
  writableTeamIds?: readonly string[];
  /** At most one change per cell. */
  changes: readonly CellChange[];
  reason: string | null;
  actorUserId: string | null;
  actorName: string;
  action: string;
  /** Days around the period whose cells and absences come back as rule-check context. */
  contextDays: number;
}

export interface RosterSaveOutcome {
  period: Versioned<RosterPeriod>;
  /** The new version, or null when a check failed and nothing was written. */
  savedVersion: number | null;
  /** As the statement found it, before its own writes. */
  context: RosterRuleContext;
}

/**
 * A whole save in ONE statement (one round trip, atomic on its own or inside a caller's
 * transaction): lock the period, check the version, the writer's team, the reason a published
 * roster needs, that every employee is in the team, every date in the period and every shift type
 * exists; only when all hold, bump the version, clear and upsert the cells and record the change
 * with its before and after. It also returns the rule-check context (read before its own writes),
 * with which the caller names what failed, or re-checks the rules with the change applied.
 * A concurrent writer waits on the row lock and then sees the bumped version (a conflict).
 */
export async function saveRosterCells(
  db: Executor,
  organisationId: string,
  r: RosterSaveRequest,
): Promise<RosterSaveOutcome | undefined> {
  const changes = JSON.stringify(
    r.changes.map((c, i) => ({
      i,
      employeeId: c.employeeId,
      date: c.date,
      shiftTypeId: c.shiftTypeId,
      pinned: c.pinned ?? null,
    })),
  );
  const employeeIds = [...new Set(r.changes.map((c) => c.employeeId))];
  const writable = r.writableTeamIds ? JSON.stringify(r.writableTeamIds) : null;
  const cell = (alias: string) =>
    sql.raw(
      `jsonb_build_object('rosterPeriodId', ${alias}.roster_period_id, 'employeeId', ${alias}.employee_id, ` +
        `'date', ${alias}.date, 'shiftTypeId', ${alias}.shift_type_id, 'pinned', ${alias}.pinned)`,
    );
  const [row] = await rowsOf(
    db,
    sql`WITH p AS (
      SELECT * FROM roster_periods
       WHERE organisation_id = ${organisationId} AND id = ${r.rosterPeriodId}
       FOR UPDATE
    ), x AS (
      SELECT * FROM jsonb_to_recordset(${changes}::jsonb)
        AS x(i int, "employeeId" text, date text, "shiftTypeId" text, pinned boolean)
    ), ok AS (
      SELECT 1 FROM p
       WHERE p.version = ${r.expectedVersion}
         AND (p.status <> 'published' OR ${r.reason !== null})
         AND (${writable}::jsonb IS NULL OR ${writable}::jsonb @> jsonb_build_array(p.team_id))
         AND NOT EXISTS (
           SELECT 1 FROM x
            WHERE x.date < p.start OR x.date > to_char(p.start::date + p.weeks * 7 - 1, 'YYYY-MM-DD')
               OR NOT EXISTS (SELECT 1 FROM employees e
                               WHERE e.organisation_id = p.organisation_id AND e.id = x."employeeId"
                                 AND e.team_ids @> jsonb_build_array(p.team_id))
               OR (x."shiftTypeId" IS NOT NULL AND NOT EXISTS (
                     SELECT 1 FROM shift_types s
                      WHERE s.organisation_id = p.organisation_id AND s.id = x."shiftTypeId")))
    ), old AS (
      SELECT a.*, x.i FROM assignments a JOIN x ON a.employee_id = x."employeeId" AND a.date = x.date
       WHERE a.organisation_id = ${organisationId} AND a.roster_period_id = ${r.rosterPeriodId}
    ), new AS (
      SELECT x.i, ${r.rosterPeriodId}::text AS roster_period_id, x."employeeId" AS employee_id, x.date,
             x."shiftTypeId" AS shift_type_id, coalesce(x.pinned, old.pinned, false) AS pinned
        FROM x LEFT JOIN old ON old.i = x.i
       WHERE x."shiftTypeId" IS NOT NULL
    ), bump AS (
      UPDATE roster_periods r SET version = r.version + 1 FROM ok
       WHERE r.organisation_id = ${organisationId} AND r.id = ${r.rosterPeriodId}
      RETURNING r.version
    ), cleared AS (
      DELETE FROM assignments a USING x, ok
       WHERE a.organisation_id = ${organisationId} AND a.roster_period_id = ${r.rosterPeriodId}
         AND a.employee_id = x."employeeId" AND a.date = x.date AND x."shiftTypeId" IS NULL
    ), saved AS (
      INSERT INTO assignments (organisation_id, roster_period_id, employee_id, date, shift_type_id, pinned)
      SELECT ${organisationId}, n.roster_period_id, n.employee_id, n.date, n.shift_type_id, n.pinned FROM new n, ok
      ON CONFLICT (organisation_id, roster_period_id, employee_id, date)
      DO UPDATE SET shift_type_id = excluded.shift_type_id, pinned = excluded.pinned
    ), logged AS (
      INSERT INTO roster_changes
        (organisation_id, roster_period_id, version, actor_user_id, actor_name, action, published, reason, before, after)
      SELECT ${organisationId}, ${r.rosterPeriodId}, b.version, ${r.actorUserId}::uuid, ${r.actorName}, ${r.action},
             p.status = 'published', ${r.reason},
             (SELECT coalesce(jsonb_agg(${cell('o')} ORDER BY o.i), '[]'::jsonb) FROM old o),
             (SELECT coalesce(jsonb_agg(${cell('n')} ORDER BY n.i), '[]'::jsonb) FROM new n)
        FROM bump b, p
    )
    SELECT ${PERIOD_COLUMNS}, (SELECT version FROM bump) AS saved_version,
      ${contextColumns(employeeIds, r.contextDays)}
    FROM p`,
  );
  if (!row) return undefined;
  return {
    period: periodOf(row),
    savedVersion: row.saved_version === null ? null : Number(row.saved_version),
    context: contextOf(row),
  };
}
