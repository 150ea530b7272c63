/**
 * Route segment concatenation for hard time windows (Vidal et al. 2013, as in HGS and PyVRP).
 * A segment summarises a visit sequence by its minimal duration d (service + travel + waiting),
 * time warp tw (how far it must start late to be feasible; 0 = feasible), and the window
 * [e, l] of start times at its first visit that achieve d without extra time warp. Concatenating
 * two summaries is O(1), so any move that recombines prefixes, single visits and suffixes is
 * checked in constant time.
 *
 * `concat` writes its result into the instance's fields (no allocation in hot loops); each
 * search component owns one instance.
 */
export class SegmentConcat {
  d = 0;
  tw = 0;
  e = 0;
  l = 0;

  concat(
    d1: number,
    tw1: number,
    e1: number,
    l1: number,
    travel: number,
    d2: number,
    tw2: number,
    e2: number,
    l2: number,
  ): void {
    const delta = d1 - tw1 + travel;
    const waitExtra = Math.max(e2 - delta - l1, 0);
    const warpExtra = Math.max(e1 + delta - l2, 0);
    this.d = d1 + d2 + travel + waitExtra;
    this.tw = tw1 + tw2 + warpExtra;
    this.e = Math.max(e2 - delta, e1) - waitExtra;
    this.l = Math.min(l2 - delta, l1) + warpExtra;
  }
}

/** Time warp tolerated as rounding noise; anything above is infeasible. */
export const WARP_EPSILON = 1e-9;
