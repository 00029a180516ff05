/**
 * Eq. 6 and eq. 12 with NEG's estimator ξ = 1/(1 + c(1 + d²)) (ICLR 2023, eq. 5) in place of UMAP's
 * φ: the loss NEG purports to minimise (the cross-entropy between μ and ξ) and the one its negative
 * sampling descends. The sampling is UMAP's, so the paper's derivation carries over term for term:
 * per ordered pair, attraction μ_ij·(−log ξ_ij) and repulsion w_ij·(−log(1 − ξ_ij)) with
 * w_ij = 1 − μ_ij (purported) or (dᵢ + dⱼ)m/(2n) (effective), over all n² ordered pairs, diagonal
 * included (a negative sample can be the head itself). ξ is never 0 or 1, so both logs are plain.
 *
 * The O(n²) sum over all pairs is exact up to EXACT_LOSS_MAX_POINTS points and above them, as for
 * UMAP, by the far-field approximation of farField.ts with ξ's kernel (negFarFieldRowSums).
 */
import type { Graph } from '../types';
import { EXACT_LOSS_MAX_POINTS, negFarFieldRowSums } from './farField';
import type { Losses } from './losses';

export interface NegLossOptions {
  /** The estimator's scale c = m·Z̄/n² (core/optimizer/contrastive/spectrum.ts). */
  c: number;
  /** Negative sample rate. */
  m: number;
  /** d_i = Σ_j μ_ij. */
  degrees: Float64Array;
  /** The far field instead of the exact sum: 'auto' (default) above EXACT_LOSS_MAX_POINTS points. */
  approximate?: boolean | 'auto';
}

/** −log(1 − ξ) at squared distance u: log((1 + c(1 + u)) / (c(1 + u))). */
function repulsionTerm(u: number, c: number): number {
  const ct = c * (1 + u);
  return Math.log((1 + ct) / ct);
}

/** R_i = Σ_j r_ij over all j, the diagonal r_ii = r(0) included; each unordered pair once. */
function exactRowSums(xy: Float64Array, n: number, c: number): Float64Array {
  const rowSums = new Float64Array(n).fill(repulsionTerm(0, c));
  for (let i = 0; i < n; i++) {
    const xi = xy[2 * i];
    const yi = xy[2 * i + 1];
    let sum = 0;
    for (let j = i + 1; j < n; j++) {
      const dx = xi - xy[2 * j];
      const dy = yi - xy[2 * j + 1];
      const r = repulsionTerm(dx * dx + dy * dy, c);
      sum += r;
      rowSums[j] += r;
    }
    rowSums[i] += sum;
  }
  return rowSums;
}

/** The same R_i from the far field, which sums log(1 − ξ) = −r over j ≠ i. */
function farFieldSums(layout: Float32Array, n: number, c: number): Float64Array {
  const rowSums = new Float64Array(n);
  negFarFieldRowSums(layout, n, c, rowSums);
  const self = repulsionTerm(0, c);
  for (let i = 0; i < n; i++) rowSums[i] = self - rowSums[i];
  return rowSums;
}

export function evaluateNegLosses(
  g: Graph,
  layout: Float32Array,
  { c, m, degrees, approximate = 'auto' }: NegLossOptions,
): Losses {
  const { n, rowPtr, cols, values } = g;
  if (layout.length !== 2 * n) throw new Error(`layout has ${layout.length} values, expected ${n}×2`);
  const xy = Float64Array.from(layout);
  const rowSums =
    approximate === true || (approximate === 'auto' && n > EXACT_LOSS_MAX_POINTS)
      ? farFieldSums(layout, n, c)
      : exactRowSums(xy, n, c);
  let attractive = 0;
  let graphRepulsion = 0;
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const dx = xy[2 * i] - xy[2 * cols[p]];
      const dy = xy[2 * i + 1] - xy[2 * cols[p] + 1];
      const u = dx * dx + dy * dy;
      attractive += values[p] * Math.log(1 + c * (1 + u));
      graphRepulsion += values[p] * repulsionTerm(u, c);
    }
  }
  let all = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    all += rowSums[i];
    weighted += degrees[i] * rowSums[i];
  }
  // Σ_ij (1 − μ_ij) r_ij, and Σ_ij (dᵢ + dⱼ)m/(2n)·r_ij = (m/n)·Σ_i dᵢ R_i since r is symmetric.
  const purportedRepulsion = all - graphRepulsion;
  const effectiveRepulsion = (m / n) * weighted;
  return {
    purported: { attractive, repulsive: purportedRepulsion, total: attractive + purportedRepulsion },
    effective: { attractive, repulsive: effectiveRepulsion, total: attractive + effectiveRepulsion },
  };
}
