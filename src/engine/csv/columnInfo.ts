/** What the inspection says about one column, and how it counts that from the sampled records. */
import { clip } from './csvErrors';
import { float32Trouble } from './float32Range';
import { cellProblem, isHexNumber, parseCell } from './parseCsv';

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

/** A record of the sample with its spreadsheet row. */
export interface SampledRecord {
  fields: string[];
  row: number;
}

/** Distinct values are counted up to this many. */
const MAX_DISTINCT = 1000;

/** Counts, kinds and examples of column `index` over the sampled records; its role and decision come later. */
export function describeColumn(
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
