/**
 * kNN recall from neighbours the caller already has. `knnRecall` (metrics.ts) searches the data's
 * neighbours itself, which for 784-D data at n = 10 000 takes ~4–5 s; the engine has them already
 * (its kNN graph is built with at least k + 1 columns), so a sweep can pass them in.
 */
import { UserError } from '../errors';
import { nearestNeighbors } from '../neighbors/knn';
import type { KnnResult } from '../types';

/**
 * Share of shared neighbours between two kNN results of the same n points, using columns 1 … k of
 * each (column 0 is the point itself):
 *
 *   recall = (1/(n·k))·Σ_i |N_k^high(i) ∩ N_k^low(i)|.
 *
 * Both results need at least k + 1 columns; wider ones are cut to their first k + 1.
 */
export function neighborSetRecall(high: KnnResult, low: KnnResult, k: number): number {
  const { n } = high;
  if (low.n !== n) throw new Error(`kNN results for ${n} and ${low.n} points`);
  if (!Number.isInteger(k) || k < 1 || k + 1 > high.k || k + 1 > low.k) {
    throw new Error(
      `k = ${k} needs kNN results with at least k + 1 columns; they have ${high.k} and ${low.k}`,
    );
  }
  // marks[j] = i while row i is being counted: j is one of i's high-dimensional neighbours.
  const marks = new Int32Array(n).fill(-1);
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 1; c <= k; c++) marks[high.indices[i * high.k + c]] = i;
    for (let c = 1; c <= k; c++) if (marks[low.indices[i * low.k + c]] === i) hits++;
  }
  return hits / (n * k);
}

/**
 * `knnRecall(ds, embedding, k)` with the data's neighbours given: `highKnn` holds each point in
 * column 0 and its nearest data neighbours (in whatever metric the caller chose) in columns 1 … k,
 * so highKnn.k ≥ k + 1. The embedding's neighbours are searched as `knnRecall` does
 * (`nearestNeighbors(embedding, k + 1)`), so with highKnn = nearestNeighbors(ds, k + 1, metric) the
 * result is exactly knnRecall's. Exact data neighbours give App. G's measure; NN-descent ones
 * (the engine's for n ≥ 4096) a close estimate.
 */
export function knnRecallFromNeighbors(highKnn: KnnResult, embedding: Float32Array, k: number): number {
  const { n } = highKnn;
  if (embedding.length !== 2 * n)
    throw new Error(`embedding has ${embedding.length} values, expected ${n}×2`);
  if (!Number.isInteger(k) || k < 1 || k > n - 2) {
    throw new UserError(
      `kNN recall with k = ${k} needs a whole k ≥ 1 and at least k + 2 points; there are ${n}.`,
    );
  }
  if (highKnn.k < k + 1) {
    throw new Error(
      `kNN recall at k = ${k} needs ${k + 1} neighbour columns (self included); got ${highKnn.k}`,
    );
  }
  const low = nearestNeighbors({ name: 'embedding', n, dim: 2, points: embedding }, k + 1);
  return neighborSetRecall(highKnn, low, k);
}
