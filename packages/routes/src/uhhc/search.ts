/**
 * UHHC search: ruin and recreate over patients (strings of visits near a seed patient, whole
 * patients removed so synchronised pairs stay together; sometimes a whole route), greedy
 * reinsertion timed by the route simulator with blinks, late acceptance on the exact plan
 * objective. Deterministic for a seed with an iteration limit.
 */
import { Random } from '@planmaat/domain';
import type { UhhcModel } from './model.ts';
import { SYNC_SEQUENTIAL, SYNC_SIMULTANEOUS } from './model.ts';
import { Plan } from './schedule.ts';

export interface UhhcSearchOptions {
  seed: number;
  timeLimitMs?: number;
  deadlineEpochMs?: number;
  maxIterations?: number;
  historyLength?: number;
  averageRemoved?: number;
  blinkRate?: number;
  /** Route-local stand-in for max idle time in insertions: 1 squared, 2 excess over the maximum (default). */
  idleMode?: number;
  /** Occasionally free patients around a seed for caregivers without work (default true). */
  openRoutes?: boolean;
  /** Improve the changed routes by moving visits inside them after each recreate (default false: slower per step and not better per second in our runs). */
  routeSearch?: boolean;
  shouldStop?: () => boolean;
  onProgress?: (p: UhhcProgress) => void;
}

export interface UhhcProgress {
  iteration: number;
  elapsedMs: number;
  bestObjective: number;
}

export interface UhhcSearchResult extends UhhcProgress {
  /** Visit ids per caregiver in order. */
  routes: number[][];
  /** Fixed start of each synchronised visit, -1 for free visits. */
  pins: number[];
  /** Reference maxima of the best plan's timing (see Plan.refIdle). */
  refs: [number, number];
}

export function searchUhhc(m: UhhcModel, options: UhhcSearchOptions): UhhcSearchResult {
  const started = performance.now();
  const rnd = new Random(options.seed);
  const timeLimit =
    options.deadlineEpochMs !== undefined
      ? Math.max(0, options.deadlineEpochMs - Date.now())
      : (options.timeLimitMs ?? Infinity);
  const maxIterations = options.maxIterations ?? Infinity;
  if (timeLimit === Infinity && maxIterations === Infinity)
    throw new Error('search needs a time or iteration limit');
  const shouldStop = options.shouldStop ?? (() => false);
  const C = m.caregivers;
  const P = m.patients;
  const averageRemoved = options.averageRemoved ?? Math.min(12, Math.max(3, Math.round(P / 15)));
  const blinkRate = options.blinkRate ?? 0.02;

  // Patients nearest to each patient (by travel time between their addresses).
  const K = Math.min(P - 1, 30);
  const neighbours = new Int32Array(P * Math.max(1, K));
  {
    const loc = (p: number) => m.visitLoc[m.patientVisits[p * 2]];
    const order = Array.from({ length: P }, (_, i) => i);
    for (let p = 0; p < P; p++) {
      const lp = loc(p);
      const key = (q: number) => Math.min(m.travel[lp * m.size + loc(q)], m.travel[loc(q) * m.size + lp]);
      const sorted = order.filter((q) => q !== p).sort((a, b) => key(a) - key(b) || a - b);
      for (let k = 0; k < K; k++) neighbours[p * K + k] = sorted[k];
    }
  }

  const scratch = new Int32Array(m.visits + 1);
  const changed: number[] = [];
  const changedMark = new Int32Array(C);
  let changedStamp = 1;
  const routeMark = new Int32Array(C);
  let routeStamp = 0;
  const removed: number[] = [];
  const ruined = new Int32Array(C);
  let stamp = 1;
  const order: number[] = [];
  const sortKey = new Float64Array(P);

  const routeTotal = (plan: Plan, r: number) =>
    plan.routeCost[r] +
    (plan.len[r] === 0
      ? 0
      : plan.sim.proxy(plan.routeIdle[r], plan.routeMaxT[r], plan.maxIdle, plan.maxTardiness));

  /** Best insertion of visit v (not into route `exclude`): returns delta, sets bestR/bestPos. */
  let bestR = -1;
  let bestPos = -1;
  const bestInsertion = (plan: Plan, v: number, exclude: number, blinks: boolean): number => {
    const sim = plan.sim;
    let best = Infinity;
    bestR = -1;
    bestPos = -1;
    let emptyTried = false;
    const pv = m.visitPatient[v];
    const lastClose = m.windowClose[m.windowOffset[pv + 1] - 1];
    // Candidate routes: those serving one of the nearest patients (granular neighbourhood),
    // unless the instance is small enough to try every caregiver.
    const pv0 = m.visitPatient[v];
    const granular = C > 12;
    if (granular) {
      routeStamp++;
      for (let k = 0; k < Math.min(K, 20); k++) {
        const q = neighbours[pv0 * K + k];
        for (let j = 0; j < 2; j++) {
          const w = m.patientVisits[q * 2 + j];
          if (w >= 0 && plan.routeOf[w] >= 0) routeMark[plan.routeOf[w]] = routeStamp;
        }
      }
    }
    for (let r = 0; r < C; r++) {
      if (r === exclude || m.canServe[v * C + r] === 0) continue;
      const n = plan.len[r];
      if (granular && n > 0 && routeMark[r] !== routeStamp && rnd.next() > 0.1) continue;
      if (n === 0) {
        // Empty caregivers are alike enough: try a few, not all.
        if (emptyTried && rnd.next() < 0.7) continue;
        emptyTried = true;
      }
      const current = routeTotal(plan, r);
      const route = plan.routes[r];
      scratch.set(route.subarray(0, n), 1);
      for (let pos = 0; pos <= n; pos++) {
        // scratch = route[0..pos) v route[pos..n)
        if (pos > 0) {
          scratch[pos - 1] = route[pos - 1];
          // v cannot start before the previous visit ends plus the trip: its own lateness from
          // there bounds the cost of this and every later position.
          const prev = route[pos - 1];
          const arrival =
            plan.startOf[prev] + m.visitDuration[prev] + m.travel[m.visitLoc[prev] * m.size + m.visitLoc[v]];
          const late = (m.atServiceEnd ? arrival + m.visitDuration[v] : arrival) - lastClose;
          if (late > 0 && m.w.tardiness * late >= best) break;
        }
        scratch[pos] = v;
        if (blinks && rnd.next() < blinkRate) continue;
        const delta =
          sim.run(r, scratch, n + 1, plan.release, plan.deadline, plan.maxIdle, plan.maxTardiness) - current;
        if (delta < best) {
          best = delta;
          bestR = r;
          bestPos = pos;
        }
      }
    }
    return best;
  };

  const commit = (plan: Plan, v: number, r: number, pos: number) => {
    plan.insert(v, r, pos);
    refresh(plan, r);
    if (changedMark[r] !== changedStamp) {
      changedMark[r] = changedStamp;
      changed.push(r);
    }
  };

  /** Move single visits inside route r while that lowers its cost (first improvement). */
  const improveRoute = (plan: Plan, r: number) => {
    const sim = plan.sim;
    const route = plan.routes[r];
    const n = plan.len[r];
    if (n < 2) return;
    let current = routeTotal(plan, r);
    let improved = true;
    let rounds = 0;
    while (improved && rounds++ < 4) {
      improved = false;
      for (let from = 0; from < n && !improved; from++) {
        const v = route[from];
        for (let to = 0; to < n; to++) {
          if (to === from) continue;
          // scratch = route without `from`, v inserted so it ends at index `to`.
          let k = 0;
          for (let i = 0; i < n; i++) {
            if (i === from) continue;
            if (k === to) scratch[k++] = v;
            scratch[k++] = route[i];
          }
          if (k === to) scratch[k++] = v;
          const total = sim.run(r, scratch, n, plan.release, plan.deadline, plan.maxIdle, plan.maxTardiness);
          if (total < current - 1e-9) {
            route.set(scratch.subarray(0, n));
            refresh(plan, r);
            current = routeTotal(plan, r);
            improved = true;
            break;
          }
        }
      }
    }
  };
  const refresh = (plan: Plan, r: number) => {
    const sim = plan.sim;
    sim.run(r, plan.routes[r], plan.len[r], plan.release, plan.deadline, plan.maxIdle, plan.maxTardiness);
    plan.routeCost[r] = sim.cost;
    plan.routeIdle[r] = sim.idle;
    plan.routeMaxT[r] = sim.maxTardiness;
    const route = plan.routes[r];
    for (let k = 0; k < plan.len[r]; k++) plan.startOf[route[k]] = sim.start[k];
  };

  const omitCost = (p: number) => (m.patientOptional[p] ? m.w.optional : m.hardPenalty);

  const insertPatient = (plan: Plan, p: number, blinks: boolean) => {
    const a = m.patientVisits[p * 2];
    const b = m.patientVisits[p * 2 + 1];
    const da = bestInsertion(plan, a, -1, blinks);
    if (bestR < 0) return;
    if (b < 0) {
      if (da < omitCost(p)) commit(plan, a, bestR, bestPos);
      return;
    }
    const kind = m.patientSync[p];
    const linked = kind === SYNC_SIMULTANEOUS || kind === SYNC_SEQUENTIAL;
    const ra = bestR;
    commit(plan, a, ra, bestPos);
    const sa = plan.startOf[a];
    if (linked) {
      plan.release[b] = kind === SYNC_SIMULTANEOUS ? sa : sa + m.seqMin[p];
      plan.deadline[b] = kind === SYNC_SIMULTANEOUS ? sa : sa + m.seqMax[p];
    }
    let db = bestInsertion(plan, b, kind === SYNC_SIMULTANEOUS ? ra : -1, blinks);
    let rb = bestR;
    let pb = bestPos;
    if (linked && rb < 0 && plan.len[ra] > 0) {
      // Nobody reaches b in time: let b start when it can and move a accordingly.
      plan.deadline[b] = Infinity;
      db = bestInsertion(plan, b, kind === SYNC_SIMULTANEOUS ? ra : -1, blinks);
      rb = bestR;
      pb = bestPos;
    }
    if (rb < 0 || da + db >= omitCost(p)) {
      plan.remove(a);
      plan.unpin(b);
      refresh(plan, ra);
      return;
    }
    commit(plan, b, rb, pb);
    if (!linked) return;
    const sb = plan.startOf[b];
    const needA = kind === SYNC_SIMULTANEOUS ? sb : sb - m.seqMax[p];
    if (needA > sa) {
      plan.pin(a, needA);
      refresh(plan, ra);
      if (plan.routeCost[ra] === Infinity || plan.startOf[a] !== needA) {
        // a cannot move there: give the patient up for now.
        plan.remove(a);
        plan.remove(b);
        refresh(plan, ra);
        refresh(plan, rb);
        return;
      }
    }
    plan.pin(a, plan.startOf[a]);
    plan.pin(b, plan.startOf[b]);
  };

  const removePatient = (plan: Plan, p: number, touched: number[]) => {
    for (let k = 0; k < 2; k++) {
      const v = m.patientVisits[p * 2 + k];
      if (v < 0 || plan.routeOf[v] < 0) continue;
      const r = plan.routeOf[v];
      if (ruined[r] !== stamp) {
        ruined[r] = stamp;
        touched.push(r);
      }
      plan.remove(v);
    }
    removed.push(p);
  };

  const touched: number[] = [];
  const ruin = (plan: Plan) => {
    stamp++;
    removed.length = 0;
    touched.length = 0;
    let usedRoutes = 0;
    let assigned = 0;
    for (let r = 0; r < C; r++) {
      if (plan.len[r] > 0) usedRoutes++;
      assigned += plan.len[r];
    }
    if (assigned === 0) return;
    openRoute = false;
    if (options.openRoutes !== false && usedRoutes < C && rnd.next() < 0.05) {
      // Make room for a caregiver who has no work: free the patients around a random seed and
      // reinsert them without the idle-time stand-in, so a new route can take several of them.
      openRoute = true;
      let seed = rnd.int(P);
      for (let t = 0; t < P && plan.routeOf[m.patientVisits[seed * 2]] < 0; t++) seed = (seed + 1) % P;
      const count = Math.min(K, 2 * averageRemoved);
      removePatient(plan, seed, touched);
      for (let k = 0; k < count; k++) {
        const q = neighbours[seed * K + k];
        if (plan.routeOf[m.patientVisits[q * 2]] >= 0) removePatient(plan, q, touched);
      }
      return;
    }
    const roll = rnd.next();
    if (roll < 0.08) {
      // Empty one route entirely: the one with the most idle time (the max-idle term is a
      // bottleneck) or a random one.
      let r = rnd.int(C);
      if (roll < 0.04) {
        for (let q = 0; q < C; q++) if (plan.len[q] > 0 && plan.routeIdle[q] >= plan.routeIdle[r]) r = q;
      }
      for (let t = 0; t < C && plan.len[r] === 0; t++) r = (r + 1) % C;
      while (plan.len[r] > 0) removePatient(plan, m.visitPatient[plan.routes[r][0]], touched);
      return;
    }
    const lsMax = Math.min(10, assigned / usedRoutes);
    const ksMax = (4 * averageRemoved) / (1 + lsMax) - 1;
    const strings = Math.floor(rnd.next() * ksMax) + 1;
    let seed = rnd.int(P);
    if (roll < 0.15 && plan.maxTardiness > 0) {
      // Seed at the latest visit (the highest-lateness term is a bottleneck too).
      let worst = -1;
      let worstLate = 0;
      for (let v = 0; v < m.visits; v++) {
        if (plan.routeOf[v] < 0) continue;
        const p = m.visitPatient[v];
        const close = m.windowClose[m.windowOffset[p + 1] - 1];
        const late = plan.startOf[v] + (m.atServiceEnd ? m.visitDuration[v] : 0) - close;
        if (late > worstLate) {
          worstLate = late;
          worst = p;
        }
      }
      if (worst >= 0) seed = worst;
    }
    for (let t = 0; t < P && plan.routeOf[m.patientVisits[seed * 2]] < 0; t++) seed = (seed + 1) % P;
    const seen = new Set<number>();
    for (let k = -1; k < K && seen.size < strings; k++) {
      const q = k < 0 ? seed : neighbours[seed * K + k];
      const v = m.patientVisits[q * 2];
      const r = plan.routeOf[v];
      if (r < 0 || seen.has(r)) continue;
      seen.add(r);
      const n = plan.len[r];
      const l = Math.floor(rnd.next() * Math.min(n, lsMax)) + 1;
      const pos = plan.positionOf(v);
      const lo = Math.max(0, pos - l + 1);
      const hi = Math.min(pos, n - l);
      const from = lo + rnd.int(hi - lo + 1);
      const patients: number[] = [];
      for (let i = from; i < from + l; i++) patients.push(m.visitPatient[plan.routes[r][i]]);
      for (const pt of patients) removePatient(plan, pt, touched);
    }
  };

  let openRoute = false;
  const recreate = (plan: Plan, blinks: boolean) => {
    const mode = plan.sim.idleMode;
    if (openRoute) plan.sim.idleMode = 0;
    for (const r of touched) refresh(plan, r);
    order.length = 0;
    for (let p = 0; p < P; p++) if (plan.routeOf[m.patientVisits[p * 2]] < 0) order.push(p);
    const pick = rnd.next() * 10;
    rnd.shuffle(order);
    if (pick >= 4) {
      for (const p of order) {
        const a = m.patientVisits[p * 2];
        const o = m.windowOffset[p];
        sortKey[p] =
          pick < 7
            ? m.windowClose[m.windowOffset[p + 1] - 1] - m.windowOpen[o] // tightest windows first
            : pick < 9
              ? m.windowOpen[o]
              : -(m.visitDuration[a] + (m.patientVisits[p * 2 + 1] >= 0 ? 1000 : 0)); // pairs first
      }
      order.sort((x, y) => sortKey[x] - sortKey[y]);
    }
    changedStamp++;
    changed.length = 0;
    for (const p of order) insertPatient(plan, p, blinks);
    plan.sim.idleMode = mode;
    if (options.routeSearch === true) for (const r of changed) improveRoute(plan, r);
  };

  let current = new Plan(m);
  let candidate = new Plan(m);
  const best = new Plan(m);
  current.evaluate();
  touched.length = 0;
  // Construction ignores idle time so that work spreads over the caregivers; the search then
  // trades idle time against travel and lateness.
  current.sim.idleMode = 0;
  recreate(current, false);
  current.sim.idleMode = options.idleMode ?? 2;
  candidate.sim.idleMode = current.sim.idleMode;
  best.sim.idleMode = current.sim.idleMode;
  current.evaluate();
  best.copyFrom(current);
  const history = new Float64Array(options.historyLength ?? 100).fill(current.objective);
  let iteration = 0;
  let elapsed = 0;
  let lastProgress = 0;
  while (iteration < maxIterations) {
    elapsed = performance.now() - started;
    if (elapsed >= timeLimit || shouldStop()) break;
    if (elapsed - lastProgress > 250) {
      lastProgress = elapsed;
      options.onProgress?.({ iteration, elapsedMs: elapsed, bestObjective: best.objective });
    }
    iteration++;
    candidate.copyFrom(current);
    ruin(candidate);
    recreate(candidate, true);
    const value = candidate.evaluate();
    const slot = iteration % history.length;
    if (value <= history[slot] || value <= current.objective) {
      const t = current;
      current = candidate;
      candidate = t;
      if (value < best.objective) best.copyFrom(current);
    }
    if (current.objective < history[slot]) history[slot] = current.objective;
  }
  elapsed = performance.now() - started;
  options.onProgress?.({ iteration, elapsedMs: elapsed, bestObjective: best.objective });
  const routes: number[][] = [];
  for (let r = 0; r < C; r++) routes.push(Array.from(best.routes[r].subarray(0, best.len[r])));
  const pins = Array.from(best.deadline, (d) => (d === Infinity ? -1 : d));
  return {
    iteration,
    elapsedMs: elapsed,
    bestObjective: best.objective,
    routes,
    pins,
    refs: [best.refIdle, best.refTardiness],
  };
}
