/**
 * `planmaat homecare plan DIR --date D`: plan the home-care routes of an organisation bundle for a
 * day (or a week with --week), optionally re-plan after a carer drops out (--drop-carer EMP --at
 * HH:MM). Writes the plan JSON with --out; prints a summary. Exit 1 when a plan has hard
 * violations or mandatory visits that could not be planned (listed with the reason).
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatClock, InputError, isValidDate } from '@planmaat/domain';
import {
  estimateTravelProvider,
  fallbackTravelProvider,
  planHomeCareDay,
  TravelProviderError,
  planHomeCareWeek,
  replanHomeCareDay,
  type HomeCareDayResult,
  type HomeCareProgress,
  type HomeCareSummary,
  type TravelTimeProvider,
} from '@planmaat/routes';
import { osrmTravelProvider } from '@planmaat/travel-osrm';
import { CliExit } from '../cli-exit.ts';
import { readBundleDir } from './validate.ts';
import { positiveNumber } from './solve-vrptw.ts';

interface HomecareOptions {
  date: string;
  team?: string;
  seconds?: string;
  seed: string;
  threads: string;
  week?: boolean;
  dropCarer?: string;
  at?: string;
  previous?: string;
  out?: string;
  quiet?: boolean;
  travel: string;
  osrmUrl?: string;
  strictTravel?: boolean;
}

/**
 * The travel-time provider chosen on the command line: the coordinate estimate, or OSRM (URL from
 * --osrm-url or PLANMAAT_OSRM_URL) that falls back to the estimate with a warning when it cannot
 * answer — or, with --strict-travel, stops with exit code 2.
 */
export function travelFromOptions(
  opts: Pick<HomecareOptions, 'travel' | 'osrmUrl' | 'strictTravel'>,
  warn: (message: string) => void,
): TravelTimeProvider {
  if (opts.travel === 'estimate') return estimateTravelProvider();
  if (opts.travel !== 'osrm')
    throw new InputError(`--travel is estimate or osrm, got "${opts.travel}"`, '--travel');
  const url = opts.osrmUrl ?? process.env.PLANMAAT_OSRM_URL;
  if (!url || !/^https?:\/\//.test(url))
    throw new InputError(
      `--travel osrm needs --osrm-url http(s)://… (or PLANMAAT_OSRM_URL), got "${url ?? ''}"`,
      '--osrm-url',
    );
  const osrm = osrmTravelProvider({ url });
  if (opts.strictTravel) return osrm;
  return fallbackTravelProvider(osrm, estimateTravelProvider(), (error) =>
    warn(
      `waarschuwing: ${error.message} — reistijden geschat uit coördinaten / ` +
        `warning: travel times estimated from coordinates instead`,
    ),
  );
}

function line(label: string, s: HomeCareSummary): string {
  return (
    `${label}: ${s.plannedVisits}/${s.visits} visits planned, ${s.mandatoryUnplanned} mandatory unplanned, ` +
    `${s.hardViolations} hard violations, travel ${Math.round(s.travelMinutes)} min (${(100 * s.travelShare).toFixed(1)} %), ` +
    `late ${Math.round(s.lateMinutes)} min, overtime ${Math.round(s.overtimeMinutes)} min, ${s.usedCarers}/${s.carers} carers, ` +
    `${(s.elapsedMs / 1000).toFixed(1)} s`
  );
}

function problems(day: HomeCareDayResult): string[] {
  const out: string[] = [];
  for (const team of day.teams) {
    for (const v of team.check.hardViolations) out.push(`${day.date} ${team.teamId}: violation: ${v}`);
    for (const u of team.unplanned)
      if (u.mandatory)
        out.push(`${day.date} ${team.teamId}: niet ingepland / unplanned ${u.visitId}: ${u.reason.en}`);
  }
  return out;
}

export function registerHomecare(program: Command): void {
  const homecare = program.command('homecare').description('Thuiszorgroutes / home-care routes');
  homecare
    .command('plan')
    .description('Plan de thuiszorgroutes van een dag of week / plan the home-care routes of a day or week')
    .argument('<dir>', 'organisation bundle folder (e.g. written by `planmaat demo generate`)')
    .requiredOption('--date <date>', 'day to plan (first day with --week), YYYY-MM-DD')
    .option('--team <id>', 'only this home-care team')
    .option('--seconds <n>', 'search time in seconds (default 20 for a day, 140 for a week)')
    .option('--seed <n>', 'random seed', '1')
    .option('--threads <n>', 'worker threads (teams planned in parallel; 1 = this thread)', '1')
    .option('--week', 'plan 7 days for continuity and compare with planning each day alone')
    .option('--drop-carer <id>', 're-plan after this carer drops out (with --at)')
    .option('--at <HH:MM>', 'time the carer drops out')
    .option('--previous <file>', 're-plan from this plan JSON instead of planning the day first')
    .option('--out <file>', 'write the plan JSON here')
    .option('--travel <provider>', 'travel times: estimate (coordinates) or osrm', 'estimate')
    .option('--osrm-url <url>', 'OSRM server for --travel osrm (default: env PLANMAAT_OSRM_URL)')
    .option('--strict-travel', 'stop (exit 2) when OSRM cannot answer instead of estimating')
    .option('--quiet', 'no progress on stderr')
    .action(async (dir: string, opts: HomecareOptions) => {
      if (!isValidDate(opts.date))
        throw new InputError(`expected a date YYYY-MM-DD, got "${opts.date}"`, '--date');
      if ((opts.dropCarer === undefined) !== (opts.at === undefined))
        throw new InputError('--drop-carer and --at go together', '--drop-carer');
      if (opts.at !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(opts.at))
        throw new InputError(`expected HH:MM, got "${opts.at}"`, '--at');
      if (opts.week && opts.dropCarer)
        throw new InputError('--week and --drop-carer cannot be combined', '--week');
      const data = await readBundleDir(dir);
      const seed = positiveNumber('seed', opts.seed, true);
      const threads = Math.max(1, positiveNumber('threads', opts.threads, true));
      const seconds = opts.seconds === undefined ? undefined : positiveNumber('seconds', opts.seconds);
      const travel = travelFromOptions(opts, (message) => console.error(message));
      let lastShown = 0;
      const onProgress = (p: HomeCareProgress) => {
        if (opts.quiet || Date.now() - lastShown < 2000) return;
        lastShown = Date.now();
        process.stderr.write(`${Math.round(p.fraction * 100)} %  ${p.date} ${p.teamId} ${p.phase}\n`);
      };
      const found: string[] = [];
      let output: unknown;
      try {
        if (opts.week) {
          const week = await planHomeCareWeek(
            data,
            opts.date,
            { teamId: opts.team, seconds, seed, threads },
            { onProgress, travel },
          );
          console.log(`travel times / reistijden: ${week.days[0]?.travelProvider ?? travel.name}`);
          for (const day of week.days) {
            console.log(line(day.date, day.summary));
            found.push(...problems(day));
          }
          const c = week.continuity;
          const alone = week.dayByDay!.continuity;
          console.log(
            `distinct carers per client over the week: week plan ${c.meanDistinctCarers.toFixed(2)} (max ${c.maxDistinctCarers}), ` +
              `each day alone ${alone.meanDistinctCarers.toFixed(2)} (max ${alone.maxDistinctCarers}), ${c.clients} clients`,
          );
          output = week;
        } else {
          let day: HomeCareDayResult;
          if (opts.previous) day = JSON.parse(await readFile(opts.previous, 'utf8')) as HomeCareDayResult;
          else {
            day = await planHomeCareDay(
              data,
              opts.date,
              { teamId: opts.team, seconds, seed, threads },
              { onProgress, travel },
            );
            console.log(line(day.date, day.summary));
            console.log(`travel times / reistijden: ${day.travelProvider}`);
          }
          if (opts.dropCarer) {
            const replan = await replanHomeCareDay(
              data,
              day,
              { carerId: opts.dropCarer, at: opts.at!, seconds: seconds ?? 10, seed, threads },
              { onProgress, travel },
            );
            const s = replan.summary;
            console.log(line(`re-plan without ${s.carerId} from ${formatClock(s.at)}`, replan.plan.summary));
            console.log(
              `changes: ${s.movedToOtherCarer} visits to another carer, ${s.timeChanged} at another time, ` +
                `${s.newlyUnplanned} newly unplanned; ${s.carersWithChanges} carers and ${s.clientsWithChanges} clients affected; ` +
                `${replan.fixed.length} visits already started kept`,
            );
            found.push(...problems(replan.plan));
            output = { plan: day, replan };
          } else {
            found.push(...problems(day));
            output = day;
          }
        }
      } catch (error) {
        if (error instanceof RangeError) throw new InputError(error.message, dir);
        if (error instanceof TravelProviderError) throw new InputError(error.message, '--osrm-url');
        throw error;
      }
      if (opts.out) await writeFile(opts.out, JSON.stringify(output) + '\n');
      for (const p of found) console.error(p);
      if (found.length > 0) throw new CliExit(1);
    });
}
