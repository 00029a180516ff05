import { describe, expect, it } from 'vitest';
import { defaultConfig } from './config';
import { estimateRun } from './runEstimate';

// Measured whole-pipeline times (README, "Performance", one thread): the estimate must land within
// a factor of two of each, or the confirmation before a big run would mislead.
describe('estimateRun', () => {
  const within2x = (estimate: number, measured: number) => {
    expect(estimate).toBeGreaterThan(measured / 2);
    expect(estimate).toBeLessThan(measured * 2);
  };

  it('forecasts the measured runs within a factor of two', () => {
    const blobs = { ...defaultConfig, dataset: 'blobs' as const, init: 'spectral' as const };
    within2x(estimateRun({ ...blobs, n: 70_000, epochs: 200 }).seconds, 44.4);
    within2x(estimateRun({ ...blobs, n: 20_000, epochs: 500 }).seconds, 22.3);
    within2x(estimateRun({ ...blobs, n: 20_000, epochs: 200 }).seconds, 12.2);
    within2x(estimateRun({ ...defaultConfig, epochs: 10_000 }).seconds, 15.2);
  });

  it('grows with n, k, m and epochs, and memory with the dimension', () => {
    const base = { ...defaultConfig, n: 50_000 };
    const seconds = estimateRun(base).seconds;
    for (const bigger of [{ n: 100_000 }, { k: 30 }, { m: 10 }, { epochs: 1000 }]) {
      expect(estimateRun({ ...base, ...bigger }).seconds).toBeGreaterThan(seconds);
    }
    expect(estimateRun(base, 784).megabytes).toBeGreaterThan(estimateRun(base, 2).megabytes);
    // 100 000 × 50-D: points alone are 19 MB; the whole run stays within a few hundred MB.
    const big = estimateRun({ ...base, dataset: 'blobs', n: 100_000 });
    expect(big.megabytes).toBeGreaterThan(19);
    expect(big.megabytes).toBeLessThan(500);
  });
});
