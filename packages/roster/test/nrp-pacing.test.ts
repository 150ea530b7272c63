import { describe, expect, it } from 'vitest';
import { Random } from '@planmaat/domain';
import { parseNrpInstance } from '../src/index.ts';
import { compileNrp } from '../src/nrp/compiled.ts';
import { construct } from '../src/nrp/moves.ts';
import { computePacing, unevenness, withinPace } from '../src/nrp/pacing.ts';
import { NrpState } from '../src/nrp/state.ts';
import { hasBenchmark, loadBenchmark } from './fixtures.ts';

/**
 * Four weeks, two employees (5 on / 2 off at most, 16 shifts each): the first three weeks need
 * one shift a day, the last week three.
 */
const RISING = parseNrpInstance(
  `SECTION_HORIZON\n28\n\nSECTION_SHIFTS\nD,480,\n\nSECTION_STAFF\n` +
    `A,D=28,7680,0,5,1,2,4\nB,D=28,7680,0,5,1,2,4\n\nSECTION_COVER\n` +
    `${Array.from({ length: 28 }, (_, d) => `${d},D,${d < 21 ? 1 : 3},100,1`).join('\n')}\n`,
  'rising',
);

describe('pacing of the greedy construction', () => {
  it('spreads the minutes by where the work can be used, capped by what a day can absorb', () => {
    const c = compileNrp(RISING);
    const { minutesShare, typeShare } = computePacing(c);
    for (let d = 1; d < 28; d++) expect(minutesShare[d]).toBeGreaterThanOrEqual(minutesShare[d - 1]);
    expect(minutesShare[27]).toBeCloseTo(1, 12);
    // Budget 2 × 16 shifts; a day absorbs at most 2 × 5/7 shifts, so the last week (which needs
    // 21) gets 10 shifts' worth, and the first three weeks share the other 22 by demand.
    expect(minutesShare[20]).toBeCloseTo(22 / 32, 6);
    expect(minutesShare[27] - minutesShare[20]).toBeCloseTo(10 / 32, 6);
    // The shift type's count follows its demand: 21 of 42 required shifts by day 20.
    expect(typeShare[20]).toBeCloseTo(21 / 42, 12);
    // Off an even spread by 1/16 at day 20 (22/32 against 21/28); even demand is off by nothing.
    expect(unevenness({ minutesShare, typeShare })).toBeCloseTo(1 / 16, 6);
    const even = computePacing({ ...c, coverRequired: c.coverRequired.map(() => 1) });
    expect(unevenness(even)).toBeCloseTo(0, 12);
  });

  it('offers a shift only within the paced minutes plus the slack', () => {
    const c = compileNrp(RISING);
    const pacing = computePacing(c);
    // Day 6: share 22/32 × 7/21 of 7680 = 1760 minutes; with 480 slack a 5th shift (2400) is out.
    expect(withinPace(c, pacing, 4 * 480, 4, 0, 6, 0, 480, 1)).toBe(false);
    expect(withinPace(c, pacing, 3 * 480, 3, 0, 6, 0, 480, 1)).toBe(true);
  });

  it.skipIf(!hasBenchmark)(
    'keeps minutes for the late peak of instance 24: the last five weeks start far less short',
    () => {
      const c = compileNrp(loadBenchmark(24));
      const lastWeeksCost = (paced: boolean): number => {
        const state = new NrpState(c);
        construct(state, new Random(1), paced ? computePacing(c) : undefined);
        let cost = 0;
        for (let k = (c.H - 35) * c.S; k < c.H * c.S; k++) {
          const gap = c.coverRequired[k] - state.cover[k];
          cost += gap > 0 ? gap * c.coverUnder[k] : -gap * c.coverOver[k];
        }
        return cost;
      };
      expect(lastWeeksCost(true)).toBeLessThan(0.8 * lastWeeksCost(false));
    },
  );
});
