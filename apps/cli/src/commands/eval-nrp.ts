/**
 * `planmaat eval-nrp INSTANCE.txt ROSTER.tsv`: re-score any roster file with the independent
 * evaluator. Prints each hard violation, the objective parts, and `objective X hard Y` as the last
 * line; exit code 1 when the roster breaks a hard constraint.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { evaluateNrpRoster, parseNrpInstance, parseRosterTsv } from '@planmaat/roster';
import { CliExit } from '../cli-exit.ts';

export function registerEvalNrp(program: Command): void {
  program
    .command('eval-nrp')
    .description('Beoordeel een rooster voor een Curtois & Qu-instantie / re-score a roster file')
    .argument('<instance>', 'instance file, e.g. ../shared/benchmarks/curtois-qu/Instance1.txt')
    .argument('<roster>', 'roster file: one tab-separated line per employee, empty field = day off')
    .option('--quiet', 'only the last line')
    .action(async (instanceFile: string, rosterFile: string, opts: { quiet?: boolean }) => {
      const instance = parseNrpInstance(await readFile(instanceFile, 'utf8'), basename(instanceFile));
      const roster = parseRosterTsv(await readFile(rosterFile, 'utf8'), instance, basename(rosterFile));
      const result = evaluateNrpRoster(instance, roster);
      if (!opts.quiet) {
        for (const violation of result.violations) console.log(violation);
        console.log(
          `dienstwensen / shift-on ${result.shiftOnPenalty}  vrij-wensen / shift-off ${result.shiftOffPenalty}  bezetting / cover ${result.coverPenalty}`,
        );
      }
      console.log(`objective ${result.objective} hard ${result.hardViolations}`);
      if (result.hardViolations > 0) throw new CliExit(1);
    });
}
