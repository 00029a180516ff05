/**
 * UMAP's sampling schedule, umap-learn 0.5 semantics (docs/algorithm.md §1.7, §1.10, §4): how often each
 * stored edge is sampled, how many negative samples each sample draws, the learning-rate decay, and
 * the repulsion probabilities of the paper's corrected sampling (§7.3, eq. 18).
 *
 * All schedule bookkeeping is float64.
 */
import { degrees } from '../graph/similarities';
import type { Graph } from '../types';

/**
 * α used in epoch `epoch`: umap-learn sets α = α₀·(1 − n/N) *after* epoch n, so the schedule is
 * α₀, α₀, α₀(1 − 1/N), …, α₀·2/N (docs/algorithm.md §1.10, §4.4).
 */
export function learningRateAt(epoch: number, nEpochs: number, initial: number): number {
  return epoch === 0 ? initial : initial * (1 - (epoch - 1) / nEpochs);
}

/**
 * Epochs per sample w_max/w_e in float64 (docs/algorithm.md §1.7): edge e is used w_e/w_max times per
 * epoch, the paper's E[X_ij] = μ_ij. A zero weight would never be sampled (Infinity).
 * umap-learn rounds w/w_max and N·w/w_max to float32 first; that changes eps by < 1e-7 relative.
 */
export function epochsPerSample(g: Graph): Float64Array {
  const nnz = g.rowPtr[g.n];
  let maxWeight = 0;
  for (let p = 0; p < nnz; p++) if (g.values[p] > maxWeight) maxWeight = g.values[p];
  const result = new Float64Array(nnz);
  for (let p = 0; p < nnz; p++) result[p] = g.values[p] > 0 ? maxWeight / g.values[p] : Infinity;
  return result;
}

/**
 * Per-epoch probability that the §7.3 scheme samples stored edge ij for repulsion:
 * p_ij = max(0, 1 − μ_ij − (d_i + d_j)·m/(2n)), d = degrees of this graph. Mirrored on both ends,
 * with ij and ji both stored, the pair gets repulsive weight 2p_ij + (d_i + d_j)m/n against the
 * attractive 2μ_ij, i.e. eq. 18, whose target similarities are μ_ij.
 * μ and d are taken relative to w_max (the rate at which UMAP really samples an edge); this is the
 * paper's formula whenever w_max = 1, as for every graph the app builds.
 */
export function correctedRepulsionProbabilities(g: Graph, m: number): Float64Array {
  const { n, rowPtr, cols, values } = g;
  const nnz = rowPtr[n];
  let maxWeight = 0;
  for (let p = 0; p < nnz; p++) if (values[p] > maxWeight) maxWeight = values[p];
  const degree = degrees(g);
  const result = new Float64Array(nnz);
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const repulsion = ((degree[i] + degree[cols[p]]) * m) / (2 * n);
      result[p] = Math.max(0, 1 - (values[p] + repulsion) / maxWeight);
    }
  }
  return result;
}

/** Schedule state per stored edge, aligned with graph.cols (docs/algorithm.md §1.10, §4.6). */
export interface EdgeSchedule {
  /** Epochs per sample, w_max/w_e (`epochsPerSample`). */
  sampleEvery: Float64Array;
  /** The edge is sampled in every epoch n ≥ nextSample. */
  nextSample: Float64Array;
  /** Epochs per negative sample, sampleEvery/m. */
  negativeEvery: Float64Array;
  /** A sample in epoch n draws trunc((n − nextNegative)/negativeEvery) negatives. */
  nextNegative: Float64Array;
  /** Epoch of each edge's latest sample (0 = not yet: epoch 0 samples nothing), for a live change of m. */
  lastSampled: Int32Array;
}

/** The schedule of a fresh run with negative sample rate m. */
export function createEdgeSchedule(g: Graph, m: number): EdgeSchedule {
  const sampleEvery = epochsPerSample(g);
  const negativeEvery = sampleEvery.map((eps) => eps / m);
  return {
    sampleEvery,
    nextSample: Float64Array.from(sampleEvery),
    negativeEvery,
    nextNegative: Float64Array.from(negativeEvery),
    lastSampled: new Int32Array(sampleEvery.length),
  };
}

/**
 * Switch a running schedule from rate m to newRate, in place.
 * Rule: an edge's negative-sample credit at epoch t is (t − nextneg)/eneg negatives; each sample
 * draws its whole part. Keep the credit the edge had right after its latest sample (the pending
 * fraction, in negatives) and let it accrue at the new rate from that epoch on. So every sample
 * from now on draws the new m on average, a w_max edge exactly m in the next epoch, and an edge
 * not sampled yet (credit −1 at epoch 0) is in the state of a fresh start with the new m.
 */
export function rescaleNegativeSamples(schedule: EdgeSchedule, m: number, newRate: number): void {
  const { sampleEvery, negativeEvery, nextNegative, lastSampled } = schedule;
  const ratio = m / newRate;
  for (let p = 0; p < sampleEvery.length; p++) {
    const since = lastSampled[p];
    nextNegative[p] = since - (since - nextNegative[p]) * ratio;
    negativeEvery[p] = sampleEvery[p] / newRate;
  }
}
