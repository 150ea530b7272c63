/**
 * `planmaat solve-nrp INSTANCE.txt --seconds N --out ROSTER.tsv`: solve a Curtois & Qu
 * shift-scheduling instance. Writes the roster (one tab-separated line per employee) and prints
 * `objective X hard Y` as the last line; a roster with hard violations ends with exit code 1.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { defaultThreadCount } from '@planmaat/threads';
import { formatRosterTsv, parseNrpInstance, solveNrp } from '@planmaat/roster';
import { CliExit } from '../cli-exit.ts';
import { integerOption, numberOption } from '../options.ts';

interface SolveNrpOptions {
  seconds: string;
  seed: string;
  threads?: string;
  iterations?: string;
  lowerBound?: string;
  out?: string;
  quiet?: boolean;
}

export function registerSolveNrp(program: Command): void {
  program
    .command('solve-nrp')
    .description(
      'Maak een rooster voor een Curtois & Qu-instantie / solve a Curtois & Qu shift-scheduling instance',
    )
    .argument('<instance>', 'instance file, e.g. ../shared/benchmarks/curtois-qu/Instance1.txt')
    .option('--seconds <n>', 'time limit in seconds', '10')
    .option('--seed <n>', 'random seed', '1')
    .option('--threads <n>', 'worker threads, one independent search each (default: all cores)')
    .option('--iterations <n>', 'iteration limit per thread instead of a time limit (reproducible)')
    .option('--lower-bound <n>', 'stop as soon as a feasible roster reaches this (proven) objective')
    .option('--out <file>', 'write the roster here (tab-separated, one line per employee)')
    .option('--quiet', 'no progress on stderr')
    .action(async (file: string, opts: SolveNrpOptions) => {
      const instance = parseNrpInstance(await readFile(file, 'utf8'), basename(file));
      const iterations =
        opts.iterations === undefined ? undefined : integerOption('--iterations', opts.iterations, 1);
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      const result = await solveNrp(instance, {
        seconds: iterations === undefined ? numberOption('--seconds', opts.seconds, 0.1) : undefined,
        maxIterations: iterations,
        seed: integerOption('--seed', opts.seed, 0),
        threads:
          opts.threads === undefined ? defaultThreadCount() : integerOption('--threads', opts.threads, 1, 64),
        lowerBound:
          opts.lowerBound === undefined ? undefined : integerOption('--lower-bound', opts.lowerBound, 0),
        signal: controller.signal,
        onProgress: (event) => {
          if (!opts.quiet)
            process.stderr.write(
              `${(event.elapsedMs / 1000).toFixed(1)} s  hard penalty ${event.best.hard}  objective ${event.best.soft}\n`,
            );
        },
      }).finally(() => process.off('SIGINT', onSigint));
      if (opts.out) await writeFile(opts.out, formatRosterTsv(result.roster));
      console.log(`objective ${result.objective} hard ${result.hardViolations}`);
      if (result.hardViolations > 0) throw new CliExit(1);
    });
}
