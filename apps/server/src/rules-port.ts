/**
 * Rule checks (ATW/CAO) on a roster. The engine lives in @planmaat/rules; this port keeps the
 * server independent of its exact API and lets the endpoint report when no engine is present.
 */
import type { OrganisationData } from '@planmaat/domain';

export interface Bilingual {
  nl: string;
  en: string;
}

/** Where a rule comes from: a law or a CAO, its article, and the CAO edition it was read in. */
export interface RuleSourceReport {
  /** "ATW", "ATB", "Cao VVT", … */
  document: string;
  article: string;
  edition?: string;
  /** Short citation as in the messages, e.g. "ATW art. 5:8". */
  cite: string;
}

/** A shift the violation rests on (one roster cell when it comes from this roster). */
export interface RuleShiftReport {
  /** Local date of the cell (the shift's start date). */
  date: string;
  /** Local date-times `YYYY-MM-DDTHH:MM`. */
  start: string;
  end: string;
  breakMinutes: number;
  shiftTypeId?: string;
}

export interface RuleViolationReport {
  ruleId: string;
  severity: string;
  employeeId?: string;
  /** Local date the violation period starts. */
  date?: string;
  /** Dutch message (kept for older clients; `messages` has both languages). */
  message: string;
  /** The fields below come straight from the rule engine's violation when it provides them. */
  tier?: string;
  title?: Bilingual;
  messages?: Bilingual;
  source?: RuleSourceReport;
  /** Measured value and limit, both in `unit` ("min", "min/week" or "count"). */
  value?: number;
  limit?: number;
  unit?: string;
  /** Which part of a multi-part rule, e.g. "count-336h". */
  aspect?: string;
  /** Exact violation period, local date-times. */
  period?: { start: string; end: string };
  /** Local date the violation period ends. */
  endDate?: string;
  /** Roster dates the violation is about: the dates of its shifts, or the period's days without shifts. */
  dates?: string[];
  shifts?: RuleShiftReport[];
  unconfirmed?: boolean;
  unconfirmedReasons?: { nl: string[]; en: string[] };
}

export interface RuleCheckReport {
  violations: RuleViolationReport[];
  /** Free-form extra detail from the engine (per-rule counts, explanations). */
  detail?: unknown;
}

export interface RuleChecker {
  check(
    data: OrganisationData,
    scope: { teamId: string; from: string; to: string; employeeIds?: string[] },
  ): RuleCheckReport;
}
