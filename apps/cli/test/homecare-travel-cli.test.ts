import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.ts';
import { capture, restoreAfterEach } from './capture.ts';

restoreAfterEach();

/** An OSRM-shaped Table API: seconds = 1000 × (|Δlat| + |Δlon|), doubled for cycling. */
function osrmLikeServer(seen: string[]): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push(url.pathname);
    const [, , , profile, list] = url.pathname.split('/');
    const coords = list.split(';').map((p) => p.split(',').map(Number));
    const sources = url.searchParams.get('sources')!.split(';').map(Number);
    const destinations = url.searchParams.get('destinations')!.split(';').map(Number);
    const durations = sources.map((s) =>
      destinations.map(
        (d) =>
          (Math.abs(coords[s][1] - coords[d][1]) + Math.abs(coords[s][0] - coords[d][0])) *
          1000 *
          (profile === 'cycling' ? 2 : 1),
      ),
    );
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ code: 'Ok', durations }));
  });
}

describe('planmaat homecare plan --travel osrm', () => {
  const seen: string[] = [];
  let server: Server;
  let base = '';
  let dir = '';
  beforeAll(async () => {
    server = osrmLikeServer(seen);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = await mkdtemp(path.join(tmpdir(), 'planmaat-homecare-'));
    const io = capture();
    expect(await main(['demo', 'generate', '--seed', '1', '--out', dir])).toBe(0);
    void io;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const plan = (...extra: string[]) => [
    'homecare',
    'plan',
    dir,
    '--date',
    '2027-01-04',
    '--team',
    'team-wijk-1',
    '--seconds',
    '1',
    '--quiet',
    ...extra,
  ];

  it('plans with travel times from the OSRM server', async () => {
    seen.length = 0;
    const out = path.join(dir, 'osrm.json');
    capture();
    const code = await main(plan('--travel', 'osrm', '--osrm-url', base, '--out', out));
    expect([0, 1]).toContain(code);
    const day = JSON.parse(await readFile(out, 'utf8'));
    expect(day.travelProvider).toBe('osrm');
    expect(seen.some((p) => p.startsWith('/table/v1/driving/'))).toBe(true);
    expect(seen.some((p) => p.startsWith('/table/v1/cycling/'))).toBe(true);
    // The mock's trips take seconds: far less travel than the coordinate estimate would give.
    expect(day.summary.travelMinutes).toBeLessThan(60);
  });

  it('falls back to the estimate with a warning when OSRM is unreachable', async () => {
    const out = path.join(dir, 'fallback.json');
    const io = capture();
    const code = await main(plan('--travel', 'osrm', '--osrm-url', 'http://127.0.0.1:1', '--out', out));
    expect([0, 1]).toContain(code);
    expect(io.err.join('\n')).toMatch(/127\.0\.0\.1:1.*unreachable[\s\S]*estimated from coordinates/);
    const day = JSON.parse(await readFile(out, 'utf8'));
    expect(day.travelProvider).toBe('estimate (osrm unavailable)');
    expect(day.summary.travelMinutes).toBeGreaterThan(60);
  });

  it('stops with exit 2 under --strict-travel, and without a URL', async () => {
    const io = capture();
    expect(await main(plan('--travel', 'osrm', '--osrm-url', 'http://127.0.0.1:1', '--strict-travel'))).toBe(
      2,
    );
    expect(io.err.join('\n')).toMatch(/unreachable/);
    const saved = process.env.PLANMAAT_OSRM_URL;
    delete process.env.PLANMAAT_OSRM_URL;
    try {
      expect(await main(plan('--travel', 'osrm'))).toBe(2);
      expect(io.err.join('\n')).toMatch(/--travel osrm needs --osrm-url/);
      expect(await main(plan('--travel', 'google'))).toBe(2);
      expect(io.err.join('\n')).toMatch(/--travel is estimate or osrm/);
    } finally {
      if (saved !== undefined) process.env.PLANMAAT_OSRM_URL = saved;
    }
  });
});
