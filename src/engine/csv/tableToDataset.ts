/**
 * Numeric table (parsed feature values + optional label strings) → `Dataset`: drops rows with cells
 * that are not numbers when asked, drops constant columns, brings columns float32 cannot hold into its
 * range (float32Range.ts), standardises, refuses (or drops) all-zero rows under cosine, and jitters
 * duplicate rows. Every refusal is a `UserError` that says what to change; every column left out,
 * scaled or shifted is named in a notice.
 */
import { UserError } from '../../core/errors';
import { createGaussian, createRng, deriveSeed } from '../../core/random';
import type { Dataset, Metric } from '../../core/types';
import { formatCount } from '../messages';
import { numberParameters } from '../parameters';
import { columnsLabel, describeRows, InvalidValuesError, rowNumbering } from './csvErrors';
import {
  decimalExponent,
  FLOAT32_TINY,
  type Float32Trouble,
  float32Trouble,
  formatMagnitude,
  powerOfTen,
} from './float32Range';

/** Feature values as read from the file, before any cleaning. */
export interface NumericTable {
  /** Rows read (including rows with invalid values). */
  n: number;
  dim: number;
  /**
   * n×dim row-major; entries of invalid rows are NaN. Float32Array normally; a Float64Array when the
   * file holds values float32 cannot (`float32Lossy`), so they can be scaled or standardised first.
   */
  values: Float32Array | Float64Array;
  /** 1-based spreadsheet row of each table row (the header, when there is one, is row 1). */
  rowNumbers: Int32Array;
  /** Display names of the feature columns. */
  featureNames: string[];
  /** Label text per row, when a label column was chosen. */
  labels?: string[];
  /** Spreadsheet rows holding text, a missing value, NaN or ±Infinity in a feature column. */
  invalidRows: number[];
  /** The cells behind `invalidRows`, by what they hold. */
  invalidCells?: { text: number; missing: number; nonfinite: number };
  /** The first invalid cell, described for the message ("row 7, column "x2" is empty"). */
  firstInvalid?: string;
  /** Whether row 1 is a header (for the sentence on row numbers); default true. */
  hasHeader?: boolean;
  /** Some feature column holds values float32 cannot hold as they are (read it again as float64). */
  float32Lossy?: boolean;
}

export interface TableToDatasetOptions {
  name: string;
  /** n must exceed k (each point needs k neighbours besides itself). */
  k: number;
  standardize?: boolean;
  dropInvalidRows?: boolean;
  /** Under cosine, drop rows that are all zero instead of throwing InvalidValuesError (kind 'zero'). */
  dropZeroRows?: boolean;
  /** Constant columns are kept under cosine without standardising: they change angles. */
  metric?: Metric;
  /** Seeds the duplicate jitter. */
  seed?: number;
}

/** A feature column float32 could not hold as it was: its points are ((x / prescale) − offset) / divisor. */
export interface ColumnRescale {
  name: string;
  trouble: Float32Trouble;
  prescale: number;
  offset: number;
  divisor: number;
}

export interface TableToDatasetResult {
  dataset: Dataset;
  notices: string[];
  /** Spreadsheet rows dropped for cells that are not numbers. */
  droppedRows: number[];
  /** Spreadsheet rows dropped for being all zero under cosine. */
  zeroRows: number[];
  /** Rows that repeat an earlier row and were jittered. */
  duplicateRows: number;
  /** Names of the columns used, after constant columns were dropped. */
  featureNames: string[];
  /** Columns scaled, shifted or standardised in float64 because float32 could not hold them. */
  rescaled: ColumnRescale[];
}

/** Relative scale of the duplicate jitter: 1e-3 of the column's standard deviation. */
export const JITTER_SCALE = 1e-3;

/** The smallest k the app offers (the k slider's minimum): a file needs more rows than this. */
const K_MIN = numberParameters.k.min;

export function tableToDataset(table: NumericTable, options: TableToDatasetOptions): TableToDatasetResult {
  const notices: string[] = [];
  const { k } = options;
  const numbering = rowNumbering(table.hasHeader ?? true);
  let droppedRows: number[] = [];
  if (table.invalidRows.length > 0) {
    const rows = table.invalidRows;
    if (!options.dropInvalidRows) {
      throw new InvalidValuesError(
        `${describeRows(rows)} ${rows.length === 1 ? 'has' : 'have'} a feature cell that is not a number (${cellKinds(table)}); the first: ${table.firstInvalid}. Drop ${rows.length === 1 ? 'that row' : `those ${rows.length} rows`}, or fix the file. ${numbering}`,
        rows,
      );
    }
    droppedRows = rows;
    notices.push(
      `Dropped ${describeRows(rows)} with a feature cell that is not a number (${cellKinds(table)}).`,
    );
  }
  let kept = keptRowIndices(table);
  if (kept.length === 0) {
    throw new UserError(
      `Every one of the ${formatCount(table.n, 'row')} has a feature cell that is not a number (the first: ${table.firstInvalid}), so none is left. Choose other feature columns. ${numbering}`,
    );
  }
  checkRowCount(kept.length, k, droppedRows.length);
  let built = buildPoints(table, kept, options);
  const zeroRows: number[] = [];
  while (options.metric === 'cosine') {
    const zeros = zeroRowIndices(built.points, kept.length, built.dim);
    if (zeros.length === 0) break;
    const rows = zeros.map((i) => table.rowNumbers[kept[i]]);
    if (!options.dropZeroRows) throw zeroRowsError(rows, options.standardize === true, numbering);
    zeroRows.push(...rows);
    const zero = new Set(zeros);
    kept = kept.filter((_, i) => !zero.has(i));
    if (kept.length === 0) {
      throw new UserError(
        'Every row is all zero in the chosen feature columns, so under the cosine metric no row has a direction. Choose other feature columns, or the Euclidean metric.',
      );
    }
    checkRowCount(kept.length, k, droppedRows.length + zeroRows.length);
    built = buildPoints(table, kept, options);
  }
  zeroRows.sort((a, b) => a - b);
  if (zeroRows.length > 0) {
    notices.push(
      `Dropped ${describeRows(zeroRows)} that ${zeroRows.length === 1 ? 'is' : 'are'} all zero in the feature columns: under the cosine metric a zero vector has no direction.`,
    );
  }
  notices.push(...built.notices);
  const { points, dim } = built;
  const n = kept.length;
  const duplicateRows = jitterDuplicates(points, n, dim, built.columnScale, options.seed ?? 0);
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
    zeroRows,
    duplicateRows,
    featureNames: built.columns.map((c) => table.featureNames[c]),
    rescaled: built.rescaled,
  };
}

/** "1 text cell, 2 missing values": what the invalid cells hold. */
function cellKinds(table: NumericTable): string {
  const cells = table.invalidCells;
  if (!cells) return 'text, missing, NaN or infinite';
  return [
    cells.text > 0 ? formatCount(cells.text, 'text cell') : '',
    cells.missing > 0 ? formatCount(cells.missing, 'missing value') : '',
    cells.nonfinite > 0 ? formatCount(cells.nonfinite, 'infinite value') : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
}

/**
 * n must exceed k, and k cannot go below K_MIN: name the value the k slider can take, or say the
 * file is too short for any k. `lost` rows were dropped on the way.
 */
function checkRowCount(n: number, k: number, lost: number): void {
  const after = lost > 0 ? ` after dropping ${formatCount(lost, 'row')}` : '';
  if (n <= K_MIN) {
    throw new UserError(
      `The file has ${n === 1 ? 'a single usable data row' : `only ${formatCount(n, 'usable data row')}`}${after}; even the smallest k, ${K_MIN}, needs at least ${K_MIN + 1} rows. Load a file with more rows.`,
    );
  }
  if (n <= k) {
    throw new UserError(
      `k = ${k} needs more than ${k} points; this file has ${formatCount(n, 'usable row')}${after}. Lower k to at most ${n - 1} with the neighbours k slider, or load a file with more rows.`,
    );
  }
}

function zeroRowsError(rows: number[], standardized: boolean, numbering: string): InvalidValuesError {
  const one = rows.length === 1;
  return new InvalidValuesError(
    `${describeRows(rows)} ${one ? 'is' : 'are'} all zero in the feature columns${standardized ? ' after standardising' : ''}. Under the cosine metric a zero vector has no direction, so its distance to the other points is undefined (the neighbour search would put ${one ? 'it at distance 1 from every other point' : 'each at distance 1 from every non-zero point and at 0 from the other zero rows'}). Drop ${one ? 'that row' : `those ${rows.length} rows`}, or choose the Euclidean metric. ${numbering}`,
    rows,
    'zero',
  );
}

/** Rows (indices into the points) whose every coordinate is 0. */
function zeroRowIndices(points: Float32Array, n: number, dim: number): number[] {
  const zeros: number[] = [];
  for (let i = 0; i < n; i++) {
    let zero = true;
    for (let c = 0; c < dim && zero; c++) if (points[i * dim + c] !== 0) zero = false;
    if (zero) zeros.push(i);
  }
  return zeros;
}

function keptRowIndices(table: NumericTable): Int32Array {
  if (table.invalidRows.length === 0) return Int32Array.from({ length: table.n }, (_, i) => i);
  const invalid = new Set(table.invalidRows);
  const kept: number[] = [];
  for (let i = 0; i < table.n; i++) if (!invalid.has(table.rowNumbers[i])) kept.push(i);
  return Int32Array.from(kept);
}

/**
 * How one column becomes float32: points = ((x / prescale) − offset) / divisor in float64, where x
 * is the parsed float64 value when `exact`, else that value rounded to float32 first (every column
 * float32 can hold: the arithmetic, and so every bit, as when the file was read as float32).
 */
interface ColumnPlan {
  exact: boolean;
  prescale: number;
  offset: number;
  divisor: number;
  trouble: Float32Trouble | null;
}

const IDENTITY: ColumnPlan = { exact: false, prescale: 1, offset: 0, divisor: 1, trouble: null };

/** The dataset's points for the rows `kept`: constant columns, float32 range and standardisation settled. */
function buildPoints(table: NumericTable, kept: Int32Array, options: TableToDatasetOptions) {
  const notices: string[] = [];
  const names = table.featureNames;
  const standardize = options.standardize === true;
  const cosine = options.metric === 'cosine';
  const range = rawRanges(table, kept);
  const constant: number[] = [];
  for (let c = 0; c < table.dim; c++) if (range.min[c] === range.max[c]) constant.push(c);
  const plans: ColumnPlan[] = [];
  for (let c = 0; c < table.dim; c++) {
    const trouble = float32Trouble(range.min[c], range.max[c], range.maxAbs[c]);
    if (trouble !== null && !Number.isFinite(range.maxAbs[c])) {
      throw new Error(`column ${names[c]} holds ±Infinity outside the invalid rows`);
    }
    plans.push(
      trouble === null
        ? IDENTITY
        : standardize
          ? standardizedPlan(table, kept, c, trouble, range.maxAbs[c])
          : scaledPlan(table, kept, c, trouble, range, cosine),
    );
  }
  if (standardize) {
    // A column with float64 spread so small that it vanishes in the arithmetic is constant too.
    for (let c = 0; c < table.dim; c++) if (plans[c].divisor === 0 && !constant.includes(c)) constant.push(c);
    constant.sort((a, b) => a - b);
  }
  const dropConstant = standardize || !cosine;
  const columns: number[] = [];
  for (let c = 0; c < table.dim; c++) if (!(dropConstant && constant.includes(c))) columns.push(c);
  if (columns.length === 0) {
    const constantNames = constant.map((c) => `"${names[c]}"`).join(', ');
    throw new UserError(
      `Every chosen feature column is constant (${constantNames}), so all points coincide. Choose columns whose values vary.`,
    );
  }
  if (constant.length > 0) {
    const label = columnsLabel(constant.map((c) => names[c]));
    const one = constant.length === 1;
    notices.push(
      !dropConstant
        ? `${label} ${one ? 'is' : 'are'} constant; kept, because under the cosine metric ${one ? 'it changes' : 'they change'} angles. Untick ${one ? 'it' : 'them'} to leave ${one ? 'it' : 'them'} out.`
        : standardize
          ? `${label} ${one ? 'is' : 'are'} constant, so ${one ? 'it' : 'they'} cannot be standardised (zero spread); left out.`
          : `${label} ${one ? 'is' : 'are'} constant, so ${one ? 'it does' : 'they do'} not change Euclidean distances; left out.`,
    );
  }
  if (!standardize) shareFactor(plans, columns, range.maxAbs);
  // Standardising the columns float32 can hold: mean and population std of their float32 values.
  const stats = columnStats(table, kept);
  for (const c of columns) {
    if (standardize && plans[c].trouble === null) {
      plans[c] = { ...IDENTITY, offset: stats.mean[c], divisor: stats.std[c] };
    }
  }
  const n = kept.length;
  const dim = columns.length;
  const points = new Float32Array(n * dim);
  const { values } = table;
  for (let j = 0; j < dim; j++) {
    const c = columns[j];
    const { exact, prescale, offset, divisor } = plans[c];
    for (let i = 0; i < n; i++) {
      const raw = values[kept[i] * table.dim + c];
      const x = exact ? raw : Math.fround(raw);
      points[i * dim + j] = (x / prescale - offset) / divisor;
    }
  }
  const rescaled: ColumnRescale[] = [];
  const columnScale = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    const c = columns[j];
    const plan = plans[c];
    columnScale[j] = standardize ? 1 : plan.trouble === null ? stats.std[c] : pointStd(points, n, dim, j);
    if (plan.trouble !== null) {
      const { prescale, offset, divisor, trouble } = plan;
      rescaled.push({ name: names[c], trouble, prescale, offset, divisor });
    }
  }
  notices.push(...rescaleNotices(plans, columns, names, range, standardize));
  if (standardize) notices.push('Standardised every feature column to mean 0 and standard deviation 1.');
  return { points, dim, columns, notices, columnScale, rescaled };
}

/** Per-column min, max and max |x| of the raw (float64 or float32) values of the kept rows. */
function rawRanges(table: NumericTable, kept: Int32Array) {
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
function columnStats(table: NumericTable, kept: Int32Array) {
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
function exactStats(table: NumericTable, kept: Int32Array, c: number, prescale: number) {
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

/** Standardising a column float32 cannot hold: in float64, after dividing by a power of ten near its size. */
function standardizedPlan(
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
function scaledPlan(
  table: NumericTable,
  kept: Int32Array,
  c: number,
  trouble: Float32Trouble,
  range: { min: Float64Array; max: Float64Array; maxAbs: Float64Array },
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
function shareFactor(plans: ColumnPlan[], columns: number[], maxAbs: Float64Array): void {
  const trouble = plans[columns[0]].trouble;
  if (trouble !== 'overflow' && trouble !== 'tiny') return;
  if (!columns.every((c) => plans[c].trouble === trouble && plans[c].offset === 0)) return;
  const divisor = Math.max(...columns.map((c) => plans[c].divisor));
  if (!columns.every((c) => maxAbs[c] / divisor >= FLOAT32_TINY || maxAbs[c] === 0)) return;
  for (const c of columns) plans[c] = { ...plans[c], divisor };
}

/** "divided by 1e39" / "multiplied by 1e50". */
function byPowerOfTen(divisor: number): string {
  const e = decimalExponent(divisor);
  return e >= 0 ? `divided by 1e${e}` : `multiplied by 1e${-e}`;
}

/** One notice per column that float32 could not hold as it was, saying what was done and its effect. */
function rescaleNotices(
  plans: ColumnPlan[],
  columns: number[],
  names: string[],
  range: { min: Float64Array; max: Float64Array; maxAbs: Float64Array },
  standardize: boolean,
): string[] {
  const notices: string[] = [];
  const troubled = columns.filter((c) => plans[c].trouble !== null);
  const shared =
    troubled.length === columns.length && new Set(troubled.map((c) => plans[c].divisor)).size === 1;
  for (const c of troubled) {
    const plan = plans[c];
    const label = columnsLabel([names[c]]);
    const why =
      plan.trouble === 'overflow'
        ? `holds values up to ${formatMagnitude(range.maxAbs[c])}, beyond float32's range (±3.4e+38)`
        : plan.trouble === 'tiny'
          ? `holds only tiny values (up to ${formatMagnitude(range.maxAbs[c])}), which float32 would round to 0 or strip of their digits`
          : `varies only beyond float32's precision (${range.min[c]} to ${range.max[c]} would all become ${Number.isFinite(Math.fround(range.min[c])) ? Math.fround(range.min[c]) : 'the same float32 number'})`;
    if (standardize) {
      notices.push(
        `${label} ${why}; it was standardised in float64 before the conversion to float32, so nothing was lost.`,
      );
      continue;
    }
    if (plan.trouble === 'indistinct' && plan.offset === 0) {
      notices.push(
        `${label} ${why}, so in float32 it is constant. Under the cosine metric, subtracting its mean would change angles, so it was kept as it is${plan.divisor === 1 ? '' : ` (${byPowerOfTen(plan.divisor)})`}. Tick "standardise columns" to keep its variation.`,
      );
      continue;
    }
    if (plan.trouble === 'indistinct') {
      notices.push(
        `${label} ${why}; its mean, ${plan.offset}, was subtracted${plan.divisor === 1 ? ', which leaves Euclidean distances unchanged.' : ` and the result ${byPowerOfTen(plan.divisor)}. This changes its weight in distances against the other columns; tick "standardise columns" to weigh all columns alike.`}`,
      );
      continue;
    }
    const effect = shared
      ? columns.length === 1
        ? ''
        : ' Every feature column was scaled by the same factor, so distances keep their proportions.'
      : ' This changes its weight in distances against the other columns; tick "standardise columns" to weigh all columns alike.';
    notices.push(`${label} ${why}; it was ${byPowerOfTen(plan.divisor)} so float32 can hold it.${effect}`);
  }
  return notices;
}

/** Population standard deviation of column j of the points, in float64. */
function pointStd(points: Float32Array, n: number, dim: number, j: number): number {
  let sum = 0;
  for (let i = 0; i < n; i++) sum += points[i * dim + j];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (points[i * dim + j] - mean) ** 2;
  return Math.sqrt(squares / n);
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
