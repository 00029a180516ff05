/**
 * Spectral layout of a graph with several connected components (docs/algorithm.md §1.9, umap-learn's
 * multi-component layout). Each component is embedded on its own, scaled to half the smallest
 * distance between component positions and moved to its position, so the pieces cannot overlap:
 *
 * - positions: with more than 2·dim components, a spectral embedding of the component centroids
 *   (affinity exp(−‖c_a − c_b‖²)), scaled to max |coordinate| 1; otherwise the corners
 *   e_1, e_2, …, −e_1, −e_2, … in that order;
 * - components of fewer than 2·dim points, or of at most dim + 1, are placed uniformly at random in
 *   their box, as is any component whose eigensolver did not converge.
 */
import { CancelledError, type ProgressCallback } from '../cancel';
import { createRng } from '../random';
import type { Dataset, Graph } from '../types';
import { type Components, connectedComponents, inducedSubgraph } from './components';
import { spectralEmbedding } from './spectral';

export interface MultiComponentOptions {
  seed: number;
  tolerance?: number;
  maxMatVecs?: number;
  onProgress?: ProgressCallback;
}

export interface MultiComponentLayout {
  /** n×dim row-major, not yet scaled to the final box. */
  layout: Float64Array;
  /** What did not go as umap-learn would have it (empty when everything converged). */
  notes: string[];
  matVecs: number;
}

/** Beyond this many components the centroid affinity matrix (c² entries) is not built. */
const MAX_META_COMPONENTS = 3000;

export function multiComponentLayout(
  ds: Dataset,
  g: Graph,
  components: Components,
  dim: number,
  options: MultiComponentOptions,
): MultiComponentLayout {
  const { seed, tolerance, maxMatVecs, onProgress } = options;
  const streams = createRng(seed);
  const metaSeed = streams.nextUint32();
  const boxRng = createRng(streams.nextUint32());
  const notes: string[] = [];
  let matVecs = 0;

  const meta =
    components.count > 2 * dim
      ? centroidLayout(ds, components, dim, metaSeed, notes)
      : cornerLayout(components.count, dim);
  // Half the smallest distance between two component positions: the half-width of every box.
  let smallest = Number.POSITIVE_INFINITY;
  for (let a = 0; a < components.count; a++) {
    for (let b = a + 1; b < components.count; b++) {
      let squared = 0;
      for (let d = 0; d < dim; d++) squared += (meta[a * dim + d] - meta[b * dim + d]) ** 2;
      if (squared > 0 && squared < smallest) smallest = squared;
    }
  }
  const halfWidth = Number.isFinite(smallest) ? Math.sqrt(smallest) / 2 : 1;

  const layout = new Float64Array(g.n * dim);
  let placed = 0;
  for (let c = 0; c < components.count; c++) {
    const members = components.members.subarray(components.offsets[c], components.offsets[c + 1]);
    const size = members.length;
    let embedding: Float64Array | undefined;
    if (size >= 2 * dim && size > dim + 1) {
      const done = placed;
      const result = spectralEmbedding(inducedSubgraph(g, members), dim, {
        seed: metaSeed + c + 1,
        tolerance,
        maxMatVecs,
        onProgress: onProgress && ((fraction) => onProgress((done + fraction * size) / g.n)),
      });
      matVecs += result.matVecs;
      if (result.converged) embedding = result.embedding;
      else notes.push(`component ${c} (${size} points) did not converge; placed at random in its box`);
    }
    if (embedding) {
      let largest = 0;
      for (let p = 0; p < embedding.length; p++) largest = Math.max(largest, Math.abs(embedding[p]));
      const expansion = largest > 0 ? halfWidth / largest : 0;
      for (let v = 0; v < size; v++) {
        for (let d = 0; d < dim; d++) {
          layout[members[v] * dim + d] = embedding[v * dim + d] * expansion + meta[c * dim + d];
        }
      }
    } else {
      for (let v = 0; v < size; v++) {
        for (let d = 0; d < dim; d++) {
          layout[members[v] * dim + d] = halfWidth * (2 * boxRng.next() - 1) + meta[c * dim + d];
        }
      }
    }
    placed += size;
    if (onProgress && onProgress(placed / g.n) === false) {
      throw new CancelledError('Spectral initialisation cancelled.');
    }
  }
  return { layout, notes, matVecs };
}

/** e_1, …, e_dim, −e_1, …, −e_dim, the first `count` of them (count ≤ 2·dim). */
function cornerLayout(count: number, dim: number): Float64Array {
  const meta = new Float64Array(count * dim);
  for (let c = 0; c < count; c++) meta[c * dim + (c % dim)] = c < dim ? 1 : -1;
  return meta;
}

/**
 * Component positions from a spectral embedding of the centroids (in data space, Euclidean) with
 * affinity exp(−d²), as umap-learn; sklearn's embedding divides the eigenvectors by √degree, so we
 * do too. When that affinity graph falls apart (exp(−d²) underflows even in float64 for d² > 745,
 * common for real data), the distances are divided by a third of the largest one, which keeps every
 * affinity above e^−9; umap-learn hands sklearn the disconnected graph instead. Random positions
 * if the solver fails.
 */
function centroidLayout(ds: Dataset, components: Components, dim: number, seed: number, notes: string[]) {
  const count = components.count;
  const random = (): Float64Array => {
    const rng = createRng(seed);
    const meta = new Float64Array(count * dim);
    for (let p = 0; p < meta.length; p++) meta[p] = 2 * rng.next() - 1;
    return meta;
  };
  if (count > MAX_META_COMPONENTS) {
    notes.push(`${count} components are too many for a spectral layout of their centroids; placed at random`);
    return random();
  }
  const centroids = new Float64Array(count * ds.dim);
  for (let i = 0; i < ds.n; i++) {
    const c = components.labels[i];
    for (let d = 0; d < ds.dim; d++) centroids[c * ds.dim + d] += ds.points[i * ds.dim + d];
  }
  for (let c = 0; c < count; c++) {
    for (let d = 0; d < ds.dim; d++) centroids[c * ds.dim + d] /= components.sizes[c];
  }
  const squared = new Float64Array(count * count);
  let largest = 0;
  for (let a = 0; a < count; a++) {
    for (let b = 0; b < count; b++) {
      let sum = 0;
      for (let d = 0; d < ds.dim; d++) sum += (centroids[a * ds.dim + d] - centroids[b * ds.dim + d]) ** 2;
      squared[a * count + b] = sum;
      largest = Math.max(largest, sum);
    }
  }
  let affinity = centroidGraph(squared, count, 1);
  if (!affinity) {
    notes.push('component centroids are far apart: their affinities use d/(max d/3) instead of d');
    affinity = centroidGraph(squared, count, 9 / largest);
  }
  if (!affinity) return random();
  const result = spectralEmbedding(affinity, dim, { seed });
  if (!result.converged) {
    notes.push('the spectral layout of the component centroids did not converge; placed them at random');
    return random();
  }
  const meta = result.embedding;
  let scale = 0;
  for (let c = 0; c < count; c++) {
    let degree = 0;
    for (let p = affinity.rowPtr[c]; p < affinity.rowPtr[c + 1]; p++) degree += affinity.values[p];
    for (let d = 0; d < dim; d++) {
      meta[c * dim + d] /= Math.sqrt(degree);
      scale = Math.max(scale, Math.abs(meta[c * dim + d]));
    }
  }
  for (let p = 0; p < meta.length; p++) meta[p] /= scale;
  return meta;
}

/**
 * Dense CSR of exp(−factor·(d² − d²_min)) without the diagonal, undefined if it is not connected.
 * Dividing every affinity by exp(−factor·d²_min) leaves the normalised Laplacian, and so the
 * embedding, unchanged, and keeps the nearest pairs from underflowing in float32 (exp(−d²) is 0 in
 * float32 beyond d ≈ 10, the spacing of the paper's 20 rings is 12).
 */
function centroidGraph(squared: Float64Array, count: number, factor: number): Graph | undefined {
  let nearest = Number.POSITIVE_INFINITY;
  for (let a = 0; a < count; a++) {
    for (let b = 0; b < count; b++) if (a !== b) nearest = Math.min(nearest, squared[a * count + b]);
  }
  const rowPtr = new Int32Array(count + 1);
  const cols = new Int32Array(count * (count - 1));
  const values = new Float32Array(count * (count - 1));
  let out = 0;
  for (let a = 0; a < count; a++) {
    for (let b = 0; b < count; b++) {
      const value = Math.fround(Math.exp(-factor * (squared[a * count + b] - nearest)));
      if (a === b || value === 0) continue;
      cols[out] = b;
      values[out] = value;
      out++;
    }
    rowPtr[a + 1] = out;
  }
  const g: Graph = { n: count, rowPtr, cols: cols.slice(0, out), values: values.slice(0, out) };
  return connectedComponents(g).count === 1 ? g : undefined;
}
