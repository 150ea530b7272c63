/**
 * Slack Induction by String Removals (Christiaens & Vanden Berghe 2020): ruin removes strings of
 * consecutive visits from routes near a random seed visit; recreate reinserts the removed visits
 * one by one at their cheapest feasible position, skipping each position with a small "blink"
 * probability so the search does not always repeat the greedy choice.
 */
import type { Random } from '@planmaat/domain';
import type { VrpProblem } from './problem.ts';
import type { RouteState } from './state.ts';

export interface SisrParams {
  /** Average number of removed visits per ruin. */
  averageRemoved: number;
  /** Maximum string length. */
  maxString: number;
  /** Probability to skip a candidate position during recreate. */
  blinkRate: number;
}

export const DEFAULT_SISR: SisrParams = { averageRemoved: 10, maxString: 10, blinkRate: 0.01 };

export class Sisr {
  private readonly removed: Int32Array;
  private removedCount = 0;
  private readonly ruinedStamp: Int32Array;
  private stamp = 1;
  private readonly sortKey: Float64Array;
  private readonly order: number[] = [];
  /** For empty vehicles: the first vehicle of each interchangeable class is tried only. */
  private readonly vehicleClass: Int32Array;
  private readonly classSeen: Int32Array;
  private blinkCountdown = 0;

  constructor(
    private readonly problem: VrpProblem,
    private readonly neighbours: { list: Int32Array; width: number },
    private readonly random: Random,
    readonly params: SisrParams = DEFAULT_SISR,
  ) {
    this.removed = new Int32Array(problem.n);
    this.ruinedStamp = new Int32Array(problem.vehicles);
    this.sortKey = new Float64Array(problem.n);
    this.vehicleClass = vehicleClasses(problem);
    this.classSeen = new Int32Array(problem.vehicles);
    this.drawBlink();
  }

  /** Remove strings; the removed visits are added to the state's unassigned list. */
  ruin(state: RouteState): void {
    const p = this.problem;
    const rnd = this.random;
    this.stamp++;
    this.removedCount = 0;
    const assigned = p.n - state.unassignedCount;
    const used = state.usedVehicles();
    if (assigned === 0 || used === 0) return;
    const lsMax = Math.min(this.params.maxString, assigned / used);
    const ksMax = (4 * this.params.averageRemoved) / (1 + lsMax) - 1;
    const strings = Math.floor(rnd.next() * ksMax) + 1;
    // Seed: a random assigned visit.
    let seed = rnd.int(p.n);
    for (let tries = 0; state.routeOf[seed] < 0 && tries < p.n; tries++) seed = (seed + 1) % p.n;
    let ruinedRoutes = 0;
    const { list, width } = this.neighbours;
    for (let k = -1; k < width && ruinedRoutes < strings; k++) {
      const c = k < 0 ? seed : list[seed * width + k];
      const r = state.routeOf[c];
      if (r < 0 || this.ruinedStamp[r] === this.stamp) continue;
      this.ruinedStamp[r] = this.stamp;
      ruinedRoutes++;
      const len = state.len[r];
      const lMax = Math.min(len, lsMax);
      const l = Math.floor(rnd.next() * lMax) + 1;
      const pos = state.posOf[c];
      if (l >= len || rnd.next() < 0.5) {
        this.removeString(state, r, pos, l);
      } else {
        this.removeSplitString(state, r, pos, l);
      }
    }
  }

  private removeString(state: RouteState, r: number, pos: number, l: number): void {
    const len = state.len[r];
    // A random string of length l that contains pos (positions 1..len).
    const lo = Math.max(1, pos - l + 1);
    const hi = Math.min(pos, len - l + 1);
    const from = lo + this.random.int(hi - lo + 1);
    this.collect(state, r, from, from + l);
    state.removeRange(r, from, from + l);
  }

  private removeSplitString(state: RouteState, r: number, pos: number, l: number): void {
    const len = state.len[r];
    let m = 1;
    while (l + m < len && this.random.next() < 0.5) m++;
    const total = l + m;
    const lo = Math.max(1, pos - total + 1);
    const hi = Math.min(pos, len - total + 1);
    const from = lo + this.random.int(hi - lo + 1);
    // Keep m consecutive visits somewhere inside the window, remove the rest.
    const keepAt = from + this.random.int(l + 1);
    this.collect(state, r, keepAt + m, from + total);
    state.removeRange(r, keepAt + m, from + total);
    this.collect(state, r, from, keepAt);
    state.removeRange(r, from, keepAt);
  }

  private collect(state: RouteState, r: number, from: number, to: number): void {
    const base = r * state.stride;
    for (let k = from; k < to; k++) this.removed[this.removedCount++] = state.nodes[base + k];
  }

  /**
   * Reinsert every unassigned visit (the ruined ones and any left out before), in one of the
   * SISR orders: random, largest demand, farthest from the depot, closest to the depot.
   */
  recreate(state: RouteState, blinks = true): void {
    const p = this.problem;
    const rnd = this.random;
    const order = this.order;
    order.length = 0;
    for (let k = 0; k < state.unassignedCount; k++) order.push(state.unassigned[k]);
    const key = this.sortKey;
    const pick = rnd.next() * 11;
    if (pick < 4) {
      rnd.shuffle(order);
    } else {
      const depot = p.vehicleStart[0];
      for (const c of order) {
        key[c] =
          pick < 8 ? -p.demand[c] - rnd.next() * 1e-6 : (pick < 10 ? -1 : 1) * p.cost[depot * p.size + c];
      }
      rnd.shuffle(order);
      order.sort((a, b) => key[a] - key[b]);
    }
    for (const c of order) this.insertBest(state, c, blinks);
  }

  /** Insert c at its cheapest feasible position; leave it out when none or when omitting is cheaper. */
  insertBest(state: RouteState, c: number, blinks: boolean): void {
    const p = this.problem;
    let bestDelta = p.omitCost[c];
    let bestRoute = -1;
    let bestAfter = -1;
    const allowed = p.allowed;
    const V = p.vehicles;
    this.stamp++;
    for (let r = 0; r < V; r++) {
      if (allowed !== null && allowed[c * V + r] === 0) continue;
      const len = state.len[r];
      if (len === 0) {
        const cls = this.vehicleClass[r];
        if (this.classSeen[cls] === this.stamp) continue;
        this.classSeen[cls] = this.stamp;
      }
      if (state.pLoad[r * state.stride + len + 1] + p.demand[c] > p.capacity[r] + 1e-9) continue;
      const extra = len === 0 ? p.vehicleCost : 0;
      const delta = state.scanRoute(c, r, bestDelta - extra, blinks ? this.blink : null);
      if (state.scanAfter >= 0) {
        bestDelta = delta + extra;
        bestRoute = r;
        bestAfter = state.scanAfter;
      }
    }
    if (bestRoute >= 0) state.insert(c, bestRoute, bestAfter);
  }

  private readonly blink = (): boolean => {
    if (--this.blinkCountdown > 0) return false;
    this.drawBlink();
    return true;
  };

  private drawBlink(): void {
    const rate = this.params.blinkRate;
    if (rate <= 0) {
      this.blinkCountdown = Number.MAX_SAFE_INTEGER;
      return;
    }
    this.blinkCountdown = 1 + Math.floor(Math.log(1 - this.random.next()) / Math.log(1 - rate));
  }
}

/** Vehicles with the same depots, shift and capacity are interchangeable when empty. */
export function vehicleClasses(problem: VrpProblem): Int32Array {
  const cls = new Int32Array(problem.vehicles);
  const keys = new Map<string, number>();
  for (let r = 0; r < problem.vehicles; r++) {
    let key = `${problem.vehicleStart[r]}|${problem.vehicleEnd[r]}|${problem.shiftStart[r]}|${problem.shiftEnd[r]}|${problem.capacity[r]}`;
    if (problem.allowed !== null) key += `|${r}`;
    let id = keys.get(key);
    if (id === undefined) {
      id = keys.size;
      keys.set(key, id);
    }
    cls[r] = id;
  }
  return cls;
}
