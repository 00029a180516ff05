import { describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { nearestNeighbors } from '../neighbors/knn';
import { readReferenceRing } from '../testing/reference';
import type { Dataset, Graph } from '../types';
import { edgeCount } from './csr';
import { fuzzySimplicialSet } from './fuzzy';
import {
  binarizeSimilarities,
  DENSE_KERNEL_MAX_POINTS,
  degrees,
  denseKernelGraph,
  invertSimilarities,
  pruneGraph,
} from './similarities';

const readRing = readReferenceRing;

const ring = readRing();
const ringGraph = fuzzySimplicialSet(nearestNeighbors(ring, 15));
const pruned = pruneGraph(ringGraph, 500);

function sameStructure(a: Graph, b: Graph): void {
  expect(Array.from(a.rowPtr)).toEqual(Array.from(b.rowPtr));
  expect(Array.from(a.cols)).toEqual(Array.from(b.cols));
}

describe('pruneGraph', () => {
  it('drops exactly the entries below max/nEpochs', () => {
    const threshold = 1 / 500;
    const below = ringGraph.values.filter((mu) => mu < threshold).length;
    expect(below).toBe(18);
    expect(edgeCount(pruned)).toBe(edgeCount(ringGraph) - below);
    expect(Math.min(...pruned.values)).toBeGreaterThanOrEqual(threshold);
    // The seed-3 ring's smallest μ is 2.07e-5: 10⁵ epochs keep everything, 10⁴ do not.
    expect(edgeCount(pruneGraph(ringGraph, 1e5))).toBe(edgeCount(ringGraph));
    expect(edgeCount(pruneGraph(ringGraph, 1e4))).toBeLessThan(edgeCount(ringGraph));
  });
});

describe('invertSimilarities', () => {
  it('maps μ to min(μ)/μ: the maximum becomes min/max and the minimum becomes 1', () => {
    const inverted = invertSimilarities(pruned);
    sameStructure(inverted, pruned);
    const smallest = Math.min(...pruned.values);
    const largest = Math.max(...pruned.values);
    expect(largest).toBe(1);
    expect(Math.min(...inverted.values)).toBe(Math.fround(smallest / largest));
    expect(Math.max(...inverted.values)).toBe(1);
    for (let p = 0; p < pruned.values.length; p++) {
      expect(inverted.values[p]).toBe(Math.fround(smallest / pruned.values[p]));
    }
  });
});

describe('binarizeSimilarities', () => {
  it('sets every stored entry to 1', () => {
    const binary = binarizeSimilarities(pruned);
    sameStructure(binary, pruned);
    expect(binary.values.every((value) => value === 1)).toBe(true);
  });
});

describe('degrees', () => {
  it('are the row sums, adding up to the sum of all values', () => {
    const d = degrees(ringGraph);
    expect(d.length).toBe(ringGraph.n);
    const total = ringGraph.values.reduce((sum, value) => sum + value, 0);
    expect(d.reduce((sum, value) => sum + value, 0)).toBeCloseTo(total, 6);
    let row3 = 0;
    for (let p = ringGraph.rowPtr[3]; p < ringGraph.rowPtr[4]; p++) row3 += ringGraph.values[p];
    expect(d[3]).toBe(row3);
  });
});

describe('denseKernelGraph', () => {
  const a = 1.57694346;
  const b = 0.895060878;

  it('gives the seed-3 ring mean degree ≈ 99 with μ_ii = 1 on the diagonal', () => {
    const dense = denseKernelGraph(ring, a, b);
    const n = ring.n;
    expect(edgeCount(dense)).toBe(n * n);
    const d = degrees(dense);
    const mean = d.reduce((sum, value) => sum + value, 0) / n;
    expect(Math.abs(mean - 99.0)).toBeLessThan(0.1);
    for (let i = 0; i < n; i++) {
      expect(dense.cols[i * n + i]).toBe(i);
      expect(dense.values[i * n + i]).toBe(1);
    }
    // φ of a hand-computed pair, and symmetry.
    const dx = ring.points[0] - ring.points[2 * 500];
    const dy = ring.points[1] - ring.points[2 * 500 + 1];
    expect(dense.values[500]).toBe(Math.fround(1 / (1 + a * (dx * dx + dy * dy) ** b)));
    expect(dense.values[500 * n]).toBe(dense.values[500]);
  });

  it('refuses datasets above the size limit with a UserError', () => {
    const n = DENSE_KERNEL_MAX_POINTS + 1;
    const big: Dataset = { name: 'big', n, dim: 1, points: new Float32Array(n) };
    expect(() => denseKernelGraph(big, a, b)).toThrow(UserError);
    expect(() => denseKernelGraph(big, a, b)).toThrow(`limited to ${DENSE_KERNEL_MAX_POINTS} points`);
  });
});
