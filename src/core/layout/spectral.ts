/**
 * Spectral embedding of one connected graph (docs/algorithm.md §1.9, umap-learn's spectral layout): the
 * eigenvectors of the normalised Laplacian L = I − D^{−1/2}·W·D^{−1/2} for its smallest non-trivial
 * eigenvalues.
 *
 * The smallest eigenvalues of L are the largest of M = D^{−1/2}·W·D^{−1/2}, whose spectrum lies in
 * [−1, 1]; the Lanczos solver works on A = (I + M)/2, spectrum in [0, 1], with the same
 * eigenvectors. The trivial eigenvector of a connected graph, √deg/‖√deg‖ (eigenvalue 1 of M,
 * 0 of L), is known exactly and deflated rather than computed.
 */
import type { ProgressCallback } from '../cancel';
import { degrees } from '../graph/similarities';
import type { Graph } from '../types';
import { coarsenGraph } from './coarsen';
import { largestEigenpairs } from './lanczos';

export interface SpectralOptions {
  seed: number;
  /** Accept when ‖L·v − λ·v‖ ≤ tolerance for every returned vector (‖v‖ = 1). Default 1e-4. */
  tolerance?: number;
  /** Give up after this many products with the graph, per level. Default 5000. */
  maxMatVecs?: number;
  /** Graphs above this size are coarsened first (multilevel); Infinity solves directly. Default 1000. */
  coarsestSize?: number;
  /** Krylov basis size on the levels that start from a coarser solution. Default 24. */
  refineBasisSize?: number;
  onProgress?: ProgressCallback;
}

export interface SpectralEmbedding {
  /** n×dim row-major: coordinate d of point i is component i of the eigenvector for λ_{d+1}. */
  embedding: Float64Array;
  /** λ_1 ≤ … ≤ λ_dim of L (λ_0 = 0 is the deflated trivial one). */
  eigenvalues: Float64Array;
  /** ‖L·v − λ·v‖ of each eigenvector. */
  residuals: Float64Array;
  converged: boolean;
  matVecs: number;
}

/** Graphs up to this size are solved directly; larger ones start from a coarsened solution. */
const COARSEST_SIZE = 1000;
/** Stop coarsening when a level shrinks the graph by less than this factor (matching stalled). */
const MIN_SHRINK = 0.8;
/**
 * A refinement starts close to the answer, so a small basis is enough and keeps the full
 * reorthogonalisation cheap (n = 70 000 square: 1.1 s with 12–24, 1.6 s with 32, 3.6 s with 64).
 */
const REFINE_BASIS_SIZE = 24;

/**
 * The `dim` smallest non-trivial eigenpairs of the normalised Laplacian of a connected graph with
 * positive degrees.
 *
 * Multilevel (as in Koren's ACE and Harel–Koren's multiscale drawing): the graph is coarsened by
 * heavy-edge matching down to ~1000 vertices, the coarsest problem is solved from a random start,
 * and each finer level starts the Lanczos solver from the coarser eigenvectors spread back over the
 * pairs. On a ring or a 2-D point cloud the wanted eigenvalues are tiny and crowded (λ ≈ 5e-5 for a
 * 70 000-point square), which a Krylov solver from a random start resolves only slowly (841 products
 * and 35 s with full reorthogonalisation); the coarse levels resolve those smooth modes cheaply, and
 * what the interpolation gets wrong is rough, which the solver removes in a few dozen products
 * (~1 s in all).
 */
export function spectralEmbedding(g: Graph, dim: number, options: SpectralOptions): SpectralEmbedding {
  const {
    seed,
    tolerance = 1e-4,
    maxMatVecs = 5000,
    onProgress,
    coarsestSize = COARSEST_SIZE,
    refineBasisSize = REFINE_BASIS_SIZE,
  } = options;
  if (g.n < dim + 1) throw new Error(`a spectral embedding in ${dim} dimensions needs ${dim + 1} points`);
  const graphs: Graph[] = [g];
  const aggregates: Int32Array[] = [];
  for (let current = g; current.n > coarsestSize; ) {
    const { coarse, aggregate } = coarsenGraph(current, seed + graphs.length);
    if (coarse.n > MIN_SHRINK * current.n || coarse.n < dim + 1) break;
    graphs.push(coarse);
    aggregates.push(aggregate);
    current = coarse;
  }

  let solution: LevelSolution | undefined;
  let matVecs = 0;
  for (let level = graphs.length - 1; level >= 0; level--) {
    const done = graphs.length - 1 - level;
    const levelProgress: ProgressCallback | undefined = onProgress
      ? (fraction) => onProgress((done + fraction) / graphs.length)
      : undefined;
    const start = solution ? interpolate(solution, aggregates[level], graphs[level], dim) : undefined;
    solution = solveLevel(
      graphs[level],
      dim,
      {
        seed,
        tolerance,
        maxMatVecs,
        onProgress: levelProgress,
        basisSize: start ? refineBasisSize : undefined,
      },
      start,
    );
    matVecs += solution.matVecs;
  }
  const finest = solution as LevelSolution;
  const { n } = g;
  const embedding = new Float64Array(n * dim);
  for (let d = 0; d < dim; d++) {
    for (let i = 0; i < n; i++) embedding[i * dim + d] = finest.vectors[d * n + i];
  }
  return {
    embedding,
    eigenvalues: finest.eigenvalues,
    residuals: finest.residuals,
    converged: finest.converged,
    matVecs,
  };
}

interface LevelSolution {
  /** dim×n unit eigenvectors of M = D^{−1/2}·W·D^{−1/2}, vector d at d·n. */
  vectors: Float64Array;
  degree: Float64Array;
  eigenvalues: Float64Array;
  residuals: Float64Array;
  converged: boolean;
  matVecs: number;
}

/**
 * Coarse eigenvectors spread to the finer graph: v_c is an eigenvector of M_c, so x_c = D_c^{−1/2}·v_c
 * solves the coarse generalized problem; x = P·x_c is its piecewise-constant extension and
 * v = D^{1/2}·x the start vector for M.
 */
function interpolate(coarse: LevelSolution, aggregate: Int32Array, fine: Graph, dim: number): Float64Array {
  const n = fine.n;
  const coarseN = coarse.degree.length;
  const fineDegree = degrees(fine);
  const start = new Float64Array(dim * n);
  for (let d = 0; d < dim; d++) {
    for (let i = 0; i < n; i++) {
      const a = aggregate[i];
      start[d * n + i] =
        (coarse.vectors[d * coarseN + a] / Math.sqrt(coarse.degree[a])) * Math.sqrt(fineDegree[i]);
    }
  }
  return start;
}

/**
 * One level: Lanczos on A = (I + M)/2 with the trivial eigenvector √deg deflated. Residuals of L
 * are twice those of A, so the solver's tolerance is half the requested one.
 */
function solveLevel(
  g: Graph,
  dim: number,
  options: {
    seed: number;
    tolerance: number;
    maxMatVecs: number;
    onProgress?: ProgressCallback;
    basisSize?: number;
  },
  start?: Float64Array,
): LevelSolution {
  const { n, rowPtr, cols, values } = g;
  const degree = degrees(g);
  const inverseSqrtDegree = new Float64Array(n);
  const trivial = new Float64Array(n);
  let trivialNorm = 0;
  for (let i = 0; i < n; i++) {
    if (!(degree[i] > 0)) throw new Error(`point ${i} has no positive edge; embed components separately`);
    inverseSqrtDegree[i] = 1 / Math.sqrt(degree[i]);
    trivial[i] = Math.sqrt(degree[i]);
    trivialNorm += degree[i];
  }
  trivialNorm = Math.sqrt(trivialNorm);
  for (let i = 0; i < n; i++) trivial[i] /= trivialNorm;

  const scaled = new Float64Array(n);
  const operator = {
    n,
    // y = (x + D^{−1/2}·W·D^{−1/2}·x) / 2
    apply(x: Float64Array, y: Float64Array): void {
      for (let i = 0; i < n; i++) scaled[i] = x[i] * inverseSqrtDegree[i];
      for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) sum += values[p] * scaled[cols[p]];
        y[i] = 0.5 * (x[i] + inverseSqrtDegree[i] * sum);
      }
    },
  };
  const result = largestEigenpairs(operator, {
    count: dim,
    seed: options.seed,
    tolerance: options.tolerance / 2,
    maxMatVecs: options.maxMatVecs,
    basisSize: options.basisSize,
    deflation: trivial,
    start,
    onProgress: options.onProgress,
  });
  const eigenvalues = new Float64Array(dim);
  const residuals = new Float64Array(dim);
  for (let d = 0; d < dim; d++) {
    // θ = (1 + μ)/2 and λ = 1 − μ give λ = 2 − 2θ.
    eigenvalues[d] = 2 - 2 * result.values[d];
    residuals[d] = 2 * result.residuals[d];
  }
  return {
    vectors: result.vectors,
    degree,
    eigenvalues,
    residuals,
    converged: result.converged,
    matVecs: result.matVecs,
  };
}
