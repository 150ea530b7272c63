import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoOrganisation } from '@planmaat/demo';
import { main } from '../src/main.ts';
import { capture, restoreAfterEach } from './capture.ts';

restoreAfterEach();

describe('planmaat demo generate / validate', () => {
  it('writes the demo organisation and reads it back unchanged', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'planmaat-demo-'));
    const io = capture();
    expect(await main(['demo', 'generate', '--seed', '1', '--out', dir])).toBe(0);
    expect(io.out.join('\n')).toMatch(/Zorggroep Meerzicht: 4 teams, 120 employees/);
    const json = JSON.parse(await readFile(path.join(dir, 'organisation.json'), 'utf8'));
    expect(json).toEqual(JSON.parse(JSON.stringify(generateDemoOrganisation({ seed: 1 }))));
    expect(await main(['validate', dir])).toBe(0);
    expect(io.out.join('\n')).toMatch(/120 employees, 7 shift types, .* — valid/);
  });

  it('exits 2 with a message naming the problem', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'planmaat-demo-'));
    const io = capture();
    expect(await main(['demo', 'generate', '--seed', 'abc', '--out', dir])).toBe(2);
    expect(io.err.join('\n')).toMatch(/--seed "abc" must be a whole number/);
    expect(await main(['validate', path.join(dir, 'nowhere')])).toBe(2);
    expect(io.err.join('\n')).toMatch(/organisation\.json is missing/);
    await main(['demo', 'generate', '--seed', '1', '--out', dir]);
    const csv = await readFile(path.join(dir, 'shift-types.csv'), 'utf8');
    await writeFile(path.join(dir, 'shift-types.csv'), csv.replace('07:00,15:30', '07:00,25:30'));
    expect(await main(['validate', dir])).toBe(2);
    expect(io.err.join('\n')).toMatch(/shift-types\.csv:2:5: end "25:30": expected a clock time HH:MM/);
    expect(await main(['no-such-command'])).toBe(2);
  });

  it('prints help with exit 0', async () => {
    const io = capture();
    expect(await main(['demo', 'generate', '--help'])).toBe(0);
    expect(io.out.join('')).toMatch(/--seed <n>/);
  });
});
