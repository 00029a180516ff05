/**
 * The worker's entry points for CSV files: `inspectCsv` (for the column chooser) and `loadCsv`
 * (bytes → Dataset). Both are pure: bytes in, plain data out; problems are `UserError`s, and an
 * `InvalidValuesError` when dropping the listed rows would fix the file.
 */
import type { ProgressCallback } from '../../core/cancel';
import { UserError } from '../../core/errors';
import type { Dataset, Metric } from '../../core/types';
import { clip, columnLabel } from './csvErrors';
import { type ColumnInfo, inspectTable, type TableInspection } from './inspectTable';
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
}

export interface LoadCsvOptions extends CsvReadOptions {
  /** The number of neighbours; the file must have more than k usable rows. */
  k: number;
  /** Column indices (0-based). Default: the inspection's suggestion. */
  featureColumns?: number[];
  /** Column index, `null` for none; default: the inspection's suggestion. */
  labelColumn?: number | null;
  standardize?: boolean;
  /** Drop rows with missing / NaN / infinite feature values instead of throwing InvalidValuesError. */
  dropInvalidRows?: boolean;
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
  duplicateRows: number;
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
  let sampledChars = 0;
  forEachRecord([{ text: sample }], delimiter, (fields) => {
    records.push(fields);
    for (const f of fields) sampledChars += f.length + 1;
    return records.length < SAMPLE_ROWS;
  });
  const table = inspectTable(records, { header: options.header, decimalCommaAllowed: delimiter !== ',' });
  if (table.sampledRows === 0) {
    const names = (table.headerNames ?? []).map((h) => clip(h, 20)).join(', ');
    throw new UserError(
      `The file has only a header row (${clip(names, 80)}) and no data rows. Load a file with data below the header.`,
    );
  }
  if (table.decimalComma) notices.push('Numbers use a decimal comma (e.g. "1,5"); read as 1.5.');
  const wholeFileSampled =
    records.length < SAMPLE_ROWS && sample.length >= bytes.length - choice.bomBytes - 4;
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
  let table: NumericTable;
  try {
    table = readNumericTable(
      bytes,
      inspection,
      inspection.encoding,
      featureColumns,
      labelColumn,
      options.onProgress,
    );
  } catch (error) {
    if (!(error instanceof InvalidUtf8Error)) throw error;
    // Invalid UTF-8 past the inspected sample: read the whole file again as Windows-1252.
    table = readNumericTable(
      bytes,
      inspection,
      'windows-1252',
      featureColumns,
      labelColumn,
      options.onProgress,
    );
    notices.push(WINDOWS_1252_NOTICE);
  }
  const result = tableToDataset(table, {
    name: options.name ?? 'CSV',
    k: options.k,
    standardize: options.standardize,
    dropInvalidRows: options.dropInvalidRows,
    metric: options.metric,
    seed: options.seed,
  });
  return {
    dataset: result.dataset,
    sha256: await sha256Hex(bytes),
    notices: [...notices, ...result.notices],
    columns: inspection.columns,
    featureNames: result.featureNames,
    droppedRows: result.droppedRows,
    duplicateRows: result.duplicateRows,
    inspection,
  };
}

function validateChoice(
  inspection: CsvInspection,
  featureColumns: number[],
  labelColumn: number | null,
): void {
  const width = inspection.columns.length;
  const name = (c: number) => columnLabel(inspection.headerNames, c);
  if (featureColumns.length === 0) {
    const numeric = inspection.columns.some((c) => c.kind === 'numeric');
    throw new UserError(
      numeric
        ? 'Choose at least one numeric feature column.'
        : `No column holds numbers (looked at the first ${inspection.sampledRows} rows). UMAP needs numeric feature columns.`,
    );
  }
  for (const c of [...featureColumns, ...(labelColumn === null ? [] : [labelColumn])]) {
    if (!Number.isInteger(c) || c < 0 || c >= width) {
      throw new UserError(`Column ${c + 1} does not exist; the file has ${width} columns.`);
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
      `About ${rows} rows × ${featureColumns.length} columns is more than the ${MAX_FEATURE_VALUES} values the explorer can hold. Choose fewer columns or rows.`,
    );
  }
}
