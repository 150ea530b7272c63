/**
 * API benchmark over loopback HTTP: reading a 4-week roster of a ~30-person team, and saving one
 * assignment (transaction, version check, audit record, labour-rule re-check of that employee).
 * Open loop at a fixed rate (latency counted from the scheduled send time, so a slow server cannot
 * hide its queueing), then closed loop to find the throughput. Target: p99 < 50 ms at 500 req/s
 * on PostgreSQL.
 *
 * The API server runs in its own process (forked from this file), so the CPU time per request it
 * reports is the server's alone, and the load generator does not steal its event loop. The
 * server also counts the SQL statements it sends (PostgreSQL driver), i.e. round trips.
 *
 *   npm run bench:api                              embedded PGlite (in memory)
 *   DATABASE_URL=postgres://… npm run bench:api    PostgreSQL (a scratch database is created and dropped)
 *   BENCH_RATE=500 BENCH_SECONDS=10 BENCH_CONCURRENCY=32
 *   BENCH_PROFILE=/tmp/prof                        write a V8 CPU profile of the server per phase
 *   BENCH_TRACE=/tmp/trace                         write every request's send time and latency per phase (TSV)
 */
import http from 'node:http';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Session } from 'node:inspector/promises';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { serve } from '@hono/node-server';
import { addDays, type Assignment } from '@planmaat/domain';
import { generateDemoOrganisation } from '@planmaat/demo';
import { createUser, insertOrganisationData, openDatabase, type DatabaseHandle } from '@planmaat/db';
import {
  createApp,
  createRuleChecker,
  defaultConfig,
  hashPassword,
  JobEventHub,
  SolverRegistry,
} from '@planmaat/server';

const RATE = Number(process.env.BENCH_RATE ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const PROFILE_DIR = process.env.BENCH_PROFILE || undefined;
const TRACE_DIR = process.env.BENCH_TRACE || undefined;
const TARGET_P99_MS = 50;
const WRITE_PERIODS = 60;
const PASSWORD = 'bench-password-123';

// ---------- server process ----------

interface Fixture {
  teamSize: number;
  readPeriod: string;
  readCells: number;
  writePeriods: Array<{ id: string; start: string }>;
  members: string[];
  shiftTypes: Array<string | null>;
}

type ToServer = { type: 'stats' } | { type: 'profile-start' } | { type: 'profile-stop'; name: string };
type FromServer =
  | { type: 'ready'; port: number; kind: 'pg' | 'pglite'; fixture: Fixture }
  | { type: 'stats'; cpuMicros: number; systemMicros: number; queries: number; loop: EventLoopUtilization }
  | { type: 'profiled'; file: string };

/** The demo organisation plus extra 4-week periods of the bench team, filled like its roster. */
async function seed(handle: DatabaseHandle): Promise<Fixture> {
  const data = generateDemoOrganisation({ seed: 1 });
  const team = data.teams
    .map((t) => ({ team: t, size: data.employees.filter((e) => e.teamIds.includes(t.id)).length }))
    .sort((a, b) => Math.abs(a.size - 30) - Math.abs(b.size - 30) || b.size - a.size)[0];
  const template = data.rosterPeriods
    .filter((p) => p.teamId === team.team.id)
    .map((p) => ({ p, cells: data.assignments.filter((a) => a.rosterPeriodId === p.id) }))
    .sort((a, b) => b.cells.length - a.cells.length)[0];
  const lastEnd = data.rosterPeriods.reduce(
    (max, p) => (addDays(p.start, p.weeks * 7) > max ? addDays(p.start, p.weeks * 7) : max),
    '',
  );
  const extraPeriods = [];
  const extraCells: Assignment[] = [];
  for (let i = 0; i < WRITE_PERIODS; i++) {
    const start = addDays(lastEnd, i * 28 + 28 * 4);
    const id = `bench-${i}`;
    extraPeriods.push({ id, teamId: team.team.id, start, weeks: 4, status: 'draft' as const });
    for (const cell of template.cells) {
      const offset = (Date.parse(cell.date) - Date.parse(template.p.start)) / 86_400_000;
      extraCells.push({ ...cell, rosterPeriodId: id, date: addDays(start, offset), pinned: false });
    }
  }
  data.rosterPeriods.push(...extraPeriods);
  data.assignments.push(...extraCells);
  await insertOrganisationData(handle.db, data);
  // Fresh statistics after the bulk load, as a live database has them; otherwise autovacuum
  // analyses the new tables during a measured phase and its backend's CPU counts there.
  if (handle.kind === 'pg') await handle.executeSql('VACUUM ANALYZE');
  await createUser(handle.db, {
    organisationId: data.organisation.id,
    email: 'bench@planmaat.test',
    name: 'Bench Planner',
    role: 'planner',
    employeeId: null,
    passwordHash: await hashPassword(PASSWORD),
  });
  return {
    teamSize: team.size,
    readPeriod: template.p.id,
    readCells: template.cells.length,
    writePeriods: extraPeriods.map((p) => ({ id: p.id, start: p.start })),
    members: data.employees.filter((e) => e.teamIds.includes(team.team.id)).map((e) => e.id),
    shiftTypes: [...data.shiftTypes.map((s) => s.id), null],
  };
}

async function runServer(): Promise<void> {
  // Count statements sent to PostgreSQL: each is one round trip (node-postgres does not pipeline).
  let queries = 0;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    queries++;
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;

  const handle = await openDatabase({
    url: process.env.BENCH_DATABASE_URL || undefined,
    poolSize: Number(process.env.BENCH_POOL ?? 20),
  });
  const fixture = await seed(handle);
  const events = new JobEventHub(handle);
  await events.start();
  const app = createApp({
    handle,
    solvers: new SolverRegistry(),
    jobEvents: events,
    rules: createRuleChecker(),
    config: defaultConfig,
  });
  const server = await new Promise<http.Server>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s as http.Server));
  });
  const session = new Session();
  const send = (message: FromServer) => process.send!(message);
  process.on('message', (message: ToServer) => {
    void (async () => {
      if (message.type === 'stats') {
        const cpu = process.cpuUsage();
        send({
          type: 'stats',
          cpuMicros: cpu.user + cpu.system,
          systemMicros: cpu.system,
          queries,
          loop: performance.eventLoopUtilization(),
        });
      } else if (message.type === 'profile-start') {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      } else if (message.type === 'profile-stop') {
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        const file = path.join(PROFILE_DIR!, `api-${message.name}.cpuprofile`);
        fs.mkdirSync(PROFILE_DIR!, { recursive: true });
        fs.writeFileSync(file, JSON.stringify(profile));
        send({ type: 'profiled', file });
      }
    })();
  });
  process.on('disconnect', () => {
    server.closeAllConnections();
    server.close();
    void events.stop().then(() => handle.close());
  });
  send({ type: 'ready', port: (server.address() as AddressInfo).port, kind: handle.kind, fixture });
}

// ---------- load generator ----------

async function scratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `planmaat_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

function isLoopback(url: string): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);
}

/** CPU ms between two /proc readings of the same backends (clock ticks of 10 ms). */
function cpuBetween(before: Map<number, number> | undefined, after: Map<number, number> | undefined): number {
  if (!before || !after) return NaN;
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks * 10;
}

interface Sample {
  latencyMs: number;
  ok: boolean;
  /** When it was sent (open loop: scheduled), ms since the phase started. */
  atMs: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface PhaseResult {
  name: string;
  requests: number;
  throughput: number;
  p50: number;
  p99: number;
  errors: number;
  serverCpuMs: number;
  /** Of which in the kernel (sockets). */
  serverSystemMs: number;
  /** Share of the phase the API's event loop was busy (1 = it could take no more). */
  serverLoopBusy: number;
  clientCpuMs: number;
  /** PostgreSQL backends of the scratch database (loopback only; NaN when unknown). */
  databaseCpuMs: number;
  queries: number;
}

function report(r: PhaseResult): void {
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(
    `${r.name.padEnd(40)} ${String(r.requests).padStart(6)} req ${r.throughput.toFixed(0).padStart(5)} req/s` +
      `   p50 ${f(r.p50)} ms  p99 ${f(r.p99)} ms   errors ${r.errors}` +
      `   server cpu ${r.serverCpuMs.toFixed(2)} ms/req (kernel ${r.serverSystemMs.toFixed(2)}, loop busy ${(100 * r.serverLoopBusy).toFixed(0)} %)` +
      (Number.isNaN(r.databaseCpuMs) ? '' : `   database cpu ${r.databaseCpuMs.toFixed(2)} ms/req`) +
      `   client cpu ${r.clientCpuMs.toFixed(2)} ms/req` +
      (Number.isNaN(r.queries) ? '' : `   sql ${r.queries.toFixed(1)}/req`),
  );
}

type Request = () => Promise<boolean>;

/** Fixed arrival rate; latency measured from each request's scheduled time. */
async function openLoop(request: Request, rate: number, seconds: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  const total = Math.round(rate * seconds);
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const scheduled = start + (i * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(
      request().then(
        (ok) => void samples.push({ latencyMs: performance.now() - scheduled, ok, atMs: scheduled - start }),
        () =>
          void samples.push({ latencyMs: performance.now() - scheduled, ok: false, atMs: scheduled - start }),
      ),
    );
  }
  await Promise.all(inflight);
  return samples;
}

/** As fast as it goes with a fixed number of requests in flight. */
async function closedLoop(request: Request, concurrency: number, seconds: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  const start = performance.now();
  const until = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const ok = await request().catch(() => false);
        samples.push({ latencyMs: performance.now() - t0, ok, atMs: t0 - start });
      }
    }),
  );
  return samples;
}

async function main(): Promise<void> {
  const baseUrl = process.env.DATABASE_URL || undefined;
  const scratch = baseUrl ? await scratchDatabase(baseUrl) : undefined;
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [])],
    env: { ...process.env, BENCH_API_ROLE: 'server', BENCH_DATABASE_URL: scratch?.url ?? '' },
    // Its own session, as a deployed server has (systemd unit, container): with the kernel's
    // session autogrouping, a server in the load generator's session would share one CPU share
    // with it when the database competes, a limit no real deployment has.
    detached: process.env.BENCH_SAME_SESSION !== '1',
  });
  const waiters = new Map<string, Array<(m: FromServer) => void>>();
  child.on('message', (m: FromServer) => waiters.get(m.type)?.shift()?.(m));
  const ask = <T extends FromServer['type']>(message: ToServer | null, answer: T) =>
    new Promise<Extract<FromServer, { type: T }>>((resolve) => {
      const list = waiters.get(answer) ?? [];
      list.push(resolve as (m: FromServer) => void);
      waiters.set(answer, list);
      if (message) child.send(message);
    });
  const ready = await ask(null, 'ready');
  const { port, fixture } = ready;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  function call(method: string, urlPath: string, body?: unknown, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }>(
      (resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: urlPath,
            method,
            agent,
            headers: {
              ...headers,
              ...(payload
                ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
                : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                text: Buffer.concat(chunks).toString(),
                headers: res.headers,
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(payload);
      },
    );
  }

  const login = await call('POST', '/api/auth/login', { email: 'bench@planmaat.test', password: PASSWORD });
  const cookie = (login.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const csrf = (JSON.parse(login.text) as { csrfToken: string }).csrfToken;
  const auth = { cookie, 'x-csrf-token': csrf };

  const first = await call('GET', `/api/roster-periods/${fixture.readPeriod}`, undefined, auth);
  const firstRoster = JSON.parse(first.text) as { assignments: unknown[] };
  if (first.status !== 200 || firstRoster.assignments.length !== fixture.readCells)
    throw new Error(`roster read answered ${first.status} with ${firstRoster.assignments?.length} cells`);
  const read: Request = async () =>
    (await call('GET', `/api/roster-periods/${fixture.readPeriod}`, undefined, auth)).status === 200;

  // Writes: one request in flight per roster period (each carries the version it read).
  const versions = new Map(fixture.writePeriods.map((p) => [p.id, 1]));
  const free = fixture.writePeriods.map((p) => p.id);
  const waiting: Array<(id: string) => void> = [];
  const takePeriod = () =>
    new Promise<string>((resolve) => (free.length ? resolve(free.pop()!) : waiting.push(resolve)));
  const releasePeriod = (id: string) => (waiting.length ? waiting.shift()!(id) : free.push(id));
  const failures = new Map<string, number>();
  let counter = 0;
  let violationsSeen = 0;
  const write: Request = async () => {
    const periodId = await takePeriod();
    try {
      const period = fixture.writePeriods.find((p) => p.id === periodId)!;
      const n = counter++;
      const employeeId = fixture.members[n % fixture.members.length];
      const date = addDays(period.start, (n * 7) % 28);
      const shiftTypeId = fixture.shiftTypes[n % fixture.shiftTypes.length];
      const res = await call(
        'PUT',
        `/api/roster-periods/${periodId}/assignments`,
        { expectedVersion: versions.get(periodId), changes: [{ employeeId, date, shiftTypeId }] },
        auth,
      );
      if (res.status !== 200) {
        const what = `PUT ${res.status} ${res.text.slice(0, 80)}`;
        failures.set(what, (failures.get(what) ?? 0) + 1);
        return false;
      }
      const saved = JSON.parse(res.text) as { version: number; ruleCheck: { violations: unknown[] } | null };
      versions.set(periodId, saved.version);
      if (saved.ruleCheck === null) return false;
      violationsSeen += saved.ruleCheck.violations.length;
      return true;
    } finally {
      releasePeriod(periodId);
    }
  };

  const pgKind = ready.kind === 'pg';
  // CPU of the PostgreSQL backends serving the scratch database, read from /proc (same machine).
  const monitor =
    scratch && isLoopback(scratch.url) ? new pg.Client({ connectionString: scratch.url }) : undefined;
  await monitor?.connect();
  const databaseCpu = async (): Promise<Map<number, number> | undefined> => {
    if (!monitor || !fs.existsSync('/proc/self/stat')) return undefined;
    const { rows } = await monitor.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    const ticks = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        ticks.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        // backend ended meanwhile
      }
    }
    return ticks;
  };
  console.log(
    `Planmaat API benchmark — ${pgKind ? 'PostgreSQL' : 'PGlite (embedded, in memory)'}, loopback HTTP, Node ${process.version}, API server in its own process`,
  );
  console.log(
    `roster read: ${fixture.teamSize}-person team, 4 weeks, ${fixture.readCells} assignments, ${(first.text.length / 1024).toFixed(1)} KiB JSON`,
  );
  console.log(
    `assignment save: 1 cell, version check, audit record, labour-rule re-check of the employee (±28 days, absences included)`,
  );
  console.log(
    `machine: ${os.availableParallelism()} cores, load average (1 min) at start ${os.loadavg()[0].toFixed(1)}\n`,
  );
  // Warm up both paths as wide as the closed loop: every pool connection is opened (and has
  // prepared its statements) before anything is measured, and the API's hot code is compiled.
  await closedLoop(read, CONCURRENCY, 1);
  await closedLoop(write, CONCURRENCY, 2);

  // Throughput is what was completed over the wall time until the last answer (an open loop the
  // server cannot keep up with finishes late, so its rate falls below the offered rate).
  const results: PhaseResult[] = [];
  const measure = async (name: string, file: string, run: () => Promise<Sample[]>) => {
    if (PROFILE_DIR) child.send({ type: 'profile-start' });
    const before = await ask({ type: 'stats' }, 'stats');
    const databaseBefore = await databaseCpu();
    const clientBefore = process.cpuUsage();
    const started = performance.now();
    const samples = await run();
    const seconds = (performance.now() - started) / 1000;
    const client = process.cpuUsage(clientBefore);
    const after = await ask({ type: 'stats' }, 'stats');
    const databaseAfter = await databaseCpu();
    if (PROFILE_DIR)
      console.log(`  profile: ${(await ask({ type: 'profile-stop', name: file }, 'profiled')).file}`);
    if (TRACE_DIR) {
      fs.mkdirSync(TRACE_DIR, { recursive: true });
      const rows = samples.map((s) => `${s.atMs.toFixed(1)}\t${s.latencyMs.toFixed(2)}\t${s.ok ? 1 : 0}`);
      fs.writeFileSync(
        path.join(TRACE_DIR, `api-${file}.tsv`),
        `sent_ms\tlatency_ms\tok\n${rows.join('\n')}\n`,
      );
    }
    const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
    const n = Math.max(1, samples.length);
    const result: PhaseResult = {
      name,
      requests: samples.length,
      throughput: samples.length / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      errors: samples.filter((s) => !s.ok).length,
      serverCpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / n,
      serverSystemMs: (after.systemMicros - before.systemMicros) / 1000 / n,
      serverLoopBusy: performance.eventLoopUtilization(after.loop, before.loop).utilization,
      clientCpuMs: (client.user + client.system) / 1000 / n,
      databaseCpuMs: cpuBetween(databaseBefore, databaseAfter) / n,
      queries: pgKind ? (after.queries - before.queries) / n : NaN,
    };
    results.push(result);
    report(result);
    return result;
  };
  const readOpen = await measure(`GET roster  open loop @ ${RATE}/s`, 'read-open', () =>
    openLoop(read, RATE, SECONDS),
  );
  const writeOpen = await measure(`PUT assignment  open loop @ ${RATE}/s`, 'save-open', () =>
    openLoop(write, RATE, SECONDS),
  );
  const half = SECONDS / 2;
  await measure(`GET roster  closed loop, ${CONCURRENCY} in flight`, 'read-closed', () =>
    closedLoop(read, CONCURRENCY, half),
  );
  await measure(`PUT assignment  closed loop, ${CONCURRENCY} in flight`, 'save-closed', () =>
    closedLoop(write, CONCURRENCY, half),
  );
  for (const [what, n] of failures) console.log(`  failed ${n}×: ${what}`);
  console.log(
    `\nmachine load average (1 min) at the end: ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores; ` +
      `server cpu = the API process per request (${pgKind ? 'PostgreSQL not included' : 'the embedded database included'}); ` +
      (pgKind
        ? 'database cpu = the PostgreSQL backends of the bench database (from /proc; backends opened during a phase count in full); '
        : '') +
      `client cpu = this load generator; sql = statements (round trips) per request`,
  );
  console.log(`rule violations reported across all saves: ${violationsSeen}`);
  const verdict = (r: PhaseResult) => {
    const ok = r.p99 < TARGET_P99_MS && r.throughput >= RATE * 0.98 && r.errors === 0;
    return `${ok ? 'PASS' : 'FAIL'} (${r.throughput.toFixed(0)} req/s, p99 ${r.p99.toFixed(1)} ms)`;
  };
  const onTarget = pgKind && RATE >= 500 ? '' : ' [not the target set-up: PostgreSQL at 500 req/s]';
  console.log(
    `target p99 < ${TARGET_P99_MS} ms at ${RATE} req/s: roster read ${verdict(readOpen)}; assignment save ${verdict(writeOpen)}${onTarget}`,
  );

  agent.destroy();
  await monitor?.end();
  child.disconnect();
  await new Promise((r) => child.once('exit', r));
  await scratch?.drop();
}

if (process.env.BENCH_API_ROLE === 'server') await runServer();
else await main();
