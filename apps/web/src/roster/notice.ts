/**
 * Roster notice period: a roster is made known at least 28 days before it starts (ATW 4:2 lid 1-2
 * default; CAO VVT 28 etmalen, GHZ 21). Late publication needs consent or a reason.
 */
import { dayNumber } from '../dates.ts';

export const DEFAULT_NOTICE_DAYS = 28;

export interface NoticeCheck {
  daysAhead: number;
  required: number;
  ok: boolean;
}

export function noticeCheck(periodStart: string, today: string, required = DEFAULT_NOTICE_DAYS): NoticeCheck {
  const daysAhead = dayNumber(periodStart) - dayNumber(today);
  return { daysAhead, required, ok: daysAhead >= required };
}
