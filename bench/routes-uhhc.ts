/** UHHC part of bench/routes.ts: solve, write, re-read and re-score every instance. */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { evaluateUhhc, parseUhhc, solveUhhc } from '@planmaat/routes';

export interface UhhcBenchOptions {
  root: string;
  shared: string;
  seconds: number;
  threads: number;
  seed: number;
  subset?: Set<string>;
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i])).join('  ');
}

export async function runUhhc(options: UhhcBenchOptions): Promise<void> {
  const dir = path.join(options.shared, 'uhhc');
  const published = new Map<string, number>();
  for (const line of (await readFile(path.join(dir, 'published_sa.csv'), 'utf8'))
    .trim()
    .split(/\r?\n/)
    .slice(1)) {
    const [name, objective] = line.split(',');
    published.set(name, Number(objective));
  }
  const names = (await readdir(path.join(dir, 'instances')))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .filter((n) => !options.subset || options.subset.has(n))
    .sort();
  const outDir = path.join(options.root, 'bench-output', 'routes', `uhhc-${options.seconds}s`);
  await mkdir(outDir, { recursive: true });
  console.log(
    `\nUHHC home care — ${names.length} instances, ${options.seconds} s each, ${options.threads} threads, seed ${options.seed}`,
  );
  console.log(
    'objective: weighted UHHC cost; reference: published simulated-annealing result (published_sa.csv)\n',
  );
  const widths = [6, 9, 9, 9, 8, 10, 8, 7];
  console.log(row(['name', 'solver', 'evaluator', 'SA', 'gap %', 'violations', 'agree', 'time s'], widths));
  let atOrBelow = 0;
  let feasible = 0;
  let agree = 0;
  const gaps: number[] = [];
  for (const name of names) {
    const instance = parseUhhc(
      JSON.parse(await readFile(path.join(dir, 'instances', `${name}.json`), 'utf8')),
      name,
    );
    const started = performance.now();
    const result = await solveUhhc(instance, {
      timeLimitMs: options.seconds * 1000,
      threads: options.threads,
      seed: options.seed,
      inline: true,
    });
    const wall = (performance.now() - started) / 1000;
    const file = path.join(outDir, `${name}.json`);
    await writeFile(file, JSON.stringify(result.solution) + '\n');
    const check = evaluateUhhc(instance, JSON.parse(await readFile(file, 'utf8')), file);
    const reference = published.get(name) ?? NaN;
    const gap = 100 * (check.objective / reference - 1);
    gaps.push(gap);
    const same = check.objective === result.objective;
    if (check.feasible) feasible++;
    if (same) agree++;
    if (check.feasible && check.objective <= reference) atOrBelow++;
    console.log(
      row(
        [
          name,
          result.objective,
          check.objective,
          reference,
          gap.toFixed(1),
          check.violations.length,
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
    `\nUHHC ${options.seconds} s: feasible (0 violations) ${feasible}/${names.length}, at or below the published SA ${atOrBelow}/${names.length}, ` +
      `mean gap ${mean.toFixed(1)} %, solver = evaluator ${agree}/${names.length}; solutions in ${path.relative(options.root, outDir)}`,
  );
}
