/**
 * Exact k nearest neighbours (docs/algorithm.md §1.2, umap-learn's path for n < 4096).
 *
 * umap-learn computes the full float32 distance matrix and takes the k smallest entries of each
 * row, the point itself included. We never hold the n×n matrix: pairs are scanned in tiles and each
 * row keeps an insertion-sorted buffer of its k − 1 best non-self candidates, so memory is O(n·k).
 * Each unordered pair is evaluated once and offered to both of its rows.
 *
 * Numbers: coordinates are float32, every distance is accumulated in float64 and stored as float32
 * (like sklearn's upcast path). Rows are ordered by (float32 distance, index), so ties go to the
 * smaller index as with a stable sort. Column 0 is always the point itself at distance 0; exact
 * duplicates of it follow at distance 0.
 *
 * Cosine distance is umap-learn's `cosine`: 1 − x·y/√(|x|²|y|²); two zero vectors are at distance 0,
 * a zero vector and a non-zero one at distance 1 (sklearn would say 1 for both). Values are clamped
 * at 0 because rounding can make parallel vectors slightly negative.
 */
import { CancelledError, type ProgressCallback } from '../cancel';
import { UserError } from '../errors';
import type { Dataset, KnnResult, Metric } from '../types';
import { withSelfColumn } from './neighbourHeap';
import { nnDescent } from './nnDescent';
import {
  cosineFromDot,
  dot,
  dots2x4,
  squaredNorms as rowSquaredNorms,
  squaredDistance,
} from './vectorDistance';

/**
 * From this many points on, `nearestNeighbors` switches to NN-descent, like umap-learn
 * (docs/algorithm.md §1.2).
 */
export const APPROXIMATE_KNN_MIN_POINTS = 4096;

/** 'auto' is umap-learn's rule: exact below `APPROXIMATE_KNN_MIN_POINTS` points, NN-descent from there on. */
export type KnnMethod = 'auto' | 'exact' | 'nnDescent';

/** Query rows per progress block; the progress callback runs once per block. */
const QUERY_BLOCK = 32;
/** Reference rows per tile, sized so a tile of 784-D float32 rows (~200 kB) stays in L2. */
const REFERENCE_TILE = 64;
/**
 * Relative headroom between a float32 distance and squared float64 values that round to it:
 * (1 + 2⁻²⁴)² < 1 + 2⁻²², so a candidate whose float32 distance ties the current worst still passes.
 */
const FLOAT32_HEADROOM = 1 + 2 ** -22;

/**
 * The k nearest neighbours of every point, self included in column 0 (docs/algorithm.md §1.2, §4.1).
 * `onProgress(fraction)` runs after every block of rows; returning `false` cancels the scan with a
 * `CancelledError`.
 *
 * Below 4096 points (`APPROXIMATE_KNN_MIN_POINTS`) the result is exact; from there on it comes from
 * NN-descent (nnDescent.ts), approximate and seeded by `seed` (same seed, same result). `method`
 * forces either path.
 */
export function nearestNeighbors(
  ds: Dataset,
  k: number,
  metric: Metric = 'euclidean',
  onProgress?: ProgressCallback,
  seed = 0,
  method: KnnMethod = 'auto',
): KnnResult {
  validateKnnInput(ds, k, metric);
  const approximate = method === 'nnDescent' || (method === 'auto' && ds.n >= APPROXIMATE_KNN_MIN_POINTS);
  return approximate ? nnDescent(ds, k, metric, seed, onProgress) : exactNeighbors(ds, k, metric, onProgress);
}

/** Throws a `UserError` for a k the dataset cannot serve or a non-finite coordinate. */
function validateKnnInput(ds: Dataset, k: number, metric: Metric): void {
  const { n, dim, points } = ds;
  if (!Number.isInteger(k) || k < 2) {
    throw new UserError(
      `k must be a whole number of at least 2 (the point itself and one neighbour); got ${k}.`,
    );
  }
  if (k >= n) {
    throw new UserError(`k = ${k} needs at least ${k + 1} points; this dataset has ${n}.`);
  }
  if (metric !== 'euclidean' && metric !== 'cosine') throw new Error(`unknown metric: ${metric}`);
  if (points.length !== n * dim) throw new Error(`points has ${points.length} values, expected ${n}×${dim}`);
  for (let p = 0; p < points.length; p++) {
    if (!Number.isFinite(points[p])) {
      throw new UserError(`Point ${Math.floor(p / dim)} has a non-finite coordinate (${points[p]}).`);
    }
  }
}

/** The exact tiled scan described in the header, on validated input. */
function exactNeighbors(ds: Dataset, k: number, metric: Metric, onProgress?: ProgressCallback): KnnResult {
  const { n, dim, points } = ds;
  const width = k - 1;
  const best: Neighbours = {
    width,
    distances: new Float32Array(n * width).fill(Number.POSITIVE_INFINITY),
    // Index n is a sentinel that loses every tie against a real candidate.
    indices: new Int32Array(n * width).fill(n),
    // Squared-distance bound for cheap rejection: anything above it cannot enter the row.
    worstSquared: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
  };
  const squaredNorms = rowSquaredNorms(points, n, dim);
  const scan: DotScan = {
    x: points,
    dim,
    squaredNorms,
    best,
    cosine: metric === 'cosine',
    slackPerNorm: (dim + 4) * 2 ** -50,
    dots: new Float64Array(8),
  };

  const totalPairs = (n * (n - 1)) / 2;
  let donePairs = 0;
  for (let i0 = 0; i0 < n; i0 += QUERY_BLOCK) {
    const i1 = Math.min(n, i0 + QUERY_BLOCK);
    for (let j0 = i0; j0 < n; j0 += REFERENCE_TILE) {
      const j1 = Math.min(n, j0 + REFERENCE_TILE);
      if (metric === 'euclidean' && dim <= 3) scanEuclideanDirect(points, dim, best, i0, i1, j0, j1);
      else scanWithDots(scan, i0, i1, j0, j1);
    }
    for (let i = i0; i < i1; i++) donePairs += n - 1 - i;
    if (onProgress && onProgress(totalPairs === 0 ? 1 : donePairs / totalPairs) === false) {
      throw new CancelledError('Nearest-neighbour search cancelled.');
    }
  }

  return withSelfColumn(n, k, best.indices, best.distances);
}

/** Per-row buffers of the best `width` non-self candidates, sorted by (distance, index). */
interface Neighbours {
  width: number;
  distances: Float32Array;
  indices: Int32Array;
  worstSquared: Float64Array;
}

/** Everything the dot-product scans need; `dots` is scratch for the 2×4 kernel. */
interface DotScan {
  x: Float32Array;
  dim: number;
  squaredNorms: Float64Array;
  best: Neighbours;
  cosine: boolean;
  slackPerNorm: number;
  dots: Float64Array;
}

/** Insert candidate j into row `row` if it beats the row's worst entry (by distance, then index). */
function offer(best: Neighbours, row: number, j: number, distance: number): void {
  const { width, distances, indices } = best;
  const base = row * width;
  let p = base + width - 1;
  if (distance > distances[p] || (distance === distances[p] && j > indices[p])) return;
  while (p > base && (distances[p - 1] > distance || (distances[p - 1] === distance && indices[p - 1] > j))) {
    distances[p] = distances[p - 1];
    indices[p] = indices[p - 1];
    p--;
  }
  distances[p] = distance;
  indices[p] = j;
  const worst = distances[base + width - 1];
  best.worstSquared[row] = worst * worst * FLOAT32_HEADROOM;
}

/** Euclidean for dim ≤ 3: the difference loop is as cheap as a dot product here. */
function scanEuclideanDirect(
  x: Float32Array,
  dim: number,
  best: Neighbours,
  i0: number,
  i1: number,
  j0: number,
  j1: number,
): void {
  const worstSquared = best.worstSquared;
  for (let i = i0; i < i1; i++) {
    for (let j = Math.max(j0, i + 1); j < j1; j++) {
      const squared = squaredDistance(x, i * dim, j * dim, dim);
      if (squared > worstSquared[i] && squared > worstSquared[j]) continue;
      const distance = Math.fround(Math.sqrt(squared));
      offer(best, i, j, distance);
      offer(best, j, i, distance);
    }
  }
}

/** All pairs i < j with i in [i0, i1) and j in [j0, j1), two query rows by four reference rows at a time. */
function scanWithDots(scan: DotScan, i0: number, i1: number, j0: number, j1: number): void {
  const { x, dim, dots } = scan;
  let i = i0;
  for (; i + 1 < i1; i += 2) {
    let j = Math.max(j0, i + 1);
    for (; j + 3 < j1; j += 4) {
      const a = i * dim;
      const b = j * dim;
      dots2x4(x, a, a + dim, b, b + dim, b + 2 * dim, b + 3 * dim, dim, dots);
      for (let c = 0; c < 4; c++) {
        considerPair(scan, i, j + c, dots[c]);
        if (j + c > i + 1) considerPair(scan, i + 1, j + c, dots[4 + c]);
      }
    }
    for (; j < j1; j++) {
      considerPair(scan, i, j, dot(x, i * dim, j * dim, dim));
      if (j > i + 1) considerPair(scan, i + 1, j, dot(x, (i + 1) * dim, j * dim, dim));
    }
  }
  if (i < i1) {
    for (let j = Math.max(j0, i + 1); j < j1; j++) considerPair(scan, i, j, dot(x, i * dim, j * dim, dim));
  }
}

/**
 * Offer the pair (i, j), i ≠ j, to both rows given x_i·x_j.
 *
 * Cosine: the distance follows directly from the dot product.
 * Euclidean: |x|² + |y|² − 2x·y only screens; a pair that may enter a row is recomputed by
 * differences, so the stored value does not carry the expansion's cancellation error. The screen
 * subtracts a bound on that error (float64 dot products of length dim are off by at most
 * ≈ dim·2⁻⁵³·(|x|² + |y|²); we allow 4× more), so no true neighbour is ever rejected.
 */
function considerPair(scan: DotScan, i: number, j: number, dotIJ: number): void {
  const { squaredNorms, best } = scan;
  const normI = squaredNorms[i];
  const normJ = squaredNorms[j];
  let distance: number;
  if (scan.cosine) {
    distance = cosineFromDot(dotIJ, normI, normJ);
  } else {
    const lowerBound = normI + normJ - 2 * dotIJ - scan.slackPerNorm * (normI + normJ);
    if (lowerBound > best.worstSquared[i] && lowerBound > best.worstSquared[j]) return;
    distance = Math.fround(Math.sqrt(squaredDistance(scan.x, i * scan.dim, j * scan.dim, scan.dim)));
  }
  offer(best, i, j, distance);
  offer(best, j, i, distance);
}

/**
 * The first k columns of a kNN result computed for a larger k. Rows are sorted by (distance, index),
 * so for the exact path this equals `nearestNeighbors(ds, k)`; for NN-descent it is the k best of
 * the wider search, at least as accurate as a search at k. The engine slices instead of recomputing.
 */
export function sliceKnn(knn: KnnResult, k: number): KnnResult {
  if (!Number.isInteger(k) || k < 2 || k > knn.k) {
    throw new UserError(`k must be a whole number from 2 to ${knn.k}; got ${k}.`);
  }
  if (k === knn.k) return knn;
  const indices = new Int32Array(knn.n * k);
  const distances = new Float32Array(knn.n * k);
  for (let i = 0; i < knn.n; i++) {
    indices.set(knn.indices.subarray(i * knn.k, i * knn.k + k), i * k);
    distances.set(knn.distances.subarray(i * knn.k, i * knn.k + k), i * k);
  }
  return { n: knn.n, k, indices, distances };
}
