/**
 * The worker's entry points for CSV files: `inspectCsv` (for the column chooser) and `loadCsv`
 * (bytes → Dataset). Both are pure: bytes in, plain data out; problems are `UserError`s, and an
 * `InvalidValuesError` when dropping the listed rows would fix the file.
 */
import type { ProgressCallback } from '../../core/cancel';
import { UserError } from '../../core/errors';
import type { Dataset, Metric } from '../../core/types';
import { formatCount, formatNumber } from '../messages';
import type { ColumnRescale } from './buildPoints';
import type { ColumnInfo } from './columnInfo';
import { clip, columnLabel, InvalidValuesError, rowNumbering } from './csvErrors';
import { inspectTable, type TableInspection } from './inspectTable';
import { type Delimiter, detectDelimiter, forEachRecord } from './parseCsv';
import {
  checkBytes,
  decodeChunks,
  type EncodingChoice,
  InvalidUtf8Error,
  type TextEncodingName,
  WINDOWS_1252_NOTICE,
} from './readFile';
import { readNumericTable } from './readNumericTable';
import { sha256Hex } from './sha256';
import { type NumericTable, tableToDataset } from './tableToDataset';

export interface CsvReadOptions {
  /** Default `MAX_FILE_BYTES` (1 GiB). */
  maxBytes?: number;
  /** Override header detection. */
  header?: boolean;
  /** Override delimiter detection. */
  delimiter?: Delimiter;
}

export interface CsvInspection extends TableInspection {
  delimiter: Delimiter;
  encoding: TextEncodingName;
  /** Data rows in the file, estimated from the sample's bytes per row (exact for small files). */
  estimatedRows: number;
  suggestedFeatureColumns: number[];
  suggestedLabelColumn: number | null;
  notices: string[];
  /** How row numbers in decisions and messages count, as a sentence (the header is row 1, or there is none). */
  rowNumbering: string;
}

export interface LoadCsvOptions extends CsvReadOptions {
  /** The number of neighbours; the file must have more than k usable rows. */
  k: number;
  /** Column indices (0-based). Default: the inspection's suggestion. */
  featureColumns?: number[];
  /** Column index, `null` for none; default: the inspection's suggestion. */
  labelColumn?: number | null;
  standardize?: boolean;
  /** Drop rows with text, missing, NaN or infinite feature cells instead of throwing InvalidValuesError. */
  dropInvalidRows?: boolean;
  /** Under cosine, drop all-zero rows instead of throwing InvalidValuesError (kind 'zero'). */
  dropZeroRows?: boolean;
  metric?: Metric;
  /** Seeds the duplicate-row jitter (pass the run's seed). */
  seed?: number;
  /** Dataset name (the file name). */
  name?: string;
  /** Fraction of bytes parsed; returning false cancels with CancelledError. */
  onProgress?: ProgressCallback;
}

export interface LoadedCsv {
  dataset: Dataset;
  sha256: string;
  notices: string[];
  columns: ColumnInfo[];
  /** Names of the feature columns used (constant ones left out). */
  featureNames: string[];
  /** Spreadsheet rows dropped for invalid values. */
  droppedRows: number[];
  /** Spreadsheet rows dropped for being all zero under cosine. */
  zeroRows: number[];
  duplicateRows: number;
  /** Feature columns scaled, shifted or standardised in float64 because float32 could not hold them. */
  rescaled: ColumnRescale[];
  inspection: CsvInspection;
}

/** Bytes decoded for the inspection sample. */
const SAMPLE_BYTES = 1024 * 1024;
/** Records inspected. */
const SAMPLE_ROWS = 2000;
/** Float32 values the explorer holds at most (512 MB). */
export const MAX_FEATURE_VALUES = 2 ** 27;

/** Reads the start of the file and describes its columns (fast even for a 600 MB file). */
export function inspectCsv(input: ArrayBuffer | Uint8Array, options: CsvReadOptions = {}): CsvInspection {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  let choice = checkBytes(bytes, options.maxBytes);
  const notices: string[] = [];
  let sample: string;
  try {
    sample = sampleText(bytes, choice);
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    choice = { encoding: 'windows-1252', bomBytes: 0 };
    sample = sampleText(bytes, choice);
    notices.push(WINDOWS_1252_NOTICE);
  }
  if (sample.trim() === '') throw new UserError('The file is empty (it holds only blank lines).');
  const delimiter = options.delimiter ?? detectDelimiter(sample);
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  let sampledChars = 0;
  forEachRecord([{ text: sample }], delimiter, (fields, row) => {
    records.push(fields);
    rowNumbers.push(row);
    for (const f of fields) sampledChars += f.length + 1;
    return records.length < SAMPLE_ROWS;
  });
  const wholeFileSampled =
    records.length < SAMPLE_ROWS && sample.length >= bytes.length - choice.bomBytes - 4;
  const table = inspectTable(records, {
    header: options.header,
    decimalCommaAllowed: delimiter !== ',',
    rowNumbers,
    wholeFile: wholeFileSampled,
  });
  if (table.sampledRows === 0) {
    const names = (table.headerNames ?? []).map((h) => clip(h, 20)).join(', ');
    throw new UserError(
      `The file has only a header row (${clip(names, 80)}) and no data rows. Load a file with data below the header.`,
    );
  }
  if (table.decimalComma) notices.push('Numbers use a decimal comma (e.g. "1,5"); read as 1.5.');
  const estimatedRows = wholeFileSampled
    ? table.sampledRows
    : Math.round((bytes.length / Math.max(1, sampledChars)) * records.length) - (table.hasHeader ? 1 : 0);
  const label = table.columns.find((c) => c.suggestedRole === 'label');
  return {
    ...table,
    delimiter,
    encoding: choice.encoding,
    estimatedRows,
    suggestedFeatureColumns: table.columns.filter((c) => c.suggestedRole === 'feature').map((c) => c.index),
    suggestedLabelColumn: label ? label.index : null,
    notices,
    rowNumbering: rowNumbering(table.hasHeader),
  };
}

function sampleText(bytes: Uint8Array, choice: EncodingChoice): string {
  const first = decodeChunks(bytes, choice, SAMPLE_BYTES).next();
  return first.done ? '' : first.value.text;
}

/** Parses the whole file into a Dataset. Synchronous apart from the SHA-256. */
export async function loadCsv(input: ArrayBuffer | Uint8Array, options: LoadCsvOptions): Promise<LoadedCsv> {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const inspection = inspectCsv(bytes, options);
  const featureColumns = options.featureColumns ?? inspection.suggestedFeatureColumns;
  const labelColumn =
    options.labelColumn === undefined ? inspection.suggestedLabelColumn : options.labelColumn;
  validateChoice(inspection, featureColumns, labelColumn);
  const notices = [...inspection.notices];
  let encoding = inspection.encoding;
  const read = (precision: 'float32' | 'float64') =>
    readNumericTable(bytes, inspection, encoding, featureColumns, labelColumn, options.onProgress, precision);
  let table: NumericTable;
  try {
    table = read('float32');
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    // Invalid UTF-8 past the inspected sample: read the whole file again as Windows-1252.
    encoding = 'windows-1252';
    table = read('float32');
    notices.push(WINDOWS_1252_NOTICE);
  }
  // Values float32 cannot hold: read again keeping float64, so they can be scaled or standardised first.
  if (table.float32Lossy) {
    if (table.n * table.dim > MAX_FEATURE_VALUES / 2) {
      throw new UserError(
        `Some feature column holds values float32 cannot hold (beyond ±3.4e38, tiny, or differing only in far digits), and at ${formatCount(table.n, 'row')} × ${formatCount(table.dim, 'column')} the file is too large to read again in float64 to rescale them. Choose fewer columns, or rescale those values in the file.`,
      );
    }
    table = read('float64');
  }
  const leftOut = leftOutNotices(inspection, featureColumns, labelColumn);
  let result: ReturnType<typeof tableToDataset>;
  try {
    result = tableToDataset(table, {
      name: options.name ?? 'CSV',
      k: options.k,
      standardize: options.standardize,
      dropInvalidRows: options.dropInvalidRows,
      dropZeroRows: options.dropZeroRows,
      metric: options.metric,
      seed: options.seed,
    });
  } catch (error) {
    // Too few rows, every column constant…: a column left out for a bad cell may be the way out, so name it.
    if (!(error instanceof UserError) || error instanceof InvalidValuesError || leftOut.length === 0)
      throw error;
    throw new UserError(`${error.message} ${leftOut.join(' ')} ${rowNumbering(inspection.hasHeader)}`);
  }
  return {
    dataset: result.dataset,
    sha256: await sha256Hex(bytes),
    notices: [...notices, ...leftOut, ...result.notices],
    columns: inspection.columns,
    featureNames: result.featureNames,
    droppedRows: result.droppedRows,
    zeroRows: result.zeroRows,
    duplicateRows: result.duplicateRows,
    rescaled: result.rescaled,
    inspection,
  };
}

/**
 * Columns neither used as a feature nor as the label although the inspection found something wrong
 * in them (text among numbers, hexadecimal numbers, no values): named, so none disappears silently.
 */
function leftOutNotices(
  inspection: CsvInspection,
  featureColumns: readonly number[],
  labelColumn: number | null,
): string[] {
  const notices: string[] = [];
  for (const column of inspection.columns) {
    if (!column.problem || featureColumns.includes(column.index) || column.index === labelColumn) continue;
    const name = columnLabel(inspection.headerNames, column.index);
    const action =
      column.kind === 'mixed'
        ? ' Tick it to use it anyway; its text cells then count as missing values.'
        : '';
    notices.push(`${name[0].toUpperCase()}${name.slice(1)} was left out: ${column.problem}.${action}`);
  }
  return notices;
}

function validateChoice(
  inspection: CsvInspection,
  featureColumns: number[],
  labelColumn: number | null,
): void {
  const width = inspection.columns.length;
  const name = (c: number) => columnLabel(inspection.headerNames, c);
  if (featureColumns.length === 0) {
    const numeric = inspection.columns.some((c) => c.selectable);
    const looked = inspection.wholeFileSampled
      ? `looked at all ${formatCount(inspection.sampledRows, 'row')}`
      : `looked at the first ${formatCount(inspection.sampledRows, 'row')}`;
    throw new UserError(
      numeric
        ? 'No feature column is chosen. Tick at least one column that holds numbers.'
        : `No column holds numbers (${looked}), and UMAP needs numeric feature columns. Load a file with numbers in it.`,
    );
  }
  for (const c of [...featureColumns, ...(labelColumn === null ? [] : [labelColumn])]) {
    if (!Number.isInteger(c) || c < 0 || c >= width) {
      throw new UserError(`Column ${c + 1} does not exist; the file has ${formatCount(width, 'column')}.`);
    }
  }
  if (labelColumn !== null && featureColumns.includes(labelColumn)) {
    throw new UserError(`${name(labelColumn)} is chosen both as a feature and as the label; choose one.`);
  }
  if (new Set(featureColumns).size !== featureColumns.length)
    throw new UserError('A feature column is chosen twice.');
  const rows = Math.max(inspection.estimatedRows, 1);
  if (rows * featureColumns.length > MAX_FEATURE_VALUES) {
    throw new UserError(
      `About ${formatCount(rows, 'row')} × ${formatCount(featureColumns.length, 'column')} is more than the ${formatNumber(MAX_FEATURE_VALUES)} values the explorer can hold. Choose fewer columns, or load fewer rows.`,
    );
  }
}
