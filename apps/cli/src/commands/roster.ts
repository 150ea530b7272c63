/**
 * `planmaat roster solve DIR --period ID`: optimise one roster period of an organisation bundle
 * with the care model (qualifications, absences, labour rules, coverage, hours, wishes,
 * fairness) and write the assignments as CSV. `planmaat roster explain DIR --period ID`: the
 * score analysis of the period's current roster (or of `--roster FILE`). Exit 1 when the
 * roster still breaks a hard constraint.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError, type Assignment } from '@planmaat/domain';
import { explainCareRoster, solveCareRoster, type CareExplanation } from '@planmaat/roster';
import { defaultThreadCount } from '@planmaat/threads';
import { CliExit } from '../cli-exit.ts';
import { integerOption, numberOption } from '../options.ts';
import { readBundleDir } from './validate.ts';

interface RosterOptions {
  period: string;
  seconds: string;
  seed: string;
  threads?: string;
  window?: string;
  today?: string;
  out?: string;
  roster?: string;
  lang: string;
  json?: boolean;
  quiet?: boolean;
}

function parseWindow(text: string | undefined): { from: string; to: string } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text);
  if (!m) throw new InputError('expected FROM..TO, e.g. 2027-01-06..2027-01-08', '--window');
  return { from: m[1], to: m[2] };
}

function assignmentsCsv(rows: Assignment[]): string {
  return (
    [
      'employee_id,date,shift_type_id,pinned',
      ...rows.map((a) => `${a.employeeId},${a.date},${a.shiftTypeId},${a.pinned}`),
    ].join('\n') + '\n'
  );
}

function parseAssignmentsCsv(text: string, file: string, periodId: string): Assignment[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.slice(1).map((line, i) => {
    const [employeeId, date, shiftTypeId, pinned] = line.split(',').map((x) => x.trim());
    if (!employeeId || !date || !shiftTypeId)
      throw new InputError('expected employee_id,date,shift_type_id', `${file}:${i + 2}`);
    return { rosterPeriodId: periodId, employeeId, date, shiftTypeId, pinned: pinned === 'true' };
  });
}

function printExplanation(ex: CareExplanation, lang: 'nl' | 'en', limit: number): void {
  console.log(`score ${ex.score.hard}hard/${ex.score.medium}medium/${ex.score.soft}soft`);
  for (const c of ex.constraints) {
    console.log(
      `${c.level.padEnd(6)} ${c.constraint.padEnd(34)} ${String(c.total).padStart(8)}  (${c.count})`,
    );
    for (const m of c.matches.slice(0, limit)) console.log(`         ${m.penalty}  ${m.message[lang]}`);
    if (c.matches.length > limit) console.log(`         … ${c.matches.length - limit} more`);
  }
  const t = ex.fairness.team;
  console.log(
    `fairness: nights/36h mean ${t.nights.mean} sd ${t.nights.sd}; weekend shifts/36h mean ${t.weekendShifts.mean} sd ${t.weekendShifts.sd}; ` +
      `evenings/36h mean ${t.evenings.mean} sd ${t.evenings.sd}; wishes granted ${t.wishesGranted}/${t.wishes}; ` +
      `hours off contract ${Math.round(t.hoursDeviationMinutes / 60)} h in total`,
  );
  if (ex.changes) {
    console.log(
      `changes against the published roster: ${ex.changes.count} (${ex.changes.needsConsent} need consent)`,
    );
    for (const p of ex.changes.byEmployee) console.log(`   ${p.employeeId} ${p.name}: ${p.changes}`);
  }
}

export function registerRoster(program: Command): void {
  const roster = program
    .command('roster')
    .description('Zorgrooster optimaliseren en verklaren / optimise and explain care rosters');
  roster
    .command('solve')
    .description('Optimaliseer een roosterperiode / optimise one roster period of an organisation folder')
    .argument('<dir>', 'organisation folder (organisation.json + CSV files)')
    .requiredOption('--period <id>', 'roster period id')
    .option('--seconds <n>', 'time limit in seconds', '30')
    .option('--seed <n>', 'random seed', '1')
    .option('--threads <n>', 'worker threads (default: all cores)')
    .option('--window <from..to>', 're-plan only these days, e.g. 2027-01-06..2027-01-08')
    .option('--today <date>', '"today" for change costs and the notice period (default: window start)')
    .option('--out <file>', 'write the assignments here as CSV (employee_id,date,shift_type_id,pinned)')
    .option('--lang <nl|en>', 'language of the analysis', 'nl')
    .option('--json', 'print the result and its analysis as JSON')
    .option('--quiet', 'no progress on stderr')
    .action(async (dir: string, opts: RosterOptions) => {
      const data = await readBundleDir(dir);
      const window = parseWindow(opts.window);
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      const result = await solveCareRoster(data, opts.period, {
        seconds: numberOption('--seconds', opts.seconds, 0.1),
        seed: integerOption('--seed', opts.seed, 0),
        threads:
          opts.threads === undefined ? defaultThreadCount() : integerOption('--threads', opts.threads, 1, 64),
        window,
        today: opts.today,
        signal: controller.signal,
        onProgress: opts.quiet
          ? undefined
          : (e) =>
              process.stderr.write(
                `${(e.elapsedMs / 1000).toFixed(1)} s  ${e.best.hard}hard/${e.best.medium}medium/${e.best.soft}soft\n`,
              ),
      });
      process.off('SIGINT', onSigint);
      if (opts.out) await writeFile(opts.out, assignmentsCsv(result.assignments));
      const ex = explainCareRoster(data, opts.period, {
        assignments: result.assignments,
        window,
        today: opts.today,
      });
      if (opts.json)
        console.log(JSON.stringify({ result: { ...result, progress: undefined }, explanation: ex }, null, 1));
      else {
        printExplanation(ex, opts.lang === 'en' ? 'en' : 'nl', 3);
        console.log(
          `coverage short of minimum ${result.coverage.shortOfMinimum}, of ideal ${result.coverage.shortOfIdeal}/${result.coverage.demandIdeal}; ` +
            `${result.iterations} moves in ${(result.elapsedMs / 1000).toFixed(1)} s (${result.stopReason})`,
        );
      }
      if (!result.feasible) throw new CliExit(1, 'the roster still breaks a hard constraint');
    });
  roster
    .command('explain')
    .description('Verklaar de score van een rooster / score analysis of a period’s roster')
    .argument('<dir>', 'organisation folder')
    .requiredOption('--period <id>', 'roster period id')
    .option('--roster <file>', 'assignments CSV written by `roster solve --out` (default: the folder’s own)')
    .option('--window <from..to>', 'the re-plan window (changes are counted against the published roster)')
    .option('--today <date>', '"today" for change costs')
    .option('--lang <nl|en>', 'language', 'nl')
    .option('--json', 'print JSON')
    .action(async (dir: string, opts: RosterOptions) => {
      const data = await readBundleDir(dir);
      const assignments = opts.roster
        ? parseAssignmentsCsv(await readFile(opts.roster, 'utf8'), opts.roster, opts.period)
        : undefined;
      const ex = explainCareRoster(data, opts.period, {
        assignments,
        window: parseWindow(opts.window),
        today: opts.today,
      });
      if (opts.json) console.log(JSON.stringify(ex, null, 1));
      else printExplanation(ex, opts.lang === 'en' ? 'en' : 'nl', 10);
      if (!ex.feasible) throw new CliExit(1, 'the roster breaks a hard constraint');
    });
}
