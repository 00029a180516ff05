/** Per-column statistics of a numeric table's kept rows, and of the points built from them. */
import type { NumericTable } from './tableToDataset';

/** Per-column min, max and max |x| of the raw values of the kept rows. */
export interface ColumnRanges {
  min: Float64Array;
  max: Float64Array;
  maxAbs: Float64Array;
}

/** Per-column min, max and max |x| of the raw (float64 or float32) values of the kept rows. */
export function rawRanges(table: NumericTable, kept: Int32Array): ColumnRanges {
  const { dim, values } = table;
  const min = new Float64Array(dim).fill(Infinity);
  const max = new Float64Array(dim).fill(-Infinity);
  for (let r = 0; r < kept.length; r++) {
    const base = kept[r] * dim;
    for (let c = 0; c < dim; c++) {
      const v = values[base + c];
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
    }
  }
  const maxAbs = min.map((low, c) => Math.max(Math.abs(low), Math.abs(max[c])));
  return { min, max, maxAbs };
}

/**
 * Per-column mean and population standard deviation (ddof = 0, as StandardScaler) of the values as
 * float32, summed in file order in float64: the statistics the Python export recomputes.
 */
export function columnStats(table: NumericTable, kept: Int32Array) {
  const { dim, values } = table;
  const sum = new Float64Array(dim);
  for (let r = 0; r < kept.length; r++) {
    const base = kept[r] * dim;
    for (let c = 0; c < dim; c++) sum[c] += Math.fround(values[base + c]);
  }
  const mean = sum.map((s) => s / kept.length);
  const squares = new Float64Array(dim);
  for (let r = 0; r < kept.length; r++) {
    const base = kept[r] * dim;
    for (let c = 0; c < dim; c++) {
      const d = Math.fround(values[base + c]) - mean[c];
      squares[c] += d * d;
    }
  }
  const std = squares.map((s) => Math.sqrt(s / kept.length));
  return { mean, std };
}

/** Mean and population std of column c's float64 values divided by `prescale`. */
export function exactStats(table: NumericTable, kept: Int32Array, c: number, prescale: number) {
  let sum = 0;
  for (let r = 0; r < kept.length; r++) sum += table.values[kept[r] * table.dim + c] / prescale;
  const mean = sum / kept.length;
  let squares = 0;
  for (let r = 0; r < kept.length; r++) {
    const d = table.values[kept[r] * table.dim + c] / prescale - mean;
    squares += d * d;
  }
  return { mean, std: Math.sqrt(squares / kept.length) };
}

/** Population standard deviation of column j of the points, in float64. */
export function pointStd(points: Float32Array, n: number, dim: number, j: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += points[i * dim + j];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (points[i * dim + j] - mean) ** 2;
  return Math.sqrt(squares / n);
}
