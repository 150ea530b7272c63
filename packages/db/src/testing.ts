/**
 * Test databases for both drivers: an in-memory PGlite, and a fresh database on the PostgreSQL
 * named by PLANMAAT_TEST_DATABASE_URL (skipped, with a message, when unset).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from './driver.ts';

export interface TestDriver {
  name: 'pglite' | 'pg';
  /** undefined = skip this driver (the reason is in `skipReason`). */
  available: boolean;
  skipReason?: string;
  /** A fresh, migrated database and its URL (pg only); `drop` removes it. */
  open(): Promise<{ handle: DatabaseHandle; url?: string; drop(): Promise<void> }>;
}

export const testDatabaseUrl = process.env.PLANMAAT_TEST_DATABASE_URL;

export const testDrivers: TestDriver[] = [
  {
    name: 'pglite',
    available: true,
    async open() {
      const handle = await openDatabase({});
      return { handle, drop: () => handle.close() };
    },
  },
  {
    name: 'pg',
    available: Boolean(testDatabaseUrl),
    skipReason: 'PLANMAAT_TEST_DATABASE_URL is not set (start one with: eval "$(.ci/postgres.sh start)")',
    async open() {
      const url = await createScratchDatabase();
      const handle = await openDatabase({ url, poolSize: 20 });
      return {
        handle,
        url,
        async drop() {
          await handle.close();
          await dropScratchDatabase(url);
        },
      };
    },
  },
];

export async function createScratchDatabase(): Promise<string> {
  if (!testDatabaseUrl) throw new Error('PLANMAAT_TEST_DATABASE_URL is not set');
  const name = `planmaat_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropScratchDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
