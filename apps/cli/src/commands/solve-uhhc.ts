/**
 * `planmaat solve-uhhc INSTANCE.json --seconds N --out SOLUTION.json`: plan a UHHC home-care
 * instance and write the UHHC solution format. The written solution is re-scored by the
 * independent evaluator; the last line is `objective X violations V`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '@planmaat/domain';
import { evaluateUhhc, parseUhhc, solveUhhc } from '@planmaat/routes';
import { CliExit } from '../cli-exit.ts';
import { positiveNumber } from './solve-vrptw.ts';

export async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message})`, file);
  }
}

export function registerSolveUhhc(program: Command): void {
  program
    .command('solve-uhhc')
    .description('Plan een UHHC-thuiszorginstantie / plan a UHHC home-care instance (solution JSON out)')
    .argument('<instance>', 'UHHC instance JSON (e.g. ../shared/benchmarks/uhhc/instances/i-100.json)')
    .option('--seconds <n>', 'time limit in seconds', '60')
    .option('--seed <n>', 'random seed', '1')
    .option('--threads <n>', 'worker threads (independent searches)', '2')
    .option('--iterations <n>', 'iteration limit per thread (deterministic for a seed)')
    .option('--out <file>', 'write the solution JSON here')
    .option('--quiet', 'no progress on stderr')
    .action(
      async (
        file: string,
        opts: {
          seconds: string;
          seed: string;
          threads: string;
          iterations?: string;
          out?: string;
          quiet?: boolean;
        },
      ) => {
        const instance = parseUhhc(await readJson(file), file);
        const iterations =
          opts.iterations === undefined ? undefined : positiveNumber('iterations', opts.iterations, true);
        let lastShown = 0;
        const result = await solveUhhc(instance, {
          seed: positiveNumber('seed', opts.seed, true),
          threads: positiveNumber('threads', opts.threads, true),
          timeLimitMs: iterations === undefined ? positiveNumber('seconds', opts.seconds) * 1000 : undefined,
          maxIterations: iterations,
          inline: true,
          onProgress: (p) => {
            if (opts.quiet || p.elapsedMs - lastShown < 2000) return;
            lastShown = p.elapsedMs;
            process.stderr.write(
              `${(p.elapsedMs / 1000).toFixed(1)} s  iterations ${p.iteration}  objective ${p.bestObjective}\n`,
            );
          },
        });
        const check = evaluateUhhc(instance, JSON.parse(JSON.stringify(result.solution)));
        const solution = {
          ...result.solution,
          cost_components: check.values,
          cost: { objective: check.objective, violations: check.violations.length },
        };
        if (opts.out) await writeFile(opts.out, JSON.stringify(solution, null, 1) + '\n');
        if (check.objective !== result.objective)
          console.error(`evaluator ${check.objective} ≠ solver ${result.objective}`);
        for (const v of check.violations) console.error(`violation: ${v}`);
        console.log(`objective ${check.objective} violations ${check.violations.length}`);
        if (!check.feasible || check.objective !== result.objective) throw new CliExit(1);
      },
    );
}
