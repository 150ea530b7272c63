/**
 * `planmaat insight`: team workforce figures with small-group suppression.
 *   report DIR        teams × periods for one filter, printed or exported (CSV/XLSX/JSON)
 *   team-report DIR   the one-page team report for a team meeting (printable HTML)
 *   demo-history DIR  write a year of demo history (workforce-history.json) into the folder
 * History (former staff, past rosters and absences) is read from DIR/workforce-history.json when
 * present, or from --history.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { generateWorkforceHistory } from '@planmaat/demo';
import { addDays, InputError, parseOrThrow } from '@planmaat/domain';
import {
  insightDataFrom,
  insightDataSchema,
  insightReport,
  insightTable,
  teamActionSchema,
  teamReport,
  teamReportHtml,
  type Figures,
  type InsightData,
  type InsightReport,
  type Viewer,
  type WorkforceHistoryLike,
} from '@planmaat/insight';
import { z } from 'zod';
import { CliExit } from '../cli-exit.ts';
import { integerOption } from '../options.ts';
import { exportKind, writeTables } from '../tables.ts';
import { readBundleDir } from './validate.ts';

export const HISTORY_FILE = 'workforce-history.json';

interface Common {
  history?: string;
  from?: string;
  to?: string;
  period: string;
  role: string;
  team?: string[];
}

async function loadInsightData(
  dir: string,
  historyFile?: string,
): Promise<{ data: InsightData; from: string; to: string }> {
  const org = await readBundleDir(dir);
  const file = historyFile ?? path.join(dir, HISTORY_FILE);
  let history: (WorkforceHistoryLike & { from?: string; to?: string }) | undefined;
  try {
    history = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || historyFile) {
      if (error instanceof SyntaxError) throw new InputError(`not valid JSON (${error.message})`, file);
      throw error;
    }
  }
  const data = parseOrThrow(insightDataSchema, insightDataFrom(org, history), history ? file : dir);
  const dates = data.assignments.map((a) => a.date).sort();
  return {
    data,
    from: history?.from ?? dates[0] ?? org.rosterPeriods[0]?.start,
    to: dates[dates.length - 1] ?? addDays(org.rosterPeriods[0]?.start, 27),
  };
}

function viewerFrom(opts: Common): Viewer {
  const role = z.enum(['admin', 'planner', 'team-leader', 'employee']).safeParse(opts.role);
  if (!role.success)
    throw new CliExit(2, `--role "${opts.role}" must be admin, planner, team-leader or employee`);
  if (role.data === 'team-leader' && !opts.team?.length)
    throw new CliExit(2, '--role team-leader needs --team <id> (the teams they lead)');
  return { role: role.data, teamIds: opts.team ?? [] };
}

function periodKind(value: string): 'month' | 'quarter' | 'four-weeks' {
  if (value === 'month' || value === 'quarter' || value === 'four-weeks') return value;
  throw new CliExit(2, `--period "${value}" must be month, quarter or four-weeks`);
}

/** First day of the first whole month (or quarter) on or after a date, so no period is half empty. */
function wholePeriodStart(date: string, kind: string): string {
  if (kind === 'four-weeks') return date;
  const [y, m, d] = date.split('-').map(Number);
  let month = d === 1 ? m : m + 1;
  let year = y;
  if (kind === 'quarter') while ((month - 1) % 3 !== 0) month += 1;
  while (month > 12) {
    month -= 12;
    year += 1;
  }
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerInsight(program: Command): void {
  const insight = program
    .command('insight')
    .description('Teaminzicht / workforce insight (only aggregates; groups of 5 or fewer suppressed)');
  const common = (cmd: Command) =>
    cmd
      .option('--history <file>', `history file (default DIR/${HISTORY_FILE} when present)`)
      .option('--from <date>', 'first day (default: first whole period of the history)')
      .option('--to <date>', 'last day (default: last rostered day)')
      .option('--period <kind>', 'month, quarter or four-weeks', 'month')
      .option('--role <role>', 'view as admin, planner or team-leader', 'planner')
      .option('--team <id>', 'team led (team-leader) or team to show; repeatable', collect);

  common(
    insight
      .command('report')
      .description('Team figures per period for one filter combination')
      .argument('<dir>', 'organisation folder'),
  )
    .option('--level-band <band>', 'all, level-1-2, level-3 or level-4-6', 'all')
    .option('--contract-band <band>', 'all, upto-20h, 21-28h or 29h-plus', 'all')
    .option('--out <file>', 'export: .csv, .xlsx or .json')
    .action(async (dir: string, opts: Common & { levelBand: string; contractBand: string; out?: string }) => {
      if (opts.out) exportKind(opts.out);
      const viewer = viewerFrom(opts);
      const period = periodKind(opts.period);
      const loaded = await loadInsightData(dir, opts.history);
      const report = insightReport(
        loaded.data,
        {
          from: opts.from ?? wholePeriodStart(loaded.from, period),
          to: opts.to ?? loaded.to,
          period,
          levelBand: opts.levelBand,
          contractBand: opts.contractBand,
          teamIds: viewer.role === 'team-leader' ? undefined : opts.team,
        },
        viewer,
      );
      printReport(report);
      if (opts.out) {
        await writeTables(opts.out, [insightTable(report)], report);
        console.log(`→ ${opts.out}`);
      }
    });

  common(
    insight
      .command('team-report')
      .description('One-page team report for the team meeting (printable HTML)')
      .argument('<dir>', 'organisation folder'),
  )
    .requiredOption('--for <team>', 'the team the report is about')
    .option(
      '--actions <file>',
      'JSON array of agreed actions [{id, periodId, text, owner?, status?, followUp?}]',
    )
    .requiredOption('--out <file>', '.html (printable) or .json')
    .action(async (dir: string, opts: Common & { for: string; actions?: string; out: string }) => {
      const kind = exportKind(opts.out);
      if (kind !== 'html' && kind !== 'json') throw new CliExit(2, '--out must be a .html or .json file');
      const viewer = viewerFrom(opts);
      const period = periodKind(opts.period);
      const loaded = await loadInsightData(dir, opts.history);
      const actions = opts.actions
        ? parseOrThrow(
            z.array(teamActionSchema),
            JSON.parse(await readFile(opts.actions, 'utf8')),
            opts.actions,
          )
        : [];
      const report = teamReport(
        loaded.data,
        {
          teamId: opts.for,
          from: opts.from ?? wholePeriodStart(loaded.from, period),
          to: opts.to ?? loaded.to,
          period,
          actions,
        },
        viewer,
      );
      await writeFile(
        opts.out,
        kind === 'json' ? JSON.stringify(report, null, 2) + '\n' : teamReportHtml(report),
      );
      console.log(
        `${report.team.name}, ${report.period.label}${report.suppressed ? ' (groep te klein: cijfers verborgen)' : ''} → ${opts.out}`,
      );
    });

  insight
    .command('demo-history')
    .description(
      `Write a demo history (former staff, past rosters, absences, changes, flags) as DIR/${HISTORY_FILE}`,
    )
    .argument('<dir>', 'folder written by `planmaat demo generate`')
    .option('--seed <n>', 'random seed', '1')
    .option('--weeks <n>', 'history length in weeks', '52')
    .action(async (dir: string, opts: { seed: string; weeks: string }) => {
      const data = await readBundleDir(dir);
      const history = generateWorkforceHistory(data, {
        seed: integerOption('--seed', opts.seed, 0),
        weeks: integerOption('--weeks', opts.weeks, 4, 156),
      });
      await writeFile(path.join(dir, HISTORY_FILE), JSON.stringify(history, null, 2) + '\n');
      console.log(
        `${history.from} – ${history.to}: ${history.employees.length} employees (incl. leavers), ${history.assignments.length} assignments, ${history.absences.length} absences → ${path.join(dir, HISTORY_FILE)}`,
      );
    });
}

function printReport(report: InsightReport): void {
  console.log(`${report.filter.label.nl}; groepen ≤ ${report.threshold} verborgen (•)`);
  const shown: Array<keyof Figures> = [
    'headcount',
    'absenceRate',
    'absenceFrequency',
    'turnoverRate',
    'hoursAboveContractPerFte',
    'calledInPer100Shifts',
    'rosterStability',
    'wishesGranted',
  ];
  console.log(
    ['periode'.padEnd(10), 'team'.padEnd(26), ...shown.map((k) => k.slice(0, 10).padStart(11))].join(''),
  );
  for (const r of report.rows)
    console.log(
      [
        r.periodId.padEnd(10),
        r.teamName.slice(0, 25).padEnd(26),
        ...shown.map((k) =>
          (r.suppressed ? '•' : r.figures ? String(r.figures[k] ?? '–') : '–').padStart(11),
        ),
      ].join(''),
    );
  for (const note of report.notes.nl) console.log(note);
}
