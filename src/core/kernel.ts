import { UserError } from './errors';

/**
 * The low-dimensional similarity φ of the paper (Section 3, used in eq. 4: ν_ij = φ(‖e_i − e_j‖)),
 * φ(d; a, b) = 1 / (1 + a·d^{2b}), taking the *squared* distance as umap-learn's optimizer does
 * (docs/algorithm.md §1.8), so callers never need a square root.
 */
export function similarity(distSquared: number, a: number, b: number): number {
  return 1 / (1 + a * distSquared ** b);
}

/** umap-learn's grid for the a, b fit (docs/algorithm.md §1.8): 300 points on [0, 3·spread]. */
const GRID_SIZE = 300;
/** Stop once an accepted step moves no parameter by more than this, relative to its value. */
const RELATIVE_STEP_TOLERANCE = 1e-13;
/** Damping this large means no step improves the fit in float64: we are at the minimum. */
const MAX_DAMPING = 1e16;
/** Relative rounding error of a 300-term sum of squares, with a wide margin. */
const SUM_ROUNDING = 1e-12;
const MAX_ITERATIONS = 10_000;

/**
 * Shape parameters a, b of φ (docs/algorithm.md §1.8), as umap-learn's `find_ab_params`: the unweighted
 * least-squares fit of φ(x) = 1/(1 + a·x^{2b}) to f(x) = 1 for x < minDist and
 * exp(−(x − minDist)/spread) otherwise, on 300 evenly spaced x in [0, 3·spread], from (a, b) = (1, 1).
 *
 * Levenberg–Marquardt with an analytic Jacobian, run to the float64 minimum. scipy's `curve_fit`
 * (finite differences, tolerance 1.5e-8) stops about 1e-7 (relative) short of it, far below
 * anything visible in an embedding.
 */
export function findAbParams(spread = 1, minDist = 0.1): { a: number; b: number } {
  if (!Number.isFinite(spread) || spread <= 0) {
    throw new UserError(`spread must be a positive number; got ${spread}`);
  }
  if (!Number.isFinite(minDist) || minDist < 0) {
    throw new UserError(`min_dist must be a number ≥ 0; got ${minDist}`);
  }
  if (minDist > spread) {
    // umap-learn refuses this too.
    throw new UserError(
      `min_dist (${minDist}) must not exceed spread (${spread}); lower min_dist or raise spread`,
    );
  }

  // The problem is scale-free: with x = spread·u, the sum of squares at (a, b) equals the one for
  // spread 1 and min_dist/spread at (a·spread^{2b}, b). So fit in u and scale a back. Same minimum
  // as fitting on [0, 3·spread] directly (identical arithmetic when spread = 1), but it also
  // converges for spread far from 1, where scipy wanders off to b < 0 (e.g. spread 0.1, min_dist 0).
  const unit = fitUnitSpread(minDist / spread);
  const a = unit.a * spread ** (-2 * unit.b);
  if (!(Number.isFinite(a) && a > 0)) {
    throw new UserError(`spread = ${spread} is too extreme to fit the curve; try a value nearer 1`);
  }
  return { a, b: unit.b };
}

/** The fit for spread 1: u on linspace(0, 3, 300), target 1 for u < minDistUnit, else exp(−(u − minDistUnit)). */
function fitUnitSpread(minDistUnit: number): { a: number; b: number } {
  const us = new Float64Array(GRID_SIZE);
  const logUs = new Float64Array(GRID_SIZE);
  const targets = new Float64Array(GRID_SIZE);
  const step = 3 / (GRID_SIZE - 1);
  for (let i = 0; i < GRID_SIZE; i++) {
    // numpy's linspace: i·step, with the last point set exactly to the end.
    const u = i === GRID_SIZE - 1 ? 3 : i * step;
    us[i] = u;
    // ∂/∂b u^{2b} = 2·ln u·u^{2b} → 0 as u → 0, so any finite stand-in for ln 0 works; 0 is simplest.
    logUs[i] = u > 0 ? Math.log(u) : 0;
    targets[i] = u < minDistUnit ? 1 : Math.exp(-(u - minDistUnit));
  }

  // One pass over the grid at (a, b): [sum of squares, JᵀJ (aa, ab, bb), Jᵀr (a, b)] for the
  // residuals r_i = φ(u_i) − f(u_i), with ∂φ/∂a = −u^{2b}·φ² and ∂φ/∂b = −2a·ln u·u^{2b}·φ².
  // u^{2b} at u = 0 is taken as the b > 0 limit, 0.
  const evaluate = (a: number, b: number, out: Float64Array): void => {
    out.fill(0);
    for (let i = 0; i < GRID_SIZE; i++) {
      const power = us[i] > 0 ? Math.exp(2 * b * logUs[i]) : 0;
      const phi = 1 / (1 + a * power);
      const residual = phi - targets[i];
      const dA = -power * phi * phi;
      const dB = 2 * a * logUs[i] * dA;
      out[0] += residual * residual;
      out[1] += dA * dA;
      out[2] += dA * dB;
      out[3] += dB * dB;
      out[4] += dA * residual;
      out[5] += dB * residual;
    }
  };

  let a = 1;
  let b = 1;
  let damping = 1e-3;
  let current = new Float64Array(6);
  let trial = new Float64Array(6);
  evaluate(a, b, current);
  // Marquardt's scaling: damp each parameter by the largest curvature JᵀJ has shown for it
  // (MINPACK's diag, mode 1), so the path does not depend on the units of a and b.
  let scaleA = 0;
  let scaleB = 0;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const [sum, jaa, jab, jbb, gradA, gradB] = current;
    scaleA = Math.max(scaleA, jaa);
    scaleB = Math.max(scaleB, jbb);
    const gradNorm = (gradA * gradA) / scaleA + (gradB * gradB) / scaleB;

    // Solve (JᵀJ + λ·D)·δ = −Jᵀr, raising λ until the step is an improvement.
    for (;;) {
      if (damping > MAX_DAMPING) return { a, b };
      const m11 = jaa + damping * scaleA;
      const m22 = jbb + damping * scaleB;
      const determinant = m11 * m22 - jab * jab;
      const stepA = (-gradA * m22 + gradB * jab) / determinant;
      const stepB = (-gradB * m11 + gradA * jab) / determinant;
      evaluate(a + stepA, b + stepB, trial);
      const trialSum = trial[0];
      // Near the minimum the sum of squares changes by less than its own rounding error, so
      // comparing sums alone would stop ~1e-9 short. There, a smaller gradient decides instead.
      const lower = trialSum < sum;
      const level =
        trialSum <= sum * (1 + SUM_ROUNDING) && trial[4] ** 2 / scaleA + trial[5] ** 2 / scaleB < gradNorm;
      if (Number.isFinite(trialSum) && (lower || level)) {
        a += stepA;
        b += stepB;
        [current, trial] = [trial, current];
        damping = Math.max(damping / 10, 1e-15);
        const converged =
          Math.abs(stepA) <= RELATIVE_STEP_TOLERANCE * Math.abs(a) &&
          Math.abs(stepB) <= RELATIVE_STEP_TOLERANCE * Math.abs(b);
        if (converged) return { a, b };
        break;
      }
      damping *= 10;
    }
  }
  throw new Error(`findAbParams did not converge in ${MAX_ITERATIONS} iterations`);
}
