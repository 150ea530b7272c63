/**
 * Week planning for continuity of care: the days are planned in sequence and a carer who already
 * visited a client earlier in the week costs nothing extra for that client (the continuity weight
 * is charged per carer new to the client). For comparison the same days can be planned each on its
 * own; the figure that matters is distinct carers per client over the week. After the sequence
 * each day is improved once more against the carers of all other days of the week.
 */
import { addDays, type OrganisationData } from '@planmaat/domain';
import {
  buildTeams,
  selectCareDays,
  solveTeams,
  summarise,
  type HomeCareContext,
  type HomeCareDayResult,
  type HomeCareOptions,
} from './day.ts';
import { estimateTravelProvider } from '../travel/provider.ts';

export interface WeekOptions extends HomeCareOptions {
  /** Number of days from the start date; default 7. */
  days?: number;
  /** Also plan every day on its own and report both (halves the time per plan). Default true. */
  compare?: boolean;
}

export interface ContinuityFigures {
  clients: number;
  /** Mean over clients of the distinct carers who visit them in the period. */
  meanDistinctCarers: number;
  maxDistinctCarers: number;
  /** Clients seen by one carer only / by more than three. */
  clientsWithOneCarer: number;
  clientsWithMoreThanThree: number;
}

export interface WeekResult {
  start: string;
  days: HomeCareDayResult[];
  continuity: ContinuityFigures;
  /** Every day planned on its own (when `compare`). */
  dayByDay?: { days: HomeCareDayResult[]; continuity: ContinuityFigures };
}

export function continuityOf(days: HomeCareDayResult[]): ContinuityFigures {
  const carers = new Map<string, Set<string>>();
  for (const day of days)
    for (const team of day.teams)
      for (const route of team.routes)
        for (const v of route.visits) {
          const set = carers.get(v.clientId) ?? new Set<string>();
          set.add(route.carerId);
          carers.set(v.clientId, set);
        }
  const counts = [...carers.values()].map((s) => s.size);
  return {
    clients: counts.length,
    meanDistinctCarers: counts.length ? counts.reduce((a, b) => a + b, 0) / counts.length : 0,
    maxDistinctCarers: counts.length ? Math.max(...counts) : 0,
    clientsWithOneCarer: counts.filter((c) => c === 1).length,
    clientsWithMoreThanThree: counts.filter((c) => c > 3).length,
  };
}

async function planDays(
  data: OrganisationData,
  start: string,
  options: WeekOptions,
  context: HomeCareContext,
  remember: boolean,
  fractionBase: number,
  fractionSpan: number,
): Promise<HomeCareDayResult[]> {
  const days = options.days ?? 7;
  const seen = new Map<string, Set<string>>();
  const out: HomeCareDayResult[] = [];
  // With memory: 70 % of the time plans the days in sequence, 30 % improves each day again
  // against the carers of all other days of the week.
  const firstShare = remember ? 0.7 : 1;
  for (let d = 0; d < days; d++) {
    const started = performance.now();
    const date = addDays(start, d);
    const inputs = selectCareDays(data, date, options.teamId);
    if (remember)
      for (const input of inputs)
        input.knownCarers = Object.fromEntries(
          input.clients.filter((c) => seen.has(c.id)).map((c) => [c.id, [...seen.get(c.id)!]]),
        );
    const teams = await buildTeams(inputs, options, context);
    const results = await solveTeams(
      date,
      teams,
      { ...options, seconds: ((options.seconds ?? 60) * firstShare) / days },
      context,
      fractionBase + (fractionSpan * firstShare * d) / days,
      (fractionSpan * firstShare) / days,
    );
    for (const team of results)
      for (const route of team.routes)
        for (const v of route.visits) {
          const set = seen.get(v.clientId) ?? new Set<string>();
          set.add(route.carerId);
          seen.set(v.clientId, set);
        }
    out.push({
      date,
      travelProvider: (context.travel ?? estimateTravelProvider()).name,
      teams: results,
      summary: summarise(date, results, performance.now() - started),
    });
  }
  if (remember) {
    for (let d = 0; d < days; d++) {
      const started = performance.now();
      const date = out[d].date;
      const others = new Map<string, Set<string>>();
      out.forEach((day, e) => {
        if (e === d) return;
        for (const team of day.teams)
          for (const route of team.routes)
            for (const v of route.visits) {
              const set = others.get(v.clientId) ?? new Set<string>();
              set.add(route.carerId);
              others.set(v.clientId, set);
            }
      });
      const inputs = selectCareDays(data, date, options.teamId);
      for (const input of inputs)
        input.knownCarers = Object.fromEntries(
          input.clients.filter((c) => others.has(c.id)).map((c) => [c.id, [...others.get(c.id)!]]),
        );
      const teams = await buildTeams(inputs, options, context);
      teams.forEach((t) => (t.initial = out[d].teams.find((x) => x.teamId === t.input.teamId)?.solver));
      const results = await solveTeams(
        date,
        teams,
        { ...options, seconds: ((options.seconds ?? 60) * (1 - firstShare)) / days },
        context,
        fractionBase + fractionSpan * (firstShare + ((1 - firstShare) * d) / days),
        (fractionSpan * (1 - firstShare)) / days,
      );
      out[d] = {
        date,
        travelProvider: out[d].travelProvider,
        teams: results,
        summary: summarise(date, results, out[d].summary.elapsedMs + performance.now() - started),
      };
    }
  }
  return out;
}

/** Plan `days` days from `start` with week continuity; `options.seconds` is for the whole call. */
export async function planHomeCareWeek(
  data: OrganisationData,
  start: string,
  options: WeekOptions = {},
  context: HomeCareContext = {},
): Promise<WeekResult> {
  const compare = options.compare ?? true;
  const seconds = options.seconds ?? 140;
  const share = compare ? seconds / 2 : seconds;
  const days = await planDays(
    data,
    start,
    { ...options, seconds: share },
    context,
    true,
    0,
    compare ? 0.5 : 1,
  );
  const result: WeekResult = { start, days, continuity: continuityOf(days) };
  if (compare) {
    const alone = await planDays(data, start, { ...options, seconds: share }, context, false, 0.5, 0.5);
    result.dayByDay = { days: alone, continuity: continuityOf(alone) };
  }
  return result;
}
