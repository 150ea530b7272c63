/**
 * The worker role: takes solve jobs from the queue, runs each in a worker thread, streams progress
 * (stored for late viewers, NOTIFY for live ones) and writes the result once. A worker that dies
 * mid-solve leaves its queue job active until it expires; pg-boss then retries it on any worker.
 */
import os from 'node:os';
import {
  completeJob,
  failJobAttempt,
  getJob,
  getJobForWorker,
  recordProgress,
  startJobAttempt,
  type DatabaseHandle,
  type JobQueue,
  type QueuedJob,
} from '@planmaat/db';
import { ZodError } from 'zod';
import { NotFoundError, RuleViolationError } from '@planmaat/db';
import { JOB_CANCEL_CHANNEL, publishJobEvent } from './events.ts';
import type { SolveProgress, SolverRegistry } from './solver-port.ts';
import { runInThread, SolveCancelledError } from './thread-runner.ts';

export interface WorkerOptions {
  handle: DatabaseHandle;
  queue: JobQueue;
  solvers: SolverRegistry;
  /** Solves run at once in this process (each in its own thread). */
  concurrency?: number;
  workerId?: string;
  /** Minimum interval between stored progress points. */
  progressWriteMs?: number;
}

export interface JobWorkers {
  workerId: string;
  /** Stop taking jobs; running solves are interrupted and handed back to the queue for a retry. */
  stop(): Promise<void>;
}

class ShutdownError extends Error {
  constructor() {
    super('worker shut down during the solve; the job is retried');
    this.name = 'ShutdownError';
  }
}

export async function startJobWorkers(options: WorkerOptions): Promise<JobWorkers> {
  const { handle, queue, solvers } = options;
  const db = handle.db;
  const workerId = options.workerId ?? `${os.hostname()}:${process.pid}`;
  const progressWriteMs = options.progressWriteMs ?? 500;
  const running = new Map<string, AbortController>();
  let shuttingDown = false;

  const unlisten = await handle.listen(JOB_CANCEL_CHANNEL, (payload) => {
    try {
      running.get((JSON.parse(payload) as { jobId: string }).jobId)?.abort();
    } catch {
      // malformed payload: ignore
    }
  });

  async function runJob(queued: QueuedJob): Promise<void> {
    if (shuttingDown) throw new ShutdownError();
    const jobId = queued.data.jobId;
    const job = await startJobAttempt(db, jobId, workerId);
    if (!job) return; // finished, cancelled or unknown: nothing to do, acknowledge
    const controller = new AbortController();
    running.set(jobId, controller);
    await publishJobEvent(handle, { jobId, type: 'status', status: 'running' });
    // A cancel may have arrived before we listened for it.
    if ((await getJobForWorker(db, jobId))?.cancelRequested) controller.abort();

    let lastWrite = 0;
    let pending: SolveProgress | undefined;
    let writes = Promise.resolve();
    const flush = () => {
      if (!pending) return;
      const point = pending;
      pending = undefined;
      lastWrite = Date.now();
      writes = writes
        .then(() => recordProgress(db, jobId, workerId, point))
        .then(() => publishJobEvent(handle, { jobId, type: 'progress', ...point }))
        .catch((error: Error) => console.error(`planmaat: progress of job ${jobId}:`, error.message));
    };
    const onProgress = (progress: SolveProgress) => {
      pending = { elapsedMs: Math.round(progress.elapsedMs), score: progress.score };
      if (Date.now() - lastWrite >= progressWriteMs) flush();
    };

    try {
      const plugin = solvers.get(job.kind);
      if (!plugin) throw new Error(`geen solver voor soort ${job.kind} / no solver for kind ${job.kind}`);
      const params = plugin.paramsSchema.parse(job.params);
      const prepared = await plugin.prepare(db, job.organisationId, params);
      const result = await runInThread(plugin, prepared.input, {
        signal: controller.signal,
        timeLimitMs: job.timeLimitSeconds * 1000,
        onProgress,
      });
      flush();
      await writes;
      if (shuttingDown) throw new ShutdownError();
      if (controller.signal.aborted) {
        await completeJob(db, jobId, { result, status: 'cancelled' });
        await publishJobEvent(handle, { jobId, type: 'status', status: 'cancelled' });
        return;
      }
      const proposal = plugin.toProposal(result, prepared);
      if (proposal && plugin.scoreOf) proposal.score = plugin.scoreOf(result);
      await completeJob(db, jobId, { result, proposal });
      const finished = await getJob(db, job.organisationId, jobId);
      await publishJobEvent(handle, {
        jobId,
        type: 'status',
        status: finished.status,
        proposalId: finished.proposalId,
      });
    } catch (error) {
      flush();
      await writes;
      if (!shuttingDown && (error instanceof SolveCancelledError || controller.signal.aborted)) {
        await completeJob(db, jobId, { result: null, status: 'cancelled' });
        await publishJobEvent(handle, { jobId, type: 'status', status: 'cancelled' });
        return;
      }
      const message = shuttingDown
        ? new ShutdownError().message
        : error instanceof Error
          ? error.message
          : String(error);
      // Bad input fails the same way on every worker: no retry for it.
      const deterministic =
        !shuttingDown &&
        (error instanceof RuleViolationError || error instanceof NotFoundError || error instanceof ZodError);
      const willRetry = !deterministic && queued.retryCount < queued.retryLimit;
      await failJobAttempt(db, jobId, message, willRetry);
      await publishJobEvent(handle, {
        jobId,
        type: 'status',
        status: willRetry ? 'queued' : 'failed',
        error: message,
      });
      if (!deterministic) throw error;
    } finally {
      running.delete(jobId);
    }
  }

  await queue.work(options.concurrency ?? 1, runJob);

  return {
    workerId,
    async stop() {
      shuttingDown = true;
      for (const controller of running.values()) controller.abort();
      await queue.stop({ graceful: true, timeoutMs: 10_000 });
      await unlisten();
    },
  };
}
