/**
 * `npm run bench`: every benchmark in turn, each printing its own table. The full run follows the
 * targets' settings and takes well over an hour (the roster and route benchmarks solve every
 * public instance at 60 s / 10 s); `npm run bench -- --quick` runs a short smoke version of each.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const quick = process.argv.includes('--quick');
const benches: Array<{ script: string; file: string; quickArgs: string[] }> = [
  { script: 'bench:rules', file: 'bench/rules.ts', quickArgs: [] },
  { script: 'bench:api', file: 'bench/api.ts', quickArgs: ['--seconds', '5'] },
  { script: 'bench:care', file: 'bench/care-roster.ts', quickArgs: ['--seconds', '10'] },
  { script: 'bench:nrp', file: 'bench/nrp.ts', quickArgs: ['--seconds', '5', '--instances', '1-4'] },
  { script: 'bench:routes', file: 'bench/routes.ts', quickArgs: ['--seconds', '1', '--set', 'solomon'] },
];

let failed = 0;
for (const bench of benches) {
  if (!existsSync(bench.file)) {
    console.log(`\n== ${bench.script}: not present, skipped`);
    continue;
  }
  console.log(`\n== npm run ${bench.script}${quick ? ` -- ${bench.quickArgs.join(' ')}` : ''}`);
  const result = spawnSync('node', ['--import', 'tsx', bench.file, ...(quick ? bench.quickArgs : [])], {
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed++;
    console.log(`== ${bench.script} exited with ${result.status}`);
  }
}
process.exitCode = failed ? 1 : 0;
