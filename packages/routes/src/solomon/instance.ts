/**
 * Solomon VRPTW instances (text format, see ../shared/benchmarks/solomon/README.md) and the route
 * file format. Pure text in, data out: file access is the caller's job.
 */
import { InputError } from '@planmaat/domain';

export interface SolomonCustomer {
  id: number;
  x: number;
  y: number;
  demand: number;
  ready: number;
  due: number;
  service: number;
}

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** Index 0 is the depot; customers follow in file order. */
  nodes: SolomonCustomer[];
}

export function parseSolomon(text: string, source = 'instance'): SolomonInstance {
  const lines = text.split(/\r?\n/);
  const name = (lines.find((l) => l.trim() !== '') ?? '').trim();
  let vehicles = NaN;
  let capacity = NaN;
  const nodes: SolomonCustomer[] = [];
  let section: 'none' | 'vehicle' | 'customer' = 'none';
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    if (/^VEHICLE/i.test(line)) return void (section = 'vehicle');
    if (/^CUSTOMER/i.test(line)) return void (section = 'customer');
    if (/^[A-Za-z]/.test(line)) return;
    const fields = line.split(/\s+/).map(Number);
    if (fields.some((f) => !Number.isFinite(f)))
      throw new InputError(`expected numbers, got "${line}"`, `${source}:${index + 1}`);
    if (section === 'vehicle') {
      if (fields.length < 2) throw new InputError('expected NUMBER and CAPACITY', `${source}:${index + 1}`);
      [vehicles, capacity] = fields;
    } else if (section === 'customer') {
      if (fields.length < 7)
        throw new InputError('expected 7 columns per customer', `${source}:${index + 1}`);
      const [id, x, y, demand, ready, due, service] = fields;
      if (id !== nodes.length)
        throw new InputError(`customer numbers must run 0, 1, 2, …; got ${id}`, `${source}:${index + 1}`);
      nodes.push({ id, x, y, demand, ready, due, service });
    }
  });
  if (!Number.isFinite(vehicles) || !Number.isFinite(capacity))
    throw new InputError('no VEHICLE section with NUMBER and CAPACITY', source);
  if (nodes.length < 2) throw new InputError('no CUSTOMER section with a depot and customers', source);
  return { name, vehicles, capacity, nodes };
}

/** Routes as customer numbers (1..n), one array per used vehicle. */
export function formatRoutes(routes: readonly (readonly number[])[], comment?: string): string {
  const lines: string[] = [];
  let k = 0;
  for (const route of routes) {
    if (route.length === 0) continue;
    lines.push(`Route ${++k} : ${route.join(' ')}`);
  }
  if (comment) lines.push(comment);
  return lines.join('\n') + '\n';
}

/** Read a route file: `Route k : a b c` lines; other lines are ignored; empty routes are dropped. */
export function parseRoutes(text: string, source = 'routes'): number[][] {
  const routes: number[][] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line.startsWith('Route')) return;
    const colon = line.indexOf(':');
    if (colon < 0) throw new InputError('expected "Route k : customers"', `${source}:${index + 1}`);
    const rest = line.slice(colon + 1).trim();
    if (rest === '') return;
    const customers = rest.split(/\s+/).map(Number);
    if (customers.some((c) => !Number.isInteger(c)))
      throw new InputError(`expected customer numbers, got "${rest}"`, `${source}:${index + 1}`);
    routes.push(customers);
  });
  return routes;
}
