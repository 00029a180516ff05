/**
 * The numbers printed under each panel of a parameter sweep, in one call: 10-NN recall, 10-NN class
 * accuracy, distance correlation and ring thickness, each left out where it does not apply.
 */
import { nearestNeighbors } from '../neighbors/knn';
import type { Dataset, KnnResult, Metric } from '../types';
import { classKnnAccuracyFromNeighbors } from './classAccuracy';
import { distanceCorrelation, ringThickness } from './metrics';
import { neighborSetRecall } from './neighborRecall';

/** Neighbours per point for recall and class accuracy. */
export const SWEEP_METRICS_K = 10;
/** Random pairs for the distance correlation: ~10–40 ms at any n up to 784-D. */
export const SWEEP_DISTANCE_PAIRS = 10_000;

export interface SweepMetricsInput {
  dataset: Dataset;
  /** n×2 layout, interleaved x, y. */
  embedding: Float32Array;
  /** Class of every point; defaults to `dataset.labels`. */
  labels?: Int32Array | ArrayLike<number>;
  /** Also measure the layout's ring thickness (ring datasets). */
  isRing?: boolean;
  /** Seeds the distance correlation's random pairs. */
  seed: number;
  /** Distance in the data for recall and distance correlation; default 'euclidean'. */
  metric?: Metric;
  /**
   * The data's kNN, each point in column 0, at least 11 columns (`SWEEP_METRICS_K` + 1) and in
   * `metric`, e.g. the engine's graph kNN. Saves the data-space search, which dominates for wide
   * data (~4.5 s for 784-D at n = 10 000, ~0.35 s for 50-D, ~0.15 s for 2-D).
   */
  highKnn?: KnnResult;
}

/** Plain data; a measure that does not apply is absent. */
export interface SweepMetrics {
  /** `knnRecall(dataset, embedding, 10, metric)`: share of the 10 data neighbours kept in 2-D. */
  knnRecall10?: number;
  /** `classKnnAccuracy(embedding, labels, 10)`: leave-one-out 10-NN vote accuracy. */
  classAccuracy10?: number;
  /** Spearman ρ between data and layout distances over 10 000 random pairs (`distanceCorrelation`). */
  distanceCorrelation?: number;
  /** `ringThickness(embedding)`: std of the radius around its angle bin's mean / mean radius. */
  ringThickness?: number;
}

/**
 * All sweep-panel measures of one layout.
 *
 * - knnRecall10 = (1/(10n))·Σ_i |N₁₀^data(i) ∩ N₁₀^layout(i)|, needs n ≥ 12 (10 neighbours plus the
 *   point, and `nearestNeighbors` wants fewer columns than points). Identical to
 *   `knnRecall(dataset, embedding, 10, metric)`; with `highKnn` the data neighbours are the given ones.
 * - classAccuracy10 = (1/n)·Σ_i [majority class of N₁₀^layout(i) = y_i], ties to the nearest tied
 *   neighbour; needs n ≥ 12 and at least two distinct labels (one class would always score 1).
 * - distanceCorrelation = Spearman ρ of (d_data(i, j), ‖e_i − e_j‖) over 10 000 pairs i ≠ j drawn from
 *   createRng(seed); Spearman because UMAP bends distances monotonically rather than linearly. Needs
 *   n ≥ 2.
 * - ringThickness when `isRing`.
 *
 * The layout's 10-NN are searched once and shared by recall and accuracy (exact below 4096 points,
 * NN-descent with seed 0 above, as in `knnRecall`). A value that comes out non-finite (a layout
 * collapsed to one point has no defined correlation or thickness) is left out too.
 */
export function sweepMetrics({
  dataset,
  embedding,
  labels = dataset.labels,
  isRing = false,
  seed,
  metric = 'euclidean',
  highKnn,
}: SweepMetricsInput): SweepMetrics {
  const { n } = dataset;
  const k = SWEEP_METRICS_K;
  if (embedding.length !== 2 * n)
    throw new Error(`embedding has ${embedding.length} values, expected ${n}×2`);
  if (labels && labels.length !== n) throw new Error(`${labels.length} labels for ${n} points`);
  if (highKnn && (highKnn.n !== n || highKnn.k < k + 1)) {
    throw new Error(
      `highKnn must cover the ${n} points with at least ${k + 1} columns; it has ${highKnn.n}×${highKnn.k}`,
    );
  }

  const result: SweepMetrics = {};
  if (n >= k + 2) {
    const low = nearestNeighbors({ name: 'embedding', n, dim: 2, points: embedding }, k + 1);
    const high = highKnn ?? nearestNeighbors(dataset, k + 1, metric);
    setFinite(result, 'knnRecall10', neighborSetRecall(high, low, k));
    if (labels && hasTwoClasses(labels)) {
      setFinite(result, 'classAccuracy10', classKnnAccuracyFromNeighbors(low, labels, k));
    }
  }
  if (n >= 2) {
    const { spearman } = distanceCorrelation(dataset, embedding, {
      samples: SWEEP_DISTANCE_PAIRS,
      seed,
      metric,
    });
    setFinite(result, 'distanceCorrelation', spearman);
  }
  if (isRing && n >= 1) setFinite(result, 'ringThickness', ringThickness(embedding));
  return result;
}

function setFinite(result: SweepMetrics, key: keyof SweepMetrics, value: number): void {
  if (Number.isFinite(value)) result[key] = value;
}

function hasTwoClasses(labels: ArrayLike<number>): boolean {
  for (let i = 1; i < labels.length; i++) if (labels[i] !== labels[0]) return true;
  return false;
}
