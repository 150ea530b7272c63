/**
 * `planmaat capacity plan DIR`: the 52-week capacity gap per team and qualification level, the
 * standard (or your own) scenarios side by side and, with --recommend, the hiring/training mix —
 * printed, or exported as CSV, XLSX, JSON or a printable HTML report for the management team.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  capacityHtml,
  capacityTables,
  levelName,
  parseCapacityRequest,
  planCapacity,
  recommendCapacity,
  type CapacityPlan,
  type Recommendation,
} from '@planmaat/capacity';
import { InputError } from '@planmaat/domain';
import { CliExit } from '../cli-exit.ts';
import { integerOption } from '../options.ts';
import { exportKind, writeTables } from '../tables.ts';
import { readBundleDir } from './validate.ts';

interface PlanOptions {
  start?: string;
  weeks: string;
  basis: string;
  assumptions?: string;
  scenarios?: string;
  recommend?: boolean;
  timeLimit: string;
  out?: string;
  table?: string;
}

async function readJson(file: string): Promise<unknown> {
  const text = await readFile(file, 'utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON (${(error as Error).message})`, file);
  }
}

export function registerCapacity(program: Command): void {
  const capacity = program
    .command('capacity')
    .description('Capaciteitsplanning / capacity planning (weeks to a year ahead)');
  capacity
    .command('plan')
    .description('52-week gap per team and level, scenarios side by side, optional hiring/training advice')
    .argument('<dir>', 'organisation folder (organisation.json + CSV files)')
    .option('--start <date>', 'first week (its Monday); default the first demand date')
    .option('--weeks <n>', 'horizon in weeks', '52')
    .option('--basis <min|ideal>', 'plan against minimum or ideal head counts', 'min')
    .option(
      '--assumptions <file>',
      'JSON with assumptions (absenceRate, turnoverPerYear, costs …) and optional graduations/plannedHires',
    )
    .option('--scenarios <file>', 'JSON array of scenarios; default: the standard set')
    .option('--recommend', 'compute the recommended hiring/training mix (HiGHS)')
    .option('--time-limit <s>', 'solver time limit in seconds', '20')
    .option(
      '--out <file>',
      'export: .csv (gap per team/level/week), .xlsx, .json or .html (printable report)',
    )
    .option('--table <name>', 'CSV: which table (gap, summary, scenarios, recommendation)')
    .action(async (dir: string, opts: PlanOptions) => {
      if (opts.out) exportKind(opts.out);
      if (opts.basis !== 'min' && opts.basis !== 'ideal')
        throw new CliExit(2, `--basis "${opts.basis}" must be min or ideal`);
      const extra = opts.assumptions ? ((await readJson(opts.assumptions)) as Record<string, unknown>) : {};
      const { graduations, plannedHires, recommendation, ...assumptions } = extra;
      const request = parseCapacityRequest({
        start: opts.start,
        weeks: integerOption('--weeks', opts.weeks, 1, 104),
        demandBasis: opts.basis,
        assumptions,
        graduations,
        plannedHires,
        scenarios: opts.scenarios ? await readJson(opts.scenarios) : undefined,
        recommendation: {
          ...(recommendation as object | undefined),
          timeLimitSeconds: integerOption('--time-limit', opts.timeLimit, 1, 600),
        },
      });
      const data = await readBundleDir(dir);
      const plan = planCapacity(data, request);
      let advice: Recommendation | undefined;
      let solveMs = 0;
      if (opts.recommend) {
        const t0 = performance.now();
        advice = await recommendCapacity(data, request);
        solveMs = performance.now() - t0;
      }
      printPlan(plan, advice);
      if (advice) console.log(`(advies berekend in ${(solveMs / 1000).toFixed(1)} s)`);
      if (opts.out) {
        const tables = capacityTables(plan, advice);
        if (exportKind(opts.out) === 'html')
          await writeFile(opts.out, capacityHtml(data.organisation.name, plan, advice));
        else await writeTables(opts.out, tables, { plan, recommendation: advice ?? null }, opts.table);
        console.log(`→ ${opts.out}`);
      }
    });
}

const n0 = (x: number) => Math.round(x).toLocaleString('nl-NL');
const n1 = (x: number) => (Math.round(x * 10) / 10).toLocaleString('nl-NL');

function printPlan(plan: CapacityPlan, advice?: Recommendation): void {
  const p = plan.comparison.base;
  console.log(
    `Capaciteit ${p.weekStarts[0]} – ${p.weekStarts[p.weeks - 1]} (${p.weeks} weken), tekort na inzet hogere niveaus:`,
  );
  for (const t of p.teams) {
    const s = t.summary;
    const levels = t.levels
      .filter((l) => l.shortage.some((x) => x > 0))
      .map((l) => `${levelName(l.level)} ${n0(l.shortage.reduce((a, b) => a + b, 0))} u`)
      .join(', ');
    console.log(
      `  ${t.name.padEnd(24)} tekort ${n0(s.shortageHours).padStart(7)} u (piek ${n1(s.peakShortageFte)} fte), overschot ${n0(s.surplusHours).padStart(7)} u, dichten € ${n0(s.closingCost.mix)}${levels ? ` — ${levels}` : ''}`,
    );
  }
  console.log(
    `  ${'Totaal'.padEnd(24)} tekort ${n0(p.summary.shortageHours).padStart(7)} u, dichten € ${n0(p.summary.closingCost.mix)} (alleen inhuur € ${n0(p.summary.closingCost.agencyOnly)})`,
  );
  console.log('Scenario’s (verschil met basis):');
  for (const s of plan.comparison.scenarios)
    console.log(
      `  ${s.name}: tekort ${sign(s.delta.shortageHours)} u, kosten € ${sign(s.delta.closingCostMix)}${s.notes.length ? ` [${s.notes.join('; ')}]` : ''}`,
    );
  if (advice) {
    console.log(`Advies (${advice.status}):`);
    for (const line of advice.explanation.nl) console.log(`  ${line}`);
  }
}

function sign(x: number): string {
  return `${x > 0 ? '+' : ''}${n0(x)}`;
}
