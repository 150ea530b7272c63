import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/main.ts';
import { capture, restoreAfterEach } from './capture.ts';

async function file(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'planmaat-check-'));
  const p = path.join(dir, name);
  await writeFile(p, text);
  return p;
}

restoreAfterEach();

const CLEAN =
  'employee,start,end,break_minutes\nE1,2026-03-02T07:00,2026-03-02T15:30,30\nE1,2026-03-03T07:00,2026-03-03T15:30,30\n';
// Two shortened rests (10 h 59 min) within 7×24 h: the second violates atw.daily-rest.
const SHORT_RESTS =
  'employee;start;end;break_minutes;kind\n' +
  'E1;02-03-2026 13:00;02-03-2026 21:00;30;work\n' +
  'E1;03-03-2026 07:59;03-03-2026 15:59;30;\n' +
  'E1;04-03-2026 13:00;04-03-2026 21:00;30;\n' +
  'E1;05-03-2026 07:59;05-03-2026 15:59;30;\n';

describe('planmaat check', () => {
  it('exits 0 without violations', async () => {
    const io = capture();
    expect(await main(['check', await file('s.csv', CLEAN)])).toBe(0);
    expect(io.out.join('')).toMatch(/0 overtreding\(en\)/);
    expect(io.out.join('')).toMatch(/alle medewerkers zijn als volwassen getoetst/);
  });

  it('exits 1 and prints JSON with period, value, limit, unit and message', async () => {
    const io = capture();
    const shifts = await file('s.csv', '\uFEFF' + SHORT_RESTS);
    expect(await main(['check', shifts, '--format', 'json', '--lang', 'en'])).toBe(1);
    const json = JSON.parse(io.out.join(''));
    expect(json.violations).toHaveLength(1);
    expect(json.violations[0]).toMatchObject({
      rule: 'atw.daily-rest',
      employee: 'E1',
      start: '2026-03-04T21:00',
      end: '2026-03-05T07:59',
      tier: 'legal',
      value: 659,
      limit: 660,
      unit: 'min',
      unconfirmed: false,
    });
    expect(json.violations[0].message).toMatch(
      /Rest after shift 10 h 59 min, at least 11 h required.*ATW art\. 5:3 lid 2/,
    );
    expect(json.violations[0].shifts.map((s: { start: string }) => s.start)).toEqual([
      '2026-03-04T13:00',
      '2026-03-05T07:59',
    ]);
  });

  it('prints Dutch text by default and applies the minor rules with --employees', async () => {
    const io = capture();
    const shifts = await file(
      's.csv',
      'employee,start,end,break_minutes\nE1,2026-03-02T08:00,2026-03-02T17:31,30\n',
    );
    const employees = await file('e.csv', 'employee,birth_date\nE1,15-06-2009\n');
    expect(await main(['check', shifts, '--employees', employees])).toBe(1);
    const text = io.out.join('');
    expect(text).toMatch(/atw-minor\.shift-length/);
    expect(text).toMatch(
      /Dienst met 9 u 1 min arbeidstijd voor een jeugdige werknemer, maximaal 9 u \(ATW art\. 5:7 lid 1\)/,
    );
    expect(text).not.toMatch(/als volwassen getoetst/);
    const other = await file(
      's2.csv',
      'employee,start,end,break_minutes\nE9,2026-03-02T08:00,2026-03-02T16:30,30\n',
    );
    expect(await main(['check', other, '--employees', employees])).toBe(0);
    expect(io.out.join('')).toMatch(
      /Geen geboortedatum voor 1 medewerker\(s\) \(E9\): als volwassen getoetst/,
    );
  });

  it('flags unconfirmed CAO values in JSON and text', async () => {
    const io = capture();
    const shifts = await file(
      's.csv',
      'employee,start,end,break_minutes\nE1,2026-03-02T07:00,2026-03-02T18:15,45\n',
    );
    expect(await main(['check', shifts, '--rules', 'atw,cao-vvt', '--format', 'json'])).toBe(1);
    const v = JSON.parse(io.out.join('')).violations[0];
    expect(v).toMatchObject({ rule: 'cao-vvt.shift-length', tier: 'cao', unconfirmed: true });
    expect(v.unconfirmedReasons[0]).toMatch(/maxWorkMinutes/);
  });

  it('exits 2 naming file, line and column for malformed input', async () => {
    const io = capture();
    const bad = await file('bad.csv', 'employee,start,end\nE1,2026-03-02T07:00,2026-03-02 25:00\n');
    expect(await main(['check', bad])).toBe(2);
    expect(io.err.join('\n')).toMatch(/bad\.csv:2:3 \(end\): "2026-03-02 25:00" is not a valid time of day/);
  });

  it('exits 2 for an unknown profile, listing the known ones, and for a missing file', async () => {
    const io = capture();
    expect(await main(['check', await file('s.csv', CLEAN), '--rules', 'cao-xyz'])).toBe(2);
    expect(io.err.join('\n')).toMatch(
      /known profiles: atw, atw-minor, atb-care, cao-vvt, cao-ziekenhuizen, cao-ghz, cao-ggz, cao-umc/,
    );
    expect(await main(['check', '/nonexistent/shifts.csv'])).toBe(2);
    expect(io.err.join('\n')).toMatch(/cannot read \/nonexistent\/shifts\.csv/);
  });

  it('has --help', async () => {
    const io = capture();
    expect(await main(['check', '--help'])).toBe(0);
    expect(io.out.join('')).toMatch(/--employees <file>/);
  });
});
