import { APPROXIMATE_KNN_MIN_POINTS } from '../core/neighbors';
import type { ExplorerConfig } from './config';
import { datasetDimensions } from './parameters';
import { knnWidth } from './pipeline';

/**
 * A rough forecast of a run's time and memory, for the confirmation asked before a run larger than
 * the menus offer. Calibrated on this project's measurements (README, "Performance": one thread,
 * 2 vCPU); it is meant to be right within a factor of two, which is what a person deciding needs.
 */
export interface RunEstimate {
  seconds: number;
  megabytes: number;
}

/** Exact kNN, O(n²·d): 4 000 points × 784 dimensions in 4.4 s. */
const EXACT_KNN = { n: 4000, dim: 784, seconds: 4.4 };
/** NN-descent, ~O(n·log n·width·d): 70 000 × 50-D at width 30 in 7 s. */
const NN_DESCENT = { n: 70_000, dim: 50, width: 30, seconds: 7 };
/** Spectral init and the graph together: ~1.5 s per 70 000 points. */
const GRAPH_AND_INIT_SECONDS_PER_POINT = 1.5 / 70_000;
/** SGD with the loss tracked every epoch (WASM, one thread): ~20 M updates (edge + negative samples) a second. */
const SGD_UPDATES_PER_SECOND = 20e6;
/** Mean degree over log₂ k: the paper ring's graph has d̄ = 5.83 at k = 15 (log₂ 15 = 3.91). */
const DEGREE_PER_LOG2_K = 5.83 / Math.log2(15);

/** The exact kNN search's time for n points of `dim` dimensions, scaled from the measured one. */
export function exactKnnSeconds(n: number, dim: number): number {
  return EXACT_KNN.seconds * (n / EXACT_KNN.n) ** 2 * (dim / EXACT_KNN.dim);
}

export function estimateRun(
  config: ExplorerConfig,
  dim = datasetDimensions[config.dataset] ?? 2,
): RunEstimate {
  const { n, k, m, epochs } = config;
  const width = knnWidth(n, k);
  const distanceCost = (d: number) => 1 + d / 8; // per-pair overhead dominates for low d
  const knnSeconds =
    n < APPROXIMATE_KNN_MIN_POINTS
      ? exactKnnSeconds(n, dim)
      : NN_DESCENT.seconds *
        ((n * Math.log2(n)) / (NN_DESCENT.n * Math.log2(NN_DESCENT.n))) *
        (width / NN_DESCENT.width) *
        (distanceCost(dim) / distanceCost(NN_DESCENT.dim));
  // Eq. 8: each edge is sampled μ_ij times an epoch, with m negative samples each: Σ μ = n·d̄.
  const updatesPerEpoch = n * DEGREE_PER_LOG2_K * Math.log2(k) * (1 + m);
  const sgdSeconds = (epochs * updatesPerEpoch) / SGD_UPDATES_PER_SECOND;
  const seconds = knnSeconds + n * GRAPH_AND_INIT_SECONDS_PER_POINT + sgdSeconds;

  const bytes =
    n * dim * 4 + // points, float32
    n * width * 8 + // kNN indices and distances
    2 * n * k * 12 * 2 + // the symmetric graph (CSR), and the pruned copy
    n * 2 * 4 * 6; // layouts: initial, running, frames in flight
  return { seconds, megabytes: bytes / 2 ** 20 };
}
