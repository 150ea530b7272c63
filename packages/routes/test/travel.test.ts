import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haversineMeters } from '@planmaat/domain';
import {
  estimateMinutes,
  estimateTravelProvider,
  matrixTravelProvider,
  TravelProviderError,
} from '@planmaat/routes';
import { osrmTravelProvider } from '../../travel-osrm/src/index.ts';

const a = { lat: 52.06, lon: 4.49 };
const b = { lat: 52.07, lon: 4.5 };
const c = { lat: 52.05, lon: 4.47 };

describe('coordinate estimate', () => {
  it('uses distance × detour at the speed of each mode', async () => {
    const km = (haversineMeters(a, b) * 1.35) / 1000;
    expect(estimateMinutes(a, b, 'car')).toBeCloseTo(3 + (km / 30) * 60, 9);
    expect(estimateMinutes(a, b, 'bike')).toBeCloseTo(1 + (km / 15) * 60, 9);
    expect(estimateMinutes(a, b, 'walk')).toBeCloseTo((km / 4.8) * 60, 9);
    expect(estimateMinutes(a, b, 'e-bike')).toBeLessThan(estimateMinutes(a, b, 'bike'));
    expect(estimateMinutes(a, a, 'car')).toBe(0);
    const m = await estimateTravelProvider({ speedKmh: { car: 60 } }).matrix([a, b], 'car');
    expect(m[1]).toBeCloseTo(3 + (km / 60) * 60, 9);
    expect(m[0]).toBe(0);
  });
});

describe('given matrix', () => {
  it('answers for its own points per mode and rejects unknown points', async () => {
    const provider = matrixTravelProvider({
      points: [a, b, c],
      minutes: [0, 5, 7, 6, 0, 9, 8, 10, 0],
      byMode: { walk: [0, 50, 70, 60, 0, 90, 80, 100, 0] },
    });
    expect(Array.from(await provider.matrix([c, a], 'car'))).toEqual([0, 8, 7, 0]);
    expect(Array.from(await provider.matrix([b, c], 'walk'))).toEqual([0, 90, 100, 0]);
    await expect(provider.matrix([a, { lat: 1, lon: 1 }], 'car')).rejects.toBeInstanceOf(TravelProviderError);
    expect(() => matrixTravelProvider({ points: [a, b], minutes: [0, 1, 2] })).toThrow(TravelProviderError);
  });
});

describe('OSRM Table API adapter', () => {
  let server: Server;
  let base = '';
  const seen: string[] = [];
  let mode: 'ok' | 'bad-json' | 'error' | 'null' = 'ok';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      seen.push(url.pathname + url.search);
      const [, , , profile, list] = url.pathname.split('/');
      const coords = list.split(';').map((p) => p.split(',').map(Number));
      const sources = url.searchParams.get('sources')!.split(';').map(Number);
      const destinations = url.searchParams.get('destinations')!.split(';').map(Number);
      if (mode === 'bad-json') return res.end('<html>gateway</html>');
      if (mode === 'error') {
        res.statusCode = 400;
        return res.end(JSON.stringify({ code: 'TooBig', message: 'Too many table coordinates' }));
      }
      // Seconds = 1000 × |Δlat| + 1000 × |Δlon|, doubled for cycling.
      const durations = sources.map((s) =>
        destinations.map((d) =>
          mode === 'null' && s !== d - sources.length
            ? null
            : (Math.abs(coords[s][1] - coords[d][1]) + Math.abs(coords[s][0] - coords[d][0])) *
              1000 *
              (profile === 'cycling' ? 2 : 1),
        ),
      );
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ code: 'Ok', durations }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const points = [a, b, c, { lat: 52.08, lon: 4.51 }, { lat: 52.04, lon: 4.46 }];
  const expected = (i: number, j: number, factor = 1) =>
    ((Math.abs(points[i].lat - points[j].lat) + Math.abs(points[i].lon - points[j].lon)) * 1000 * factor) /
    60;

  it('batches into blocks, converts seconds to minutes and caches', async () => {
    mode = 'ok';
    seen.length = 0;
    const osrm = osrmTravelProvider({ url: base + '/', maxTableSize: 4 });
    const m = await osrm.matrix(points, 'car');
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) expect(m[i * 5 + j]).toBeCloseTo(expected(i, j), 6);
    // Blocks of 2 sources × 2 destinations over 5 points: 3 × 3 requests, each ≤ 4 coordinates.
    expect(osrm.requests).toBe(9);
    for (const path of seen)
      expect(path.split('?')[0].split('/')[4].split(';').length).toBeLessThanOrEqual(4);
    expect(seen[0]).toContain('/table/v1/driving/');
    await osrm.matrix(points.slice(0, 3), 'car');
    expect(osrm.requests).toBe(9);
    const bike = await osrm.matrix(points, 'e-bike');
    expect(bike[1]).toBeCloseTo(expected(0, 1, 2) * 0.78, 6);
    expect(seen.at(-1)).toContain('/table/v1/cycling/');
  });

  it('reports an unreachable server, a bad answer, an OSRM error and a missing route', async () => {
    const down = osrmTravelProvider({ url: 'http://127.0.0.1:1', timeoutMs: 2000 });
    await expect(down.matrix([a, b], 'car')).rejects.toThrow(/unreachable/);
    const osrm = osrmTravelProvider({ url: base });
    mode = 'bad-json';
    await expect(osrm.matrix([a, b], 'car')).rejects.toThrow(/no JSON/);
    mode = 'error';
    await expect(osrm.matrix([a, b], 'car')).rejects.toThrow(/HTTP 400 TooBig Too many table coordinates/);
    mode = 'null';
    await expect(osrm.matrix([a, b], 'car')).rejects.toThrow(/finds no route/);
    mode = 'ok';
  });
});
