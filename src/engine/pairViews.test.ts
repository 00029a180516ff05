import { describe, expect, it } from 'vitest';
import type { Graph } from '../core/types';
import { PAIR_VIEW_BINS, pairPointsInBox, pairViews } from './pairViews';

describe('pairViews', () => {
  // Dyadic values, so every bin and every mean is exact.
  const mu = Float32Array.from([1, 0.5, 0.25, 0]);
  const nuStar = Float32Array.from([0.875, 0.625, 0.375, 0.0625]);
  const nu = Float32Array.from([0.9375, 0.5625, 0.3125, 0.5]);

  it('bins (ν*, ν) and (μ, ν) on a 40 × 40 grid, row-major by ν, 1 in the last bin', () => {
    const views = pairViews(mu, nuStar, nu);
    expect(views.bins).toBe(PAIR_VIEW_BINS);
    expect(PAIR_VIEW_BINS).toBe(40);
    const cells = (counts: Uint32Array) =>
      Array.from(counts.entries())
        .filter(([, count]) => count > 0)
        .map(([cell, count]) => [Math.floor(cell / 40), cell % 40, count]);
    // ν bins 37, 22, 12, 20; ν* bins 35, 25, 15, 2 (0.0625·40 = 2.5); μ bins 39 (μ = 1), 20, 10, 0.
    expect(cells(views.nuVsTarget)).toEqual([
      [12, 15, 1],
      [20, 2, 1],
      [22, 25, 1],
      [37, 35, 1],
    ]);
    expect(cells(views.nuVsMu)).toEqual([
      [12, 10, 1],
      [20, 0, 1],
      [22, 20, 1],
      [37, 39, 1],
    ]);
  });

  it('gives the mean |ν − ν*| and |ν − μ| and the share of pairs strictly nearer ν*', () => {
    const views = pairViews(mu, nuStar, nu);
    // |ν − ν*| = 1/16, 1/16, 1/16, 7/16; |ν − μ| = 1/16, 1/16, 1/16, 1/2.
    expect(views.meanAbsNuMinusTarget).toBe(10 / 16 / 4);
    expect(views.meanAbsNuMinusMu).toBe(11 / 16 / 4);
    // Three ties, one pair nearer ν*.
    expect(views.nearerTarget).toBe(0.25);
  });

  it('says ν* = μ plainly: equal means and no pair nearer the target', () => {
    const views = pairViews(mu, mu, nu);
    expect(views.meanAbsNuMinusTarget).toBe(views.meanAbsNuMinusMu);
    expect(views.nearerTarget).toBe(0);
    expect(Array.from(views.nuVsTarget)).toEqual(Array.from(views.nuVsMu));
  });

  it('refuses arrays of different lengths', () => {
    expect(() => pairViews(mu, nuStar, nu.subarray(1))).toThrow(/differ in length/);
  });
});

describe('pairPointsInBox', () => {
  // Stored pairs (both directions of 0–1, 0–2, 3–4): rows 0: [1, 2], 1: [0], 2: [0], 3: [4], 4: [3].
  const graph: Graph = {
    n: 6,
    rowPtr: Int32Array.from([0, 2, 3, 4, 5, 6, 6]),
    cols: Int32Array.from([1, 2, 0, 0, 4, 3]),
    values: Float32Array.from([1, 0.5, 1, 0.5, 0.25, 0.25]),
  };
  const x = Float32Array.from([0.9, 0.5, 0.9, 0.5, 0.25, 0.25]);
  const y = Float32Array.from([0.8, 0.1, 0.8, 0.1, 0.75, 0.75]);
  const points = (box: { x0: number; x1: number; y0: number; y1: number }) =>
    Array.from(pairPointsInBox(graph, x, y, box));

  it('returns the sorted, distinct points of the pairs in the box, bounds included', () => {
    expect(points({ x0: 0.8, x1: 1, y0: 0.5, y1: 1 })).toEqual([0, 1]);
    expect(points({ x0: 0.5, x1: 0.5, y0: 0.1, y1: 0.1 })).toEqual([0, 2]);
    expect(points({ x0: 0, x1: 1, y0: 0, y1: 1 })).toEqual([0, 1, 2, 3, 4]);
    expect(points({ x0: 0.2, x1: 0.6, y0: 0, y1: 1 })).toEqual([0, 2, 3, 4]);
  });

  it('takes the bounds in either order and is empty when no pair is inside', () => {
    expect(points({ x0: 1, x1: 0.8, y0: 1, y1: 0.5 })).toEqual([0, 1]);
    expect(points({ x0: 0.6, x1: 0.8, y0: 0, y1: 1 })).toEqual([]);
    expect(pairPointsInBox(graph, x, y, { x0: 0, x1: 0.1, y0: 0, y1: 0.1 })).toBeInstanceOf(Int32Array);
  });
});
