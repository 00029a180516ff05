/**
 * UMAP's SGD epoch (optimizer.ts, docs/algorithm.md §1.10) in AssemblyScript, compiled to WebAssembly
 * by `npm run build:wasm`; scalar code (for 2-D points, f64x2 lanes were no faster than two scalars).
 * The host (wasmOptimizer.ts) owns the schedule: it lays the graph, the float32 embedding and the
 * float64 edge schedule out in this module's memory, sets α and calls `runEpoch` once per epoch.
 * Same random stream as the TypeScript path; the fast mode computes a·(d²)^b with table-driven
 * log2/exp2 instead of Math.exp(b·Math.log d²) and rearranges each gradient coefficient to one
 * division, so it agrees with TypeScript up to rounding only (the reference mode, setReferencePower,
 * keeps its exact arithmetic).
 *
 * Covered: umap sampling, pushNegatives on or off, the actual loss of eq. 11 on or off. Corrected
 * sampling (§7.3) stays on the TypeScript path.
 *
 * Built twice: with its own memory (one thread), and importing a shared memory (`--importMemory
 * --sharedMemory --zeroFilledMemory`) so that several instances in several workers run the shards of
 * one epoch on one embedding (parallelOptimizer.ts). Module globals (the generator, the epoch's
 * totals) are per instance; the tables below are filled identically by each instance's start.
 */

// ---- sfc32 seeded through splitmix32: the same stream as createUint32Source (random.ts). ----

let rngA: u32 = 0;
let rngB: u32 = 0;
let rngC: u32 = 0;
let rngCounter: u32 = 0;

function splitmix32(state: u32): u32 {
  let z: u32 = state + 0x9e3779b9;
  z = (z ^ (z >>> 16)) * 0x21f0aaad;
  z = (z ^ (z >>> 15)) * 0x735a2d97;
  return z ^ (z >>> 15);
}

/** Next raw uint32 of the stream. */
// @ts-ignore: decorator
@inline
function nextRaw(): u32 {
  const t: u32 = rngA + rngB + rngCounter;
  rngCounter += 1;
  rngA = rngB ^ (rngB >>> 9);
  rngB = rngC + (rngC << 3);
  rngC = (rngC << 21) | (rngC >>> 11);
  rngC += t;
  return t;
}

/** Seed as createUint32Source(seed), given trunc(seed) split into its low and high 32 bits. */
export function seed(low: u32, high: u32): void {
  let s = splitmix32(low ^ splitmix32(high));
  rngA = s;
  s = splitmix32(s);
  rngB = s;
  s = splitmix32(s);
  rngC = s;
  s = splitmix32(s);
  rngCounter = s;
  for (let i = 0; i < 12; i++) nextRaw();
}

/** The next uint32 of the stream (tests compare it with createUint32Source). */
export function nextUint32(): u32 {
  return nextRaw();
}

// ---- log2 and exp2 in float64, table-driven: no division and no data-dependent branch. ----
// a·(d²)^b is on the loop's critical path (each negative sample moves the head the next one starts
// from), so latency matters more than instruction count: a division costs ~14 cycles, a
// mispredicted branch ~15, a table load ~5, a multiply or add 4. The kernel computes
// Y = 64·(b·log2 d² + log2 a) with the scale folded into the polynomial, then a·(d²)^b = 2^(Y/64).

const LN2: f64 = 0.6931471805599453;
const INV_LN2: f64 = 1.4426950408889634;
const LOG_BITS = 7;
const LOG_SIZE = 1 << LOG_BITS;
const EXP_BITS = 6;
const EXP_SIZE = 1 << EXP_BITS;
/** Adding 1.5·2^52 rounds a float64 of magnitude < 2^51 to an integer held in its low mantissa bits. */
const ROUNDING_SHIFTER: f64 = 6755399441055744.0;
/** |Y| bound: 2^(Y/64) stays a normal float64. */
const EXP_LIMIT: f64 = 1022 * <f64>EXP_SIZE;

/** Per mantissa interval [1 + j/128, 1 + (j+1)/128): 1/c_j at its midpoint c_j, then log2(1/(1/c_j)). */
const LOG_TABLE = memory.data(LOG_SIZE * 16, 16);
/** 2^(j/64), j = 0..63. */
const EXP_TABLE = memory.data(EXP_SIZE * 8, 16);

/** ln x for x near 1 by ln x = 2 atanh((x−1)/(x+1)) to t³¹: exact to rounding, for the tables only. */
function preciseLn(x: f64): f64 {
  const t = (x - 1) / (x + 1);
  const t2 = t * t;
  let sum: f64 = 0;
  for (let k = 31; k >= 1; k -= 2) sum = sum * t2 + 1 / <f64>k;
  return 2 * t * sum;
}

/** e^z for |z| ≤ 0.011 by Taylor to z⁹: exact to rounding, for the tables only. */
function preciseExp(z: f64): f64 {
  let sum: f64 = 1;
  for (let k = 9; k >= 1; k--) sum = 1 + (sum * z) / <f64>k;
  return sum;
}

function fillTables(): void {
  for (let j = 0; j < LOG_SIZE; j++) {
    const inverse = 1 / (1 + (<f64>j + 0.5) / <f64>LOG_SIZE);
    // log2 of 1/inverse exactly as rounded, so m·inverse − 1 needs no correction term.
    store<f64>(LOG_TABLE + (<usize>j << 4), inverse);
    store<f64>(LOG_TABLE + (<usize>j << 4) + 8, -preciseLn(inverse) * INV_LN2);
  }
  for (let j = 0; j < EXP_SIZE; j++) {
    // 2^(j/64) = e^{(j/64)·ln 2}: the series at a 64th of the argument, squared six times.
    let e = preciseExp(((<f64>j / <f64>EXP_SIZE) * LN2) / 64);
    for (let h = 0; h < 6; h++) e *= e;
    store<f64>(EXP_TABLE + (<usize>j << 3), e);
  }
}

fillTables();

/**
 * scale·log2 x + offset for finite normal x > 0: x = 2^e·m, m in [1, 2), j = the top 7 bits of m's
 * mantissa; log2 m = log2 c_j + log1p(r)/ln 2 with r = m/c_j − 1, |r| ≤ 1/256, log1p to r³
 * (remainder < 6e-11). Subnormal x (never a d² of float32 points) would be wrong. The scale
 * multiplies the polynomial's coefficients, off the dependency chain when it is loop-invariant.
 */
// @ts-ignore: decorator
@inline
function scaledLog2(x: f64, scale: f64, offset: f64): f64 {
  const bits = reinterpret<u64>(x);
  const at = LOG_TABLE + (<usize>(bits >>> (52 - LOG_BITS)) & (LOG_SIZE - 1)) * 16;
  const base = scale * (<f64>(<i32>(bits >>> 52) - 1023) + load<f64>(at, 8)) + offset;
  const m = reinterpret<f64>((bits & 0x000fffffffffffff) | 0x3ff0000000000000);
  const r = m * load<f64>(at) - 1;
  const c1 = scale * INV_LN2;
  // Estrin form: a shorter dependency chain than Horner.
  return base + (c1 * r + r * r * (c1 * -0.5 + r * (c1 * (1 / 3.0))));
}

/**
 * 2^(Y/64) for |Y| < 64·1022: Y = k + F, k an integer, |F| ≤ ½, 2^(Y/64) = 2^(k>>6)·2^((k&63)/64)·
 * e^{F·ln2/64}, the last by its Taylor polynomial to z³, |z| ≤ 0.0055 (remainder < 4e-11 relative).
 * Outside ±64·1022 it saturates, far beyond any d² a float32 embedding can hold.
 */
// @ts-ignore: decorator
@inline
function exp2Of64ths(y: f64): f64 {
  const clamped = min(max(y, -EXP_LIMIT), EXP_LIMIT);
  const shifted = clamped + ROUNDING_SHIFTER;
  const k = reinterpret<i64>(shifted) - reinterpret<i64>(ROUNDING_SHIFTER);
  const f = clamped - (shifted - ROUNDING_SHIFTER);
  const c1: f64 = LN2 / <f64>EXP_SIZE;
  const poly = 1 + c1 * f + f * f * (c1 * c1 * 0.5 + f * (c1 * c1 * c1 * (1 / 6.0)));
  const scale = reinterpret<f64>(
    load<u64>(EXP_TABLE + ((<usize>k & (EXP_SIZE - 1)) << 3)) + (<u64>(k >> EXP_BITS) << 52),
  );
  return poly * scale;
}

export function log2(x: f64): f64 {
  return scaledLog2(x, 1, 0);
}

export function exp2(y: f64): f64 {
  return exp2Of64ths(y * <f64>EXP_SIZE);
}

// ---- (d²)^b ----

// The host's Math.log and Math.exp, for the reference mode only (see setReferencePower).
// @ts-ignore: decorator
@external("env", "log")
declare function hostLog(x: f64): f64;
// @ts-ignore: decorator
@external("env", "exp")
declare function hostExp(x: f64): f64;

let referencePower = false;

/**
 * Compute (d²)^b as the TypeScript path does, Math.exp(b·Math.log d²) through the host, so the
 * kernel is bit-identical to it (tests: UMAP's SGD is chaotic at float32 resolution, one rounding
 * difference grows to O(1) within a few epochs, so only this mode can be compared over 50 epochs).
 */
export function setReferencePower(on: bool): void {
  referencePower = on;
}

/** The TypeScript path's (d²)^b, for the reference mode. */
// @ts-ignore: decorator
@inline
function referencePowerOf(distSquared: f64, b: f64): f64 {
  return hostExp(b * hostLog(distSquared));
}

/** a·(d²)^b = 2^(64·(b·log2 d² + log2 a)/64), given scale = 64·b and offset = 64·log2 a. */
// @ts-ignore: decorator
@inline
function fastAPowerOf(distSquared: f64, scale: f64, offset: f64): f64 {
  return exp2Of64ths(scaledLog2(distSquared, scale, offset));
}

// ---- The epoch. ----

const GRADIENT_CLIP: f64 = 4;
const REPULSION_OFFSET: f64 = 0.001;

let edgeSamplesOut: f64 = 0;
let negativeSamplesOut: f64 = 0;
let attractiveLossOut: f64 = 0;
let repulsiveLossOut: f64 = 0;

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

// ---- The actual loss (eq. 11) in the paper code's log(min(x + ε, 1)) (paperLog.ts). ----

let trackLoss = false;
let logEps: f64 = 0;
let diagonalRepulsion: f64 = 0;

/**
 * Accumulate eq. 11 over the pairs each epoch samples, as optimizer.ts does with trackLoss: ε of
 * paperLog, and −paperLog(0), the term of a sample equal to (or coincident with) its head.
 */
export function setLossTracking(on: bool, eps: f64, diagonal: f64): void {
  trackLoss = on;
  logEps = eps;
  diagonalRepulsion = diagonal;
}

/** ln x: the host's Math.log in the reference mode (bit-identical sums), else the table log2. */
// @ts-ignore: decorator
@inline
function lossLn(x: f64, reference: bool): f64 {
  return reference ? hostLog(x) : scaledLog2(x, LN2, 0);
}

/** First free byte after this module's own data: the host lays its arrays out from here. */
export function heapBase(): usize {
  return __heap_base;
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

// ---- The run: where its arrays are, and what stays fixed for all its epochs. ----

let runN: i32 = 0;
let rowPtrAt: usize = 0;
let colsAt: usize = 0;
let positionsAt: usize = 0;
let sampleEveryAt: usize = 0;
let nextSampleAt: usize = 0;
let negativeEveryAt: usize = 0;
let nextNegativeAt: usize = 0;
let lastSampledAt: usize = 0;
let kernelA: f64 = 1;
let kernelB: f64 = 1;
let pushNegativesOn = false;

/**
 * The run the next epochs work on. Pointers are byte offsets into this module's memory: positions
 * float32 n×2, rowPtr/cols int32, the schedule float64 per edge, lastSampled int32 per edge; a, b
 * shape φ(d) = 1/(1 + a·d^{2b}); pushNegatives also moves each negative sample.
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
  a: f64,
  b: f64,
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
  kernelA = a;
  kernelB = b;
  pushNegativesOn = pushNegatives;
}

/**
 * One epoch of the run (setRun) over the stored edges of rows rowBegin..rowEnd − 1 (all n rows for
 * one thread; a shard of them for parallel epochs, parallelOptimizer.ts), exactly the loop of
 * optimizer.ts with sampling 'umap' and trackLoss as set by setLossTracking. Negative samples are
 * drawn from all n points.
 */
export function runEpoch(rowBegin: i32, rowEnd: i32, epoch: i32, alpha: f64): void {
  // Four copies of the loop, each with its modes constant-folded: no per-sample test of a mode.
  if (referencePower) {
    if (trackLoss) epochLoop(rowBegin, rowEnd, epoch, alpha, true, true);
    else epochLoop(rowBegin, rowEnd, epoch, alpha, true, false);
  } else if (trackLoss) {
    epochLoop(rowBegin, rowEnd, epoch, alpha, false, true);
  } else {
    epochLoop(rowBegin, rowEnd, epoch, alpha, false, false);
  }
}

/**
 * The epoch body. `reference` keeps the TypeScript path's exact operation order (bit-identical
 * results); otherwise each gradient coefficient takes one division instead of two or three, since
 * the divisions sit on the chain of dependent head updates.
 */
// @ts-ignore: decorator
@inline
function epochLoop(rowBegin: i32, rowEnd: i32, epoch: i32, alpha: f64, reference: bool, tracking: bool): void {
  // The run's settings in locals: globals are memory round trips in V8.
  const n = runN;
  const rowPtr = rowPtrAt;
  const cols = colsAt;
  const positions = positionsAt;
  const sampleEvery = sampleEveryAt;
  const nextSample = nextSampleAt;
  const negativeEvery = negativeEveryAt;
  const nextNegative = nextNegativeAt;
  const lastSampled = lastSampledAt;
  const a = kernelA;
  const b = kernelB;
  const pushNegatives = pushNegativesOn;
  const epochValue = <f64>epoch;
  const minusTwoAB = -2 * a * b;
  const twoB = 2 * b;
  // Fast mode: α·clip(g, ±4) = clip(α·g, ±4|α|), and a·(d²)^b in one exp2 (fastAPowerOf).
  const alphaMinusTwoB = alpha * -2 * b;
  const alphaTwoB = alpha * 2 * b;
  const alphaClip = abs(alpha) * GRADIENT_CLIP;
  const scaleY = <f64>EXP_SIZE * b;
  const offsetY = <f64>EXP_SIZE * scaledLog2(a, 1, 0);
  const count = <u32>n;
  const countValue = <f64>count;
  const inverseCount = 1 / countValue;
  // Unbiased draw in 0..n−1, as uniformIntFrom: reject the top 2^32 mod n values.
  const drawLimit: u64 = 0x100000000 - (0x100000000 % <u64>count);
  // The generator state in locals too, written back at the end.
  let stateA = rngA;
  let stateB = rngB;
  let stateC = rngC;
  let counter = rngCounter;
  let edgeTotal: f64 = 0;
  let negativeTotal: f64 = 0;
  // The loss sums are off the chain of head updates, so tracking costs throughput, not latency.
  let attractionSum: f64 = 0;
  let repulsionSum: f64 = 0;
  const eps = logEps;
  const diagonal = diagonalRepulsion;

  let rowStart = load<i32>(rowPtr + (<usize>rowBegin << 2));
  for (let i = rowBegin; i < rowEnd; i++) {
    const rowStop = load<i32>(rowPtr + ((<usize>i + 1) << 2));
    const headAt = positions + (<usize>i << 3);
    for (let p = rowStart; p < rowStop; p++) {
      const edge8 = <usize>p << 3;
      const due = load<f64>(nextSample + edge8);
      if (due > epochValue) continue;
      const j = load<i32>(cols + (<usize>p << 2));
      const tailAt = positions + (<usize>j << 3);
      // Attraction: both ends move by the same clipped step.
      let headX = <f64>load<f32>(headAt);
      let headY = <f64>load<f32>(headAt, 4);
      const tailX = <f64>load<f32>(tailAt);
      const tailY = <f64>load<f32>(tailAt, 4);
      const dx = headX - tailX;
      const dy = headY - tailY;
      const distSquared = dx * dx + dy * dy;
      if (distSquared > 0) {
        let stepX: f64;
        let stepY: f64;
        if (reference) {
          const power = referencePowerOf(distSquared, b);
          const phi = 1 / (1 + a * power);
          if (tracking) {
            const shifted = phi + eps;
            if (shifted < 1) attractionSum -= lossLn(shifted, true);
          }
          const coefficient = minusTwoAB * (power / distSquared) * phi;
          stepX = alpha * clip(coefficient * dx, GRADIENT_CLIP);
          stepY = alpha * clip(coefficient * dy, GRADIENT_CLIP);
        } else {
          // −2ab·d^{2b−2}/(1 + a·d^{2b}) (times α, folded into the constant and the clip bound).
          const aPower = fastAPowerOf(distSquared, scaleY, offsetY);
          if (tracking) {
            const shifted = 1 / (1 + aPower) + eps;
            if (shifted < 1) attractionSum -= lossLn(shifted, false);
          }
          const coefficient = (alphaMinusTwoB * aPower) / (distSquared * (1 + aPower));
          stepX = clip(coefficient * dx, alphaClip);
          stepY = clip(coefficient * dy, alphaClip);
        }
        headX = <f64><f32>(headX + stepX);
        headY = <f64><f32>(headY + stepY);
        store<f32>(headAt, <f32>headX);
        store<f32>(headAt, <f32>headY, 4);
        store<f32>(tailAt, <f32>(tailX - stepX));
        store<f32>(tailAt, <f32>(tailY - stepY), 4);
      }
      edgeTotal += 1;
      store<f64>(nextSample + edge8, due + load<f64>(sampleEvery + edge8));
      store<i32>(lastSampled + (<usize>p << 2), epoch);

      // Negative samples: the head moves from its already moved position; s = i is skipped.
      const pending = load<f64>(nextNegative + edge8);
      const every = load<f64>(negativeEvery + edge8);
      const negatives = <i32>trunc((epochValue - pending) / every);
      if (negatives > 0) {
        for (let q = 0; q < negatives; q++) {
          // sfc32 (nextRaw) on the locals, redrawing above drawLimit.
          let draw: u32;
          do {
            draw = stateA + stateB + counter;
            counter += 1;
            stateA = stateB ^ (stateB >>> 9);
            stateB = stateC + (stateC << 3);
            stateC = ((stateC << 21) | (stateC >>> 11)) + draw;
          } while (<u64>draw >= drawLimit);
          // draw mod n without an integer division: the float64 quotient is off by at most one.
          const quotient = <i64>(<f64>draw * inverseCount);
          let rest = <i64>draw - quotient * <i64>count;
          rest = select(rest + <i64>count, rest, rest < 0);
          rest = select(rest - <i64>count, rest, rest >= <i64>count);
          const s = <u32>rest;
          if (s == <u32>i) {
            // The diagonal term of eq. 11; umap-learn skips the update.
            if (tracking) repulsionSum += diagonal;
            continue;
          }
          const sampleAt = positions + (<usize>s << 3);
          const sampleX = <f64>load<f32>(sampleAt);
          const sampleY = <f64>load<f32>(sampleAt, 4);
          const awayX = headX - sampleX;
          const awayY = headY - sampleY;
          const sampleDistSquared = awayX * awayX + awayY * awayY;
          if (sampleDistSquared > 0) {
            let stepX: f64;
            let stepY: f64;
            if (reference) {
              const power = referencePowerOf(sampleDistSquared, b);
              const phi = 1 / (1 + a * power);
              if (tracking) {
                const shifted = 1 - phi + eps;
                if (shifted < 1) repulsionSum -= lossLn(shifted, true);
              }
              const coefficient = (twoB * phi) / (REPULSION_OFFSET + sampleDistSquared);
              stepX = alpha * clip(coefficient * awayX, GRADIENT_CLIP);
              stepY = alpha * clip(coefficient * awayY, GRADIENT_CLIP);
            } else {
              const aPower = fastAPowerOf(sampleDistSquared, scaleY, offsetY);
              if (tracking) {
                // 1 − φ as a·d^{2b}/(1 + a·d^{2b}): no cancellation when φ is close to 1.
                const shifted = aPower / (1 + aPower) + eps;
                if (shifted < 1) repulsionSum -= lossLn(shifted, false);
              }
              const coefficient = alphaTwoB / ((1 + aPower) * (REPULSION_OFFSET + sampleDistSquared));
              stepX = clip(coefficient * awayX, alphaClip);
              stepY = clip(coefficient * awayY, alphaClip);
            }
            headX = <f64><f32>(headX + stepX);
            headY = <f64><f32>(headY + stepY);
            if (pushNegatives) {
              store<f32>(sampleAt, <f32>(sampleX - stepX));
              store<f32>(sampleAt, <f32>(sampleY - stepY), 4);
            }
          } else if (tracking) {
            // Coincident distinct points: φ = 1, and nothing moves.
            repulsionSum += diagonal;
          }
        }
        store<f32>(headAt, <f32>headX);
        store<f32>(headAt, <f32>headY, 4);
        negativeTotal += <f64>negatives;
        store<f64>(nextNegative + edge8, pending + <f64>negatives * every);
      }
    }
    rowStart = rowStop;
  }
  rngA = stateA;
  rngB = stateB;
  rngC = stateC;
  rngCounter = counter;
  edgeSamplesOut = edgeTotal;
  negativeSamplesOut = negativeTotal;
  attractiveLossOut = attractionSum;
  repulsiveLossOut = repulsionSum;
}
