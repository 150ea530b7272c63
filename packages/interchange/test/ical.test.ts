import { describe, expect, it } from 'vitest';
import { writeShiftCalendar, type CalendarShift } from '../src/index.ts';

const night = { code: 'N', name: 'Nachtdienst', start: '22:00', end: '07:00', breakMinutes: 0 };
const late = { code: 'L', name: 'Late dienst', start: '15:00', end: '23:15', breakMinutes: 30 };
const generatedAt = new Date('2026-11-01T10:00:00Z');

/** The events of a feed as property maps (folded lines joined, parameters dropped). */
function events(text: string): Array<Record<string, string>> {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      out.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0]] = line.slice(colon + 1);
    }
  }
  return out;
}

const hoursBetween = (a: string, b: string) => {
  const parse = (s: string) =>
    Date.UTC(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(9, 11), +s.slice(11, 13));
  return (parse(b) - parse(a)) / 3_600_000;
};

describe('iCal roster feed', () => {
  it('puts a night shift across the October DST change at the right instants (10 h)', () => {
    const text = writeShiftCalendar([{ uid: 'a1@planmaat', date: '2026-10-24', shift: night }], {
      name: 'Mijn rooster',
      generatedAt,
    });
    const [event] = events(text);
    // 22:00 summer time (UTC+2) to 07:00 winter time (UTC+1) the next morning.
    expect(event.DTSTART).toBe('20261024T200000Z');
    expect(event.DTEND).toBe('20261025T060000Z');
    expect(hoursBetween(event.DTSTART, event.DTEND)).toBe(10);
    expect(event.SUMMARY).toBe('Dienst N (22:00–07:00)');
  });

  it('puts a night shift across the March DST change at the right instants (8 h)', () => {
    const [event] = events(
      writeShiftCalendar([{ uid: 'a2@planmaat', date: '2027-03-27', shift: night }], {
        name: 'x',
        generatedAt,
      }),
    );
    expect(event.DTSTART).toBe('20270327T210000Z');
    expect(event.DTEND).toBe('20270328T050000Z');
    expect(hoursBetween(event.DTSTART, event.DTEND)).toBe(8);
  });

  it('ends a shift that crosses midnight on the next day, in summer and in winter', () => {
    const crossing = { code: 'N2', name: 'Nacht', start: '23:00', end: '07:15', breakMinutes: 0 };
    const [summer, winter] = events(
      writeShiftCalendar(
        [
          { uid: 's@planmaat', date: '2026-07-01', shift: crossing },
          { uid: 'w@planmaat', date: '2026-12-31', shift: crossing },
        ],
        { name: 'x', generatedAt },
      ),
    );
    expect([summer.DTSTART, summer.DTEND]).toEqual(['20260701T210000Z', '20260702T051500Z']);
    expect([winter.DTSTART, winter.DTEND]).toEqual(['20261231T220000Z', '20270101T061500Z']);
  });

  it('writes one event per shift with its UID, sequence, stamp, location and break', () => {
    const shifts: CalendarShift[] = [
      {
        uid: 'x1@planmaat',
        date: '2026-12-07',
        shift: late,
        location: 'Team A, Locatie Noord; ingang B',
        sequence: 4,
      },
      { uid: 'x2@planmaat', date: '2026-12-08', shift: late },
    ];
    const text = writeShiftCalendar(shifts, { name: 'Mijn rooster', generatedAt });
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('X-WR-CALNAME:Mijn rooster');
    const [first, second] = events(text);
    expect(first).toMatchObject({
      UID: 'x1@planmaat',
      SEQUENCE: '4',
      DTSTAMP: '20261101T100000Z',
      DTSTART: '20261207T140000Z',
      DTEND: '20261207T221500Z',
      SUMMARY: 'Dienst L (15:00–23:15)',
      LOCATION: 'Team A\\, Locatie Noord\\; ingang B',
      DESCRIPTION: 'Late dienst · pauze 30 min',
      STATUS: 'CONFIRMED',
    });
    expect(second.UID).toBe('x2@planmaat');
    expect(second.LOCATION).toBeUndefined();
    // The same input gives the same text (stable for calendar apps and caches).
    expect(writeShiftCalendar(shifts, { name: 'Mijn rooster', generatedAt })).toBe(text);
    // RFC 5545: lines of at most 75 octets.
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
  });

  it('writes nothing but the shift fields, whatever else the records carry', () => {
    // A careless caller passing records with absence details must not get them into the feed.
    const leaky = {
      uid: 'y1@planmaat',
      date: '2026-12-09',
      shift: late,
      absence: { kind: 'sick', note: 'griep' },
      colleague: 'Anna de Vries',
    } as CalendarShift;
    const text = writeShiftCalendar([leaky], { name: 'Mijn rooster', generatedAt });
    expect(events(text)).toHaveLength(1);
    for (const word of ['sick', 'griep', 'Anna', 'ziek', 'verlof', 'absence'])
      expect(text.toLowerCase()).not.toContain(word.toLowerCase());
  });

  it('writes an empty calendar when there are no shifts', () => {
    const text = writeShiftCalendar([], { name: 'Mijn rooster', generatedAt });
    expect(events(text)).toEqual([]);
    expect(text).toContain('END:VCALENDAR');
  });
});
