import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../src/main.ts';
import { capture, restoreAfterEach } from './capture.ts';

restoreAfterEach();

describe('planmaat capacity / insight', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'planmaat-cap-'));
    capture();
    expect(await main(['demo', 'generate', '--seed', '1', '--out', dir])).toBe(0);
    expect(await main(['insight', 'demo-history', dir, '--weeks', '12'])).toBe(0);
    vi.restoreAllMocks();
  });

  it('prints the 52-week gap with scenarios and exports CSV and XLSX', async () => {
    const io = capture();
    const csv = path.join(dir, 'gap.csv');
    expect(await main(['capacity', 'plan', dir, '--out', csv])).toBe(0);
    const text = io.out.join('\n');
    expect(text).toMatch(/52 weken/);
    expect(text).toMatch(/3 VIG aannemen/);
    const lines = (await readFile(csv, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(
      'scenario,team_id,team,level,week,week_start,demand_h,available_h,shortage_h,surplus_h,shortage_fte',
    );
    expect(lines.filter((l) => l.startsWith('base,team-ward-1,')).length % 52).toBe(0);
    const xlsx = path.join(dir, 'cap.xlsx');
    expect(await main(['capacity', 'plan', dir, '--weeks', '13', '--out', xlsx])).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['gap', 'summary', 'scenarios']);
  });

  it('exits 2 on a bad option', async () => {
    const io = capture();
    expect(await main(['capacity', 'plan', dir, '--basis', 'max'])).toBe(2);
    expect(io.err.join('\n')).toMatch(/--basis/);
  });

  it('exports insight figures with suppression and refuses employees', async () => {
    const io = capture();
    const csv = path.join(dir, 'insight.csv');
    expect(
      await main([
        'insight',
        'report',
        dir,
        '--level-band',
        'level-4-6',
        '--contract-band',
        '29h-plus',
        '--out',
        csv,
      ]),
    ).toBe(0);
    const rows = (await readFile(csv, 'utf8')).trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    // Suppressed rows carry no figures at all.
    for (const row of rows.filter((r) => /,(small-group|complementary),/.test(r)))
      expect(row).toMatch(/(small-group|complementary)(,)+$/);
    expect(await main(['insight', 'report', dir, '--role', 'employee'])).toBe(2);
    expect(io.err.join('\n')).toMatch(/no access/);
  });

  it('writes a printable team report', async () => {
    capture();
    const html = path.join(dir, 'team.html');
    expect(await main(['insight', 'team-report', dir, '--for', 'team-ward-1', '--out', html])).toBe(0);
    const text = await readFile(html, 'utf8');
    expect(text).toMatch(/Teamrapport Afdeling Waterlelie/);
    expect(text).toMatch(/Nieuwe afspraken/);
  });
});
