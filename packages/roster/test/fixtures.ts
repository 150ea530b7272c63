/** Tiny hand-made instances with hand-computed scores, and access to the shared benchmark. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseNrpInstance, type NrpInstance } from '../src/index.ts';

export const BENCHMARK_DIR = fileURLToPath(
  new URL('../../../../shared/benchmarks/curtois-qu/', import.meta.url),
);
export const hasBenchmark = existsSync(BENCHMARK_DIR);
if (!hasBenchmark)
  console.warn(`Curtois-Qu benchmark not found at ${BENCHMARK_DIR}: benchmark tests are skipped`);

export function loadBenchmark(i: number): NrpInstance {
  return parseNrpInstance(readFileSync(`${BENCHMARK_DIR}Instance${i}.txt`, 'utf8'), `Instance${i}`);
}

/**
 * A: L L E E E . .  →  L→E forbidden (1), 3 × E > 2 (1), 2640 min > 2400 (1), 5 days in a row with
 *    max 3 (2 windows) = 5; on-request E day 0 missed (2), off-request L day 1 hit (3).
 * B: . E . L E L .  →  L→E day 3–4 (1), works listed day off 1 (1) = 2; off-request E day 4 hit (1).
 * Cover: day 0 E 0/1 (100), day 2 E 1/2 (100), day 4 E 2/1 (1), day 5 L 1/0 (1) = 202.
 * Objective 2 + 3 + 1 + 202 = 208, hard 7.
 */
export const TINY_A = `# hand-made
SECTION_HORIZON
7

SECTION_SHIFTS
E,480,
L,600,E

SECTION_STAFF
A,E=2|L=7,2400,1440,3,2,2,0
B,,3000,0,7,1,1,1

SECTION_DAYS_OFF
A,6
B,0,1

SECTION_SHIFT_ON_REQUESTS
A,0,E,2
B,3,L,5

SECTION_SHIFT_OFF_REQUESTS
A,1,L,3
B,4,E,1

SECTION_COVER
0,E,1,100,1
1,L,1,100,1
2,E,2,100,1
4,E,1,100,1
5,L,0,100,1
`;
export const TINY_A_ROSTER = 'L\tL\tE\tE\tE\t\t\n\tE\t\tL\tE\tL\t\n';

/**
 * X: D . D D D . . D D . D D D D  →  edge block day 0 exempt; interior off block day 1 (1),
 *    work block 7–8 shorter than 3 (1), off block day 9 (1); weekend 2 worked with max 0 (1) = 4.
 * Y: all off (one edge block, exempt); on-request day 3 missed (4). Objective 4, hard 4.
 */
export const TINY_B = `SECTION_HORIZON
14

SECTION_SHIFTS
D,480,

SECTION_STAFF
X,D=14,99999,0,14,3,2,0
Y,D=14,99999,0,14,3,2,2

SECTION_SHIFT_ON_REQUESTS
Y,3,D,4
`;
export const TINY_B_ROSTER = 'D\t\tD\tD\tD\t\t\tD\tD\t\tD\tD\tD\tD\n' + '\t'.repeat(13) + '\n';
