/**
 * UMAP's SGD epoch (optimizer.ts, algorithm.md §1.10) in AssemblyScript, compiled to WebAssembly
 * with SIMD by `npm run build:wasm`. The host (wasmOptimizer.ts) owns the schedule: it lays the
 * graph, the float32 embedding and the float64 edge schedule out in this module's memory, sets α
 * and calls `runEpoch` once per epoch. Same arithmetic and random stream as the TypeScript path;
 * only (d²)^b differs, computed as exp2(b·log2 d²) below instead of Math.exp(b·Math.log d²).
 *
 * Covered: umap sampling, pushNegatives on or off, no loss tracking. Corrected sampling (§7.3)
 * and loss tracking stay on the TypeScript path.
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

// ---- log2 and exp2 in float64, relative error of exp2(b·log2 u) well below 1e-6. ----

const SQRT_HALF: f64 = 0.7071067811865476;
const LOG2_E_TIMES_2: f64 = 2.885390081777927; // 2/ln 2
const LN2: f64 = 0.6931471805599453;

/**
 * log2 x for finite x > 0: x = 2^e·r with r in [√½, √2), and ln r = 2 atanh t, t = (r − 1)/(r + 1),
 * |t| ≤ 0.172, by its odd series to t⁹ (absolute error < 3e-9, so (d²)^b is off by < 2e-9·b
 * relative). Subnormal x (never a d² of float32 points) would lose precision.
 */
// @ts-ignore: decorator
@inline
function fastLog2(x: f64): f64 {
  const bits = reinterpret<u64>(x);
  let e = <i64>((bits >>> 52) & 0x7ff) - 1023;
  let r = reinterpret<f64>((bits & 0x000fffffffffffff) | 0x3ff0000000000000);
  if (r > 1.4142135623730951) {
    r *= 0.5;
    e += 1;
  }
  const t = (r - 1) / (r + 1);
  const t2 = t * t;
  const series = 1 + t2 * (1 / 3 + t2 * (1 / 5 + t2 * (1 / 7 + t2 * (1 / 9))));
  return <f64>e + LOG2_E_TIMES_2 * t * series;
}

/**
 * 2^y for |y| < 1022: 2^k·e^{f·ln2} with k = round(y), |f| ≤ ½, the exponential by its Taylor
 * polynomial to degree 7 (|f·ln2| ≤ 0.347: remainder < 6e-9 relative). Outside ±1022 it
 * saturates (0 or 2^1023·…), far beyond any d² a float32 embedding can hold.
 */
// @ts-ignore: decorator
@inline
function fastExp2(y: f64): f64 {
  const clamped = min(max(y, -1022), 1022);
  const k = nearest(clamped);
  const z = (clamped - k) * LN2;
  const p = 1 + z * (1 + z * (1 / 2 + z * (1 / 6 + z * (1 / 24 + z * (1 / 120 + z * (1 / 720 + z / 5040))))));
  return p * reinterpret<f64>(<u64>(<i64>k + 1023) << 52);
}

export function log2(x: f64): f64 {
  return fastLog2(x);
}

export function exp2(y: f64): f64 {
  return fastExp2(y);
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

// @ts-ignore: decorator
@inline
function distancePower(distSquared: f64, b: f64): f64 {
  return referencePower ? hostExp(b * hostLog(distSquared)) : fastExp2(b * fastLog2(distSquared));
}

// ---- The epoch. ----

const GRADIENT_CLIP: f64 = 4;
const REPULSION_OFFSET: f64 = 0.001;

let edgeSamplesOut: f64 = 0;
let negativeSamplesOut: f64 = 0;

export function edgeSamples(): f64 {
  return edgeSamplesOut;
}

export function negativeSamples(): f64 {
  return negativeSamplesOut;
}

/** First free byte after this module's own data: the host lays its arrays out from here. */
export function heapBase(): usize {
  return __heap_base;
}

/** Load the float32 pair at `at` as an f64x2 (x, y). */
// @ts-ignore: decorator
@inline
function loadPoint(at: usize): v128 {
  return f64x2.promote_low_f32x4(v128.load64_zero(at));
}

/** Store an f64x2 (x, y) as a float32 pair, rounding each to nearest (Math.fround). */
// @ts-ignore: decorator
@inline
function storePoint(at: usize, point: v128): void {
  v128.store64_lane(at, f32x4.demote_f64x2_zero(point), 0);
}

// @ts-ignore: decorator
@inline
function squaredNorm(v: v128): f64 {
  const squares = f64x2.mul(v, v);
  return f64x2.extract_lane(squares, 0) + f64x2.extract_lane(squares, 1);
}

/**
 * One epoch over all stored edges, exactly the loop of optimizer.ts with trackLoss false and
 * sampling 'umap'. Pointers are byte offsets into this module's memory: positions float32 n×2,
 * rowPtr/cols int32, the schedule float64 per edge, lastSampled int32 per edge.
 */
export function runEpoch(
  n: i32,
  rowPtr: usize,
  cols: usize,
  positions: usize,
  sampleEvery: usize,
  nextSample: usize,
  negativeEvery: usize,
  nextNegative: usize,
  lastSampled: usize,
  epoch: i32,
  alpha: f64,
  a: f64,
  b: f64,
  pushNegatives: bool,
): void {
  const epochValue = <f64>epoch;
  const minusTwoAB = -2 * a * b;
  const twoB = 2 * b;
  const alphaV = f64x2.splat(alpha);
  const clipHigh = f64x2.splat(GRADIENT_CLIP);
  const clipLow = f64x2.splat(-GRADIENT_CLIP);
  const count = <u32>n;
  // Unbiased draw in 0..n−1, as uniformIntFrom: reject the top 2^32 mod n values.
  const drawLimit: u64 = 0x100000000 - (0x100000000 % <u64>count);
  let edgeTotal: f64 = 0;
  let negativeTotal: f64 = 0;

  let rowStart = load<i32>(rowPtr);
  for (let i = 0; i < n; i++) {
    const rowEnd = load<i32>(rowPtr + ((<usize>i + 1) << 2));
    const headAt = positions + (<usize>i << 3);
    for (let p = rowStart; p < rowEnd; p++) {
      const edge8 = <usize>p << 3;
      if (load<f64>(nextSample + edge8) > epochValue) continue;
      const j = load<i32>(cols + (<usize>p << 2));
      const tailAt = positions + (<usize>j << 3);
      // Attraction: both ends move by the same clipped step.
      let head = loadPoint(headAt);
      const tail = loadPoint(tailAt);
      const delta = f64x2.sub(head, tail);
      const distSquared = squaredNorm(delta);
      if (distSquared > 0) {
        const power = distancePower(distSquared, b);
        const phi = 1 / (1 + a * power);
        const coefficient = minusTwoAB * (power / distSquared) * phi;
        const step = f64x2.mul(
          alphaV,
          f64x2.min(clipHigh, f64x2.max(clipLow, f64x2.mul(f64x2.splat(coefficient), delta))),
        );
        head = f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(f64x2.add(head, step)));
        storePoint(headAt, head);
        storePoint(tailAt, f64x2.sub(tail, step));
      }
      edgeTotal += 1;
      store<f64>(nextSample + edge8, load<f64>(nextSample + edge8) + load<f64>(sampleEvery + edge8));
      store<i32>(lastSampled + (<usize>p << 2), epoch);

      // Negative samples: the head moves from its already moved position; s = i is skipped.
      const pending = load<f64>(nextNegative + edge8);
      const every = load<f64>(negativeEvery + edge8);
      const negatives = <i32>trunc((epochValue - pending) / every);
      if (negatives > 0) {
        for (let q = 0; q < negatives; q++) {
          let draw = nextRaw();
          while (<u64>draw >= drawLimit) draw = nextRaw();
          const s = draw % count;
          if (s == <u32>i) continue;
          const sampleAt = positions + (<usize>s << 3);
          const sample = loadPoint(sampleAt);
          const away = f64x2.sub(head, sample);
          const sampleDistSquared = squaredNorm(away);
          if (sampleDistSquared > 0) {
            const power = distancePower(sampleDistSquared, b);
            const phi = 1 / (1 + a * power);
            const coefficient = (twoB * phi) / (REPULSION_OFFSET + sampleDistSquared);
            const step = f64x2.mul(
              alphaV,
              f64x2.min(clipHigh, f64x2.max(clipLow, f64x2.mul(f64x2.splat(coefficient), away))),
            );
            head = f64x2.promote_low_f32x4(f32x4.demote_f64x2_zero(f64x2.add(head, step)));
            if (pushNegatives) storePoint(sampleAt, f64x2.sub(sample, step));
          }
        }
        storePoint(headAt, head);
        negativeTotal += <f64>negatives;
        store<f64>(nextNegative + edge8, pending + <f64>negatives * every);
      }
    }
    rowStart = rowEnd;
  }
  edgeSamplesOut = edgeTotal;
  negativeSamplesOut = negativeTotal;
}
