/**
 * Route optimiser benchmarks: `npm run bench:routes -- [--set solomon|uhhc|all] [--seconds N]
 * [--instances A,B] [--threads T] [--seed S]`. Each solution is written to bench-output/routes/,
 * read back from disk and re-scored by the independent evaluator; the table shows the solver's
 * value, the evaluator's, the reference (best known / published), the gap and the wall time.
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  evaluateSolomon,
  formatRoutes,
  gapPercent,
  parseRoutes,
  parseSolomon,
  solveSolomon,
} from '@planmaat/routes';
import { runUhhc } from './routes-uhhc.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared/benchmarks');

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'all' },
    seconds: { type: 'string' },
    instances: { type: 'string' },
    threads: { type: 'string', default: '2' },
    seed: { type: 'string', default: '1' },
  },
});

const threads = Number(values.threads);
const seed = Number(values.seed);
const subset = values.instances ? new Set(values.instances.split(',').map((s) => s.trim())) : undefined;

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
}

async function runSolomon(seconds: number): Promise<void> {
  const dir = path.join(shared, 'solomon');
  const bks = new Map<string, number>();
  for (const line of (await readFile(path.join(dir, 'bks_distance.csv'), 'utf8'))
    .trim()
    .split(/\r?\n/)
    .slice(1)) {
    const [name, , distance] = line.split(',');
    bks.set(name, Number(distance));
  }
  const names = (await readdir(dir))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''))
    .filter((n) => !subset || subset.has(n))
    .sort();
  const outDir = path.join(root, 'bench-output', 'routes', `solomon-${seconds}s`);
  await mkdir(outDir, { recursive: true });
  console.log(
    `\nSolomon VRPTW — ${names.length} instances, ${seconds} s each, ${threads} threads, seed ${seed}`,
  );
  console.log('objective: total distance; reference: distance-only best known (bks_distance.csv)\n');
  const widths = [8, 4, 10, 10, 10, 7, 8, 6, 8];
  console.log(
    row(['instance', 'veh', 'solver', 'evaluator', 'BKS', 'gap %', 'feasible', 'agree', 'time s'], widths),
  );
  const gaps: number[] = [];
  let feasible = 0;
  let agree = 0;
  for (const name of names) {
    const instance = parseSolomon(await readFile(path.join(dir, `${name}.txt`), 'utf8'), name);
    const started = performance.now();
    const result = await solveSolomon(instance, { timeLimitMs: seconds * 1000, threads, seed, inline: true });
    const wall = (performance.now() - started) / 1000;
    const file = path.join(outDir, `${name}.txt`);
    const reported = result.distance.toFixed(2);
    await writeFile(
      file,
      formatRoutes(result.routes, `# ${name} vehicles ${result.vehicles} distance ${reported}`),
    );
    const check = evaluateSolomon(instance, parseRoutes(await readFile(file, 'utf8'), file));
    const same = check.distance.toFixed(2) === reported && check.vehicles === result.vehicles;
    const reference = bks.get(name) ?? NaN;
    const gap = gapPercent(Number(check.distance.toFixed(2)), reference);
    gaps.push(gap);
    if (check.feasible) feasible++;
    if (same) agree++;
    console.log(
      row(
        [
          name,
          check.vehicles,
          reported,
          check.distance.toFixed(2),
          reference.toFixed(2),
          gap.toFixed(2),
          check.feasible ? 'yes' : 'NO',
          same ? 'yes' : 'NO',
          wall.toFixed(1),
        ],
        widths,
      ),
    );
    if (!check.feasible) console.log(`  violations: ${check.violations.slice(0, 5).join('; ')}`);
  }
  const mean = gaps.reduce((a, b) => a + b, 0) / Math.max(1, gaps.length);
  console.log(
    `\nSolomon ${seconds} s: mean gap ${mean.toFixed(2)} %, max ${Math.max(...gaps).toFixed(2)} %, ` +
      `feasible ${feasible}/${names.length}, solver = evaluator ${agree}/${names.length}; solutions in ${path.relative(root, outDir)}`,
  );
}

const set = values.set;
if (set !== 'solomon' && set !== 'uhhc' && set !== 'all') {
  console.error(`--set: expected solomon, uhhc or all, got "${set}"`);
  process.exit(2);
}
if (set === 'solomon' || set === 'all') await runSolomon(Number(values.seconds ?? 10));
if (set === 'uhhc' || set === 'all')
  await runUhhc({ root, shared, seconds: Number(values.seconds ?? 60), threads, seed, subset });
