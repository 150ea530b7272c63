/**
 * Solution state: one block of a giant tour per vehicle in a flat Int32Array (start depot,
 * customers, end depot), with prefix and suffix segment summaries per position so moves are
 * evaluated in O(1) (see segment.ts). Routes that a search step touches are backed up once and
 * restored on rejection, so an iteration costs only what it changes.
 */
import type { VrpProblem } from './problem.ts';
import { SegmentConcat, WARP_EPSILON as EPSILON } from './segment.ts';

const WARP_EPSILON = EPSILON;

export class RouteState {
  readonly stride: number;
  private readonly seg = new SegmentConcat();
  readonly nodes: Int32Array;
  readonly len: Int32Array;
  readonly pD: Float64Array;
  readonly pTW: Float64Array;
  readonly pE: Float64Array;
  readonly pL: Float64Array;
  readonly pLoad: Float64Array;
  readonly sD: Float64Array;
  readonly sTW: Float64Array;
  readonly sE: Float64Array;
  readonly sL: Float64Array;
  readonly sLoad: Float64Array;
  readonly routeCost: Float64Array;
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  readonly unassigned: Int32Array;
  unassignedCount = 0;
  /** Position of each customer in `unassigned`, or -1. */
  readonly unassignedAt: Int32Array;

  // Undo journal: routes saved since the last commit.
  private readonly backupNodes: Int32Array;
  private readonly backupLen: Int32Array;
  private readonly savedStamp: Int32Array;
  private readonly savedList: Int32Array;
  private savedCount = 0;
  private stamp = 1;
  private readonly backupUnassigned: Int32Array;
  private backupUnassignedCount = 0;

  constructor(readonly problem: VrpProblem) {
    const { n, vehicles } = problem;
    this.stride = n + 2;
    const cells = vehicles * this.stride;
    this.nodes = new Int32Array(cells);
    this.len = new Int32Array(vehicles);
    this.pD = new Float64Array(cells);
    this.pTW = new Float64Array(cells);
    this.pE = new Float64Array(cells);
    this.pL = new Float64Array(cells);
    this.pLoad = new Float64Array(cells);
    this.sD = new Float64Array(cells);
    this.sTW = new Float64Array(cells);
    this.sE = new Float64Array(cells);
    this.sL = new Float64Array(cells);
    this.sLoad = new Float64Array(cells);
    this.routeCost = new Float64Array(vehicles);
    this.routeOf = new Int32Array(n).fill(-1);
    this.posOf = new Int32Array(n).fill(-1);
    this.unassigned = new Int32Array(n);
    this.unassignedAt = new Int32Array(n).fill(-1);
    this.backupNodes = new Int32Array(cells);
    this.backupLen = new Int32Array(vehicles);
    this.savedStamp = new Int32Array(vehicles);
    this.savedList = new Int32Array(vehicles);
    this.backupUnassigned = new Int32Array(n);
    for (let r = 0; r < vehicles; r++) {
      this.nodes[r * this.stride] = problem.vehicleStart[r];
      this.nodes[r * this.stride + 1] = problem.vehicleEnd[r];
      this.rebuild(r);
    }
    for (let c = 0; c < n; c++) this.addUnassigned(c);
  }

  /** Recompute the caches of route r after its node list changed. */
  rebuild(r: number): void {
    const p = this.problem;
    const { time, cost, size, service, ready, due, demand } = p;
    const base = r * this.stride;
    const last = this.len[r] + 1;
    const nodes = this.nodes;
    // Prefix from the start depot.
    this.pD[base] = 0;
    this.pTW[base] = 0;
    this.pE[base] = p.shiftStart[r];
    this.pL[base] = p.shiftEnd[r];
    this.pLoad[base] = 0;
    let distance = 0;
    for (let k = 1; k <= last; k++) {
      const prev = nodes[base + k - 1];
      const node = nodes[base + k];
      const i = base + k;
      const isDepot = k === last;
      this.seg.concat(
        this.pD[i - 1],
        this.pTW[i - 1],
        this.pE[i - 1],
        this.pL[i - 1],
        time[prev * size + node],
        isDepot ? 0 : service[node],
        0,
        isDepot ? p.shiftStart[r] : ready[node],
        isDepot ? p.shiftEnd[r] : due[node],
      );
      this.pD[i] = this.seg.d;
      this.pTW[i] = this.seg.tw;
      this.pE[i] = this.seg.e;
      this.pL[i] = this.seg.l;
      this.pLoad[i] = this.pLoad[i - 1] + (isDepot ? 0 : demand[node]);
      distance += cost[prev * size + node];
      if (!isDepot) {
        this.routeOf[node] = r;
        this.posOf[node] = k;
      }
    }
    this.routeCost[r] = distance;
    // Suffix to the end depot.
    const e = base + last;
    this.sD[e] = 0;
    this.sTW[e] = 0;
    this.sE[e] = p.shiftStart[r];
    this.sL[e] = p.shiftEnd[r];
    this.sLoad[e] = 0;
    for (let k = last - 1; k >= 0; k--) {
      const node = nodes[base + k];
      const next = nodes[base + k + 1];
      const i = base + k;
      const isDepot = k === 0;
      this.seg.concat(
        isDepot ? 0 : service[node],
        0,
        isDepot ? p.shiftStart[r] : ready[node],
        isDepot ? p.shiftEnd[r] : due[node],
        time[node * size + next],
        this.sD[i + 1],
        this.sTW[i + 1],
        this.sE[i + 1],
        this.sL[i + 1],
      );
      this.sD[i] = this.seg.d;
      this.sTW[i] = this.seg.tw;
      this.sE[i] = this.seg.e;
      this.sL[i] = this.seg.l;
      this.sLoad[i] = this.sLoad[i + 1] + (isDepot ? 0 : demand[node]);
    }
  }

  /** Route r is feasible (no time warp, within capacity). */
  feasible(r: number): boolean {
    const i = r * this.stride + this.len[r] + 1;
    return this.pTW[i] <= WARP_EPSILON && this.pLoad[i] <= this.problem.capacity[r] + 1e-9;
  }

  /**
   * Cost change of inserting customer c after position `after` (0..len) of route r, or Infinity
   * when infeasible. Includes the vehicle cost when r is empty.
   */
  insertionDelta(c: number, r: number, after: number, bound = Infinity): number {
    const p = this.problem;
    const base = r * this.stride;
    const end = base + this.len[r] + 1;
    if (this.pLoad[end] + p.demand[c] > p.capacity[r] + 1e-9) return Infinity;
    const size = p.size;
    const prev = this.nodes[base + after];
    const next = this.nodes[base + after + 1];
    const i = base + after;
    const delta = p.cost[prev * size + c] + p.cost[c * size + next] - p.cost[prev * size + next];
    if (delta >= bound) return Infinity;
    if (this.warpBetween(i, c, i + 1) > WARP_EPSILON) return Infinity;
    return this.len[r] === 0 ? delta + p.vehicleCost : delta;
  }

  /**
   * Time warp of the route made of the prefix ending at giant-tour index a, visit c, and the
   * suffix starting at index b (a < b in one route): O(1) by segment concatenation.
   */
  warpBetween(a: number, c: number, b: number): number {
    const p = this.problem;
    const size = p.size;
    const prev = this.nodes[a];
    const next = this.nodes[b];
    this.seg.concat(
      this.pD[a],
      this.pTW[a],
      this.pE[a],
      this.pL[a],
      p.time[prev * size + c],
      p.service[c],
      0,
      p.ready[c],
      p.due[c],
    );
    this.seg.concat(
      this.seg.d,
      this.seg.tw,
      this.seg.e,
      this.seg.l,
      p.time[c * size + next],
      this.sD[b],
      this.sTW[b],
      this.sE[b],
      this.sL[b],
    );
    return this.seg.tw;
  }

  /** Distance delta of inserting c after position `after` of non-empty route r, windows checked, capacity not; Infinity when infeasible or not below `bound`. */
  insertionDeltaNoLoad(c: number, r: number, after: number, bound: number): number {
    const p = this.problem;
    const size = p.size;
    const i = r * this.stride + after;
    const prev = this.nodes[i];
    const next = this.nodes[i + 1];
    const delta = p.cost[prev * size + c] + p.cost[c * size + next] - p.cost[prev * size + next];
    if (delta >= bound) return Infinity;
    return this.warpBetween(i, c, i + 1) > WARP_EPSILON ? Infinity : delta;
  }

  /**
   * Cheapest feasible insertion of c into route r with cost delta below `bound` (the vehicle
   * cost of an empty route excluded); sets `scanAfter` (-1 when none) and returns the delta.
   * `skip` marks positions to pass over (blinks): called once per position, true = skip.
   */
  scanRoute(c: number, r: number, bound: number, skip: (() => boolean) | null): number {
    const p = this.problem;
    const size = p.size;
    const cost = p.cost;
    const time = p.time;
    const nodes = this.nodes;
    const pD = this.pD;
    const pTW = this.pTW;
    const pE = this.pE;
    const pL = this.pL;
    const sTW = this.sTW;
    const sL = this.sL;
    const rc = p.ready[c];
    const dc = p.due[c];
    const sc = p.service[c];
    const base = r * this.stride;
    const len = this.len[r];
    let best = bound;
    this.scanAfter = -1;
    let prev = nodes[base];
    for (let after = 0; after <= len; after++) {
      const i = base + after;
      const next = nodes[i + 1];
      if (skip !== null && skip()) {
        prev = next;
        continue;
      }
      const delta = cost[prev * size + c] + cost[c * size + next] - cost[prev * size + next];
      if (delta < best) {
        // prefix(i) + c + suffix(i+1): only the total time warp matters.
        const toC = pD[i] - pTW[i] + time[prev * size + c];
        const wait = Math.max(rc - toC - pL[i], 0);
        let warp = pTW[i] + Math.max(pE[i] + toC - dc, 0);
        const dur = pD[i] + sc + time[prev * size + c] + wait;
        const start = Math.max(rc - toC, pE[i]) - wait;
        const toNext = dur - warp + time[c * size + next];
        warp += sTW[i + 1] + Math.max(start + toNext - sL[i + 1], 0);
        if (warp <= WARP_EPSILON) {
          best = delta;
          this.scanAfter = after;
        }
      }
      prev = next;
    }
    return best;
  }

  /** Result of the last `scanRoute`. */
  scanAfter = -1;

  /** Remember route r (once per step) so `rollback` can restore it. */
  save(r: number): void {
    if (this.savedStamp[r] === this.stamp) return;
    this.savedStamp[r] = this.stamp;
    this.savedList[this.savedCount++] = r;
    const base = r * this.stride;
    this.backupLen[r] = this.len[r];
    this.backupNodes.set(this.nodes.subarray(base, base + this.len[r] + 2), base);
  }

  /** Start a step: later `rollback` returns to the state at this point. */
  begin(): void {
    this.stamp++;
    this.savedCount = 0;
    this.backupUnassignedCount = this.unassignedCount;
    this.backupUnassigned.set(this.unassigned.subarray(0, this.unassignedCount));
  }

  rollback(): void {
    for (let k = 0; k < this.unassignedCount; k++) this.unassignedAt[this.unassigned[k]] = -1;
    for (let s = 0; s < this.savedCount; s++) {
      const r = this.savedList[s];
      const base = r * this.stride;
      this.len[r] = this.backupLen[r];
      this.nodes.set(this.backupNodes.subarray(base, base + this.len[r] + 2), base);
      this.rebuild(r);
    }
    this.unassignedCount = 0;
    for (let k = 0; k < this.backupUnassignedCount; k++) this.addUnassigned(this.backupUnassigned[k]);
    this.savedCount = 0;
    this.stamp++;
  }

  /** Insert c after position `after` of route r (caller rebuilds r when done). */
  insertRaw(c: number, r: number, after: number): void {
    this.save(r);
    const base = r * this.stride;
    const last = this.len[r] + 1;
    this.nodes.copyWithin(base + after + 2, base + after + 1, base + last + 1);
    this.nodes[base + after + 1] = c;
    this.len[r]++;
    this.removeUnassigned(c);
    this.routeOf[c] = r;
  }

  insert(c: number, r: number, after: number): void {
    this.insertRaw(c, r, after);
    this.rebuild(r);
  }

  /** Remove the customers at positions [from, to) of route r (1-based customer positions). */
  removeRange(r: number, from: number, to: number): void {
    this.save(r);
    const base = r * this.stride;
    for (let k = from; k < to; k++) {
      const c = this.nodes[base + k];
      this.routeOf[c] = -1;
      this.posOf[c] = -1;
      this.addUnassigned(c);
    }
    const last = this.len[r] + 1;
    this.nodes.copyWithin(base + from, base + to, base + last + 1);
    this.len[r] -= to - from;
    this.rebuild(r);
  }

  /** Replace the customers of route r by `customers` (caller guarantees they are not elsewhere). */
  setRoute(r: number, customers: ArrayLike<number>, count: number): void {
    this.save(r);
    const base = r * this.stride;
    for (let k = 1; k <= this.len[r]; k++) {
      const c = this.nodes[base + k];
      if (this.routeOf[c] === r) this.routeOf[c] = -1;
    }
    for (let k = 0; k < count; k++) {
      this.nodes[base + 1 + k] = customers[k];
      this.removeUnassigned(customers[k]);
    }
    this.nodes[base + count + 1] = this.problem.vehicleEnd[r];
    this.len[r] = count;
    this.rebuild(r);
  }

  addUnassigned(c: number): void {
    if (this.unassignedAt[c] >= 0) return;
    this.unassignedAt[c] = this.unassignedCount;
    this.unassigned[this.unassignedCount++] = c;
  }

  removeUnassigned(c: number): void {
    const at = this.unassignedAt[c];
    if (at < 0) return;
    const lastC = this.unassigned[--this.unassignedCount];
    this.unassigned[at] = lastC;
    this.unassignedAt[lastC] = at;
    this.unassignedAt[c] = -1;
  }

  usedVehicles(): number {
    let used = 0;
    for (let r = 0; r < this.problem.vehicles; r++) if (this.len[r] > 0) used++;
    return used;
  }

  distance(): number {
    let total = 0;
    for (let r = 0; r < this.problem.vehicles; r++) if (this.len[r] > 0) total += this.routeCost[r];
    return total;
  }

  /** Objective: distance + vehicle cost per used vehicle + cost of omitted customers. */
  objective(): number {
    const p = this.problem;
    let total = this.distance() + p.vehicleCost * this.usedVehicles();
    for (let k = 0; k < this.unassignedCount; k++) total += p.omitCost[this.unassigned[k]];
    return total;
  }

  /** The routes as customer lists (empty vehicles included as empty lists). */
  routes(): number[][] {
    const result: number[][] = [];
    for (let r = 0; r < this.problem.vehicles; r++) {
      const base = r * this.stride;
      result.push(Array.from(this.nodes.subarray(base + 1, base + 1 + this.len[r])));
    }
    return result;
  }

  /** Load routes (vehicle index → customers). */
  load(routes: readonly (readonly number[])[]): void {
    this.begin();
    for (let r = 0; r < this.problem.vehicles; r++) {
      const list = routes[r] ?? [];
      this.setRoute(r, list, list.length);
    }
    for (let c = 0; c < this.problem.n; c++) if (this.routeOf[c] < 0) this.addUnassigned(c);
    this.begin();
  }
}
