/**
 * Independent Solomon solution checker: re-computes everything from the instance and the written
 * routes, straight from the rules in the benchmark README, sharing no code with the solver.
 * Tolerance: a start of service may exceed a due time by at most 1e-6 (floating-point noise).
 */
import type { SolomonInstance } from './instance.ts';

export interface SolomonEvaluation {
  feasible: boolean;
  violations: string[];
  vehicles: number;
  /** Total Euclidean distance (double precision, unrounded). */
  distance: number;
}

const TOLERANCE = 1e-6;

export function evaluateSolomon(
  instance: SolomonInstance,
  routes: readonly (readonly number[])[],
): SolomonEvaluation {
  const violations: string[] = [];
  const nodes = instance.nodes;
  const depot = nodes[0];
  const customerCount = nodes.length - 1;
  const seen = new Array<number>(nodes.length).fill(0);
  const dist = (a: number, b: number) =>
    Math.sqrt((nodes[a].x - nodes[b].x) ** 2 + (nodes[a].y - nodes[b].y) ** 2);
  let distance = 0;
  let vehicles = 0;
  routes.forEach((route, index) => {
    if (route.length === 0) return;
    vehicles++;
    const label = `route ${index + 1}`;
    let time = depot.ready;
    let load = 0;
    let previous = 0;
    for (const customer of route) {
      if (!Number.isInteger(customer) || customer < 1 || customer > customerCount) {
        violations.push(`${label}: unknown customer ${customer}`);
        continue;
      }
      seen[customer]++;
      const c = nodes[customer];
      const leg = dist(previous, customer);
      distance += leg;
      const start = Math.max(time + leg, c.ready);
      if (start > c.due + TOLERANCE)
        violations.push(
          `${label}: customer ${customer} starts at ${start.toFixed(2)} after its due time ${c.due}`,
        );
      time = start + c.service;
      load += c.demand;
      previous = customer;
    }
    const back = dist(previous, 0);
    distance += back;
    if (time + back > depot.due + TOLERANCE)
      violations.push(`${label}: back at the depot at ${(time + back).toFixed(2)} after ${depot.due}`);
    if (load > instance.capacity)
      violations.push(`${label}: load ${load} exceeds capacity ${instance.capacity}`);
  });
  for (let c = 1; c <= customerCount; c++) {
    if (seen[c] === 0) violations.push(`customer ${c} is not served`);
    else if (seen[c] > 1) violations.push(`customer ${c} is served ${seen[c]} times`);
  }
  if (vehicles > instance.vehicles)
    violations.push(`${vehicles} vehicles used, only ${instance.vehicles} available`);
  return { feasible: violations.length === 0, violations, vehicles, distance };
}

/** Gap in percent: 100 × (value / reference − 1). */
export function gapPercent(value: number, reference: number): number {
  return 100 * (value / reference - 1);
}
