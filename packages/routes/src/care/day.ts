/**
 * Plan home-care days from organisation data: select each home-care team's clients, visits and
 * working carers for a date, compute the travel matrices once per team and mode through the
 * provider, search, and write plain-data plans checked by the independent evaluator. Plain data in
 * and out, so it runs as well in a worker thread (progress callback + AbortSignal).
 */
import { clockMinutes, type OrganisationData } from '@planmaat/domain';
import { estimateTravelProvider, type TravelTimeProvider } from '../travel/provider.ts';
import {
  buildCareProblem,
  type CareDayInput,
  type CareProblem,
  type CareRules,
  type CareWeights,
} from './model.ts';
import { CarePlan } from './plan.ts';
import { carePlanResult, type CareTeamPlan } from './result.ts';
import { searchTeams, type TeamJob } from './teams.ts';
import { evaluateCarePlan, type CareCheck } from './evaluate.ts';

export interface HomeCareOptions {
  /** Only this home-care team; default every home-care team. */
  teamId?: string;
  /** Search time for the whole call in seconds (split over teams by visit count); default 20. */
  seconds?: number;
  /** Worker threads for planning teams in parallel; default 1 (the calling thread). */
  threads?: number;
  /** Iteration limit per team instead of time (deterministic for a seed). */
  maxIterations?: number;
  seed?: number;
  weights?: Partial<CareWeights>;
  rules?: Partial<CareRules>;
}

export interface HomeCareContext {
  /** Travel times; default the coordinate estimate (no network). */
  travel?: TravelTimeProvider;
  signal?: AbortSignal;
  /**
   * A cancel during the search returns the best plan so far instead of throwing (a job keeps
   * its anytime result); a cancel before the search still throws.
   */
  keepBestOnAbort?: boolean;
  onProgress?: (p: HomeCareProgress) => void;
}

export interface HomeCareProgress {
  phase: 'travel' | 'search';
  date: string;
  teamId: string;
  /** 0–1 over the whole call. */
  fraction: number;
  bestObjective?: number;
}

export interface HomeCareSummary {
  visits: number;
  plannedVisits: number;
  mandatoryUnplanned: number;
  optionalLeftOut: number;
  hardViolations: number;
  carers: number;
  usedCarers: number;
  travelMinutes: number;
  serviceMinutes: number;
  /** Travel ÷ (travel + service). */
  travelShare: number;
  lateMinutes: number;
  overtimeMinutes: number;
  objective: number;
  iterations: number;
  elapsedMs: number;
}

export interface HomeCareTeamResult extends CareTeamPlan {
  check: CareCheck;
  iterations: number;
}

export interface HomeCareDayResult {
  date: string;
  travelProvider: string;
  teams: HomeCareTeamResult[];
  summary: HomeCareSummary;
}

/** One CareDayInput per home-care team (or the one asked for) on `date`. */
export function selectCareDays(data: OrganisationData, date: string, teamId?: string): CareDayInput[] {
  const teams = data.teams.filter((t) => t.kind === 'home-care' && (teamId === undefined || t.id === teamId));
  if (teamId !== undefined && teams.length === 0) throw new RangeError(`no home-care team ${teamId}`);
  const employees = new Map(data.employees.map((e) => [e.id, e]));
  return teams.map((team) => {
    const clients = data.clients.filter((c) => c.teamId === team.id);
    const clientIds = new Set(clients.map((c) => c.id));
    const visits = data.visits.filter((v) => v.date === date && clientIds.has(v.clientId));
    const carers = data.carerShifts
      .filter((s) => s.date === date)
      .map((shift) => ({ shift, employee: employees.get(shift.employeeId) }))
      .filter((c) => c.employee !== undefined && c.employee.teamIds.includes(team.id))
      .filter(({ shift }) => !absentDuring(data, shift.employeeId, date, shift.start, shift.end))
      .map((c) => ({ shift: c.shift, employee: c.employee! }));
    return { date, teamId: team.id, clients, visits, carers };
  });
}

function absentDuring(
  data: OrganisationData,
  employeeId: string,
  date: string,
  start: string,
  end: string,
): boolean {
  const from = `${date}T${start}`;
  const to = `${date}T${end}`;
  return data.absences.some((a) => a.employeeId === employeeId && a.start < to && a.end > from);
}

export interface TeamSolve {
  input: CareDayInput;
  problem: CareProblem;
  initial?: { routes: number[][]; pins: number[] };
}

/** Search every team (time split by visit count, teams in parallel with `threads`) and write checked results. */
export async function solveTeams(
  date: string,
  teams: TeamSolve[],
  options: HomeCareOptions,
  context: HomeCareContext,
  fractionBase = 0,
  fractionSpan = 1,
): Promise<HomeCareTeamResult[]> {
  context.signal?.throwIfAborted();
  const totalVisits = Math.max(
    1,
    teams.reduce((s, t) => s + Math.max(1, t.problem.visits), 0),
  );
  const fractions = new Float64Array(teams.length);
  const jobs: TeamJob[] = teams.map(({ problem, initial }, i) => ({
    problem,
    seed: ((options.seed ?? 1) + i * 7919) >>> 0,
    initial,
  }));
  const searched = await searchTeams(jobs, options.threads ?? 1, {
    deadlineEpochMs: Date.now() + (options.seconds ?? 20) * 1000,
    maxIterations: options.maxIterations,
    signal: context.signal,
    shouldStop: () => context.signal?.aborted === true,
    onProgress: (p) => {
      fractions[p.job] = p.fraction;
      let done = 0;
      teams.forEach((t, i) => (done += Math.max(1, t.problem.visits) * fractions[i]));
      context.onProgress?.({
        phase: 'search',
        date,
        teamId: teams[p.job].problem.teamId,
        fraction: fractionBase + (fractionSpan * done) / totalVisits,
        bestObjective: p.bestObjective,
      });
    },
  });
  if (!context.keepBestOnAbort) context.signal?.throwIfAborted();
  return teams.map(({ input, problem }, i) =>
    teamResult(input, problem, searched[i].routes, searched[i].pins, searched[i].iterations),
  );
}

/** Time the routes, write the result and re-score it independently. */
export function teamResult(
  input: CareDayInput,
  problem: CareProblem,
  routes: number[][],
  pins: number[],
  iterations = 0,
): HomeCareTeamResult {
  const plan = new CarePlan(problem);
  plan.load(routes, pins);
  const written = carePlanResult(problem, plan, input);
  const check = evaluateCarePlan(input, problem, JSON.parse(JSON.stringify(written)) as CareTeamPlan);
  return { ...written, check, iterations };
}

export function summarise(date: string, teams: HomeCareTeamResult[], elapsedMs: number): HomeCareSummary {
  const s: HomeCareSummary = {
    visits: 0,
    plannedVisits: 0,
    mandatoryUnplanned: 0,
    optionalLeftOut: 0,
    hardViolations: 0,
    carers: 0,
    usedCarers: 0,
    travelMinutes: 0,
    serviceMinutes: 0,
    travelShare: 0,
    lateMinutes: 0,
    overtimeMinutes: 0,
    objective: 0,
    iterations: 0,
    elapsedMs,
  };
  for (const t of teams) {
    const planned = new Set(t.routes.flatMap((r) => r.visits.map((v) => v.visitId)));
    s.plannedVisits += planned.size;
    s.visits += planned.size + t.unplanned.length;
    s.mandatoryUnplanned += t.check.mandatoryUnplanned;
    s.optionalLeftOut += t.unplanned.filter((u) => !u.mandatory).length;
    s.hardViolations += t.check.hardViolations.length;
    s.carers += t.solver.routes.length;
    s.usedCarers += t.routes.length;
    s.travelMinutes += t.check.travelMinutes;
    s.serviceMinutes += t.check.serviceMinutes;
    s.lateMinutes += t.costs.lateMinutes;
    s.overtimeMinutes += t.costs.overtimeMinutes;
    s.objective += t.objective;
    s.iterations += t.iterations;
  }
  s.travelShare = s.travelMinutes / Math.max(1, s.travelMinutes + s.serviceMinutes);
  void date;
  return s;
}

export async function buildTeams(
  inputs: CareDayInput[],
  options: HomeCareOptions,
  context: HomeCareContext,
): Promise<TeamSolve[]> {
  const travel = context.travel ?? estimateTravelProvider();
  const out: TeamSolve[] = [];
  for (const input of inputs) {
    context.onProgress?.({ phase: 'travel', date: input.date, teamId: input.teamId, fraction: 0 });
    const problem = await buildCareProblem(input, travel, {
      weights: options.weights,
      rules: options.rules,
      signal: context.signal,
    });
    out.push({ input, problem });
  }
  return out;
}

/** Plan one day for every home-care team (or `options.teamId`). */
export async function planHomeCareDay(
  data: OrganisationData,
  date: string,
  options: HomeCareOptions = {},
  context: HomeCareContext = {},
): Promise<HomeCareDayResult> {
  const started = performance.now();
  const teams = await buildTeams(selectCareDays(data, date, options.teamId), options, context);
  const results = await solveTeams(date, teams, options, context);
  return {
    date,
    travelProvider: (context.travel ?? estimateTravelProvider()).name,
    teams: results,
    summary: summarise(date, results, performance.now() - started),
  };
}

/** "HH:MM" or minutes → minutes since midnight. */
export function toMinute(at: string | number): number {
  return typeof at === 'number' ? at : clockMinutes(at);
}
