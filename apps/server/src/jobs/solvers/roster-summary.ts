/**
 * What a roster proposal leaves behind, in planners' words: the hard violations (labour rules of
 * tier legal/cao, a shift on a day someone may not work, overlapping shifts) of the proposal and
 * of the roster it started from, each with the person, the days, the rule and its article. The
 * figures come from the care model's own explanation (`explainCareRoster`), computed from scratch.
 * Coverage per shift is counted by the web app from the proposal's cells, as in the grid.
 */
import type { Assignment, OrganisationData } from '@planmaat/domain';
import { explainCareRoster, type CareExplanation, type CareModelOptions } from '@planmaat/roster';
import { compileRuleSet } from '@planmaat/rules';

export interface Bilingual {
  nl: string;
  en: string;
}

export interface HardViolationItem {
  /** Rule id (e.g. `atw.daily-rest`) or `structural.unavailable` / `structural.overlap`. */
  constraint: string;
  title: Bilingual;
  /** Article of a labour rule, e.g. "ATW art. 5:3 lid 1". */
  cite?: string;
  employeeId?: string;
  name?: string;
  dates: string[];
  message: Bilingual;
  /** Already in the roster the solve started from (not made by the proposal). */
  existing: boolean;
}

export interface RosterProposalSummary {
  hard: {
    /** Hard violations of the roster the solve started from. */
    before: number;
    /** Hard violations the proposal leaves. */
    after: number;
    /** The proposal's, at most `MAX_ITEMS`, new ones first. */
    items: HardViolationItem[];
  };
}

export const MAX_ITEMS = 200;

const STRUCTURAL_TITLES: Record<string, Bilingual> = {
  'structural.unavailable': {
    nl: 'Ingeroosterd terwijl niet inzetbaar (afwezig, niveau, nachten of vastgezet)',
    en: 'Rostered while not available (absent, level, nights or pinned)',
  },
  'structural.overlap': { nl: 'Overlappende diensten', en: 'Overlapping shifts' },
};

function hardItems(
  explanation: CareExplanation,
  titleOf: (constraint: string) => Bilingual,
  nameOf: Map<string, string>,
) {
  return explanation.constraints
    .filter((c) => c.level === 'hard')
    .flatMap((c) =>
      c.matches.map((m) => ({
        constraint: c.constraint,
        title: titleOf(c.constraint),
        ...(m.cite ? { cite: m.cite } : {}),
        ...(m.employeeId ? { employeeId: m.employeeId, name: nameOf.get(m.employeeId) } : {}),
        dates: m.dates,
        message: m.message,
      })),
    );
}

const keyOf = (x: { constraint: string; employeeId?: string; dates: string[] }) =>
  `${x.constraint}|${x.employeeId ?? ''}|${x.dates.join(',')}`;

/** The summary of `assignments` (the proposal) against the period's current roster in `data`. */
export function summariseRosterProposal(
  data: OrganisationData,
  periodId: string,
  options: CareModelOptions,
  assignments: Assignment[],
): RosterProposalSummary {
  const ruleSet = compileRuleSet({ select: options.ruleProfiles ?? data.organisation.ruleProfiles });
  const titleOf = (constraint: string): Bilingual =>
    STRUCTURAL_TITLES[constraint] ??
    ruleSet.byId.get(constraint)?.definition.title ?? { nl: constraint, en: constraint };
  const nameOf = new Map(data.employees.map((e) => [e.id, e.name]));
  const before = hardItems(explainCareRoster(data, periodId, options), titleOf, nameOf);
  const after = hardItems(explainCareRoster(data, periodId, { ...options, assignments }), titleOf, nameOf);
  const existing = new Set(before.map(keyOf));
  const items = after
    .map((x) => ({ ...x, existing: existing.has(keyOf(x)) }))
    .sort(
      (a, b) =>
        Number(a.existing) - Number(b.existing) ||
        (a.dates[0] ?? '').localeCompare(b.dates[0] ?? '') ||
        (a.name ?? '').localeCompare(b.name ?? ''),
    )
    .slice(0, MAX_ITEMS);
  return { hard: { before: before.length, after: after.length, items } };
}
