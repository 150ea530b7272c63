import { describe, expect, it } from 'vitest';
import { Random } from '@planmaat/domain';
import { SegmentConcat } from '../src/engine/segment.ts';

/** Plain forward simulation: total lateness ("time warp") of a sequence started as early as allowed. */
function simulate(ready: number[], due: number[], service: number[], travel: number[]): number {
  let t = ready[0];
  let warp = 0;
  for (let k = 0; k < ready.length; k++) {
    if (k > 0) t += service[k - 1] + travel[k - 1];
    if (t < ready[k]) t = ready[k];
    if (t > due[k]) {
      warp += t - due[k];
      t = due[k];
    }
  }
  return warp;
}

describe('segment concatenation', () => {
  it('gives the same time warp as a forward simulation, in any grouping', () => {
    const rnd = new Random(7);
    const seg = new SegmentConcat();
    for (let trial = 0; trial < 2000; trial++) {
      const n = 2 + rnd.int(6);
      const ready = Array.from({ length: n }, () => rnd.int(100));
      const due = ready.map((r) => r + rnd.int(60));
      const service = Array.from({ length: n }, () => rnd.int(20));
      const travel = Array.from({ length: n - 1 }, () => rnd.int(30));
      // Left fold.
      let d = service[0];
      let tw = 0;
      let e = ready[0];
      let l = due[0];
      for (let k = 1; k < n; k++) {
        seg.concat(d, tw, e, l, travel[k - 1], service[k], 0, ready[k], due[k]);
        ({ d, tw, e, l } = seg);
      }
      const expected = simulate(ready, due, service, travel);
      expect(tw).toBeCloseTo(expected, 9);
      // Right fold must agree.
      let rd = service[n - 1];
      let rtw = 0;
      let re = ready[n - 1];
      let rl = due[n - 1];
      for (let k = n - 2; k >= 0; k--) {
        seg.concat(service[k], 0, ready[k], due[k], travel[k], rd, rtw, re, rl);
        ({ d: rd, tw: rtw, e: re, l: rl } = seg);
      }
      expect(rtw).toBeCloseTo(expected, 9);
      expect(rd).toBeCloseTo(d, 9);
    }
  });
});
