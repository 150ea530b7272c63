/**
 * Rule signals from the API's rule check, shaped for the grid: per cell, worst tier first. Every
 * figure comes from the rule engine's violation as the server reports it (rule, tier, source,
 * measured value and limit with unit, period, shifts, message in nl and en); nothing is
 * re-derived here.
 */
import type { RuleCheck, RuleCheckViolation } from '../api/endpoints.ts';
import type { Bilingual, RuleSignal, Tier } from '../api/types.ts';
import type { GridModel } from './grid-model.ts';

/** Worst first: a shift during an absence needs cover before anything else. */
export const TIER_ORDER: Record<Tier, number> = { absence: 0, legal: 1, cao: 2, healthy: 3, preference: 4 };

export function tierOf(severity: string | undefined): Tier {
  const s = (severity ?? '').toLowerCase();
  if (s === 'absence') return 'absence';
  if (s === 'legal' || s === 'error' || s === 'atw' || s === 'hard') return 'legal';
  if (s === 'cao') return 'cao';
  if (s === 'healthy' || s === 'warning') return 'healthy';
  if (s === 'preference' || s === 'info' || s === 'soft') return 'preference';
  return 'cao';
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);

export function signalFromViolation(v: RuleCheckViolation, index: number): RuleSignal | undefined {
  if (!v.employeeId) return undefined;
  const dates = v.dates?.length ? [...v.dates] : v.date ? [v.date] : [];
  const message: Bilingual = v.messages ?? { nl: v.message, en: v.message };
  return {
    id: `${v.ruleId}|${v.employeeId}|${v.period?.start ?? dates.join(',')}|${index}`,
    rule: v.ruleId,
    tier: tierOf(v.tier ?? v.severity),
    employeeId: v.employeeId,
    dates,
    title: v.title ?? { nl: v.ruleId, en: v.ruleId },
    message,
    source: v.source,
    measured: num(v.value),
    limit: num(v.limit),
    unit: v.unit ?? '',
    period: v.period,
    shifts: (v.shifts ?? []).map(({ date, start, end, shiftTypeId }) => ({ date, start, end, shiftTypeId })),
    unconfirmed: v.unconfirmed === true,
  };
}

/** The text of a signal in the UI language (Dutch unless English is chosen). */
export function inLanguage(text: Bilingual, lang: string): string {
  return lang.startsWith('en') ? text.en : text.nl;
}

/** "ATW art. 5:3 lid 1" or "Cao VVT art. 5.1 (Cao VVT 2025-2026)": the citation with the CAO edition. */
export function sourceText(signal: RuleSignal): string {
  if (!signal.source) return '';
  const { cite, edition } = signal.source;
  return edition ? `${cite} (${edition})` : cite;
}

export function signalsFromCheck(check: RuleCheck | null | undefined): RuleSignal[] {
  if (!check) return [];
  return check.violations.map(signalFromViolation).filter((s): s is RuleSignal => s !== undefined);
}

/** Replace the signals of the re-checked employees, keep the others. */
export function mergeSignals(
  previous: RuleSignal[],
  fresh: RuleSignal[],
  employeeIds: string[],
): RuleSignal[] {
  const rechecked = new Set(employeeIds);
  return [...previous.filter((s) => !rechecked.has(s.employeeId)), ...fresh];
}

/** Signals per cell index (row * days + col), most severe first. */
export function signalsByCell(model: GridModel, signals: RuleSignal[]): Map<number, RuleSignal[]> {
  const out = new Map<number, RuleSignal[]>();
  const days = model.dates.length;
  for (const s of signals) {
    const row = model.rowOf.get(s.employeeId);
    if (row === undefined) continue;
    for (const date of s.dates) {
      const col = model.colOf.get(date);
      if (col === undefined) continue;
      const key = row * days + col;
      const list = out.get(key);
      if (list) list.push(s);
      else out.set(key, [s]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier]);
  return out;
}

/** A measured value or limit with its unit: "8:00 u", "48:00 u per week", "7 (aantal)". */
export function formatMeasure(value: number, unit: string, lang = 'nl'): string {
  if (!Number.isFinite(value)) return '–';
  const en = lang.startsWith('en');
  if (unit === 'min' || unit === 'min/week') {
    const h = Math.floor(Math.abs(value) / 60);
    const m = Math.round(Math.abs(value) % 60);
    const text = `${value < 0 ? '−' : ''}${h}:${String(m).padStart(2, '0')} ${en ? 'h' : 'u'}`;
    return unit === 'min/week' ? `${text} per week` : text;
  }
  if (unit === 'count') return `${value} ${en ? '(count)' : '(aantal)'}`;
  return String(value);
}

/** One line for a tooltip: title, source, measured vs limit. */
export function signalSummary(signal: RuleSignal, lang: string): string {
  const parts = [inLanguage(signal.title, lang)];
  const source = sourceText(signal);
  if (source) parts.push(source);
  if (Number.isFinite(signal.measured) && Number.isFinite(signal.limit)) {
    const en = lang.startsWith('en');
    parts.push(
      `${en ? 'measured' : 'gemeten'} ${formatMeasure(signal.measured, signal.unit, lang)}, ${en ? 'limit' : 'grens'} ${formatMeasure(signal.limit, signal.unit, lang)}`,
    );
  }
  return parts.join(' · ');
}
