/**
 * Insight views as export tables (the rows are already suppressed) and the one-page team report
 * as printable HTML. Pure text: the CLI writes files, the API sends it.
 */
import type { Figures } from './figures.ts';
import type { InsightReport } from './report.ts';
import { FIGURE_LABELS, type TeamReport } from './team-report.ts';

export interface InsightTable {
  name: string;
  headers: string[];
  rows: Array<Array<string | number | boolean | null>>;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Same print style as the capacity report. */
const PRINT_CSS = `
  body { font: 11pt/1.35 system-ui, sans-serif; margin: 1.5cm; color: #222; }
  h1 { font-size: 18pt; margin: 0 0 .3em; } h2 { font-size: 13pt; margin: 1.2em 0 .4em; }
  table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; font-size: 9.5pt; }
  th, td { border-bottom: 1px solid #ccc; padding: 3px 6px; text-align: right; }
  th:first-child, td:first-child { text-align: left; }
  .muted { color: #666; font-size: 9pt; } .box { border: 1px solid #999; min-height: 2.2em; margin: .3em 0; }
  @media print { body { margin: 1cm; } h2 { break-after: avoid; } section { break-inside: avoid; } }
`;

export const FIGURE_KEYS = Object.keys(FIGURE_LABELS) as Array<keyof Figures>;

export function insightTable(report: InsightReport): InsightTable {
  return {
    name: 'insight',
    headers: ['period', 'team_id', 'team', 'level_band', 'contract_band', 'suppressed', ...FIGURE_KEYS],
    rows: report.rows.map((r) => [
      r.periodId,
      r.teamId,
      r.teamName,
      report.filter.levelBand,
      report.filter.contractBand,
      r.suppressed ?? '',
      ...FIGURE_KEYS.map((k) => r.figures?.[k] ?? null),
    ]),
  };
}

export function teamReportHtml(r: TeamReport): string {
  const e = escapeHtml;
  const fmt = (x: number | null, unit: string) =>
    x === null ? '–' : `${x.toLocaleString('nl-NL')}${unit ? ` ${unit}` : ''}`;
  const arrow = (t: TeamReport['figures'][number]['trend']) =>
    t === 'better' ? '▲ beter' : t === 'worse' ? '▼ slechter' : t === 'same' ? '= gelijk' : '';
  const rows = r.suppressed
    ? `<p>De groep is te klein (${'≤'} 5 personen) om cijfers te tonen. Bespreek de thema’s en acties.</p>`
    : `<table><tr><th>Cijfer</th><th>${e(r.period.label)}</th><th>${e(r.previous?.label ?? 'vorige')}</th><th>Trend</th><th>Organisatie</th></tr>${r.figures
        .map(
          (f) =>
            `<tr><td>${e(f.label.nl)}</td><td>${fmt(f.current, f.unit)}</td><td>${fmt(f.previous, f.unit)}</td><td>${arrow(f.trend)}</td><td>${fmt(f.organisation, f.unit)}</td></tr>`,
        )
        .join('')}</table>`;
  const themes = r.themes.length
    ? `<ul>${r.themes.map((t) => `<li>${e(t.label.nl)} (${t.count}×)</li>`).join('')}</ul>`
    : '<p class="muted">Geen signalen gemeld.</p>';
  const follow = r.followUp.length
    ? `<table><tr><th>Afspraak</th><th>Wie</th><th>Status</th><th>Opvolging</th></tr>${r.followUp
        .map(
          (a) =>
            `<tr><td>${e(a.text)}</td><td>${e(a.owner ?? '')}</td><td>${e(a.status)}</td><td>${e(a.followUp ?? '')}</td></tr>`,
        )
        .join('')}</table>`
    : '<p class="muted">Geen open afspraken.</p>';
  const slots = Array.from({ length: r.actionSlots }, () => '<div class="box"></div>').join('');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Teamrapport ${e(r.team.name)} ${e(r.period.label)}</title><style>${PRINT_CSS}</style></head><body>
<h1>Teamrapport ${e(r.team.name)} — ${e(r.period.label)}</h1>
<p class="muted">Alleen groepscijfers; groepen van 5 of minder personen worden niet getoond. Geen diagnoses of oorzaken.</p>
<section><h2>Cijfers</h2>${rows}</section>
<section><h2>Signalen van medewerkers (thema’s)</h2>${themes}</section>
<section><h2>Afspraken vorige keer</h2>${follow}</section>
<section><h2>Nieuwe afspraken (wat, wie, wanneer)</h2>${slots}</section>
</body></html>
`;
}
