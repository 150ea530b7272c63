/** What publishing leaves open: the roster's rule signals, hard ones (law, CAO, absence) first. */
import type { Tier } from '../api/types.ts';

/** Tiers that break a rule or leave a shift without its person; the others are advice. */
export const HARD_TIERS: ReadonlySet<Tier> = new Set<Tier>(['absence', 'legal', 'cao']);

export interface OpenSignals {
  hard: number;
  soft: number;
}

export function openSignals(signals: ReadonlyArray<{ tier: Tier }>): OpenSignals {
  let hard = 0;
  for (const s of signals) if (HARD_TIERS.has(s.tier)) hard++;
  return { hard, soft: signals.length - hard };
}
