import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { UserError } from '../errors';
import type { Dataset, KnnResult, Metric } from '../types';
import { nearestNeighbors, sliceKnn } from './knn';

/** Small seeded generator (mulberry32) so the tests do not depend on random.ts. */
function uniformStream(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomDataset(n: number, dim: number, seed: number, offset = 0, scale = 1): Dataset {
  const next = uniformStream(seed);
  const points = new Float32Array(n * dim);
  for (let p = 0; p < points.length; p++) points[p] = offset + scale * next();
  return { name: 'random', n, dim, points };
}

/** O(n²) reference: the full float32 distance row, self first, the rest stably sorted by distance. */
function naiveKnn(ds: Dataset, k: number, metric: Metric): KnnResult {
  const { n, dim, points } = ds;
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  const row = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let dot = 0;
      let normI = 0;
      let normJ = 0;
      let squared = 0;
      for (let t = 0; t < dim; t++) {
        const u = points[i * dim + t];
        const v = points[j * dim + t];
        dot += u * v;
        normI += u * u;
        normJ += v * v;
        squared += (u - v) * (u - v);
      }
      if (metric === 'euclidean') row[j] = Math.sqrt(squared);
      else if (normI === 0 && normJ === 0) row[j] = 0;
      else if (normI === 0 || normJ === 0) row[j] = 1;
      else row[j] = Math.max(0, 1 - dot / Math.sqrt(normI * normJ));
    }
    const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
    others.sort((p, q) => row[p] - row[q] || p - q);
    indices[i * k] = i;
    for (let c = 1; c < k; c++) {
      indices[i * k + c] = others[c - 1];
      distances[i * k + c] = row[others[c - 1]];
    }
  }
  return { n, k, indices, distances };
}

describe('nearestNeighbors', () => {
  it.each([
    [1, 300, 15],
    [2, 257, 15],
    [3, 200, 30],
    [17, 181, 15],
    [784, 131, 15],
    [784, 41, 40],
  ])('equals the naive O(n²) reference exactly (Euclidean, dim %i, n %i, k %i)', (dim, n, k) => {
    const ds = randomDataset(n, dim, 1000 + dim);
    const fast = nearestNeighbors(ds, k);
    const naive = naiveKnn(ds, k, 'euclidean');
    expect(fast.n).toBe(n);
    expect(fast.k).toBe(k);
    expect(Array.from(fast.indices)).toEqual(Array.from(naive.indices));
    expect(Array.from(fast.distances)).toEqual(Array.from(naive.distances));
  });

  it.each([
    [2, 150],
    [17, 181],
    [784, 70],
  ])('equals the naive O(n²) reference exactly (cosine, dim %i, n %i)', (dim, n) => {
    const ds = randomDataset(n, dim, 2000 + dim, -0.5);
    const fast = nearestNeighbors(ds, 15, 'cosine');
    const naive = naiveKnn(ds, 15, 'cosine');
    expect(Array.from(fast.indices)).toEqual(Array.from(naive.indices));
    expect(Array.from(fast.distances)).toEqual(Array.from(naive.distances));
  });

  it('stays exact when |x|² dwarfs the neighbour distances (the dot-product screen is conservative)', () => {
    // One shared coordinate of 1e4 plus 16 small ones: |x|² ≈ 1e8 while neighbour distances² ≈ 1e-6,
    // so |x|² + |y|² − 2x·y is off by ~1% and would drop true neighbours without the error margin.
    const ds = randomDataset(300, 17, 7, 0, 1e-3);
    for (let i = 0; i < ds.n; i++) ds.points[i * 17] = 1e4;
    const fast = nearestNeighbors(ds, 15);
    const naive = naiveKnn(ds, 15, 'euclidean');
    expect(Array.from(fast.indices)).toEqual(Array.from(naive.indices));
    expect(Array.from(fast.distances)).toEqual(Array.from(naive.distances));
  });

  it('puts self in column 0 at distance 0 and sorts rows by (distance, index)', () => {
    const ds = randomDataset(500, 5, 11);
    const { n, k, indices, distances } = nearestNeighbors(ds, 20);
    for (let i = 0; i < n; i++) {
      expect(indices[i * k]).toBe(i);
      expect(distances[i * k]).toBe(0);
      for (let c = 2; c < k; c++) {
        const previous = distances[i * k + c - 1];
        const current = distances[i * k + c];
        expect(
          current > previous || (current === previous && indices[i * k + c] > indices[i * k + c - 1]),
        ).toBe(true);
      }
    }
  });

  it('keeps self first and lists exact duplicates after it at distance 0, by index', () => {
    // Points 0, 2 and 3 coincide; point 1 is elsewhere.
    const points = Float32Array.from([1, 1, 5, 5, 1, 1, 1, 1, 9, 9]);
    const { indices, distances } = nearestNeighbors({ name: 'dup', n: 5, dim: 2, points }, 4);
    expect(Array.from(indices.subarray(8, 12))).toEqual([2, 0, 3, 1]);
    expect(Array.from(distances.subarray(8, 12))).toEqual([0, 0, 0, Math.fround(Math.sqrt(32))]);
    expect(Array.from(indices.subarray(12, 16))).toEqual([3, 0, 2, 1]);
  });

  it('computes cosine distances on a hand-made example', () => {
    // 0:(1,0) 1:(2,0) 2:(1,1) 3:(0,3) 4:(-1,0) 5:(0,0) 6:(0,0)
    const points = Float32Array.from([1, 0, 2, 0, 1, 1, 0, 3, -1, 0, 0, 0, 0, 0]);
    const { indices, distances } = nearestNeighbors({ name: 'cos', n: 7, dim: 2, points }, 3, 'cosine');
    const rows = (i: number) => Array.from(indices.subarray(i * 3, i * 3 + 3));
    const diagonal = Math.fround(1 - 1 / Math.sqrt(2));
    expect(rows(0)).toEqual([0, 1, 2]);
    expect(Array.from(distances.subarray(0, 3))).toEqual([0, 0, diagonal]);
    // Ties at distance 1 (orthogonal, or against a zero vector) go to the smaller index.
    expect(rows(3)).toEqual([3, 2, 0]);
    expect(Array.from(distances.subarray(9, 12))).toEqual([0, diagonal, 1]);
    // Opposite vectors are at distance 2; the zero vector at 1.
    expect(rows(4)).toEqual([4, 3, 5]);
    // Two zero vectors are at distance 0 (umap-learn's cosine), any other point at 1.
    expect(rows(5)).toEqual([5, 6, 0]);
    expect(Array.from(distances.subarray(15, 18))).toEqual([0, 0, 1]);
  });

  it('rejects k ≥ n, k < 2 and non-finite coordinates with a UserError', () => {
    const ds = randomDataset(10, 2, 3);
    expect(() => nearestNeighbors(ds, 10)).toThrow(UserError);
    expect(() => nearestNeighbors(ds, 15)).toThrow('k = 15 needs at least 16 points; this dataset has 10.');
    expect(() => nearestNeighbors(ds, 1)).toThrow(UserError);
    expect(() => nearestNeighbors(ds, 2.5)).toThrow(UserError);
    const broken = randomDataset(10, 2, 3);
    broken.points[7] = Number.NaN;
    expect(() => nearestNeighbors(broken, 3)).toThrow('Point 3 has a non-finite coordinate');
    expect(nearestNeighbors(ds, 9).k).toBe(9);
  });

  it('reports increasing progress up to 1 and cancels with a CancelledError', () => {
    const ds = randomDataset(200, 3, 5);
    const fractions: number[] = [];
    nearestNeighbors(ds, 15, 'euclidean', (fraction) => {
      fractions.push(fraction);
    });
    expect(fractions.length).toBeGreaterThan(1);
    for (let b = 1; b < fractions.length; b++) expect(fractions[b]).toBeGreaterThan(fractions[b - 1]);
    expect(fractions[fractions.length - 1]).toBe(1);

    let calls = 0;
    const cancelled = () =>
      nearestNeighbors(ds, 15, 'euclidean', () => {
        calls++;
        return false;
      });
    expect(cancelled).toThrow(CancelledError);
    expect(calls).toBe(1);
    try {
      cancelled();
    } catch (error) {
      expect(error).not.toBeInstanceOf(UserError);
    }
  });
});

describe('sliceKnn', () => {
  it('equals the kNN computed at the smaller k', () => {
    const ds = randomDataset(300, 5, 11);
    const wide = nearestNeighbors(ds, 30);
    for (const k of [2, 15, 30]) {
      const direct = nearestNeighbors(ds, k);
      const sliced = sliceKnn(wide, k);
      expect(sliced.k).toBe(k);
      expect(Array.from(sliced.indices)).toEqual(Array.from(direct.indices));
      expect(Array.from(sliced.distances)).toEqual(Array.from(direct.distances));
    }
    expect(() => sliceKnn(wide, 31)).toThrow(UserError);
  });
});
