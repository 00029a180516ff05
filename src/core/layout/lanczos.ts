/**
 * Largest eigenpairs of a large sparse symmetric operator: block thick-restart Lanczos with full
 * reorthogonalisation (Wu & Simon 2000 for the thick restart; in exact arithmetic the same as a
 * block Krylov–Schur method).
 *
 * The basis V (n×m) is kept orthonormal to rounding: every new Krylov vector is orthogonalised twice
 * against all of V ("twice is enough", classical Gram–Schmidt) and against the known `deflation`
 * vectors, so the solver never finds them again. T = VᵀAV is assembled from those projection
 * coefficients, and A·V = V·T + F·E_bᵀ holds, where the n×b block F holds the residuals of the last
 * b columns. A Ritz pair (θ, V·s) of T then has residual ‖F·s_tail‖, known without forming it. When
 * the basis is full, the best `keep` Ritz vectors and an orthonormal basis of F become the new basis
 * (a thick restart) and the expansion continues from F.
 *
 * Why blocks: a single-vector Krylov space holds one direction per (near-)degenerate eigenvalue; the
 * partner of a ring's cos/sin pair is found only after many iterations, and meanwhile the next mode
 * converges and passes the residual test: the solver would return modes 1 and 2 instead of the pair
 * 1, 1′ (seed-3 ring, one start vector: λ = 5.8e-4 and 2.4e-3 instead of 5.8e-4 and 6.1e-4). A block of b random start vectors carries every eigenvalue of multiplicity ≤ b from the
 * start. The stopping rule is the residual norm of each wanted Ritz pair, which is small for any
 * vector of a (near-)invariant subspace, so a degenerate pair converges like any other.
 *
 * Layout: the basis is stored coordinate-major, `basis[x·m + j]` = component x of vector j, so the
 * projections Vᵀw, the updates w −= V·h and the restart V·S all sweep memory contiguously.
 */
import { CancelledError, type ProgressCallback } from '../cancel';
import { createRng } from '../random';
import { denseEigenpairs } from './denseEigenpairs';
import {
  type BasisWorkspace,
  freshDirection,
  getColumn,
  norm,
  normalizeOrthogonal,
  projectOut,
  rotateBasis,
  setColumn,
} from './krylovBasis';
import { symmetricEigen } from './symmetricEigen';
import { type EigenResult, rayleighResidual, type SymmetricOperator } from './symmetricOperator';

export interface EigenOptions {
  /** How many of the largest eigenpairs are wanted. */
  count: number;
  /** Seed of the random start block (and of new directions after a breakdown). */
  seed: number;
  /** Accept when every wanted pair has ‖A·v − θ·v‖ ≤ tolerance, with ‖v‖ = 1. Default 1e-6. */
  tolerance?: number;
  /** Block size b: eigenvalues of multiplicity up to b are found reliably. Default max(2, count). */
  blockSize?: number;
  /** Krylov basis size m before a restart. Default clamp(⌊√n⌋, count + 8·b, 64), at most n − p. */
  basisSize?: number;
  /** Give up (converged: false) after this many operator applications. Default 5000. */
  maxMatVecs?: number;
  /** Orthonormal vectors (p×n, vector r at r·n) to exclude from the search, e.g. a known eigenvector. */
  deflation?: Float64Array;
  /**
   * Approximate eigenvectors to start from (s×n, s ≤ b, vector r at r·n), e.g. from a coarser graph;
   * the rest of the start block is random.
   */
  start?: Float64Array;
  /** Called after every restart with the fraction of `maxMatVecs` used; `false` cancels. */
  onProgress?: ProgressCallback;
}

/** Below this many free dimensions the operator is formed densely and solved by Jacobi. */
const DENSE_LIMIT = 64;

/** The `count` largest eigenpairs of `op` in the orthogonal complement of `deflation`. */
export function largestEigenpairs(op: SymmetricOperator, options: EigenOptions): EigenResult {
  const { n } = op;
  const { count, seed, tolerance = 1e-6, maxMatVecs = 5000, onProgress } = options;
  const deflation = options.deflation ?? new Float64Array(0);
  const deflationCount = deflation.length / n;
  if (!Number.isInteger(deflationCount)) throw new Error('deflation length must be a multiple of n');
  const free = n - deflationCount;
  if (!Number.isInteger(count) || count < 1 || count > free) {
    throw new Error(`cannot compute ${count} eigenpairs of an operator with ${free} free dimensions`);
  }
  const b = options.blockSize ?? Math.max(2, count);
  const smallestBasis = count + 3 * b;
  if (free <= Math.max(DENSE_LIMIT, smallestBasis)) return denseEigenpairs(op, count, deflation);
  const m = Math.min(
    free,
    Math.max(
      smallestBasis,
      options.basisSize ?? Math.min(64, Math.max(count + 8 * b, Math.floor(Math.sqrt(n)))),
    ),
  );
  // Keep the wanted pairs plus about half of the rest: enough of the spectrum's top to converge
  // fast, enough room to expand (at least b new columns per cycle).
  const keep = Math.min(m - 2 * b, count + Math.floor((m - count) / 2));

  const basis = new Float64Array(n * m);
  const t = new Float64Array(m * m);
  const residualBlock = new Float64Array(b * n); // F, vector a at a·n
  const gram = new Float64Array(b * b); // FᵀF
  const x = new Float64Array(n);
  const ax = new Float64Array(n);
  const w = new Float64Array(n);
  const work: BasisWorkspace = {
    basis,
    m,
    deflation,
    projections: new Float64Array(m),
    scratch: new Float64Array(m),
    rng: createRng(seed),
  };

  let size = 0; // columns of the basis filled
  const startVectors = options.start ?? new Float64Array(0);
  for (let offset = 0; offset < startVectors.length && size < b; offset += n) {
    w.set(startVectors.subarray(offset, offset + n));
    if (normalizeOrthogonal(w, work, size)) setColumn(basis, m, size++, w);
  }
  while (size < b) {
    if (!freshDirection(w, work, size)) throw new Error('could not draw a start block outside the deflation');
    setColumn(basis, m, size++, w);
  }
  let firstToExpand = 0; // the columns before it are kept Ritz vectors, their images known
  let matVecs = 0;
  let restarts = 0;

  for (;;) {
    // Expand: the image of column j is projected on every column so far; its remainder becomes
    // column j + b, or, once the basis is full, a column of F.
    for (let j = firstToExpand; j < m; j++) {
      getColumn(basis, m, j, x);
      op.apply(x, w);
      matVecs++;
      projectOut(w, work, size);
      for (let i = 0; i < size; i++) {
        t[i * m + j] = work.projections[i];
        t[j * m + i] = work.projections[i];
      }
      if (size === m) {
        residualBlock.set(w, (j - (m - b)) * n);
        continue;
      }
      // On breakdown (an invariant subspace) continue with a fresh direction: its coupling to V is
      // zero, so the Lanczos relation still holds.
      const length = norm(w);
      if (length > 1e-12 * Math.max(1, Math.abs(t[j * m + j]))) {
        for (let k = 0; k < n; k++) w[k] /= length;
      } else if (!freshDirection(w, work, size)) {
        throw new Error('Krylov space exhausted before the basis was full');
      }
      setColumn(basis, m, size++, w);
    }

    // Rayleigh–Ritz on T; the residual of V·s is ‖F·s_tail‖ = √(s_tailᵀ·FᵀF·s_tail).
    const ritz = symmetricEigen(t, m);
    for (let p = 0; p < b; p++) {
      for (let q = 0; q < b; q++) gram[p * b + q] = dotAt(residualBlock, p * n, q * n, n);
    }
    let worst = 0;
    for (let c = 0; c < count; c++) worst = Math.max(worst, tailResidual(ritz.vectors, m, c, b, gram));
    const exhausted = matVecs >= maxMatVecs;
    if (worst <= tolerance || exhausted) {
      // Rounding can make the cheap estimate optimistic; trust only explicit residuals.
      const result = ritzPairs(op, basis, m, ritz.vectors, count, x, ax);
      matVecs += count;
      const converged = result.residuals.every((r) => r <= tolerance);
      if (converged || exhausted) return { ...result, converged, matVecs, restarts };
    }
    if (onProgress && onProgress(Math.min(1, matVecs / maxMatVecs)) === false) {
      throw new CancelledError('Eigenvector computation cancelled.');
    }

    // Thick restart: V ← [V·S(:, 0..keep−1), orth(F)], T ← diag(θ); the coupling of the kept
    // vectors to orth(F) is recomputed when those columns are expanded.
    rotateBasis(basis, m, ritz.vectors, keep, work.scratch);
    t.fill(0);
    for (let i = 0; i < keep; i++) t[i * m + i] = ritz.values[i];
    size = keep;
    for (let a = 0; a < b; a++) {
      for (let k = 0; k < n; k++) w[k] = residualBlock[a * n + k];
      if (!normalizeOrthogonal(w, work, size) && !freshDirection(w, work, size)) {
        throw new Error('Krylov space exhausted at restart');
      }
      setColumn(basis, m, size++, w);
    }
    firstToExpand = keep;
    restarts++;
  }
}

function dotAt(v: Float64Array, offsetA: number, offsetB: number, length: number): number {
  let sum = 0;
  for (let k = 0; k < length; k++) sum += v[offsetA + k] * v[offsetB + k];
  return sum;
}

/** ‖F·s_tail‖ for Ritz vector c, from the Gram matrix FᵀF (b×b). */
function tailResidual(s: Float64Array, m: number, c: number, b: number, gram: Float64Array): number {
  let sum = 0;
  for (let p = 0; p < b; p++) {
    const sp = s[(m - b + p) * m + c];
    for (let q = 0; q < b; q++) sum += sp * gram[p * b + q] * s[(m - b + q) * m + c];
  }
  return Math.sqrt(Math.max(0, sum));
}

/** The first `count` Ritz vectors V·s_c, renormalised, with explicitly computed residuals. */
function ritzPairs(
  op: SymmetricOperator,
  basis: Float64Array,
  m: number,
  s: Float64Array,
  count: number,
  x: Float64Array,
  ax: Float64Array,
): Pick<EigenResult, 'values' | 'vectors' | 'residuals'> {
  const n = op.n;
  const values = new Float64Array(count);
  const vectors = new Float64Array(count * n);
  const residuals = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    for (let k = 0; k < n; k++) {
      let sum = 0;
      for (let j = 0; j < m; j++) sum += basis[k * m + j] * s[j * m + c];
      x[k] = sum;
    }
    const length = norm(x);
    for (let k = 0; k < n; k++) x[k] /= length;
    [values[c], residuals[c]] = rayleighResidual(op, x, ax);
    vectors.set(x, c * n);
  }
  return { values, vectors, residuals };
}
