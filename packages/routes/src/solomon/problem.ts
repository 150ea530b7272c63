/** Solomon instance → engine problem: Euclidean distances in double precision, speed 1. */
import type { SolomonInstance } from './instance.ts';
import { MANDATORY_OMIT_COST, sharedFloat64, type VrpProblem } from '../engine/problem.ts';

export type SolomonObjective = 'distance' | 'vehicles';

export function solomonProblem(
  instance: SolomonInstance,
  objective: SolomonObjective = 'distance',
): VrpProblem {
  const customers = instance.nodes.slice(1);
  const depot = instance.nodes[0];
  const n = customers.length;
  const size = n + 1;
  const points = [...customers, depot];
  const matrix = sharedFloat64(size * size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j < size; j++)
      matrix[i * size + j] = Math.hypot(points[i].x - points[j].x, points[i].y - points[j].y);
  const V = instance.vehicles;
  return {
    n,
    size,
    time: matrix,
    cost: matrix,
    ready: Float64Array.from(customers, (c) => c.ready),
    due: Float64Array.from(customers, (c) => c.due),
    service: Float64Array.from(customers, (c) => c.service),
    demand: Float64Array.from(customers, (c) => c.demand),
    omitCost: new Float64Array(n).fill(MANDATORY_OMIT_COST),
    vehicles: V,
    vehicleStart: new Int32Array(V).fill(n),
    vehicleEnd: new Int32Array(V).fill(n),
    shiftStart: new Float64Array(V).fill(depot.ready),
    shiftEnd: new Float64Array(V).fill(depot.due),
    capacity: new Float64Array(V).fill(instance.capacity),
    vehicleCost: objective === 'vehicles' ? 10_000 : 0,
    allowed: null,
  };
}

/** Engine routes (customer indices 0..n-1) → Solomon customer numbers (1..n). */
export function toCustomerNumbers(routes: readonly (readonly number[])[]): number[][] {
  return routes.filter((r) => r.length > 0).map((r) => r.map((c) => c + 1));
}
