import { describe, expect, it } from 'vitest';
import { createGaussian, createRng, createUint32Source } from '../random';
import { rpTreeLeaves } from './rpTree';

/** 8 Gaussian clusters in `dim` dimensions, centres far apart relative to their spread. */
function clusters(n: number, dim: number, seed: number): Float32Array {
  const gauss = createGaussian(createRng(seed));
  const centres = Float64Array.from({ length: 8 * dim }, () => 20 * gauss());
  const points = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < dim; t++) points[i * dim + t] = centres[(i % 8) * dim + t] + gauss();
  }
  return points;
}

function squaredGap(points: Float32Array, dim: number, i: number, j: number): number {
  let sum = 0;
  for (let t = 0; t < dim; t++) sum += (points[i * dim + t] - points[j * dim + t]) ** 2;
  return sum;
}

describe('rpTreeLeaves', () => {
  const n = 2000;
  const dim = 12;
  const points = clusters(n, dim, 5);

  it('partitions the points into non-empty leaves of at most leafSize', () => {
    const leaves = rpTreeLeaves(points, n, dim, false, 15, createUint32Source(1));
    expect(Array.from(leaves.order).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(leaves.leafStarts.length).toBe(leaves.leafCount + 1);
    expect(leaves.leafStarts[0]).toBe(0);
    expect(leaves.leafStarts[leaves.leafCount]).toBe(n);
    for (let l = 0; l < leaves.leafCount; l++) {
      const size = leaves.leafStarts[l + 1] - leaves.leafStarts[l];
      expect(size).toBeGreaterThan(0);
      expect(size).toBeLessThanOrEqual(15);
    }
  });

  it('is a function of the random stream', () => {
    const a = rpTreeLeaves(points, n, dim, false, 10, createUint32Source(9));
    const b = rpTreeLeaves(points, n, dim, false, 10, createUint32Source(9));
    const c = rpTreeLeaves(points, n, dim, false, 10, createUint32Source(10));
    expect(b.order).toEqual(a.order);
    expect(b.leafStarts).toEqual(a.leafStarts);
    expect(c.order).not.toEqual(a.order);
  });

  it('puts near points together: leaf-mates are far closer than random pairs', () => {
    const leaves = rpTreeLeaves(points, n, dim, false, 12, createUint32Source(2));
    let mateSum = 0;
    let mates = 0;
    let sameCluster = 0;
    for (let l = 0; l < leaves.leafCount; l++) {
      for (let p = leaves.leafStarts[l]; p < leaves.leafStarts[l + 1]; p++) {
        for (let q = p + 1; q < leaves.leafStarts[l + 1]; q++) {
          const i = leaves.order[p];
          const j = leaves.order[q];
          mateSum += Math.sqrt(squaredGap(points, dim, i, j));
          mates++;
          if (i % 8 === j % 8) sameCluster++;
        }
      }
    }
    let randomSum = 0;
    for (let i = 0; i < n - 1; i++) randomSum += Math.sqrt(squaredGap(points, dim, i, i + 1));
    expect(sameCluster / mates).toBeGreaterThan(0.99);
    expect(mateSum / mates).toBeLessThan((0.2 * randomSum) / (n - 1));
  });

  it('cosine trees depend only on directions (scaling rows by powers of 2 changes nothing)', () => {
    const scaled = points.map((v, p) => v * 2 ** ((Math.floor(p / dim) % 5) - 2));
    const a = rpTreeLeaves(points, n, dim, true, 10, createUint32Source(4));
    const b = rpTreeLeaves(scaled, n, dim, true, 10, createUint32Source(4));
    expect(b.order).toEqual(a.order);
    expect(b.leafStarts).toEqual(a.leafStarts);
  });

  it('terminates on duplicates: identical points are split in half', () => {
    const same = new Float32Array(300 * 3).fill(1.5);
    const leaves = rpTreeLeaves(same, 300, 3, false, 10, createUint32Source(0));
    expect(leaves.leafStarts[leaves.leafCount]).toBe(300);
    for (let l = 0; l < leaves.leafCount; l++) {
      expect(leaves.leafStarts[l + 1] - leaves.leafStarts[l]).toBeLessThanOrEqual(10);
    }
  });
});
