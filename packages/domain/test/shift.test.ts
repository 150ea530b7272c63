import { describe, expect, it } from 'vitest';
import { absenceBlocksShift } from '../src/index.ts';

describe('absenceBlocksShift', () => {
  // Day 0 = minutes 0–1440; a night shift 22:00–07:00 runs past the day's end.
  const day = { start: 0, end: 1440 };
  const night = { start: 1320, end: 1860 };

  it('blocks when the absence meets the calendar day, even without touching the shift', () => {
    expect(absenceBlocksShift({ start: 480, end: 600 }, day, night)).toBe(true);
  });

  it('blocks when the absence meets only the part of the shift after midnight', () => {
    expect(absenceBlocksShift({ start: 1500, end: 2000 }, day, night)).toBe(true);
  });

  it('does not block an absence that ends where the day starts or starts where the shift ends', () => {
    expect(absenceBlocksShift({ start: -600, end: 0 }, day, night)).toBe(false);
    expect(absenceBlocksShift({ start: 1860, end: 2400 }, day, night)).toBe(false);
  });
});
