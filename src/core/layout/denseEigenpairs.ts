/**
 * Eigenpairs of a small symmetric operator (lanczos.ts hands over below 64 free dimensions): the
 * operator is formed densely and solved by Jacobi (symmetricEigen.ts).
 */
import { deflate } from './krylovBasis';
import { symmetricEigen } from './symmetricEigen';
import { type EigenResult, rayleighResidual, type SymmetricOperator } from './symmetricOperator';

/**
 * Small problems: form B = P·A·P − σ·U·Uᵀ column by column (P projects out the deflation U) and
 * solve it by Jacobi. σ exceeds ‖P·A·P‖ (Gershgorin), so the deflated directions rank below every
 * wanted eigenvalue, even one at or below zero.
 */
export function denseEigenpairs(op: SymmetricOperator, count: number, deflation: Float64Array): EigenResult {
  const { n } = op;
  const dense = new Float64Array(n * n);
  const unit = new Float64Array(n);
  const column = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    unit.fill(0);
    unit[c] = 1;
    deflate(unit, deflation);
    op.apply(unit, column);
    deflate(column, deflation);
    for (let r = 0; r < n; r++) dense[r * n + c] = column[r];
  }
  let bound = 0;
  for (let r = 0; r < n; r++) {
    let rowSum = 0;
    for (let c = 0; c < n; c++) rowSum += Math.abs(dense[r * n + c]);
    bound = Math.max(bound, rowSum);
  }
  const shift = 2 * bound + 1;
  for (let offset = 0; offset < deflation.length; offset += n) {
    for (let r = 0; r < n; r++) {
      for (let c = 0; c < n; c++) dense[r * n + c] -= shift * deflation[offset + r] * deflation[offset + c];
    }
  }
  const eigen = symmetricEigen(dense, n);
  const values = new Float64Array(count);
  const vectors = new Float64Array(count * n);
  const residuals = new Float64Array(count);
  for (let c = 0; c < count; c++) {
    for (let r = 0; r < n; r++) unit[r] = eigen.vectors[r * n + c];
    [values[c], residuals[c]] = rayleighResidual(op, unit, column);
    vectors.set(unit, c * n);
  }
  return { values, vectors, residuals, converged: true, matVecs: n + count, restarts: 0 };
}
