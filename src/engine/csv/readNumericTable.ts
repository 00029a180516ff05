/**
 * The one full pass over a CSV file: chosen feature columns parsed straight into a growing
 * Float32Array, label text kept per row, invalid rows listed, ragged rows and text cells refused.
 */
import { CancelledError, type ProgressCallback } from '../../core/cancel';
import { UserError } from '../../core/errors';
import { clip, columnLabel } from './csvErrors';
import type { CsvInspection } from './loadCsv';
import { cellProblem, forEachRecord, isBlankRecord, parseCell } from './parseCsv';
import { decodeChunks, type EncodingChoice, type TextEncodingName } from './readFile';
import type { NumericTable } from './tableToDataset';

/** Streams the file once, parsing the chosen columns straight into a growing Float32Array. */
export function readNumericTable(
  bytes: Uint8Array,
  inspection: CsvInspection,
  encoding: TextEncodingName,
  featureColumns: number[],
  labelColumn: number | null,
  onProgress?: ProgressCallback,
): NumericTable {
  const { delimiter, hasHeader, headerNames, decimalComma } = inspection;
  const width = inspection.columns.length;
  const dim = featureColumns.length;
  let capacity = Math.max(16, Math.ceil(inspection.estimatedRows * 1.05) + 16);
  let values = new Float32Array(capacity * dim);
  let rowNumbers = new Int32Array(capacity);
  const labels: string[] | undefined = labelColumn === null ? undefined : [];
  const invalidRows: number[] = [];
  let firstInvalid: string | undefined;
  let n = 0;
  const choice: EncodingChoice = {
    encoding,
    bomBytes: encoding === 'windows-1252' ? 0 : encoding === 'utf-8' ? (bytes[0] === 0xef ? 3 : 0) : 2,
  };
  let fraction = 0;
  const chunks = (function* () {
    for (const chunk of decodeChunks(bytes, choice)) {
      fraction = chunk.fraction;
      yield chunk;
    }
  })();
  const { unclosedQuoteRow } = forEachRecord(
    chunks,
    delimiter,
    (fields, row): undefined => {
      if (row === 1 && hasHeader) return;
      if (isBlankRecord(fields)) return;
      if (fields.length !== width) throw raggedRow(fields, row, width);
      if (n === capacity) {
        capacity = Math.ceil(capacity * 1.5);
        const grownValues = new Float32Array(capacity * dim);
        grownValues.set(values);
        values = grownValues;
        const grownRows = new Int32Array(capacity);
        grownRows.set(rowNumbers);
        rowNumbers = grownRows;
      }
      const base = n * dim;
      let invalid = false;
      for (let j = 0; j < dim; j++) {
        const cell = fields[featureColumns[j]];
        const value = parseCell(cell, decimalComma);
        values[base + j] = value;
        if (value - value === 0) continue; // finite
        const problem = cellProblem(cell, decimalComma);
        const where = `row ${row}, ${columnLabel(headerNames, featureColumns[j])}`;
        if (problem === 'text') {
          throw new UserError(
            `${where}: "${clip(cell.trim())}" is not a number. Fix the cell, or leave that column out of the features.`,
          );
        }
        values[base + j] = Number.NaN;
        invalid = true;
        firstInvalid ??= `${where} ${problem === 'missing' ? (cell.trim() === '' ? 'is empty' : `is "${clip(cell.trim())}"`) : `is "${clip(cell.trim())}"`}`;
      }
      if (invalid) invalidRows.push(row);
      if (labels) {
        const text = fields[labelColumn as number].trim();
        labels.push(text === '' ? '(missing)' : clip(text, 100));
      }
      rowNumbers[n] = row;
      n++;
    },
    () => {
      if (onProgress?.(fraction) === false) throw new CancelledError('Loading the CSV file was cancelled.');
    },
  );
  if (unclosedQuoteRow !== null) throw unclosedQuote(unclosedQuoteRow);
  if (n === 0) throw new UserError('The file has no data rows.');
  return {
    n,
    dim,
    values: values.subarray(0, n * dim),
    rowNumbers: rowNumbers.subarray(0, n),
    featureNames: featureColumns.map((c) => inspection.columns[c].name),
    labels,
    invalidRows,
    firstInvalid,
  };
}

function raggedRow(fields: string[], row: number, width: number): UserError {
  const noun = (count: number) => `${count} ${count === 1 ? 'field' : 'fields'}`;
  if (fields.some((f) => f.includes('\n'))) return unclosedQuote(row);
  return new UserError(
    `row ${row} has ${noun(fields.length)}, expected ${width}. Every row needs the same number of values as the first${fields.length > width ? '; a value containing the delimiter must be in double quotes' : ''}.`,
  );
}

function unclosedQuote(row: number): UserError {
  return new UserError(
    `row ${row} has a quote (") that is never closed, so the rest of the file ran into one cell. Close the quote or remove it.`,
  );
}
