import { describe, expect, it } from 'vitest';
import { nearestNeighbors } from '../neighbors/knn';
import { readReferenceRing, readReferenceText, referenceJson } from '../testing/reference';
import type { Graph, KnnResult } from '../types';
import { edgeCount } from './csr';
import { degrees, fuzzySimplicialSet, membershipStrengths, pruneGraph, smoothKnnDist } from './fuzzy';

const readRing = readReferenceRing;

/** umap-learn 0.5.3 graph_ of the same ring as "i,j" → μ_ij (both directions are listed). */
function readReferenceGraph(): Map<string, number> {
  const lines = readReferenceText('ring_seed3_graph_coo.csv').trim().split('\n');
  expect(lines[0]).toBe('i,j,mu_ij');
  const edges = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const [i, j, mu] = line.split(',');
    edges.set(`${i},${j}`, Number(mu));
  }
  return edges;
}

const reference = referenceJson();
const ringKnn = nearestNeighbors(readRing(), 15);
const ringGraph = fuzzySimplicialSet(ringKnn);

function valueAt(g: Graph, i: number, j: number): number {
  for (let p = g.rowPtr[i]; p < g.rowPtr[i + 1]; p++) if (g.cols[p] === j) return g.values[p];
  return 0;
}

describe('fuzzySimplicialSet on the paper ring (k = 15) against umap-learn', () => {
  it('has exactly umap-learn’s edge set and μ within 1e-5 on every edge', () => {
    const expected = readReferenceGraph();
    const symmetricReference = [...expected].every(([key, mu]) => {
      const [i, j] = key.split(',');
      return expected.get(`${j},${i}`) === mu;
    });
    expect(symmetricReference).toBe(true); // the CSV lists both directions
    expect(edgeCount(ringGraph)).toBe(expected.size);
    let maxError = 0;
    for (let i = 0; i < ringGraph.n; i++) {
      for (let p = ringGraph.rowPtr[i]; p < ringGraph.rowPtr[i + 1]; p++) {
        const mu = expected.get(`${i},${ringGraph.cols[p]}`);
        expect(mu).toBeDefined();
        maxError = Math.max(maxError, Math.abs((mu as number) - ringGraph.values[p]));
      }
    }
    // Measured 5.6e-6; the input CSV's 8 decimals move 60 of the 2000 float32 coordinates by one ulp.
    expect(maxError).toBeLessThanOrEqual(1e-5);
  });

  it('matches umap-learn’s degree statistics, nnz and μ range', () => {
    const expected = reference.ring_seed3.graph;
    const d = degrees(ringGraph);
    const mean = d.reduce((sum, value) => sum + value, 0) / d.length;
    expect(edgeCount(ringGraph)).toBe(expected.nnz);
    expect(Math.abs(mean - expected.degree_mean)).toBeLessThan(1e-4);
    expect(Math.abs(Math.min(...d) - expected.degree_min)).toBeLessThan(1e-4);
    expect(Math.abs(Math.max(...d) - expected.degree_max)).toBeLessThan(1e-4);
    expect(Math.max(...ringGraph.values)).toBe(expected.mu_max);
    expect(Math.abs(Math.min(...ringGraph.values) - expected.mu_min)).toBeLessThan(1e-10);
    const pruned = pruneGraph(ringGraph, expected.n_epochs_for_filter);
    expect(edgeCount(pruned)).toBe(expected.nnz_after_filter_max_over_n_epochs);
  });

  it('is symmetric, in (0, 1], without self-loops, with ascending columns', () => {
    const { n, rowPtr, cols, values } = ringGraph;
    for (let i = 0; i < n; i++) {
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        expect(cols[p]).not.toBe(i);
        if (p > rowPtr[i]) expect(cols[p]).toBeGreaterThan(cols[p - 1]);
        expect(values[p]).toBeGreaterThan(0);
        expect(values[p]).toBeLessThanOrEqual(1);
        expect(valueAt(ringGraph, cols[p], i)).toBe(values[p]);
      }
    }
  });

  it('gives every point’s nearest neighbour directed μ = 1 and each directed row Σμ = log2 k', () => {
    const { sigmas, rhos } = smoothKnnDist(ringKnn);
    const directed = membershipStrengths(ringKnn, sigmas, rhos);
    const { n, k, indices, distances } = ringKnn;
    for (let i = 0; i < n; i++) {
      expect(rhos[i]).toBe(distances[i * k + 1]);
      expect(valueAt(directed, i, indices[i * k + 1])).toBe(1);
      let rowSum = 0;
      for (let p = directed.rowPtr[i]; p < directed.rowPtr[i + 1]; p++) rowSum += directed.values[p];
      expect(Math.abs(rowSum - Math.log2(15))).toBeLessThan(1e-3);
      // The union only adds, μ_ij ≥ max(μ_i→j, μ_j→i), up to float32 rounding of (p + q) − p·q.
      for (let p = directed.rowPtr[i]; p < directed.rowPtr[i + 1]; p++) {
        expect(valueAt(ringGraph, i, directed.cols[p])).toBeGreaterThanOrEqual(directed.values[p] - 2 ** -23);
      }
    }
    expect(edgeCount(directed)).toBe(n * (k - 1));
  });
});

/** A KnnResult from explicit rows (self first). */
function knnFrom(rows: number[][], distanceRows: number[][]): KnnResult {
  const n = rows.length;
  const k = rows[0].length;
  return { n, k, indices: Int32Array.from(rows.flat()), distances: Float32Array.from(distanceRows.flat()) };
}

describe('smoothKnnDist', () => {
  it('takes rho at the first positive distance, skipping duplicates, and interpolates fractional connectivity', () => {
    const knn = knnFrom(
      [
        [0, 1, 2, 3],
        [1, 0, 2, 3],
      ],
      [
        [0, 0, 0.5, 1.5],
        [0, 0, 0.5, 1.5],
      ],
    );
    expect(smoothKnnDist(knn).rhos[0]).toBe(0.5);
    expect(smoothKnnDist(knn, 1.5).rhos[0]).toBe(1);
    expect(smoothKnnDist(knn, 2).rhos[0]).toBe(1.5);
    // More connectivity than positive distances: rho is the largest positive distance.
    expect(smoothKnnDist(knn, 3).rhos[0]).toBe(1.5);
  });

  it('solves Σ_{j≥1} exp(−(d_j − rho)/sigma) = log2 k within the tolerance', () => {
    const knn = knnFrom([[0, 1, 2, 3, 4, 5, 6, 7]], [[0, 0.1, 0.2, 0.3, 0.5, 0.8, 1.3, 2.1]]);
    const { sigmas, rhos } = smoothKnnDist(knn);
    let sum = 0;
    for (let j = 1; j < 8; j++) sum += Math.exp(-Math.max(0, knn.distances[j] - rhos[0]) / sigmas[0]);
    expect(Math.abs(sum - 3)).toBeLessThan(1e-4);
  });

  it('floors sigma at 1e-3 × the row mean, or × the global mean when rho = 0', () => {
    // Row 0: three neighbours at the same distance, so Σ = 3 > log2 4 for every sigma and the
    // search shrinks sigma toward 0. Row 1: all duplicates, rho = 0.
    const knn = knnFrom(
      [
        [0, 1, 2, 3],
        [1, 0, 2, 3],
      ],
      [
        [0, 1, 1, 1],
        [0, 0, 0, 0],
      ],
    );
    const { sigmas, rhos } = smoothKnnDist(knn);
    expect(rhos[0]).toBe(1);
    expect(sigmas[0]).toBe(Math.fround(1e-3 * 0.75));
    expect(rhos[1]).toBe(0);
    expect(sigmas[1]).toBe(Math.fround(1e-3 * (3 / 8)));
  });
});

describe('membershipStrengths', () => {
  it('gives 1 at or below rho and when sigma is 0, drops self and index −1', () => {
    const knn = knnFrom(
      [
        [0, 2, 1],
        [1, -1, 0],
        [2, 0, 1],
      ],
      [
        [0, 1, 3],
        [0, Number.POSITIVE_INFINITY, 2],
        [0, 1, 4],
      ],
    );
    const sigmas = Float32Array.from([2, 1, 0]);
    const rhos = Float32Array.from([1, 2, 1]);
    const p = membershipStrengths(knn, sigmas, rhos);
    expect(Array.from(p.rowPtr)).toEqual([0, 2, 3, 5]);
    expect(Array.from(p.cols)).toEqual([1, 2, 0, 0, 1]);
    expect(Array.from(p.values)).toEqual([Math.fround(Math.exp(-1)), 1, 1, 1, 1]);
  });
});
