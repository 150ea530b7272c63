import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** ../shared/benchmarks relative to the repository root. */
export const BENCHMARKS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/benchmarks',
);
export const hasSolomon = existsSync(path.join(BENCHMARKS, 'solomon', 'C101.txt'));
export const hasUhhc = existsSync(path.join(BENCHMARKS, 'uhhc', 'instances', 'i-116.json'));
export const readBenchmark = (...parts: string[]) => readFileSync(path.join(BENCHMARKS, ...parts), 'utf8');
if (!hasSolomon || !hasUhhc)
  console.warn(`benchmark folder ${BENCHMARKS} not found: benchmark tests are skipped`);
