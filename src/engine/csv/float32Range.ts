/**
 * What float32 (the dataset's number type) can hold, and how a column that it cannot hold is
 * brought into range. Cells are parsed as float64; a column is "in trouble" when converting it to
 * float32 would lose it: values beyond ±3.4e38 become ±Infinity, a column whose values are all
 * tiny becomes 0 or loses its digits, and values that differ only beyond float32's 24 significant
 * bits all become the same number, so the column looks constant.
 */

/** Largest finite float32: bigger numbers would become ±Infinity in the dataset. */
export const FLOAT32_MAX = 3.4028234663852886e38;
/** Smallest normal float32; below it float32 keeps fewer than 24 significant bits, below 1.4e-45 none. */
export const FLOAT32_MIN_NORMAL = 2 ** -126;
/**
 * A column whose largest |x| is below 2^-102 ≈ 2e-31 is "tiny": values float32 could still tell
 * apart from that largest one (down to 2^-24 of it) would fall below FLOAT32_MIN_NORMAL and lose
 * their digits or become 0. Above it, whatever float32 rounds away is below float32's precision
 * relative to the column's own largest value anyway.
 */
export const FLOAT32_TINY = 2 ** -102;

export type Float32Trouble = 'overflow' | 'tiny' | 'indistinct';

/** What float32 would do wrong to a column with these float64 extremes, or null when it holds the column. */
export function float32Trouble(min: number, max: number, maxAbs: number): Float32Trouble | null {
  if (maxAbs > FLOAT32_MAX) return 'overflow';
  if (maxAbs > 0 && maxAbs < FLOAT32_TINY) return 'tiny';
  if (min < max && Math.fround(min) === Math.fround(max)) return 'indistinct';
  return null;
}

/** The exponent e of the largest power of ten ≤ x (x > 0, finite): 5.2e39 → 39, 3e-50 → -50. */
export function decimalExponent(x: number): number {
  let e = Math.floor(Math.log10(x));
  // log10 can be off by one next to exact powers of ten: check against the correctly rounded 10^e.
  if (Number(`1e${e}`) > x) e--;
  else if (Number(`1e${e + 1}`) <= x) e++;
  return e;
}

/** 10^e as the correctly rounded double (`10 ** e` may be an ulp off). */
export function powerOfTen(e: number): number {
  return Number(`1e${e}`);
}

/** A magnitude for messages, with three significant digits: 5.2e+39, 3e-50, 1600000000. */
export function formatMagnitude(x: number): string {
  return String(Number(x.toPrecision(3)));
}
