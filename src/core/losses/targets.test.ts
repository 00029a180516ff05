import { describe, expect, it } from 'vitest';
import { paperRing } from '../data/datasets';
import { graphFromCoo } from '../graph/csr';
import { degrees, fuzzySimplicialSet, pruneGraph } from '../graph/fuzzy';
import { findAbParams } from '../kernel';
import { nearestNeighbors } from '../neighbors/knn';
import type { Graph } from '../types';
import {
  embeddingSimilarities,
  similarityHistogram,
  similarityHistograms,
  targetSimilarities,
} from './targets';

/** A symmetric graph from undirected edges [i, j, μ]. */
function undirected(n: number, edges: [number, number, number][]): Graph {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  for (const [i, j, mu] of edges) {
    rows.push(i, j);
    cols.push(j, i);
    values.push(mu, mu);
  }
  return graphFromCoo(n, Int32Array.from(rows), Int32Array.from(cols), Float32Array.from(values));
}

/** Share of the histogram's mass in bins ≥ 80, i.e. values ≥ 0.8. */
const massAbove08 = (counts: Float64Array): number =>
  counts.slice(80).reduce((s, c) => s + c, 0) / counts.reduce((s, c) => s + c, 0);

describe('targetSimilarities (eq. 15)', () => {
  it('is μ/(μ + m(d_i + d_j)/(2n)) on a path of three points, aligned with the stored values', () => {
    // 0 —0.5— 1 —1— 2: degrees 0.5, 1.5, 1; n = 3, m = 6, so the weight is (d_i + d_j).
    const g = undirected(3, [
      [0, 1, 0.5],
      [1, 2, 1],
    ]);
    const nuStar = targetSimilarities(g, 6);
    // CSR order: (0,1), (1,0), (1,2), (2,1).
    const expected = [0.5 / (0.5 + 2), 0.5 / (0.5 + 2), 1 / (1 + 2.5), 1 / (1 + 2.5)];
    expect(Array.from(g.cols)).toEqual([1, 0, 2, 1]);
    for (const [p, value] of expected.entries()) expect(nuStar[p]).toBeCloseTo(value, 7);
    // Without negative samples the target is 1 on every edge.
    expect(Array.from(targetSimilarities(g, 0))).toEqual([1, 1, 1, 1]);
  });

  it('§6 / App. H.4: n = 500, m = 5, all degrees log2 15 ⇒ μ = 0.2 gives ν* = 0.2/0.2391 > 0.83', () => {
    // A circulant graph: i ~ i ± 1 with μ = 0.2 and i ~ i ± 2, 3, 4 with μ = (log2 15 − 0.4)/6,
    // so every degree is log2 15 = 3.907.
    const n = 500;
    const degree = Math.log2(15);
    const edges: [number, number, number][] = [];
    for (let i = 0; i < n; i++) {
      edges.push([i, (i + 1) % n, 0.2]);
      for (let step = 2; step <= 4; step++) edges.push([i, (i + step) % n, (degree - 0.4) / 6]);
    }
    const g = undirected(n, edges);
    const d = degrees(g);
    for (const di of d) expect(di).toBeCloseTo(degree, 5);
    const nuStar = targetSimilarities(g, 5);
    const expected = 0.2 / (0.2 + (5 * 2 * degree) / (2 * n));
    expect(expected).toBeCloseTo(0.8366, 4);
    let checked = 0;
    for (let p = 0; p < g.values.length; p++) {
      if (Math.abs(g.values[p] - 0.2) < 1e-7) {
        expect(nuStar[p]).toBeCloseTo(expected, 6);
        expect(nuStar[p]).toBeGreaterThan(0.83);
        checked++;
      } else {
        expect(nuStar[p]).toBeGreaterThan(0.83); // ν* grows with μ, and these μ exceed 0.2
      }
    }
    expect(checked).toBe(2 * n);
  });

  it('on the real n = 500 ring graph the mean degree is ≈ 5.8, so ν*(0.2) ≈ 0.77 < 0.83', () => {
    const graph = fuzzySimplicialSet(nearestNeighbors(paperRing({ n: 500, seed: 3 }), 15));
    const d = degrees(graph);
    const meanDegree = d.reduce((s, x) => s + x, 0) / d.length;
    const nuStarAt02 = 0.2 / (0.2 + (5 * 2 * meanDegree) / (2 * 500));
    // Measured: mean degree 5.82, ν*(0.2) = 0.775 (docs/algorithm.md §3.9: ≈ 5.8 and 0.77).
    expect(meanDegree).toBeGreaterThan(5.6);
    expect(meanDegree).toBeLessThan(6);
    expect(nuStarAt02).toBeGreaterThan(0.76);
    expect(nuStarAt02).toBeLessThan(0.79);
  });
});

describe('embeddingSimilarities', () => {
  it('is φ(‖e_i − e_j‖) on the stored pairs', () => {
    const g = undirected(3, [
      [0, 1, 0.5],
      [1, 2, 1],
    ]);
    // e_0 = (0, 0), e_1 = (3, 4), e_2 = (3, 4): distances 5 and 0.
    const embedding = Float32Array.from([0, 0, 3, 4, 3, 4]);
    const nu = embeddingSimilarities(g, embedding, 2, 0.5);
    // φ = 1/(1 + a·(d²)^b) = 1/(1 + 2·5) for d = 5, and 1 for coincident points.
    expect(Array.from(nu)).toEqual([Math.fround(1 / 11), Math.fround(1 / 11), 1, 1]);
    expect(() => embeddingSimilarities(g, new Float32Array(4), 2, 0.5)).toThrow(/expected 3×2/);
  });
});

describe('similarityHistogram', () => {
  const values = [
    0, 0.01, 0.29, 0.57, 0.58, 0.07, 0.14, 0.28, 0.56, 0.99, 1, 0.999999, 0.5, 0.3, 0.7, 0.35, 0.15,
  ];
  const binOf = (array: Float64Array | Float32Array): number[] =>
    Array.from(array, (_, p) => similarityHistogram(array.subarray(p, p + 1)).indexOf(1));

  it('puts each value in the bin numpy.histogram(bins=100, range=(0, 1)) does, for float64 and float32', () => {
    // From numpy 2.4: 1.0 in the last bin; float64 0.57 → 56 but float32 0.57 → 57 (float32 edges).
    expect(binOf(Float64Array.from(values))).toEqual([
      0, 1, 29, 56, 58, 7, 14, 28, 56, 99, 99, 99, 50, 30, 69, 34, 15,
    ]);
    expect(binOf(Float32Array.from(values))).toEqual([
      0, 1, 29, 57, 58, 7, 14, 28, 56, 99, 99, 99, 50, 30, 70, 35, 15,
    ]);
  });

  it('counts every value once, with any number of bins', () => {
    expect(Array.from(similarityHistogram(values, 7))).toEqual([4, 2, 3, 3, 2, 0, 3]);
    expect(similarityHistogram([], 5)).toEqual(new Float64Array(5));
  });

  it('rejects values outside [0, 1] and NaN', () => {
    expect(() => similarityHistogram([0.5, 1.0000001])).toThrow(/outside/);
    expect(() => similarityHistogram([-1e-9])).toThrow(/outside/);
    expect(() => similarityHistogram([Number.NaN])).toThrow(/outside/);
  });
});

describe('similarityHistograms on the seed-3 ring (Fig. 4a)', () => {
  it('ν* piles up near 1 while μ does not', () => {
    const graph = pruneGraph(fuzzySimplicialSet(nearestNeighbors(paperRing({ seed: 3 }), 15)), 500);
    const { a, b } = findAbParams(1, 0.1);
    const ring = paperRing({ seed: 3 });
    const histograms = similarityHistograms(graph, ring.points, { a, b, m: 5 });
    for (const counts of [histograms.mu, histograms.nuStar, histograms.nu as Float64Array]) {
      expect(counts.reduce((s, c) => s + c, 0)).toBe(graph.values.length);
    }
    // Measured: ν* 74.1 %, μ 13.9 % (umap-learn's graph: 74 % and 14 %).
    expect(massAbove08(histograms.nuStar)).toBeGreaterThan(0.7);
    expect(massAbove08(histograms.mu)).toBeLessThan(0.2);
    expect(similarityHistograms(graph, null, { a, b, m: 5 }).nu).toBeUndefined();
  });
});
