import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CareVisit, CarerShift, Client, Employee } from '@planmaat/domain';
import { osrmTravel } from '../src/jobs/solvers/routes.ts';
import { buildRoutesInput } from '../src/jobs/solvers/routes-model.ts';

const home = { lat: 52.06, lon: 4.49 };
const client: Client = {
  id: 'c1',
  organisationId: 'o',
  teamId: 't',
  name: 'C1',
  address: '',
  point: { lat: 52.07, lon: 4.5 },
};
const employee = { id: 'e1', travelMode: 'car', level: 3, skills: [] as string[] } as Employee;
const shift: CarerShift = {
  employeeId: 'e1',
  date: '2027-01-04',
  start: '07:00',
  end: '12:00',
  startPoint: home,
  endPoint: home,
};
const visit = { id: 'v1', clientId: 'c1', date: '2027-01-04' } as CareVisit;
const day = buildRoutesInput({
  teamId: 't',
  date: '2027-01-04',
  visits: [visit],
  clients: [client],
  shifts: [shift],
  employees: [employee],
}).day;

describe('routes job travel times from PLANMAAT_OSRM_URL', () => {
  let server: Server;
  let base = '';
  const saved = process.env.PLANMAAT_OSRM_URL;
  beforeAll(async () => {
    // OSRM-shaped: every trip between different points takes 600 s.
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const sources = url.searchParams.get('sources')!.split(';').map(Number);
      const destinations = url.searchParams.get('destinations')!.split(';').map(Number);
      const durations = sources.map((s) => destinations.map((d) => (s === d - sources.length ? 0 : 600)));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ code: 'Ok', durations }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => {
    if (saved === undefined) delete process.env.PLANMAAT_OSRM_URL;
    else process.env.PLANMAAT_OSRM_URL = saved;
    vi.restoreAllMocks();
  });

  it('uses OSRM durations when the variable is set, the estimate otherwise', async () => {
    delete process.env.PLANMAAT_OSRM_URL;
    expect(await osrmTravel(day)).toBeUndefined();
    process.env.PLANMAAT_OSRM_URL = base;
    const travel = await osrmTravel(day);
    expect(travel!.name).toBe('osrm');
    // One matrix for the carer's mode over the start/end points and the client.
    const n = travel!.points.length;
    const at = (p: typeof home) => travel!.points.findIndex((q) => q.lat === p.lat && q.lon === p.lon);
    expect(travel!.byMode.car![at(home) * n + at(client.point)]).toBe(10);
    expect(travel!.byMode.car![at(home) * n + at(home)]).toBe(0);
    expect([...travel!.byMode.car!].every((m) => m === 0 || m === 10)).toBe(true);
  });

  it('logs a clear message and falls back to the estimate when OSRM is unreachable', async () => {
    process.env.PLANMAAT_OSRM_URL = 'http://127.0.0.1:1';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await osrmTravel(day)).toBeUndefined();
    expect(warn.mock.calls[0][0]).toMatch(/127\.0\.0\.1:1.*unreachable.*travel times estimated/);
  });
});
