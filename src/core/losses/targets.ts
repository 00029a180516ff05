/**
 * What the optimizer aims at versus where it lands, on the stored pairs of the graph (paper §6,
 * Fig. 4; docs/algorithm.md §3.7): the target similarities ν* of eq. 15, the embedding similarities ν,
 * and their histograms.
 */

import { degrees } from '../graph/similarities';
import { similarity } from '../kernel';
import type { Graph } from '../types';

/**
 * ν*_ij = μ_ij / (μ_ij + m(d_i + d_j)/(2n)) (eq. 15): the similarities that minimise the effective
 * loss pair by pair, aligned with g.values. Off the graph ν* = 0, so those pairs are not stored.
 */
export function targetSimilarities(g: Graph, m: number): Float32Array {
  if (!(m >= 0)) throw new Error(`m must be ≥ 0, got ${m}`);
  const { n, rowPtr, cols, values } = g;
  const d = degrees(g);
  const nuStar = new Float32Array(values.length);
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const mu = values[p];
      nuStar[p] = mu / (mu + (m * (d[i] + d[cols[p]])) / (2 * n));
    }
  }
  return nuStar;
}

/** The paper's Fig. 4 threshold: similarities at or above it count as "near 1" (binarised). */
export const HIGH_SIMILARITY = 0.8;

/** ν_ij = φ(‖e_i − e_j‖) (eq. 4) of a 2-D embedding on the stored pairs, aligned with g.values; ν_ii = 1. */
export function embeddingSimilarities(g: Graph, embedding: Float32Array, a: number, b: number): Float32Array {
  return pairSimilarities(g, embedding, (distSquared) => similarity(distSquared, a, b));
}

/**
 * `similarityOf(‖e_i − e_j‖²)` on every stored pair, aligned with g.values: the embedding
 * similarity of whichever loss a run minimises (UMAP's φ, NEG's estimator ξ, the Cauchy kernel).
 */
export function pairSimilarities(
  g: Graph,
  embedding: Float32Array,
  similarityOf: (distSquared: number) => number,
): Float32Array {
  const { n, rowPtr, cols, values } = g;
  if (embedding.length !== 2 * n)
    throw new Error(`embedding has ${embedding.length} values, expected ${n}×2`);
  const nu = new Float32Array(values.length);
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = cols[p];
      const dx = embedding[2 * i] - embedding[2 * j];
      const dy = embedding[2 * i + 1] - embedding[2 * j + 1];
      nu[p] = similarityOf(dx * dx + dy * dy);
    }
  }
  return nu;
}

/**
 * Counts of `values` in `bins` equal bins on [0, 1], with numpy's `histogram(range=(0, 1))`
 * convention: bin k is [e_k, e_{k+1}) with e_k = k·(1/bins), and the last bin is closed, so 1.0
 * (every nearest-neighbour μ) counts in it. Like numpy, a Float32Array is binned against float32
 * edges (e_57 = 0.57f, so 0.57f falls in bin 57, where the float64 0.57 falls in bin 56).
 * Similarities lie in [0, 1] by construction, so a value outside it (or NaN) is a bug upstream
 * and throws.
 *
 * Fig. 4's all-pairs variant adds the n² − nnz unstored zeros of μ and ν* to bin 0; the caller can.
 */
export function similarityHistogram(values: ArrayLike<number>, bins = 100): Float64Array {
  if (!Number.isInteger(bins) || bins < 1) throw new Error(`bins must be a positive integer, got ${bins}`);
  const counts = new Float64Array(bins);
  const width = 1 / bins;
  const float32 = values instanceof Float32Array;
  const edge = (k: number): number => (float32 ? Math.fround(k * width) : k * width);
  for (let p = 0; p < values.length; p++) {
    const value = values[p];
    if (!(value >= 0 && value <= 1)) throw new Error(`similarity ${value} at ${p} is outside [0, 1]`);
    let bin = Math.min(Math.floor(value * bins), bins - 1);
    // value·bins can round across an edge; settle against the edges themselves.
    while (bin > 0 && value < edge(bin)) bin--;
    while (bin < bins - 1 && value >= edge(bin + 1)) bin++;
    counts[bin]++;
  }
  return counts;
}

export interface SimilarityHistograms {
  /** Input similarities μ on the stored pairs. */
  mu: Float64Array;
  /** Target similarities ν* (eq. 15) on the same pairs. */
  nuStar: Float64Array;
  /** Embedding similarities ν on the same pairs, when an embedding is given. */
  nu?: Float64Array;
}

/**
 * The three histograms of Fig. 4 over every stored ordered pair (both directions) of g, which
 * should be the graph the optimizer used (pruned at max/nEpochs).
 */
export function similarityHistograms(
  g: Graph,
  embedding: Float32Array | null,
  { a, b, m, bins = 100 }: { a: number; b: number; m: number; bins?: number },
): SimilarityHistograms {
  const result: SimilarityHistograms = {
    mu: similarityHistogram(g.values, bins),
    nuStar: similarityHistogram(targetSimilarities(g, m), bins),
  };
  if (embedding) result.nu = similarityHistogram(embeddingSimilarities(g, embedding, a, b), bins);
  return result;
}
