/**
 * The capacity projection: weekly demand and available hours per team and qualification level for
 * the horizon, the gap after higher levels cover lower-level needs, and what closing it costs.
 *
 * Supply per team and level follows contract hours A(w) through turnover:
 *   A(w) = A(w−1)·s + R·leavers(w − T) + inflow(w),   leavers(w) = A(w−1)·(1 − s)
 * with s the weekly survival from the yearly turnover (via the monthly hazard), T the time to hire
 * and R = 1 when leavers are replaced. No replacement is in the pipeline at the start, so supply
 * settles about turnover × T / 52 below today's contracts: the vacancy gap. Inflows are hires,
 * graduations and trainings. Available hours are
 *   E(w) = A(w)·(1 − absenceRate) − max(known leave, A(w)·leaveRate·leaveSeason(month)) − study hours.
 * Demand is the base week × demand season × (1 + growth)^(w/52); home-care visit hours get the
 * travel share added and the home-care shift taken off.
 */
import { addDays, isoWeek } from '@planmaat/domain';
import { hourlyCost, weeklySurvival, type Assumptions } from './assumptions.ts';
import type { CapacityBase } from './base.ts';

export const LEVELS = 6;

/** Extra hires and trainings on top of the base (from a scenario or the recommendation). */
export interface Levers {
  hires: Array<{ teamId: string; level: number; week: number; count: number; hoursPerWeek?: number }>;
  trainings: Array<{ teamId: string; fromLevel: number; week: number; count: number }>;
}
export const NO_LEVERS: Levers = { hires: [], trainings: [] };

export interface LevelSeries {
  level: number;
  demand: number[];
  supply: number[];
  /** Demand not covered by this level or surplus flowing down from higher levels. */
  shortage: number[];
  /** This level's hours needed nowhere (after covering lower levels). */
  surplus: number[];
}

export interface ClosingCost {
  /** Cheapest mix within the caps: flex pool, overtime, then agency. */
  mix: number;
  /** If every shortage hour were overtime / flex / agency (no caps). */
  overtimeOnly: number;
  flexOnly: number;
  agencyOnly: number;
}

export interface TeamProjection {
  teamId: string;
  name: string;
  kind: 'ward' | 'home-care';
  levels: LevelSeries[];
  total: { demand: number[]; supply: number[]; shortage: number[]; surplus: number[] };
  /** Hours per week of the cheapest closing mix and its cost. */
  closing: { overtime: number[]; flex: number[]; agency: number[]; cost: number[] };
  summary: ProjectionSummary;
}

export interface ProjectionSummary {
  demandHours: number;
  supplyHours: number;
  shortageHours: number;
  surplusHours: number;
  /** Largest weekly shortage in FTE, and the week it occurs (index, -1 if never short). */
  peakShortageFte: number;
  peakShortageWeek: number;
  weeksShort: number;
  closingHours: { overtime: number; flex: number; agency: number };
  closingCost: ClosingCost;
}

export interface Projection {
  start: string;
  weeks: number;
  weekStarts: string[];
  isoWeeks: string[];
  teams: TeamProjection[];
  summary: ProjectionSummary;
  assumptions: Assumptions;
}

/** Index helpers shared with the recommendation model. */
export interface Calendar {
  weekStarts: string[];
  month: Int8Array;
  demandFactor: Float64Array;
  /** Share of a contract hour that is available: 1 − absence − expected leave share. */
  availableShare: Float64Array;
  leaveShare: Float64Array;
}

export function calendar(base: CapacityBase, a: Assumptions): Calendar {
  const n = base.weeks;
  const weekStarts: string[] = [];
  const month = new Int8Array(n);
  const demandFactor = new Float64Array(n);
  const availableShare = new Float64Array(n);
  const leaveShare = new Float64Array(n);
  for (let w = 0; w < n; w++) {
    const monday = addDays(base.start, 7 * w);
    weekStarts.push(monday);
    // A week belongs to the month of its Thursday, as ISO weeks belong to years.
    month[w] = Number(addDays(monday, 3).slice(5, 7)) - 1;
    demandFactor[w] = a.demandSeasonality[month[w]] * Math.pow(1 + a.growthPerYear, w / 52);
    leaveShare[w] = a.leaveRate * a.leaveSeasonality[month[w]];
    availableShare[w] = 1 - a.absenceRate - leaveShare[w];
  }
  return { weekStarts, month, demandFactor, availableShare, leaveShare };
}

/** Weekly demand hours per level (index level − 1) for one team. */
export function teamDemand(
  base: CapacityBase,
  a: Assumptions,
  cal: Calendar,
  teamId: string,
): Float64Array[] {
  const out = Array.from({ length: LEVELS }, () => new Float64Array(base.weeks));
  for (const row of base.demand) {
    if (row.teamId !== teamId) continue;
    const weekly =
      row.source === 'visits'
        ? row.hoursPerWeek * (1 + a.travelShare) * (1 - a.homeCareShift)
        : row.hoursPerWeek;
    const series = out[row.level - 1];
    for (let w = 0; w < base.weeks; w++) series[w] += weekly * cal.demandFactor[w];
  }
  return out;
}

/**
 * Contract hours over time of one unit inflow at week 0, through turnover and replacement: the
 * impulse response of the supply recursion (linear and time-invariant, so an inflow of h at week k
 * contributes h·u(w − k)).
 */
export function unitResponse(weeks: number, a: Assumptions): Float64Array {
  const inflow = new Float64Array(weeks);
  inflow[0] = 1;
  return contractHours(0, inflow, a);
}

/** The supply recursion (module comment) for one team and level. */
export function contractHours(initial: number, inflow: Float64Array, a: Assumptions): Float64Array {
  const n = inflow.length;
  const s = weeklySurvival(a.turnoverPerYear);
  const T = a.timeToHireWeeks;
  const hours = new Float64Array(n);
  const leavers = new Float64Array(n);
  let previous = initial;
  for (let w = 0; w < n; w++) {
    leavers[w] = previous * (1 - s);
    let value = previous * s + inflow[w];
    if (a.replaceLeavers) {
      if (T === 0) value += leavers[w];
      else if (w - T >= 0) value += leavers[w - T];
    }
    hours[w] = value;
    previous = value;
  }
  return hours;
}

export function weekOfDate(base: CapacityBase, date: string): number {
  const days = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${base.start}T00:00:00Z`)) / 86_400_000;
  return Math.floor(days / 7);
}

/** Contract-hour inflows and study hours per level for one team, from the base and levers. */
function teamInflows(base: CapacityBase, a: Assumptions, levers: Levers, teamId: string) {
  const n = base.weeks;
  const inflow = Array.from({ length: LEVELS }, () => new Float64Array(n));
  const study = Array.from({ length: LEVELS }, () => new Float64Array(n));
  // Events before the start are already in today's contracts.
  const put = (level: number, week: number, hours: number) => {
    if (week >= 0 && week < n) inflow[level - 1][week] += hours;
  };
  for (const g of base.graduations) {
    if (g.teamId !== teamId) continue;
    const week = weekOfDate(base, g.date);
    put(g.fromLevel, week, -g.hoursPerWeek);
    put(g.toLevel, week, g.hoursPerWeek);
  }
  for (const h of base.plannedHires)
    if (h.teamId === teamId) put(h.level, weekOfDate(base, h.date), h.count * h.hoursPerWeek);
  for (const h of levers.hires)
    if (h.teamId === teamId) put(h.level, h.week, h.count * (h.hoursPerWeek ?? a.hireHoursPerWeek));
  for (const t of levers.trainings) {
    if (t.teamId !== teamId || t.fromLevel >= LEVELS) continue;
    const hours = t.count * a.hireHoursPerWeek;
    const done = t.week + a.trainingWeeks;
    put(t.fromLevel, done, -hours);
    put(t.fromLevel + 1, done, hours);
    for (let w = Math.max(0, t.week); w < Math.min(n, done); w++)
      study[t.fromLevel - 1][w] += hours * a.trainingStudyShare;
  }
  return { inflow, study };
}

/** Available hours per level (index level − 1) and the contract hours behind them, for one team. */
export function teamSupply(
  base: CapacityBase,
  a: Assumptions,
  cal: Calendar,
  teamId: string,
  levers: Levers = NO_LEVERS,
): { available: Float64Array[]; contract: Float64Array[] } {
  const n = base.weeks;
  const { inflow, study } = teamInflows(base, a, levers, teamId);
  const known = Array.from({ length: LEVELS }, () => new Float64Array(n));
  for (const k of base.knownLeave)
    if (k.teamId === teamId && k.week < n) known[k.level - 1][k.week] += k.hours;
  const available: Float64Array[] = [];
  const contract: Float64Array[] = [];
  for (let l = 0; l < LEVELS; l++) {
    let initial = 0;
    for (const s of base.staff)
      if (s.teamId === teamId && s.level === l + 1) initial += s.contractHoursPerWeek;
    const hours = contractHours(initial, inflow[l], a);
    const avail = new Float64Array(n);
    for (let w = 0; w < n; w++) {
      const leave = Math.max(known[l][w], hours[w] * cal.leaveShare[w]);
      avail[w] = Math.max(0, hours[w] * (1 - a.absenceRate) - leave - study[l][w]);
    }
    available.push(avail);
    contract.push(hours);
  }
  return { available, contract };
}

/**
 * Cover demand per level with supply of that level or higher: each level uses its own hours first,
 * then the lowest-level surplus from above. Returns shortage and unused surplus per level.
 */
export function cascade(
  demand: ArrayLike<number>,
  supply: ArrayLike<number>,
): { shortage: number[]; surplus: number[] } {
  const n = demand.length;
  const left = Array.from(supply, (s) => Math.max(0, s));
  const shortage = new Array<number>(n).fill(0);
  for (let l = n - 1; l >= 0; l--) {
    let need = demand[l];
    for (let from = l; from < n && need > 1e-9; from++) {
      const used = Math.min(need, left[from]);
      left[from] -= used;
      need -= used;
    }
    shortage[l] = need > 1e-9 ? need : 0;
  }
  return { shortage, surplus: left.map((x) => (x > 1e-9 ? x : 0)) };
}

export function projectCapacity(base: CapacityBase, a: Assumptions, levers: Levers = NO_LEVERS): Projection {
  const cal = calendar(base, a);
  const n = base.weeks;
  const teams: TeamProjection[] = [];
  for (const team of base.teams) {
    const demand = teamDemand(base, a, cal, team.id);
    const { available, contract } = teamSupply(base, a, cal, team.id, levers);
    const shortage = Array.from({ length: LEVELS }, () => new Array<number>(n).fill(0));
    const surplus = Array.from({ length: LEVELS }, () => new Array<number>(n).fill(0));
    const closing = { overtime: zeros(n), flex: zeros(n), agency: zeros(n), cost: zeros(n) };
    const uncapped = { overtimeOnly: 0, flexOnly: 0, agencyOnly: 0 };
    for (let w = 0; w < n; w++) {
      const r = cascade(
        demand.map((d) => d[w]),
        available.map((s) => s[w]),
      );
      let flexLeft = a.flexPoolHoursPerWeek;
      for (let l = LEVELS - 1; l >= 0; l--) {
        shortage[l][w] = r.shortage[l];
        surplus[l][w] = r.surplus[l];
        let need = r.shortage[l];
        if (need <= 0) continue;
        const own = hourlyCost(a.costs, l + 1);
        uncapped.overtimeOnly += need * own * (1 + a.costs.overtimeSurcharge);
        uncapped.flexOnly += need * own * (1 + a.costs.flexPremium);
        uncapped.agencyOnly += need * own * (1 + a.costs.agencyPremium);
        const sources = [
          {
            kind: 'flex' as const,
            unit: own * (1 + a.costs.flexPremium),
            cap: l + 1 <= a.flexMaxLevel ? flexLeft : 0,
          },
          {
            kind: 'overtime' as const,
            unit: own * (1 + a.costs.overtimeSurcharge),
            cap: contract[l][w] * a.overtimeCapShare,
          },
          { kind: 'agency' as const, unit: own * (1 + a.costs.agencyPremium), cap: Infinity },
        ].sort((x, y) => x.unit - y.unit);
        for (const source of sources) {
          const used = Math.min(need, source.cap);
          if (used <= 0) continue;
          closing[source.kind][w] += used;
          closing.cost[w] += used * source.unit;
          if (source.kind === 'flex') flexLeft -= used;
          need -= used;
        }
      }
    }
    const levels: LevelSeries[] = [];
    for (let l = 0; l < LEVELS; l++) {
      if (!demand[l].some((x) => x > 0) && !available[l].some((x) => x > 0)) continue;
      levels.push({
        level: l + 1,
        demand: round(Array.from(demand[l])),
        supply: round(Array.from(available[l])),
        shortage: round(shortage[l]),
        surplus: round(surplus[l]),
      });
    }
    const total = {
      demand: sumSeries(
        demand.map((d) => Array.from(d)),
        n,
      ),
      supply: sumSeries(
        available.map((s) => Array.from(s)),
        n,
      ),
      shortage: sumSeries(shortage, n),
      surplus: sumSeries(surplus, n),
    };
    teams.push({
      teamId: team.id,
      name: team.name,
      kind: team.kind,
      levels,
      total: {
        demand: round(total.demand),
        supply: round(total.supply),
        shortage: round(total.shortage),
        surplus: round(total.surplus),
      },
      closing: {
        overtime: round(closing.overtime),
        flex: round(closing.flex),
        agency: round(closing.agency),
        cost: round(closing.cost),
      },
      summary: summarise(total, closing, uncapped, a.fteHours),
    });
  }
  const all = {
    demand: sumSeries(
      teams.map((t) => t.total.demand),
      n,
    ),
    supply: sumSeries(
      teams.map((t) => t.total.supply),
      n,
    ),
    shortage: sumSeries(
      teams.map((t) => t.total.shortage),
      n,
    ),
    surplus: sumSeries(
      teams.map((t) => t.total.surplus),
      n,
    ),
  };
  const allClosing = {
    overtime: sumSeries(
      teams.map((t) => t.closing.overtime),
      n,
    ),
    flex: sumSeries(
      teams.map((t) => t.closing.flex),
      n,
    ),
    agency: sumSeries(
      teams.map((t) => t.closing.agency),
      n,
    ),
    cost: sumSeries(
      teams.map((t) => t.closing.cost),
      n,
    ),
  };
  const allUncapped = {
    overtimeOnly: teams.reduce((s, t) => s + t.summary.closingCost.overtimeOnly, 0),
    flexOnly: teams.reduce((s, t) => s + t.summary.closingCost.flexOnly, 0),
    agencyOnly: teams.reduce((s, t) => s + t.summary.closingCost.agencyOnly, 0),
  };
  return {
    start: base.start,
    weeks: n,
    weekStarts: cal.weekStarts,
    isoWeeks: cal.weekStarts.map(isoWeek),
    teams,
    summary: summarise(all, allClosing, allUncapped, a.fteHours),
    assumptions: a,
  };
}

function summarise(
  total: { demand: number[]; supply: number[]; shortage: number[]; surplus: number[] },
  closing: { overtime: number[]; flex: number[]; agency: number[]; cost: number[] },
  uncapped: { overtimeOnly: number; flexOnly: number; agencyOnly: number },
  fteHours: number,
): ProjectionSummary {
  let peak = 0;
  let peakWeek = -1;
  total.shortage.forEach((x, w) => {
    if (x > peak + 1e-9) {
      peak = x;
      peakWeek = w;
    }
  });
  return {
    demandHours: r2(sum(total.demand)),
    supplyHours: r2(sum(total.supply)),
    shortageHours: r2(sum(total.shortage)),
    surplusHours: r2(sum(total.surplus)),
    peakShortageFte: r2(peak / fteHours),
    peakShortageWeek: peakWeek,
    weeksShort: total.shortage.filter((x) => x > 0.005).length,
    closingHours: {
      overtime: r2(sum(closing.overtime)),
      flex: r2(sum(closing.flex)),
      agency: r2(sum(closing.agency)),
    },
    closingCost: {
      mix: r2(sum(closing.cost)),
      overtimeOnly: r2(uncapped.overtimeOnly),
      flexOnly: r2(uncapped.flexOnly),
      agencyOnly: r2(uncapped.agencyOnly),
    },
  };
}

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function sumSeries(series: ReadonlyArray<ArrayLike<number>>, n: number): number[] {
  const out = zeros(n);
  for (const s of series) for (let w = 0; w < n; w++) out[w] += s[w];
  return out;
}

function r2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round(xs: ArrayLike<number>): number[] {
  return Array.from(xs, r2);
}
