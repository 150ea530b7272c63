/**
 * Granular local search (first improvement) over the nearest neighbours of every visit:
 * relocate, or-opt (strings of 2–3), swap, 2-opt* between routes, and relocate / 2-opt inside a
 * route. Inter-route moves are checked in O(1) by concatenating prefix, visit and suffix
 * segments; intra-route moves re-time the one changed route.
 */
import type { Random } from '@planmaat/domain';
import type { VrpProblem } from './problem.ts';
import type { RouteState } from './state.ts';
import { SegmentConcat, WARP_EPSILON as EPSILON } from './segment.ts';

const WARP_EPSILON = EPSILON;

const IMPROVEMENT = 1e-7;

export class LocalSearch {
  private readonly seg = new SegmentConcat();
  private readonly order: Int32Array;
  private readonly bufA: Int32Array;
  private readonly bufB: Int32Array;
  private readonly sameEnd: Uint8Array;
  // SWAP* scratch (per route position): removal gain and the three cheapest insertions elsewhere.
  private readonly removalU: Float64Array;
  private readonly removalV: Float64Array;
  private readonly topU: Int32Array;
  private readonly topUCost: Float64Array;
  private readonly topV: Int32Array;
  private readonly topVCost: Float64Array;
  /** Pass in which a route pair last had its SWAP* neighbourhood scanned. */
  private readonly pairPass: Int32Array;
  private pass = 0;
  /** Run SWAP* between routes (Vidal 2022). */
  swapStarEnabled = false;
  /** Moves applied since construction (for statistics); SWAP* moves among them. */
  applied = 0;
  swapStarApplied = 0;

  constructor(
    private readonly problem: VrpProblem,
    private readonly neighbours: { list: Int32Array; width: number },
    private readonly random: Random,
    private readonly granularity = 20,
  ) {
    this.order = new Int32Array(problem.n);
    for (let i = 0; i < problem.n; i++) this.order[i] = i;
    this.bufA = new Int32Array(problem.n + 2);
    this.bufB = new Int32Array(problem.n + 2);
    const V = problem.vehicles;
    const cells = problem.n + 2;
    this.removalU = new Float64Array(cells);
    this.removalV = new Float64Array(cells);
    this.topU = new Int32Array(cells * 3);
    this.topUCost = new Float64Array(cells * 3);
    this.topV = new Int32Array(cells * 3);
    this.topVCost = new Float64Array(cells * 3);
    this.pairPass = new Int32Array(V * V);
    this.sameEnd = new Uint8Array(V * V);
    for (let a = 0; a < V; a++)
      for (let b = 0; b < V; b++)
        this.sameEnd[a * V + b] =
          problem.vehicleEnd[a] === problem.vehicleEnd[b] &&
          problem.shiftEnd[a] === problem.shiftEnd[b] &&
          problem.capacity[a] === problem.capacity[b]
            ? 1
            : 0;
  }

  /** Improve until no move in the neighbourhood helps (or `shouldStop` says so). */
  run(state: RouteState, shouldStop: () => boolean = () => false): void {
    const n = this.problem.n;
    const order = this.order;
    for (let i = n - 1; i > 0; i--) {
      const j = this.random.int(i + 1);
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    let improved = true;
    let passes = 0;
    while (improved && passes < 50) {
      improved = false;
      passes++;
      this.pass++;
      if (shouldStop()) return;
      for (let k = 0; k < n; k++) {
        const u = order[k];
        if (state.routeOf[u] < 0) continue;
        if (this.improveVisit(state, u)) improved = true;
      }
    }
  }

  private improveVisit(state: RouteState, u: number): boolean {
    const { list, width } = this.neighbours;
    const g = Math.min(width, this.granularity);
    const allowed = this.problem.allowed;
    const V = this.problem.vehicles;
    for (let m = 0; m < g; m++) {
      const v = list[u * width + m];
      const rv = state.routeOf[v];
      if (rv < 0) continue;
      const ru = state.routeOf[u];
      if (ru !== rv) {
        if (allowed === null || allowed[u * V + rv] === 1) {
          if (this.relocateInter(state, u, ru, rv, state.posOf[v])) return true;
          if (this.relocateInter(state, u, ru, rv, state.posOf[v] - 1)) return true;
          if (this.orOptInter(state, u, ru, rv, state.posOf[v])) return true;
        }
        if (this.swapInter(state, u, v, ru, rv)) return true;
        if (this.twoOptStar(state, ru, rv, state.posOf[u], state.posOf[v])) return true;
        if (this.twoOptStar(state, ru, rv, state.posOf[u], state.posOf[v] - 1)) return true;
        if (this.swapStarEnabled) {
          const key = ru < rv ? ru * V + rv : rv * V + ru;
          if (this.pairPass[key] !== this.pass) {
            this.pairPass[key] = this.pass;
            if (this.swapStar(state, ru, rv)) return true;
          }
        }
      } else {
        if (this.intraRoute(state, ru, state.posOf[u], state.posOf[v])) return true;
      }
    }
    return false;
  }

  /** Cost of route r without positions [from, to) (customers), or Infinity. Joins prefix and suffix. */
  private removalCost(state: RouteState, r: number, from: number, to: number): number {
    const p = this.problem;
    const base = r * state.stride;
    const a = base + from - 1;
    const b = base + to;
    const prev = state.nodes[a];
    const next = state.nodes[b];
    this.seg.concat(
      state.pD[a],
      state.pTW[a],
      state.pE[a],
      state.pL[a],
      p.time[prev * p.size + next],
      state.sD[b],
      state.sTW[b],
      state.sE[b],
      state.sL[b],
    );
    if (this.seg.tw > WARP_EPSILON) return Infinity;
    let removed =
      p.cost[prev * p.size + next] -
      p.cost[prev * p.size + state.nodes[a + 1]] -
      p.cost[state.nodes[b - 1] * p.size + next];
    for (let k = a + 1; k < b - 1; k++) removed -= p.cost[state.nodes[k] * p.size + state.nodes[k + 1]];
    if (to - from === state.len[r]) removed -= p.vehicleCost;
    return removed;
  }

  private relocateInter(state: RouteState, u: number, ru: number, rv: number, after: number): boolean {
    const pu = state.posOf[u];
    const gain = this.removalCost(state, ru, pu, pu + 1);
    if (gain === Infinity) return false;
    const add = state.insertionDelta(u, rv, after);
    if (gain + add >= -IMPROVEMENT) return false;
    state.removeRange(ru, pu, pu + 1);
    state.insert(u, rv, after);
    this.applied++;
    return true;
  }

  /** Move the string of 2 or 3 visits starting at u (forward) after position `after` of route rv. */
  private orOptInter(state: RouteState, u: number, ru: number, rv: number, after: number): boolean {
    const p = this.problem;
    const pu = state.posOf[u];
    const baseU = ru * state.stride;
    const baseV = rv * state.stride;
    const size = p.size;
    for (let l = 2; l <= 3; l++) {
      if (pu + l - 1 > state.len[ru]) return false;
      // Capacity.
      let load = 0;
      for (let k = 0; k < l; k++) load += p.demand[state.nodes[baseU + pu + k]];
      if (state.pLoad[baseV + state.len[rv] + 1] + load > p.capacity[rv] + 1e-9) continue;
      if (p.allowed !== null) {
        let ok = true;
        for (let k = 0; k < l && ok; k++)
          if (p.allowed[state.nodes[baseU + pu + k] * p.vehicles + rv] === 0) ok = false;
        if (!ok) continue;
      }
      const gain = this.removalCost(state, ru, pu, pu + l);
      if (gain === Infinity) continue;
      const prev = state.nodes[baseV + after];
      const next = state.nodes[baseV + after + 1];
      const i = baseV + after;
      let d = state.pD[i];
      let tw = state.pTW[i];
      let e = state.pE[i];
      let lt = state.pL[i];
      let last = prev;
      let add = 0;
      for (let k = 0; k < l; k++) {
        const c = state.nodes[baseU + pu + k];
        this.seg.concat(d, tw, e, lt, p.time[last * size + c], p.service[c], 0, p.ready[c], p.due[c]);
        d = this.seg.d;
        tw = this.seg.tw;
        e = this.seg.e;
        lt = this.seg.l;
        add += p.cost[last * size + c];
        last = c;
      }
      this.seg.concat(
        d,
        tw,
        e,
        lt,
        p.time[last * size + next],
        state.sD[i + 1],
        state.sTW[i + 1],
        state.sE[i + 1],
        state.sL[i + 1],
      );
      if (this.seg.tw > WARP_EPSILON) continue;
      add += p.cost[last * size + next] - p.cost[prev * size + next];
      if (state.len[rv] === 0) add += p.vehicleCost;
      if (gain + add >= -IMPROVEMENT) continue;
      const moved = this.bufA;
      for (let k = 0; k < l; k++) moved[k] = state.nodes[baseU + pu + k];
      state.removeRange(ru, pu, pu + l);
      for (let k = 0; k < l; k++) state.insertRaw(moved[k], rv, after + k);
      state.rebuild(rv);
      this.applied++;
      return true;
    }
    return false;
  }

  /** Cost delta of putting visit c in place of position pos of route r, or Infinity. */
  private replaceDelta(state: RouteState, r: number, pos: number, c: number, loadChange: number): number {
    const p = this.problem;
    const base = r * state.stride;
    if (state.pLoad[base + state.len[r] + 1] + loadChange > p.capacity[r] + 1e-9) return Infinity;
    if (p.allowed !== null && p.allowed[c * p.vehicles + r] === 0) return Infinity;
    const size = p.size;
    const a = base + pos - 1;
    const b = base + pos + 1;
    const prev = state.nodes[a];
    const next = state.nodes[b];
    const old = state.nodes[base + pos];
    if (state.warpBetween(a, c, b) > WARP_EPSILON) return Infinity;
    return (
      p.cost[prev * size + c] +
      p.cost[c * size + next] -
      p.cost[prev * size + old] -
      p.cost[old * size + next]
    );
  }

  private swapInter(state: RouteState, u: number, v: number, ru: number, rv: number): boolean {
    const p = this.problem;
    const pu = state.posOf[u];
    const pv = state.posOf[v];
    const du = this.replaceDelta(state, ru, pu, v, p.demand[v] - p.demand[u]);
    if (du === Infinity) return false;
    const dv = this.replaceDelta(state, rv, pv, u, p.demand[u] - p.demand[v]);
    if (du + dv >= -IMPROVEMENT) return false;
    state.save(ru);
    state.save(rv);
    state.nodes[ru * state.stride + pu] = v;
    state.nodes[rv * state.stride + pv] = u;
    state.rebuild(ru);
    state.rebuild(rv);
    this.applied++;
    return true;
  }

  /** Exchange tails: ru keeps positions ≤ i and takes rv's tail after j, and vice versa. */
  private twoOptStar(state: RouteState, ru: number, rv: number, i: number, j: number): boolean {
    const p = this.problem;
    if (this.sameEnd[ru * p.vehicles + rv] === 0) return false;
    if (p.allowed !== null) return false;
    const size = p.size;
    const bu = ru * state.stride;
    const bv = rv * state.stride;
    const a = bu + i;
    const b = bv + j;
    const lastU = bu + state.len[ru] + 1;
    const lastV = bv + state.len[rv] + 1;
    // Loads: prefix of one plus suffix of the other.
    if (state.pLoad[a] + state.sLoad[b + 1] > p.capacity[ru] + 1e-9) return false;
    if (state.pLoad[b] + state.sLoad[a + 1] > p.capacity[rv] + 1e-9) return false;
    const x = state.nodes[a];
    const xn = state.nodes[a + 1];
    const y = state.nodes[b];
    const yn = state.nodes[b + 1];
    const before = p.cost[x * size + xn] + p.cost[y * size + yn];
    let after = p.cost[x * size + yn] + p.cost[y * size + xn];
    const emptyBefore = (state.len[ru] === 0 ? 1 : 0) + (state.len[rv] === 0 ? 1 : 0);
    const newLenU = i + (lastV - b - 1) - 1;
    const newLenV = j + (lastU - a - 1) - 1;
    const emptyAfter = (newLenU === 0 ? 1 : 0) + (newLenV === 0 ? 1 : 0);
    after += (emptyBefore - emptyAfter) * p.vehicleCost;
    if (after - before >= -IMPROVEMENT) return false;
    this.seg.concat(
      state.pD[a],
      state.pTW[a],
      state.pE[a],
      state.pL[a],
      p.time[x * size + yn],
      state.sD[b + 1],
      state.sTW[b + 1],
      state.sE[b + 1],
      state.sL[b + 1],
    );
    if (this.seg.tw > WARP_EPSILON) return false;
    this.seg.concat(
      state.pD[b],
      state.pTW[b],
      state.pE[b],
      state.pL[b],
      p.time[y * size + xn],
      state.sD[a + 1],
      state.sTW[a + 1],
      state.sE[a + 1],
      state.sL[a + 1],
    );
    if (this.seg.tw > WARP_EPSILON) return false;
    const A = this.bufA;
    const B = this.bufB;
    let na = 0;
    for (let k = bu + 1; k <= a; k++) A[na++] = state.nodes[k];
    for (let k = b + 1; k < lastV; k++) A[na++] = state.nodes[k];
    let nb = 0;
    for (let k = bv + 1; k <= b; k++) B[nb++] = state.nodes[k];
    for (let k = a + 1; k < lastU; k++) B[nb++] = state.nodes[k];
    state.setRoute(ru, A, na);
    state.setRoute(rv, B, nb);
    this.applied++;
    return true;
  }

  /**
   * SWAP* (Vidal 2022): exchange u of route ru with v of route rv, each inserted at its best place
   * in the other route rather than in the other's position. Per route pair: removal gains and the
   * three cheapest feasible insertions of every visit into the other route (O(1) each through the
   * segments), then every (u, v) pair in O(1) from those; the best improving pair is re-checked by a
   * full simulation of both new routes before it is applied.
   */
  private swapStar(state: RouteState, ru: number, rv: number): boolean {
    const p = this.problem;
    const nu = state.len[ru];
    const nv = state.len[rv];
    if (nu === 0 || nv === 0) return false;
    this.prepareSwapStar(state, ru, rv, this.removalU, this.topU, this.topUCost);
    this.prepareSwapStar(state, rv, ru, this.removalV, this.topV, this.topVCost);
    const size = p.size;
    const V = p.vehicles;
    const bu = ru * state.stride;
    const bv = rv * state.stride;
    const loadU = state.pLoad[bu + nu + 1];
    const loadV = state.pLoad[bv + nv + 1];
    let best = -IMPROVEMENT;
    let bestI = -1;
    let bestJ = -1;
    let bestAfterU = -1; // where u goes in rv (after this position of rv, old numbering)
    let bestAfterV = -1; // where v goes in ru
    for (let i = 1; i <= nu; i++) {
      const u = state.nodes[bu + i];
      if (p.allowed !== null && p.allowed[u * V + rv] === 0) continue;
      for (let j = 1; j <= nv; j++) {
        const v = state.nodes[bv + j];
        if (p.allowed !== null && p.allowed[v * V + ru] === 0) continue;
        const du = p.demand[u];
        const dv = p.demand[v];
        if (loadU - du + dv > p.capacity[ru] + 1e-9 || loadV - dv + du > p.capacity[rv] + 1e-9) continue;
        const removal = this.removalU[i] + this.removalV[j];
        // u into rv without v: v's place, or a top position not next to v.
        const pvPrev = state.nodes[bv + j - 1];
        const pvNext = state.nodes[bv + j + 1];
        let insU = p.cost[pvPrev * size + u] + p.cost[u * size + pvNext] - p.cost[pvPrev * size + pvNext];
        let afterU = j - 1;
        for (let k = 0; k < 3; k++) {
          const c = this.topUCost[i * 3 + k];
          if (c === Infinity) break;
          const a = this.topU[i * 3 + k];
          if (a === j - 1 || a === j) continue;
          if (c < insU) {
            insU = c;
            afterU = a;
          }
          break;
        }
        if (removal + insU >= best) continue;
        const puPrev = state.nodes[bu + i - 1];
        const puNext = state.nodes[bu + i + 1];
        let insV = p.cost[puPrev * size + v] + p.cost[v * size + puNext] - p.cost[puPrev * size + puNext];
        let afterV = i - 1;
        for (let k = 0; k < 3; k++) {
          const c = this.topVCost[j * 3 + k];
          if (c === Infinity) break;
          const a = this.topV[j * 3 + k];
          if (a === i - 1 || a === i) continue;
          if (c < insV) {
            insV = c;
            afterV = a;
          }
          break;
        }
        const total = removal + insU + insV;
        if (total < best) {
          best = total;
          bestI = i;
          bestJ = j;
          bestAfterU = afterU;
          bestAfterV = afterV;
        }
      }
    }
    if (bestI < 0) return false;
    // Build both routes and check them exactly (windows, shift end).
    const A = this.bufA;
    const B = this.bufB;
    const u = state.nodes[bu + bestI];
    const v = state.nodes[bv + bestJ];
    let na = 0;
    if (bestAfterV === 0) A[na++] = v;
    for (let k = 1; k <= nu; k++) {
      if (k !== bestI) A[na++] = state.nodes[bu + k];
      if (k === bestAfterV) A[na++] = v;
    }
    let nb = 0;
    if (bestAfterU === 0) B[nb++] = u;
    for (let k = 1; k <= nv; k++) {
      if (k !== bestJ) B[nb++] = state.nodes[bv + k];
      if (k === bestAfterU) B[nb++] = u;
    }
    const costA = this.sequenceCost(ru, A, na, Infinity);
    if (costA === Infinity) return false;
    const costB = this.sequenceCost(rv, B, nb, Infinity);
    if (costB === Infinity) return false;
    if (costA + costB >= state.routeCost[ru] + state.routeCost[rv] - IMPROVEMENT) return false;
    state.setRoute(ru, A, na);
    state.setRoute(rv, B, nb);
    this.applied++;
    this.swapStarApplied++;
    return true;
  }

  /**
   * For every visit of route `from`: the distance change of removing it and its three cheapest
   * feasible insertions into route `to` as it is now (capacity is checked per pair).
   */
  private prepareSwapStar(
    state: RouteState,
    from: number,
    to: number,
    removal: Float64Array,
    top: Int32Array,
    topCost: Float64Array,
  ): void {
    const p = this.problem;
    const size = p.size;
    const base = from * state.stride;
    const n = state.len[from];
    const m = state.len[to];
    for (let i = 1; i <= n; i++) {
      const prev = state.nodes[base + i - 1];
      const c = state.nodes[base + i];
      const next = state.nodes[base + i + 1];
      removal[i] = p.cost[prev * size + next] - p.cost[prev * size + c] - p.cost[c * size + next];
      let c0 = Infinity;
      let c1 = Infinity;
      let c2 = Infinity;
      let a0 = -1;
      let a1 = -1;
      let a2 = -1;
      for (let after = 0; after <= m; after++) {
        const d = state.insertionDeltaNoLoad(c, to, after, c2);
        if (d >= c2) continue;
        if (d < c0) {
          c2 = c1;
          a2 = a1;
          c1 = c0;
          a1 = a0;
          c0 = d;
          a0 = after;
        } else if (d < c1) {
          c2 = c1;
          a2 = a1;
          c1 = d;
          a1 = after;
        } else {
          c2 = d;
          a2 = after;
        }
      }
      top[i * 3] = a0;
      top[i * 3 + 1] = a1;
      top[i * 3 + 2] = a2;
      topCost[i * 3] = c0;
      topCost[i * 3 + 1] = c1;
      topCost[i * 3 + 2] = c2;
    }
  }

  /** Relocate u next to v, or reverse the stretch between them, inside one route. */
  private intraRoute(state: RouteState, r: number, pu: number, pv: number): boolean {
    const len = state.len[r];
    const base = r * state.stride;
    const current = state.routeCost[r];
    const A = this.bufA;
    // Relocate u to just after v and just before v.
    for (let variant = 0; variant < 3; variant++) {
      let n = 0;
      if (variant < 2) {
        const target = variant === 0 ? pv : pv - 1; // insert after this position (in old numbering)
        if (target === pu || target === pu - 1) continue;
        const u = state.nodes[base + pu];
        if (target === 0) A[n++] = u;
        for (let k = 1; k <= len; k++) {
          if (k !== pu) A[n++] = state.nodes[base + k];
          if (k === target) A[n++] = u;
        }
      } else {
        // 2-opt: reverse positions between the two (inclusive).
        const lo = Math.min(pu, pv);
        const hi = Math.max(pu, pv);
        if (hi - lo < 1) continue;
        for (let k = 1; k < lo; k++) A[n++] = state.nodes[base + k];
        for (let k = hi; k >= lo; k--) A[n++] = state.nodes[base + k];
        for (let k = hi + 1; k <= len; k++) A[n++] = state.nodes[base + k];
      }
      const cost = this.sequenceCost(r, A, n, current);
      if (cost < current - IMPROVEMENT) {
        state.setRoute(r, A, n);
        this.applied++;
        return true;
      }
    }
    return false;
  }

  /** Distance of route r visiting `seq`, or Infinity if infeasible or not below `bound`. */
  private sequenceCost(r: number, seq: Int32Array, count: number, bound: number): number {
    const p = this.problem;
    const size = p.size;
    let prev = p.vehicleStart[r];
    let distance = 0;
    for (let k = 0; k < count; k++) {
      distance += p.cost[prev * size + seq[k]];
      prev = seq[k];
    }
    distance += p.cost[prev * size + p.vehicleEnd[r]];
    if (distance >= bound - IMPROVEMENT) return Infinity;
    // Feasibility: simple forward simulation of start times.
    prev = p.vehicleStart[r];
    let t = p.shiftStart[r];
    for (let k = 0; k < count; k++) {
      const c = seq[k];
      t = Math.max(t + p.time[prev * size + c], p.ready[c]);
      if (t > p.due[c] + WARP_EPSILON) return Infinity;
      t += p.service[c];
      prev = c;
    }
    if (t + p.time[prev * size + p.vehicleEnd[r]] > p.shiftEnd[r] + WARP_EPSILON) return Infinity;
    return distance;
  }
}
