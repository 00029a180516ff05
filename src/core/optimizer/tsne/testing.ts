/**
 * Test-only problems and measures for the t-SNE tests, built from the core's own stages: Gaussian
 * blobs → exact kNN → fuzzy graph, random graphs and layouts, and a kNN class accuracy.
 */
import { gaussianBlobs } from '../../data';
import { fuzzySimplicialSet } from '../../graph';
import { nearestNeighbors } from '../../neighbors';
import { createGaussian, createRng } from '../../random';
import type { Dataset, Graph } from '../../types';

export interface BlobsProblem {
  dataset: Dataset;
  labels: Int32Array;
  graph: Graph;
}

/** `centers` well-separated 10-D blobs of n points, their 15-NN fuzzy graph (self included in k). */
export function blobsProblem(n: number, centers: number, seed = 1): BlobsProblem {
  const dataset = gaussianBlobs({ n, dim: 10, centers, seed });
  const graph = fuzzySimplicialSet(nearestNeighbors(dataset, 15));
  return { dataset, labels: dataset.labels as Int32Array, graph };
}

/**
 * A symmetric random graph on n points: every pair an edge with probability `density`, weight
 * uniform in (0.05, 1]; both directions stored, columns sorted. When `asymmetric`, the (j, i)
 * weight is drawn independently of (i, j).
 */
export function randomGraph(n: number, density: number, seed: number, asymmetric = false): Graph {
  const rng = createRng(seed);
  const weights = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (rng.next() >= density) continue;
      weights[i * n + j] = 0.05 + 0.95 * (1 - rng.next());
      weights[j * n + i] = asymmetric ? 0.05 + 0.95 * (1 - rng.next()) : weights[i * n + j];
    }
  }
  const rowPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (weights[i * n + j] === 0) continue;
      cols.push(j);
      values.push(weights[i * n + j]);
    }
    rowPtr[i + 1] = cols.length;
  }
  return { n, rowPtr, cols: Int32Array.from(cols), values: Float32Array.from(values) };
}

/** n×2 float64 layout, N(0, scale²) per coordinate. */
export function gaussianLayout(n: number, scale: number, seed: number): Float64Array {
  const gaussian = createGaussian(createRng(seed));
  const layout = new Float64Array(2 * n);
  for (let k = 0; k < layout.length; k++) layout[k] = scale * gaussian();
  return layout;
}

/** Fraction of points whose label is the majority label of their k nearest others in the layout. */
export function knnClassAccuracy(layout: ArrayLike<number>, labels: Int32Array, k = 10): number {
  const n = labels.length;
  const d2 = new Float64Array(n);
  const index = new Int32Array(n);
  let correct = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      d2[j] =
        j === i
          ? Number.POSITIVE_INFINITY
          : (layout[2 * i] - layout[2 * j]) ** 2 + (layout[2 * i + 1] - layout[2 * j + 1]) ** 2;
      index[j] = j;
    }
    index.sort((a, b) => d2[a] - d2[b]);
    const votes = new Map<number, number>();
    for (let r = 0; r < k; r++) votes.set(labels[index[r]], (votes.get(labels[index[r]]) ?? 0) + 1);
    let best = -1;
    let bestVotes = -1;
    for (const [label, count] of votes) {
      if (count > bestVotes) {
        best = label;
        bestVotes = count;
      }
    }
    if (best === labels[i]) correct++;
  }
  return correct / n;
}

/** Root-mean-square distance of the points from their centroid, overall and within each class. */
export function layoutSpread(
  layout: ArrayLike<number>,
  labels: Int32Array,
): { total: number; withinClass: number } {
  const n = labels.length;
  const classes = Math.max(...labels) + 1;
  const sums = new Float64Array(2 * classes);
  const counts = new Float64Array(classes);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += layout[2 * i] / n;
    my += layout[2 * i + 1] / n;
    sums[2 * labels[i]] += layout[2 * i];
    sums[2 * labels[i] + 1] += layout[2 * i + 1];
    counts[labels[i]]++;
  }
  let total = 0;
  let within = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    total += (layout[2 * i] - mx) ** 2 + (layout[2 * i + 1] - my) ** 2;
    within +=
      (layout[2 * i] - sums[2 * c] / counts[c]) ** 2 + (layout[2 * i + 1] - sums[2 * c + 1] / counts[c]) ** 2;
  }
  return { total: Math.sqrt(total / n), withinClass: Math.sqrt(within / n) };
}

/** ‖a − b‖ / ‖b‖ over all coordinates. */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let norm = 0;
  for (let k = 0; k < b.length; k++) {
    diff += (a[k] - b[k]) ** 2;
    norm += b[k] ** 2;
  }
  return Math.sqrt(diff / norm);
}
