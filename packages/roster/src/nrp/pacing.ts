/**
 * Pacing for the greedy construction. A day-by-day greedy lets everyone work whenever they are
 * below their minimum minutes, so on a year whose demand rises towards the end (instance 24: 320
 * shifts a week in spring, 600–970 in the last five weeks) the minutes and shift-type maxima are
 * spent on over-covered early weeks and the peak goes uncovered. Pacing caps each employee's
 * minutes (and counts of a capped shift type) up to day d at a share of the total that follows
 * where the work can be used.
 *
 * The minutes share is a water-filling over days: day d can absorb at most `capacity[d]` minutes
 * (everyone available working at their sustainable rate, maxConsecutive / (maxConsecutive +
 * minDaysOff)), and the total of the employees' maxima is spread as min(capacity[d], λ·demand[d])
 * with λ chosen so the spread uses it all (or all the capacity). Shift-type shares follow the
 * cumulative demand for that type.
 */
import type { CompiledNrp } from './compiled.ts';

export interface Pacing {
  /** minutesShare[d]: share of an employee's maximum minutes usable up to and including day d. */
  minutesShare: Float64Array;
  /** typeShare[d * S + s]: share of a shift type's maximum count usable up to and including day d. */
  typeShare: Float64Array;
}

export function computePacing(c: CompiledNrp): Pacing {
  const { N, H, S } = c;
  const demand = new Float64Array(H);
  const shifts = new Float64Array(H);
  const capacity = new Float64Array(H);
  let totalShifts = 0;
  let totalDemand = 0;
  for (let d = 0; d < H; d++) {
    for (let s = 0; s < S; s++) {
      const required = c.coverRequired[d * S + s];
      demand[d] += required * c.shiftMinutes[s];
      shifts[d] += required;
    }
    totalShifts += shifts[d];
    totalDemand += demand[d];
  }
  const meanShift = totalShifts > 0 ? totalDemand / totalShifts : 480;
  let budget = 0;
  for (let n = 0; n < N; n++) budget += c.maxMinutes[n];
  let totalCapacity = 0;
  for (let d = 0; d < H; d++) {
    const shiftLength = shifts[d] > 0 ? demand[d] / shifts[d] : meanShift;
    for (let n = 0; n < N; n++) {
      if (c.fixedOff[n * H + d]) continue;
      const on = c.maxConsecutive[n];
      capacity[d] += (on / (on + Math.max(1, c.minDaysOff[n]))) * shiftLength;
    }
    totalCapacity += capacity[d];
  }

  const minutesShare = new Float64Array(H);
  const target = Math.min(budget, totalCapacity);
  if (totalDemand <= 0 || target <= 0) {
    for (let d = 0; d < H; d++) minutesShare[d] = (d + 1) / H;
  } else {
    const spread = (lambda: number): number => {
      let sum = 0;
      for (let d = 0; d < H; d++) sum += Math.min(capacity[d], lambda * demand[d]);
      return sum;
    };
    let low = 0;
    let high = 1;
    while (spread(high) < target * (1 - 1e-9) && high < 1e9) high *= 2;
    for (let i = 0; i < 60; i++) {
      const mid = (low + high) / 2;
      if (spread(mid) < target) low = mid;
      else high = mid;
    }
    let sum = 0;
    for (let d = 0; d < H; d++) {
      sum += Math.min(capacity[d], high * demand[d]);
      minutesShare[d] = sum;
    }
    for (let d = 0; d < H; d++) minutesShare[d] /= sum;
  }

  const typeShare = new Float64Array(H * S);
  for (let s = 0; s < S; s++) {
    let total = 0;
    for (let d = 0; d < H; d++) total += c.coverRequired[d * S + s];
    let sum = 0;
    for (let d = 0; d < H; d++) {
      sum += c.coverRequired[d * S + s];
      typeShare[d * S + s] = total > 0 ? sum / total : (d + 1) / H;
    }
  }
  return { minutesShare, typeShare };
}

/** Largest distance of the minutes share from an even spread over the days (0 = even). */
export function unevenness(pacing: Pacing): number {
  const H = pacing.minutesShare.length;
  let most = 0;
  for (let d = 0; d < H; d++) most = Math.max(most, Math.abs(pacing.minutesShare[d] - (d + 1) / H));
  return most;
}

/**
 * Whether employee n may take shift v on day d under the pacing: its minutes so far stay within
 * the day's share of the maximum plus `slackMinutes`, and a capped shift type's count within its
 * share plus `slackCount`.
 */
export function withinPace(
  c: CompiledNrp,
  pacing: Pacing,
  minutes: number,
  typeCount: number,
  n: number,
  d: number,
  v: number,
  slackMinutes: number,
  slackCount: number,
): boolean {
  if (minutes + c.shiftMinutes[v] > c.maxMinutes[n] * pacing.minutesShare[d] + slackMinutes) return false;
  const cap = c.maxPerType[n * c.S + v];
  return cap >= c.H || typeCount + 1 <= cap * pacing.typeShare[d * c.S + v] + slackCount;
}
