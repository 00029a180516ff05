/**
 * Operations on a similarity graph μ, and the paper's alternative input similarities
 * (docs/algorithm.md §1.6, §3.3). Re-exported from fuzzy.ts, which is where docs/design.md lists them.
 */
import { UserError } from '../errors';
import type { Dataset, Graph } from '../types';
import { mapGraphValues, maxValue, minValue } from './csr';

/** Largest n for which the dense kernel graph is built: it stores n² entries (8 bytes each). */
export const DENSE_KERNEL_MAX_POINTS = 5000;

/**
 * Drop every entry below max(μ)/nEpochs (docs/algorithm.md §1.6): umap-learn does this before both the
 * spectral init and the optimizer, since such edges would be sampled less than once in the run.
 */
export function pruneGraph(g: Graph, nEpochs: number): Graph {
  if (!(nEpochs > 0)) throw new Error(`nEpochs must be positive, got ${nEpochs}`);
  const threshold = maxValue(g) / nEpochs;
  return mapGraphValues(g, (value) => (value < threshold ? 0 : value));
}

/**
 * min(μ)/μ on every stored entry (paper Fig. 2b, docs/algorithm.md §3.3): the strongest edge becomes
 * the weakest and vice versa, and the range stays [min μ, 1]. Apply to the pruned graph.
 */
export function invertSimilarities(g: Graph): Graph {
  const smallest = minValue(g);
  return mapGraphValues(g, (value) => smallest / value);
}

/** Every positive entry becomes 1: the shared-kNN graph of docs/algorithm.md §3.3. */
export function binarizeSimilarities(g: Graph): Graph {
  return mapGraphValues(g, (value) => (value > 0 ? 1 : 0));
}

/**
 * μ_ij = φ(‖x_i − x_j‖) = 1/(1 + a·(‖x_i − x_j‖²)^b) for all ordered pairs of the raw data, the
 * diagonal μ_ii = 1 included (paper Fig. 1d, Table 1 row 2; docs/algorithm.md §3.3, §4.11).
 * Computed in float64, stored as float32.
 */
export function denseKernelGraph(ds: Dataset, a: number, b: number): Graph {
  const { n, dim, points } = ds;
  if (n > DENSE_KERNEL_MAX_POINTS) {
    throw new UserError(
      `The dense similarity graph stores all n² = ${n * n} pairs; it is limited to ${DENSE_KERNEL_MAX_POINTS} points and this dataset has ${n}.`,
    );
  }
  const rowPtr = new Int32Array(n + 1);
  const cols = new Int32Array(n * n);
  const values = new Float32Array(n * n);
  let out = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let squared = 0;
      for (let t = 0; t < dim; t++) {
        const diff = points[i * dim + t] - points[j * dim + t];
        squared += diff * diff;
      }
      const mu = Math.fround(1 / (1 + a * squared ** b));
      // Only an absurdly far pair underflows float32; keep the graph free of stored zeros.
      if (mu !== 0) {
        cols[out] = j;
        values[out] = mu;
        out++;
      }
    }
    rowPtr[i + 1] = out;
  }
  if (out === n * n) return { n, rowPtr, cols, values };
  return { n, rowPtr, cols: cols.slice(0, out), values: values.slice(0, out) };
}

/** Degrees d_i = Σ_j μ_ij (row sums, summed in float64); used by the effective loss (eq. 12). */
export function degrees(g: Graph): Float64Array {
  const result = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) {
    let sum = 0;
    for (let p = g.rowPtr[i]; p < g.rowPtr[i + 1]; p++) sum += g.values[p];
    result[i] = sum;
  }
  return result;
}
