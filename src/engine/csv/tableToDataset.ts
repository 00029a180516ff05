/**
 * Numeric table (parsed feature values + optional label strings) → `Dataset`: drops rows with cells
 * that are not numbers when asked, drops constant columns, brings columns float32 cannot hold into its
 * range (float32Range.ts), standardises (buildPoints.ts), refuses (or drops) all-zero rows under cosine,
 * and jitters duplicate rows (duplicateRows.ts). Every refusal is a `UserError` that says what to
 * change; every column left out, scaled or shifted is named in a notice.
 */
import { UserError } from '../../core/errors';
import type { Dataset, Metric } from '../../core/types';
import { formatCount } from '../messages';
import { numberParameters } from '../parameters';
import { buildPoints, type ColumnRescale } from './buildPoints';
import { describeRows, InvalidValuesError, rowNumbering } from './csvErrors';
import { JITTER_SCALE, jitterDuplicates } from './duplicateRows';

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
