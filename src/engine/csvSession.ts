/**
 * The worker's CSV entry points as plain functions: bytes in, a small structured result out. Results
 * instead of thrown errors because comlink rebuilds a thrown error from its message alone, and the UI
 * needs an InvalidValuesError's row list to offer "Drop N rows".
 */
import { CancelledError } from '../core/cancel';
import { UserError } from '../core/errors';
import type { Metric } from '../core/types';
import {
  type CsvInspection,
  type Delimiter,
  type DroppableKind,
  InvalidValuesError,
  inspectCsv,
  loadCsv,
} from './csv';
import { type TextEncodingName, WINDOWS_1252_NOTICE } from './csv/readFile';
import type { ExternalDataset } from './pipeline';

export type CsvResult<T> =
  | { ok: true; value: T }
  /**
   * `droppableRows`: spreadsheet rows whose dropping would fix the file; `droppable` says which
   * request flag drops them ('invalid': `dropInvalidRows`, 'zero': `dropZeroRows`).
   */
  | {
      ok: false;
      message: string;
      droppableRows?: number[];
      droppable?: DroppableKind;
      cancelled?: boolean;
    };

/** What the UI asks for when loading: the column chooser's answers and the run's k and seed. */
export interface CsvLoadRequest {
  name: string;
  k: number;
  seed: number;
  featureColumns: number[];
  labelColumn: number | null;
  standardize: boolean;
  metric: Metric;
  dropInvalidRows: boolean;
  /** Under the cosine metric, drop rows that are all zero (offered after a refusal). */
  dropZeroRows?: boolean;
}

/** A loaded CSV without its big arrays: what the UI shows and the store keeps. */
export interface CsvSummary {
  name: string;
  sha256: string;
  n: number;
  dim: number;
  notices: string[];
  droppedRows: number[];
  /** Rows dropped for being all zero under cosine. */
  zeroRows: number[];
  duplicateRows: number;
  /** How the file was read, for the umap-learn script that reads it again (state/exports). */
  source: CsvSource;
}

/** Everything that decided which numbers a loaded CSV became: enough to read it again identically. */
export interface CsvSource {
  /** The encoding the whole file was read in (after any fallback to Windows-1252). */
  encoding: TextEncodingName;
  delimiter: Delimiter;
  hasHeader: boolean;
  decimalComma: boolean;
  /** The chosen feature columns (0-based) and their names, before constant ones were left out. */
  featureColumns: number[];
  featureNames: string[];
  labelColumn: number | null;
  labelName: string | null;
  standardize: boolean;
  /** The metric at load time: under cosine without standardising, constant columns are kept. */
  metric: Metric;
  /** Seed of the duplicate-row jitter: the run's seed when the file was loaded. */
  seed: number;
  /** Rows left out for missing or non-finite values, and rows jittered as repeats. */
  droppedRows: number;
  duplicateRows: number;
  /** Rows left out for being all zero under cosine (absent: none). */
  zeroRows?: number;
  /**
   * Feature columns float32 could not hold as they were (absent: none): their points are
   * ((x / prescale) − offset) / divisor, computed in float64 (csv/tableToDataset.ts).
   */
  rescaled?: { name: string; prescale: number; offset: number; divisor: number }[];
}

function failure(error: unknown): CsvResult<never> {
  if (error instanceof InvalidValuesError)
    return { ok: false, message: error.message, droppableRows: error.rows, droppable: error.kind };
  if (error instanceof CancelledError) return { ok: false, message: error.message, cancelled: true };
  if (error instanceof UserError) return { ok: false, message: error.message };
  return { ok: false, message: `Internal error: ${error instanceof Error ? error.message : String(error)}` };
}

export function inspectCsvResult(bytes: ArrayBuffer): CsvResult<CsvInspection> {
  try {
    return { ok: true, value: inspectCsv(bytes) };
  } catch (error) {
    return failure(error);
  }
}

/**
 * Parses the file and hands the dataset to `accept` (the engine's data sources, dataSources.ts) under
 * its SHA-256, so the engine keys the dataset stage by content (config.ts stageKeys). Nothing is
 * accepted on failure.
 */
export async function loadCsvResult(
  bytes: ArrayBuffer,
  request: CsvLoadRequest,
  accept: (dataset: ExternalDataset) => void,
  onProgress: (fraction: number) => boolean,
): Promise<CsvResult<CsvSummary>> {
  try {
    const loaded = await loadCsv(bytes, { ...request, onProgress });
    accept({ id: loaded.sha256, dataset: loaded.dataset });
    const { dataset, inspection } = loaded;
    const columnName = (column: number) => inspection.columns[column]?.name ?? `column ${column + 1}`;
    const source: CsvSource = {
      encoding: loaded.notices.includes(WINDOWS_1252_NOTICE) ? 'windows-1252' : inspection.encoding,
      delimiter: inspection.delimiter,
      hasHeader: inspection.hasHeader,
      decimalComma: inspection.decimalComma,
      featureColumns: request.featureColumns,
      featureNames: request.featureColumns.map(columnName),
      labelColumn: request.labelColumn,
      labelName: request.labelColumn === null ? null : columnName(request.labelColumn),
      standardize: request.standardize,
      metric: request.metric,
      seed: request.seed,
      droppedRows: loaded.droppedRows.length,
      duplicateRows: loaded.duplicateRows,
      ...(loaded.zeroRows.length > 0 ? { zeroRows: loaded.zeroRows.length } : {}),
      ...(loaded.rescaled.length > 0
        ? {
            rescaled: loaded.rescaled.map(({ name, prescale, offset, divisor }) => ({
              name,
              prescale,
              offset,
              divisor,
            })),
          }
        : {}),
    };
    return {
      ok: true,
      value: {
        name: request.name,
        sha256: loaded.sha256,
        n: dataset.n,
        dim: dataset.dim,
        notices: loaded.notices,
        droppedRows: loaded.droppedRows,
        zeroRows: loaded.zeroRows,
        duplicateRows: loaded.duplicateRows,
        source,
      },
    };
  } catch (error) {
    return failure(error);
  }
}
