/**
 * One SGD update of the kernel (docs/algorithm.md §1.10 steps 2 and 5; gradients.ts): from a pair's
 * squared distance, its term of the actual loss (eq. 11) and the gradient step of −log φ
 * (attraction) or −log(1 − φ) (repulsion), each coordinate clipped. The constants come from the
 * host (the clip and the repulsion offset of gradients.ts, ε of paperLog.ts), so both paths share
 * one definition of each. Every function is inlined into the epoch loop (optimizer.as.ts), where
 * the mode flags are constants.
 *
 * Two modes. The fast one computes a·(d²)^b with table-driven log2/exp2 (fastMath.as.ts) and each
 * gradient coefficient with one division, so it agrees with the TypeScript reference up to rounding.
 * The reference mode (setReferencePower, tests only) keeps the reference's exact arithmetic, so the
 * two can be compared bit for bit.
 */

import { aPowerOf, EXP_SIZE, LN2, scaledLog2 } from './fastMath.as';

// The host's Math.log and Math.exp, for the reference mode only.
// @ts-ignore: decorator
@external("env", "log")
declare function hostLog(x: f64): f64;
// @ts-ignore: decorator
@external("env", "exp")
declare function hostExp(x: f64): f64;

export let referencePower = false;
export let trackLoss = false;
export let diagonalRepulsion: f64 = 0;
let logEps: f64 = 0;
let kernelA: f64 = 1;
let kernelB: f64 = 1;
let gradientClip: f64 = 0;
let repulsionOffset: f64 = 0;

/** NEG's estimator ξ = 1/(1 + c·(1 + d²)) (contrastive/negTerms.ts) instead of UMAP's φ, and its scale c. */
export let negMode = false;
/** Sum ∂L/∂log c over the epoch's pairs (NCE learns c). */
export let learnScale = false;
let negC: f64 = 0;
/** A negative sample equal to its head (d² = 0): −log(1 − ξ(0)) and −ξ(0). */
export let negDiagonalLoss: f64 = 0;
export let negDiagonalScaleTerm: f64 = 0;

/** The epoch's α, and the fast mode's constants folded with it. */
let epochAlpha: f64 = 0;
let alphaClip: f64 = 0;
let alphaMinusTwoB: f64 = 0;
let alphaTwoB: f64 = 0;
let alphaTwo: f64 = 0;
let alphaMinusTwoC: f64 = 0;
let scaleY: f64 = 0;
let offsetY: f64 = 0;

/**
 * Compute (d²)^b as the reference does, Math.exp(b·Math.log d²) through the host, with its order of
 * operations (tests: UMAP's SGD is chaotic at float32 resolution, one rounding difference grows to
 * O(1) within a few epochs, so only this mode can be compared with the reference over many epochs).
 */
export function setReferencePower(on: bool): void {
  referencePower = on;
}

/**
 * Accumulate eq. 11 over the pairs each epoch samples, as the reference does with trackLoss: ε of
 * paperLog, and −paperLog(0), the term of a sample equal to (or coincident with) its head.
 */
export function setLossTracking(on: bool, eps: f64, diagonal: f64): void {
  trackLoss = on;
  logEps = eps;
  diagonalRepulsion = diagonal;
}

/**
 * The run's update rule: φ(d) = 1/(1 + a·d^{2b}); `clip` bounds each coordinate of a gradient;
 * `offset` is added to d² in the repulsive coefficient.
 */
export function setUpdateRule(a: f64, b: f64, clip: f64, offset: f64): void {
  kernelA = a;
  kernelB = b;
  gradientClip = clip;
  repulsionOffset = offset;
}

/**
 * The next epochs descend NEG's terms with estimator scale c (on), or UMAP's (off); `learn` also
 * sums ∂L/∂log c (NCE).
 */
export function setNegEstimator(on: bool, c: f64, learn: bool): void {
  negMode = on;
  learnScale = on && learn;
  negC = c;
  negDiagonalLoss = on ? hostLog((1 + c) / c) : 0;
  negDiagonalScaleTerm = on ? -1 / (1 + c) : 0;
}

/** The step size α of the next epoch's updates. */
export function setEpochAlpha(alpha: f64): void {
  epochAlpha = alpha;
  alphaTwo = alpha * 2;
  alphaMinusTwoC = alpha * -2 * negC;
  // Fast mode: α·clip(g, ±c) = clip(α·g, ±c|α|), and a·(d²)^b in one exp2 (aPowerOf).
  alphaClip = abs(alpha) * gradientClip;
  alphaMinusTwoB = alpha * -2 * kernelB;
  alphaTwoB = alpha * 2 * kernelB;
  scaleY = <f64>EXP_SIZE * kernelB;
  offsetY = <f64>EXP_SIZE * scaledLog2(kernelA, 1, 0);
}

/** (d²)^b in the reference mode (the host's Math.exp and Math.log), a·(d²)^b in the fast one. */
// @ts-ignore: decorator
@inline
export function powerOf(distSquared: f64, reference: bool): f64 {
  return reference ? hostExp(kernelB * hostLog(distSquared)) : aPowerOf(distSquared, scaleY, offsetY);
}

/**
 * The pair's term of eq. 11 from powerOf's value: −paperLog(φ) to attract, −paperLog(1 − φ) to
 * repel, paperLog(x) = ln(min(x + ε, 1)); the host's Math.log in the reference mode (bit-identical
 * sums), else the table log2.
 */
// @ts-ignore: decorator
@inline
export function lossTerm(power: f64, repel: bool, reference: bool): f64 {
  let similarity: f64;
  if (reference) {
    const phi = 1 / (1 + kernelA * power);
    similarity = repel ? 1 - phi : phi;
  } else {
    // 1 − φ as a·(d²)^b/(1 + a·(d²)^b): no cancellation when φ is close to 1.
    similarity = select(power, 1, repel) / (1 + power);
  }
  const shifted = similarity + logEps;
  if (!(shifted < 1)) return 0;
  return -(reference ? hostLog(shifted) : scaledLog2(shifted, LN2, 0));
}

/**
 * The gradient coefficient c at d² > 0 from powerOf's value: −2ab·(d²)^{b−1}·φ to attract,
 * 2b·φ/(offset + d²) to repel, φ = 1/(1 + a·(d²)^b). The fast mode returns α·c rearranged to one
 * division, since the divisions sit on the chain of dependent head updates.
 */
// @ts-ignore: decorator
@inline
export function gradientCoefficient(distSquared: f64, power: f64, repel: bool, reference: bool): f64 {
  if (reference) {
    const phi = 1 / (1 + kernelA * power);
    return repel
      ? (2 * kernelB * phi) / (repulsionOffset + distSquared)
      : -2 * kernelA * kernelB * (power / distSquared) * phi;
  }
  const numerator = select(alphaTwoB, alphaMinusTwoB * power, repel);
  return numerator / ((1 + power) * select(repulsionOffset + distSquared, distSquared, repel));
}

/** One coordinate's step: α·clip(c·δ) in the reference mode, clip(αc·δ) to ±|α|·clip in the fast one. */
// @ts-ignore: decorator
@inline
export function clippedStep(coefficient: f64, delta: f64, reference: bool): f64 {
  return reference ? epochAlpha * clip(coefficient * delta, gradientClip) : clip(coefficient * delta, alphaClip);
}

/**
 * Clamp to [−bound, bound] as clipGradient does, NaN passing through too; by selects, which V8
 * compiles without the NaN and ±0 fix-ups of f64.min/f64.max.
 */
// @ts-ignore: decorator
@inline
function clip(v: f64, bound: f64): f64 {
  const low = select(-bound, v, v < -bound);
  return select(bound, low, low > bound);
}

/**
 * NEG's gradient coefficient at d² (contrastive/negTerms.ts): −2c·ξ to attract, 2φ·ξ to repel; the
 * reference mode with the TypeScript reference's operations, the fast one α-folded.
 */
// @ts-ignore: decorator
@inline
export function negCoefficient(distSquared: f64, repel: bool, reference: bool): f64 {
  const t = 1 + distSquared;
  const denominator = 1 + negC * t;
  if (reference) return repel ? 2 / (t * denominator) : (-2 * negC) / denominator;
  return select(alphaTwo, alphaMinusTwoC, repel) / select(t * denominator, denominator, repel);
}

/** NEG's loss term at d²: −log ξ to attract, −log(1 − ξ) to repel. */
// @ts-ignore: decorator
@inline
export function negLossTerm(distSquared: f64, repel: bool, reference: bool): f64 {
  const ct = negC * (1 + distSquared);
  const x = repel ? (1 + ct) / ct : 1 + ct;
  return reference ? hostLog(x) : scaledLog2(x, LN2, 0);
}

/** ∂L/∂log c of NEG's term at d²: 1 − ξ to attract, −ξ to repel. */
// @ts-ignore: decorator
@inline
export function negScaleTerm(distSquared: f64, repel: bool): f64 {
  const xi = 1 / (1 + negC * (1 + distSquared));
  return repel ? -xi : 1 - xi;
}
