/**
 * The personal roster feed as iCalendar text (RFC 5545), written with ical-generator. It holds
 * shifts only: the input type has no place for absences, leave or anything about other people.
 * Times are exact instants in UTC (`…Z`), computed from Europe/Amsterdam wall-clock times by the
 * domain time helpers, so night shifts across midnight and across a DST change are right in every
 * calendar app without a VTIMEZONE block.
 */
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import { DEFAULT_ZONE, shiftInterval, type ShiftType } from '@planmaat/domain';

export interface CalendarShift {
  /** Stable per assignment (e.g. a hash of period, employee and date): updates replace the event. */
  uid: string;
  /** The day the shift starts. */
  date: string;
  shift: Pick<ShiftType, 'code' | 'name' | 'start' | 'end' | 'breakMinutes'>;
  /** Where: team and location, e.g. "Afdeling De Linde, Locatie Noord". */
  location?: string;
  /** Grows when the assignment may have changed (RFC 5545 SEQUENCE). */
  sequence?: number;
}

export interface ShiftCalendarOptions {
  /** Calendar name shown in the agenda app. */
  name: string;
  /** DTSTAMP of every event: when the feed was written. */
  generatedAt: Date;
  /** Zone of the wall-clock shift times; default Europe/Amsterdam. */
  zone?: string;
  /** How often calendar apps should fetch again, in seconds (default one hour). */
  refreshSeconds?: number;
}

export const shiftSummary = (shift: CalendarShift['shift']) =>
  `Dienst ${shift.code} (${shift.start}–${shift.end})`;

/** The shifts as an iCalendar feed (`text/calendar`). */
export function writeShiftCalendar(shifts: CalendarShift[], options: ShiftCalendarOptions): string {
  const zone = options.zone ?? DEFAULT_ZONE;
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Planmaat', product: 'Rooster', language: 'NL' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: options.refreshSeconds ?? 3600,
  });
  for (const item of shifts) {
    const interval = shiftInterval(item.date, item.shift, zone);
    const description = [
      item.shift.name,
      item.shift.breakMinutes > 0 ? `pauze ${item.shift.breakMinutes} min` : undefined,
    ]
      .filter(Boolean)
      .join(' · ');
    calendar.createEvent({
      id: item.uid,
      start: new Date(interval.start * 60_000),
      end: new Date(interval.end * 60_000),
      stamp: options.generatedAt,
      summary: shiftSummary(item.shift),
      description,
      location: item.location ?? null,
      sequence: item.sequence ?? 0,
      status: ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.OPAQUE,
    });
  }
  return calendar.toString();
}
