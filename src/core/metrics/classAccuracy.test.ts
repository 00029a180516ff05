import { describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { nearestNeighbors } from '../neighbors/knn';
import { createGaussian, createRng } from '../random';
import { classKnnAccuracy, classKnnAccuracyFromNeighbors } from './classAccuracy';

/** Points on the x-axis. */
function onLine(xs: number[]): Float32Array {
  const out = new Float32Array(2 * xs.length);
  xs.forEach((x, i) => {
    out[2 * i] = x;
  });
  return out;
}

describe('classKnnAccuracy', () => {
  it('is 1 for two well-separated clusters', () => {
    const n = 400;
    const gaussian = createGaussian(createRng(3));
    const layout = new Float32Array(2 * n);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = i % 2;
      layout[2 * i] = gaussian() + 20 * labels[i];
      layout[2 * i + 1] = gaussian();
    }
    expect(classKnnAccuracy(layout, labels)).toBe(1);
    expect(classKnnAccuracy(layout, labels, 1)).toBe(1);
  });

  it('is about 1/classes for random labels on a random layout (n = 10 000, NN-descent path)', () => {
    const n = 10_000;
    const rng = createRng(11);
    const layout = new Float32Array(2 * n);
    for (let p = 0; p < layout.length; p++) layout[p] = rng.next();
    for (const classes of [2, 4]) {
      const labels = new Int32Array(n);
      for (let i = 0; i < n; i++) labels[i] = rng.nextInt(classes);
      // Predictions are independent of the true labels: binomial std √(p(1−p)/n) ≤ 0.005.
      expect(Math.abs(classKnnAccuracy(layout, labels) - 1 / classes)).toBeLessThan(0.02);
    }
  });

  /*
   * Hand-checked, k = 5, points on a line (x: label):
   *   P0 0: 1, P1 1: 2, P2 2.1: 1, P3 −3.2: 0, P4 4.3: 0, P5 −5.4: 1, P6 100: 2.
   * P0: P1 P2 P3 P4 P5 → labels 2 1 0 0 1, classes 0 and 1 tie at 2 votes; the nearest tied one is
   *     P2 → 1, correct (the nearest neighbour alone, the smallest label or the first class to
   *     reach 2 votes would all say otherwise).
   * P1: P0 P2 P4 P3 P5 → 1 1 0 0 1 → 1, wrong.    P2: P1 P0 P4 P3 P5 → 2 1 0 0 1 → tie → 1, correct.
   * P3: P5 P0 P1 P2 P4 → 1 1 2 1 0 → 1, wrong.    P4: P2 P1 P0 P3 P5 → 1 2 1 0 1 → 1, wrong.
   * P5: P3 P0 P1 P2 P4 → 0 1 2 1 0 → tie → 0, wrong.  P6: P4 P2 P1 P0 P3 → 0 1 2 1 0 → tie → 0, wrong.
   * Accuracy 2/7.
   */
  const tieLayout = onLine([0, 1, 2.1, -3.2, 4.3, -5.4, 100]);
  const tieLabels = [1, 2, 1, 0, 0, 1, 2];

  it('breaks ties by the nearest neighbour among the tied classes (hand-checked)', () => {
    expect(classKnnAccuracy(tieLayout, tieLabels, 5)).toBeCloseTo(2 / 7, 12);
    // Any label values: only equality matters.
    const renamed = tieLabels.map((label) => [-7, 40, 3][label]);
    expect(classKnnAccuracy(tieLayout, Int32Array.from(renamed), 5)).toBeCloseTo(2 / 7, 12);
  });

  it('matches the precomputed-neighbour variant', () => {
    const knn = nearestNeighbors({ name: 'line', n: 7, dim: 2, points: tieLayout }, 6);
    expect(classKnnAccuracyFromNeighbors(knn, tieLabels)).toBeCloseTo(2 / 7, 12);
    // k = 1: the nearest neighbour's label, wrong for every point (P0 ← P1: 2, P1 ← P0: 1, P2 ← P1: 2,
    // P3 ← P5: 1, P4 ← P2: 1, P5 ← P3: 0, P6 ← P4: 0).
    expect(classKnnAccuracyFromNeighbors(knn, tieLabels, 1)).toBe(0);
    expect(classKnnAccuracy(tieLayout, tieLabels, 1)).toBe(0);
  });

  it('rejects a k the points cannot serve and mismatched lengths', () => {
    expect(() => classKnnAccuracy(tieLayout, tieLabels, 6)).toThrow(UserError);
    expect(() => classKnnAccuracy(tieLayout, tieLabels, 0)).toThrow(UserError);
    expect(() => classKnnAccuracy(tieLayout, tieLabels.slice(1), 2)).toThrow(/expected/);
  });
});
