/**
 * The capacity plan as tables (CSV/XLSX: gap per scenario × team × level × week, summary,
 * scenarios, recommendation) and as a printable HTML report for the management team. Pure text:
 * the CLI writes it to files, the API sends it.
 */
import type { CapacityPlan } from './plan.ts';
import type { Projection } from './project.ts';
import type { Recommendation } from './recommend.ts';
import { levelName } from './scenarios.ts';

export type TableCell = string | number | boolean | null;
export interface Table {
  name: string;
  headers: string[];
  rows: TableCell[][];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export const PRINT_CSS = `
  body { font: 11pt/1.35 system-ui, sans-serif; margin: 1.5cm; color: #222; }
  h1 { font-size: 18pt; margin: 0 0 .3em; } h2 { font-size: 13pt; margin: 1.2em 0 .4em; }
  table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 9.5pt; }
  th, td { border-bottom: 1px solid #ccc; padding: 3px 6px; text-align: right; }
  th:first-child, td:first-child { text-align: left; }
  .muted { color: #666; font-size: 9pt; } .box { border: 1px solid #999; min-height: 2.2em; margin: .3em 0; }
  @media print { body { margin: 1cm; } h2 { break-after: avoid; } section { break-inside: avoid; } }
`;

const n0 = (x: number) => Math.round(x).toLocaleString('nl-NL');
const n1 = (x: number) => (Math.round(x * 10) / 10).toLocaleString('nl-NL');

export function signed(x: number): string {
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
        `<tr><td>${e(s.name)}</td><td>${n0(s.projection.summary.shortageHours)}</td><td>${signed(s.delta.shortageHours)}</td><td>${n1(s.projection.summary.peakShortageFte)}</td><td>€ ${n0(s.projection.summary.closingCost.mix)}</td><td>€ ${signed(s.delta.closingCostMix)}</td></tr>`,
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
