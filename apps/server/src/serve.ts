/**
 * Composition root: one binary, roles chosen by `services`. `web` serves the API (and listens for
 * job events to stream), `worker` takes solve jobs from the queue. Embedded by default; with a
 * database URL any number of processes share one PostgreSQL.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { InputError } from '@planmaat/domain';
import {
  openDatabase,
  startQueue,
  type DatabaseHandle,
  type JobQueue,
  type QueueOptions,
} from '@planmaat/db';
import { createOidcLogin, oidcSettingsFromEnv, type OidcSettings } from './auth/oidc.ts';
import { dummyPasswordHash } from './auth/passwords.ts';
import { ensureDemo, type DemoAccount } from './demo.ts';
import { createApp } from './http/app.ts';
import { defaultConfig, type AppConfig } from './http/context.ts';
import { JobEventHub } from './jobs/events.ts';
import { productSolvers } from './jobs/registry.ts';
import type { SolverRegistry } from './jobs/solver-port.ts';
import { startJobWorkers, type JobWorkers } from './jobs/worker.ts';
import { productRuleChecker } from './rules.ts';

export type Service = 'web' | 'worker';

export interface ServeOptions {
  services: Service[];
  port: number;
  host: string;
  /** postgres://… — absent = embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PostgreSQL connections per process (kept open once made); default 10. */
  databasePoolSize?: number;
  dataDir: string;
  /** Load the demo organisation and accounts (default: only on the embedded database). */
  demo: boolean;
  demoPassword?: string;
  workerConcurrency: number;
  solvers?: SolverRegistry;
  queue?: QueueOptions;
  app?: Partial<AppConfig>;
  oidc?: OidcSettings;
  log?: (line: string) => void;
}

export interface RunningPlanmaat {
  url?: string;
  port?: number;
  handle: DatabaseHandle;
  demoAccounts?: DemoAccount[];
  workers?: JobWorkers;
  stop(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export function serveOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServeOptions {
  const databaseUrl = env.DATABASE_URL || undefined;
  const demoSetting = env.PLANMAAT_DEMO;
  return {
    services: ['web', 'worker'],
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    databasePoolSize: positiveIntegerFromEnv(env, 'PLANMAAT_DB_POOL_SIZE'),
    dataDir: path.resolve(env.PLANMAAT_DATA_DIR ?? 'data'),
    demo: demoSetting ? demoSetting === '1' || demoSetting === 'true' : !databaseUrl,
    demoPassword: env.PLANMAAT_DEMO_PASSWORD || undefined,
    workerConcurrency: Number(env.PLANMAAT_WORKER_CONCURRENCY ?? 1),
    oidc: oidcSettingsFromEnv(env),
    app: {
      secureCookies: env.PLANMAAT_SECURE_COOKIES ? env.PLANMAAT_SECURE_COOKIES === 'true' : undefined,
      webDist: path.join(repoRoot, 'apps/web/dist'),
    },
  };
}

function positiveIntegerFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1)
    throw new InputError(`${name}: expected a whole number of at least 1, got "${text}"`);
  return value;
}

export async function startPlanmaat(options: ServeOptions): Promise<RunningPlanmaat> {
  const log = options.log ?? ((line: string) => console.log(line));
  const web = options.services.includes('web');
  const worker = options.services.includes('worker');
  const handle = await openDatabase({
    url: options.databaseUrl,
    poolSize: options.databasePoolSize,
    dataDir: options.databaseUrl ? undefined : options.dataDir,
  });
  let queue: JobQueue | undefined;
  let workers: JobWorkers | undefined;
  let events: JobEventHub | undefined;
  let server: Server | undefined;
  const stopAll = async () => {
    if (server) {
      const closing = new Promise<void>((resolve) => server!.close(() => resolve()));
      server.closeIdleConnections();
      // Event streams never go idle: end them after a short grace.
      const timer = setTimeout(() => server!.closeAllConnections(), 2000);
      await closing;
      clearTimeout(timer);
    }
    await events?.stop();
    if (workers) await workers.stop();
    else await queue?.stop({ graceful: true, timeoutMs: 5000 });
    await handle.close();
  };
  try {
    let demoAccounts: DemoAccount[] | undefined;
    if (options.demo) {
      const demo = await ensureDemo(handle, { password: options.demoPassword });
      demoAccounts = demo.accounts;
      if (demo.loaded) log('Demo-organisatie geladen / demo organisation loaded');
    }
    const solvers = options.solvers ?? productSolvers();
    queue = await startQueue(handle, options.queue);
    if (worker) {
      workers = await startJobWorkers({ handle, queue, solvers, concurrency: options.workerConcurrency });
      log(
        `Worker ${workers.workerId} neemt taken aan / takes jobs (${
          solvers
            .kinds()
            .map((k) => k.kind)
            .join(', ') || 'no solver kinds yet'
        })`,
      );
    }
    let url: string | undefined;
    let port: number | undefined;
    if (web) {
      events = new JobEventHub(handle);
      await events.start();
      void dummyPasswordHash();
      const app = createApp({
        handle,
        queue,
        solvers,
        jobEvents: events,
        rules: await productRuleChecker(),
        oidc: options.oidc ? await createOidcLogin(options.oidc) : undefined,
        config: { ...defaultConfig, ...options.app },
      });
      server = await new Promise<Server>((resolve, reject) => {
        const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, () =>
          resolve(s as Server),
        ) as Server;
        // A port in use must not crash the process with the database open: reject, so the
        // catch below closes everything cleanly.
        s.once('error', (error: NodeJS.ErrnoException) =>
          reject(
            error.code === 'EADDRINUSE'
              ? new InputError(
                  `port ${options.port} is already in use; choose another with --port or PORT`,
                  'serve',
                )
              : error,
          ),
        );
      });
      port = (server.address() as AddressInfo).port;
      const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
      url = `http://${shownHost}:${port}`;
    }
    return { url, port, handle, demoAccounts, workers, stop: stopAll };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}
