/** Runs a compute task in a worker thread; the demo history is made once per organisation. */
import { startWorker } from '@planmaat/threads';
import type { CapacityRequest, Recommendation } from '@planmaat/capacity';
import type { WorkforceHistory } from '@planmaat/demo';
import { InputError, type OrganisationData } from '@planmaat/domain';
import type { ComputeAnswer, ComputeTask } from './compute-thread.ts';

function inThread<T>(task: ComputeTask): Promise<T> {
  const worker = startWorker(new URL('./compute-thread.ts', import.meta.url), { workerData: task });
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.once('message', (answer: ComputeAnswer) =>
      finish(() => {
        if (answer.ok) resolve(answer.result as T);
        else if (answer.inputError) reject(new InputError(answer.message, answer.where));
        else reject(new Error(answer.message));
      }),
    );
    worker.once('error', (error) => finish(() => reject(error)));
    worker.once('exit', (code) => finish(() => reject(new Error(`compute thread exited (${code})`))));
  });
}

/** The HiGHS hiring/training mix; deterministic for the same data and request. */
export function recommendInThread(data: OrganisationData, request: CapacityRequest): Promise<Recommendation> {
  return inThread<Recommendation>({ kind: 'recommend', data, request });
}

/** Seed and length of the demo history, as `planmaat insight demo-history` writes by default. */
export const DEMO_HISTORY = { seed: 1, weeks: 52 } as const;
const histories = new Map<string, Promise<WorkforceHistory>>();

/** The demo organisation's past (former staff, a year of rosters, absences, flags), made once. */
export function demoHistory(data: OrganisationData): Promise<WorkforceHistory> {
  const key = data.organisation.id;
  let history = histories.get(key);
  if (!history) {
    history = inThread<WorkforceHistory>({ kind: 'history', data, ...DEMO_HISTORY });
    histories.set(key, history);
    history.catch(() => histories.delete(key));
  }
  return history;
}
