/**
 * Rule signals from the API's rule check, shaped for the grid: per cell, worst tier first.
 * The check answers `{ruleId, severity, employeeId, date, message}` and may add the measured
 * value, limit, unit, article and the dates involved; whatever it adds is shown.
 */
import type { RuleCheck, RuleCheckViolation } from '../api/endpoints.ts';
import type { RuleSignal, Tier } from '../api/types.ts';
import { addDays, dayNumber } from '../dates.ts';
import type { GridModel } from './grid-model.ts';

const TIER_ORDER: Record<Tier, number> = { legal: 0, cao: 1, healthy: 2, preference: 3 };

export function tierOf(severity: string | undefined): Tier {
  const s = (severity ?? '').toLowerCase();
  if (s === 'legal' || s === 'error' || s === 'atw' || s === 'hard') return 'legal';
  if (s === 'cao') return 'cao';
  if (s === 'healthy' || s === 'warning') return 'healthy';
  if (s === 'preference' || s === 'info' || s === 'soft') return 'preference';
  return 'cao';
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : NaN);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** "… maximaal 7 (ATW art. 5:8 lid 6)" → the legal source at the end of a message, if any. */
export function splitArticle(message: string): { text: string; article: string } {
  const m = /\s*\(([^()]*\b(?:art\.|artikel|ATW|ATB|cao|CAO|BW)\b[^()]*)\)\s*\.?$/.exec(message);
  if (!m) return { text: message, article: '' };
  return { text: message.slice(0, m.index).trim(), article: m[1]!.trim() };
}

/** The days a violation spans (its date up to its end date), at most `max` of them. */
function spanDates(from: string, to: string | undefined, max = 31): string[] {
  if (!to || to <= from) return [from];
  const days = Math.min(max, dayNumber(to) - dayNumber(from) + 1);
  return Array.from({ length: days }, (_, i) => addDays(from, i));
}

export function signalFromViolation(v: RuleCheckViolation, index: number): RuleSignal | undefined {
  if (!v.employeeId) return undefined;
  const dates = Array.isArray(v.dates)
    ? (v.dates as unknown[]).filter((d): d is string => typeof d === 'string')
    : [];
  if (dates.length === 0 && v.date)
    dates.push(...spanDates(v.date, str(v.endDate) || str(v.end) || undefined));
  const { text, article } = splitArticle(v.message);
  const [title, ...rest] = text.split(/(?<=\.)\s+/);
  return {
    id: `${v.ruleId}|${v.employeeId}|${dates.join(',')}|${index}`,
    rule: v.ruleId,
    tier: tierOf(str(v.tier) || v.severity),
    employeeId: v.employeeId,
    dates,
    title: str(v.title) || title || v.ruleId,
    article: str(v.article) || str(v.source) || article,
    measured: num(v.value ?? v.measured),
    limit: num(v.limit),
    unit: str(v.unit),
    explanation: str(v.explanation) || rest.join(' '),
    unconfirmed: v.unconfirmed === true,
  };
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

export function formatMeasure(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  if (unit === 'min' || unit === 'min/week') {
    const h = Math.floor(Math.abs(value) / 60);
    const m = Math.round(Math.abs(value) % 60);
    const text = `${value < 0 ? '−' : ''}${h}:${String(m).padStart(2, '0')} u`;
    return unit === 'min/week' ? `${text}/wk` : text;
  }
  return String(value);
}
