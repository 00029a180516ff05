/**
 * The initial 2-D layout (docs/algorithm.md §1.9): the input points (`data`, the paper's default),
 * uniform random, or a spectral embedding of the graph; then, for every kind, each axis min-max
 * scaled to [0, 10] in float32 as umap-learn does just before optimising.
 */
import type { ProgressCallback } from '../cancel';
import { UserError } from '../errors';
import { createGaussian, createRng } from '../random';
import type { Dataset, Graph } from '../types';
import { connectedComponents } from './components';
import { multiComponentLayout } from './multiComponent';
import { spectralEmbedding } from './spectral';

export type InitKind = 'data' | 'spectral' | 'random';

export interface InitOptions {
  /** Progress of the spectral solver; returning `false` cancels with a `CancelledError`. */
  onProgress?: ProgressCallback;
  /** Residual tolerance ‖L·v − λ·v‖ of the spectral eigenvectors. Default 1e-4. */
  tolerance?: number;
  /** Products with the graph per solve before giving up. Default 5000. */
  maxMatVecs?: number;
}

export interface InitReport {
  /** n×2 row-major, each axis scaled to [0, 10]. */
  layout: Float32Array;
  requested: InitKind;
  /** The kind actually used: `random` when spectral fell back. */
  kind: InitKind;
  fellBack: boolean;
  /** For the user: why it fell back, or what deviated from the plain method. */
  message?: string;
  /** Spectral only: connected components of the graph. */
  components?: number;
  /** Spectral, one component: λ_1, λ_2 of the normalised Laplacian and their residuals. */
  eigenvalues?: Float64Array;
  residuals?: Float64Array;
  /** Spectral: products with a graph matrix, all levels and components. */
  matVecs?: number;
}

const EMBEDDING_DIM = 2;
/** Half-width of the random layout and max |coordinate| of the spectral one (umap-learn). */
const LAYOUT_EXTENT = 10;
/** Standard deviation of the noise added to the scaled spectral layout (umap-learn HEAD). */
const SPECTRAL_NOISE = 1e-4;
/** Duplicated rows are jittered by this fraction of the mean nearest-neighbour distance. */
const DUPLICATE_JITTER = 1e-3;

/**
 * The layout of `kind`, scaled to [0, 10] per axis (docs/design.md, "Core contract"). See
 * `initialLayoutWithReport`.
 */
export function initialLayout(
  kind: InitKind,
  ds: Dataset,
  g: Graph,
  seed: number,
  onProgress?: ProgressCallback,
): Float32Array {
  return initialLayoutWithReport(kind, ds, g, seed, { onProgress }).layout;
}

/** The layout and how it was made: a spectral layout that did not converge falls back to random. */
export function initialLayoutWithReport(
  kind: InitKind,
  ds: Dataset,
  g: Graph,
  seed: number,
  options: InitOptions = {},
): InitReport {
  if (g.n !== ds.n) throw new Error(`graph has ${g.n} vertices but the dataset has ${ds.n} points`);
  if (kind === 'data') {
    const { layout, message } = dataLayout(ds, seed);
    return { layout: rescaleToBox(layout, LAYOUT_EXTENT), requested: kind, kind, fellBack: false, message };
  }
  if (kind === 'random') {
    return {
      layout: rescaleToBox(randomLayout(ds.n, seed), LAYOUT_EXTENT),
      requested: kind,
      kind,
      fellBack: false,
    };
  }
  if (kind !== 'spectral') throw new Error(`unknown init kind: ${kind}`);
  return spectralReport(ds, g, seed, options);
}

/**
 * Each axis mapped affinely onto [0, size]: x ← size·(x − min)/(max − min), every operation rounded
 * to float32 like umap-learn's numpy expression on a float32 array. An axis with max = min (where
 * umap-learn would produce NaN) is put at size/2. Returns a new array; `dim` is the row width.
 */
export function rescaleToBox(layout: Float32Array, size: number, dim = EMBEDDING_DIM): Float32Array {
  const f32 = Math.fround;
  const n = layout.length / dim;
  const out = new Float32Array(layout.length);
  for (let d = 0; d < dim; d++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      min = Math.min(min, layout[i * dim + d]);
      max = Math.max(max, layout[i * dim + d]);
    }
    const range = f32(max - min);
    for (let i = 0; i < n; i++) {
      out[i * dim + d] = range > 0 ? f32(f32(size * f32(layout[i * dim + d] - min)) / range) : size / 2;
    }
  }
  return out;
}

/** Uniform in [−10, 10] per coordinate, row-major draws from `createRng(seed)`, float32. */
export function randomLayout(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const layout = new Float32Array(n * EMBEDDING_DIM);
  for (let p = 0; p < layout.length; p++) layout[p] = LAYOUT_EXTENT * (2 * rng.next() - 1);
  return layout;
}

/**
 * The input points themselves (2-D only). If some rows are identical, every coordinate gets
 * N(0, (0.001·mean nearest-neighbour distance)²) noise, as umap-learn does, so that no two points
 * start on top of each other.
 */
export function dataLayout(ds: Dataset, seed: number): { layout: Float32Array; message?: string } {
  if (ds.dim !== EMBEDDING_DIM) {
    const unit = ds.dim === 1 ? 'dimension' : 'dimensions';
    throw new UserError(
      `data init needs 2-D data; this dataset has ${ds.dim} ${unit} — use spectral or random`,
    );
  }
  const layout = Float32Array.from(ds.points);
  const duplicates = countDuplicateRows(layout);
  if (duplicates === 0) return { layout };
  const jitter = DUPLICATE_JITTER * meanNearestNeighborDistance(layout);
  const gaussian = createGaussian(createRng(seed));
  for (let p = 0; p < layout.length; p++)
    layout[p] = Math.fround(layout[p] + Math.fround(jitter * gaussian()));
  return {
    layout,
    message: `${duplicates === 1 ? '1 duplicated point was' : `${duplicates} duplicated points were`} jittered by ${jitter.toPrecision(2)} (0.001 × mean neighbour distance)`,
  };
}

function spectralReport(ds: Dataset, g: Graph, seed: number, options: InitOptions): InitReport {
  const { onProgress, tolerance = 1e-4, maxMatVecs = 5000 } = options;
  const n = g.n;
  const streams = createRng(seed);
  const solverSeed = streams.nextUint32();
  const noiseSeed = streams.nextUint32();
  const components = connectedComponents(g);
  const fallBack = (message: string, matVecs?: number): InitReport => ({
    layout: rescaleToBox(randomLayout(n, seed), LAYOUT_EXTENT),
    requested: 'spectral',
    kind: 'random',
    fellBack: true,
    message: `${message}; used the random initialisation instead`,
    components: components.count,
    matVecs,
  });

  let embedding: Float64Array;
  let report: Partial<InitReport> = { components: components.count };
  if (components.count === 1) {
    if (n < EMBEDDING_DIM + 1)
      return fallBack(`a spectral layout needs at least 3 points; this graph has ${n}`);
    const result = spectralEmbedding(g, EMBEDDING_DIM, {
      seed: solverSeed,
      tolerance,
      maxMatVecs,
      onProgress,
    });
    if (!result.converged) {
      const residual = Math.max(...result.residuals).toExponential(1);
      return fallBack(
        `the spectral solver did not converge in ${result.matVecs} graph products (residual ${residual} > ${tolerance})`,
        result.matVecs,
      );
    }
    embedding = result.embedding;
    report = {
      ...report,
      eigenvalues: result.eigenvalues,
      residuals: result.residuals,
      matVecs: result.matVecs,
    };
  } else {
    const result = multiComponentLayout(ds, g, components, EMBEDDING_DIM, {
      seed: solverSeed,
      tolerance,
      maxMatVecs,
      onProgress,
    });
    embedding = result.layout;
    const summary = `${components.count} connected components laid out side by side`;
    report = { ...report, matVecs: result.matVecs, message: [summary, ...result.notes].join('; ') };
  }

  // Scale to max |coordinate| 10, then add N(0, 1e-4²) noise, both in float32 (umap-learn).
  let largest = 0;
  for (let p = 0; p < embedding.length; p++) largest = Math.max(largest, Math.abs(embedding[p]));
  const expansion = largest > 0 ? LAYOUT_EXTENT / largest : 1;
  const gaussian = createGaussian(createRng(noiseSeed));
  const layout = new Float32Array(n * EMBEDDING_DIM);
  for (let p = 0; p < layout.length; p++) {
    layout[p] = Math.fround(Math.fround(embedding[p] * expansion) + Math.fround(SPECTRAL_NOISE * gaussian()));
  }
  return {
    ...report,
    layout: rescaleToBox(layout, LAYOUT_EXTENT),
    requested: 'spectral',
    kind: 'spectral',
    fellBack: false,
  };
}

/** Number of rows equal to an earlier row (exact float32 equality), by sorting row indices. */
function countDuplicateRows(points: Float32Array): number {
  const n = points.length / EMBEDDING_DIM;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => points[2 * a] - points[2 * b] || points[2 * a + 1] - points[2 * b + 1],
  );
  let duplicates = 0;
  for (let r = 1; r < n; r++) {
    const a = order[r - 1];
    const b = order[r];
    if (points[2 * a] === points[2 * b] && points[2 * a + 1] === points[2 * b + 1]) duplicates++;
  }
  return duplicates;
}

/**
 * Mean distance from each 2-D point to its nearest other point (0 for a duplicated point), by a
 * sweep over the points sorted by x that stops once the x gap alone exceeds the best distance.
 */
function meanNearestNeighborDistance(points: Float32Array): number {
  const n = points.length / EMBEDDING_DIM;
  if (n < 2) return 0;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => points[2 * a] - points[2 * b]);
  let total = 0;
  for (let r = 0; r < n; r++) {
    const i = order[r];
    const x = points[2 * i];
    const y = points[2 * i + 1];
    let best = Number.POSITIVE_INFINITY;
    for (let step = -1; step <= 1; step += 2) {
      for (let s = r + step; s >= 0 && s < n; s += step) {
        const j = order[s];
        const dx = points[2 * j] - x;
        if (dx * dx >= best) break;
        const dy = points[2 * j + 1] - y;
        best = Math.min(best, dx * dx + dy * dy);
      }
    }
    total += Math.sqrt(best);
  }
  return total / n;
}
