/**
 * Timing of UHHC routes for the solver. A route is a visit sequence per caregiver; the simulator
 * times it (leave just in time, start at the earliest allowed minute, choose between late start
 * and waiting for a later window), places the lunch break in the best gap, and prices it.
 * Synchronised visits are pinned: when a pair is inserted both starts are fixed (release =
 * deadline = start), so later insertions elsewhere must respect them like a time window and one
 * route's delay never ripples into its partner's route.
 */
import type { UhhcModel } from './model.ts';
import { SYNC_SEQUENTIAL, SYNC_SIMULTANEOUS } from './model.ts';

export class RouteSimulator {
  /** Results of the last `run`. */
  cost = 0;
  total = 0;
  idle = 0;
  maxTardiness = 0;
  lunchGap = -1;
  lunchAt = 0;
  readonly start: Float64Array;
  private readonly arrivals: Float64Array;
  private readonly shiftAt: Float64Array;
  private pCost = 0;
  private deadline: Float64Array = new Float64Array(0);
  private pIdle = 0;
  private pMaxT = 0;
  private pLunchAt = 0;

  constructor(private readonly m: UhhcModel) {
    this.start = new Float64Array(m.visits + 1);
    this.arrivals = new Float64Array(m.visits + 2);
    this.shiftAt = new Float64Array(m.visits + 2);
  }

  /**
   * Time and price caregiver r's sequence. `idleRef`/`tardRef` are the current plan-wide maxima:
   * exceeding them costs the max-idle and highest-tardiness weights (route-local proxy of the
   * plan-wide maximum). Returns the cost including the proxies.
   */
  run(
    r: number,
    seq: Int32Array,
    n: number,
    release: Float64Array,
    deadline: Float64Array,
    idleRef: number,
    tardRef: number,
  ): number {
    this.deadline = deadline;
    const m = this.m;
    if (n === 0) {
      this.cost = m.lunchEntitled[r] ? m.w.lunch : 0;
      this.idle = 0;
      this.maxTardiness = 0;
      this.lunchGap = -1;
      this.total = this.cost;
      return this.total;
    }
    let bestGap = -1;
    let best = this.pass(r, seq, n, release, -1, true)
      ? this.pCost + this.proxy(this.pIdle, this.pMaxT, idleRef, tardRef)
      : Infinity;
    if (m.lunchEntitled[r]) {
      best += m.w.lunch;
      if (best === Infinity) this.fillArrivals(r, seq, n);
      // Candidate gaps: from the last one reached before the lunch window opens to the last one
      // reached before it closes.
      const arr = this.arrivals;
      let first = 0;
      let last = -1;
      for (let g = 0; g <= n; g++) {
        if (arr[g] <= m.lunchStart) first = g;
        if (arr[g] <= m.lunchLatest) last = g;
      }
      if (last - first > 6) first = last - 6;
      for (let g = first; g <= last; g++) {
        if (!this.pass(r, seq, n, release, g, false)) continue;
        const total = this.pCost + this.proxy(this.pIdle, this.pMaxT, idleRef, tardRef);
        if (total < best) {
          best = total;
          bestGap = g;
        }
      }
    }
    if (best === Infinity) {
      this.cost = Infinity;
      this.total = Infinity;
      return Infinity;
    }
    this.pass(r, seq, n, release, bestGap, false);
    this.cost = this.pCost + (bestGap < 0 && m.lunchEntitled[r] ? m.w.lunch : 0);
    this.idle = this.pIdle;
    this.maxTardiness = this.pMaxT;
    this.lunchGap = bestGap;
    this.lunchAt = this.pLunchAt;
    this.total = best;
    return best;
  }

  /**
   * Route-local stand-in for the plan-wide maxima. Highest tardiness: what exceeds the current
   * maximum. Max idle: idle²/(2·max) — equal to the true marginal cost at the route with the most
   * idle time and smaller for the others, so filling the idlest routes pays most (a plain
   * "excess over the maximum" never rewards opening or filling a route). `idleMode` 0 ignores idle,
   * 2 (default) charges the excess over the current maximum.
   */
  idleMode = 2;
  proxy(idle: number, maxT: number, idleRef: number, tardRef: number): number {
    const m = this.m;
    let p = m.w.highestTardiness * Math.max(0, maxT - tardRef);
    if (this.idleMode === 1) p += (m.w.idle * idle * idle) / (2 * Math.max(idleRef, 30));
    else if (this.idleMode === 2) p += m.w.idle * Math.max(0, idle - idleRef);
    return p;
  }

  /** Rough arrival times (no pins) for choosing lunch candidates when the plain pass fails. */
  private fillArrivals(r: number, seq: Int32Array, n: number): void {
    const m = this.m;
    let loc = m.home[r];
    let t = m.shiftStart[r];
    for (let k = 0; k < n; k++) {
      const v = seq[k];
      t += m.travel[loc * m.size + m.visitLoc[v]];
      this.arrivals[k] = t;
      t = Math.max(t, this.deadline[v] === Infinity ? t : this.deadline[v]) + m.visitDuration[v];
      loc = m.visitLoc[v];
    }
    this.arrivals[n] = t;
  }

  /** One timing pass with the lunch in gap `gap` (-1 none); false when that lunch is not allowed. */
  private pass(
    r: number,
    seq: Int32Array,
    n: number,
    release: Float64Array,
    gap: number,
    record: boolean,
  ): boolean {
    const m = this.m;
    const size = m.size;
    const C = m.caregivers;
    const travelM = m.travel;
    const atEnd = m.atServiceEnd;
    const shiftAt = this.shiftAt;
    let travel = 0;
    let tard = 0;
    let maxT = 0;
    let wait = 0;
    let idle = 0;
    let pref = 0;
    let loc = m.home[r];
    let t = 0;
    // Waiting is avoided by leaving later: everything before a wait can move later by up to
    // `slack` (no new lateness, pinned starts and the lunch window kept). Moving converts
    // waiting into a later departure, so idle time stays the same and waiting cost drops.
    let slack = Infinity;
    let lunchShift = 0;
    this.pLunchAt = -1;
    for (let k = 0; k < n; k++) {
      shiftAt[k] = 0;
      const v = seq[k];
      const vl = m.visitLoc[v];
      const leg = travelM[loc * size + vl];
      travel += leg;
      let arrival: number;
      let countWait = true;
      let justInTime = false;
      if (k === 0) {
        arrival = m.shiftStart[r] + leg;
        if (gap === 0) {
          const ls = Math.max(arrival, m.lunchStart);
          if (ls > m.lunchLatest) return false;
          idle += ls - arrival;
          this.pLunchAt = ls;
          slack = m.lunchLatest - ls;
          arrival = ls + m.lunchDuration;
          countWait = false;
        } else justInTime = true;
      } else {
        arrival = t + leg;
        if (gap === k) {
          const ls = Math.max(arrival, m.lunchStart);
          if (ls > m.lunchLatest) return false;
          const waitHere = ls - arrival;
          const moved = Math.min(waitHere, slack);
          shiftAt[k] = moved; // moves the visits before this lunch
          lunchShift = 0;
          slack -= moved;
          wait += waitHere - moved;
          idle += waitHere;
          this.pLunchAt = ls;
          slack = Math.min(slack, m.lunchLatest - ls);
          arrival = ls + m.lunchDuration;
        }
      }
      if (record) this.arrivals[k] = arrival;
      const s = this.chooseStart(v, arrival, release[v]);
      if (s > this.deadline[v]) return false;
      const waitHere = s - arrival;
      idle += waitHere;
      if (!justInTime && countWait && waitHere > 0) {
        const moved = Math.min(waitHere, slack);
        wait += waitHere - moved;
        slack -= moved;
        if (gap === k) lunchShift += moved;
        shiftAt[k] += moved;
      }
      this.start[k] = s;
      const e = s + m.visitDuration[v];
      t = e;
      const p = m.visitPatient[v];
      let idx = m.windowOffset[p];
      const end = m.windowOffset[p + 1];
      while (idx + 1 < end && m.windowOpen[idx + 1] <= s) idx++;
      const late = (atEnd ? e : s) - m.windowClose[idx];
      if (late > 0) {
        tard += late;
        if (late > maxT) maxT = late;
      }
      const own = this.deadline[v] !== Infinity ? this.deadline[v] - s : late >= 0 ? 0 : -late;
      if (own < slack) slack = own;
      pref += m.unpreferred[v * C + r];
      loc = vl;
    }
    if (record) this.arrivals[n] = t;
    let endShift = 0;
    if (gap === n) {
      const ls = Math.max(t, m.lunchStart);
      if (ls > m.lunchLatest) return false;
      const waitHere = ls - t;
      endShift = Math.min(waitHere, slack);
      wait += waitHere - endShift;
      idle += waitHere;
      this.pLunchAt = ls;
      t = ls + m.lunchDuration;
    }
    // Apply the moves: a visit starts later by every move made at a later wait.
    let later = endShift;
    for (let k = n - 1; k >= 0; k--) {
      if (gap === k + 1 && gap < n) this.pLunchAt += later + lunchShift;
      later += k + 1 < n ? shiftAt[k + 1] : 0;
      this.start[k] += later;
    }
    if (gap === 0) this.pLunchAt += later + shiftAt[0];
    const leg = travelM[loc * size + m.back[r]];
    travel += leg;
    const ret = t + leg;
    const extra = Math.max(0, ret - m.shiftEnd[r]);
    idle += Math.max(0, m.shiftEnd[r] - ret);
    const w = m.w;
    this.pCost =
      w.travel * travel + w.tardiness * tard + w.waiting * wait + w.extra * extra + w.preference * pref;
    this.pIdle = idle;
    this.pMaxT = maxT;
    return true;
  }

  /** Earliest start from `arrival`: window opening, release, and late-vs-wait for a later window. */
  private chooseStart(v: number, arrival: number, release: number): number {
    const m = this.m;
    const p = m.visitPatient[v];
    const lower = arrival > release ? arrival : release;
    let idx = m.windowOffset[p];
    const end = m.windowOffset[p + 1];
    if (lower < m.windowOpen[idx]) return m.windowOpen[idx];
    while (idx + 1 < end && m.windowOpen[idx + 1] <= lower) idx++;
    const late = (m.atServiceEnd ? lower + m.visitDuration[v] : lower) - m.windowClose[idx];
    if (late <= 0 || idx + 1 >= end) return lower;
    const waitFor = m.windowOpen[idx + 1] - lower;
    return m.w.waiting * waitFor < m.w.tardiness * late ? m.windowOpen[idx + 1] : lower;
  }
}

/** A whole plan: routes per caregiver, their timing and the objective. */
export class Plan {
  readonly routes: Int32Array[];
  readonly len: Int32Array;
  readonly routeOf: Int32Array;
  readonly release: Float64Array;
  /** Latest allowed start (the pin of a synchronised visit), Infinity when free. */
  readonly deadline: Float64Array;
  readonly startOf: Float64Array;
  readonly routeCost: Float64Array;
  readonly routeIdle: Float64Array;
  readonly routeMaxT: Float64Array;
  readonly lunchGap: Int32Array;
  readonly lunchAt: Float64Array;
  objective = 0;
  /** Plan-wide maxima the last evaluation used as references (to reproduce its timing). */
  refIdle = 0;
  refTardiness = 0;
  maxIdle = 0;
  maxTardiness = 0;
  syncViolations = 0;
  readonly sim: RouteSimulator;
  private readonly dirty: Uint8Array;

  constructor(readonly m: UhhcModel) {
    this.routes = Array.from({ length: m.caregivers }, () => new Int32Array(m.visits + 1));
    this.len = new Int32Array(m.caregivers);
    this.routeOf = new Int32Array(m.visits).fill(-1);
    this.release = new Float64Array(m.visits);
    this.deadline = new Float64Array(m.visits).fill(Infinity);
    this.startOf = new Float64Array(m.visits);
    this.routeCost = new Float64Array(m.caregivers);
    this.routeIdle = new Float64Array(m.caregivers);
    this.routeMaxT = new Float64Array(m.caregivers);
    this.lunchGap = new Int32Array(m.caregivers).fill(-1);
    this.lunchAt = new Float64Array(m.caregivers);
    this.dirty = new Uint8Array(m.caregivers);
    this.sim = new RouteSimulator(m);
  }

  copyFrom(other: Plan): void {
    for (let r = 0; r < this.m.caregivers; r++) this.routes[r].set(other.routes[r].subarray(0, other.len[r]));
    this.len.set(other.len);
    this.routeOf.set(other.routeOf);
    this.release.set(other.release);
    this.deadline.set(other.deadline);
    this.startOf.set(other.startOf);
    this.routeCost.set(other.routeCost);
    this.routeIdle.set(other.routeIdle);
    this.routeMaxT.set(other.routeMaxT);
    this.lunchGap.set(other.lunchGap);
    this.lunchAt.set(other.lunchAt);
    this.objective = other.objective;
    this.refIdle = other.refIdle;
    this.refTardiness = other.refTardiness;
    this.maxIdle = other.maxIdle;
    this.maxTardiness = other.maxTardiness;
    this.syncViolations = other.syncViolations;
  }

  insert(v: number, r: number, pos: number): void {
    const route = this.routes[r];
    route.copyWithin(pos + 1, pos, this.len[r]);
    route[pos] = v;
    this.len[r]++;
    this.routeOf[v] = r;
  }

  remove(v: number): void {
    const r = this.routeOf[v];
    if (r < 0) return;
    const route = this.routes[r];
    const n = this.len[r];
    let pos = 0;
    while (route[pos] !== v) pos++;
    route.copyWithin(pos, pos + 1, n);
    this.len[r]--;
    this.routeOf[v] = -1;
    this.unpin(v);
  }

  pin(v: number, start: number): void {
    this.release[v] = start;
    this.deadline[v] = start;
  }

  unpin(v: number): void {
    this.release[v] = 0;
    this.deadline[v] = Infinity;
  }

  positionOf(v: number): number {
    const r = this.routeOf[v];
    const route = this.routes[r];
    for (let k = 0; k < this.len[r]; k++) if (route[k] === v) return k;
    return -1;
  }

  private simulate(r: number): void {
    const sim = this.sim;
    sim.run(r, this.routes[r], this.len[r], this.release, this.deadline, this.maxIdle, this.maxTardiness);
    this.routeCost[r] = sim.cost;
    this.routeIdle[r] = sim.idle;
    this.routeMaxT[r] = sim.maxTardiness;
    this.lunchGap[r] = sim.lunchGap;
    this.lunchAt[r] = sim.lunchAt;
    const route = this.routes[r];
    for (let k = 0; k < this.len[r]; k++) this.startOf[route[k]] = sim.start[k];
  }

  /** Time every route, check synchronised starts, and compute the objective. */
  evaluate(): number {
    const m = this.m;
    const C = m.caregivers;
    this.refIdle = this.maxIdle;
    this.refTardiness = this.maxTardiness;
    for (let r = 0; r < C; r++) this.simulate(r);
    let violations = 0;
    for (let p = 0; p < m.patients; p++) {
      const a = m.patientVisits[p * 2];
      const b = m.patientVisits[p * 2 + 1];
      if (b < 0) continue;
      const ra = this.routeOf[a];
      const rb = this.routeOf[b];
      if (ra < 0 !== rb < 0) violations++; // half-served patient
      if (ra < 0 || rb < 0) continue;
      const kind = m.patientSync[p];
      const gap = this.startOf[b] - this.startOf[a];
      if (kind === SYNC_SIMULTANEOUS && (gap !== 0 || ra === rb)) violations++;
      if (kind === SYNC_SEQUENTIAL && (gap < m.seqMin[p] || gap > m.seqMax[p])) violations++;
    }
    this.syncViolations = violations;
    let total = 0;
    let maxIdle = 0;
    let maxT = 0;
    for (let r = 0; r < C; r++) {
      if (this.routeCost[r] === Infinity) violations++;
      else total += this.routeCost[r];
      if (this.len[r] > 0) {
        if (this.routeIdle[r] > maxIdle) maxIdle = this.routeIdle[r];
        if (this.routeMaxT[r] > maxT) maxT = this.routeMaxT[r];
      }
    }
    for (let p = 0; p < m.patients; p++) {
      const a = m.patientVisits[p * 2];
      if (this.routeOf[a] < 0) total += m.patientOptional[p] ? m.w.optional : m.hardPenalty;
    }
    this.maxIdle = maxIdle;
    this.maxTardiness = maxT;
    total += m.w.idle * maxIdle + m.w.highestTardiness * maxT + violations * m.hardPenalty;
    this.objective = total;
    return total;
  }
}
