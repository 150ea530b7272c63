/**
 * The job queue: pg-boss on whichever database is open. On PostgreSQL any number of processes
 * share it; on PGlite it runs in-process through the handle's executeSql.
 */
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from './driver.ts';

export const SOLVE_QUEUE = 'planmaat-solve';

export interface QueueOptions {
  /** How often an idle worker polls (seconds, ≥ 0.5). */
  pollingIntervalSeconds?: number;
  /** How often expired jobs (a worker died) are sent back for retry (seconds). */
  maintenanceIntervalSeconds?: number;
  retryLimit?: number;
  retryDelaySeconds?: number;
}

export interface SolveMessage {
  jobId: string;
}

export interface QueuedJob {
  id: string;
  data: SolveMessage;
  retryCount: number;
  retryLimit: number;
}

export interface JobQueue {
  /** Queue a solve; it expires (and is retried elsewhere) when no result came after `expireInSeconds`. */
  enqueue(message: SolveMessage, expireInSeconds: number): Promise<string>;
  /** Handle solve jobs one at a time per slot; a thrown error makes pg-boss retry. */
  work(concurrency: number, handler: (job: QueuedJob) => Promise<void>): Promise<void>;
  cancel(queueJobId: string): Promise<void>;
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
  boss: PgBoss;
}

export async function startQueue(handle: DatabaseHandle, options: QueueOptions = {}): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => handle.executeSql(text, values) },
    schema: 'pgboss',
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
  } as PgBoss.ConstructorOptions);
  boss.on('error', (error: Error) => console.error('planmaat: queue error:', error.message));
  await boss.start();
  await boss
    .createQueue(SOLVE_QUEUE, {
      name: SOLVE_QUEUE,
      retryLimit: options.retryLimit ?? 2,
      retryDelay: options.retryDelaySeconds ?? 1,
    } as PgBoss.Queue)
    .catch(async (error: unknown) => {
      // Another process created it at the same moment.
      if (!(await boss.getQueue(SOLVE_QUEUE))) throw error;
    });
  const workerIds: string[] = [];
  return {
    boss,
    async enqueue(message, expireInSeconds) {
      const id = await boss.send(SOLVE_QUEUE, message, {
        expireInSeconds: Math.max(1, Math.ceil(expireInSeconds)),
        retryLimit: options.retryLimit ?? 2,
        retryDelay: options.retryDelaySeconds ?? 1,
      });
      if (!id) throw new Error('queue refused the job');
      // Wake local workers at once instead of waiting for their next poll.
      for (const workerId of workerIds) boss.notifyWorker(workerId);
      return id;
    },
    async work(concurrency, handler) {
      for (let slot = 0; slot < concurrency; slot++) {
        const workerId = await boss.work<SolveMessage>(
          SOLVE_QUEUE,
          {
            batchSize: 1,
            pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1,
            includeMetadata: true,
          },
          async (jobs) => {
            for (const job of jobs) {
              const meta = job as unknown as { retryCount?: number; retryLimit?: number };
              await handler({
                id: job.id,
                data: job.data,
                retryCount: meta.retryCount ?? 0,
                retryLimit: meta.retryLimit ?? 0,
              });
            }
          },
        );
        workerIds.push(workerId);
      }
    },
    async cancel(queueJobId) {
      await boss.cancel(SOLVE_QUEUE, queueJobId);
    },
    async stop({ graceful = true, timeoutMs = 30_000 } = {}) {
      await boss.stop({ graceful, timeout: timeoutMs, close: false, wait: true });
    },
  };
}
