/**
 * UMAP's input similarities μ_ij (paper eq. 1–3; docs/algorithm.md §1.3–§1.5) with umap-learn's float32
 * semantics, plus the alternative similarities of the paper's experiments (similarities.ts).
 */

import type { Graph, KnnResult } from '../types';
import { graphFromCoo, transposeGraph } from './csr';

export {
  binarizeSimilarities,
  degrees,
  denseKernelGraph,
  invertSimilarities,
  pruneGraph,
} from './similarities';

/** Binary search stops when |Σ memberships − log2 k| is below this (umap-learn SMOOTH_K_TOLERANCE). */
const SMOOTH_K_TOLERANCE = 1e-5;
/** Floor for sigma as a fraction of the mean kNN distance (umap-learn MIN_K_DIST_SCALE). */
const MIN_K_DIST_SCALE = 1e-3;
const SIGMA_SEARCH_STEPS = 64;

const f32 = Math.fround;

/**
 * Per-point rho (distance to the nearest non-identical neighbour, interpolated for fractional
 * `localConnectivity`) and sigma (bandwidth making the k − 1 non-self memberships sum to log2 k),
 * docs/algorithm.md §1.3. Column 0 is taken to be the point itself and skipped in the sum. The search
 * state (psum, lo, mid, hi) is rounded to float32 as in umap-learn's numba kernel.
 */
export function smoothKnnDist(
  knn: KnnResult,
  localConnectivity = 1,
): { sigmas: Float32Array; rhos: Float32Array } {
  const { n, k, distances } = knn;
  const target = Math.log2(k);
  const sigmas = new Float32Array(n);
  const rhos = new Float32Array(n);

  // Mean of the whole n×k matrix, self zeros included: the sigma floor for rows with rho = 0.
  let total = 0;
  for (let p = 0; p < n * k; p++) total += distances[p];
  const meanDistance = n * k > 0 ? total / (n * k) : 0;

  const whole = Math.floor(localConnectivity);
  const fraction = localConnectivity - whole;
  for (let i = 0; i < n; i++) {
    const row = i * k;

    // rho: the `whole`-th strictly positive distance (they are sorted), interpolated toward the next.
    let positives = 0;
    let largestPositive = 0;
    for (let j = 0; j < k; j++) {
      if (distances[row + j] > 0) {
        positives++;
        largestPositive = Math.max(largestPositive, distances[row + j]);
      }
    }
    let rho = 0;
    if (positives >= localConnectivity) {
      if (whole > 0) {
        rho = nthPositive(distances, row, k, whole - 1);
        if (fraction > SMOOTH_K_TOLERANCE) {
          rho = f32(rho + fraction * (nthPositive(distances, row, k, whole) - rho));
        }
      } else {
        rho = f32(fraction * nthPositive(distances, row, k, 0));
      }
    } else if (positives > 0) {
      rho = largestPositive;
    }
    rhos[i] = rho;

    // Bisection on sigma (doubling until bracketed) for Σ_{j≥1} exp(−max(0, d_ij − rho)/sigma) = log2 k.
    let lo = 0;
    let hi = Number.POSITIVE_INFINITY;
    let mid = 1;
    for (let step = 0; step < SIGMA_SEARCH_STEPS; step++) {
      let psum = 0;
      for (let j = 1; j < k; j++) {
        const excess = f32(distances[row + j] - rho);
        psum = f32(psum + (excess > 0 ? f32(Math.exp(-f32(excess / mid))) : 1));
      }
      if (Math.abs(psum - target) < SMOOTH_K_TOLERANCE) break;
      if (psum > target) {
        hi = mid;
        mid = f32((lo + hi) / 2);
      } else {
        lo = mid;
        mid = hi === Number.POSITIVE_INFINITY ? f32(mid * 2) : f32((lo + hi) / 2);
      }
    }

    // Keep sigma away from 0 relative to the data's scale.
    let sigma = mid;
    if (rho > 0) {
      let rowTotal = 0;
      for (let j = 0; j < k; j++) rowTotal += distances[row + j];
      sigma = Math.max(sigma, MIN_K_DIST_SCALE * (rowTotal / k));
    } else {
      sigma = Math.max(sigma, MIN_K_DIST_SCALE * meanDistance);
    }
    sigmas[i] = sigma;
  }
  return { sigmas, rhos };
}

/** The `rank`-th (0-based) strictly positive distance of a row. */
function nthPositive(distances: Float32Array, row: number, k: number, rank: number): number {
  let seen = 0;
  for (let j = 0; j < k; j++) {
    if (distances[row + j] > 0) {
      if (seen === rank) return distances[row + j];
      seen++;
    }
  }
  return 0;
}

/**
 * The directed membership graph P, row i = μ_{i→·} (paper eq. 1, docs/algorithm.md §1.4), in float32:
 * exp(−(d − rho_i)/sigma_i), or 1 when d ≤ rho_i or sigma_i = 0. Self entries and neighbours with
 * index −1 are left out, as are memberships that underflow to 0 (umap-learn's `eliminate_zeros`).
 */
export function membershipStrengths(knn: KnnResult, sigmas: Float32Array, rhos: Float32Array): Graph {
  const { n, k, indices, distances } = knn;
  const rows = new Int32Array(n * k);
  const cols = new Int32Array(n * k);
  const values = new Float32Array(n * k);
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const neighbour = indices[i * k + j];
      if (neighbour < 0 || neighbour === i) continue;
      const excess = f32(distances[i * k + j] - rhos[i]);
      rows[count] = i;
      cols[count] = neighbour;
      values[count] = excess <= 0 || sigmas[i] === 0 ? 1 : f32(Math.exp(-f32(excess / sigmas[i])));
      count++;
    }
  }
  return graphFromCoo(n, rows, cols, values, count);
}

/**
 * μ = fuzzy union of the directed memberships, W = P + Pᵀ − P∘Pᵀ (paper eq. 3, docs/algorithm.md §1.5,
 * set_op_mix_ratio = 1), each operation rounded to float32 like scipy's float32 sparse arithmetic.
 * Symmetric, both directions stored, no self-loops, columns ascending within each row.
 */
export function fuzzySimplicialSet(knn: KnnResult): Graph {
  const { sigmas, rhos } = smoothKnnDist(knn);
  const directed = membershipStrengths(knn, sigmas, rhos);
  const transposed = transposeGraph(directed);
  const { n } = directed;
  const capacity = 2 * directed.rowPtr[n];
  const rowPtr = new Int32Array(n + 1);
  const cols = new Int32Array(capacity);
  const values = new Float32Array(capacity);
  let out = 0;
  for (let i = 0; i < n; i++) {
    // Merge two rows with ascending columns; a column missing from one side counts as 0 there.
    let p = directed.rowPtr[i];
    const pEnd = directed.rowPtr[i + 1];
    let q = transposed.rowPtr[i];
    const qEnd = transposed.rowPtr[i + 1];
    while (p < pEnd || q < qEnd) {
      const colP = p < pEnd ? directed.cols[p] : n;
      const colQ = q < qEnd ? transposed.cols[q] : n;
      const col = Math.min(colP, colQ);
      const forward = colP === col ? directed.values[p++] : 0;
      const backward = colQ === col ? transposed.values[q++] : 0;
      const union = f32(f32(forward + backward) - f32(forward * backward));
      if (union !== 0) {
        cols[out] = col;
        values[out] = union;
        out++;
      }
    }
    rowPtr[i + 1] = out;
  }
  return { n, rowPtr, cols: cols.slice(0, out), values: values.slice(0, out) };
}
