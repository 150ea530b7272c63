/**
 * A home-care day plan under construction: one task sequence per carer, timed by the route
 * simulator (earliest start in the first window still open, leave just in time for the first
 * visit, the break in the best gap of its window when the route needs one). Two-carer visits are
 * pinned once both tasks are placed (release = deadline = start), so later insertions respect them
 * like a time window and one route's delay never ripples into its partner's route.
 */
import {
  MANDATORY_VISIT_PENALTY,
  CARE_SYNC_NONE,
  CARE_SYNC_SEQUENTIAL,
  CARE_SYNC_SIMULTANEOUS,
  type CareProblem,
} from './model.ts';

/** Cost components of one timed route. */
export class RouteTiming {
  cost = 0;
  travel = 0;
  waiting = 0;
  overtime = 0;
  lateness = 0;
  missedBreak = 0;
  unmet = 0;
  work = 0;
  balance = 0;
  changes = 0;
  shifted = 0;
  departure = 0;
  returnAt = 0;
  /** Break after the visit at this 1-based position (0 = none). */
  breakAfter = 0;
  breakAt = 0;
  copy(o: RouteTiming): void {
    this.cost = o.cost;
    this.travel = o.travel;
    this.waiting = o.waiting;
    this.overtime = o.overtime;
    this.lateness = o.lateness;
    this.missedBreak = o.missedBreak;
    this.unmet = o.unmet;
    this.work = o.work;
    this.balance = o.balance;
    this.changes = o.changes;
    this.shifted = o.shifted;
    this.departure = o.departure;
    this.returnAt = o.returnAt;
    this.breakAfter = o.breakAfter;
    this.breakAt = o.breakAt;
  }
}

export class RouteSimulator {
  readonly start: Float64Array;
  readonly result = new RouteTiming();
  private readonly trial = new RouteTiming();
  private readonly best = new RouteTiming();
  private readonly ends: Float64Array;

  constructor(private readonly p: CareProblem) {
    this.start = new Float64Array(p.tasks + 1);
    this.ends = new Float64Array(p.tasks + 1);
  }

  /** Time and price carer r's task sequence; Infinity when a hard rule breaks. */
  run(r: number, seq: Int32Array, n: number, release: Float64Array, deadline: Float64Array): number {
    const p = this.p;
    const out = this.result;
    if (n === 0) {
      out.cost = out.travel = out.waiting = out.overtime = out.lateness = out.missedBreak = 0;
      out.unmet = out.work = out.balance = out.changes = out.shifted = out.breakAfter = out.breakAt = 0;
      out.departure = out.returnAt = p.availableFrom[r];
      return 0;
    }
    let cost = this.pass(r, seq, n, release, deadline, 0, out);
    if (cost === Infinity) return Infinity;
    const minutes = p.breakMinutes[r];
    if (minutes === 0 || out.work <= p.rules.breakRequiredAfterMinutes) return cost;
    // A break is required: try the gaps whose no-break end still leaves room inside the window.
    for (let k = 0; k < n; k++) this.ends[k] = this.start[k] + p.visitDuration[p.taskVisit[seq[k]]];
    let bestCost = Infinity;
    let tries = 0;
    for (let g = n; g >= 1 && tries < 6; g--) {
      if (this.ends[g - 1] + minutes > p.breakEnd[r]) continue;
      tries++;
      const c = this.pass(r, seq, n, release, deadline, g, this.trial);
      if (c < bestCost) {
        bestCost = c;
        this.best.copy(this.trial);
      }
      if (this.ends[g - 1] <= p.breakStart[r] - 60) break;
    }
    if (bestCost < Infinity) {
      cost = this.pass(r, seq, n, release, deadline, this.best.breakAfter, out);
      return cost;
    }
    cost = this.pass(r, seq, n, release, deadline, 0, out);
    out.missedBreak = 1;
    out.cost += p.weights.missedBreak;
    return out.cost;
  }

  /** One timing pass with the break after position `gap` (1-based; 0 = none). */
  private pass(
    r: number,
    seq: Int32Array,
    n: number,
    release: Float64Array,
    deadline: Float64Array,
    gap: number,
    out: RouteTiming,
  ): number {
    const p = this.p;
    const size = p.size;
    const travelM = p.travel[p.carerMode[r]];
    const maxLate = p.rules.maxLatenessMinutes;
    const C = p.carers;
    let loc = p.startLoc[r];
    let t = p.availableFrom[r];
    let travel = 0;
    let waiting = 0;
    let lateness = 0;
    let unmet = 0;
    let changes = 0;
    let shifted = 0;
    let departure = t;
    let breakAt = 0;
    const tolerance = p.rules.timeShiftToleranceMinutes;
    for (let k = 0; k < n; k++) {
      const task = seq[k];
      const v = p.taskVisit[task];
      const vl = p.visitLoc[v];
      const leg = travelM[loc * size + vl];
      travel += leg;
      const arrival = t + leg;
      const lower = arrival > release[task] ? arrival : release[task];
      let s = -1;
      let close = 0;
      for (let w = p.windowOffset[v]; w < p.windowOffset[v + 1]; w++) {
        if (lower <= p.windowClose[w] + maxLate) {
          s = lower > p.windowOpen[w] ? lower : p.windowOpen[w];
          close = p.windowClose[w];
          break;
        }
      }
      if (s < 0 || s > deadline[task]) return Infinity;
      if (k === 0) departure = s - leg;
      else waiting += s - arrival;
      if (s > close) lateness += s - close;
      this.start[k] = s;
      t = s + p.visitDuration[v];
      if (gap === k + 1) {
        const bs = t > p.breakStart[r] ? t : p.breakStart[r];
        if (bs + p.breakMinutes[r] > p.breakEnd[r]) return Infinity;
        waiting += bs - t;
        breakAt = bs;
        t = bs + p.breakMinutes[r];
      }
      unmet += p.unpreferred[v * C + r];
      const pc = p.previousCarer[task];
      if (pc !== -1 && pc !== r) changes++;
      const ps = p.previousStart[task];
      if (ps === ps) {
        const moved = Math.abs(s - ps) - tolerance;
        if (moved > 0) shifted += moved;
      }
      loc = vl;
    }
    const leg = travelM[loc * size + p.endLoc[r]];
    travel += leg;
    const ret = t + leg;
    if (ret > p.shiftEnd[r] + p.rules.maxOvertimeMinutes + 1e-9) return Infinity;
    const overtime = ret > p.shiftEnd[r] ? ret - p.shiftEnd[r] : 0;
    const work = ret - departure - (gap > 0 ? p.breakMinutes[r] : 0);
    if (work > p.maxWork[r] + 1e-9) return Infinity;
    const w = p.weights;
    const balance = (work * work) / Math.max(1, p.shiftEnd[r] - p.shiftStart[r]);
    out.travel = travel;
    out.waiting = waiting;
    out.overtime = overtime;
    out.lateness = lateness;
    out.missedBreak = 0;
    out.unmet = unmet;
    out.work = work;
    out.balance = balance;
    out.changes = changes;
    out.shifted = shifted;
    out.departure = departure;
    out.returnAt = ret;
    out.breakAfter = gap;
    out.breakAt = breakAt;
    out.cost =
      w.travel * travel +
      w.waiting * waiting +
      w.overtime * overtime +
      w.lateness * lateness +
      w.preference * unmet +
      w.balance * balance +
      w.carerChange * changes +
      w.timeShift * shifted;
    return out.cost;
  }
}

export class CarePlan {
  readonly routes: Int32Array[];
  readonly len: Int32Array;
  readonly routeOf: Int32Array;
  readonly startOf: Float64Array;
  readonly release: Float64Array;
  readonly deadline: Float64Array;
  readonly timing: RouteTiming[];
  /** client × carer: tasks of the client on the carer's route. */
  readonly count: Int32Array;
  /** Distinct (client, carer) pairs in the plan that the client did not know yet. */
  newPairs = 0;
  /** Their continuity cost (sum of `pairCost`). */
  continuityCost = 0;
  objective = 0;
  omitted = 0;
  hardViolations = 0;
  readonly sim: RouteSimulator;

  constructor(readonly p: CareProblem) {
    this.routes = Array.from({ length: p.carers }, () => new Int32Array(p.tasks + 1));
    this.len = new Int32Array(p.carers);
    this.routeOf = new Int32Array(p.tasks).fill(-1);
    this.startOf = new Float64Array(p.tasks);
    this.release = new Float64Array(p.tasks);
    for (let t = 0; t < p.tasks; t++) this.release[t] = p.visitRelease[p.taskVisit[t]];
    this.deadline = new Float64Array(p.tasks).fill(Infinity);
    this.timing = Array.from({ length: p.carers }, () => new RouteTiming());
    this.count = new Int32Array(p.clientIds.length * p.carers);
    this.sim = new RouteSimulator(p);
  }

  copyFrom(o: CarePlan): void {
    for (let r = 0; r < this.p.carers; r++) {
      this.routes[r].set(o.routes[r].subarray(0, o.len[r]));
      this.timing[r].copy(o.timing[r]);
    }
    this.len.set(o.len);
    this.routeOf.set(o.routeOf);
    this.startOf.set(o.startOf);
    this.release.set(o.release);
    this.deadline.set(o.deadline);
    this.count.set(o.count);
    this.newPairs = o.newPairs;
    this.continuityCost = o.continuityCost;
    this.objective = o.objective;
    this.omitted = o.omitted;
    this.hardViolations = o.hardViolations;
  }

  /** Continuity cost change when a task of visit v joins (+1) or leaves (-1) route r. */
  pairDelta(v: number, r: number, sign: 1 | -1): number {
    const p = this.p;
    const i = p.visitClient[v] * p.carers + r;
    if (p.known[i]) return 0;
    const c = this.count[i];
    if (sign > 0) return c === 0 ? p.pairCost[i] : 0;
    return c === 1 ? -p.pairCost[i] : 0;
  }

  insert(task: number, r: number, pos: number): void {
    const route = this.routes[r];
    route.copyWithin(pos + 1, pos, this.len[r]);
    route[pos] = task;
    this.len[r]++;
    this.routeOf[task] = r;
    const p = this.p;
    const i = p.visitClient[p.taskVisit[task]] * p.carers + r;
    if (this.count[i]++ === 0 && !p.known[i]) {
      this.newPairs++;
      this.continuityCost += p.pairCost[i];
    }
  }

  remove(task: number): void {
    const r = this.routeOf[task];
    if (r < 0) return;
    const route = this.routes[r];
    const n = this.len[r];
    let pos = 0;
    while (route[pos] !== task) pos++;
    route.copyWithin(pos, pos + 1, n);
    this.len[r]--;
    this.routeOf[task] = -1;
    this.unpin(task);
    const p = this.p;
    const i = p.visitClient[p.taskVisit[task]] * p.carers + r;
    if (--this.count[i] === 0 && !p.known[i]) {
      this.newPairs--;
      this.continuityCost -= p.pairCost[i];
    }
  }

  pin(task: number, start: number): void {
    this.release[task] = start;
    this.deadline[task] = start;
  }

  unpin(task: number): void {
    this.release[task] = this.p.visitRelease[this.p.taskVisit[task]];
    this.deadline[task] = Infinity;
  }

  positionOf(task: number): number {
    const r = this.routeOf[task];
    const route = this.routes[r];
    for (let k = 0; k < this.len[r]; k++) if (route[k] === task) return k;
    return -1;
  }

  /** Re-time route r and store its timing and start times. */
  refresh(r: number): void {
    const sim = this.sim;
    const cost = sim.run(r, this.routes[r], this.len[r], this.release, this.deadline);
    this.timing[r].copy(sim.result);
    // An infeasible pass stops early and leaves the previous components: mark the route.
    if (cost === Infinity) this.timing[r].cost = Infinity;
    const route = this.routes[r];
    for (let k = 0; k < this.len[r]; k++) this.startOf[route[k]] = sim.start[k];
  }

  /** Sum of the route costs, continuity and left-out visits (routes must be refreshed). */
  total(): number {
    const p = this.p;
    let total = this.continuityCost;
    let violations = 0;
    for (let r = 0; r < p.carers; r++) {
      const c = this.timing[r].cost;
      if (c === Infinity) violations++;
      else total += c;
    }
    let omitted = 0;
    for (let v = 0; v < p.visits; v++) {
      const a = p.visitTasks[v * 2];
      const b = p.visitTasks[v * 2 + 1];
      const ra = this.routeOf[a];
      if (b < 0) {
        if (ra < 0) omitted += p.omitCost[v];
        continue;
      }
      const rb = this.routeOf[b];
      if (ra < 0 && rb < 0) omitted += p.omitCost[v];
      else if (ra < 0 || rb < 0 || ra === rb) violations++;
      else {
        const gap = this.startOf[b] - this.startOf[a];
        const kind = p.visitSync[v];
        if (kind === CARE_SYNC_SIMULTANEOUS && Math.abs(gap) > 1e-9) violations++;
        if (kind === CARE_SYNC_SEQUENTIAL && (gap < p.seqMin[v] - 1e-9 || gap > p.seqMax[v] + 1e-9))
          violations++;
        if (kind === CARE_SYNC_NONE) violations++;
      }
    }
    this.omitted = omitted;
    this.hardViolations = violations;
    this.objective = total + omitted + violations * MANDATORY_VISIT_PENALTY;
    return this.objective;
  }

  evaluate(): number {
    for (let r = 0; r < this.p.carers; r++) this.refresh(r);
    return this.total();
  }

  /** Load routes (task lists per carer) and the pinned starts of two-carer tasks. */
  load(routes: readonly (readonly number[])[], pins: readonly number[]): void {
    for (let r = 0; r < this.p.carers; r++) while (this.len[r] > 0) this.remove(this.routes[r][0]);
    routes.forEach((route, r) => route.forEach((t, k) => this.insert(t, r, k)));
    pins.forEach((s, t) => {
      if (s >= 0) this.pin(t, s);
    });
    this.evaluate();
  }

  /** Task lists per carer and pins (start or -1) — the plain-data form of the plan. */
  snapshot(): { routes: number[][]; pins: number[] } {
    const routes: number[][] = [];
    for (let r = 0; r < this.p.carers; r++) routes.push(Array.from(this.routes[r].subarray(0, this.len[r])));
    return { routes, pins: Array.from(this.deadline, (d) => (d === Infinity ? -1 : d)) };
  }
}
