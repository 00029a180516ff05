import { describe, expect, it } from 'vitest';
import { CancelledError } from '../cancel';
import { createGaussian, createRng } from '../random';
import type { Dataset, KnnResult, Metric } from '../types';
import { nearestNeighbors } from './knn';
import { nnDescent, nnDescentIterationCount, nnDescentTreeCount } from './nnDescent';
import { cosineFromDot, dot, squaredDistance } from './vectorDistance';

/**
 * MNIST-like structure without a download: 10 classes, each a random 8-D curved manifold
 * (sums of sines of 8 latent coordinates) embedded in `dim` dimensions, plus isotropic noise.
 */
function manifoldClusters(n: number, dim: number, seed: number): Dataset {
  const rng = createRng(seed);
  const gauss = createGaussian(rng);
  const classes = 10;
  const latent = 8;
  const mixing = Float64Array.from({ length: classes * latent * dim }, () => gauss());
  const phases = Float64Array.from({ length: classes * dim }, () => 2 * Math.PI * rng.next());
  const centres = Float64Array.from({ length: classes * dim }, () => 3 * gauss());
  const points = new Float32Array(n * dim);
  const labels = new Int32Array(n);
  const z = new Float64Array(latent);
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    labels[i] = c;
    for (let l = 0; l < latent; l++) z[l] = rng.next();
    for (let t = 0; t < dim; t++) {
      let value = centres[c * dim + t];
      for (let l = 0; l < latent; l++) {
        value += Math.sin(3 * z[l] * mixing[(c * latent + l) * dim + t] + phases[c * dim + t]);
      }
      points[i * dim + t] = value + 0.3 * gauss();
    }
  }
  return { name: 'manifolds', n, dim, points, labels };
}

/** Fraction of the exact non-self neighbours that the approximate rows contain. */
function recall(exact: KnnResult, approximate: KnnResult): number {
  const { n, k } = exact;
  let found = 0;
  for (let i = 0; i < n; i++) {
    const row = new Set(approximate.indices.subarray(i * k + 1, (i + 1) * k));
    for (let c = 1; c < k; c++) if (row.has(exact.indices[i * k + c])) found++;
  }
  return found / (n * (k - 1));
}

function expectWellFormed(knn: KnnResult): void {
  const { n, k, indices, distances } = knn;
  for (let i = 0; i < n; i++) {
    expect(indices[i * k]).toBe(i);
    expect(distances[i * k]).toBe(0);
    const row = new Set<number>();
    for (let c = 1; c < k; c++) {
      const j = indices[i * k + c];
      expect(j >= 0 && j < n && j !== i).toBe(true);
      row.add(j);
      if (c > 1) {
        const previous = distances[i * k + c - 1];
        const ordered =
          previous < distances[i * k + c] ||
          (previous === distances[i * k + c] && indices[i * k + c - 1] < j);
        expect(ordered).toBe(true);
      }
    }
    expect(row.size).toBe(k - 1);
  }
}

describe('nnDescent', () => {
  const ds = manifoldClusters(5000, 48, 17);
  const k = 15;

  for (const metric of ['euclidean', 'cosine'] as Metric[]) {
    it(`${metric}: recall ≥ 0.95 against the exact path, same distances, well-formed rows`, () => {
      const exact = nearestNeighbors(ds, k, metric, undefined, 0, 'exact');
      const approximate = nnDescent(ds, k, metric, 0);
      expectWellFormed(approximate);
      expect(recall(exact, approximate)).toBeGreaterThanOrEqual(0.95);
      // A neighbour found by both paths carries the same float32 distance.
      let compared = 0;
      for (let i = 0; i < ds.n; i += 7) {
        for (let c = 1; c < k; c++) {
          const j = approximate.indices[i * k + c];
          for (let e = 1; e < k; e++) {
            if (exact.indices[i * k + e] === j) {
              expect(approximate.distances[i * k + c]).toBe(exact.distances[i * k + e]);
              compared++;
            }
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it('reports, for every pair it returns, the distance the exact path computes for that pair', () => {
    // An odd dimension and coordinates far from 0 expose any change in how a distance is summed.
    const small = manifoldClusters(1200, 37, 5);
    const shifted = { ...small, points: small.points.map((v, p) => v + (p % 3) * 100) };
    for (const metric of ['euclidean', 'cosine'] as Metric[]) {
      const knn = nnDescent(shifted, 12, metric, 2);
      const { dim, points } = shifted;
      for (let i = 0; i < shifted.n; i++) {
        for (let c = 1; c < 12; c++) {
          const j = knn.indices[i * 12 + c];
          const expected =
            metric === 'euclidean'
              ? Math.fround(Math.sqrt(squaredDistance(points, i * dim, j * dim, dim)))
              : cosineFromDot(
                  dot(points, i * dim, j * dim, dim),
                  dot(points, i * dim, i * dim, dim),
                  dot(points, j * dim, j * dim, dim),
                );
          expect(knn.distances[i * 12 + c]).toBe(expected);
        }
      }
    }
  });

  it('is deterministic from its seed', () => {
    const small = manifoldClusters(1500, 20, 3);
    const a = nnDescent(small, 10, 'euclidean', 5);
    const b = nnDescent(small, 10, 'euclidean', 5);
    expect(b.indices).toEqual(a.indices);
    expect(b.distances).toEqual(a.distances);
    const other = nnDescent(small, 10, 'euclidean', 6);
    expectWellFormed(other);
    expect(other.indices).not.toEqual(a.indices);
  });

  it('fills every row even when most points are duplicates', () => {
    const n = 600;
    const points = new Float32Array(n * 2);
    for (let i = 0; i < n; i++) points[i * 2] = i % 5;
    const knn = nnDescent({ name: 'duplicates', n, dim: 2, points }, 10, 'euclidean', 1);
    expectWellFormed(knn);
    // 120 copies of each value: all 9 neighbours are exact duplicates, at distance 0.
    expect(Math.max(...knn.distances)).toBe(0);
    for (let i = 0; i < n; i++) {
      for (let c = 1; c < 10; c++) expect(knn.indices[i * 10 + c] % 5).toBe(i % 5);
    }
  });

  it('reports progress up to 1 and cancels when the callback returns false', () => {
    const small = manifoldClusters(800, 8, 2);
    const fractions: number[] = [];
    nnDescent(small, 5, 'euclidean', 0, (f) => {
      fractions.push(f);
    });
    expect(fractions.at(-1)).toBe(1);
    for (let t = 1; t < fractions.length; t++) expect(fractions[t]).toBeGreaterThanOrEqual(fractions[t - 1]);
    let calls = 0;
    expect(() => nnDescent(small, 5, 'euclidean', 0, () => ++calls < 3)).toThrow(CancelledError);
    expect(calls).toBe(3);
  });

  it("uses umap-learn's forest and round counts (docs/algorithm.md §1.2)", () => {
    expect(nnDescentTreeCount(4096)).toBe(8);
    expect(nnDescentTreeCount(70000)).toBe(18);
    expect(nnDescentTreeCount(10_000_000)).toBe(64);
    expect(nnDescentIterationCount(4096)).toBe(12);
    expect(nnDescentIterationCount(70000)).toBe(16);
    expect(nnDescentIterationCount(20)).toBe(5);
  });
});

describe('nearestNeighbors method choice', () => {
  it('switches to NN-descent at 4096 points, seeded by its seed argument', () => {
    const ds = manifoldClusters(4096, 3, 8);
    expect(nearestNeighbors(ds, 6).indices).toEqual(nnDescent(ds, 6, 'euclidean', 0).indices);
    expect(nearestNeighbors(ds, 6, 'euclidean', undefined, 9).indices).toEqual(
      nnDescent(ds, 6, 'euclidean', 9).indices,
    );
  });

  it('stays exact below 4096 points', () => {
    const ds = manifoldClusters(4095, 3, 8);
    const auto = nearestNeighbors(ds, 6, 'euclidean', undefined, 9);
    const exact = nearestNeighbors(ds, 6, 'euclidean', undefined, 0, 'exact');
    expect(auto.indices).toEqual(exact.indices);
    expect(auto.distances).toEqual(exact.distances);
  });
});
