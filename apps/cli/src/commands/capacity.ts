/**
 * `planmaat capacity plan DIR`: the 52-week capacity gap per team and qualification level, the
 * standard (or your own) scenarios side by side and, with --recommend, the hiring/training mix —
 * printed, or exported as CSV, XLSX, JSON or a printable HTML report for the management team.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  levelName,
  parseCapacityRequest,
  planCapacity,
  recommendCapacity,
  type CapacityPlan,
  type Projection,
  type Recommendation,
} from '@planmaat/capacity';
import { InputError } from '@planmaat/domain';
import { CliExit } from '../cli-exit.ts';
import { integerOption } from '../options.ts';
import { escapeHtml, exportKind, PRINT_CSS, writeTables, type Table } from '../tables.ts';
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

export function capacityTables(plan: CapacityPlan, advice?: Recommendation): Table[] {
  const fte = plan.assumptions.fteHours;
  const gap: Table = {
    name: 'gap',
    headers: [
      'scenario',
      'team_id',
      'team',
      'level',
      'week',
      'week_start',
      'demand_h',
      'available_h',
      'shortage_h',
      'surplus_h',
      'shortage_fte',
    ],
    rows: [],
  };
  const projections: Array<[string, Projection]> = [
    ['base', plan.comparison.base],
    ...plan.comparison.scenarios.map((s) => [s.id, s.projection] as [string, Projection]),
  ];
  for (const [id, p] of projections)
    for (const t of p.teams)
      for (const l of t.levels)
        for (let w = 0; w < p.weeks; w++)
          gap.rows.push([
            id,
            t.teamId,
            t.name,
            l.level,
            p.isoWeeks[w],
            p.weekStarts[w],
            l.demand[w],
            l.supply[w],
            l.shortage[w],
            l.surplus[w],
            Math.round((l.shortage[w] / fte) * 100) / 100,
          ]);
  const summary: Table = {
    name: 'summary',
    headers: [
      'scenario',
      'team',
      'demand_h',
      'available_h',
      'shortage_h',
      'surplus_h',
      'peak_shortage_fte',
      'weeks_short',
      'closing_cost_mix',
      'overtime_only',
      'flex_only',
      'agency_only',
    ],
    rows: [],
  };
  for (const [id, p] of projections)
    for (const t of [
      ...p.teams.map((x) => ({ name: x.name, s: x.summary })),
      { name: 'Totaal', s: p.summary },
    ])
      summary.rows.push([
        id,
        t.name,
        t.s.demandHours,
        t.s.supplyHours,
        t.s.shortageHours,
        t.s.surplusHours,
        t.s.peakShortageFte,
        t.s.weeksShort,
        t.s.closingCost.mix,
        t.s.closingCost.overtimeOnly,
        t.s.closingCost.flexOnly,
        t.s.closingCost.agencyOnly,
      ]);
  const scenarios: Table = {
    name: 'scenarios',
    headers: [
      'scenario',
      'name',
      'delta_shortage_h',
      'delta_surplus_h',
      'delta_peak_fte',
      'delta_closing_cost',
      'notes',
    ],
    rows: plan.comparison.scenarios.map((s) => [
      s.id,
      s.name,
      s.delta.shortageHours,
      s.delta.surplusHours,
      s.delta.peakShortageFte,
      s.delta.closingCostMix,
      s.notes.join('; '),
    ]),
  };
  const tables = [gap, summary, scenarios];
  if (advice)
    tables.push({
      name: 'recommendation',
      headers: [
        'kind',
        'team',
        'level',
        'quarter',
        'start',
        'count',
        'hours_per_week',
        'effective_h',
        'cost',
        'one_fewer_extra_cost',
        'one_fewer_extra_agency_h',
      ],
      rows: advice.decisions.map((d) => [
        d.kind,
        d.teamName,
        d.kind === 'hire' ? d.level : `${d.level}→${d.level + 1}`,
        d.quarter,
        d.date,
        d.count,
        d.hoursPerWeek,
        d.effectiveHours,
        d.cost,
        d.withoutOne.extraCost,
        d.withoutOne.extraAgency,
      ]),
    });
  return tables;
}

/** One SVG bar per week: shortage down (red), surplus up (green), in FTE. */
function gapChart(total: { shortage: number[]; surplus: number[] }, fte: number): string {
  const w = 640;
  const h = 120;
  const n = total.shortage.length;
  const max = Math.max(1, ...total.shortage.map((x) => x / fte), ...total.surplus.map((x) => x / fte));
  const bw = w / n;
  const mid = h / 2;
  const bars = total.shortage
    .map((s, i) => {
      const down = (s / fte / max) * (mid - 4);
      const up = (total.surplus[i] / fte / max) * (mid - 4);
      return `<rect x="${(i * bw).toFixed(1)}" y="${(mid - up).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${up.toFixed(1)}" fill="#6cbf73"/><rect x="${(i * bw).toFixed(1)}" y="${mid}" width="${(bw - 1).toFixed(1)}" height="${down.toFixed(1)}" fill="#d9534f"/>`;
    })
    .join('');
  return `<svg width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img" aria-label="gap chart"><line x1="0" y1="${mid}" x2="${w}" y2="${mid}" stroke="#999"/>${bars}<text x="2" y="10" font-size="9">+${n1(max)} fte</text><text x="2" y="${h - 2}" font-size="9">−${n1(max)} fte</text></svg>`;
}

export function capacityHtml(organisation: string, plan: CapacityPlan, advice?: Recommendation): string {
  const p = plan.comparison.base;
  const fte = plan.assumptions.fteHours;
  const e = escapeHtml;
  const teamSections = p.teams
    .map(
      (t) => `<section><h2>${e(t.name)}</h2>${gapChart(t.total, fte)}
<table><tr><th>Niveau</th><th>Vraag (u)</th><th>Inzetbaar (u)</th><th>Tekort (u)</th><th>Overschot (u)</th><th>Piek tekort (fte)</th></tr>
${t.levels
  .map(
    (l) =>
      `<tr><td>${e(levelName(l.level))}</td><td>${n0(sum(l.demand))}</td><td>${n0(sum(l.supply))}</td><td>${n0(sum(l.shortage))}</td><td>${n0(sum(l.surplus))}</td><td>${n1(Math.max(...l.shortage) / fte)}</td></tr>`,
  )
  .join('\n')}
</table><p class="muted">Dichten: € ${n0(t.summary.closingCost.mix)} (flex ${n0(t.summary.closingHours.flex)} u, overwerk ${n0(t.summary.closingHours.overtime)} u, inhuur ${n0(t.summary.closingHours.agency)} u)</p></section>`,
    )
    .join('\n');
  const scenarioRows = plan.comparison.scenarios
    .map(
      (s) =>
        `<tr><td>${e(s.name)}</td><td>${n0(s.projection.summary.shortageHours)}</td><td>${sign(s.delta.shortageHours)}</td><td>${n1(s.projection.summary.peakShortageFte)}</td><td>€ ${n0(s.projection.summary.closingCost.mix)}</td><td>€ ${sign(s.delta.closingCostMix)}</td></tr>`,
    )
    .join('\n');
  const a = plan.assumptions;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Capaciteitsplan ${e(organisation)}</title><style>${PRINT_CSS}</style></head><body>
<h1>Capaciteitsplan ${e(organisation)}</h1>
<p class="muted">${p.weekStarts[0]} – ${p.weekStarts[p.weeks - 1]}, ${p.weeks} weken. Aannames (instelbaar): verzuim ${n1(a.absenceRate * 100)} %, verlof ${n1(a.leaveRate * 100)} %, verloop ${n1(a.turnoverPerYear * 100)} %/jaar, vacaturetijd ${a.timeToHireWeeks} wk, groei ${n1(a.growthPerYear * 100)} %/jaar, reistijd thuiszorg ${n1(a.travelShare * 100)} %.</p>
<h2>Totaal</h2>${gapChart(
    p.teams.reduce(
      (acc, t) => ({
        shortage: acc.shortage.map((x, i) => x + t.total.shortage[i]),
        surplus: acc.surplus.map((x, i) => x + t.total.surplus[i]),
      }),
      { shortage: new Array(p.weeks).fill(0), surplus: new Array(p.weeks).fill(0) },
    ),
    fte,
  )}
<p>Tekort ${n0(p.summary.shortageHours)} u, piek ${n1(p.summary.peakShortageFte)} fte; dichten kost € ${n0(p.summary.closingCost.mix)} (alleen overwerk € ${n0(p.summary.closingCost.overtimeOnly)}, alleen flex € ${n0(p.summary.closingCost.flexOnly)}, alleen inhuur € ${n0(p.summary.closingCost.agencyOnly)}).</p>
<h2>Scenario’s</h2><table><tr><th>Scenario</th><th>Tekort (u)</th><th>Δ tekort</th><th>Piek (fte)</th><th>Kosten dichten</th><th>Δ kosten</th></tr>
<tr><td>Basis</td><td>${n0(p.summary.shortageHours)}</td><td></td><td>${n1(p.summary.peakShortageFte)}</td><td>€ ${n0(p.summary.closingCost.mix)}</td><td></td></tr>
${scenarioRows}</table>
${advice ? `<section><h2>Advies aannemen en opleiden</h2><ul>${advice.explanation.nl.map((l) => `<li>${e(l)}</li>`).join('')}</ul></section>` : ''}
${teamSections}
<p class="muted">Tekort = vraag die niet door dit niveau of een hoger niveau gedekt wordt. Bedragen zijn schattingen op basis van de ingestelde uurkosten.</p>
</body></html>
`;
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
