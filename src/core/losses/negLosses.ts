/**
 * Eq. 6 and eq. 12 with NEG's estimator ξ = 1/(1 + c(1 + d²)) (ICLR 2023, eq. 5) in place of UMAP's
 * φ: the loss NEG purports to minimise (the cross-entropy between μ and ξ) and the one its negative
 * sampling descends. The sampling is UMAP's, so the paper's derivation carries over term for term:
 * per ordered pair, attraction μ_ij·(−log ξ_ij) and repulsion w_ij·(−log(1 − ξ_ij)) with
 * w_ij = 1 − μ_ij (purported) or (dᵢ + dⱼ)m/(2n) (effective), over all n² ordered pairs, diagonal
 * included (a negative sample can be the head itself). ξ is never 0 or 1, so both logs are plain.
 *
 * Exact, O(n²): the engine evaluates it up to EXACT_LOSS_MAX_POINTS points (farField.ts covers
 * UMAP's φ only).
 */
import type { Graph } from '../types';
import type { Losses } from './losses';

export interface NegLossOptions {
  /** The estimator's scale c = m·Z̄/n² (core/optimizer/contrastive/spectrum.ts). */
  c: number;
  /** Negative sample rate. */
  m: number;
  /** d_i = Σ_j μ_ij. */
  degrees: Float64Array;
}

/** −log(1 − ξ) at squared distance u: log((1 + c(1 + u)) / (c(1 + u))). */
function repulsionTerm(u: number, c: number): number {
  const ct = c * (1 + u);
  return Math.log((1 + ct) / ct);
}

export function evaluateNegLosses(g: Graph, layout: Float32Array, { c, m, degrees }: NegLossOptions): Losses {
  const { n, rowPtr, cols, values } = g;
  if (layout.length !== 2 * n) throw new Error(`layout has ${layout.length} values, expected ${n}×2`);
  // R_i = Σ_j r_ij over all j, the diagonal r_ii = r(0) included; each unordered pair once.
  const rowSums = new Float64Array(n).fill(repulsionTerm(0, c));
  const xy = Float64Array.from(layout);
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
