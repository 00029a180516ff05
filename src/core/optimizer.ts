/**
 * UMAP's SGD with negative sampling, umap-learn 0.5 semantics (algorithm.md §1.7, §1.10, §4), plus
 * the paper's variants: pushing the negative sample too (Algorithm 1, line 10) and the corrected
 * sampling of §7.3 (eq. 18). Each epoch reports the actual loss of eq. 11 on the pairs it sampled.
 *
 * The embedding is 2-D, float32 like umap-learn's; all schedule bookkeeping is float64.
 */
import { UserError } from './errors';
import { clipGradient, REPULSION_OFFSET } from './gradients';
import { PAPER_LOG_EPS, paperLog } from './paperLog';
import { createUint32Source } from './random';
import { degrees } from './similarities';
import type { Graph, LossParts } from './types';

export interface OptimizerOptions {
  graph: Graph;
  /** n×2 initial embedding; copied. */
  layout: Float32Array;
  nEpochs: number;
  a: number;
  b: number;
  /** Negative sample rate (umap-learn's negative_sample_rate); any positive number. */
  m: number;
  /** Initial learning rate α₀ (default 1). */
  learningRate?: number;
  /** Also move the negative sample, y_s −= α·g (Algorithm 1, line 10; the paper fork's push_tail). */
  pushNegatives?: boolean;
  /** 'corrected': add the §7.3 repulsion of graph edges (eq. 18). */
  sampling?: 'umap' | 'corrected';
  seed: number;
  /** Accumulate the actual loss (eq. 11) in the loop (default true). */
  trackLoss?: boolean;
  /** Also score the epoch's pairs on the end-of-epoch embedding (default false). */
  logAfter?: boolean;
  /** Keep per-edge sample counters (tests, diagnostics; default false). */
  countPerEdge?: boolean;
}

export interface EpochStats {
  /** 0-based index of the epoch just run. */
  epoch: number;
  /** Eq. 11, each pair scored with its distance just before its update (log_losses="during"). */
  actual: LossParts;
  /** Eq. 11 on the end-of-epoch embedding (log_losses="after", the paper's plots), when logAfter. */
  actualAfter?: LossParts;
  edgeSamples: number;
  /** UMAP's negative samples, samples equal to the head included. */
  negativeSamples: number;
  /** §7.3 repulsions of graph edges, when sampling is 'corrected'. */
  correctedSamples?: number;
}

/** Running totals per stored edge, aligned with graph.cols. */
export interface PerEdgeCounts {
  edgeSamples: Float64Array;
  negativeSamples: Float64Array;
  correctedSamples: Float64Array;
}

export interface Optimizer {
  readonly embedding: Float32Array;
  /** Number of epochs run so far = index of the next epoch. */
  readonly epoch: number;
  readonly nEpochs: number;
  /** The learning rate α the next epoch will use. */
  readonly alpha: number;
  readonly perEdgeCounts?: PerEdgeCounts;
  step(epochs?: number): EpochStats[];
  setNegativeSampleRate(m: number): void;
  setLearningRate(lr: number): void;
}

/**
 * α used in epoch `epoch`: umap-learn sets α = α₀·(1 − n/N) *after* epoch n, so the schedule is
 * α₀, α₀, α₀(1 − 1/N), …, α₀·2/N (algorithm.md §1.10, §4.4).
 */
export function learningRateAt(epoch: number, nEpochs: number, initial: number): number {
  return epoch === 0 ? initial : initial * (1 - (epoch - 1) / nEpochs);
}

/**
 * Epochs per sample w_max/w_e in float64 (algorithm.md §1.7): edge e is used w_e/w_max times per
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

const TWO_POW_32 = 4294967296;
/** −paperLog(1 − φ) at φ = 1: a sample equal to its head, the diagonal term of eq. 11 (9.2103). */
const DIAGONAL_REPULSION = -paperLog(0);

function checkRate(m: number): void {
  if (!(Number.isFinite(m) && m > 0)) {
    throw new UserError(`The negative sample rate m must be a positive number; got ${m}.`);
  }
}

function checkLearningRate(lr: number): void {
  if (!(Number.isFinite(lr) && lr >= 0)) {
    throw new UserError(`The learning rate must be a number ≥ 0; got ${lr}.`);
  }
}

/**
 * An optimizer over `o.graph` (CSR, both directions stored), starting from a copy of `o.layout`.
 * Per epoch n (algorithm.md §1.10), edges in stored order (head = row, tail = column):
 * - an edge due (next sample ≤ n; never in epoch 0) attracts both ends by the same clipped step;
 * - then its head is repelled from trunc((n − nextneg)/eneg) samples drawn uniformly from all n
 *   points, using the already moved head (a sample equal to the head, or coincident with it, does
 *   not move anything; with pushNegatives the sample moves by the opposite step);
 * - with sampling 'corrected' (epochs ≥ 1), every edge then repels both ends with probability p_ij.
 * α is set after each epoch (`learningRateAt`). Same seed and options → bit-identical embedding.
 */
export function createOptimizer(o: OptimizerOptions): Optimizer {
  const { graph, nEpochs, a, b, seed } = o;
  const { n, rowPtr, cols } = graph;
  const nnz = rowPtr[n];
  if (o.layout.length !== 2 * n) {
    throw new Error(
      `the optimizer needs a 2-D layout of ${n} points (${2 * n} values); got ${o.layout.length}`,
    );
  }
  if (!(Number.isInteger(nEpochs) && nEpochs >= 1)) {
    throw new UserError(`The number of epochs must be a whole number of at least 1; got ${nEpochs}.`);
  }
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
    throw new Error(`a and b must be positive, got a = ${a}, b = ${b}`);
  }
  checkRate(o.m);
  let initialAlpha = o.learningRate ?? 1;
  checkLearningRate(initialAlpha);
  const pushNegatives = o.pushNegatives ?? false;
  const corrected = (o.sampling ?? 'umap') === 'corrected';
  const trackLoss = o.trackLoss ?? true;
  const logAfter = o.logAfter ?? false;

  const embedding = Float32Array.from(o.layout);
  const random = createUint32Source(seed);
  // Unbiased draw in 0..n−1, as uniformIntFrom: reject the top 2^32 mod n values.
  const drawLimit = TWO_POW_32 - (TWO_POW_32 % n);

  // Schedule state per stored edge, float64 (algorithm.md §1.10, §4.6).
  let m = o.m;
  const sampleEvery = epochsPerSample(graph);
  const nextSample = Float64Array.from(sampleEvery);
  const negativeEvery = sampleEvery.map((eps) => eps / m);
  const nextNegative = Float64Array.from(negativeEvery);
  // Epoch of each edge's latest sample (0 = not yet: epoch 0 samples nothing), for a live change of m.
  const lastSampled = new Int32Array(nnz);
  // §7.3: p_ij as a threshold on a raw uint32, so a Bernoulli draw is one comparison.
  const correctedThreshold = new Float64Array(corrected ? nnz : 0);
  const setCorrectedThresholds = (): void => {
    if (!corrected) return;
    const probabilities = correctedRepulsionProbabilities(graph, m);
    for (let p = 0; p < nnz; p++) correctedThreshold[p] = probabilities[p] * TWO_POW_32;
  };
  setCorrectedThresholds();

  const perEdgeCounts: PerEdgeCounts | undefined = o.countPerEdge
    ? {
        edgeSamples: new Float64Array(nnz),
        negativeSamples: new Float64Array(nnz),
        correctedSamples: new Float64Array(nnz),
      }
    : undefined;

  // Pairs of the current epoch for actualAfter, interleaved (head, other). Attraction uses each edge
  // at most once per epoch (eps ≥ 1), so 2·nnz suffices; repulsion starts at 10 % above its
  // expected count per epoch and doubles when needed (a raised m, an unlucky epoch).
  const attractivePairs = new Int32Array(logAfter ? 2 * nnz : 0);
  let expectedRepulsive = 0;
  for (let p = 0; p < nnz; p++) {
    expectedRepulsive += m / sampleEvery[p] + (corrected ? correctedThreshold[p] / TWO_POW_32 : 0);
  }
  let repulsivePairs = new Int32Array(logAfter ? 2 * Math.ceil(1.1 * expectedRepulsive + 1024) : 0);
  let attractiveCount = 0;
  let repulsiveCount = 0;
  const recordRepulsive = (i: number, other: number): void => {
    if (2 * repulsiveCount === repulsivePairs.length) {
      const grown = new Int32Array(2 * repulsivePairs.length);
      grown.set(repulsivePairs);
      repulsivePairs = grown;
    }
    repulsivePairs[2 * repulsiveCount] = i;
    repulsivePairs[2 * repulsiveCount + 1] = other;
    repulsiveCount++;
  };

  let epoch = 0;
  let alpha = learningRateAt(0, nEpochs, initialAlpha);

  /** φ-based loss of the stored pairs on the current embedding (eq. 11, "after" convention). */
  const scorePairs = (pairs: Int32Array, count: number, repulsive: boolean): number => {
    let loss = 0;
    for (let q = 0; q < 2 * count; q += 2) {
      const i = pairs[q];
      const j = pairs[q + 1];
      const dx = embedding[2 * i] - embedding[2 * j];
      const dy = embedding[2 * i + 1] - embedding[2 * j + 1];
      const distSquared = dx * dx + dy * dy;
      const phi = distSquared > 0 ? 1 / (1 + a * Math.exp(b * Math.log(distSquared))) : 1;
      loss -= paperLog(repulsive ? 1 - phi : phi);
    }
    return loss;
  };

  const runEpoch = (): EpochStats => {
    const positions = embedding;
    const twoB = 2 * b;
    const minusTwoAB = -2 * a * b;
    const logEps = PAPER_LOG_EPS;
    const counts = perEdgeCounts;
    const thresholds = correctedThreshold;
    const sampleCorrected = corrected && epoch >= 1;
    attractiveCount = 0;
    repulsiveCount = 0;
    let attractiveLoss = 0;
    let repulsiveLoss = 0;
    let edgeSamples = 0;
    let negativeSamples = 0;
    let correctedSamples = 0;

    for (let i = 0; i < n; i++) {
      const rowEnd = rowPtr[i + 1];
      for (let p = rowPtr[i]; p < rowEnd; p++) {
        const j = cols[p];
        if (nextSample[p] <= epoch) {
          // Attraction (§1.10 step 2): both ends move by the same clipped step, d² not recomputed.
          let headX = positions[2 * i];
          let headY = positions[2 * i + 1];
          const tailX = positions[2 * j];
          const tailY = positions[2 * j + 1];
          const dx = headX - tailX;
          const dy = headY - tailY;
          const distSquared = dx * dx + dy * dy;
          if (distSquared > 0) {
            const power = Math.exp(b * Math.log(distSquared));
            const phi = 1 / (1 + a * power);
            if (trackLoss) {
              const shifted = phi + logEps;
              if (shifted < 1) attractiveLoss -= Math.log(shifted);
            }
            const coefficient = minusTwoAB * (power / distSquared) * phi;
            const gx = clipGradient(coefficient * dx);
            const gy = clipGradient(coefficient * dy);
            headX = Math.fround(headX + alpha * gx);
            headY = Math.fround(headY + alpha * gy);
            positions[2 * i] = headX;
            positions[2 * i + 1] = headY;
            positions[2 * j] = tailX - alpha * gx;
            positions[2 * j + 1] = tailY - alpha * gy;
          }
          // At d² = 0, φ = 1 and −paperLog(1) = 0: nothing to add, nothing moves.
          if (logAfter) {
            attractivePairs[2 * attractiveCount] = i;
            attractivePairs[2 * attractiveCount + 1] = j;
            attractiveCount++;
          }
          edgeSamples++;
          nextSample[p] += sampleEvery[p];
          lastSampled[p] = epoch;

          // Negative samples (§1.10 steps 4–6): only the head moves (unless pushNegatives), from its
          // already moved position; the first use of a w_max edge gives m − 1.
          const negatives = Math.trunc((epoch - nextNegative[p]) / negativeEvery[p]);
          if (negatives > 0) {
            for (let q = 0; q < negatives; q++) {
              let draw = random();
              while (draw >= drawLimit) draw = random();
              const s = draw % n;
              if (logAfter) recordRepulsive(i, s);
              if (s === i) {
                // The diagonal term of eq. 11; umap-learn skips the update.
                if (trackLoss) repulsiveLoss += DIAGONAL_REPULSION;
                continue;
              }
              const sampleX = positions[2 * s];
              const sampleY = positions[2 * s + 1];
              const sx = headX - sampleX;
              const sy = headY - sampleY;
              const sampleDistSquared = sx * sx + sy * sy;
              if (sampleDistSquared > 0) {
                const power = Math.exp(b * Math.log(sampleDistSquared));
                const phi = 1 / (1 + a * power);
                if (trackLoss) {
                  const shifted = 1 - phi + logEps;
                  if (shifted < 1) repulsiveLoss -= Math.log(shifted);
                }
                const coefficient = (twoB * phi) / (REPULSION_OFFSET + sampleDistSquared);
                const gx = clipGradient(coefficient * sx);
                const gy = clipGradient(coefficient * sy);
                headX = Math.fround(headX + alpha * gx);
                headY = Math.fround(headY + alpha * gy);
                if (pushNegatives) {
                  positions[2 * s] = sampleX - alpha * gx;
                  positions[2 * s + 1] = sampleY - alpha * gy;
                }
              } else if (trackLoss) {
                // Coincident distinct points: φ = 1, and umap-learn HEAD does not move them.
                repulsiveLoss += DIAGONAL_REPULSION;
              }
            }
            // Nothing read the head from the array meanwhile: s === i is skipped above.
            positions[2 * i] = headX;
            positions[2 * i + 1] = headY;
            negativeSamples += negatives;
            nextNegative[p] += negatives * negativeEvery[p];
          }
          if (counts !== undefined) {
            counts.edgeSamples[p]++;
            if (negatives > 0) counts.negativeSamples[p] += negatives;
          }
        }

        // §7.3: with probability p_ij, repel i and j from each other, both ends, like attraction.
        if (sampleCorrected && thresholds[p] > 0 && random() < thresholds[p]) {
          correctedSamples++;
          if (counts !== undefined) counts.correctedSamples[p]++;
          if (logAfter) recordRepulsive(i, j);
          const headX = positions[2 * i];
          const headY = positions[2 * i + 1];
          const tailX = positions[2 * j];
          const tailY = positions[2 * j + 1];
          const dx = headX - tailX;
          const dy = headY - tailY;
          const distSquared = dx * dx + dy * dy;
          if (distSquared > 0) {
            const power = Math.exp(b * Math.log(distSquared));
            const phi = 1 / (1 + a * power);
            if (trackLoss) {
              const shifted = 1 - phi + logEps;
              if (shifted < 1) repulsiveLoss -= Math.log(shifted);
            }
            const coefficient = (twoB * phi) / (REPULSION_OFFSET + distSquared);
            const gx = clipGradient(coefficient * dx);
            const gy = clipGradient(coefficient * dy);
            positions[2 * i] = headX + alpha * gx;
            positions[2 * i + 1] = headY + alpha * gy;
            positions[2 * j] = tailX - alpha * gx;
            positions[2 * j + 1] = tailY - alpha * gy;
          } else if (trackLoss) {
            repulsiveLoss += DIAGONAL_REPULSION;
          }
        }
      }
    }

    const stats: EpochStats = {
      epoch,
      actual: { attractive: attractiveLoss, repulsive: repulsiveLoss, total: attractiveLoss + repulsiveLoss },
      edgeSamples,
      negativeSamples,
    };
    if (logAfter) {
      const attractive = scorePairs(attractivePairs, attractiveCount, false);
      const repulsive = scorePairs(repulsivePairs, repulsiveCount, true);
      stats.actualAfter = { attractive, repulsive, total: attractive + repulsive };
    }
    if (corrected) stats.correctedSamples = correctedSamples;
    epoch++;
    alpha = learningRateAt(epoch, nEpochs, initialAlpha);
    return stats;
  };

  return {
    embedding,
    get epoch() {
      return epoch;
    },
    nEpochs,
    get alpha() {
      return alpha;
    },
    perEdgeCounts,
    step(epochs = 1) {
      const stats: EpochStats[] = [];
      for (let e = 0; e < epochs && epoch < nEpochs; e++) stats.push(runEpoch());
      return stats;
    },
    setNegativeSampleRate(newRate: number) {
      checkRate(newRate);
      if (newRate === m) return;
      // Rule: an edge's negative-sample credit at epoch t is (t − nextneg)/eneg negatives; each sample
      // draws its whole part. Keep the credit the edge had right after its latest sample (the pending
      // fraction, in negatives) and let it accrue at the new rate from that epoch on. So every sample
      // from now on draws the new m on average, a w_max edge exactly m in the next epoch, and an edge
      // not sampled yet (credit −1 at epoch 0) is in the state of a fresh start with the new m.
      const ratio = m / newRate;
      for (let p = 0; p < nnz; p++) {
        const since = lastSampled[p];
        nextNegative[p] = since - (since - nextNegative[p]) * ratio;
        negativeEvery[p] = sampleEvery[p] / newRate;
      }
      m = newRate;
      setCorrectedThresholds();
    },
    setLearningRate(lr: number) {
      checkLearningRate(lr);
      initialAlpha = lr;
      alpha = learningRateAt(epoch, nEpochs, initialAlpha);
    },
  };
}
