/**
 * Worker-thread entry for the heavy, blocking computations behind /api/capacity and /api/insights:
 * the HiGHS recommendation (seconds of WebAssembly) and the demo organisation's generated history.
 * The HTTP thread stays free meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { recommendCapacity, type CapacityRequest } from '@planmaat/capacity';
import { generateWorkforceHistory } from '@planmaat/demo';
import { InputError, type OrganisationData } from '@planmaat/domain';
import { workerPayload } from '@planmaat/threads';

export type ComputeTask =
  | { kind: 'recommend'; data: OrganisationData; request: CapacityRequest }
  | { kind: 'history'; data: OrganisationData; seed: number; weeks: number };

export type ComputeAnswer =
  { ok: true; result: unknown } | { ok: false; message: string; inputError: boolean; where?: string };

async function run(task: ComputeTask): Promise<unknown> {
  if (task.kind === 'recommend') return recommendCapacity(task.data, task.request);
  return generateWorkforceHistory(task.data, { seed: task.seed, weeks: task.weeks });
}

try {
  const result = await run(workerPayload<ComputeTask>(workerData));
  parentPort!.postMessage({ ok: true, result } satisfies ComputeAnswer);
} catch (error) {
  const inputError = error instanceof InputError;
  parentPort!.postMessage({
    ok: false,
    message:
      inputError && error.where ? error.message.slice(error.where.length + 2) : (error as Error).message,
    inputError,
    where: inputError ? error.where : undefined,
  } satisfies ComputeAnswer);
}
