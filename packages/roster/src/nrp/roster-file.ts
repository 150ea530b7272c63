/**
 * The roster file of our NRP tools: one line per employee in SECTION_STAFF order, each with
 * `horizon` tab-separated fields holding the shift ID worked that day, or empty for a day off.
 */
import { InputError } from '@planmaat/domain';
import type { NrpInstance } from './instance.ts';

/** roster[employee][day] = shift ID, or '' for a day off. */
export type NrpRoster = string[][];

export function formatRosterTsv(roster: NrpRoster): string {
  return roster.map((row) => row.join('\t')).join('\n') + '\n';
}

/** Parse a roster file against its instance; errors name the line and field. */
export function parseRosterTsv(text: string, instance: NrpInstance, name = 'roster'): NrpRoster {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length !== instance.staff.length)
    throw new InputError(
      `expected ${instance.staff.length} lines (one per employee), found ${lines.length}`,
      name,
    );
  const shiftIds = new Set(instance.shifts.map((s) => s.id));
  return lines.map((line, i) => {
    const cells = line.split('\t').map((cell) => cell.trim());
    const where = `${name} line ${i + 1} (${instance.staff[i].id})`;
    if (cells.length !== instance.horizon)
      throw new InputError(`expected ${instance.horizon} tab-separated fields, found ${cells.length}`, where);
    cells.forEach((cell, day) => {
      if (cell !== '' && !shiftIds.has(cell))
        throw new InputError(`day ${day}: unknown shift "${cell}"`, where);
    });
    return cells;
  });
}
