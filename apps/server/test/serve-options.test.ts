import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { createScratchDatabase, dropScratchDatabase, testDatabaseUrl } from '@planmaat/db';
import { serveOptionsFromEnv, startPlanmaat } from '../src/serve.ts';

describe('serve options from the environment', () => {
  it('reads the PostgreSQL pool size and names a wrong value', () => {
    expect(serveOptionsFromEnv({}).databasePoolSize).toBeUndefined();
    expect(serveOptionsFromEnv({ PLANMAAT_DB_POOL_SIZE: '25' }).databasePoolSize).toBe(25);
    for (const wrong of ['0', '-3', '2.5', 'ten'])
      expect(() => serveOptionsFromEnv({ PLANMAAT_DB_POOL_SIZE: wrong })).toThrow(
        `PLANMAAT_DB_POOL_SIZE: expected a whole number of at least 1, got "${wrong}"`,
      );
  });
});

describe('port in use', () => {
  it('names the port, closes the embedded database cleanly and leaves it usable', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planmaat-port-'));
    const options = {
      ...serveOptionsFromEnv({}),
      services: ['web' as const],
      host: '127.0.0.1',
      dataDir,
      demo: false,
      log: () => undefined,
    };
    try {
      await expect(startPlanmaat({ ...options, port })).rejects.toThrow(
        `port ${port} is already in use; choose another with --port or PORT`,
      );
      // The data folder opens again (closed and unlocked, not left half-open).
      const running = await startPlanmaat({ ...options, port: 0 });
      expect(running.port).toBeGreaterThan(0);
      await running.stop();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!testDatabaseUrl)('PostgreSQL pool (pg)', () => {
  it('opens at most the configured number of connections and keeps them after a burst', async () => {
    const databaseUrl = await createScratchDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'planmaat-pool-'));
    const running = await startPlanmaat({
      ...serveOptionsFromEnv({ PLANMAAT_DB_POOL_SIZE: '3' }),
      services: [],
      databaseUrl,
      dataDir,
      demo: false,
      log: () => undefined,
    });
    const monitor = new pg.Client({ connectionString: databaseUrl });
    await monitor.connect();
    const connections = async () =>
      Number(
        (
          await monitor.query<{ n: string }>(
            "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'planmaat'",
          )
        ).rows[0].n,
      );
    try {
      await Promise.all(
        Array.from({ length: 8 }, () => running.handle.db.execute(sql`SELECT pg_sleep(0.05)`)),
      );
      expect(await connections()).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await connections()).toBe(3);
    } finally {
      await monitor.end();
      await running.stop();
      await dropScratchDatabase(databaseUrl);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
