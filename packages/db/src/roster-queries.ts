/**
 * The roster's hot paths in hand-written SQL, one statement (one round trip) each on both drivers:
 * reading a period with its cells, loading a period with everything a save and its labour-rule
 * re-check need (optionally locking it), and writing a save. The database builds the JSON, so the
 * API neither maps hundreds of rows nor builds queries from the schema objects on every request.
 * Each statement has a fixed text with numbered parameters: on PostgreSQL it is a named prepared
 * statement, planned once per connection rather than on every request (planning the save cost
 * about as much as running it). Lists of ids and cells travel as one JSON parameter each
 * (`jsonb_array_elements_text`, `jsonb_to_recordset`), which both drivers pass the same way.
 */
import pg from 'pg';
import type { Absence, Assignment, Employee, Organisation, RosterPeriod, ShiftType } from '@planmaat/domain';
import type { Executor } from './driver.ts';

type Row = Record<string, unknown>;
type Versioned<T> = T & { version: number };

/** A statement whose text never changes, so it can be prepared once per connection. */
interface FixedStatement {
  name: string;
  text: string;
}

interface RawClient {
  query(text: string, values: unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * Run a fixed statement on the executor's own connection (the pool, or the transaction's client).
 * On node-postgres it is a named prepared statement: each connection parses it once and
 * PostgreSQL keeps its plan, instead of planning the statement on every call. PGlite's query API
 * has no named statements, so there the text is sent each time (as through drizzle).
 */
async function runFixed(db: Executor, statement: FixedStatement, values: unknown[]): Promise<Row[]> {
  const client = (db as unknown as { session: { client: unknown } }).session.client;
  if (client instanceof pg.Pool || client instanceof pg.Client) {
    const result = await client.query<Row>({ name: statement.name, text: statement.text, values });
    return result.rows;
  }
  return (await (client as RawClient).query(statement.text, values)).rows;
}

const PERIOD_COLUMNS = `p.id, p.team_id, p.start, p.weeks, p.status, p.published_at, p.version`;

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
const CELL_JSON =
  `'{"rosterPeriodId":' || to_json(a.roster_period_id)::text || ',"employeeId":' || to_json(a.employee_id)::text` +
  ` || ',"date":' || to_json(a.date)::text || ',"shiftTypeId":' || to_json(a.shift_type_id)::text` +
  ` || ',"pinned":' || a.pinned::text || '}'`;

const TOKEN = `p.version::text || ':' || p.xmin::text`;

/** $1 organisation, $2 period, $3 known token, $4 self employee, [$5 the one employee whose cells]. */
function readRosterStatement(oneEmployee: boolean): FixedStatement {
  return {
    name: oneEmployee ? 'planmaat_read_roster_one' : 'planmaat_read_roster',
    text: `SELECT ${PERIOD_COLUMNS}, ${TOKEN} AS token,
      CASE WHEN ${TOKEN} = $3::text THEN NULL ELSE
      (SELECT '[' || coalesce(string_agg(${CELL_JSON}, ',' ORDER BY a.employee_id, a.date), '') || ']'
         FROM assignments a
        WHERE a.organisation_id = p.organisation_id AND a.roster_period_id = p.id
          ${oneEmployee ? 'AND a.employee_id = $5::text' : ''}
      ) END AS cells,
      (SELECT e.team_ids FROM employees e
        WHERE e.organisation_id = p.organisation_id AND e.id = $4::text
      ) AS self_team_ids
    FROM roster_periods p
    WHERE p.organisation_id = $1::text AND p.id = $2::text`,
  };
}
const READ_ROSTER = readRosterStatement(false);
const READ_ROSTER_ONE = readRosterStatement(true);

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
  const values = [organisationId, rosterPeriodId, options.knownToken ?? null, options.selfEmployeeId ?? null];
  const [row] =
    options.employeeId === undefined
      ? await runFixed(db, READ_ROSTER, values)
      : await runFixed(db, READ_ROSTER_ONE, [...values, options.employeeId]);
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

/**
 * Which employees: those in the JSON array parameter `idsParam`, or (null) every member of the
 * period's team.
 */
function employeeFilter(column: string, idsParam: string | null): string {
  // `= ANY(ARRAY(…))` rather than `IN (SELECT …)`: the array is computed once and the employee
  // column becomes part of the index condition (organisation, employee, date), not a filter after
  // scanning the whole organisation's date range.
  return idsParam
    ? `${column} = ANY(ARRAY(SELECT jsonb_array_elements_text(${idsParam}::jsonb)))`
    : `${column} = ANY(ARRAY(SELECT m.id FROM employees m
         WHERE m.organisation_id = p.organisation_id AND m.team_ids @> jsonb_build_array(p.team_id)))`;
}

/** $1 organisation, $2 period, $3 context days, [$4 employee ids as a JSON array]. */
function contextStatement(someEmployees: boolean, lock: boolean): FixedStatement {
  return {
    name: `planmaat_roster_context_${someEmployees ? 'some' : 'team'}${lock ? '_lock' : ''}`,
    text: `SELECT ${PERIOD_COLUMNS}, ${contextColumns(someEmployees ? '$4' : null, '$3')}
    FROM roster_periods p
    WHERE p.organisation_id = $1::text AND p.id = $2::text
    ${lock ? 'FOR UPDATE OF p' : ''}`,
  };
}
const CONTEXT_STATEMENTS = new Map(
  [false, true].flatMap((some) =>
    [false, true].map((lock) => [`${some}|${lock}`, contextStatement(some, lock)] as const),
  ),
);

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
  const statement = CONTEXT_STATEMENTS.get(`${options.employeeIds !== undefined}|${options.lock === true}`)!;
  const values: unknown[] = [organisationId, rosterPeriodId, options.contextDays];
  if (options.employeeIds) values.push(JSON.stringify(options.employeeIds));
  const [row] = await runFixed(db, statement, values);
  if (!row) return undefined;
  return { period: periodOf(row), context: contextOf(row) };
}

/**
 * Columns `organisation`, `employees`, `shift_types`, `assignments`, `absences` around period `p`;
 * `daysParam` is the parameter holding the context days, `idsParam` that of the employee ids.
 */
function contextColumns(idsParam: string | null, daysParam: string): string {
  const from = `to_char(p.start::date - ${daysParam}::int, 'YYYY-MM-DD')`;
  const to = `to_char(p.start::date + p.weeks * 7 - 1 + ${daysParam}::int, 'YYYY-MM-DD')`;
  const dayAfterTo = `to_char(p.start::date + p.weeks * 7 + ${daysParam}::int, 'YYYY-MM-DD')`;
  return `(SELECT json_build_object('id', o.id, 'name', o.name, 'ruleProfiles', o.rule_profiles, 'timeZone', o.time_zone)
         FROM organisations o WHERE o.id = p.organisation_id) AS organisation,
      (SELECT coalesce(json_agg(e ORDER BY e.id), '[]') FROM employees e
        WHERE e.organisation_id = p.organisation_id AND ${employeeFilter('e.id', idsParam)}
      ) AS employees,
      (SELECT coalesce(json_agg(s ORDER BY s.start, s.id), '[]') FROM shift_types s
        WHERE s.organisation_id = p.organisation_id) AS shift_types,
      (SELECT coalesce(json_agg(json_build_array(a.roster_period_id, a.employee_id, a.date, a.shift_type_id, a.pinned)
                 ORDER BY a.employee_id, a.date), '[]')
         FROM assignments a
        WHERE a.organisation_id = p.organisation_id AND ${employeeFilter('a.employee_id', idsParam)}
          AND a.date >= ${from} AND a.date <= ${to}) AS assignments,
      (SELECT coalesce(json_agg(b ORDER BY b.start), '[]') FROM absences b
        WHERE b.organisation_id = p.organisation_id AND ${employeeFilter('b.employee_id', idsParam)}
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
  const employeeIds = JSON.stringify([...new Set(r.changes.map((c) => c.employeeId))]);
  const writable = r.writableTeamIds ? JSON.stringify(r.writableTeamIds) : null;
  const [row] = await runFixed(db, SAVE_ROSTER_CELLS, [
    organisationId,
    r.rosterPeriodId,
    changes,
    r.expectedVersion,
    r.reason,
    writable,
    r.actorUserId,
    r.actorName,
    r.action,
    r.contextDays,
    employeeIds,
  ]);
  if (!row) return undefined;
  return {
    period: periodOf(row),
    savedVersion: row.saved_version === null ? null : Number(row.saved_version),
    context: contextOf(row),
  };
}

const cellObject = (alias: string) =>
  `jsonb_build_object('rosterPeriodId', ${alias}.roster_period_id, 'employeeId', ${alias}.employee_id, ` +
  `'date', ${alias}.date, 'shiftTypeId', ${alias}.shift_type_id, 'pinned', ${alias}.pinned)`;

/**
 * $1 organisation, $2 period, $3 changes (JSON), $4 expected version, $5 reason, $6 writable teams
 * (JSON, null = all), $7 actor user, $8 actor name, $9 action, $10 context days, $11 the changed
 * employees (JSON).
 */
const SAVE_ROSTER_CELLS: FixedStatement = {
  name: 'planmaat_save_roster_cells',
  text: `WITH p AS (
      SELECT * FROM roster_periods
       WHERE organisation_id = $1::text AND id = $2::text
       FOR UPDATE
    ), x AS (
      SELECT * FROM jsonb_to_recordset($3::jsonb)
        AS x(i int, "employeeId" text, date text, "shiftTypeId" text, pinned boolean)
    ), ok AS (
      SELECT 1 FROM p
       WHERE p.version = $4::int
         AND (p.status <> 'published' OR $5::text IS NOT NULL)
         AND ($6::jsonb IS NULL OR $6::jsonb @> jsonb_build_array(p.team_id))
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
      -- One key lookup per changed cell (OFFSET 0 keeps the lateral subquery a parameterised
      -- index scan; joined, the planner hashes all of the period's cells for a one-cell save).
      SELECT a.*, x.i FROM x, LATERAL (
        SELECT * FROM assignments a
         WHERE a.organisation_id = $1::text AND a.roster_period_id = $2::text
           AND a.employee_id = x."employeeId" AND a.date = x.date
        OFFSET 0) a
    ), new AS (
      SELECT x.i, $2::text AS roster_period_id, x."employeeId" AS employee_id, x.date,
             x."shiftTypeId" AS shift_type_id, coalesce(x.pinned, old.pinned, false) AS pinned
        FROM x LEFT JOIN old ON old.i = x.i
       WHERE x."shiftTypeId" IS NOT NULL
    ), bump AS (
      UPDATE roster_periods r SET version = r.version + 1 FROM ok
       WHERE r.organisation_id = $1::text AND r.id = $2::text
      RETURNING r.version
    ), cleared AS (
      DELETE FROM assignments a USING x, ok
       WHERE a.organisation_id = $1::text AND a.roster_period_id = $2::text
         AND a.employee_id = x."employeeId" AND a.date = x.date AND x."shiftTypeId" IS NULL
    ), saved AS (
      INSERT INTO assignments (organisation_id, roster_period_id, employee_id, date, shift_type_id, pinned)
      SELECT $1::text, n.roster_period_id, n.employee_id, n.date, n.shift_type_id, n.pinned FROM new n, ok
      ON CONFLICT (organisation_id, roster_period_id, employee_id, date)
      DO UPDATE SET shift_type_id = excluded.shift_type_id, pinned = excluded.pinned
    ), logged AS (
      INSERT INTO roster_changes
        (organisation_id, roster_period_id, version, actor_user_id, actor_name, action, published, reason, before, after)
      SELECT $1::text, $2::text, b.version, $7::uuid, $8::text, $9::text,
             p.status = 'published', $5::text,
             (SELECT coalesce(jsonb_agg(${cellObject('o')} ORDER BY o.i), '[]'::jsonb) FROM old o),
             (SELECT coalesce(jsonb_agg(${cellObject('n')} ORDER BY n.i), '[]'::jsonb) FROM new n)
        FROM bump b, p
    )
    SELECT ${PERIOD_COLUMNS}, (SELECT version FROM bump) AS saved_version,
      ${contextColumns('$11', '$10')}
    FROM p`,
};
