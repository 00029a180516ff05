/**
 * Looks at the first records of a table and describes it for the column chooser: is the first row a
 * header, which columns hold numbers, which one is probably the label, which look like a row id, and
 * for every column a sentence saying what the chooser decided and why (`ColumnInfo.decision`).
 */
import { formatCount, formatNumber } from '../messages';
import { clip } from './csvErrors';
import { float32Trouble, formatMagnitude } from './float32Range';
import { cellProblem, isBlankRecord, isHexNumber, parseCell } from './parseCsv';

/**
 * numeric: every non-missing sampled cell is a number. mixed: numbers and text cells (a column with a
 * few bad cells, or text with a few numbers). text: no numbers. empty: nothing but missing values.
 */
export type ColumnKind = 'numeric' | 'mixed' | 'text' | 'empty';
export type ColumnRole = 'feature' | 'label' | 'ignored';

export interface ColumnInfo {
  /** 0-based position in the file. */
  index: number;
  /** Header text, or "column 3" when the file has no header. Plain text: render it as text, never HTML. */
  name: string;
  kind: ColumnKind;
  /** Every sampled number is an integer. */
  integer: boolean;
  /** Distinct non-missing values in the sample, counted up to 1 000. */
  distinct: number;
  /** Sampled cells that are numbers (float64, any magnitude). */
  numbers: number;
  /** Sampled cells that are text: neither numbers nor missing markers. */
  texts: number;
  /** Of those, hexadecimal numbers such as "0x1F", which are not read as numbers. */
  hexTexts: number;
  /** Sampled cells that are missing, NaN or ±Infinity. */
  missing: number;
  /** The first text cell: its spreadsheet row and (clipped) text. */
  firstText?: { row: number; text: string };
  /** The first missing cell: its spreadsheet row and (clipped) text, '' when empty. */
  firstMissing?: { row: number; text: string };
  /** How the missing cells are written: up to 4 distinct (clipped) spellings, '' for empty cells. */
  missingSpellings: string[];
  /** What float32 would do to the sampled numbers (the loader scales or shifts the column, with a notice). */
  float32?: 'overflow' | 'tiny' | 'indistinct';
  /** Smallest, largest and largest |x| of the sampled numbers (float64), when there are any. */
  range?: { min: number; max: number; maxAbs: number };
  /** Up to 3 sampled values, for the chooser's preview. */
  examples: string[];
  /** Can be ticked as a feature: the column holds numbers (its other cells then count as missing values). */
  selectable: boolean;
  /** What the chooser should preselect. */
  suggestedRole: ColumnRole;
  /** Why a numeric column is not preselected as a feature, or why this is the label. */
  reason?: string;
  /**
   * What is wrong with the column's cells, when something is: `text in 3 of 200 rows (1.5 %), first at
   * row 17: "n.d."`, `all 20 rows are "NaN"`, hexadecimal numbers… Loading names such a column when
   * it is left out.
   */
  problem?: string;
  /** The chooser's decision and its reason, one sentence shown next to the column. */
  decision: string;
}

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

const LABEL_NAME =
  /^(labels?|class(es)?|cluster(s|_?id)?|cell[ _.-]?types?|celltype|targets?|species|categor(y|ies)|groups?|types?|digits?|classification)$/i;
const ID_NAME = /^(id|ids|index|idx|row|row[ _]?(id|number)|unnamed: ?0|sample[ _]?id|)$/i;
const MAX_DISTINCT = 1000;
/** A numeric column with at most this many distinct integers can be a label. */
const MAX_INTEGER_CLASSES = 100;

interface SampledRecord {
  fields: string[];
  row: number;
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

function describeColumn(
  index: number,
  name: string,
  body: readonly SampledRecord[],
  decimalComma: boolean,
): ColumnInfo {
  const seen = new Set<string>();
  let numbers = 0;
  let texts = 0;
  let hexTexts = 0;
  let missing = 0;
  let integer = true;
  let min = Infinity;
  let max = -Infinity;
  let maxAbs = 0;
  let firstText: ColumnInfo['firstText'];
  let firstMissing: ColumnInfo['firstMissing'];
  const missingSpellings = new Set<string>();
  const examples: string[] = [];
  for (const { fields, row } of body) {
    const cell = fields[index] ?? '';
    const problem = cellProblem(cell, decimalComma);
    if (problem === 'missing' || problem === 'nonfinite') {
      missing++;
      firstMissing ??= { row, text: clip(cell.trim()) };
      if (missingSpellings.size < 4) missingSpellings.add(clip(cell.trim()));
      continue;
    }
    if (problem === 'text') {
      texts++;
      if (isHexNumber(cell)) hexTexts++;
      firstText ??= { row, text: clip(cell.trim()) };
    } else {
      numbers++;
      const value = parseCell(cell, decimalComma);
      if (!Number.isInteger(value)) integer = false;
      if (value < min) min = value;
      if (value > max) max = value;
      if (Math.abs(value) > maxAbs) maxAbs = Math.abs(value);
    }
    if (seen.size < MAX_DISTINCT) seen.add(cell.trim());
    if (examples.length < 3) examples.push(cell.trim().slice(0, 40));
  }
  const kind: ColumnKind =
    numbers + texts === 0 ? 'empty' : texts === 0 ? 'numeric' : numbers === 0 ? 'text' : 'mixed';
  const trouble = numbers > 0 ? float32Trouble(min, max, maxAbs) : null;
  return {
    index,
    name,
    kind,
    integer: kind === 'numeric' && integer,
    distinct: seen.size,
    numbers,
    texts,
    hexTexts,
    missing,
    firstText,
    firstMissing,
    missingSpellings: [...missingSpellings],
    ...(trouble ? { float32: trouble } : {}),
    ...(numbers > 0 ? { range: { min, max, maxAbs } } : {}),
    examples,
    selectable: numbers > 0,
    suggestedRole: 'ignored',
    decision: '',
  };
}

/**
 * Label first (by name, then the first text column with few distinct values), then features. A column
 * mixing numbers and text is never preselected (neither as a feature nor, unless named like one, as
 * the label): its decision says why, and the user can tick it.
 */
function suggestRoles(columns: ColumnInfo[], body: readonly SampledRecord[], decimalComma: boolean): void {
  const fewClasses = (col: ColumnInfo) =>
    col.distinct >= 1 && col.distinct <= Math.max(2, Math.min(MAX_INTEGER_CLASSES, body.length / 2));
  const named = columns.find(
    (col) =>
      LABEL_NAME.test(col.name) &&
      (col.kind === 'text' ||
        col.kind === 'mixed' ||
        (col.kind === 'numeric' && col.integer && fewClasses(col))),
  );
  const label =
    named ?? columns.find((col) => col.kind === 'text' && col.hexTexts < col.texts && fewClasses(col));
  if (label) {
    label.suggestedRole = 'label';
    label.reason = named
      ? 'named like a label'
      : `text with ${formatCount(label.distinct, 'distinct value')}`;
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

function isIncreasing(body: readonly SampledRecord[], column: number, decimalComma: boolean): boolean {
  let previous = -Infinity;
  for (const { fields } of body) {
    const value = Number(decimalComma ? (fields[column] ?? '').replace(',', '.') : fields[column]);
    if (!(value > previous)) return false;
    previous = value;
  }
  return body.length > 1;
}

/**
 * Fills `problem` and `decision`. `rows` is the number of sampled data rows; `wholeFile` says whether
 * they are the whole file (counts read "3 of 200 rows") or its start ("3 of the first 2,000 rows").
 */
function describeDecision(column: ColumnInfo, rows: number, wholeFile: boolean): void {
  const scope = wholeFile ? formatNumber(rows) : `the first ${formatNumber(rows)}`;
  const all = wholeFile ? `all ${formatNumber(rows)}` : `all of the first ${formatNumber(rows)}`;
  const percent = (count: number) => `${Number(((100 * count) / Math.max(1, rows)).toFixed(1))} %`;
  const quoted = (text: string) => (text === '' ? 'an empty cell' : `"${text}"`);
  const first = column.firstText;
  const hexNote = first && isHexNumber(first.text) ? ', a hexadecimal number' : '';
  const missingNote =
    column.missing > 0 && column.firstMissing
      ? `${column.missing} of ${scope} rows missing, NaN or infinite, first at row ${column.firstMissing.row}: ${quoted(column.firstMissing.text)} (loading offers to drop those rows)`
      : '';
  const float32Note = describeFloat32(column);
  const numberNotes = [float32Note, missingNote].filter((note) => note !== '').join('; ');
  switch (column.kind) {
    case 'empty': {
      const spellings = column.missingSpellings
        .slice(0, 3)
        .map((text) => (text === '' ? 'empty' : `"${text}"`));
      const spelled = `${spellings.join(', ')}${column.missingSpellings.length > 3 ? ', …' : ''}`.replace(
        /, ([^,]*)$/,
        ' or $1',
      );
      column.problem = `${rows === 1 ? 'its only row is' : `${all} rows are`} ${spelled}`;
      break;
    }
    case 'text':
      if (column.hexTexts === column.texts) {
        column.problem = `hexadecimal numbers (e.g. "${first?.text}"), which are not read as numbers; convert them to decimal to use this column`;
      } else if (column.hexTexts > 0) {
        column.problem = `text, with ${formatCount(column.hexTexts, 'hexadecimal number')} (not read as numbers)`;
      }
      break;
    case 'mixed':
      column.problem = `text in ${column.texts} of ${scope} rows (${percent(column.texts)}), first at row ${first?.row}: "${first?.text}"${hexNote}`;
      break;
    default:
      break;
  }
  if (column.suggestedRole === 'label') {
    const detail = column.problem ? `; ${column.problem}` : '';
    column.decision = `label: ${column.reason}${detail}.`;
    return;
  }
  switch (column.kind) {
    case 'empty':
      column.decision = `left out: no numbers, ${column.problem}.`;
      return;
    case 'text':
      column.decision =
        column.hexTexts > 0 && column.hexTexts === column.texts
          ? `left out: ${column.problem}.`
          : `not a feature: text, not numbers (e.g. "${first?.text}")${column.hexTexts > 0 ? ` with ${formatCount(column.hexTexts, 'hexadecimal number')}` : ''}; it can be the label.`;
      return;
    case 'mixed':
      column.decision = `not preselected: ${column.problem}. Tick it to use it anyway: its text cells then count as missing values${numberNotes ? `; ${numberNotes}` : ''}.`;
      return;
    default:
      break;
  }
  if (column.suggestedRole === 'feature') {
    column.decision = `feature: numbers${numberNotes ? `; ${numberNotes}` : ''}.`;
  } else {
    column.decision = `not preselected: numbers, but ${column.reason}${numberNotes ? `; ${numberNotes}` : ''}.`;
  }
}

/** The float32 part of a decision: what loading will do to a column float32 cannot hold. */
function describeFloat32(column: ColumnInfo): string {
  const { range } = column;
  if (!column.float32 || !range) return '';
  switch (column.float32) {
    case 'overflow':
      return `values up to ${formatMagnitude(range.maxAbs)} are beyond float32's range (±3.4e+38), so loading scales the column (or standardises it in float64)`;
    case 'tiny':
      return `values no larger than ${formatMagnitude(range.maxAbs)} are too small for float32, which would round them to 0 or lose their digits, so loading scales the column (or standardises it in float64)`;
    default:
      return `values ${range.min} to ${range.max} differ only beyond float32's precision (they would all become ${Math.fround(range.min)}), so loading shifts the column (or standardises it in float64)`;
  }
}
