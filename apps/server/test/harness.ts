/** An API under test on one driver: two organisations, an account per role in each, a job worker. */
import {
  createUser,
  insertOrganisationData,
  startQueue,
  type DatabaseHandle,
  type JobQueue,
  type Role,
  type TestDriver,
} from '@planmaat/db';
import type { OrganisationData } from '@planmaat/domain';
import { smallOrganisation } from '../../../packages/db/test/fixtures.ts';
import { createApp } from '../src/http/app.ts';
import { defaultConfig, type AppConfig } from '../src/http/context.ts';
import { hashPassword } from '../src/auth/passwords.ts';
import { JobEventHub } from '../src/jobs/events.ts';
import { productSolvers } from '../src/jobs/registry.ts';
import { startJobWorkers, type JobWorkers } from '../src/jobs/worker.ts';
import { testRosterPlugin } from './fixtures/test-roster-solver.ts';
import { createRuleChecker } from '../src/rules.ts';

export const PASSWORD = 'correct horse battery staple';
export const ORG_A = 'org-a';
export const ORG_B = 'org-b';
export const ROLES: Role[] = ['admin', 'planner', 'team-leader', 'employee'];

export interface Client {
  token: string;
  csrf: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

export interface Harness {
  handle: DatabaseHandle;
  url?: string;
  app: ReturnType<typeof createApp>;
  data: OrganisationData;
  queue: JobQueue;
  workers?: JobWorkers;
  events: JobEventHub;
  email(org: string, role: Role): string;
  login(org: string, role: Role): Promise<Client>;
  anonymous(): Client;
  close(): Promise<void>;
}

export async function startHarness(
  driver: TestDriver,
  options: { worker?: boolean; config?: Partial<AppConfig> } = {},
): Promise<Harness> {
  const { handle, url, drop } = await driver.open();
  const data = smallOrganisation(ORG_A);
  await insertOrganisationData(handle.db, data);
  await insertOrganisationData(handle.db, smallOrganisation(ORG_B));
  const passwordHash = await hashPassword(PASSWORD);
  const ward = data.teams.find((t) => t.kind === 'ward')!;
  const employee = data.employees.find((e) => e.teamIds.includes(ward.id))!;
  const email = (org: string, role: Role) => `${role}@${org}.test`;
  for (const org of [ORG_A, ORG_B])
    for (const role of ROLES)
      await createUser(handle.db, {
        organisationId: org,
        email: email(org, role),
        name: `${role} ${org}`,
        role,
        employeeId: role === 'employee' ? employee.id : null,
        teamIds: role === 'team-leader' ? [ward.id] : [],
        passwordHash,
      });
  const solvers = productSolvers().register(testRosterPlugin);
  const queue = await startQueue(handle, { pollingIntervalSeconds: 0.5, maintenanceIntervalSeconds: 1 });
  const workers =
    options.worker === false
      ? undefined
      : await startJobWorkers({ handle, queue, solvers, progressWriteMs: 50 });
  const events = new JobEventHub(handle);
  await events.start();
  const app = createApp({
    handle,
    queue,
    solvers,
    jobEvents: events,
    rules: createRuleChecker(),
    config: { ...defaultConfig, jobExpiryMarginSeconds: 30, ...options.config },
  });

  function client(token: string, csrf: string): Client {
    const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      Promise.resolve(
        app.request(path, {
          method,
          headers: {
            ...(token ? { cookie: `planmaat_session=${token}` } : {}),
            ...(csrf ? { 'x-csrf-token': csrf } : {}),
            ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
            ...headers,
          },
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        }),
      );
    return {
      token,
      csrf,
      request,
      get: (path) => request('GET', path),
      send: (method, path, body) => request(method, path, body ?? {}),
    };
  }

  return {
    handle,
    url,
    app,
    data,
    queue,
    workers,
    events,
    email,
    anonymous: () => client('', ''),
    async login(org, role) {
      const res = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: email(org, role), password: PASSWORD }),
      });
      if (res.status !== 200) throw new Error(`login ${role}@${org}: ${res.status} ${await res.text()}`);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('planmaat_session='))!;
      const token = cookie.split(';')[0].split('=')[1];
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      return client(token, csrfToken);
    },
    async close() {
      await events.stop();
      if (workers) await workers.stop();
      else await queue.stop({ graceful: false, timeoutMs: 1000 });
      await drop();
    },
  };
}
