export type { DroppableKind } from './csvErrors';
export { columnLabel, InvalidValuesError } from './csvErrors';
export type { ColumnInfo, ColumnKind, ColumnRole, TableInspection } from './inspectTable';
export { inspectTable } from './inspectTable';
export type { CsvInspection, CsvReadOptions, LoadCsvOptions, LoadedCsv } from './loadCsv';
export { inspectCsv, loadCsv, MAX_FEATURE_VALUES } from './loadCsv';
export type { CellProblem, Delimiter } from './parseCsv';
export { cellProblem, detectDelimiter, forEachRecord, isHexNumber, parseCell } from './parseCsv';
export { checkBytes, decodeChunks, MAX_FILE_BYTES } from './readFile';
export { sha256Hex } from './sha256';
export type {
  ColumnRescale,
  NumericTable,
  TableToDatasetOptions,
  TableToDatasetResult,
} from './tableToDataset';
export { findDuplicateRows, JITTER_SCALE, jitterDuplicates, tableToDataset } from './tableToDataset';
