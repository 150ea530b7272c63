/**
 * Job events across processes: workers NOTIFY on one channel, every web node LISTENs once and fans
 * the events out to its Server-Sent-Event streams. Works the same on PGlite (in-process) and
 * PostgreSQL (across machines).
 */
import type { DatabaseHandle, JobStatus } from '@planmaat/db';

export const JOB_EVENTS_CHANNEL = 'planmaat_job_events';
export const JOB_CANCEL_CHANNEL = 'planmaat_job_cancel';

export type JobEvent =
  | { jobId: string; type: 'progress'; elapsedMs: number; score: number }
  | { jobId: string; type: 'status'; status: JobStatus; error?: string | null; proposalId?: string | null };

export function publishJobEvent(handle: DatabaseHandle, event: JobEvent): Promise<void> {
  return handle.notify(JOB_EVENTS_CHANNEL, JSON.stringify(event));
}

export function publishCancel(handle: DatabaseHandle, jobId: string): Promise<void> {
  return handle.notify(JOB_CANCEL_CHANNEL, JSON.stringify({ jobId }));
}

export class JobEventHub {
  private readonly subscribers = new Map<string, Set<(event: JobEvent) => void>>();
  private unlisten?: () => Promise<void>;

  constructor(private readonly handle: DatabaseHandle) {}

  async start(): Promise<void> {
    this.unlisten = await this.handle.listen(JOB_EVENTS_CHANNEL, (payload) => {
      let event: JobEvent;
      try {
        event = JSON.parse(payload) as JobEvent;
      } catch {
        return;
      }
      for (const subscriber of this.subscribers.get(event.jobId) ?? []) subscriber(event);
    });
  }

  subscribe(jobId: string, subscriber: (event: JobEvent) => void): () => void {
    let set = this.subscribers.get(jobId);
    if (!set) this.subscribers.set(jobId, (set = new Set()));
    set.add(subscriber);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.subscribers.delete(jobId);
    };
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.subscribers.clear();
  }
}
