/**
 * UMAP's SGD with negative sampling, umap-learn 0.5 semantics (docs/algorithm.md §1.7, §1.10, §4), plus
 * the paper's variants: pushing the negative sample too (Algorithm 1, line 10) and the corrected
 * sampling of §7.3 (eq. 18). Each epoch reports the actual loss of eq. 11 on the pairs it sampled.
 *
 * The embedding is 2-D, float32 like umap-learn's; all schedule bookkeeping is float64.
 */

import { UserError } from '../errors';
import { PAPER_LOG_EPS, paperLog } from '../losses/paperLog';
import { createUint32Source } from '../random';
import type { Graph, LossParts } from '../types';
import { createEpochPairLog } from './epochPairLog';
import { clipGradient, REPULSION_OFFSET } from './gradients';
import { optimizerHandle } from './optimizerHandle';
import {
  checkLearningRate,
  checkNegativeSampleRate,
  correctedRepulsionProbabilities,
  createEdgeSchedule,
  rescaleNegativeSamples,
} from './sampling';
import { createWasmOptimizer, wasmCoversOptions } from './wasmOptimizer';

/** Where the epoch loop runs: this file's TypeScript (the reference) or wasmOptimizer.ts. */
export type OptimizerBackend = 'typescript' | 'wasm';

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
  /**
   * 'auto' (default): WebAssembly when it runs here and covers the options (umap sampling, no
   * logAfter, no per-edge counters), else TypeScript. 'wasm' throws if it cannot.
   */
  backend?: 'auto' | OptimizerBackend;
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
  /** The backend actually running the epochs. */
  readonly backend: OptimizerBackend;
  /** Threads sharing each epoch: 1, or more for parallel epochs (parallelOptimizer.ts). */
  readonly threads: number;
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
  /** Releases helper threads, if any; the optimizer must not step afterwards. */
  dispose(): void;
}

const TWO_POW_32 = 4294967296;
/** −paperLog(1 − φ) at φ = 1: a sample equal to its head, the diagonal term of eq. 11 (9.2103). */
const DIAGONAL_REPULSION = -paperLog(0);

/**
 * An optimizer over `o.graph` (CSR, both directions stored), starting from a copy of `o.layout`.
 * Per epoch n (docs/algorithm.md §1.10), edges in stored order (head = row, tail = column):
 * - an edge due (next sample ≤ n; never in epoch 0) attracts both ends by the same clipped step;
 * - then its head is repelled from trunc((n − nextneg)/eneg) samples drawn uniformly from all n
 *   points, using the already moved head (a sample equal to the head, or coincident with it, does
 *   not move anything; with pushNegatives the sample moves by the opposite step);
 * - with sampling 'corrected' (epochs ≥ 1), every edge then repels both ends with probability p_ij.
 * α is set after each epoch (`learningRateAt`, in optimizerHandle.ts). Same seed and options → bit-identical embedding.
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
  checkNegativeSampleRate(o.m);
  const initialAlpha = o.learningRate ?? 1;
  checkLearningRate(initialAlpha);
  const pushNegatives = o.pushNegatives ?? false;
  const corrected = (o.sampling ?? 'umap') === 'corrected';
  const trackLoss = o.trackLoss ?? true;
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${seed}`);

  const backend = o.backend ?? 'auto';
  if (backend !== 'typescript') {
    const wasm = wasmCoversOptions(o) ? createWasmOptimizer(o) : undefined;
    if (wasm !== undefined) return wasm;
    if (backend === 'wasm') {
      throw new Error(
        wasmCoversOptions(o)
          ? 'the WebAssembly optimizer could not be instantiated in this runtime'
          : 'the WebAssembly optimizer covers only umap sampling without logAfter or per-edge counts',
      );
    }
  }

  const embedding = Float32Array.from(o.layout);
  const random = createUint32Source(seed);
  // Unbiased draw in 0..n−1, as uniformIntFrom: reject the top 2^32 mod n values.
  const drawLimit = TWO_POW_32 - (TWO_POW_32 % n);

  let m = o.m;
  const schedule = createEdgeSchedule(graph, m);
  const { sampleEvery, nextSample, negativeEvery, nextNegative, lastSampled } = schedule;
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

  // The pairs of the current epoch, for actualAfter; sized for the repulsions an epoch expects.
  let expectedRepulsive = 0;
  for (let p = 0; p < nnz; p++) {
    expectedRepulsive += m / sampleEvery[p] + (corrected ? correctedThreshold[p] / TWO_POW_32 : 0);
  }
  const pairLog = o.logAfter ? createEpochPairLog(nnz, expectedRepulsive) : undefined;

  const runEpoch = (epoch: number, alpha: number): EpochStats => {
    const positions = embedding;
    const twoB = 2 * b;
    const minusTwoAB = -2 * a * b;
    const logEps = PAPER_LOG_EPS;
    const counts = perEdgeCounts;
    const thresholds = correctedThreshold;
    const sampleCorrected = corrected && epoch >= 1;
    pairLog?.clear();
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
          pairLog?.addAttractive(i, j);
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
              pairLog?.addRepulsive(i, s);
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
          pairLog?.addRepulsive(i, j);
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
    if (pairLog !== undefined) stats.actualAfter = pairLog.score(embedding, a, b);
    if (corrected) stats.correctedSamples = correctedSamples;
    return stats;
  };

  return optimizerHandle({
    backend: 'typescript',
    embedding,
    nEpochs,
    learningRate: initialAlpha,
    m,
    perEdgeCounts,
    runEpoch,
    changeNegativeSampleRate(from: number, to: number) {
      rescaleNegativeSamples(schedule, from, to);
      m = to;
      setCorrectedThresholds();
    },
  });
}
