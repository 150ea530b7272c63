/** Planner-facing texts: durations, units and the rule messages in Dutch and English. */
import { fromEpochMinutes } from '@planmaat/domain';
import type { CompiledRule } from './compile.ts';
import { DYNAMIC_REASONS } from './sink.ts';
import { KIND_NAMES, type Unit, type Violation } from './types.ts';

export type Lang = 'nl' | 'en';

/** "10 u 59 min" / "10 h 59 min"; whole hours without minutes, under an hour only minutes. */
export function formatDuration(minutes: number, lang: Lang): string {
  const total = Math.round(minutes);
  const sign = total < 0 ? '-' : '';
  const abs = Math.abs(total);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  const hu = lang === 'nl' ? 'u' : 'h';
  if (h === 0) return `${sign}${m} min`;
  if (m === 0) return `${sign}${h} ${hu}`;
  return `${sign}${h} ${hu} ${m} min`;
}

/** Unit of value/limit for a rule kind and message aspect. */
export function unitOf(rule: CompiledRule, aspect: string | undefined): Unit {
  switch (rule.kind) {
    case 'week-hours':
      return (rule.params.weeks as number) === 1 ? 'min' : 'min/week';
    case 'week-count':
    case 'consecutive-nights':
    case 'night-series-length':
    case 'free-sundays':
    case 'free-weekends':
    case 'on-call-count':
      return 'count';
    case 'night-length':
      return aspect === 'count-window' || aspect === 'count-weeks' ? 'count' : 'min';
    default:
      return 'min';
  }
}

const ON_CALL_NAMES: Record<string, { nl: string; en: string }> = {
  'on-call-home': { nl: 'Bereikbaarheidsdienst', en: 'On-call duty from home' },
  'on-call-site': { nl: 'Aanwezigheidsdienst', en: 'On-call duty on site' },
};

function formatAmount(value: number, unit: Unit, lang: Lang): string {
  if (unit === 'count') return String(value);
  return formatDuration(value, lang);
}

/** Local "dd-mm-yyyy HH:MM" of an instant. */
export function formatLocal(epoch: number): string {
  const iso = fromEpochMinutes(epoch);
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}

export function messageOf(v: Violation, rule: CompiledRule, lang: Lang): string {
  const templates = rule.definition.messages;
  const template = (v.aspect && templates[v.aspect]) || templates.default;
  const d = v.details;
  const fill: Record<string, string> = {
    value: formatAmount(v.value, v.unit, lang),
    limit: formatAmount(v.limit, v.unit, lang),
    cite: rule.cite,
    period: `${formatLocal(v.start)} – ${formatLocal(v.end)}`,
  };
  if (d.total !== undefined) fill.total = formatDuration(d.total, lang);
  if (d.work !== undefined) fill.work = formatDuration(d.work, lang);
  for (const key of ['weeks', 'nights', 'year'] as const)
    if (d[key] !== undefined) fill[key] = String(d[key]);
  if (d.kindCode !== undefined)
    fill.kind = ON_CALL_NAMES[KIND_NAMES[d.kindCode]]?.[lang] ?? KIND_NAMES[d.kindCode];
  return template[lang].replace(/\{(\w+)\}/g, (m, key: string) => fill[key] ?? m);
}

/** Reasons this violation is unconfirmed, in the requested language where available. */
export function unconfirmedReasonsOf(v: Violation, rule: CompiledRule, lang: Lang): string[] {
  const reasons = [...rule.unconfirmedReasons];
  for (const r of DYNAMIC_REASONS) if (v.dynamicFlags & r.bit) reasons.push(r[lang]);
  return reasons;
}
