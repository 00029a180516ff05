/**
 * The orthonormal basis of the Lanczos solver (lanczos.ts) and the operations that keep it so:
 * classical Gram–Schmidt done twice against the basis and the deflation vectors, new random
 * directions after a breakdown, and the rotation of a thick restart.
 *
 * The basis is stored coordinate-major, `basis[x·m + j]` = component x of vector j, so every sweep
 * over it reads memory contiguously.
 */
import type { Rng } from '../types';

export interface BasisWorkspace {
  /** Coordinate-major basis, n×m. */
  basis: Float64Array;
  m: number;
  deflation: Float64Array;
  /** Coefficients of the last projection along basis columns. */
  projections: Float64Array;
  /** m numbers of scratch. */
  scratch: Float64Array;
  rng: Rng;
}

export function getColumn(basis: Float64Array, m: number, j: number, out: Float64Array): void {
  for (let k = 0; k < out.length; k++) out[k] = basis[k * m + j];
}

export function setColumn(basis: Float64Array, m: number, j: number, values: Float64Array): void {
  for (let k = 0; k < values.length; k++) basis[k * m + j] = values[k];
}

export function norm(v: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < v.length; k++) sum += v[k] * v[k];
  return Math.sqrt(sum);
}

/** w ← w − Σ_r (u_r·w)·u_r over orthonormal vectors u_r stored r·n apart. */
export function deflate(w: Float64Array, deflation: Float64Array): void {
  const n = w.length;
  for (let offset = 0; offset < deflation.length; offset += n) {
    let dot = 0;
    for (let k = 0; k < n; k++) dot += deflation[offset + k] * w[k];
    for (let k = 0; k < n; k++) w[k] -= dot * deflation[offset + k];
  }
}

/**
 * w ← (I − V·Vᵀ)(I − U·Uᵀ)·w over the first `columns` basis vectors, done twice (classical
 * Gram–Schmidt loses orthogonality in one pass when w is nearly inside the span). `projections`
 * receives the total coefficients Vᵀw: the entries of T when w = A·v_j.
 */
export function projectOut(w: Float64Array, work: BasisWorkspace, columns: number): void {
  const { basis, m, deflation, projections, scratch } = work;
  const n = w.length;
  projections.fill(0);
  for (let pass = 0; pass < 2; pass++) {
    deflate(w, deflation);
    scratch.fill(0);
    for (let k = 0; k < n; k++) {
      const wk = w[k];
      const row = k * m;
      for (let j = 0; j < columns; j++) scratch[j] += basis[row + j] * wk;
    }
    for (let k = 0; k < n; k++) {
      const row = k * m;
      let sum = 0;
      for (let j = 0; j < columns; j++) sum += basis[row + j] * scratch[j];
      w[k] -= sum;
    }
    for (let j = 0; j < columns; j++) projections[j] += scratch[j];
  }
}

/** Orthogonalise w against the deflation and the first `columns` basis vectors and normalise it;
 * false when (numerically) nothing is left. */
export function normalizeOrthogonal(w: Float64Array, work: BasisWorkspace, columns: number): boolean {
  const before = norm(w);
  projectOut(w, work, columns);
  const after = norm(w);
  if (!(after > 1e-10 * before)) return false;
  for (let k = 0; k < w.length; k++) w[k] /= after;
  return true;
}

/** A new random unit direction orthogonal to the deflation and the basis; false if none exists. */
export function freshDirection(w: Float64Array, work: BasisWorkspace, columns: number): boolean {
  for (let attempt = 0; attempt < 3; attempt++) {
    for (let k = 0; k < w.length; k++) w[k] = work.rng.next() - 0.5;
    if (normalizeOrthogonal(w, work, columns)) return true;
  }
  return false;
}

/** basis(:, 0..keep−1) ← basis·S(:, 0..keep−1), in place, one coordinate row at a time. */
export function rotateBasis(
  basis: Float64Array,
  m: number,
  s: Float64Array,
  keep: number,
  row: Float64Array,
): void {
  const n = basis.length / m;
  for (let k = 0; k < n; k++) {
    const offset = k * m;
    for (let j = 0; j < m; j++) row[j] = basis[offset + j];
    for (let c = 0; c < keep; c++) {
      let sum = 0;
      for (let j = 0; j < m; j++) sum += row[j] * s[j * m + c];
      basis[offset + c] = sum;
    }
  }
}
