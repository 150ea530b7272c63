/**
 * Driver factory: the same schema and migrations on embedded PGlite (default, data in a local
 * folder owned through a lock file) or PostgreSQL (`DATABASE_URL`). Besides the drizzle database it
 * exposes raw SQL for pg-boss and LISTEN/NOTIFY for progress events, per driver.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import { acquireDirLock, type DirLock } from './lock.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Database | Transaction;

export interface SqlResult {
  rows: Record<string, unknown>[];
}

export interface DatabaseHandle {
  kind: 'pglite' | 'pg';
  db: Database;
  /** Raw SQL; with no values a string may hold several statements. pg-boss runs on this. */
  executeSql(text: string, values?: unknown[]): Promise<SqlResult>;
  /** Subscribe to a NOTIFY channel; returns the unsubscribe function. */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… — when absent the embedded database is used. */
  url?: string;
  /** Embedded data folder; absent = in memory (tests). */
  dataDir?: string;
  /** PostgreSQL pool size (connections per process, kept open once made); default 10. */
  poolSize?: number;
}

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Open the database and bring its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const handle = options.url
    ? await openPostgres(options.url, options.poolSize ?? 10)
    : await openPglite(options.dataDir);
  try {
    await runMigrations(handle);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

async function openPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  let lock: DirLock | undefined;
  if (dataDir) lock = acquireDirLock(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir ? { dataDir: path.join(dataDir, 'pgdata') } : {});
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return {
    kind: 'pglite',
    db,
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const result = await client.query<Record<string, unknown>>(text, values);
        return { rows: result.rows };
      }
      const results = await client.exec(text);
      return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
    },
    async listen(channel, handler) {
      const unsubscribe = await client.listen(channel, handler);
      return async () => unsubscribe();
    },
    async notify(channel, payload) {
      await client.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  // Connections stay open once made (no idle timeout): a new one costs a backend start, password
  // exchange, cold catalog caches and preparing the hot statements again, and under the default
  // 10 s idle timeout a burst after a quiet spell paid that on many requests at once (bench:api:
  // save p99 at 500/s 520 → 52 ms after this change).
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    idleTimeoutMillis: 0,
    application_name: 'planmaat',
  });
  pool.on('error', (error) => console.error('planmaat: database pool error:', error.message));
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(payload: string) => void>>();
  let closing = false;

  async function connectListener(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url, application_name: 'planmaat-listen' });
    client.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) handler(message.payload ?? '');
    });
    client.on('error', (error) => {
      if (closing) return;
      console.error('planmaat: LISTEN connection lost, reconnecting:', error.message);
      listener = undefined;
      setTimeout(() => void ensureListener().catch(() => undefined), 1000);
    });
    await client.connect();
    for (const channel of handlers.keys()) await client.query(`LISTEN ${quoteIdent(channel)}`);
    return client;
  }
  let pending: Promise<pg.Client> | undefined;
  function ensureListener(): Promise<pg.Client> {
    if (listener) return Promise.resolve(listener);
    pending ??= connectListener().then(
      (client) => {
        listener = client;
        pending = undefined;
        return client;
      },
      (error) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  }

  return {
    kind: 'pg',
    db,
    async executeSql(text, values) {
      const result = await pool.query(text, values);
      // A multi-statement string yields one result per statement; the last one is the answer.
      const last = Array.isArray(result) ? (result.at(-1) as pg.QueryResult) : result;
      return { rows: last?.rows ?? [] };
    },
    async listen(channel, handler) {
      let set = handlers.get(channel);
      const isNew = !set;
      if (!set) handlers.set(channel, (set = new Set()));
      set.add(handler);
      const client = await ensureListener();
      if (isNew) await client.query(`LISTEN ${quoteIdent(channel)}`);
      return async () => {
        set.delete(handler);
      };
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      closing = true;
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Serialises migrations across processes starting at once (several workers on one PostgreSQL). */
const MIGRATION_LOCK_KEY = 724_201_001;

async function runMigrations(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as never, { migrationsFolder });
    return;
  }
  const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
