import type { ProgressPoint } from '../api/types.ts';

/**
 * A step line: the best score only changes when a better solution is found, and holds until the
 * next one (or until `untilMs`, the time the solve has run so far). Scores are clamped at 1 for
 * the log scale.
 */
export function stepSeries(points: ProgressPoint[], untilMs?: number): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of points) {
    if (ys.length) {
      xs.push(p.elapsedMs / 1000);
      ys.push(ys[ys.length - 1]!);
    }
    xs.push(p.elapsedMs / 1000);
    ys.push(Math.max(1, p.score));
  }
  const last = points[points.length - 1];
  if (last && untilMs !== undefined && untilMs > last.elapsedMs) {
    xs.push(untilMs / 1000);
    ys.push(ys[ys.length - 1]!);
  }
  return [xs, ys];
}
