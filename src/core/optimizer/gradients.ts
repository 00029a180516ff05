/**
 * The gradient coefficients of UMAP's SGD step (docs/algorithm.md §1.10), as pure functions of the
 * squared embedding distance u = ‖e_i − e_j‖². Both epochs (referenceEpoch.ts' updatePair and the
 * kernel's wasm/updateRule.as.ts) compute the same coefficients sharing one (d²)^b with the loss;
 * these functions are what the tests derive them from. The clip and the offset below are the one
 * definition of each: the kernel receives them from the host (wasmKernel.ts).
 *
 * With φ(u) = 1/(1 + a·u^b) (kernel.ts) and the two terms of the paper's eq. 6,
 *   L^a = −log φ     = log(1 + a·u^b)
 *   L^r = −log(1 − φ) = log(1 + a·u^b) − log a − b·log u,
 * and ∂u/∂e_i = 2(e_i − e_j), the chain rule gives
 *   −∂L^a/∂e_i = −2ab·u^{b−1}/(1 + a·u^b) · (e_i − e_j)
 *   −∂L^r/∂e_i = 2b/(u·(1 + a·u^b)) · (e_i − e_j)        [since a·u^b/(1 + a·u^b) − 1 = −φ].
 * So a step e_i += α·c·(e_i − e_j) is gradient descent on the term, with c the coefficient below.
 * umap-learn adds 0.001 to u in the repulsive denominator (it would blow up at u → 0) and clips each
 * coordinate of c·(e_i − e_j) to ±4; neither is part of the gradient.
 */

/** umap-learn's offset added to d² in the repulsive denominator (docs/algorithm.md §1.10, step 5). */
export const REPULSION_OFFSET = 0.001;

/** umap-learn's per-coordinate gradient clip (docs/algorithm.md §1.10). */
export const GRADIENT_CLIP = 4;

/**
 * Attractive coefficient c_a = −2ab·u^{b−1}/(1 + a·u^b) = −∂L^a/∂e_i ÷ (e_i − e_j), for u = d² > 0;
 * 0 at u = 0, where umap-learn does not move coincident points (the limit is infinite for b < 1).
 */
export function attractiveCoefficient(distSquared: number, a: number, b: number): number {
  if (!(distSquared > 0)) return 0;
  const power = Math.exp(b * Math.log(distSquared));
  return (-2 * a * b * (power / distSquared)) / (1 + a * power);
}

/**
 * Repulsive coefficient c_r = 2b/((offset + u)·(1 + a·u^b)); with offset 0 it is exactly
 * −∂L^r/∂e_i ÷ (e_i − e_j). The optimizer uses offset = REPULSION_OFFSET (umap-learn, γ = 1).
 * 0 at u = 0: coincident points are not pushed apart (umap-learn HEAD, docs/algorithm.md §1.10).
 */
export function repulsiveCoefficient(
  distSquared: number,
  a: number,
  b: number,
  offset: number = REPULSION_OFFSET,
): number {
  if (!(distSquared > 0)) return 0;
  const power = Math.exp(b * Math.log(distSquared));
  return (2 * b) / ((offset + distSquared) * (1 + a * power));
}

/** umap-learn's clip of one gradient coordinate to [−4, 4]. */
export function clipGradient(value: number): number {
  return Math.min(GRADIENT_CLIP, Math.max(-GRADIENT_CLIP, value));
}
