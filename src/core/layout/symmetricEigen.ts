/**
 * All eigenpairs of a small dense symmetric matrix by the cyclic Jacobi method (Golub & Van Loan,
 * §8.5): rotate away each off-diagonal entry in turn until the off-diagonal mass is negligible.
 * Used for the Rayleigh–Ritz step of the Lanczos solver (matrices up to a few hundred rows) and for
 * graphs too small for a Krylov method. Jacobi is slower than QR but simple and accurate to a few
 * ulps of the largest eigenvalue, which is all a projected matrix needs.
 */

export interface DenseEigen {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** Eigenvectors as columns of a row-major m×m matrix: component r of vector c at `r·m + c`. */
  vectors: Float64Array;
}

const MAX_SWEEPS = 60;

/**
 * Eigen-decomposition of the m×m symmetric matrix `matrix` (row-major; only its symmetric part is
 * meaningful, the input is not modified). Eigenvalues descending, orthonormal eigenvectors in the
 * matching columns.
 */
export function symmetricEigen(matrix: Float64Array, m: number): DenseEigen {
  if (matrix.length < m * m) throw new Error(`matrix has ${matrix.length} entries, expected ${m}×${m}`);
  const a = new Float64Array(m * m);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < m; c++) a[r * m + c] = 0.5 * (matrix[r * m + c] + matrix[c * m + r]);
  }
  const v = new Float64Array(m * m);
  for (let r = 0; r < m; r++) v[r * m + r] = 1;

  let total = 0;
  for (let p = 0; p < m * m; p++) total += a[p] * a[p];
  // Stop once the off-diagonal part is below machine precision relative to the whole matrix.
  const threshold = total * 1e-32;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < m; p++) for (let q = p + 1; q < m; q++) off += a[p * m + q] * a[p * m + q];
    if (off <= threshold) break;
    for (let p = 0; p < m - 1; p++) {
      for (let q = p + 1; q < m; q++) {
        const apq = a[p * m + q];
        if (apq === 0) continue;
        // The rotation J = [[c, s], [−s, c]] on (p, q) with JᵀAJ diagonal in that 2×2 block; t is
        // the smaller root of t² + 2τt − 1 = 0, which keeps the rotation angle below π/4.
        const tau = (a[q * m + q] - a[p * m + p]) / (2 * apq);
        const t = (tau >= 0 ? 1 : -1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < m; k++) {
          const akp = a[k * m + p];
          const akq = a[k * m + q];
          a[k * m + p] = c * akp - s * akq;
          a[k * m + q] = s * akp + c * akq;
        }
        for (let k = 0; k < m; k++) {
          const apk = a[p * m + k];
          const aqk = a[q * m + k];
          a[p * m + k] = c * apk - s * aqk;
          a[q * m + k] = s * apk + c * aqk;
        }
        a[p * m + q] = 0;
        a[q * m + p] = 0;
        for (let k = 0; k < m; k++) {
          const vkp = v[k * m + p];
          const vkq = v[k * m + q];
          v[k * m + p] = c * vkp - s * vkq;
          v[k * m + q] = s * vkp + c * vkq;
        }
      }
    }
  }

  const order = Array.from({ length: m }, (_, i) => i).sort((i, j) => a[j * m + j] - a[i * m + i] || i - j);
  const values = new Float64Array(m);
  const vectors = new Float64Array(m * m);
  for (let c = 0; c < m; c++) {
    const from = order[c];
    values[c] = a[from * m + from];
    for (let r = 0; r < m; r++) vectors[r * m + c] = v[r * m + from];
  }
  return { values, vectors };
}
