import { describe, expect, it } from 'vitest';
import { paperRing } from '../data/datasets';
import { fuzzySimplicialSet } from '../graph/fuzzy';
import { degrees } from '../graph/similarities';
import { nearestNeighbors } from '../neighbors/knn';
import type { Graph } from '../types';
import { spectralEmbedding } from './spectral';

/** ‖L·v − λ·v‖ for column `d` of an n×dim embedding, L = I − D^{−1/2}·W·D^{−1/2} applied sparsely. */
function laplacianResidual(
  g: Graph,
  embedding: Float64Array,
  dim: number,
  d: number,
  lambda: number,
): number {
  const degree = degrees(g);
  let sum = 0;
  for (let i = 0; i < g.n; i++) {
    let mv = 0;
    for (let p = g.rowPtr[i]; p < g.rowPtr[i + 1]; p++) {
      mv += (g.values[p] * embedding[g.cols[p] * dim + d]) / Math.sqrt(degree[i] * degree[g.cols[p]]);
    }
    sum += (embedding[i * dim + d] - mv - lambda * embedding[i * dim + d]) ** 2;
  }
  return Math.sqrt(sum);
}

/** Cosines of the principal angles between the column spaces of two n×2 orthonormal embeddings. */
function subspaceCosines(a: Float64Array, b: Float64Array): [number, number] {
  const c = [0, 0, 0, 0];
  for (let i = 0; i < a.length / 2; i++) {
    for (let p = 0; p < 2; p++) for (let q = 0; q < 2; q++) c[p * 2 + q] += a[i * 2 + p] * b[i * 2 + q];
  }
  // Singular values of the 2×2 matrix c.
  const frobenius = c[0] ** 2 + c[1] ** 2 + c[2] ** 2 + c[3] ** 2;
  const determinant = Math.abs(c[0] * c[3] - c[1] * c[2]);
  const largest = Math.sqrt((frobenius + Math.sqrt(frobenius ** 2 - 4 * determinant ** 2)) / 2);
  return [largest, determinant / largest];
}

describe('spectralEmbedding on the paper ring (seed 3, k = 15)', () => {
  const graph = fuzzySimplicialSet(nearestNeighbors(paperRing({ seed: 3 }), 15));
  const result = spectralEmbedding(graph, 2, { seed: 0 });

  it('converges with residuals ‖L·v − λ·v‖ below 1e-4, checked independently', () => {
    expect(result.converged).toBe(true);
    for (let d = 0; d < 2; d++) {
      const residual = laplacianResidual(graph, result.embedding, 2, d, result.eigenvalues[d]);
      expect(residual).toBeLessThan(1e-4);
      expect(residual).toBeCloseTo(result.residuals[d], 12);
    }
  });

  it('finds the near-degenerate cos/sin pair (λ₁ ≈ λ₂ ≈ 6e-4), not the next mode', () => {
    // Measured with tolerance 1e-8: λ₁ = 5.8108e-4, λ₂ = 6.1080e-4; the next pair is near 2.4e-3.
    expect(result.eigenvalues[0]).toBeCloseTo(5.8108e-4, 6);
    expect(result.eigenvalues[1]).toBeCloseTo(6.108e-4, 6);
  });

  it('returns orthonormal vectors orthogonal to the trivial one', () => {
    const degree = degrees(graph);
    const e = result.embedding;
    let norm0 = 0;
    let norm1 = 0;
    let cross = 0;
    let trivial0 = 0;
    let trivial1 = 0;
    for (let i = 0; i < graph.n; i++) {
      norm0 += e[2 * i] ** 2;
      norm1 += e[2 * i + 1] ** 2;
      cross += e[2 * i] * e[2 * i + 1];
      trivial0 += e[2 * i] * Math.sqrt(degree[i]);
      trivial1 += e[2 * i + 1] * Math.sqrt(degree[i]);
    }
    expect(norm0).toBeCloseTo(1, 12);
    expect(norm1).toBeCloseTo(1, 12);
    expect(Math.abs(cross)).toBeLessThan(1e-10);
    expect(Math.abs(trivial0)).toBeLessThan(1e-10);
    expect(Math.abs(trivial1)).toBeLessThan(1e-10);
  });
});

describe('multilevel spectralEmbedding (n = 5000)', () => {
  const graph = fuzzySimplicialSet(nearestNeighbors(paperRing({ n: 5000, seed: 3 }), 15));
  const multilevel = spectralEmbedding(graph, 2, { seed: 0 });
  const direct = spectralEmbedding(graph, 2, {
    seed: 1,
    coarsestSize: Number.POSITIVE_INFINITY,
    tolerance: 1e-8,
  });

  it('agrees with a tightly converged direct solve', () => {
    expect(multilevel.converged).toBe(true);
    expect(direct.converged).toBe(true);
    // Measured: subspace cosines 0.99988 and 0.99958, eigenvalues 0.3 % above the direct ones.
    const [largest, smallest] = subspaceCosines(multilevel.embedding, direct.embedding);
    expect(largest).toBeGreaterThan(0.9995);
    expect(smallest).toBeGreaterThan(0.999);
    for (let d = 0; d < 2; d++) {
      expect(multilevel.eigenvalues[d]).toBeGreaterThanOrEqual(direct.eigenvalues[d] - 1e-9);
      expect(multilevel.eigenvalues[d]).toBeLessThan(1.01 * direct.eigenvalues[d]);
      expect(multilevel.residuals[d]).toBeLessThan(1e-4);
    }
  });

  it('is cheaper than the direct solve and deterministic for a seed', () => {
    expect(multilevel.matVecs).toBeLessThan(direct.matVecs);
    expect(spectralEmbedding(graph, 2, { seed: 0 }).embedding).toEqual(multilevel.embedding);
  });
});
