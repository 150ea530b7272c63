/**
 * Column generation by time windows, for instances whose whole rows are too costly to price
 * (long horizons, many shift types): take the best roster known, free a window of days for
 * everyone (window-instance.ts), solve that window by column generation started from the
 * roster's own rows (so it can only improve), write it back, and move the window on. Windows
 * overlap by half, so a block that straddles one edge lies inside the next window.
 */
import { Random } from '@planmaat/domain';
import { loadHighs } from './highs.ts';
import { solveByColumnGeneration } from './column-generation.ts';
import type { CompiledNrp } from './compiled.ts';
import { pricingRoundWork } from './row-pricing.ts';
import { NrpState } from './state.ts';
import { mergeWindow, windowInstance, windowRoster } from './window-instance.ts';

export interface WindowSearchOptions {
  deadline: number;
  /** The best roster known elsewhere (asked before each window); feasible ones are used. */
  incumbent: () => Promise<Int8Array | undefined>;
  /** A roster known from the start (e.g. another solver's); the better of it and the incumbent is used. */
  start?: Int8Array;
  onImproved?: (assign: Int8Array, objective: number) => void;
  shouldStop?: () => boolean;
  /** Days per window at the start (default 14); it adapts to the time a window takes. */
  windowDays?: number;
  /** Time per window at most, in ms (default 6,000). */
  windowMs?: number;
  /** Seed of the employee groups' draw. */
  seed?: number;
}

/** A random group of `size` of the N employees, in increasing order. */
function pickGroup(rng: Random, N: number, size: number): Int32Array {
  const all = Int32Array.from({ length: N }, (_, n) => n);
  for (let i = 0; i < size; i++) {
    const j = i + rng.int(N - i);
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.subarray(0, size).sort();
}

/** A window solved faster than this grows by a week, one slower shrinks by a week. */
const FAST_WINDOW_MS = 1_000;
const SLOW_WINDOW_MS = 3_000;
const MIN_WINDOW_DAYS = 7;
const WINDOW_DIVES = 4;
const MIN_GROUP = 4;
const MAX_WINDOW_DAYS = 84;
/**
 * Pricing work of one round in a window (pricingRoundWork) that a window may start or grow to:
 * instance 13's one-week windows of everyone (2.5·10⁸) take 1–1.5 s once the roster is good,
 * its two-week windows (6.5·10⁸) ran out of their 6 s without a result.
 */
const WINDOW_MAX_PRICING_WORK = 4e8;

function windowPricingWork(c: CompiledNrp, assign: Int8Array, days: number): number {
  return pricingRoundWork(windowInstance(c, assign, 0, Math.min(c.H, days) - 1).sub);
}

/**
 * The first window: at most `days` days, fewer (down to a week) while one pricing round of
 * everyone would exceed the budget; where even a week does, a group of employees sized to it.
 */
export function startingWindow(
  c: CompiledNrp,
  assign: Int8Array,
  days: number,
): { width: number; group: number } {
  let width = Math.min(c.H, days);
  let work = windowPricingWork(c, assign, width);
  while (width > MIN_WINDOW_DAYS && work > WINDOW_MAX_PRICING_WORK) {
    width -= 7;
    work = windowPricingWork(c, assign, width);
  }
  const group =
    work > WINDOW_MAX_PRICING_WORK
      ? Math.max(MIN_GROUP, Math.ceil((c.N * WINDOW_MAX_PRICING_WORK) / work))
      : c.N;
  return { width, group };
}

export interface WindowSearchResult {
  assign?: Int8Array;
  objective?: number;
  windows: number;
  improved: number;
  status: string;
}

export async function solveByWindows(
  c: CompiledNrp,
  options: WindowSearchOptions,
): Promise<WindowSearchResult> {
  const highs = await loadHighs();
  const state = new NrpState(c);
  let width = Math.min(c.H, options.windowDays ?? 14);
  const windowMs = options.windowMs ?? 6_000;
  const stop = () => Date.now() >= options.deadline || (options.shouldStop?.() ?? false);
  let best: { assign: Int8Array; objective: number } | undefined;
  const consider = (assign: Int8Array): boolean => {
    state.load(assign);
    if (state.countViolations() !== 0 || (best && state.soft >= best.objective)) return false;
    best = { assign, objective: state.soft };
    return true;
  };
  let windows = 0;
  let improved = 0;
  let from = 0;
  // Employees per window: everyone, unless even the shortest window is slow (many employees ×
  // shift types, e.g. instance 24), then a random group.
  let group = c.N;
  let sized = options.windowDays !== undefined;
  const rng = new Random(options.seed ?? 1);
  // Windows since the last improvement: a whole pass without one widens the window.
  let idle = 0;
  if (options.start) consider(options.start);
  while (!stop()) {
    const known = await options.incumbent();
    if (known) consider(known);
    if (!best) {
      // Nothing feasible yet: wait for the search.
      await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    if (!sized) {
      sized = true;
      ({ width, group } = startingWindow(c, best.assign, width));
    }
    const to = Math.min(c.H - 1, from + width - 1);
    const window = windowInstance(
      c,
      best.assign,
      from,
      to,
      group < c.N ? pickGroup(rng, c.N, group) : undefined,
    );
    const began = Date.now();
    const result = await solveByColumnGeneration(window.sub, {
      deadline: Math.min(options.deadline, Date.now() + windowMs),
      start: windowRoster(c, window, best.assign),
      shouldStop: options.shouldStop,
      // One cycle of the four dive kinds; the integer master over their columns follows.
      maxDives: WINDOW_DIVES,
      highs,
    });
    windows++;
    if (result.assign && consider(mergeWindow(c, window, best.assign, result.assign))) {
      improved++;
      idle = 0;
      options.onImproved?.(best.assign, best.objective);
    } else idle++;
    const took = Date.now() - began;
    const step = Math.max(7, Math.floor(width / 14) * 7);
    from = to >= c.H - 1 ? 0 : from + step;
    const pass = Math.ceil(c.H / step) * Math.ceil(c.N / group);
    // Grow the group to everyone first, then the days; shrink the days first, then the group.
    if (took < FAST_WINDOW_MS || idle >= pass) {
      if (group < c.N) group = Math.min(c.N, Math.ceil(group * 1.5));
      else if (
        width < Math.min(c.H, MAX_WINDOW_DAYS) &&
        windowPricingWork(c, best.assign, width + 7) <= WINDOW_MAX_PRICING_WORK
      )
        width = Math.min(c.H, MAX_WINDOW_DAYS, width + 7);
    } else if (took > SLOW_WINDOW_MS) {
      if (width > Math.min(c.H, MIN_WINDOW_DAYS)) width = Math.max(MIN_WINDOW_DAYS, width - 7);
      else group = Math.max(MIN_GROUP, Math.floor(group * 0.6));
    }
    if (idle >= pass) idle = 0;
  }
  return { ...best, windows, improved, status: `${windows} windows, ${improved} improved` };
}
