/**
 * The attractive term of KL(P‖Q) and its gradient, over the graph's edges only (O(|E|)).
 *
 * With w_ij = 1/(1 + ‖y_i − y_j‖²) and Σ p = 1 (affinities.ts),
 *
 *   KL(P‖Q) = Σ p_ij log p_ij + A(y) + log Z,     A(y) = −Σ_{ij} p_ij log w_ij = Σ_{ij} p_ij log(1 + d_ij²),
 *
 *   ∂A/∂y_i = Σ_j (p_ij + p_ji) · 2 w_ij (y_i − y_j)   (= 4 Σ_j p_ij w_ij (y_i − y_j) for symmetric P),
 *
 * the attraction of Böhm, Berens & Kobak (JMLR 2022, eq. 4 with ρ = 1). Each stored entry (i, j)
 * pushes on both ends, so the gradient is exact even for a P that is not symmetric.
 */
import type { TsneAffinities } from './affinities';

/** Writes ∂A/∂y into `gradient` (n×2, overwritten); returns A = Σ p_ij log(1 + d_ij²). */
export function attractiveGradient(aff: TsneAffinities, y: Float64Array, gradient: Float64Array): number {
  const { n, rowPtr, cols, p } = aff;
  gradient.fill(0);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const xi = y[2 * i];
    const yi = y[2 * i + 1];
    let gx = 0;
    let gy = 0;
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      const pe = p[e];
      if (pe === 0) continue;
      const j = cols[e];
      const dx = xi - y[2 * j];
      const dy = yi - y[2 * j + 1];
      const d2 = dx * dx + dy * dy;
      sum += pe * Math.log1p(d2);
      const c = (2 * pe) / (1 + d2);
      gx += c * dx;
      gy += c * dy;
      gradient[2 * j] -= c * dx;
      gradient[2 * j + 1] -= c * dy;
    }
    gradient[2 * i] += gx;
    gradient[2 * i + 1] += gy;
  }
  return sum;
}
