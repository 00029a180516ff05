/**
 * t-SNE's input affinities P from the app's graph.
 *
 *   p_ij = μ_ij / Σ_{k≠l} μ_kl      over the stored off-diagonal entries of the graph,
 *
 * so Σ p_ij = 1 over ordered pairs, as the joint P of t-SNE (van der Maaten & Hinton 2008, §3).
 * Documented deviation: t-SNE calibrates p_{j|i} to a perplexity and symmetrises; here P is the
 * app's fuzzy graph μ (already symmetric, both directions stored) normalised, the choice of
 * Böhm, Berens & Kobak (JMLR 2022, §3) when they compare t-SNE and UMAP on one kNN graph. Stored
 * diagonal entries get p_ii = 0 (Q has no diagonal, so they could not be matched).
 */
import { UserError } from '../../errors';
import type { Graph } from '../../types';

export interface TsneAffinities {
  n: number;
  /** The graph's CSR structure (shared, not copied). */
  rowPtr: Int32Array;
  cols: Int32Array;
  /** p_ij aligned with `cols`; 0 on the diagonal. */
  p: Float64Array;
  /** Σ p_ij log p_ij (≤ 0; 0·log 0 = 0): the constant part of KL(P‖Q). */
  sumPLogP: number;
}

export function tsneAffinities(graph: Graph): TsneAffinities {
  const { n, rowPtr, cols, values } = graph;
  const nnz = rowPtr[n];
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      const mu = values[e];
      if (!(Number.isFinite(mu) && mu >= 0)) {
        throw new Error(`graph value ${e} must be finite and ≥ 0; got ${mu}`);
      }
      if (cols[e] !== i) total += mu;
    }
  }
  if (!(total > 0)) {
    throw new UserError('t-SNE needs a graph with at least one edge of positive weight between two points.');
  }
  const p = new Float64Array(nnz);
  let sumPLogP = 0;
  for (let i = 0; i < n; i++) {
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      if (cols[e] === i || values[e] === 0) continue;
      const pe = values[e] / total;
      p[e] = pe;
      sumPLogP += pe * Math.log(pe);
    }
  }
  return { n, rowPtr, cols, p, sumPLogP };
}
