import { describe, expect, it } from 'vitest';
import { paperRing } from '../data/datasets';
import { createRng } from '../random';
import { readReferenceLayout, referenceJson } from '../testing/reference';
import type { Dataset } from '../types';
import {
  distanceCorrelation,
  knnRecall,
  pearsonCorrelation,
  radialSpread,
  ringArcs,
  ringThickness,
  spearmanCorrelation,
} from './metrics';

const reference = referenceJson().ring_seed3;
const readLayout = readReferenceLayout;

/** Min-max scaling of each axis to [0, 10], as umap-learn does to every initial layout. */
function rescaled(layout: Float32Array): Float32Array {
  const out = new Float32Array(layout.length);
  for (let axis = 0; axis < 2; axis++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let p = axis; p < layout.length; p += 2) {
      min = Math.min(min, layout[p]);
      max = Math.max(max, layout[p]);
    }
    for (let p = axis; p < layout.length; p += 2) out[p] = ((layout[p] - min) / (max - min)) * 10;
  }
  return out;
}

const relative = (value: number, expected: number): number => Math.abs(value - expected) / Math.abs(expected);

describe('ringThickness and radialSpread against umap_learn_reference.json', () => {
  const input = readLayout('ring_seed3_input.csv');
  const layouts = [
    ['ring_input', input],
    ['ring_init_rescaled_0_10', rescaled(input)],
    ['ring_umap_500_epochs', readLayout('ring_seed3_umap_500ep.csv')],
    ['ring_umap_10000_epochs', readLayout('ring_seed3_umap_10000ep.csv')],
  ] as const;

  it.each(layouts)('%s: width_local and width within 1e-6 (relative)', (key, layout) => {
    // Measured ≤ 1.4e-7 (width_local) and ≤ 1.2e-6 (width); the CSVs keep 6–8 decimals.
    expect(relative(ringThickness(layout), reference[key].width_local)).toBeLessThan(1e-6);
    expect(relative(radialSpread(layout), reference[key].width)).toBeLessThan(2e-6);
  });

  it('gives Fig. 1b’s thinning ratio: 500 epochs / input = 0.3552', () => {
    const ratio = ringThickness(readLayout('ring_seed3_umap_500ep.csv')) / ringThickness(input);
    expect(relative(ratio, reference.ring_umap_500_epochs.ratio_local)).toBeLessThan(1e-6);
  });

  it('is 0 for points on a circle and grows with the radial noise, independent of scale and centre', () => {
    const n = 720;
    const circle = new Float32Array(2 * n);
    const noisy = new Float32Array(2 * n);
    const rng = createRng(1);
    for (let i = 0; i < n; i++) {
      const angle = (2 * Math.PI * (i + 0.5)) / n;
      const radius = 1 + 0.1 * (rng.next() - 0.5);
      circle[2 * i] = 5 + 2 * Math.cos(angle);
      circle[2 * i + 1] = -3 + 2 * Math.sin(angle);
      noisy[2 * i] = 100 * radius * Math.cos(angle);
      noisy[2 * i + 1] = 100 * radius * Math.sin(angle);
    }
    expect(ringThickness(circle)).toBeLessThan(1e-6);
    // Uniform radial noise of width 0.1 around radius 1: std 0.1/√12 = 0.0289, less the bin means.
    expect(ringThickness(noisy)).toBeGreaterThan(0.025);
    expect(ringThickness(noisy)).toBeLessThan(0.031);
  });
});

/**
 * `count` points evenly spread in angle over [0°, 360°) minus the `removed` sectors [start, start +
 * width) (degrees), at radius 3 ± 0.15 around (2, −1).
 */
function ringWithout(count: number, removed: [number, number][], seed = 1): Float32Array {
  const rng = createRng(seed);
  const coordinates: number[] = [];
  for (let i = 0; i < count; i++) {
    const degrees = (360 * (i + 0.5)) / count;
    if (removed.some(([start, width]) => degrees >= start && degrees < start + width)) continue;
    const angle = (degrees * Math.PI) / 180;
    const radius = 3 + 0.3 * (rng.next() - 0.5);
    coordinates.push(2 + radius * Math.cos(angle), -1 + radius * Math.sin(angle));
  }
  return Float32Array.from(coordinates);
}

describe('ringArcs', () => {
  it('is 1 for a full ring', () => {
    expect(ringArcs(ringWithout(360, []))).toBe(1);
    expect(ringArcs(ringWithout(1000, []))).toBe(1);
  });

  it('counts the arcs left by removed 40° sectors: two → 2, three → 3', () => {
    expect(
      ringArcs(
        ringWithout(360, [
          [10, 40],
          [190, 40],
        ]),
      ),
    ).toBe(2);
    expect(
      ringArcs(
        ringWithout(1000, [
          [10, 40],
          [190, 40],
        ]),
      ),
    ).toBe(2);
    expect(
      ringArcs(
        ringWithout(360, [
          [0, 40],
          [120, 40],
          [240, 40],
        ]),
      ),
    ).toBe(3);
    // Unequal arcs, one gap across the ±180° seam of atan2.
    expect(
      ringArcs(
        ringWithout(720, [
          [30, 40],
          [160, 45],
          [300, 70],
        ]),
      ),
    ).toBe(3);
  });

  it('counts a ring opened at one place (a "C") as one arc', () => {
    expect(ringArcs(ringWithout(360, [[100, 60]]))).toBe(1);
  });

  it('does not count the holes of a ring of independent uniform angles, nor gaps of ≤ 10°', () => {
    for (const [count, seed] of [
      [50, 1],
      [200, 2],
      [1000, 3],
    ]) {
      const rng = createRng(seed);
      const points = new Float32Array(2 * count);
      for (let i = 0; i < count; i++) {
        const angle = 2 * Math.PI * rng.next();
        points[2 * i] = Math.cos(angle);
        points[2 * i + 1] = Math.sin(angle);
      }
      expect(ringArcs(points)).toBe(1);
    }
    // 1000 points, an 8° sector missing: too narrow to be a tear.
    expect(ringArcs(ringWithout(1000, [[50, 8]]))).toBe(1);
    expect(
      ringArcs(
        ringWithout(1000, [
          [50, 12],
          [200, 12],
        ]),
      ),
    ).toBe(2);
  });

  it('finds umap-learn’s paper ring torn in two after 500 epochs, and opened once after 10 000', () => {
    expect(ringArcs(readLayout('ring_seed3_input.csv'))).toBe(1);
    // Gaps of 20.1° and 10.7° (both visible in a plot, the rest ≤ 5.9°): two arcs.
    expect(ringArcs(readLayout('ring_seed3_umap_500ep.csv'))).toBe(2);
    // One gap of 18.3° (the rest ≤ 5.2°): a "C", one arc.
    expect(ringArcs(readLayout('ring_seed3_umap_10000ep.csv'))).toBe(1);
  });
});

describe('knnRecall', () => {
  const ring = paperRing({ seed: 3 });

  it('is 1 for the identity embedding of 2-D data', () => {
    expect(knnRecall(ring, ring.points, 15)).toBe(1);
    expect(knnRecall(ring, ring.points, 1)).toBe(1);
  });

  it('is ≈ k/(n − 1) for a random embedding', () => {
    const rng = createRng(7);
    const random = Float32Array.from({ length: ring.points.length }, () => rng.next());
    // Expected 15/999 = 0.0150; 15 000 neighbour slots make the spread ≈ ±0.001.
    const recall = knnRecall(ring, random, 15);
    expect(recall).toBeGreaterThan(0.011);
    expect(recall).toBeLessThan(0.019);
  });

  it('uses the data metric: on the unit circle cosine and Euclidean neighbours agree', () => {
    const n = 200;
    const circle = new Float32Array(2 * n);
    for (let i = 0; i < n; i++) {
      // Uneven spacing, so that no two neighbours tie.
      const angle = 2 * Math.PI * (i / n + 0.3 * (i / n) ** 2);
      circle[2 * i] = Math.cos(angle);
      circle[2 * i + 1] = Math.sin(angle);
    }
    const ds: Dataset = { name: 'circle', n, dim: 2, points: circle };
    expect(knnRecall(ds, circle, 10, 'cosine')).toBe(1);
    // Scaling all points changes no cosine distance, so the scaled circle embeds it perfectly too.
    const shrunk = circle.map((x) => x * 0.01);
    expect(knnRecall(ds, shrunk, 10, 'cosine')).toBe(1);
  });

  it('asks for enough points', () => {
    const small: Dataset = { name: 'small', n: 5, dim: 2, points: new Float32Array(10).map((_, p) => p * p) };
    expect(knnRecall(small, small.points, 3)).toBe(1);
    expect(() => knnRecall(small, small.points, 4)).toThrow(/at least k \+ 2 points/);
  });
});

describe('distanceCorrelation', () => {
  const ring = paperRing({ seed: 3 });

  it('is 1 and 1 for the identity embedding', () => {
    const { pearson, spearman } = distanceCorrelation(ring, ring.points, { seed: 1 });
    expect(pearson).toBeCloseTo(1, 12);
    expect(spearman).toBeCloseTo(1, 12);
  });

  it('is ≈ 0 for a random embedding', () => {
    const rng = createRng(3);
    const random = Float32Array.from({ length: ring.points.length }, () => rng.next());
    const { pearson, spearman } = distanceCorrelation(ring, random, { seed: 2 });
    // 10 000 pairs: the standard error is ≈ 0.01.
    expect(Math.abs(pearson)).toBeLessThan(0.05);
    expect(Math.abs(spearman)).toBeLessThan(0.05);
  });

  it('Spearman is 1 for a monotone transform of the distances, Pearson is not', () => {
    // On the unit circle the cosine distance 1 − cos Δθ is c²/2 for the chord c.
    const n = 300;
    const circle = new Float32Array(2 * n);
    const rng = createRng(5);
    for (let i = 0; i < n; i++) {
      const angle = 2 * Math.PI * rng.next();
      circle[2 * i] = Math.cos(angle);
      circle[2 * i + 1] = Math.sin(angle);
    }
    const ds: Dataset = { name: 'circle', n, dim: 2, points: circle };
    const { pearson, spearman } = distanceCorrelation(ds, circle, {
      metric: 'cosine',
      samples: 5000,
      seed: 4,
    });
    expect(spearman).toBeCloseTo(1, 6);
    expect(pearson).toBeLessThan(0.99);
    expect(pearson).toBeGreaterThan(0.9);
  });

  it('is deterministic from the seed and depends on it', () => {
    const rng = createRng(3);
    const random = Float32Array.from({ length: ring.points.length }, () => rng.next());
    const first = distanceCorrelation(ring, random, { seed: 9, samples: 500 });
    expect(distanceCorrelation(ring, random, { seed: 9, samples: 500 })).toEqual(first);
    expect(distanceCorrelation(ring, random, { seed: 10, samples: 500 }).pearson).not.toBe(first.pearson);
  });
});

describe('pearsonCorrelation and spearmanCorrelation', () => {
  it('match numpy.corrcoef and scipy.stats.spearmanr', () => {
    expect(pearsonCorrelation([1, 2, 3, 4], [1, 2, 4, 3])).toBeCloseTo(0.8, 14);
    expect(spearmanCorrelation([1, 2, 3, 4], [1, 2, 4, 3])).toBeCloseTo(0.8, 14);
    // Ties share their average rank: scipy gives 0.9473684210526317.
    expect(spearmanCorrelation([1, 2, 2, 3, 5], [1, 3, 2, 4, 4])).toBeCloseTo(0.9473684210526317, 14);
    expect(spearmanCorrelation([1, 2, 3], [10, 100, 1000])).toBe(1);
    expect(spearmanCorrelation([1, 2, 3], [3, 2, 1])).toBe(-1);
    expect(pearsonCorrelation([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});
