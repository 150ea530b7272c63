import { describe, expect, it } from 'vitest';
import { startWorker } from './index.ts';

describe('startWorker', () => {
  it('runs a TypeScript worker entry and exchanges messages', async () => {
    const worker = startWorker(new URL('./echo-worker.fixture.ts', import.meta.url), { workerData: 21 });
    const answer = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    expect(answer).toBe(42);
    await worker.terminate();
  });
});
