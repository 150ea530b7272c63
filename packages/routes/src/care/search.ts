/**
 * Home-care search: ruin and recreate over visits (strings of visits near a seed visit in space
 * and time, sometimes a random handful or a whole route; a two-carer visit always leaves and
 * returns with both tasks), greedy reinsertion with blinks, late acceptance on the exact plan
 * objective. Deterministic for a seed with an iteration limit.
 */
import { Random } from '@planmaat/domain';
import { CARE_SYNC_SEQUENTIAL, CARE_SYNC_SIMULTANEOUS, type CareProblem } from './model.ts';
import { CarePlan } from './plan.ts';

export interface CareSearchOptions {
  seed: number;
  timeLimitMs?: number;
  deadlineEpochMs?: number;
  maxIterations?: number;
  historyLength?: number;
  /** Start from this plan (re-planning, week improvement) instead of building one. */
  initial?: { routes: number[][]; pins: number[] };
  shouldStop?: () => boolean;
  onProgress?: (p: CareProgress) => void;
}

export interface CareProgress {
  iteration: number;
  elapsedMs: number;
  bestObjective: number;
}

export interface CareSearchResult {
  iterations: number;
  elapsedMs: number;
  objective: number;
  routes: number[][];
  pins: number[];
}

export function searchCare(p: CareProblem, options: CareSearchOptions): CareSearchResult {
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
  const C = p.carers;
  const V = p.visits;
  const averageRemoved = Math.min(15, Math.max(3, Math.round(V / 20)));
  const blinkRate = 0.02;

  // Nearest visits in space and time (travel by the first mode + distance between window centres).
  const K = Math.min(Math.max(0, V - 1), 30);
  const neighbours = new Int32Array(V * Math.max(1, K));
  {
    const travel = p.travel[0];
    const centre = (v: number) =>
      (p.windowOpen[p.windowOffset[v]] + p.windowClose[p.windowOffset[v + 1] - 1]) / 2;
    const order = Array.from({ length: V }, (_, i) => i);
    const key = new Float64Array(V);
    for (let v = 0; v < V; v++) {
      const lv = p.visitLoc[v];
      const cv = centre(v);
      for (let w = 0; w < V; w++)
        key[w] = travel[lv * p.size + p.visitLoc[w]] + 0.5 * Math.abs(centre(w) - cv);
      const sorted = order.filter((w) => w !== v).sort((a, b) => key[a] - key[b] || a - b);
      for (let k = 0; k < K; k++) neighbours[v * K + k] = sorted[k];
    }
  }

  let continuityWeighted = false;
  for (let i = 0; i < p.pairCost.length && !continuityWeighted; i++)
    if (p.pairCost[i] > 0) continuityWeighted = true;

  const scratch = new Int32Array(p.tasks + 1);
  let bestR = -1;
  let bestPos = -1;

  /** Cheapest insertion of `task` (not into `exclude`); sets bestR/bestPos, returns the delta. */
  const bestInsertion = (plan: CarePlan, task: number, exclude: number, blinks: boolean): number => {
    const sim = plan.sim;
    const v = p.taskVisit[task];
    const lastClose = p.windowClose[p.windowOffset[v + 1] - 1] + p.rules.maxLatenessMinutes;
    const latest = Math.min(lastClose, plan.deadline[task]);
    const duration = p.visitDuration[v];
    let best = Infinity;
    bestR = -1;
    bestPos = -1;
    for (let r = 0; r < C; r++) {
      if (r === exclude || p.canServe[v * C + r] === 0) continue;
      if (
        p.availableFrom[r] > latest ||
        p.shiftEnd[r] + p.rules.maxOvertimeMinutes < p.windowOpen[p.windowOffset[v]] + duration
      )
        continue;
      const n = plan.len[r];
      const current = plan.timing[r].cost;
      const pair = plan.pairDelta(v, r, 1);
      const route = plan.routes[r];
      const travelM = p.travel[p.carerMode[r]];
      scratch.set(route.subarray(0, n), 1);
      for (let pos = 0; pos <= n; pos++) {
        if (pos > 0) {
          scratch[pos - 1] = route[pos - 1];
          // The task cannot start before the previous one ends plus the trip.
          const prev = route[pos - 1];
          const arrival =
            plan.startOf[prev] +
            p.visitDuration[p.taskVisit[prev]] +
            travelM[p.visitLoc[p.taskVisit[prev]] * p.size + p.visitLoc[v]];
          if (arrival > latest) break;
        }
        if (
          pos < n &&
          plan.startOf[route[pos]] + p.visitDuration[p.taskVisit[route[pos]]] <
            p.windowOpen[p.windowOffset[v]] - 240
        )
          continue;
        scratch[pos] = task;
        if (blinks && rnd.next() < blinkRate) continue;
        const cost = sim.run(r, scratch, n + 1, plan.release, plan.deadline);
        if (cost === Infinity) continue;
        const delta = cost - current + pair;
        if (delta < best) {
          best = delta;
          bestR = r;
          bestPos = pos;
        }
      }
    }
    return best;
  };

  const place = (plan: CarePlan, task: number, r: number, pos: number) => {
    plan.insert(task, r, pos);
    plan.refresh(r);
  };

  const candidatesR = new Int32Array(4);
  const candidatesPos = new Int32Array(4);
  const candidatesDelta = new Float64Array(4);

  const insertVisit = (plan: CarePlan, v: number, blinks: boolean) => {
    const a = p.visitTasks[v * 2];
    const b = p.visitTasks[v * 2 + 1];
    if (b < 0) {
      const d = bestInsertion(plan, a, -1, blinks);
      if (bestR >= 0 && d < p.omitCost[v]) place(plan, a, bestR, bestPos);
      return;
    }
    // Two carers: try the few best places for the first task, fit the second against its start.
    let found = 0;
    for (let attempt = 0; attempt < 4; attempt++) {
      const d = bestInsertion(plan, a, -1, blinks);
      if (bestR < 0) break;
      let dup = false;
      for (let i = 0; i < found; i++)
        if (candidatesR[i] === bestR && candidatesPos[i] === bestPos) dup = true;
      if (dup && attempt > 0) break;
      candidatesR[found] = bestR;
      candidatesPos[found] = bestPos;
      candidatesDelta[found] = d;
      found++;
      // Next attempt: exclude this route by temporarily marking it (cheap: rerun with exclude).
      const excluded = bestR;
      const d2 = bestInsertion(plan, a, excluded, blinks);
      if (bestR < 0) break;
      candidatesR[found] = bestR;
      candidatesPos[found] = bestPos;
      candidatesDelta[found] = d2;
      found++;
      break;
    }
    let bestTotal = Infinity;
    let choice = -1;
    let choiceRb = -1;
    let choicePb = -1;
    const kind = p.visitSync[v];
    for (let i = 0; i < found; i++) {
      const ra = candidatesR[i];
      place(plan, a, ra, candidatesPos[i]);
      const sa = plan.startOf[a];
      if (kind === CARE_SYNC_SIMULTANEOUS) {
        plan.release[b] = sa;
        plan.deadline[b] = sa;
      } else if (kind === CARE_SYNC_SEQUENTIAL) {
        plan.release[b] = sa + p.seqMin[v];
        plan.deadline[b] = sa + p.seqMax[v];
      }
      const db = bestInsertion(plan, b, ra, blinks);
      const total = candidatesDelta[i] + db;
      if (bestR >= 0 && total < bestTotal) {
        bestTotal = total;
        choice = i;
        choiceRb = bestR;
        choicePb = bestPos;
      }
      plan.remove(a);
      plan.unpin(b);
      plan.refresh(ra);
    }
    if (choice < 0 || bestTotal >= p.omitCost[v]) return;
    const ra = candidatesR[choice];
    place(plan, a, ra, candidatesPos[choice]);
    const sa = plan.startOf[a];
    if (kind === CARE_SYNC_SEQUENTIAL) {
      plan.release[b] = sa + p.seqMin[v];
      plan.deadline[b] = sa + p.seqMax[v];
    } else {
      plan.release[b] = sa;
      plan.deadline[b] = sa;
    }
    place(plan, b, choiceRb, choicePb);
    plan.pin(a, sa);
    plan.pin(b, plan.startOf[b]);
    plan.refresh(ra);
    plan.refresh(choiceRb);
  };

  const touchedMark = new Int32Array(C);
  let stamp = 1;
  const touched: number[] = [];
  const removeVisit = (plan: CarePlan, v: number) => {
    for (let k = 0; k < 2; k++) {
      const t = p.visitTasks[v * 2 + k];
      if (t < 0 || plan.routeOf[t] < 0) continue;
      const r = plan.routeOf[t];
      if (touchedMark[r] !== stamp) {
        touchedMark[r] = stamp;
        touched.push(r);
      }
      plan.remove(t);
    }
  };
  const assigned = (plan: CarePlan, v: number) => plan.routeOf[p.visitTasks[v * 2]] >= 0;

  const ruin = (plan: CarePlan) => {
    stamp++;
    touched.length = 0;
    let used = 0;
    let count = 0;
    for (let r = 0; r < C; r++) {
      if (plan.len[r] > 0) used++;
      count += plan.len[r];
    }
    if (count === 0) return;
    const roll = rnd.next();
    if (roll < 0.05) {
      let r = rnd.int(C);
      for (let t = 0; t < C && plan.len[r] === 0; t++) r = (r + 1) % C;
      while (plan.len[r] > 0) removeVisit(plan, p.taskVisit[plan.routes[r][0]]);
      return;
    }
    if (roll < 0.15) {
      const k = 1 + rnd.int(2 * averageRemoved);
      for (let i = 0; i < k; i++) {
        const v = rnd.int(V);
        if (assigned(plan, v)) removeVisit(plan, v);
      }
      return;
    }
    const lsMax = Math.min(10, count / Math.max(1, used));
    const ksMax = (4 * averageRemoved) / (1 + lsMax) - 1;
    const strings = Math.floor(rnd.next() * Math.max(1, ksMax)) + 1;
    let seed = rnd.int(V);
    for (let t = 0; t < V && !assigned(plan, seed); t++) seed = (seed + 1) % V;
    // Continuity: a third of the time the seed is a visit by a carer new to its client, so the
    // strings around it (and the client's other visits with that carer) get another carer.
    if (continuityWeighted && roll < 0.15 + 0.3 * 0.85) {
      const start = rnd.int(p.tasks);
      for (let k = 0; k < p.tasks; k++) {
        const task = (start + k) % p.tasks;
        const r = plan.routeOf[task];
        if (r < 0) continue;
        const i = p.visitClient[p.taskVisit[task]] * C + r;
        if (p.pairCost[i] > 0 && plan.count[i] > 0) {
          seed = p.taskVisit[task];
          break;
        }
      }
    }
    const seen = new Set<number>();
    for (let k = -1; k < K && seen.size < strings; k++) {
      const q = k < 0 ? seed : neighbours[seed * K + k];
      const task = p.visitTasks[q * 2 + (k < 0 ? 0 : rnd.int(p.visitTasks[q * 2 + 1] >= 0 ? 2 : 1))];
      const r = plan.routeOf[task];
      if (r < 0 || seen.has(r)) continue;
      seen.add(r);
      const n = plan.len[r];
      const l = Math.floor(rnd.next() * Math.min(n, lsMax)) + 1;
      const pos = plan.positionOf(task);
      const lo = Math.max(0, pos - l + 1);
      const hi = Math.min(pos, n - l);
      const from = lo + rnd.int(hi - lo + 1);
      const out: number[] = [];
      for (let i = from; i < from + l; i++) out.push(p.taskVisit[plan.routes[r][i]]);
      for (const v of out) removeVisit(plan, v);
    }
  };

  const order: number[] = [];
  const sortKey = new Float64Array(V);
  const recreate = (plan: CarePlan, blinks: boolean) => {
    for (const r of touched) plan.refresh(r);
    order.length = 0;
    for (let v = 0; v < V; v++) if (!assigned(plan, v)) order.push(v);
    rnd.shuffle(order);
    const pick = rnd.next() * 10;
    if (pick >= 4) {
      for (const v of order) {
        const o = p.windowOffset[v];
        sortKey[v] =
          pick < 6.5
            ? p.windowClose[p.windowOffset[v + 1] - 1] - p.windowOpen[o] - p.visitDuration[v] // tightest first
            : pick < 8.5
              ? p.windowOpen[o]
              : -(p.visitDuration[v] + (p.visitTasks[v * 2 + 1] >= 0 ? 1000 : 0)); // pairs, long first
      }
      order.sort((x, y) => sortKey[x] - sortKey[y]);
    }
    // Two-carer and mandatory visits go first in any order: they are hardest to place.
    order.sort((x, y) => (p.visitTasks[y * 2 + 1] >= 0 ? 1 : 0) - (p.visitTasks[x * 2 + 1] >= 0 ? 1 : 0));
    for (const v of order) insertVisit(plan, v, blinks);
  };

  /**
   * Re-planning: give every one-carer visit that changed carer back to its previous carer (best
   * position) when that does not make the plan worse — the search may leave changes that bought
   * nothing when it ran out of time.
   */
  const revertChanges = (plan: CarePlan) => {
    for (let round = 0; round < 2; round++) {
      let reverted = 0;
      for (let task = 0; task < p.tasks; task++) {
        const target = p.previousCarer[task];
        const r = plan.routeOf[task];
        const v = p.taskVisit[task];
        if (target < 0 || r < 0 || r === target || p.visitTasks[v * 2 + 1] >= 0) continue;
        const before = plan.objective;
        const pos = plan.positionOf(task);
        plan.remove(task);
        plan.refresh(r);
        let bestPosition = -1;
        let bestValue = before;
        for (let k = 0; k <= plan.len[target]; k++) {
          plan.insert(task, target, k);
          plan.refresh(target);
          const value = plan.total();
          if (plan.timing[target].cost !== Infinity && value <= bestValue - 1e-9) {
            bestValue = value;
            bestPosition = k;
          }
          plan.remove(task);
        }
        plan.insert(task, bestPosition >= 0 ? target : r, bestPosition >= 0 ? bestPosition : pos);
        plan.refresh(target);
        plan.refresh(r);
        plan.total();
        if (bestPosition >= 0) reverted++;
      }
      if (reverted === 0) break;
    }
  };

  let current = new CarePlan(p);
  let candidate = new CarePlan(p);
  const best = new CarePlan(p);
  if (options.initial) {
    current.load(options.initial.routes, options.initial.pins);
  } else {
    current.evaluate();
  }
  touched.length = 0;
  recreate(current, false);
  current.total();
  best.copyFrom(current);
  const history = new Float64Array(options.historyLength ?? 200).fill(current.objective);
  let iteration = 0;
  let elapsed = 0;
  let lastProgress = 0;
  while (iteration < maxIterations && V > 0) {
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
    const value = candidate.total();
    const slot = iteration % history.length;
    if (value <= history[slot] || value <= current.objective) {
      const t = current;
      current = candidate;
      candidate = t;
      if (value < best.objective - 1e-9) best.copyFrom(current);
    }
    if (current.objective < history[slot]) history[slot] = current.objective;
  }
  revertChanges(best);
  elapsed = performance.now() - started;
  options.onProgress?.({ iteration, elapsedMs: elapsed, bestObjective: best.objective });
  const { routes, pins } = best.snapshot();
  return { iterations: iteration, elapsedMs: elapsed, objective: best.objective, routes, pins };
}
