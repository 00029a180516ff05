/**
 * Looks at the first records of a table and describes it for the column chooser: is the first row a
 * header, which columns hold numbers, which one is probably the label, which look like a row id, and
 * for every column a sentence saying what the chooser decided and why (`ColumnInfo.decision`).
 */

import { describeDecision } from './columnDecision';
import { type ColumnInfo, describeColumn, type SampledRecord } from './columnInfo';
import { suggestRoles } from './columnRoles';
import { cellProblem, isBlankRecord } from './parseCsv';

export interface TableInspection {
  hasHeader: boolean;
  /** Header names, or null without a header. */
  headerNames: string[] | null;
  columns: ColumnInfo[];
  /** Data records looked at (not counting the header). */
  sampledRows: number;
  /** The sample is the whole file (else the counts in `decision` are of the first `sampledRows` rows). */
  wholeFileSampled: boolean;
  decimalComma: boolean;
}

export interface InspectTableOptions {
  /** Override header detection. */
  header?: boolean;
  decimalCommaAllowed?: boolean;
  /** Spreadsheet row of each record (1-based, blank lines counted); default: its position + 1. */
  rowNumbers?: readonly number[];
  /** Whether the records are the whole file; default true. */
  wholeFile?: boolean;
}

/**
 * `records` are the first rows of the file as d3-dsv split them (blank lines may be included). `header`
 * overrides the detection. Decimal commas are assumed when the delimiter is not ',' and numbers in the
 * sample are written with a comma and never with a point.
 */
export function inspectTable(
  rawRecords: readonly string[][],
  options: InspectTableOptions = {},
): TableInspection {
  const numbered: SampledRecord[] = rawRecords.map((fields, i) => ({
    fields,
    row: options.rowNumbers?.[i] ?? i + 1,
  }));
  const kept = numbered.filter((r) => !isBlankRecord(r.fields));
  const records = kept.map((r) => r.fields);
  const decimalComma = options.decimalCommaAllowed === true && usesDecimalComma(records);
  const hasHeader = options.header ?? detectHeader(records, decimalComma);
  const width = records.length > 0 ? records[0].length : 0;
  const headerNames = hasHeader && records.length > 0 ? records[0].map((name) => name.trim()) : null;
  const body = hasHeader ? kept.slice(1) : kept;
  const wholeFileSampled = options.wholeFile ?? true;
  const columns: ColumnInfo[] = [];
  for (let c = 0; c < width; c++) {
    columns.push(describeColumn(c, headerNames?.[c] || `column ${c + 1}`, body, decimalComma));
  }
  suggestRoles(columns, body, decimalComma);
  for (const column of columns) describeDecision(column, body.length, wholeFileSampled);
  return { hasHeader, headerNames, columns, sampledRows: body.length, wholeFileSampled, decimalComma };
}

function usesDecimalComma(records: readonly string[][]): boolean {
  let comma = 0;
  for (const record of records.slice(0, 200)) {
    for (const cell of record) {
      if (/^\s*[+-]?\d+\.\d+(e[+-]?\d+)?\s*$/i.test(cell)) return false;
      if (/^\s*[+-]?\d*,\d+(e[+-]?\d+)?\s*$/i.test(cell)) comma++;
    }
  }
  return comma > 0;
}

/**
 * Header if some column has text in the first row and numbers below (the usual case), or if every
 * cell of the first row is text that does not recur below it (an all-text table). A single row is a
 * header when it holds any text.
 */
function detectHeader(records: readonly string[][], decimalComma: boolean): boolean {
  if (records.length === 0) return false;
  const first = records[0];
  const isText = (cell: string) => cellProblem(cell, decimalComma) === 'text';
  if (records.length === 1) return first.some(isText);
  const below = records.slice(1, 201);
  let allText = true;
  for (let c = 0; c < first.length; c++) {
    if (!isText(first[c])) {
      allText = false;
      continue;
    }
    let numbers = 0;
    let present = 0;
    for (const record of below) {
      const problem = cellProblem(record[c] ?? '', decimalComma);
      if (problem === 'missing') continue;
      present++;
      if (problem === null || problem === 'nonfinite') numbers++;
    }
    if (present > 0 && numbers >= 0.9 * present) return true;
  }
  if (!allText) return false;
  return first.every((name, c) => below.every((record) => record[c] !== name));
}
