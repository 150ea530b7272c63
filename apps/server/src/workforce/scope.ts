/**
 * Who sees which teams in capacity and insight: admins and planners every team; a team leader the
 * teams they lead, with the organisation totals as benchmark; employees nothing (403).
 */
import type { CapacityPlan, Recommendation } from '@planmaat/capacity';
import type { User } from '@planmaat/db';
import type { Viewer } from '@planmaat/insight';
import { isStaff } from '../auth/access.ts';
import { forbidden } from '../http/problem.ts';

export function requireWorkforceReader(user: User): void {
  if (user.role === 'employee')
    throw forbidden(
      'Teamcijfers zijn voor management en teamleiders / team figures are for management and team leaders.',
    );
}

export function viewerOf(user: User): Viewer {
  requireWorkforceReader(user);
  return { role: user.role, teamIds: user.teamIds };
}

/** Teams this user may see, or undefined for all of them. */
export function visibleTeamIds(user: User): string[] | undefined {
  requireWorkforceReader(user);
  return isStaff(user) ? undefined : user.teamIds;
}

/** Only the teams the user may see; organisation-wide summaries stay as the benchmark. */
export function scopePlan(plan: CapacityPlan, teamIds: string[] | undefined): CapacityPlan {
  if (!teamIds) return plan;
  const mine = <T extends { teamId: string }>(rows: T[]) => rows.filter((r) => teamIds.includes(r.teamId));
  const base = {
    ...plan.base,
    teams: plan.base.teams.filter((t) => teamIds.includes(t.id)),
    demand: mine(plan.base.demand),
    staff: mine(plan.base.staff),
    knownLeave: mine(plan.base.knownLeave),
    graduations: mine(plan.base.graduations),
    plannedHires: mine(plan.base.plannedHires),
  };
  const projection = <P extends { teams: Array<{ teamId: string }> }>(p: P): P => ({
    ...p,
    teams: mine(p.teams),
  });
  return {
    ...plan,
    base,
    comparison: {
      base: projection(plan.comparison.base),
      scenarios: plan.comparison.scenarios.map((s) => ({ ...s, projection: projection(s.projection) })),
    },
  };
}

/**
 * A team leader's view of the organisation-wide advice: the decisions and marginal costs of their
 * own teams, the totals, and only the explanation lines that name no other team.
 */
export function scopeRecommendation(
  advice: Recommendation,
  teamIds: string[] | undefined,
  teams: Array<{ id: string; name: string }>,
): Recommendation {
  if (!teamIds) return advice;
  const others = teams.filter((t) => !teamIds.includes(t.id)).map((t) => t.name);
  const clean = (lines: string[]) => lines.filter((l) => !others.some((name) => l.includes(name)));
  return {
    ...advice,
    decisions: advice.decisions.filter((d) => teamIds.includes(d.teamId)),
    marginalCosts: advice.marginalCosts.filter((m) => teamIds.includes(m.teamId)),
    explanation: { nl: clean(advice.explanation.nl), en: clean(advice.explanation.en) },
  };
}
