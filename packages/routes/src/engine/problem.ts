/**
 * The routing problem the engine optimises, in flat typed arrays. Customers are nodes 0..n-1;
 * depots (start/end points of vehicles) follow at n..n+depots-1. Time windows are hard and
 * constrain the start of service; waiting is allowed. Model features of home care plug in here:
 * skills and excluded carers as an `allowed` mask, optional visits as a finite `omitCost`,
 * per-vehicle shifts, start/end locations and capacities.
 */
export interface VrpProblem {
  /** Number of customers (visits). */
  readonly n: number;
  /** Number of nodes in the matrices: customers + depots. */
  readonly size: number;
  /** Travel time between nodes, row-major size × size. */
  readonly time: Float64Array;
  /** Travel cost (distance) between nodes; may be the same array as `time`. */
  readonly cost: Float64Array;
  readonly ready: Float64Array;
  readonly due: Float64Array;
  readonly service: Float64Array;
  readonly demand: Float64Array;
  /** Cost of leaving a customer unserved (Infinity not allowed: use a large number for mandatory). */
  readonly omitCost: Float64Array;
  readonly vehicles: number;
  readonly vehicleStart: Int32Array;
  readonly vehicleEnd: Int32Array;
  readonly shiftStart: Float64Array;
  readonly shiftEnd: Float64Array;
  readonly capacity: Float64Array;
  /** Cost per used vehicle (0 for distance-only; large to minimise vehicles first). */
  readonly vehicleCost: number;
  /** customer × vehicle mask (1 = may serve), or null when every vehicle may serve everyone. */
  readonly allowed: Uint8Array | null;
}

/** Cost of an omitted mandatory customer: dominates any distance. */
export const MANDATORY_OMIT_COST = 1e7;

/** A Float64Array on shared memory, so worker threads read the matrices without copying. */
export function sharedFloat64(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT));
}

/** Customers sorted by travel cost from each customer (nearest first), at most `k` per row. */
export function nearestNeighbours(problem: VrpProblem, k: number): { list: Int32Array; width: number } {
  const { n, cost, size } = problem;
  const width = Math.min(k, Math.max(0, n - 1));
  const list = new Int32Array(n * width);
  const order = new Int32Array(n);
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      order[j] = j;
      key[j] = j === i ? Infinity : Math.min(cost[i * size + j], cost[j * size + i]);
    }
    const sorted = Array.from(order).sort((a, b) => key[a] - key[b] || a - b);
    for (let m = 0; m < width; m++) list[i * width + m] = sorted[m];
  }
  return { list, width };
}
