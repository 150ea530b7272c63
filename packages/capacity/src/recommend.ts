/**
 * Recommended hiring and training mix: a mixed-integer model (HiGHS) that closes the projected gap
 * at minimum cost over the horizon.
 *
 * Decisions: hires per team, level and quarter (integer, each `hireHoursPerWeek`, first day the
 * quarter's first week but never before time-to-hire), level-up trainings per team, level and
 * quarter (integer), and per week overtime, flex-pool and agency hours per team and level.
 * Cover: for every team, week and demand level L, the available hours of levels ≥ L plus the
 * extra hours of levels ≥ L reach the demand of levels ≥ L — with nested "at least" needs, these
 * cumulative conditions are exactly what makes an assignment possible. A hire adds h·u(w − k)
 * contract hours (u: the turnover/replacement impulse response), of which the available share
 * counts. Costs: salary of hires over the horizon plus recruitment; course cost plus the pay rise
 * for trainings; overtime, flex and agency per hour. Constraints: hires per quarter (and per level),
 * training seats per quarter, trainees available, an agency (PNIL) cap as a share of demand hours,
 * an optional budget. Demand that cannot be covered within the caps is left uncovered at a high
 * penalty and reported, so the model is never infeasible.
 *
 * The reasoning shown: which constraints bind and what one more unit would save (re-solving with
 * the limit raised by one), the marginal cost of an extra demand hour per team and level (LP duals
 * with the integer decisions fixed), and for each decision what it covers and what removing it
 * would cost.
 */
import { z } from 'zod';
import { addDays } from '@planmaat/domain';
import { hourlyCost, type Assumptions } from './assumptions.ts';
import type { CapacityBase } from './base.ts';
import { LinearModel, type Term } from './lp.ts';
import { calendar, LEVELS, NO_LEVERS, teamDemand, teamSupply, unitResponse, type Levers } from './project.ts';
import { levelName } from './scenarios.ts';

const levelKey = z.enum(['1', '2', '3', '4', '5', '6']);

export const recommendationOptionsSchema = z.object({
  maxHiresPerQuarter: z.number().int().min(0).default(6),
  /** Labour-market limit per level, e.g. {"5": 1}: nurses are scarce. */
  maxHiresPerQuarterByLevel: z.partialRecord(levelKey, z.number().int().min(0)).default({}),
  trainingSeatsPerQuarter: z.number().int().min(0).default(3),
  /** Agency/PNIL hours at most this share of all demand hours; null = no cap. */
  agencyCapShare: z.number().min(0).max(1).nullable().default(0.1),
  /** Total spend on hires, trainings, overtime, flex and agency in the horizon; null = no budget. */
  budget: z.number().min(0).nullable().default(null),
  /** Euros per uncovered demand hour (must exceed every other cost per hour). */
  uncoveredPenalty: z.number().min(0).default(1000),
  timeLimitSeconds: z.number().min(0.1).max(600).default(20),
  /** Explain binding integer limits by re-solving with the limit + 1 (costs one solve each). */
  explainLimits: z.boolean().default(true),
});
export type RecommendationOptions = z.infer<typeof recommendationOptionsSchema>;
export type RecommendationOptionsInput = z.input<typeof recommendationOptionsSchema>;

export interface Decision {
  kind: 'hire' | 'training';
  teamId: string;
  teamName: string;
  /** Level hired, or the level trained from (to level + 1). */
  level: number;
  quarter: number;
  week: number;
  date: string;
  count: number;
  hoursPerWeek: number;
  /** Available hours this decision adds in the horizon (at the new level for trainings). */
  effectiveHours: number;
  /** Its cost in the horizon (salary or pay rise, recruitment or course). */
  cost: number;
  /** Re-solved with this decision one smaller: how much more the rest would cost. */
  withoutOne: {
    extraCost: number;
    extraOvertime: number;
    extraFlex: number;
    extraAgency: number;
    extraUncovered: number;
  };
}

export interface BindingConstraint {
  kind: 'max-hires' | 'max-hires-level' | 'training-seats' | 'trainees-available' | 'agency-cap' | 'budget';
  label: string;
  limit: number;
  used: number;
  /** Euros saved by one more unit of the limit (hire, seat, agency hour, euro of budget). */
  valueOfOneMore: number | null;
}

export interface CostBreakdown {
  salaries: number;
  recruitment: number;
  training: number;
  overtime: number;
  flex: number;
  agency: number;
  total: number;
}

export interface Recommendation {
  status: string;
  decisions: Decision[];
  cost: CostBreakdown;
  /** The same model with no hires and no trainings: only overtime, flex and agency. */
  baseline: CostBreakdown & { uncoveredHours: number };
  saving: number;
  hours: { overtime: number; flex: number; agency: number; uncovered: number };
  binding: BindingConstraint[];
  /** Marginal cost (€/h) of one more demand hour, averaged over the weeks, per team and level. */
  marginalCosts: Array<{ teamId: string; level: number; average: number; max: number }>;
  explanation: { nl: string[]; en: string[] };
  model: { variables: number; integers: number; rows: number };
}

interface Index {
  hires: Array<{ v: number; team: number; level: number; quarter: number; week: number }>;
  trainings: Array<{ v: number; team: number; level: number; quarter: number; week: number }>;
  extra: Array<{
    v: number;
    kind: 'overtime' | 'flex' | 'agency' | 'uncovered';
    team: number;
    level: number;
    week: number;
  }>;
  cover: Array<{ row: number; team: number; level: number; week: number }>;
  limits: Array<{
    row: number;
    kind: BindingConstraint['kind'];
    label: string;
    limit: number;
    integer: boolean;
  }>;
}

export async function recommendMix(
  base: CapacityBase,
  a: Assumptions,
  optionsInput: RecommendationOptionsInput = {},
  levers: Levers = NO_LEVERS,
): Promise<Recommendation> {
  const options = recommendationOptionsSchema.parse(optionsInput);
  const built = buildModel(base, a, options, levers);
  const { model, index } = built;
  const solved = await model.solve({ timeLimitSeconds: options.timeLimitSeconds });
  if (!(solved.status === 'Optimal' || solved.status === 'Time limit reached'))
    throw new Error(`capacity model: ${solved.status}`);

  const integerValues = new Map<number, number>();
  for (const d of [...index.hires, ...index.trainings])
    integerValues.set(d.v, Math.round(solved.values[d.v]));
  const fixedLp = await model.solve({ timeLimitSeconds: options.timeLimitSeconds, fixed: integerValues });
  const zeroDecisions = new Map([...integerValues.keys()].map((v) => [v, 0]));
  const baselineLp = await model.solve({ timeLimitSeconds: options.timeLimitSeconds, fixed: zeroDecisions });

  const cost = breakdown(model, index, fixedLp.values, a.costs.recruitmentCost);
  const baselineCost = breakdown(model, index, baselineLp.values, a.costs.recruitmentCost);
  const hours = extraHours(index, fixedLp.values);
  const baselineHours = extraHours(index, baselineLp.values);

  const decisions: Decision[] = [];
  for (const list of [index.hires, index.trainings]) {
    for (const d of list) {
      const count = integerValues.get(d.v) ?? 0;
      if (count <= 0) continue;
      const kind = list === index.hires ? 'hire' : 'training';
      const fewer = new Map(integerValues);
      fewer.set(d.v, count - 1);
      const without = await model.solve({ timeLimitSeconds: options.timeLimitSeconds, fixed: fewer });
      const withoutHours = extraHours(index, without.values);
      const team = base.teams[d.team];
      decisions.push({
        kind,
        teamId: team.id,
        teamName: team.name,
        level: d.level,
        quarter: d.quarter + 1,
        week: d.week,
        date: addDays(base.start, 7 * d.week),
        count,
        hoursPerWeek: a.hireHoursPerWeek,
        effectiveHours: r2(count * built.effective(d.week + (kind === 'training' ? a.trainingWeeks : 0))),
        cost: r2(count * model.variables[d.v].cost),
        withoutOne: {
          extraCost: r2(without.objective - fixedLp.objective),
          extraOvertime: r2(withoutHours.overtime - hours.overtime),
          extraFlex: r2(withoutHours.flex - hours.flex),
          extraAgency: r2(withoutHours.agency - hours.agency),
          extraUncovered: r2(withoutHours.uncovered - hours.uncovered),
        },
      });
    }
  }

  const binding: BindingConstraint[] = [];
  for (const limit of index.limits) {
    const used = solved.activity[limit.row];
    if (used < limit.limit - 1e-6) continue;
    let valueOfOneMore: number | null = null;
    if (limit.integer && options.explainLimits) {
      const relaxed = buildModel(base, a, options, levers, { row: limit.row, by: 1 });
      const again = await relaxed.model.solve({ timeLimitSeconds: options.timeLimitSeconds });
      if (again.status === 'Optimal') valueOfOneMore = r2(solved.objective - again.objective);
    } else if (!limit.integer) {
      valueOfOneMore = r2(Math.abs(fixedLp.duals[limit.row]));
    }
    binding.push({
      kind: limit.kind,
      label: limit.label,
      limit: limit.limit,
      used: r2(used),
      valueOfOneMore,
    });
  }

  const marginal = new Map<string, { sum: number; max: number; n: number; teamId: string; level: number }>();
  for (const c of index.cover) {
    // An extra demand hour at level l tightens every threshold L ≤ l.
    const key = `${c.team}:${c.level}`;
    const m = marginal.get(key) ?? { sum: 0, max: 0, n: 0, teamId: base.teams[c.team].id, level: c.level };
    marginal.set(key, m);
  }
  for (const m of marginal.values()) {
    const team = base.teams.findIndex((t) => t.id === m.teamId);
    for (let w = 0; w < base.weeks; w++) {
      let dual = 0;
      for (const c of index.cover)
        if (c.team === team && c.week === w && c.level <= m.level) dual += Math.abs(fixedLp.duals[c.row]);
      m.sum += dual;
      m.n += 1;
      if (dual > m.max) m.max = dual;
    }
  }
  const marginalCosts = [...marginal.values()]
    .map((m) => ({ teamId: m.teamId, level: m.level, average: r2(m.sum / Math.max(1, m.n)), max: r2(m.max) }))
    .sort((x, y) => x.teamId.localeCompare(y.teamId) || x.level - y.level);

  const recommendation: Recommendation = {
    status: solved.status === 'Optimal' ? 'optimal' : 'time-limit',
    decisions,
    cost,
    baseline: { ...baselineCost, uncoveredHours: r2(baselineHours.uncovered) },
    saving: r2(baselineCost.total - cost.total),
    hours: {
      overtime: r2(hours.overtime),
      flex: r2(hours.flex),
      agency: r2(hours.agency),
      uncovered: r2(hours.uncovered),
    },
    binding,
    marginalCosts,
    explanation: { nl: [], en: [] },
    model: {
      variables: model.variables.length,
      integers: model.variables.filter((v) => v.integer).length,
      rows: model.rows.length,
    },
  };
  recommendation.explanation = explain(recommendation, a);
  return recommendation;
}

interface Built {
  model: LinearModel;
  index: Index;
  /** Available hours in the horizon of one hire starting at week k. */
  effective(week: number): number;
}

function buildModel(
  base: CapacityBase,
  a: Assumptions,
  options: RecommendationOptions,
  levers: Levers,
  relax?: { row: number; by: number },
): Built {
  const n = base.weeks;
  const cal = calendar(base, a);
  const u = unitResponse(n, a);
  const h = a.hireHoursPerWeek;
  const model = new LinearModel();
  const index: Index = { hires: [], trainings: [], extra: [], cover: [], limits: [] };
  const quarters = Math.ceil(n / 13);
  const hireWeek = (q: number) => Math.max(13 * q, a.timeToHireWeeks);
  const effective = (k: number) => {
    let s = 0;
    for (let w = k; w < n; w++) s += h * u[w - k] * Math.max(0, cal.availableShare[w]);
    return s;
  };
  const contractSum = (k: number) => {
    let s = 0;
    for (let w = k; w < n; w++) s += h * u[w - k];
    return s;
  };
  const costs = a.costs;
  let totalDemand = 0;

  const teamData = base.teams.map((team) => {
    const demand = teamDemand(base, a, cal, team.id);
    const supply = teamSupply(base, a, cal, team.id, levers);
    const demandLevels: number[] = [];
    for (let l = 1; l <= LEVELS; l++) if (demand[l - 1].some((x) => x > 1e-9)) demandLevels.push(l);
    for (const d of demand) for (const x of d) totalDemand += x;
    return { team, demand, supply, demandLevels };
  });

  // Integer decisions.
  teamData.forEach(({ team, demandLevels }, t) => {
    for (const level of demandLevels) {
      for (let q = 0; q < quarters; q++) {
        const week = hireWeek(q);
        if (week >= n) continue;
        const cost = costs.recruitmentCost + hourlyCost(costs, level) * contractSum(week);
        const v = model.addVariable('h', cost, 0, Infinity, true);
        index.hires.push({ v, team: t, level, quarter: q, week });
      }
      const from = level - 1;
      const headcount = base.staff
        .filter((s) => s.teamId === team.id && s.level === from)
        .reduce((s, x) => s + x.headcount, 0);
      if (from < 1 || headcount === 0) continue;
      const vars: number[] = [];
      for (let q = 0; q < quarters; q++) {
        const week = 13 * q;
        if (week + a.trainingWeeks >= n) continue;
        const raise =
          (hourlyCost(costs, level) - hourlyCost(costs, from)) * contractSum(week + a.trainingWeeks);
        const v = model.addVariable('t', costs.trainingCost + raise, 0, headcount, true);
        index.trainings.push({ v, team: t, level: from, quarter: q, week });
        vars.push(v);
      }
      if (vars.length)
        index.limits.push({
          row: model.addRow(
            'avail',
            vars.map((v) => ({ variable: v, coefficient: 1 })),
            '<=',
            headcount,
          ),
          kind: 'trainees-available',
          label: `${team.name}: ${levelName(from)} beschikbaar voor opleiding / available to train`,
          limit: headcount,
          integer: true,
        });
    }
  });

  // Weekly extra hours and cover rows.
  const agencyTerms: Term[] = [];
  const spendTerms: Term[] = [];
  teamData.forEach(({ demand, supply, demandLevels }, t) => {
    for (let w = 0; w < n; w++) {
      const extraByLevel = new Map<number, number[]>();
      const flexVars: number[] = [];
      for (const level of demandLevels) {
        const own = hourlyCost(costs, level);
        const ot = model.addVariable(
          'o',
          own * (1 + costs.overtimeSurcharge),
          0,
          supply.contract[level - 1][w] * a.overtimeCapShare,
        );
        const ag = model.addVariable('a', own * (1 + costs.agencyPremium));
        const un = model.addVariable('u', options.uncoveredPenalty);
        const vars = [ot, ag, un];
        index.extra.push({ v: ot, kind: 'overtime', team: t, level, week: w });
        index.extra.push({ v: ag, kind: 'agency', team: t, level, week: w });
        index.extra.push({ v: un, kind: 'uncovered', team: t, level, week: w });
        agencyTerms.push({ variable: ag, coefficient: 1 });
        spendTerms.push(
          { variable: ot, coefficient: model.variables[ot].cost },
          { variable: ag, coefficient: model.variables[ag].cost },
        );
        if (level <= a.flexMaxLevel && a.flexPoolHoursPerWeek > 0) {
          const fx = model.addVariable('f', own * (1 + costs.flexPremium));
          vars.push(fx);
          flexVars.push(fx);
          index.extra.push({ v: fx, kind: 'flex', team: t, level, week: w });
          spendTerms.push({ variable: fx, coefficient: model.variables[fx].cost });
        }
        extraByLevel.set(level, vars);
      }
      if (flexVars.length)
        model.addRow(
          'flex',
          flexVars.map((v) => ({ variable: v, coefficient: 1 })),
          '<=',
          a.flexPoolHoursPerWeek,
        );
      for (const L of demandLevels) {
        const terms: Term[] = [];
        let rhs = 0;
        for (let l = L; l <= LEVELS; l++) rhs += demand[l - 1][w] - supply.available[l - 1][w];
        for (const [level, vars] of extraByLevel)
          if (level >= L) for (const v of vars) terms.push({ variable: v, coefficient: 1 });
        for (const d of index.hires)
          if (d.team === t && d.level >= L && d.week <= w)
            terms.push({
              variable: d.v,
              coefficient: h * u[w - d.week] * Math.max(0, cal.availableShare[w]),
            });
        for (const d of index.trainings) {
          if (d.team !== t) continue;
          const done = d.week + a.trainingWeeks;
          if (w >= d.week && w < done && d.level >= L)
            terms.push({ variable: d.v, coefficient: -h * a.trainingStudyShare });
          if (w >= done && d.level + 1 === L)
            terms.push({ variable: d.v, coefficient: h * u[w - done] * Math.max(0, cal.availableShare[w]) });
        }
        index.cover.push({ row: model.addRow('c', terms, '>=', rhs), team: t, level: L, week: w });
      }
    }
  });

  // Limits.
  for (let q = 0; q < quarters; q++) {
    const vars = index.hires.filter((d) => d.quarter === q).map((d) => ({ variable: d.v, coefficient: 1 }));
    if (vars.length === 0) continue;
    index.limits.push({
      row: model.addRow('mh', vars, '<=', options.maxHiresPerQuarter),
      kind: 'max-hires',
      label: `Kwartaal ${q + 1}: max. aannames / max hires`,
      limit: options.maxHiresPerQuarter,
      integer: true,
    });
    for (const [key, perLevel] of Object.entries(options.maxHiresPerQuarterByLevel)) {
      if (perLevel === undefined) continue;
      const levelVars = index.hires
        .filter((d) => d.quarter === q && d.level === Number(key))
        .map((d) => ({ variable: d.v, coefficient: 1 }));
      if (levelVars.length === 0) continue;
      index.limits.push({
        row: model.addRow('ml', levelVars, '<=', perLevel),
        kind: 'max-hires-level',
        label: `Kwartaal ${q + 1}: max. ${levelName(Number(key))}`,
        limit: perLevel,
        integer: true,
      });
    }
    const trainVars = index.trainings
      .filter((d) => d.quarter === q)
      .map((d) => ({ variable: d.v, coefficient: 1 }));
    if (trainVars.length)
      index.limits.push({
        row: model.addRow('ts', trainVars, '<=', options.trainingSeatsPerQuarter),
        kind: 'training-seats',
        label: `Kwartaal ${q + 1}: opleidingsplaatsen / training seats`,
        limit: options.trainingSeatsPerQuarter,
        integer: true,
      });
  }
  if (options.agencyCapShare !== null) {
    const limit = options.agencyCapShare * totalDemand;
    index.limits.push({
      row: model.addRow('ag', agencyTerms, '<=', limit),
      kind: 'agency-cap',
      label: `Inhuur (PNIL) max. ${Math.round(options.agencyCapShare * 100)} % van de vraaguren / agency cap`,
      limit: r2(limit),
      integer: false,
    });
  }
  if (options.budget !== null) {
    for (const d of [...index.hires, ...index.trainings])
      spendTerms.push({ variable: d.v, coefficient: model.variables[d.v].cost });
    index.limits.push({
      row: model.addRow('b', spendTerms, '<=', options.budget),
      kind: 'budget',
      label: 'Budget',
      limit: options.budget,
      integer: false,
    });
  }
  if (relax) model.rows[relax.row].rhs += relax.by;
  return { model, index, effective };
}

function breakdown(
  model: LinearModel,
  index: Index,
  values: Float64Array,
  recruitmentCost: number,
): CostBreakdown {
  const out: CostBreakdown = {
    salaries: 0,
    recruitment: 0,
    training: 0,
    overtime: 0,
    flex: 0,
    agency: 0,
    total: 0,
  };
  for (const d of index.hires) {
    const n = Math.round(values[d.v]);
    out.recruitment += n * recruitmentCost;
    out.salaries += n * (model.variables[d.v].cost - recruitmentCost);
  }
  for (const d of index.trainings) out.training += Math.round(values[d.v]) * model.variables[d.v].cost;
  for (const e of index.extra)
    if (e.kind !== 'uncovered') out[e.kind] += values[e.v] * model.variables[e.v].cost;
  out.total = out.salaries + out.recruitment + out.training + out.overtime + out.flex + out.agency;
  for (const k of Object.keys(out) as Array<keyof CostBreakdown>) out[k] = r2(out[k]);
  return out;
}

function extraHours(index: Index, values: Float64Array) {
  const out = { overtime: 0, flex: 0, agency: 0, uncovered: 0 };
  for (const e of index.extra) out[e.kind] += values[e.v];
  return out;
}

function explain(r: Recommendation, a: Assumptions): { nl: string[]; en: string[] } {
  const nl: string[] = [];
  const en: string[] = [];
  const eur = (x: number) => `€ ${Math.round(x).toLocaleString('nl-NL')}`;
  const hrs = (x: number) => `${Math.round(x).toLocaleString('nl-NL')} u`;
  nl.push(
    `Zonder aannames of opleidingen kost het dichten van het tekort ${eur(r.baseline.total)} aan overwerk, flex en inhuur; met dit advies ${eur(r.cost.total)} (besparing ${eur(r.saving)}).`,
  );
  en.push(
    `Without hires or trainings, closing the gap costs ${eur(r.baseline.total)} in overtime, flex and agency hours; with this advice ${eur(r.cost.total)} (saving ${eur(r.saving)}).`,
  );
  for (const d of r.decisions) {
    const what =
      d.kind === 'hire'
        ? `${d.count} × ${levelName(d.level)} (${d.hoursPerWeek} u/wk) aannemen voor ${d.teamName}, start ${d.date}`
        : `${d.count} × opleiden ${levelName(d.level)} → ${levelName(d.level + 1)} in ${d.teamName}, start ${d.date} (${a.trainingWeeks} wk)`;
    const whatEn =
      d.kind === 'hire'
        ? `hire ${d.count} × ${levelName(d.level)} (${d.hoursPerWeek} h/wk) for ${d.teamName}, starting ${d.date}`
        : `train ${d.count} × ${levelName(d.level)} → ${levelName(d.level + 1)} in ${d.teamName}, starting ${d.date} (${a.trainingWeeks} wk)`;
    const w = d.withoutOne;
    nl.push(
      `${what}: levert ${hrs(d.effectiveHours)} inzetbare uren, kost ${eur(d.cost)}; één minder kost ${eur(w.extraCost)} extra (inhuur ${hrs(w.extraAgency)}, flex ${hrs(w.extraFlex)}, overwerk ${hrs(w.extraOvertime)}).`,
    );
    en.push(
      `${whatEn}: adds ${hrs(d.effectiveHours)} available hours at ${eur(d.cost)}; one fewer costs ${eur(w.extraCost)} more (agency ${hrs(w.extraAgency)}, flex ${hrs(w.extraFlex)}, overtime ${hrs(w.extraOvertime)}).`,
    );
  }
  for (const b of r.binding) {
    const value = b.valueOfOneMore === null ? '' : ` — één eenheid meer scheelt ${eur(b.valueOfOneMore)}`;
    const valueEn = b.valueOfOneMore === null ? '' : ` — one more unit saves ${eur(b.valueOfOneMore)}`;
    nl.push(`Grens bereikt: ${b.label} (${b.used} van ${b.limit})${value}.`);
    en.push(`Binding: ${b.label} (${b.used} of ${b.limit})${valueEn}.`);
  }
  if (r.hours.uncovered > 0.5) {
    nl.push(
      `Binnen de grenzen blijft ${hrs(r.hours.uncovered)} onbemenst: verruim een grens of accepteer dit risico.`,
    );
    en.push(`Within the limits ${hrs(r.hours.uncovered)} stay uncovered: relax a limit or accept this risk.`);
  }
  return { nl, en };
}

function r2(x: number): number {
  return Math.round(x * 100) / 100;
}
