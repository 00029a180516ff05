/**
 * log2 and exp2 in float64 for the kernel's fast mode (optimizer.as.ts), table-driven: no division
 * and no data-dependent branch. a·(d²)^b is on the loop's critical path (each negative sample moves
 * the head the next one starts from), so latency matters more than instruction count: a division
 * costs ~14 cycles, a mispredicted branch ~15, a table load ~5, a multiply or add 4. The kernel
 * computes Y = 64·(b·log2 d² + log2 a) with the scale folded into the polynomial, then
 * a·(d²)^b = 2^(Y/64) (`aPowerOf`). The tables are filled by each instance's start, identically.
 */

export const LN2: f64 = 0.6931471805599453;
const INV_LN2: f64 = 1.4426950408889634;
const LOG_BITS = 7;
const LOG_SIZE = 1 << LOG_BITS;
const EXP_BITS = 6;
export const EXP_SIZE = 1 << EXP_BITS;
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
export function scaledLog2(x: f64, scale: f64, offset: f64): f64 {
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

/** log2 x, for the tests. */
export function log2(x: f64): f64 {
  return scaledLog2(x, 1, 0);
}

/** 2^y, for the tests. */
export function exp2(y: f64): f64 {
  return exp2Of64ths(y * <f64>EXP_SIZE);
}

/** a·(d²)^b = 2^(64·(b·log2 d² + log2 a)/64), given scale = 64·b and offset = 64·log2 a. */
// @ts-ignore: decorator
@inline
export function aPowerOf(distSquared: f64, scale: f64, offset: f64): f64 {
  return exp2Of64ths(scaledLog2(distSquared, scale, offset));
}
