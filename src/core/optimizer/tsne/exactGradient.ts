/**
 * Exact O(n²) evaluations over all pairs: the repulsion the optimizer uses below
 * TSNE_EXACT_MAX_POINTS points, and a plain reference of the whole gradient for the tests.
 */
import type { Graph } from '../../types';
import type { TsneGradient } from './types';

/**
 * The repulsion over all pairs, each unordered pair visited once:
 *
 *   Z = Σ_{k≠l} w_kl,     S_i = Σ_{j≠i} w_ij² (y_i − y_j),     w_ij = 1/(1 + ‖y_i − y_j‖²),
 *
 * so that ∂ log Z/∂y_i = −(4/Z)·S_i (Böhm, Berens & Kobak, JMLR 2022, eq. 4, the repulsive term).
 * Writes S into `forces` (n×2, overwritten) and returns Z.
 */
export function exactRepulsion(y: Float64Array, n: number, forces: Float64Array): number {
  forces.fill(0);
  let half = 0;
  for (let i = 0; i < n; i++) {
    const xi = y[2 * i];
    const yi = y[2 * i + 1];
    let fx = 0;
    let fy = 0;
    for (let j = i + 1; j < n; j++) {
      const dx = xi - y[2 * j];
      const dy = yi - y[2 * j + 1];
      const w = 1 / (1 + dx * dx + dy * dy);
      half += w;
      const w2 = w * w;
      fx += w2 * dx;
      fy += w2 * dy;
      forces[2 * j] -= w2 * dx;
      forces[2 * j + 1] -= w2 * dy;
    }
    forces[2 * i] += fx;
    forces[2 * i + 1] += fy;
  }
  return 2 * half;
}

/**
 * Reference for the tests: the exaggerated gradient literally as Böhm, Berens & Kobak (JMLR 2022,
 * eq. 4) write it, pair by pair,
 *
 *   ∂/∂y_i = 4 Σ_j (ρ·p_ij − q_ij) w_ij (y_i − y_j),     q_ij = w_ij / Z,
 *
 * and KL(P‖Q) = Σ p_ij log(p_ij / q_ij) over the edges; nothing shared with tsneGradient. P is the
 * graph normalised over its off-diagonal entries (affinities.ts), assumed symmetric as the formula
 * does. Two passes over all n² ordered pairs (Z first), O(n) memory.
 */
export function exactTsneGradient(
  graph: Graph,
  layout: Float32Array | Float64Array,
  exaggeration = 1,
): TsneGradient {
  const { n, rowPtr, cols, values } = graph;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) if (cols[e] !== i) total += values[e];
  }
  const w = (i: number, j: number) =>
    1 / (1 + (layout[2 * i] - layout[2 * j]) ** 2 + (layout[2 * i + 1] - layout[2 * j + 1]) ** 2);
  let z = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (j !== i) z += w(i, j);

  const gradient = new Float64Array(2 * n);
  const row = new Float64Array(n);
  let sumPLogP = 0;
  let sumPLogW = 0;
  for (let i = 0; i < n; i++) {
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      if (cols[e] === i || values[e] === 0) continue;
      const p = values[e] / total;
      row[cols[e]] += p;
      sumPLogP += p * Math.log(p);
      sumPLogW += p * Math.log(w(i, cols[e]));
    }
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const wij = w(i, j);
      const c = 4 * (exaggeration * row[j] - wij / z) * wij;
      gradient[2 * i] += c * (layout[2 * i] - layout[2 * j]);
      gradient[2 * i + 1] += c * (layout[2 * i + 1] - layout[2 * j + 1]);
    }
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) row[cols[e]] = 0;
  }
  const attractive = sumPLogP - sumPLogW;
  const repulsive = Math.log(z);
  return { gradient, kl: { attractive, repulsive, total: attractive + repulsive }, z };
}
