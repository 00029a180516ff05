/**
 * The one full pass over a CSV file: chosen feature columns parsed (as float64) straight into a
 * growing Float32Array — or a Float64Array when asked, for files whose values float32 cannot hold —
 * label text kept per row, rows with a cell that is not a number listed, ragged rows refused.
 */
import { CancelledError, type ProgressCallback } from '../../core/cancel';
import { UserError } from '../../core/errors';
import { formatCount } from '../messages';
import { clip, columnLabel, rowNumbering } from './csvErrors';
import { float32Trouble } from './float32Range';
import type { CsvInspection } from './loadCsv';
import { cellProblem, forEachRecord, isBlankRecord, isHexNumber, parseCell } from './parseCsv';
import { decodeChunks, type EncodingChoice, type TextEncodingName } from './readFile';
import type { NumericTable } from './tableToDataset';

/** Streams the file once, parsing the chosen columns straight into a growing typed array. */
export function readNumericTable(
  bytes: Uint8Array,
  inspection: CsvInspection,
  encoding: TextEncodingName,
  featureColumns: number[],
  labelColumn: number | null,
  onProgress?: ProgressCallback,
  precision: 'float32' | 'float64' = 'float32',
): NumericTable {
  const { delimiter, hasHeader, headerNames, decimalComma } = inspection;
  const width = inspection.columns.length;
  const dim = featureColumns.length;
  const allocate = (size: number) =>
    precision === 'float64' ? new Float64Array(size) : new Float32Array(size);
  let capacity = Math.max(16, Math.ceil(inspection.estimatedRows * 1.05) + 16);
  let values = allocate(capacity * dim);
  let rowNumbers = new Int32Array(capacity);
  const labels: string[] | undefined = labelColumn === null ? undefined : [];
  const invalidRows: number[] = [];
  const invalidCells = { text: 0, missing: 0, nonfinite: 0 };
  let firstInvalid: string | undefined;
  // Per column, over its numbers (float64): how many, the extremes, the first cell that is text.
  const numbers = new Float64Array(dim);
  const min = new Float64Array(dim).fill(Infinity);
  const max = new Float64Array(dim).fill(-Infinity);
  const maxAbs = new Float64Array(dim);
  const firstText: ({ row: number; cell: string } | undefined)[] = new Array(dim).fill(undefined);
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
        const grownValues = allocate(capacity * dim);
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
        if (value - value === 0) {
          // finite
          numbers[j]++;
          if (value < min[j]) min[j] = value;
          if (value > max[j]) max[j] = value;
          const abs = value < 0 ? -value : value;
          if (abs > maxAbs[j]) maxAbs[j] = abs;
          continue;
        }
        const problem = cellProblem(cell, decimalComma) ?? 'nonfinite';
        values[base + j] = Number.NaN;
        invalid = true;
        invalidCells[problem]++;
        const text = clip(cell.trim());
        if (problem === 'text') firstText[j] ??= { row, cell: text };
        if (firstInvalid === undefined) {
          const where = `row ${row}, ${columnLabel(headerNames, featureColumns[j])}`;
          firstInvalid =
            problem === 'text'
              ? `${where} holds ${isHexNumber(cell) ? `"${text}", a hexadecimal number, which is not read as a number` : `the text "${text}"`}`
              : `${where} ${text === '' ? 'is empty' : `is "${text}"`}`;
        }
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
  for (let j = 0; j < dim; j++) {
    if (numbers[j] === 0) throw noNumbers(inspection, featureColumns[j], firstText[j], n);
  }
  let float32Lossy = false;
  for (let j = 0; j < dim; j++) if (float32Trouble(min[j], max[j], maxAbs[j]) !== null) float32Lossy = true;
  return {
    n,
    dim,
    values: values.subarray(0, n * dim),
    rowNumbers: rowNumbers.subarray(0, n),
    featureNames: featureColumns.map((c) => inspection.columns[c].name),
    labels,
    invalidRows,
    invalidCells,
    firstInvalid,
    hasHeader,
    float32Lossy,
  };
}

/** A chosen feature column without a single number in the whole file. */
function noNumbers(
  inspection: CsvInspection,
  column: number,
  firstText: { row: number; cell: string } | undefined,
  rows: number,
): UserError {
  const name = columnLabel(inspection.headerNames, column);
  const what = firstText
    ? `(first, row ${firstText.row}: "${firstText.cell}")`
    : `(all ${formatCount(rows, 'row')} are empty, NaN, NA or infinite)`;
  const action = firstText ? 'Untick it, or choose it as the label.' : 'Untick it.';
  return new UserError(
    `${name[0].toUpperCase()}${name.slice(1)} holds no numbers ${what}, so it cannot be a feature. ${action}${firstText ? ` ${rowNumbering(inspection.hasHeader)}` : ''}`,
  );
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
