/**
 * Follows a solve job over Server-Sent Events: a `snapshot` first, then `progress` and `status`
 * events until a final status. Falls back to polling when the stream breaks.
 */
import { jobs } from './endpoints.ts';
import type { JobStatus, ProgressPoint, SolveJob } from './types.ts';

export interface JobListener {
  onSnapshot(job: SolveJob): void;
  onProgress(point: ProgressPoint): void;
  onStatus(status: JobStatus, detail: { error?: string | null; proposalId?: string | null }): void;
}

const TERMINAL = new Set<JobStatus>(['completed', 'failed', 'cancelled']);

export function followJob(jobId: string, listener: JobListener): () => void {
  let stopped = false;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  const source = new EventSource(jobs.eventsUrl(jobId), { withCredentials: true });
  let finished = false;

  const finish = (status: JobStatus, detail: { error?: string | null; proposalId?: string | null }) => {
    if (finished) return;
    finished = true;
    source.close();
    listener.onStatus(status, detail);
  };

  source.addEventListener('snapshot', (e) => {
    const job = JSON.parse((e as MessageEvent<string>).data) as SolveJob;
    listener.onSnapshot(job);
    if (TERMINAL.has(job.status)) finish(job.status, { error: job.error, proposalId: job.proposalId });
  });
  source.addEventListener('progress', (e) => {
    listener.onProgress(JSON.parse((e as MessageEvent<string>).data) as ProgressPoint);
  });
  source.addEventListener('status', (e) => {
    const data = JSON.parse((e as MessageEvent<string>).data) as {
      status: JobStatus;
      error?: string | null;
      proposalId?: string | null;
    };
    if (TERMINAL.has(data.status)) finish(data.status, data);
    else listener.onStatus(data.status, data);
  });
  source.onerror = () => {
    if (finished || stopped) return;
    // The stream broke (proxy, restart): poll until the job ends.
    source.close();
    const poll = async () => {
      if (stopped || finished) return;
      try {
        const job = await jobs.get(jobId);
        listener.onSnapshot(job);
        if (TERMINAL.has(job.status))
          return finish(job.status, { error: job.error, proposalId: job.proposalId });
      } catch {
        // keep trying
      }
      pollTimer = setTimeout(() => void poll(), 1000);
    };
    void poll();
  };

  return () => {
    stopped = true;
    source.close();
    if (pollTimer) clearTimeout(pollTimer);
  };
}
