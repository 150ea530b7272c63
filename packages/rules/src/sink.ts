/**
 * Where evaluators put what they find. An evaluator fills the reusable `v` record and calls
 * `commit`; the report sink turns it into a Violation object, the score sink only adds a number
 * per tier — so the same evaluator code serves the report and the allocation-free solver path.
 */
import type { CompiledRule } from './compile.ts';
import type { Timeline } from './timeline.ts';

/** Dynamic reasons a single measurement is unconfirmed (bit flags). */
export const U_DST_END = 1;
export const U_REST_ANCHOR = 2;
export const U_SUNDAY_FROM_SATURDAY = 4;

export const DYNAMIC_REASONS: ReadonlyArray<{ bit: number; nl: string; en: string }> = [
  {
    bit: U_DST_END,
    nl: 'einde in het dubbele uur van de wintertijdnacht: "na 02:00" gemeten vanaf de eerste 02:00 (conservatief, catalogus E3)',
    en: 'end in the repeated hour of the October night: "after 02:00" counted from the first 02:00 (conservative, catalogue E3)',
  },
  {
    bit: U_REST_ANCHOR,
    nl: 'rust gemeten binnen de periode van 24 uur vanaf het begin van de dienst (ankerpunt art. 5:3 lid 3 niet bevestigd)',
    en: 'rest measured within the 24-hour period from the start of the shift (anchor of art. 5:3 para. 3 unconfirmed)',
  },
  {
    bit: U_SUNDAY_FROM_SATURDAY,
    nl: 'zondag telt als gewerkt door een dienst die op zaterdag begon (elke minuut telt, conservatief)',
    en: 'a Sunday counts as worked because of a shift that started on Saturday (every minute counts, conservative)',
  },
];

export class ViolationRecord {
  start = 0;
  end = 0;
  value = 0;
  limit = 0;
  /** Message aspect ("default" or a key of the rule's messages). */
  aspect = 'default';
  /** Involved blocks: indices first..last in the timeline, filtered by the kind mask. */
  firstBlock = 0;
  lastBlock = -1;
  blockMask = 0;
  extentStart = 0;
  extentEnd = 0;
  flags = 0;
  // Details for messages; NaN = absent.
  total = NaN;
  nights = NaN;
  work = NaN;
  weeks = NaN;
  year = NaN;
  kindCode = NaN;

  reset(): this {
    this.aspect = 'default';
    this.firstBlock = 0;
    this.lastBlock = -1;
    this.blockMask = 0;
    this.flags = 0;
    this.total = NaN;
    this.nights = NaN;
    this.work = NaN;
    this.weeks = NaN;
    this.year = NaN;
    this.kindCode = NaN;
    return this;
  }
}

export interface Sink {
  readonly v: ViolationRecord;
  commit(rule: CompiledRule, tl: Timeline): void;
}
