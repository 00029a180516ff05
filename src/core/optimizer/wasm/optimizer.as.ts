/**
 * UMAP's SGD epoch (docs/algorithm.md §1.10) in AssemblyScript, compiled to WebAssembly by
 * `npm run build:wasm`: the one production SGD. Its readable twin and test oracle is the TypeScript
 * reference (referenceEpoch.ts); agreement.test.ts holds the two to each other. The host
 * (wasmOptimizer.ts) owns the schedule: it lays the graph, the float32 embedding and the float64
 * edge schedule out in this module's memory, passes the update rule (updateRule.as.ts) and calls
 * `runEpoch` once per epoch with its α. The random stream is random.as.ts's.
 *
 * Covered: umap sampling, pushNegatives on or off, the actual loss of eq. 11 on or off. Corrected
 * sampling (§7.3) stays in TypeScript.
 *
 * Built twice: with its own memory (one thread), and importing a shared memory (`--importMemory
 * --sharedMemory --zeroFilledMemory`) so that several instances in several workers run the shards of
 * one epoch on one embedding (parallelOptimizer.ts). Module globals (the generator, the epoch's
 * totals, the update rule) are per instance.
 */

import { uniformIndex } from './random.as';
import {
  clippedStep,
  diagonalRepulsion,
  gradientCoefficient,
  learnScale,
  lossTerm,
  negCoefficient,
  negDiagonalLoss,
  negDiagonalScaleTerm,
  negLossTerm,
  negMode,
  negScaleTerm,
  powerOf,
  referencePower,
  setEpochAlpha,
  trackLoss,
} from './updateRule.as';

export { exp2, log2 } from './fastMath.as';
export { nextUint32, seed } from './random.as';
export { setLossTracking, setNegEstimator, setReferencePower, setUpdateRule } from './updateRule.as';

/** First free byte after this module's own data: the host lays its arrays out from here. */
export function heapBase(): usize {
  return __heap_base;
}

// ---- The run: where its arrays are. ----

let runN: i32 = 0;
let rowPtrAt: usize = 0;
let colsAt: usize = 0;
let positionsAt: usize = 0;
let sampleEveryAt: usize = 0;
let nextSampleAt: usize = 0;
let negativeEveryAt: usize = 0;
let nextNegativeAt: usize = 0;
let lastSampledAt: usize = 0;
let pushNegativesOn = false;

/**
 * The run the next epochs work on. Pointers are byte offsets into this module's memory: positions
 * float32 n×2, rowPtr/cols int32, the schedule float64 per edge, lastSampled int32 per edge;
 * pushNegatives also moves each negative sample (Algorithm 1, line 10).
 */
export function setRun(
  n: i32,
  rowPtr: usize,
  cols: usize,
  positions: usize,
  sampleEvery: usize,
  nextSample: usize,
  negativeEvery: usize,
  nextNegative: usize,
  lastSampled: usize,
  pushNegatives: bool,
): void {
  runN = n;
  rowPtrAt = rowPtr;
  colsAt = cols;
  positionsAt = positions;
  sampleEveryAt = sampleEvery;
  nextSampleAt = nextSample;
  negativeEveryAt = negativeEvery;
  nextNegativeAt = nextNegative;
  lastSampledAt = lastSampled;
  pushNegativesOn = pushNegatives;
}

// ---- One epoch. ----

let edgeSamplesOut: f64 = 0;
let negativeSamplesOut: f64 = 0;
let attractiveLossOut: f64 = 0;
let repulsiveLossOut: f64 = 0;
let scaleGradientOut: f64 = 0;

export function edgeSamples(): f64 {
  return edgeSamplesOut;
}

export function negativeSamples(): f64 {
  return negativeSamplesOut;
}

/** The last epoch's attraction part of eq. 11 (0 unless loss tracking is on). */
export function attractiveLoss(): f64 {
  return attractiveLossOut;
}

/** The last epoch's repulsion part of eq. 11 (0 unless loss tracking is on). */
export function repulsiveLoss(): f64 {
  return repulsiveLossOut;
}

/** The last epoch's sum of ∂L/∂log c over its pairs (NEG's estimator with learning on; else 0). */
export function scaleGradient(): f64 {
  return scaleGradientOut;
}

/**
 * One epoch of the run (setRun) over the stored edges of rows rowBegin..rowEnd − 1 (all n rows for
 * one thread; a shard of them for parallel epochs, parallelOptimizer.ts), with step size α: the
 * reference's epoch with sampling 'umap'. Negative samples are drawn from all n points.
 */
export function runEpoch(rowBegin: i32, rowEnd: i32, epoch: i32, alpha: f64): void {
  setEpochAlpha(alpha);
  // Eight copies of the loop, each with its modes constant-folded: no per-sample test of a mode.
  if (negMode) runLossEpoch(rowBegin, rowEnd, epoch, true);
  else runLossEpoch(rowBegin, rowEnd, epoch, false);
}

// @ts-ignore: decorator
@inline
function runLossEpoch(rowBegin: i32, rowEnd: i32, epoch: i32, neg: bool): void {
  if (referencePower) {
    if (trackLoss) epochLoop(rowBegin, rowEnd, epoch, true, true, neg);
    else epochLoop(rowBegin, rowEnd, epoch, true, false, neg);
  } else if (trackLoss) {
    epochLoop(rowBegin, rowEnd, epoch, false, true, neg);
  } else {
    epochLoop(rowBegin, rowEnd, epoch, false, false, neg);
  }
}

/**
 * The epoch body (docs/algorithm.md §1.10): per stored edge due, in stored order, the attraction of
 * its tail, which moves both ends, then trunc((n − nextneg)/eneg) negative samples, which repel the
 * moved head. The head stays in locals through the edge's updates: each one starts from the last.
 */
// @ts-ignore: decorator
@inline
function epochLoop(rowBegin: i32, rowEnd: i32, epoch: i32, reference: bool, tracking: bool, neg: bool): void {
  // The run's settings in locals: globals are memory round trips in V8.
  const rowPtr = rowPtrAt;
  const cols = colsAt;
  const positions = positionsAt;
  const sampleEvery = sampleEveryAt;
  const nextSample = nextSampleAt;
  const negativeEvery = negativeEveryAt;
  const nextNegative = nextNegativeAt;
  const lastSampled = lastSampledAt;
  const pushNegatives = pushNegativesOn;
  const diagonal = neg ? negDiagonalLoss : diagonalRepulsion;
  const learning = neg && learnScale;
  let scaleSum: f64 = 0;
  const epochValue = <f64>epoch;
  const count = <u32>runN;
  const inverseCount = 1 / <f64>count;
  // Unbiased draw in 0..n−1, as uniformIntFrom: reject the top 2^32 mod n values.
  const drawLimit: u64 = 0x100000000 - (0x100000000 % <u64>count);
  let edgeTotal: f64 = 0;
  let negativeTotal: f64 = 0;
  // The loss sums are off the chain of head updates, so tracking costs throughput, not latency.
  let attractionSum: f64 = 0;
  let repulsionSum: f64 = 0;

  let rowStart = load<i32>(rowPtr + (<usize>rowBegin << 2));
  for (let i = rowBegin; i < rowEnd; i++) {
    const rowStop = load<i32>(rowPtr + ((<usize>i + 1) << 2));
    const headAt = positions + (<usize>i << 3);
    for (let p = rowStart; p < rowStop; p++) {
      const edge8 = <usize>p << 3;
      const due = load<f64>(nextSample + edge8);
      if (due > epochValue) continue;
      const tailAt = positions + (<usize>load<i32>(cols + (<usize>p << 2)) << 3);
      edgeTotal += 1;
      store<f64>(nextSample + edge8, due + load<f64>(sampleEvery + edge8));
      store<i32>(lastSampled + (<usize>p << 2), epoch);
      const pending = load<f64>(nextNegative + edge8);
      const every = load<f64>(negativeEvery + edge8);
      const negatives = <i32>trunc((epochValue - pending) / every);
      if (negatives > 0) {
        negativeTotal += <f64>negatives;
        store<f64>(nextNegative + edge8, pending + <f64>negatives * every);
      }

      let headX = <f64>load<f32>(headAt);
      let headY = <f64>load<f32>(headAt, 4);
      // q = −1: the tail; q ≥ 0: the negative samples, uniform over all n points.
      for (let q = -1; q < negatives; q++) {
        const repel = q >= 0;
        const otherAt = repel ? positions + (<usize>uniformIndex(count, inverseCount, drawLimit) << 3) : tailAt;
        const otherX = <f64>load<f32>(otherAt);
        const otherY = <f64>load<f32>(otherAt, 4);
        const dx = headX - otherX;
        const dy = headY - otherY;
        const distSquared = dx * dx + dy * dy;
        // The head itself (its stored position is stale here), or for UMAP a coincident point: φ = 1
        // and no update (umap-learn); a repulsion scores −paperLog(0), the diagonal term of eq. 11
        // (NEG: its finite term at d² = 0).
        if (otherAt == headAt || (!neg && !(distSquared > 0))) {
          if (repel && tracking) repulsionSum += diagonal;
          if (learning) scaleSum += negDiagonalScaleTerm;
          continue;
        }
        let coefficient: f64;
        if (neg) {
          if (tracking) {
            const term = negLossTerm(distSquared, repel, reference);
            if (repel) repulsionSum += term;
            else attractionSum += term;
          }
          if (learning) scaleSum += negScaleTerm(distSquared, repel);
          coefficient = negCoefficient(distSquared, repel, reference);
        } else {
          const power = powerOf(distSquared, reference);
          if (tracking) {
            const term = lossTerm(power, repel, reference);
            if (repel) repulsionSum += term;
            else attractionSum += term;
          }
          coefficient = gradientCoefficient(distSquared, power, repel, reference);
        }
        const stepX = clippedStep(coefficient, dx, reference);
        const stepY = clippedStep(coefficient, dy, reference);
        headX = <f64><f32>(headX + stepX);
        headY = <f64><f32>(headY + stepY);
        if (!repel || pushNegatives) {
          store<f32>(otherAt, <f32>(otherX - stepX));
          store<f32>(otherAt, <f32>(otherY - stepY), 4);
        }
      }
      store<f32>(headAt, <f32>headX);
      store<f32>(headAt, <f32>headY, 4);
    }
    rowStart = rowStop;
  }
  edgeSamplesOut = edgeTotal;
  negativeSamplesOut = negativeTotal;
  attractiveLossOut = attractionSum;
  repulsiveLossOut = repulsionSum;
  scaleGradientOut = scaleSum;
}
