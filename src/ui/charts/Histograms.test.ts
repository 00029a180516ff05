import { describe, expect, it } from 'vitest';
import { massAbove08 } from './histogramStats';

describe('massAbove08', () => {
  it('is the share of the counts in bins 80–99, i.e. similarities ≥ 0.8', () => {
    const counts = new Float64Array(100);
    counts[10] = 6;
    counts[79] = 1; // [0.79, 0.80): below the threshold
    counts[80] = 2; // [0.80, 0.81): counted
    counts[99] = 1; // includes similarity 1.0
    expect(massAbove08(counts)).toBeCloseTo(0.3, 12);
  });

  it('is 0 for an empty histogram instead of NaN', () => {
    expect(massAbove08(new Float64Array(100))).toBe(0);
  });
});
