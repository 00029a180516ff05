import { describe, expect, it } from 'vitest';
import { gaussianBlobs } from '../data/datasets';
import { nearestNeighbors } from '../neighbors/knn';
import { createRng } from '../random';
import { firstTwo } from '../testing/firstTwo';
import type { Dataset, KnnResult } from '../types';
import { knnRecall } from './metrics';
import { knnRecallFromNeighbors, neighborSetRecall } from './neighborRecall';

describe('knnRecallFromNeighbors', () => {
  const ds = gaussianBlobs({ n: 600, dim: 10, centers: 3, seed: 2 });
  const embedding = firstTwo(ds);

  it.each(['euclidean', 'cosine'] as const)('equals knnRecall given the data kNN (%s)', (metric) => {
    const expected = knnRecall(ds, embedding, 10, metric);
    expect(expected).toBeGreaterThan(0.01);
    expect(expected).toBeLessThan(0.9);
    expect(knnRecallFromNeighbors(nearestNeighbors(ds, 11, metric), embedding, 10)).toBe(expected);
    // A wider exact kNN has the same first 11 columns.
    expect(knnRecallFromNeighbors(nearestNeighbors(ds, 16, metric), embedding, 10)).toBe(expected);
    expect(knnRecallFromNeighbors(nearestNeighbors(ds, 16, metric), embedding, 15)).toBe(
      knnRecall(ds, embedding, 15, metric),
    );
  });

  it('is 1 when the embedding is the 2-D data itself', () => {
    const rng = createRng(4);
    const points = new Float32Array(2 * 300);
    for (let p = 0; p < points.length; p++) points[p] = rng.next();
    const flat: Dataset = { name: 'square', n: 300, dim: 2, points };
    expect(knnRecallFromNeighbors(nearestNeighbors(flat, 11), points, 10)).toBe(1);
  });

  it('rejects too few neighbour columns or a mismatched embedding', () => {
    const knn = nearestNeighbors(ds, 6);
    expect(() => knnRecallFromNeighbors(knn, embedding, 10)).toThrow(/columns/);
    expect(() => knnRecallFromNeighbors(knn, embedding.subarray(2), 5)).toThrow(/expected/);
  });
});

describe('neighborSetRecall', () => {
  it('counts shared neighbours in columns 1 … k (hand-checked)', () => {
    // 4 points, 3 columns (self + 2).
    const result = (rows: number[][]): KnnResult => ({
      n: 4,
      k: 3,
      indices: Int32Array.from(rows.flat()),
      distances: new Float32Array(12),
    });
    const high = result([
      [0, 1, 2],
      [1, 0, 3],
      [2, 3, 0],
      [3, 2, 1],
    ]);
    const low = result([
      [0, 2, 3], // shares 2
      [1, 3, 0], // shares 3 and 0
      [2, 1, 0], // shares 0
      [3, 0, 1], // shares 1
    ]);
    expect(neighborSetRecall(high, low, 2)).toBe(5 / 8);
    // k = 1: only the nearest — (1 vs 2), (0 vs 3), (3 vs 1), (2 vs 0): none shared.
    expect(neighborSetRecall(high, low, 1)).toBe(0);
    expect(neighborSetRecall(high, high, 2)).toBe(1);
  });
});
