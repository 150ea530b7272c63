/**
 * Scale-out on PostgreSQL: two worker processes share the queue; the one running a solve is
 * killed (SIGKILL) mid-job; the job is retried on the other, its progress reaches this web node
 * through LISTEN/NOTIFY, and the result is written once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '@planmaat/db';
import { ORG_A, startHarness, type Harness } from './harness.ts';
import { readSse } from './sse.ts';

const pg = testDrivers.find((d) => d.name === 'pg')!;
const workerScript = fileURLToPath(new URL('./fixtures/worker-process.ts', import.meta.url));

interface WorkerProcess {
  child: ChildProcess;
  workerId: string;
}

function startWorkerProcess(url: string): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as { ready?: boolean; workerId: string };
        if (message.ready) resolve({ child, workerId: message.workerId });
      } catch {
        // other output
      }
    });
    child.once('exit', (code) => reject(new Error(`worker process exited early (${code})`)));
  });
}

describe.skipIf(!pg.available)('worker processes on PostgreSQL', () => {
  let h: Harness;
  const workers: WorkerProcess[] = [];
  beforeAll(async () => {
    // A short expiry margin: the killed worker's job must come back quickly.
    h = await startHarness(pg, { worker: false, config: { jobExpiryMarginSeconds: 3 } });
    workers.push(...(await Promise.all([startWorkerProcess(h.url!), startWorkerProcess(h.url!)])));
  });
  afterAll(async () => {
    for (const w of workers) {
      if (w.child.exitCode === null && w.child.signalCode === null) {
        const exited = new Promise((r) => w.child.once('exit', r));
        w.child.kill('SIGTERM');
        await exited;
      }
    }
    await h?.close();
  });

  it('retries a job elsewhere when its worker is killed mid-solve, and writes the result once', async () => {
    const planner = await h.login(ORG_A, 'planner');
    const periodId = h.data.rosterPeriods.find((p) => p.status === 'draft')!.id;
    const created = await planner.send('POST', '/api/jobs', {
      kind: 'test-roster',
      timeLimitSeconds: 4,
      params: { rosterPeriodId: periodId, stepMs: 80 },
    });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };

    let killed: WorkerProcess | undefined;
    const progressByWorker = new Map<string, number>();
    const owner = async () =>
      (await h.handle.executeSql('SELECT worker_id FROM solve_jobs WHERE id = $1', [id])).rows[0]
        ?.worker_id as string | null;
    const events = await readSse(await planner.get(`/api/jobs/${id}/events`), (event) => {
      if (event.event !== 'progress') return;
      void owner().then((workerId) => {
        if (workerId) progressByWorker.set(workerId, (progressByWorker.get(workerId) ?? 0) + 1);
        if (!killed && workerId) {
          killed = workers.find((w) => w.workerId === workerId)!;
          killed.child.kill('SIGKILL');
        }
      });
    });

    expect(killed).toBeDefined();
    const survivor = workers.find((w) => w !== killed)!;
    expect(events.at(-1)).toMatchObject({ event: 'status', data: { status: 'completed' } });
    const job = (await (await planner.get(`/api/jobs/${id}`)).json()) as {
      status: string;
      attempts: number;
      result: { stepsDone: number };
    };
    expect(job.status).toBe('completed');
    expect(job.attempts).toBe(2);
    expect(job.result.stepsDone).toBe(28);
    expect(await owner()).toBe(survivor.workerId);
    // Progress of the second attempt came from the other process, through LISTEN/NOTIFY.
    expect(progressByWorker.get(survivor.workerId) ?? 0).toBeGreaterThan(0);
    const proposals = await h.handle.executeSql(
      'SELECT count(*)::int AS n FROM proposals WHERE job_id = $1',
      [id],
    );
    expect(proposals.rows[0].n).toBe(1);
    const queueJob = await h.handle.executeSql(
      "SELECT retry_count FROM pgboss.job WHERE data->>'jobId' = $1 UNION ALL SELECT retry_count FROM pgboss.archive WHERE data->>'jobId' = $1",
      [id],
    );
    expect(queueJob.rows[0].retry_count).toBe(1);
  });
});
if (!pg.available) it.skip(`pg: ${pg.skipReason}`, () => undefined);
