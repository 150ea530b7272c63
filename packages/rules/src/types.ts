/** Input and output types of the labour-rule engine. All instants are epoch minutes (exact time). */

export const SHIFT_KINDS = ['work', 'on-call-home', 'on-call-site', 'leave', 'sick'] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

/** Numeric kind codes used in the typed-array timelines. */
export const KIND = { work: 0, 'on-call-home': 1, 'on-call-site': 2, leave: 3, sick: 4 } as const;
export const KIND_NAMES: readonly ShiftKind[] = SHIFT_KINDS;

/** Kind bit masks. */
export const MASK_WORK = 1 << KIND.work;
export const MASK_ON_CALL_HOME = 1 << KIND['on-call-home'];
export const MASK_ON_CALL_SITE = 1 << KIND['on-call-site'];
export const MASK_ABSENCE = (1 << KIND.leave) | (1 << KIND.sick);
/** Blocks that are working time and form diensten (aanwezigheidsdienst counts in full). */
export const MASK_DIENST = MASK_WORK | MASK_ON_CALL_SITE;
/** Blocks whose hours count toward the ATW maxima and averages (ATW 5:2: leave and sick too). */
export const MASK_COUNTED = MASK_DIENST | MASK_ABSENCE;
export const MASK_ON_CALL = MASK_ON_CALL_HOME | MASK_ON_CALL_SITE;

export interface ShiftInput {
  employee: string;
  /** Epoch minutes (exact instants). */
  start: number;
  end: number;
  /** Unpaid break inside the block, in minutes; treated as one uninterrupted pause. */
  breakMinutes: number;
  kind: ShiftKind;
  /** Where the shift came from, for messages (e.g. "shifts.csv:12"). Optional. */
  source?: string;
}

export interface EmployeeFacts {
  id: string;
  /** `YYYY-MM-DD`; without it the adult rules apply. */
  birthDate?: string;
}

export type Tier = 'legal' | 'cao' | 'healthy' | 'preference';
export const TIERS: readonly Tier[] = ['legal', 'cao', 'healthy', 'preference'];

export type Unit = 'min' | 'min/week' | 'count';

/** One rule violation, as the engine reports it. */
export interface Violation {
  rule: string;
  tier: Tier;
  employee: string;
  /** Violation period (epoch minutes). */
  start: number;
  end: number;
  value: number;
  limit: number;
  unit: Unit;
  /** Which part of a multi-part rule, e.g. "count-336h" for the long-night count. */
  aspect?: string;
  /** The catalogue (or the measurement) rests on an unconfirmed value or interpretation. */
  unconfirmed: boolean;
  /** Measurement-specific reasons (bit flags, see sink.ts DYNAMIC_REASONS). */
  dynamicFlags: number;
  shifts: ShiftInput[];
  /** Extra figures for the message (e.g. total minutes of an average window). */
  details: Record<string, number>;
  /** Span of data the violation depends on (used by the incremental checker). */
  extentStart: number;
  extentEnd: number;
}
