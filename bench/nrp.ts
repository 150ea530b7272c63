/**
 * Curtois & Qu benchmark: `npm run bench:nrp -- [--seconds 60] [--instances 1-12] [--threads 2]
 * [--seed 1] [--no-mip] [--no-exact]`. For each instance: our solver (portfolio of --threads searches), its
 * roster written to bench-output/nrp/ and re-scored from disk by the independent evaluator; then
 * the general MIP baseline (HiGHS on a straightforward 0-1 model) with the same time limit in the
 * same process. The solver stops early when it reaches the instance's published lower bound.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  evaluateNrpRoster,
  formatRosterTsv,
  parseNrpInstance,
  parseRosterTsv,
  solveNrp,
  solveNrpMip,
  type NrpSolveOptions,
} from '@planmaat/roster';
import { defaultThreadCount } from '@planmaat/threads';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(root, '../shared/benchmarks/curtois-qu');

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    instances: { type: 'string', default: '1-24' },
    threads: { type: 'string' },
    seed: { type: 'string', default: '1' },
    'no-mip': { type: 'boolean', default: false },
    /** Keep all threads on the local search (A/B of the column-generation companion). */
    'no-exact': { type: 'boolean', default: false },
    /** Iteration limit per thread instead of a time limit (deterministic for seed + threads). */
    iterations: { type: 'string' },
    /** JSON tuning for A/B runs, e.g. '{"moveWeights":{"priceChain":0.05}}' (merged over the defaults). */
    tuning: { type: 'string' },
    /** Sub-folder of bench-output/nrp, so that concurrent A/B runs do not overwrite each other. */
    label: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const threads = values.threads ? Number(values.threads) : defaultThreadCount();
const seed = Number(values.seed);
if (!(seconds > 0) || !(threads >= 1)) throw new Error('--seconds and --threads must be positive');
const maxIterations = values.iterations ? Number(values.iterations) : undefined;
const tuning = values.tuning ? (JSON.parse(values.tuning) as NrpSolveOptions['tuning']) : undefined;
const outDir = path.join(root, 'bench-output/nrp', values.label ?? '');

function parseList(text: string): number[] {
  const result: number[] = [];
  for (const part of text.split(',')) {
    const [a, b] = part.split('-').map(Number);
    for (let i = a; i <= (b ?? a); i++) if (i >= 1 && i <= 24) result.push(i);
  }
  return result;
}

const known = new Map<string, { best: number; bound: number }>();
for (const line of (await readFile(path.join(dir, 'best_known.csv'), 'utf8'))
  .trim()
  .split(/\r?\n/)
  .slice(1)) {
  const [name, best, bound] = line.split(',');
  known.set(name, { best: Number(best), bound: Number(bound) });
}

const widths = [10, 9, 4, 9, 7, 6, 9, 4, 8, 6, 22];
const row = (cells: (string | number)[]) => cells.map((c, i) => String(c).padStart(widths[i])).join(' ');
const gap = (value: number, best: number) => (((value - best) / best) * 100).toFixed(2);

await mkdir(outDir, { recursive: true });
console.log(
  `Curtois & Qu, ${maxIterations ? `${maxIterations} iterations (time limit ${seconds} s)` : `${seconds} s`} per instance, ${threads} thread(s), seed ${seed}; MIP baseline: ${values['no-mip'] ? 'off' : `HiGHS, ${seconds} s, 1 thread`}`,
);
console.log(
  row([
    'instance',
    'objective',
    'hard',
    'best',
    'gap %',
    'time s',
    'MIP obj',
    'hard',
    'MIP gap%',
    'time s',
    'MIP status',
  ]),
);

interface Line {
  i: number;
  objective: number;
  hard: number;
  best: number;
  mip?: number;
  mipHard?: number;
}
const lines: Line[] = [];
for (const i of parseList(values.instances)) {
  const name = `Instance${i}`;
  let instance;
  try {
    instance = parseNrpInstance(await readFile(path.join(dir, `${name}.txt`), 'utf8'), name);
  } catch (error) {
    console.log(`${name.padStart(widths[0])} not run: ${(error as Error).message}`);
    continue;
  }
  const { best, bound } = known.get(name)!;

  const result = await solveNrp(instance, {
    seconds,
    maxIterations,
    threads,
    seed,
    lowerBound: bound,
    tuning,
    exactCompanion: values['no-exact'] ? false : 'auto',
  });
  const file = path.join(outDir, `${name}.tsv`);
  await writeFile(file, formatRosterTsv(result.roster));
  const check = evaluateNrpRoster(instance, parseRosterTsv(await readFile(file, 'utf8'), instance, file));
  if (check.objective !== result.objective || check.hardViolations !== result.hardViolations)
    console.log(
      `  MISMATCH ${name}: solver ${result.objective}/${result.hardViolations}, evaluator ${check.objective}/${check.hardViolations}`,
    );
  const line: Line = { i, objective: check.objective, hard: check.hardViolations, best };

  let mipCells: (string | number)[] = ['-', '-', '-', '-', 'off'];
  if (!values['no-mip']) {
    const mip = await solveNrpMip(instance, seconds);
    if (mip.roster) {
      await writeFile(path.join(outDir, `${name}.mip.tsv`), formatRosterTsv(mip.roster));
      const mipCheck = evaluateNrpRoster(instance, mip.roster);
      line.mip = mipCheck.objective;
      line.mipHard = mipCheck.hardViolations;
      mipCells = [
        mipCheck.objective,
        mipCheck.hardViolations,
        gap(mipCheck.objective, best),
        (mip.elapsedMs / 1000).toFixed(1),
        mip.status,
      ];
    } else mipCells = ['none', '-', '-', (mip.elapsedMs / 1000).toFixed(1), mip.status];
  }
  lines.push(line);
  console.log(
    row([
      name,
      check.objective,
      check.hardViolations,
      best,
      gap(check.objective, best),
      (result.elapsedMs / 1000).toFixed(1),
      ...mipCells,
    ]),
  );
  if (result.exact)
    console.log(
      `  exact companion (column generation in 1 of ${threads} threads): ${result.exact.status}, ` +
        `${result.exact.objective ?? 'no roster'}${result.exact.hardViolations ? ` (hard ${result.exact.hardViolations})` : ''}` +
        `${result.exact.lowerBound !== undefined ? `, proven bound ${result.exact.lowerBound}` : ''}, ` +
        `${result.exact.used ? 'its rosters went into the result' : 'not used'}, ${(result.exact.elapsedMs / 1000).toFixed(1)} s`,
    );
}

const feasible = lines.filter((l) => l.hard === 0);
const meanGap = (from: number, to: number) => {
  const set = lines.filter((l) => l.i >= from && l.i <= to);
  if (set.length === 0) return '-';
  const infeasible = set.filter((l) => l.hard > 0).length;
  if (infeasible > 0) return `n/a (infeasible on ${infeasible} of ${set.length})`;
  return `${((set.reduce((sum, l) => sum + (l.objective - l.best) / l.best, 0) / set.length) * 100).toFixed(2)} % over ${set.length}`;
};
const atBest = lines.filter((l) => l.i <= 12 && l.hard === 0 && l.objective <= l.best).length;
const mipFeasible = (l: Line) => l.mip !== undefined && l.mipHard === 0;
const better = lines.filter((l) => l.hard === 0 && (!mipFeasible(l) || l.objective < l.mip!)).length;
const equal = lines.filter((l) => l.hard === 0 && mipFeasible(l) && l.objective === l.mip).length;
const worse = lines.filter((l) => mipFeasible(l) && (l.hard > 0 || l.objective > l.mip!)).length;
const neither = lines.filter((l) => l.hard > 0 && !mipFeasible(l)).length;
console.log(`feasible: ${feasible.length}/${lines.length}`);
console.log(`best known reached on 1-12: ${atBest}/${lines.filter((l) => l.i <= 12).length}`);
console.log(`mean gap 13-19: ${meanGap(13, 19)}; 20-24: ${meanGap(20, 24)}`);
if (!values['no-mip'])
  console.log(
    `vs MIP baseline: better on ${better}, equal on ${equal}, worse on ${worse}, neither feasible on ${neither}`,
  );
if (values.tuning) console.log(`tuning ${values.tuning}`);
console.log(`rosters in ${path.relative(root, outDir)}/ (re-score: planmaat eval-nrp INSTANCE ROSTER)`);
