/**
 * `planmaat solve-vrptw INSTANCE.txt --seconds N --out ROUTES.txt`: solve a Solomon VRPTW instance.
 * Writes one `Route k : …` line per vehicle and prints `vehicles V distance D` as the last line.
 * The written routes are re-checked by the independent evaluator; a violation ends with exit 1.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '@planmaat/domain';
import { evaluateSolomon, formatRoutes, parseSolomon, solveSolomon } from '@planmaat/routes';
import { CliExit } from '../cli-exit.ts';

export function positiveNumber(name: string, value: string, integer = false): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n)))
    throw new InputError(`expected a ${integer ? 'whole ' : ''}number ≥ 0, got "${value}"`, `--${name}`);
  return n;
}

export function registerSolveVrptw(program: Command): void {
  program
    .command('solve-vrptw')
    .description('Los een Solomon VRPTW-instantie op / solve a Solomon VRPTW instance (routes file out)')
    .argument('<instance>', 'Solomon instance file (e.g. ../shared/benchmarks/solomon/C101.txt)')
    .option('--seconds <n>', 'time limit in seconds', '10')
    .option('--seed <n>', 'random seed', '1')
    .option('--threads <n>', 'worker threads (independent searches)', '2')
    .option('--iterations <n>', 'iteration limit per thread (deterministic for a seed)')
    .option(
      '--objective <kind>',
      'distance (total distance) or vehicles (fewest vehicles, then distance)',
      'distance',
    )
    .option('--out <file>', 'write the routes here')
    .option('--quiet', 'no progress on stderr')
    .action(
      async (
        file: string,
        opts: {
          seconds: string;
          seed: string;
          threads: string;
          iterations?: string;
          objective: string;
          out?: string;
          quiet?: boolean;
        },
      ) => {
        if (opts.objective !== 'distance' && opts.objective !== 'vehicles')
          throw new InputError(`expected distance or vehicles, got "${opts.objective}"`, '--objective');
        const instance = parseSolomon(await readFile(file, 'utf8'), file);
        const seconds = positiveNumber('seconds', opts.seconds);
        const iterations =
          opts.iterations === undefined ? undefined : positiveNumber('iterations', opts.iterations, true);
        const controller = new AbortController();
        const onSigint = () => controller.abort();
        process.once('SIGINT', onSigint);
        let lastShown = 0;
        const result = await solveSolomon(instance, {
          seed: positiveNumber('seed', opts.seed, true),
          threads: positiveNumber('threads', opts.threads, true),
          inline: true,
          timeLimitMs: iterations === undefined ? seconds * 1000 : undefined,
          maxIterations: iterations,
          objective: opts.objective,
          signal: controller.signal,
          onProgress: (p) => {
            if (opts.quiet || p.elapsedMs - lastShown < 1000) return;
            lastShown = p.elapsedMs;
            process.stderr.write(
              `${(p.elapsedMs / 1000).toFixed(1)} s  iterations ${p.iteration}  vehicles ${p.bestVehicles}  distance ${p.bestDistance.toFixed(2)}\n`,
            );
          },
        }).finally(() => process.off('SIGINT', onSigint));
        const summary = `vehicles ${result.vehicles} distance ${result.distance.toFixed(2)}`;
        if (opts.out) await writeFile(opts.out, formatRoutes(result.routes, `# ${instance.name} ${summary}`));
        const check = evaluateSolomon(instance, result.routes);
        if (!check.feasible) {
          console.error(`infeasible: ${check.violations.join('; ')}`);
          console.log(summary);
          throw new CliExit(1);
        }
        console.log(summary);
      },
    );
}
