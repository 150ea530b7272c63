/**
 * API benchmark over loopback HTTP: reading a 4-week roster of a ~30-person team, and saving one
 * assignment (transaction, version check, audit record, labour-rule re-check of that employee).
 * Open-loop at a fixed rate (latency counted from the scheduled send time, so a slow server cannot
 * hide its queueing), then closed-loop to find the throughput. Target: p99 < 50 ms at 500 req/s
 * on PostgreSQL.
 *
 *   npm run bench:api                              embedded PGlite (in memory)
 *   DATABASE_URL=postgres://… npm run bench:api    PostgreSQL (a scratch database is created and dropped)
 *   BENCH_RATE=500 BENCH_SECONDS=10 BENCH_CONCURRENCY=32
 */
import http from 'node:http';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
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
const WRITE_PERIODS = 60;
const PASSWORD = 'bench-password-123';

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

/** The demo organisation plus extra 4-week periods of the bench team, filled like its roster. */
async function seed(handle: DatabaseHandle) {
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
  await createUser(handle.db, {
    organisationId: data.organisation.id,
    email: 'bench@planmaat.test',
    name: 'Bench Planner',
    role: 'planner',
    employeeId: null,
    passwordHash: await hashPassword(PASSWORD),
  });
  const members = data.employees.filter((e) => e.teamIds.includes(team.team.id)).map((e) => e.id);
  return {
    teamSize: team.size,
    readPeriod: template.p.id,
    readCells: template.cells.length,
    writePeriods: extraPeriods,
    members,
    shiftTypes: [...data.shiftTypes.map((s) => s.id), null] as Array<string | null>,
  };
}

interface Sample {
  latencyMs: number;
  ok: boolean;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** CPU time this process (client and server together) spent per request, in ms. */
function cpuPerRequest(cpu: NodeJS.CpuUsage, requests: number): string {
  return ((cpu.user + cpu.system) / 1000 / Math.max(1, requests)).toFixed(2);
}

function report(name: string, samples: Sample[], seconds: number, cpu: NodeJS.CpuUsage): void {
  const latencies = samples.map((s) => s.latencyMs).sort((a, b) => a - b);
  const errors = samples.filter((s) => !s.ok).length;
  const f = (n: number) => n.toFixed(1).padStart(7);
  console.log(
    `${name.padEnd(44)} ${String(samples.length).padStart(6)} req ${(samples.length / seconds).toFixed(0).padStart(6)} req/s done` +
      `   p50 ${f(percentile(latencies, 50))} ms  p99 ${f(percentile(latencies, 99))} ms  max ${f(latencies.at(-1) ?? NaN)} ms` +
      `   errors ${errors}   cpu ${cpuPerRequest(cpu, samples.length)} ms/req`,
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
        (ok) => void samples.push({ latencyMs: performance.now() - scheduled, ok }),
        () => void samples.push({ latencyMs: performance.now() - scheduled, ok: false }),
      ),
    );
  }
  await Promise.all(inflight);
  return samples;
}

/** As fast as it goes with a fixed number of requests in flight. */
async function closedLoop(request: Request, concurrency: number, seconds: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        const ok = await request().catch(() => false);
        samples.push({ latencyMs: performance.now() - t0, ok });
      }
    }),
  );
  return samples;
}

async function main() {
  const baseUrl = process.env.DATABASE_URL || undefined;
  const scratch = baseUrl ? await scratchDatabase(baseUrl) : undefined;
  const handle = await openDatabase({ url: scratch?.url, poolSize: 20 });
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
  const port = (server.address() as AddressInfo).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

  function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }>(
      (resolve, reject) => {
        const payload = body === undefined ? undefined : JSON.stringify(body);
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path,
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
  const rosterBytes = first.text.length;
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
        failures.set(
          `PUT ${res.status} ${res.text.slice(0, 80)}`,
          (failures.get(`PUT ${res.status} ${res.text.slice(0, 80)}`) ?? 0) + 1,
        );
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

  console.log(
    `Planmaat API benchmark — ${handle.kind === 'pg' ? 'PostgreSQL' : 'PGlite (embedded, in memory)'}, loopback HTTP, Node ${process.version}`,
  );
  console.log(
    `roster read: ${fixture.teamSize}-person team, 4 weeks, ${fixture.readCells} assignments, ${(rosterBytes / 1024).toFixed(1)} KiB JSON`,
  );
  console.log(
    `assignment save: 1 cell, version check, audit record, labour-rule re-check of the employee (±28 days)\n`,
  );
  // Warm up both paths.
  await closedLoop(read, 8, 1);
  await closedLoop(write, 8, 1);

  // Throughput is what was completed over the wall time until the last answer (an open loop the
  // server cannot keep up with finishes late, so its rate falls below the offered rate).
  const measure = async (name: string, run: () => Promise<Sample[]>, _seconds: number) => {
    const before = process.cpuUsage();
    const started = performance.now();
    const samples = await run();
    report(name, samples, (performance.now() - started) / 1000, process.cpuUsage(before));
  };
  await measure(`GET roster  open loop @ ${RATE}/s`, () => openLoop(read, RATE, SECONDS), SECONDS);
  await measure(`PUT assignment  open loop @ ${RATE}/s`, () => openLoop(write, RATE, SECONDS), SECONDS);
  const half = SECONDS / 2;
  await measure(
    `GET roster  closed loop, ${CONCURRENCY} in flight`,
    () => closedLoop(read, CONCURRENCY, half),
    half,
  );
  await measure(
    `PUT assignment  closed loop, ${CONCURRENCY} in flight`,
    () => closedLoop(write, CONCURRENCY, half),
    half,
  );
  for (const [what, n] of failures) console.log(`  failed ${n}×: ${what}`);
  console.log(
    `machine load average (1 min): ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores; ` +
      `cpu = this process (client + API server) per request, ${handle.kind === 'pg' ? 'the database server not included' : 'the embedded database included'}`,
  );
  console.log(
    `\n(rule violations reported across all saves: ${violationsSeen}; target: p99 < 50 ms at 500 req/s on PostgreSQL)`,
  );

  agent.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await events.stop();
  await handle.close();
  await scratch?.drop();
}

await main();
