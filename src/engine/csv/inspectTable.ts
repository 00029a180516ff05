/**
 * Looks at the first records of a table and describes it for the column chooser: is the first row a
 * header, which columns hold numbers, which one is probably the label, which look like a row id.
 */
import { cellProblem, isBlankRecord } from './parseCsv';

export type ColumnKind = 'numeric' | 'text' | 'empty';
export type ColumnRole = 'feature' | 'label' | 'ignored';

export interface ColumnInfo {
  /** 0-based position in the file. */
  index: number;
  /** Header text, or "column 3" when the file has no header. Plain text: render it as text, never HTML. */
  name: string;
  /** numeric: at least 90 % of the non-missing sampled cells are numbers (loading names any others). */
  kind: ColumnKind;
  /** Every sampled number is an integer. */
  integer: boolean;
  /** Distinct non-missing values in the sample, counted up to 1 000. */
  distinct: number;
  /** Sampled cells that are missing, NaN or ±Infinity. */
  missing: number;
  /** Up to 3 sampled values, for the chooser's preview. */
  examples: string[];
  /** What the chooser should preselect. */
  suggestedRole: ColumnRole;
  /** Why a numeric column is not preselected as a feature, or why this is the label. */
  reason?: string;
}

export interface TableInspection {
  hasHeader: boolean;
  /** Header names, or null without a header. */
  headerNames: string[] | null;
  columns: ColumnInfo[];
  /** Data records looked at (not counting the header). */
  sampledRows: number;
  decimalComma: boolean;
}

const LABEL_NAME =
  /^(labels?|class(es)?|cluster(s|_?id)?|cell[ _.-]?types?|celltype|targets?|species|categor(y|ies)|groups?|types?|digits?|classification)$/i;
const ID_NAME = /^(id|ids|index|idx|row|row[ _]?(id|number)|unnamed: ?0|sample[ _]?id|)$/i;
const MAX_DISTINCT = 1000;
/** A numeric column with at most this many distinct integers can be a label. */
const MAX_INTEGER_CLASSES = 100;

/**
 * `records` are the first rows of the file as d3-dsv split them (blank lines may be included). `header`
 * overrides the detection. Decimal commas are assumed when the delimiter is not ',' and numbers in the
 * sample are written with a comma and never with a point.
 */
export function inspectTable(
  rawRecords: readonly string[][],
  options: { header?: boolean; decimalCommaAllowed?: boolean } = {},
): TableInspection {
  const records = rawRecords.filter((r) => !isBlankRecord(r));
  const decimalComma = options.decimalCommaAllowed === true && usesDecimalComma(records);
  const hasHeader = options.header ?? detectHeader(records, decimalComma);
  const width = records.length > 0 ? records[0].length : 0;
  const headerNames = hasHeader && records.length > 0 ? records[0].map((name) => name.trim()) : null;
  const body = hasHeader ? records.slice(1) : records;
  const columns: ColumnInfo[] = [];
  for (let c = 0; c < width; c++) {
    columns.push(describeColumn(c, headerNames?.[c] || `column ${c + 1}`, body, decimalComma));
  }
  suggestRoles(columns, body, decimalComma);
  return { hasHeader, headerNames, columns, sampledRows: body.length, decimalComma };
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

function describeColumn(
  index: number,
  name: string,
  body: readonly string[][],
  decimalComma: boolean,
): ColumnInfo {
  const seen = new Set<string>();
  let numbers = 0;
  let texts = 0;
  let missing = 0;
  let integer = true;
  const examples: string[] = [];
  for (const record of body) {
    const cell = record[index] ?? '';
    const problem = cellProblem(cell, decimalComma);
    if (problem === 'missing' || problem === 'nonfinite') {
      missing++;
      continue;
    }
    if (problem === 'text') texts++;
    else {
      numbers++;
      if (!Number.isInteger(Number(decimalComma ? cell.replace(',', '.') : cell))) integer = false;
    }
    if (seen.size < MAX_DISTINCT) seen.add(cell.trim());
    if (examples.length < 3) examples.push(cell.trim().slice(0, 40));
  }
  const present = numbers + texts;
  const kind: ColumnKind = present === 0 ? 'empty' : numbers >= 0.9 * present ? 'numeric' : 'text';
  return {
    index,
    name,
    kind,
    integer: kind === 'numeric' && integer,
    distinct: seen.size,
    missing,
    examples,
    suggestedRole: 'ignored',
  };
}

/** Label first (by name, then the first text column with few distinct values), then features. */
function suggestRoles(columns: ColumnInfo[], body: readonly string[][], decimalComma: boolean): void {
  const fewClasses = (col: ColumnInfo) =>
    col.distinct >= 1 && col.distinct <= Math.max(2, Math.min(MAX_INTEGER_CLASSES, body.length / 2));
  const named = columns.find(
    (col) =>
      LABEL_NAME.test(col.name) &&
      (col.kind === 'text' || (col.kind === 'numeric' && col.integer && fewClasses(col))),
  );
  const label = named ?? columns.find((col) => col.kind === 'text' && fewClasses(col));
  if (label) {
    label.suggestedRole = 'label';
    label.reason = named ? 'named like a label' : `text with ${label.distinct} distinct values`;
  }
  for (const col of columns) {
    if (col === label) continue;
    if (col.kind !== 'numeric') {
      col.reason = col.kind === 'empty' ? 'no values' : 'not numeric';
      continue;
    }
    if (col.integer && ID_NAME.test(col.name.trim()) && isIncreasing(body, col.index, decimalComma)) {
      col.reason = 'looks like a row id (increasing integers)';
      continue;
    }
    col.suggestedRole = 'feature';
  }
}

function isIncreasing(body: readonly string[][], column: number, decimalComma: boolean): boolean {
  let previous = -Infinity;
  for (const record of body) {
    const value = Number(decimalComma ? (record[column] ?? '').replace(',', '.') : record[column]);
    if (!(value > previous)) return false;
    previous = value;
  }
  return body.length > 1;
}
