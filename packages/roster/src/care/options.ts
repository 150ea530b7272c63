/**
 * Inputs and knobs of the care-rostering model: what the planner asks for (period, window, pins,
 * re-plan settings) and the weights of the soft constraints. Everything is plain data so that it
 * crosses a worker-thread boundary and an HTTP API unchanged.
 */

/** A cell the optimiser may not change: the shift to keep (null = keep the day free). */
export interface CarePin {
  employeeId: string;
  date: string;
  shiftTypeId: string | null;
}

export interface CareWeights {
  /** Medium level: per person short of a demand row's minimum. */
  coverageMin: number;
  /** Soft: per person between a row's minimum and its ideal. */
  coverageIdeal: number;
  /** Soft: per person on a shift beyond the largest ideal of its rows. */
  overstaffed: number;
  /** Soft: per hour of difference between planned (plus absence) hours and contract hours. */
  contractHour: number;
  /** Soft: per priority point of a day-off or unwanted-shift wish not granted. */
  wishOff: number;
  /** Soft: per priority point of a wanted-shift wish not granted. */
  wishWanted: number;
  /** Soft: per squared deviation from the fair (contract-normalised) share. */
  fairNights: number;
  fairWeekends: number;
  fairEvenings: number;
  /** Soft healthy-rostering patterns. */
  backwardRotation: number;
  isolatedDay: number;
  onOffOn: number;
  /** Per day a work series runs beyond `maxSeries`. */
  longSeries: number;
  maxSeries: number;
  /** Soft: per penalty point of a rule-engine rule of tier `healthy` or `preference`. */
  softRule: number;
  /** Soft: per changed cell of a published roster, plus `changeUrgency` per day inside the notice period. */
  change: number;
  changeUrgency: number;
}

export const DEFAULT_WEIGHTS: CareWeights = {
  coverageMin: 1,
  coverageIdeal: 40,
  overstaffed: 25,
  contractHour: 6,
  wishOff: 15,
  wishWanted: 8,
  fairNights: 4,
  fairWeekends: 4,
  fairEvenings: 2,
  backwardRotation: 25,
  isolatedDay: 20,
  onOffOn: 15,
  longSeries: 20,
  maxSeries: 5,
  softRule: 30,
  change: 60,
  changeUrgency: 20,
};

/**
 * Notice period for roster changes when none is given. The rules package has no roster-notice
 * rule (docs/rules.md lists CAO notice periods as not implemented), so this is the fallback.
 */
export const DEFAULT_NOTICE_DAYS = 14;

export interface CareModelOptions {
  /** Re-plan only these days (inclusive); every cell outside stays as it is. */
  window?: { from: string; to: string };
  /** Extra pins on top of the assignments marked `pinned`. */
  pins?: CarePin[];
  /**
   * Re-planning a published roster: the current assignments are the baseline and every change
   * costs (default: true when the period is published).
   */
  replan?: boolean;
  /** "Today" for change costs and consent (default: the first day of the window, else the period). */
  today?: string;
  /** Changes to days less than this many days ahead of today need the employee's consent. */
  noticeDays?: number;
  /** Weights of the soft constraints (merged with DEFAULT_WEIGHTS). */
  weights?: Partial<CareWeights>;
  /**
   * Rule profiles (default: the organisation's). Tiers legal and cao are hard; healthy and
   * preference are soft.
   */
  ruleProfiles?: string[];
}
