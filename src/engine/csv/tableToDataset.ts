/**
 * Numeric table (parsed feature values + optional label strings) → `Dataset`: drops rows with invalid
 * values when asked, drops constant columns, standardises, and jitters duplicate rows. Every refusal
 * is a `UserError` that says what to change.
 */
import { UserError } from '../../core/errors';
import { createGaussian, createRng, deriveSeed } from '../../core/random';
import type { Dataset, Metric } from '../../core/types';
import { describeRows, InvalidValuesError } from './csvErrors';

/** Feature values as read from the file, before any cleaning. */
export interface NumericTable {
  /** Rows read (including rows with invalid values). */
  n: number;
  dim: number;
  /** n×dim row-major; entries of invalid rows are NaN. */
  values: Float32Array;
  /** 1-based spreadsheet row of each table row (the header is row 1). */
  rowNumbers: Int32Array;
  /** Display names of the feature columns. */
  featureNames: string[];
  /** Label text per row, when a label column was chosen. */
  labels?: string[];
  /** Spreadsheet rows holding a missing value, NaN or ±Infinity in a feature column. */
  invalidRows: number[];
  /** The first invalid cell, described for the message ("row 7, column "x2" is empty"). */
  firstInvalid?: string;
}

export interface TableToDatasetOptions {
  name: string;
  /** n must exceed k (each point needs k neighbours besides itself). */
  k: number;
  standardize?: boolean;
  dropInvalidRows?: boolean;
  /** Constant columns are kept under cosine without standardising: they change angles. */
  metric?: Metric;
  /** Seeds the duplicate jitter. */
  seed?: number;
}

export interface TableToDatasetResult {
  dataset: Dataset;
  notices: string[];
  /** Spreadsheet rows dropped for invalid values. */
  droppedRows: number[];
  /** Rows that repeat an earlier row and were jittered. */
  duplicateRows: number;
  /** Names of the columns used, after constant columns were dropped. */
  featureNames: string[];
}

/** Relative scale of the duplicate jitter: 1e-3 of the column's standard deviation. */
export const JITTER_SCALE = 1e-3;

export function tableToDataset(table: NumericTable, options: TableToDatasetOptions): TableToDatasetResult {
  const notices: string[] = [];
  const { k } = options;
  let droppedRows: number[] = [];
  if (table.invalidRows.length > 0) {
    const rows = table.invalidRows;
    if (!options.dropInvalidRows) {
      throw new InvalidValuesError(
        `${describeRows(rows)} ${rows.length === 1 ? 'has' : 'have'} a missing, NaN or infinite value in a feature column (first: ${table.firstInvalid}). Drop ${rows.length === 1 ? 'that row' : `those ${rows.length} rows`}, or fix the file.`,
        rows,
      );
    }
    droppedRows = rows;
    notices.push(`Dropped ${describeRows(rows)} with missing, NaN or infinite values.`);
  }
  const kept = keptRowIndices(table);
  const n = kept.length;
  if (n === 0) {
    throw new UserError(
      `Every row has a missing, NaN or infinite value in the chosen columns (${table.n} rows). Choose other columns.`,
    );
  }
  if (n === 1) {
    throw new UserError(
      `The file has a single usable data row; UMAP needs more than k = ${k} rows. Load a file with more rows.`,
    );
  }
  if (n <= k) {
    throw new UserError(
      `k = ${k} needs more than ${k} points; this file has ${n} usable rows. Lower k to at most ${n - 1}, or load more rows.`,
    );
  }
  const stats = columnStats(table, kept);
  const standardize = options.standardize === true;
  const constant: number[] = [];
  for (let c = 0; c < table.dim; c++) if (stats.min[c] === stats.max[c]) constant.push(c);
  const dropConstant = standardize || options.metric !== 'cosine';
  const columns: number[] = [];
  for (let c = 0; c < table.dim; c++) if (!(dropConstant && constant.includes(c))) columns.push(c);
  const constantNames = constant.map((c) => `"${table.featureNames[c]}"`).join(', ');
  if (columns.length === 0) {
    throw new UserError(
      `Every chosen feature column is constant (${constantNames}), so all points coincide. Choose columns whose values vary.`,
    );
  }
  if (constant.length > 0) {
    notices.push(
      dropConstant
        ? `Constant ${constant.length === 1 ? 'column' : 'columns'} ${constantNames} ${standardize ? 'cannot be standardised (zero spread) and were' : 'do not change Euclidean distances and were'} left out.`
        : `Constant ${constant.length === 1 ? 'column' : 'columns'} ${constantNames} kept: under the cosine metric they change angles.`,
    );
  }
  const dim = columns.length;
  const points = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const src = kept[i] * table.dim;
    const dst = i * dim;
    for (let j = 0; j < dim; j++) {
      const c = columns[j];
      const value = table.values[src + c];
      points[dst + j] = standardize ? (value - stats.mean[c]) / stats.std[c] : value;
    }
  }
  if (standardize) notices.push('Standardised every feature column to mean 0 and standard deviation 1.');
  const columnScale = new Float64Array(dim);
  for (let j = 0; j < dim; j++) columnScale[j] = standardize ? 1 : stats.std[columns[j]];
  const duplicateRows = jitterDuplicates(points, n, dim, columnScale, options.seed ?? 0);
  if (duplicateRows > 0) {
    notices.push(
      `${duplicateRows} ${duplicateRows === 1 ? 'row repeats' : 'rows repeat'} an earlier row; like umap-learn, they were jittered (normal noise of ${JITTER_SCALE} × each column's standard deviation) so duplicates do not collapse the neighbour graph.`,
    );
  }
  const dataset: Dataset = { name: options.name, n, dim, points };
  if (table.labels) Object.assign(dataset, labelCodes(table.labels, kept, notices));
  return {
    dataset,
    notices,
    droppedRows,
    duplicateRows,
    featureNames: columns.map((c) => table.featureNames[c]),
  };
}

function keptRowIndices(table: NumericTable): Int32Array {
  if (table.invalidRows.length === 0) return Int32Array.from({ length: table.n }, (_, i) => i);
  const invalid = new Set(table.invalidRows);
  const kept: number[] = [];
  for (let i = 0; i < table.n; i++) if (!invalid.has(table.rowNumbers[i])) kept.push(i);
  return Int32Array.from(kept);
}

/** Per-column min, max, mean and population standard deviation (ddof = 0, as StandardScaler). */
function columnStats(table: NumericTable, kept: Int32Array) {
  const { dim, values } = table;
  const min = new Float64Array(dim).fill(Infinity);
  const max = new Float64Array(dim).fill(-Infinity);
  const sum = new Float64Array(dim);
  for (let r = 0; r < kept.length; r++) {
    const base = kept[r] * dim;
    for (let c = 0; c < dim; c++) {
      const v = values[base + c];
      sum[c] += v;
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
    }
  }
  const mean = sum.map((s) => s / kept.length);
  const squares = new Float64Array(dim);
  for (let r = 0; r < kept.length; r++) {
    const base = kept[r] * dim;
    for (let c = 0; c < dim; c++) {
      const d = values[base + c] - mean[c];
      squares[c] += d * d;
    }
  }
  const std = squares.map((s) => Math.sqrt(s / kept.length));
  return { min, max, mean, std };
}

/**
 * Adds N(0, (JITTER_SCALE·σ_col)²) noise to every row that equals an earlier row, keeping the first
 * copy exact. umap-learn's data init adds noise when rows repeat (docs/algorithm.md §1.9, init "array"); we
 * do it at load time so the kNN stage never sees exact duplicates (zero distances make ρ = 0 and
 * the duplicates' σ search degenerate). σ is floored at a few float32 ulps of the column's values so
 * the noise survives rounding. Returns the number of jittered rows.
 */
export function jitterDuplicates(
  points: Float32Array,
  n: number,
  dim: number,
  columnScale: Float64Array,
  seed: number,
): number {
  const duplicates = findDuplicateRows(points, n, dim);
  if (duplicates.length === 0) return 0;
  const maxAbs = new Float64Array(dim);
  for (let i = 0; i < n * dim; i++) {
    const a = Math.abs(points[i]);
    if (a > maxAbs[i % dim]) maxAbs[i % dim] = a;
  }
  const sigma = new Float64Array(dim);
  for (let c = 0; c < dim; c++)
    sigma[c] = Math.max(JITTER_SCALE * columnScale[c], 8 * 2 ** -23 * maxAbs[c], 1e-30);
  const gaussian = createGaussian(createRng(deriveSeed(seed, 'csv-duplicate-jitter')));
  for (const row of duplicates) {
    const base = row * dim;
    for (let c = 0; c < dim; c++) points[base + c] += sigma[c] * gaussian();
  }
  return duplicates.length;
}

/** Rows equal (bit for bit) to an earlier row, found with an open-addressing hash of the rows. */
export function findDuplicateRows(points: Float32Array, n: number, dim: number): number[] {
  const bits = new Uint32Array(points.buffer, points.byteOffset, n * dim);
  let size = 1;
  while (size < 2 * n) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const duplicates: number[] = [];
  for (let i = 0; i < n; i++) {
    let h = 2166136261;
    const base = i * dim;
    // −0 and +0 differ in bits but are equal numbers: hash them alike.
    for (let c = 0; c < dim; c++) h = Math.imul(h ^ (points[base + c] === 0 ? 0 : bits[base + c]), 16777619);
    let slot = (h >>> 0) & (size - 1);
    for (;;) {
      const other = slots[slot];
      if (other < 0) {
        slots[slot] = i;
        break;
      }
      if (rowsEqual(points, other * dim, base, dim)) {
        duplicates.push(i);
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  return duplicates;
}

function rowsEqual(points: Float32Array, a: number, b: number, dim: number): boolean {
  for (let c = 0; c < dim; c++) if (points[a + c] !== points[b + c]) return false;
  return true;
}

/** Label text → codes; names sorted numerically when all are numbers, else by code unit. */
function labelCodes(labels: string[], kept: Int32Array, notices: string[]) {
  const names = [...new Set(Array.from(kept, (i) => labels[i]))];
  const numeric = names.every((name) => name !== '' && Number.isFinite(Number(name)));
  names.sort(numeric ? (a, b) => Number(a) - Number(b) : (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const code = new Map(names.map((name, i) => [name, i]));
  const codes = Int32Array.from(kept, (i) => code.get(labels[i]) ?? 0);
  if (names.length > 50) {
    notices.push(`The label column has ${names.length} distinct values; colours will repeat.`);
  }
  return { labels: codes, labelNames: names };
}
