/**
 * UMAP's SGD epoch in plain TypeScript, umap-learn 0.5 semantics (docs/algorithm.md §1.7, §1.10,
 * §4), plus the paper's variants: pushing the negative sample too (Algorithm 1, line 10) and the
 * corrected sampling of §7.3 (eq. 18). Each epoch reports the actual loss of eq. 11 on the pairs it
 * sampled.
 *
 * The readable reference and test oracle of the WebAssembly kernel (wasm/optimizer.as.ts, the
 * production SGD; agreement.test.ts holds the two to each other), and the backend for what the
 * kernel does not cover (§7.3, logAfter, per-edge counts) or where WebAssembly is missing.
 *
 * The embedding is 2-D, float32 like umap-learn's; all schedule bookkeeping is float64.
 */

import { paperLog } from '../losses/paperLog';
import { createUint32Source, uniformIntFrom } from '../random';
import { createInfoNceUpdate } from './contrastive/infoNceUpdate';
import {
  negAttractiveCoefficient,
  negAttractiveLoss,
  negRepulsiveCoefficient,
  negRepulsiveLoss,
  negScaleDerivative,
} from './contrastive/negTerms';
import { createEpochPairLog } from './epochPairLog';
import { clipGradient, REPULSION_OFFSET } from './gradients';
import type { EpochLoss, EpochResult } from './optimizerHandle';
import { optimizerHandle } from './optimizerHandle';
import { correctedRepulsionProbabilities, createEdgeSchedule } from './sampling';
import type { Optimizer, PerEdgeCounts } from './types';
import type { CheckedOptions } from './validateOptions';

const TWO_POW_32 = 4294967296;
/** −paperLog(1 − φ) at φ = 1: a sample equal to its head, the diagonal term of eq. 11 (9.2103). */
const DIAGONAL_REPULSION = -paperLog(0);

/** The pair loss of an epoch: UMAP's φ with a and b, or NEG's estimator with scale negScale (when not NaN). */
interface PairRule {
  a: number;
  b: number;
  negScale: number;
}

/**
 * One SGD update of the pair (i, j) (docs/algorithm.md §1.10 steps 2 and 5): the gradient
 * coefficient of the attraction or repulsion term (UMAP's, gradients.ts, with umap-learn's offset;
 * or NEG's, contrastive/negTerms.ts), each coordinate clipped, times α, moves i, and j by the
 * opposite step when moveOther. Returns the pair's loss term before the update, 0 unless trackLoss
 * (UMAP: eq. 11's −paperLog; NEG: −log ξ or −log(1 − ξ)). UMAP does not move coincident points
 * (d² = 0, i = j included); as a repulsion they score −paperLog(0), the diagonal term. NEG's terms
 * are finite at d² = 0.
 */
function updatePair(
  positions: Float32Array,
  i: number,
  j: number,
  repel: boolean,
  moveOther: boolean,
  alpha: number,
  rule: PairRule,
  trackLoss: boolean,
): number {
  const dx = positions[2 * i] - positions[2 * j];
  const dy = positions[2 * i + 1] - positions[2 * j + 1];
  const distSquared = dx * dx + dy * dy;
  const c = rule.negScale;
  let coefficient: number;
  let loss = 0;
  if (!Number.isNaN(c)) {
    coefficient = repel ? negRepulsiveCoefficient(distSquared, c) : negAttractiveCoefficient(distSquared, c);
    if (trackLoss) loss = repel ? negRepulsiveLoss(distSquared, c) : negAttractiveLoss(distSquared, c);
  } else {
    if (!(distSquared > 0)) return repel && trackLoss ? DIAGONAL_REPULSION : 0;
    const { a, b } = rule;
    const power = Math.exp(b * Math.log(distSquared));
    const phi = 1 / (1 + a * power);
    coefficient = repel
      ? (2 * b * phi) / (REPULSION_OFFSET + distSquared)
      : -2 * a * b * (power / distSquared) * phi;
    if (trackLoss) loss = -paperLog(repel ? 1 - phi : phi);
  }
  const gx = clipGradient(coefficient * dx);
  const gy = clipGradient(coefficient * dy);
  positions[2 * i] += alpha * gx;
  positions[2 * i + 1] += alpha * gy;
  if (moveOther) {
    positions[2 * j] -= alpha * gx;
    positions[2 * j + 1] -= alpha * gy;
  }
  return loss;
}

/**
 * The reference backend over `o.graph` (CSR, both directions stored), from a copy of `o.layout`,
 * for options checked by createOptimizer. Per epoch n (docs/algorithm.md §1.10), edges in stored
 * order (head = row, tail = column):
 * - an edge due (next sample ≤ n; never in epoch 0) attracts both ends by the same clipped step;
 * - then its head is repelled from trunc((n − nextneg)/eneg) samples drawn uniformly from all n
 *   points, using the already moved head (a sample equal to the head, or coincident with it, does
 *   not move anything; with pushNegatives the sample moves by the opposite step);
 * - with sampling 'corrected' (epochs ≥ 1), every edge then repels both ends with probability p_ij.
 * α is set after each epoch (`learningRateAt`, in optimizerHandle.ts). Same seed and options →
 * bit-identical embedding.
 */
export function createReferenceOptimizer(o: CheckedOptions): Optimizer {
  const { graph, a, b, pushNegatives, trackLoss } = o;
  const { n, rowPtr, cols } = graph;
  const nnz = rowPtr[n];
  const corrected = o.sampling === 'corrected';
  const embedding = Float32Array.from(o.layout);
  const random = createUint32Source(o.seed);

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

  const counts: PerEdgeCounts | undefined = o.countPerEdge
    ? {
        edgeSamples: new Float64Array(nnz),
        negativeSamples: new Float64Array(nnz),
        correctedSamples: new Float64Array(nnz),
      }
    : undefined;
  const pairLog = o.logAfter
    ? createEpochPairLog(nnz, expectedRepulsions(sampleEvery, m, correctedThreshold))
    : undefined;

  const infoNce = o.objective.mode === 'infonce' ? createInfoNceUpdate(embedding, trackLoss) : undefined;

  const runEpoch = (epoch: number, alpha: number, loss: EpochLoss): EpochResult => {
    const rule: PairRule = { a, b, negScale: loss.negScale };
    const learning = loss.learnNormalization;
    let normalizationGradient = 0;
    const update = (i: number, j: number, repel: boolean, moveOther: boolean): number => {
      if (learning) normalizationGradient += normalizationTerm(embedding, i, j, repel, loss.negScale);
      return updatePair(embedding, i, j, repel, moveOther, alpha, rule, trackLoss);
    };
    const sampleCorrected = corrected && epoch >= 1;
    pairLog?.clear();
    let attractive = 0;
    let repulsive = 0;
    let edgeSamples = 0;
    let negativeSamples = 0;
    let correctedSamples = 0;

    for (let i = 0; i < n; i++) {
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        const j = cols[p];
        if (nextSample[p] <= epoch) {
          edgeSamples++;
          nextSample[p] += sampleEvery[p];
          lastSampled[p] = epoch;
          const negatives = Math.trunc((epoch - nextNegative[p]) / negativeEvery[p]);
          if (infoNce !== undefined) {
            // InfoNCE: the edge and its negatives form one term, so all of them are drawn first.
            const samples = infoNce.draw(negatives, () => uniformIntFrom(random, n));
            const terms = infoNce.update(i, j, samples, alpha, loss.infoNceWeight, pushNegatives);
            attractive += terms.attractive;
            repulsive += terms.repulsive;
          } else {
            // Attraction (§1.10 step 2): both ends move by the same clipped step.
            attractive += update(i, j, false, true);
            pairLog?.addAttractive(i, j);
            // Negative samples (§1.10 steps 4–6): only the head moves (unless pushNegatives), from its
            // already moved position; the first use of a w_max edge gives m − 1.
            for (let q = 0; q < negatives; q++) {
              const s = uniformIntFrom(random, n);
              pairLog?.addRepulsive(i, s);
              repulsive += update(i, s, true, pushNegatives);
            }
          }
          if (negatives > 0) {
            negativeSamples += negatives;
            nextNegative[p] += negatives * negativeEvery[p];
          }
          if (counts !== undefined) {
            counts.edgeSamples[p]++;
            if (negatives > 0) counts.negativeSamples[p] += negatives;
          }
        }

        // §7.3: with probability p_ij, repel i and j from each other, both ends, like attraction.
        if (sampleCorrected && correctedThreshold[p] > 0 && random() < correctedThreshold[p]) {
          correctedSamples++;
          if (counts !== undefined) counts.correctedSamples[p]++;
          pairLog?.addRepulsive(i, j);
          repulsive += update(i, j, true, true);
        }
      }
    }

    const stats: EpochResult = {
      epoch,
      actual: { attractive, repulsive, total: attractive + repulsive },
      edgeSamples,
      negativeSamples,
    };
    if (learning) stats.normalizationGradient = normalizationGradient;
    if (pairLog !== undefined) stats.actualAfter = pairLog.score(embedding, a, b);
    if (corrected) stats.correctedSamples = correctedSamples;
    return stats;
  };

  return optimizerHandle({
    backend: 'typescript',
    embedding,
    options: o,
    schedule,
    perEdgeCounts: counts,
    runEpoch,
    negativeSampleRateChanged(newRate: number) {
      m = newRate;
      setCorrectedThresholds();
    },
  });
}

/** A pair's ∂L/∂log Z̄ under NEG's estimator before its update (negTerms.ts). */
function normalizationTerm(positions: Float32Array, i: number, j: number, repel: boolean, c: number): number {
  const dx = positions[2 * i] - positions[2 * j];
  const dy = positions[2 * i + 1] - positions[2 * j + 1];
  return negScaleDerivative(dx * dx + dy * dy, c, repel);
}

/** The repulsions an epoch expects (m per sample, plus p_ij per edge with §7.3): sizes the pair log. */
function expectedRepulsions(sampleEvery: Float64Array, m: number, correctedThreshold: Float64Array): number {
  let expected = 0;
  for (let p = 0; p < sampleEvery.length; p++) {
    expected += m / sampleEvery[p] + (correctedThreshold.length > 0 ? correctedThreshold[p] / TWO_POW_32 : 0);
  }
  return expected;
}
