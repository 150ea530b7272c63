/**
 * Rule checks (ATW/CAO) on a roster. The engine lives in @planmaat/rules; this port keeps the
 * server independent of its exact API and lets the endpoint report when no engine is present.
 */
import type { OrganisationData } from '@planmaat/domain';

export interface RuleViolationReport {
  ruleId: string;
  severity: string;
  employeeId?: string;
  date?: string;
  message: string;
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
