/**
 * Embedding quality measures: the ring's thickness (Fig. 1b; the "width" numbers of
 * umap_learn_reference.json) and the Appendix G measures (docs/algorithm.md §3.8): kNN recall and the
 * correlation of input and embedding distances.
 */
import { UserError } from '../errors';
import { nearestNeighbors } from '../neighbors/knn';
import { createRng } from '../random';
import type { Dataset, Metric } from '../types';

/** Angle bins of `ringThickness`. */
const RING_ANGLE_BINS = 36;

/** Centroid, then each point's distance to it and its angle in [−π, π]. */
function polar(points2d: Float32Array): { radii: Float64Array; angles: Float64Array } {
  const n = points2d.length / 2;
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`expected n×2 coordinates, got ${points2d.length} values`);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < n; i++) {
    cx += points2d[2 * i];
    cy += points2d[2 * i + 1];
  }
  cx /= n;
  cy /= n;
  const radii = new Float64Array(n);
  const angles = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const dx = points2d[2 * i] - cx;
    const dy = points2d[2 * i + 1] - cy;
    radii[i] = Math.hypot(dx, dy);
    angles[i] = Math.atan2(dy, dx);
  }
  return { radii, angles };
}

function mean(xs: Float64Array): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Population standard deviation (numpy's default, ddof = 0). */
function std(xs: Float64Array): number {
  const m = mean(xs);
  let sum = 0;
  for (const x of xs) sum += (x - m) ** 2;
  return Math.sqrt(sum / xs.length);
}

/**
 * Thickness of a ring-shaped 2-D layout relative to its size: around the centroid, split the points
 * into 36 equal angle bins over [−π, π), subtract from each point's radius the mean radius of its
 * bin, and divide the population std of these residuals by the mean radius of all points. Unlike
 * `radialSpread`, a ring that is round but torn or squashed into an ellipse is not counted as
 * thick. Reproduces umap_learn_reference.json's `width_local` (0.0612 for the seed-3 input ring).
 */
export function ringThickness(points2d: Float32Array): number {
  const { radii, angles } = polar(points2d);
  const n = radii.length;
  const bins = new Int32Array(n);
  const binSums = new Float64Array(RING_ANGLE_BINS);
  const binCounts = new Float64Array(RING_ANGLE_BINS);
  for (let i = 0; i < n; i++) {
    // atan2 gives exactly π on the negative x-axis; that point joins the last bin.
    const bin = Math.min(
      RING_ANGLE_BINS - 1,
      Math.floor(((angles[i] + Math.PI) / (2 * Math.PI)) * RING_ANGLE_BINS),
    );
    bins[i] = bin;
    binSums[bin] += radii[i];
    binCounts[bin]++;
  }
  const residuals = new Float64Array(n);
  for (let i = 0; i < n; i++) residuals[i] = radii[i] - binSums[bins[i]] / binCounts[bins[i]];
  return std(residuals) / mean(radii);
}

/** Smallest angular gap `ringArcs` counts as a tear: 10°, 2π/36 (one bin of `ringThickness`). */
const MIN_TEAR_ANGLE = (2 * Math.PI) / 36;

/**
 * The widest gap n angles scattered independently and uniformly around the circle leave with
 * probability at most 10⁻³: the g with n·(1 − g/2π)^(n−1) = 10⁻³ (a union bound on the n gaps).
 * About 4.9° for n = 1000, 12.6° for 360 points and 71° for 50 (one ring of 'rings' at n = 1000).
 */
function chanceGap(n: number): number {
  if (n < 2) return 2 * Math.PI;
  return 2 * Math.PI * (1 - (1e-3 / n) ** (1 / (n - 1)));
}

/**
 * Number of arcs a ring-shaped 2-D layout is torn into: sort the points by angle around their
 * centroid and count the gaps between angularly consecutive points (the wrap-around one included)
 * that are wider than both 10° (2π/36) and `chanceGap(n)`, the widest gap uniformly scattered
 * angles leave with probability 10⁻³. No such gap: 1 (an intact ring); k ≥ 1 gaps: k arcs — so a
 * ring opened at one place (a "C") also counts 1.
 *
 * Why this threshold: an intact embedded ring spreads its points over all angles about as evenly
 * as the input ring (angles 2πi/n jittered by at most noise/radius = 0.125 rad), and never less
 * evenly than independent uniform angles, whose widest gap `chanceGap` bounds; the 10° floor keeps
 * large rings from counting the small holes of a thinned ring. A real tear is wider than both. The
 * paper's input rings have their widest gaps far below the threshold: 2.6° for n = 1000 (seed 3,
 * threshold 10°), at most 18° over the 20 rings of 50 points (threshold 71°, so with so few points
 * only a tear wider than 71° can be told from chance).
 */
export function ringArcs(points2d: Float32Array): number {
  const { angles } = polar(points2d);
  const n = angles.length;
  if (n < 2) return 1;
  angles.sort();
  const threshold = Math.max(MIN_TEAR_ANGLE, chanceGap(n));
  let gaps = 2 * Math.PI - (angles[n - 1] - angles[0]) > threshold ? 1 : 0;
  for (let i = 1; i < n; i++) if (angles[i] - angles[i - 1] > threshold) gaps++;
  return Math.max(1, gaps);
}

/** std/mean of the distances to the centroid: `width` in umap_learn_reference.json. */
export function radialSpread(points2d: Float32Array): number {
  const { radii } = polar(points2d);
  return std(radii) / mean(radii);
}

/**
 * App. G kNN recall: for each point, the fraction of its k exact nearest neighbours in the data
 * (`metric`, self excluded) that are also among its k Euclidean nearest neighbours in the
 * embedding, averaged over all points. Ties are broken by index, as in `nearestNeighbors`.
 */
export function knnRecall(
  ds: Dataset,
  embedding: Float32Array,
  k: number,
  metric: Metric = 'euclidean',
): number {
  const { n } = ds;
  if (embedding.length !== 2 * n)
    throw new Error(`embedding has ${embedding.length} values, expected ${n}×2`);
  if (!Number.isInteger(k) || k < 1 || k > n - 2) {
    throw new UserError(
      `kNN recall with k = ${k} needs a whole k ≥ 1 and at least k + 2 points; there are ${n}.`,
    );
  }
  // k + 1 columns: column 0 is the point itself.
  const high = nearestNeighbors(ds, k + 1, metric);
  const low = nearestNeighbors({ name: 'embedding', n, dim: 2, points: embedding }, k + 1);
  const width = k + 1;
  const marks = new Int32Array(n).fill(-1);
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 1; c < width; c++) marks[high.indices[i * width + c]] = i;
    for (let c = 1; c < width; c++) if (marks[low.indices[i * width + c]] === i) hits++;
  }
  return hits / (n * k);
}

export interface DistanceCorrelationOptions {
  /** Number of random pairs. */
  samples?: number;
  seed?: number;
  /** Distance in the data; the embedding always uses Euclidean distance. */
  metric?: Metric;
}

/**
 * App. G distance correlation: Pearson and Spearman correlation between data distances and
 * embedding distances over `samples` random pairs (i, j), i ≠ j, drawn uniformly with replacement
 * from createRng(seed). The paper's notebook instead takes all pairs among 10 000 indices drawn
 * with replacement (10⁸ pairs, diagonal included); a sample of pairs estimates the same
 * correlations in O(samples) memory. Cosine distance is 1 − x·y/(|x||y|) (0 between two zero
 * vectors, 1 between a zero and a non-zero one), as in knn.ts.
 */
export function distanceCorrelation(
  ds: Dataset,
  embedding: Float32Array,
  { samples = 10_000, seed = 0, metric = 'euclidean' }: DistanceCorrelationOptions = {},
): { pearson: number; spearman: number } {
  const { n, dim, points } = ds;
  if (embedding.length !== 2 * n)
    throw new Error(`embedding has ${embedding.length} values, expected ${n}×2`);
  if (n < 2) throw new Error('distance correlation needs at least 2 points');
  if (!Number.isInteger(samples) || samples < 2)
    throw new Error(`samples must be an integer ≥ 2, got ${samples}`);
  const rng = createRng(seed);
  const dataDistances = new Float64Array(samples);
  const embeddingDistances = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    const i = rng.nextInt(n);
    let j = rng.nextInt(n - 1);
    if (j >= i) j++; // uniform over j ≠ i
    dataDistances[s] = metric === 'cosine' ? cosineDistance(points, i, j, dim) : euclidean(points, i, j, dim);
    embeddingDistances[s] = euclidean(embedding, i, j, 2);
  }
  return {
    pearson: pearsonCorrelation(dataDistances, embeddingDistances),
    spearman: spearmanCorrelation(dataDistances, embeddingDistances),
  };
}

function euclidean(x: Float32Array, i: number, j: number, dim: number): number {
  let sum = 0;
  for (let t = 0; t < dim; t++) {
    const diff = x[i * dim + t] - x[j * dim + t];
    sum += diff * diff;
  }
  return Math.sqrt(sum);
}

function cosineDistance(x: Float32Array, i: number, j: number, dim: number): number {
  let dot = 0;
  let normI = 0;
  let normJ = 0;
  for (let t = 0; t < dim; t++) {
    const u = x[i * dim + t];
    const v = x[j * dim + t];
    dot += u * v;
    normI += u * u;
    normJ += v * v;
  }
  if (normI === 0 && normJ === 0) return 0;
  if (normI === 0 || normJ === 0) return 1;
  return Math.max(0, 1 - dot / Math.sqrt(normI * normJ));
}

/** Pearson's r (NaN when either series is constant). */
export function pearsonCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const count = x.length;
  if (y.length !== count) throw new Error(`series differ in length: ${count} and ${y.length}`);
  let meanX = 0;
  let meanY = 0;
  for (let s = 0; s < count; s++) {
    meanX += x[s];
    meanY += y[s];
  }
  meanX /= count;
  meanY /= count;
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let s = 0; s < count; s++) {
    const dx = x[s] - meanX;
    const dy = y[s] - meanY;
    xy += dx * dy;
    xx += dx * dx;
    yy += dy * dy;
  }
  return xy / Math.sqrt(xx * yy);
}

/** Spearman's ρ: Pearson's r of the ranks, tied values sharing their average rank (as scipy). */
export function spearmanCorrelation(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearsonCorrelation(ranks(x), ranks(y));
}

/** 1-based ranks, ties averaged. */
function ranks(values: ArrayLike<number>): Float64Array {
  const count = values.length;
  const order = new Int32Array(count);
  for (let s = 0; s < count; s++) order[s] = s;
  order.sort((p, q) => values[p] - values[q]);
  const result = new Float64Array(count);
  let start = 0;
  while (start < count) {
    let end = start + 1;
    while (end < count && values[order[end]] === values[order[start]]) end++;
    const averageRank = (start + 1 + end) / 2; // mean of ranks start+1 … end
    for (let s = start; s < end; s++) result[order[s]] = averageRank;
    start = end;
  }
  return result;
}
