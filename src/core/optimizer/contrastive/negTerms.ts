/**
 * The per-pair terms of NEG with the Cauchy kernel (Neg-t-SNE; ICLR 2023, eq. 5 and §4), as pure
 * functions of u = ‖e_i − e_j‖² and the estimator scale c (spectrum.ts). With φ = 1/(1 + u) and
 * ξ = φ/(φ + c) = 1/(1 + c·(1 + u)):
 *   L^a = −log ξ       = log(1 + c(1 + u))
 *   L^r = −log(1 − ξ)  = log(1 + c(1 + u)) − log(c(1 + u))
 * and, with ∂u/∂e_i = 2(e_i − e_j),
 *   −∂L^a/∂e_i = −2c·ξ · (e_i − e_j)
 *   −∂L^r/∂e_i =  2φ·ξ · (e_i − e_j)      [∂L^r/∂u = cξ − φ = −φξ].
 * Unlike UMAP's repulsion 2b/(u(1 + a·u^b)), this one is finite at u = 0: Neg-t-SNE is UMAP without
 * the singularity (ICLR 2023, §4). A step e_i += α·coefficient·(e_i − e_j) descends the term, as for
 * UMAP's coefficients (gradients.ts); the optimizer clips each coordinate the same way.
 *
 * NCE learns c (its log Z̄): ∂L^a/∂log c = 1 − ξ and ∂L^r/∂log c = −ξ.
 */

/** ξ(u) = 1/(1 + c·(1 + u)), NEG's estimator of "the pair is a neighbour pair". */
export function negEstimator(distSquared: number, c: number): number {
  return 1 / (1 + c * (1 + distSquared));
}

/** −∂L^a/∂e_i ÷ (e_i − e_j) = −2c·ξ. */
export function negAttractiveCoefficient(distSquared: number, c: number): number {
  return (-2 * c) / (1 + c * (1 + distSquared));
}

/** −∂L^r/∂e_i ÷ (e_i − e_j) = 2φ·ξ. */
export function negRepulsiveCoefficient(distSquared: number, c: number): number {
  const t = 1 + distSquared;
  return 2 / (t * (1 + c * t));
}

/** L^a = −log ξ. */
export function negAttractiveLoss(distSquared: number, c: number): number {
  return Math.log(1 + c * (1 + distSquared));
}

/** L^r = −log(1 − ξ). */
export function negRepulsiveLoss(distSquared: number, c: number): number {
  const ct = c * (1 + distSquared);
  return Math.log((1 + ct) / ct);
}

/** ∂L/∂log c of the term (NCE learns log Z̄ = log c + const by it): 1 − ξ to attract, −ξ to repel. */
export function negScaleDerivative(distSquared: number, c: number, repel: boolean): number {
  const xi = negEstimator(distSquared, c);
  return repel ? -xi : 1 - xi;
}
