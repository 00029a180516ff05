/**
 * A symmetric linear operator given by its product, the eigenpairs the solvers return for it, and
 * the Rayleigh quotient and residual by which they are checked.
 */

/** y = A·x for a symmetric A; must not keep x or y. */
export interface SymmetricOperator {
  n: number;
  apply(x: Float64Array, y: Float64Array): void;
}

export interface EigenResult {
  /** The `count` largest eigenvalues (Rayleigh quotients of the returned vectors), descending. */
  values: Float64Array;
  /** Unit eigenvectors, count×n, vector i at i·n. */
  vectors: Float64Array;
  /** ‖A·v_i − θ_i·v_i‖ of each returned pair, computed explicitly. */
  residuals: Float64Array;
  converged: boolean;
  matVecs: number;
  restarts: number;
}

/** Rayleigh quotient and residual ‖A·x − θ·x‖ of the unit vector x; `ax` receives A·x. */
export function rayleighResidual(op: SymmetricOperator, x: Float64Array, ax: Float64Array): [number, number] {
  op.apply(x, ax);
  let rayleigh = 0;
  for (let k = 0; k < x.length; k++) rayleigh += x[k] * ax[k];
  let residual = 0;
  for (let k = 0; k < x.length; k++) residual += (ax[k] - rayleigh * x[k]) ** 2;
  return [rayleigh, Math.sqrt(residual)];
}
