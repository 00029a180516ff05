/** How each feature column becomes float32: as it is, scaled, shifted or standardised in float64. */
import { type ColumnRanges, exactStats } from './columnStats';
import {
  decimalExponent,
  FLOAT32_TINY,
  type Float32Trouble,
  float32Trouble,
  powerOfTen,
} from './float32Range';
import type { NumericTable } from './tableToDataset';

/**
 * How one column becomes float32: points = ((x / prescale) − offset) / divisor in float64, where x
 * is the parsed float64 value when `exact`, else that value rounded to float32 first (every column
 * float32 can hold: the arithmetic, and so every bit, as when the file was read as float32).
 */
export interface ColumnPlan {
  exact: boolean;
  prescale: number;
  offset: number;
  divisor: number;
  trouble: Float32Trouble | null;
}

/** A column float32 holds as it is (standardising fills in its offset and divisor). */
export const IDENTITY: ColumnPlan = { exact: false, prescale: 1, offset: 0, divisor: 1, trouble: null };

/** Standardising a column float32 cannot hold: in float64, after dividing by a power of ten near its size. */
export function standardizedPlan(
  table: NumericTable,
  kept: Int32Array,
  c: number,
  trouble: Float32Trouble,
  maxAbs: number,
): ColumnPlan {
  const prescale = trouble === 'indistinct' ? 1 : powerOfTen(decimalExponent(maxAbs));
  const { mean, std } = exactStats(table, kept, c, prescale);
  return { exact: true, prescale, offset: mean, divisor: std, trouble };
}

/**
 * Without standardising: a column beyond float32's range or too small for it is divided by a power
 * of ten near its largest |x|; a column whose values differ only beyond float32's precision has its
 * mean subtracted (which leaves Euclidean distances unchanged; under cosine it would change angles,
 * so there it is kept and becomes constant, with a notice).
 */
export function scaledPlan(
  table: NumericTable,
  kept: Int32Array,
  c: number,
  trouble: Float32Trouble,
  range: ColumnRanges,
  cosine: boolean,
): ColumnPlan {
  const min = range.min[c];
  const max = range.max[c];
  let divisor = trouble === 'indistinct' ? 1 : powerOfTen(decimalExponent(range.maxAbs[c]));
  const indistinct = min < max && Math.fround(min / divisor) === Math.fround(max / divisor);
  if (!indistinct || cosine) {
    return { exact: true, prescale: 1, offset: 0, divisor, trouble: indistinct ? 'indistinct' : trouble };
  }
  const { mean } = exactStats(table, kept, c, 1);
  const spread = Math.max(max - mean, mean - min);
  divisor = float32Trouble(-spread, spread, spread) === null ? 1 : powerOfTen(decimalExponent(spread));
  return { exact: true, prescale: 1, offset: mean, divisor, trouble: 'indistinct' };
}

/**
 * When every column used is scaled by a power of ten for the same reason, divide them all by the
 * largest of those powers if every column keeps its digits: one factor for all keeps distances in
 * proportion (per-column factors change the columns' weights).
 */
export function shareFactor(plans: ColumnPlan[], columns: number[], maxAbs: Float64Array): void {
  const trouble = plans[columns[0]].trouble;
  if (trouble !== 'overflow' && trouble !== 'tiny') return;
  if (!columns.every((c) => plans[c].trouble === trouble && plans[c].offset === 0)) return;
  const divisor = Math.max(...columns.map((c) => plans[c].divisor));
  if (!columns.every((c) => maxAbs[c] / divisor >= FLOAT32_TINY || maxAbs[c] === 0)) return;
  for (const c of columns) plans[c] = { ...plans[c], divisor };
}
