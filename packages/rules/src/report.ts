/** Check results as JSON or as text for planners (pure; the CLI prints what these return). */
import { fromEpochMinutes } from '@planmaat/domain';
import type { CompiledRuleSet } from './compile.ts';
import { formatLocal, messageOf, unconfirmedReasonsOf, type Lang } from './messages.ts';
import { TIERS, type Violation } from './types.ts';

export interface ReportContext {
  ruleSet: CompiledRuleSet;
  lang: Lang;
  employeeCount: number;
  shiftCount: number;
  /** Whether birth dates were given (otherwise only the adult rules were applied). */
  ageKnown: boolean;
  /** Employees in the shifts without a birth date (checked as adults). */
  withoutBirthDate?: readonly string[];
}

export function notesOf(ctx: ReportContext): string[] {
  const notes: string[] = [];
  const nl = ctx.lang === 'nl';
  if (!ctx.ageKnown)
    notes.push(
      nl
        ? 'Geen geboortedatums opgegeven (--employees): alle medewerkers zijn als volwassen getoetst; regels voor 16–17-jarigen niet toegepast.'
        : 'No birth dates given (--employees): every employee was checked as an adult; the rules for 16–17-year-olds were not applied.',
    );
  const missing = ctx.ageKnown ? (ctx.withoutBirthDate ?? []) : [];
  if (missing.length > 0) {
    const list = missing.slice(0, 10).join(', ') + (missing.length > 10 ? ', …' : '');
    notes.push(
      nl
        ? `Geen geboortedatum voor ${missing.length} medewerker(s) (${list}): als volwassen getoetst.`
        : `No birth date for ${missing.length} employee(s) (${list}): checked as adults.`,
    );
  }
  const unconfirmed = ctx.ruleSet.rules.filter((r) => r.unconfirmedReasons.length > 0).map((r) => r.id);
  if (unconfirmed.length > 0)
    notes.push(
      nl
        ? `Niet (volledig) bevestigde waarden of interpretaties in: ${unconfirmed.join(', ')}. Laat deze door HR/juridisch vaststellen of leg de eigen cao-waarde vast als override.`
        : `Unconfirmed values or interpretations in: ${unconfirmed.join(', ')}. Have HR/legal sign them off or record your own CAO value as an override.`,
    );
  return notes;
}

export function violationToJson(v: Violation, ctx: ReportContext): Record<string, unknown> {
  const rule = ctx.ruleSet.byId.get(v.rule)!;
  const out: Record<string, unknown> = {
    rule: v.rule,
    employee: v.employee,
    start: fromEpochMinutes(v.start),
    end: fromEpochMinutes(v.end),
    tier: v.tier,
    value: v.value,
    limit: v.limit,
    unit: v.unit,
    message: messageOf(v, rule, ctx.lang),
    source: rule.cite,
    unconfirmed: v.unconfirmed,
  };
  if (v.unconfirmed) out.unconfirmedReasons = unconfirmedReasonsOf(v, rule, ctx.lang);
  if (v.aspect) out.aspect = v.aspect;
  if (Object.keys(v.details).length > 0) out.details = v.details;
  out.shifts = v.shifts.map((s) => ({
    start: fromEpochMinutes(s.start),
    end: fromEpochMinutes(s.end),
    breakMinutes: s.breakMinutes,
    kind: s.kind,
    ...(s.source ? { source: s.source } : {}),
  }));
  return out;
}

export function reportJson(violations: readonly Violation[], ctx: ReportContext): string {
  const byTier: Record<string, number> = {};
  for (const t of TIERS) byTier[t] = 0;
  for (const v of violations) byTier[v.tier]++;
  return JSON.stringify(
    {
      violations: violations.map((v) => violationToJson(v, ctx)),
      summary: {
        employees: ctx.employeeCount,
        shifts: ctx.shiftCount,
        violations: violations.length,
        byTier,
        profiles: ctx.ruleSet.profiles,
        rules: ctx.ruleSet.rules.map((r) => r.id),
        ageRules: ctx.ageKnown ? 'by-birth-date' : 'adults-only',
      },
      notes: notesOf(ctx),
    },
    null,
    2,
  );
}

const TIER_NAMES: Record<string, { nl: string; en: string }> = {
  legal: { nl: 'wet', en: 'law' },
  cao: { nl: 'cao', en: 'CAO' },
  healthy: { nl: 'gezond', en: 'healthy' },
  preference: { nl: 'voorkeur', en: 'preference' },
};

export function reportText(violations: readonly Violation[], ctx: ReportContext): string {
  const { lang } = ctx;
  const nl = lang === 'nl';
  const lines: string[] = [];
  let current = '';
  for (const v of violations) {
    const rule = ctx.ruleSet.byId.get(v.rule)!;
    if (v.employee !== current) {
      if (current) lines.push('');
      current = v.employee;
      lines.push(`${nl ? 'Medewerker' : 'Employee'} ${v.employee}`);
    }
    lines.push(
      `  [${TIER_NAMES[v.tier][lang]}] ${v.rule}  ${formatLocal(v.start)} – ${formatLocal(v.end)}${v.unconfirmed ? (nl ? '  (niet bevestigd)' : '  (unconfirmed)') : ''}`,
    );
    lines.push(`    ${messageOf(v, rule, lang)}`);
    if (v.unconfirmed)
      for (const reason of unconfirmedReasonsOf(v, rule, lang))
        lines.push(`    ${nl ? 'Let op' : 'Note'}: ${reason}`);
    if (v.shifts.length > 0 && v.shifts.length <= 8) {
      const list = v.shifts.map((s) => `${formatLocal(s.start)}–${formatLocal(s.end).slice(11)}`).join(', ');
      lines.push(`    ${nl ? 'Diensten' : 'Shifts'}: ${list}`);
    } else if (v.shifts.length > 8) {
      lines.push(`    ${nl ? 'Diensten' : 'Shifts'}: ${v.shifts.length}`);
    }
  }
  if (lines.length > 0) lines.push('');
  const employeesWith = new Set(violations.map((v) => v.employee)).size;
  lines.push(
    nl
      ? `${violations.length} overtreding(en) bij ${employeesWith} van ${ctx.employeeCount} medewerker(s), ${ctx.shiftCount} diensten getoetst aan: ${ctx.ruleSet.profiles.join(', ')}.`
      : `${violations.length} violation(s) for ${employeesWith} of ${ctx.employeeCount} employee(s), ${ctx.shiftCount} shifts checked against: ${ctx.ruleSet.profiles.join(', ')}.`,
  );
  for (const note of notesOf(ctx)) lines.push(note);
  return lines.join('\n') + '\n';
}
