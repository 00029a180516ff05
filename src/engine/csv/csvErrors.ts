import { UserError } from '../../core/errors';
import { formatCount } from '../messages';

/** Which rows an `InvalidValuesError` offers to drop: cells that are not numbers, or all-zero rows under cosine. */
export type DroppableKind = 'invalid' | 'zero';

/**
 * Some rows cannot be used as they are: a chosen feature column holds text, NaN, ±Infinity or a
 * missing value there (`kind` 'invalid'), or the row is all zero under the cosine metric ('zero').
 * Distinct from a plain `UserError` because the UI can fix it for the user: offer "Drop N rows" and
 * call `loadCsv` again with `dropInvalidRows` (or `dropZeroRows`) set. `rows` are 1-based spreadsheet
 * row numbers (the header, when there is one, is row 1).
 */
export class InvalidValuesError extends UserError {
  override name = 'InvalidValuesError';
  readonly rows: number[];
  readonly kind: DroppableKind;

  constructor(message: string, rows: number[], kind: DroppableKind = 'invalid') {
    super(message);
    this.rows = rows;
    this.kind = kind;
  }
}

/** Formats a column for messages: its header name when there is one, else its 1-based number. */
export function columnLabel(names: readonly string[] | null, column: number): string {
  const name = names?.[column];
  return name ? `column "${clip(name, 40)}"` : `column ${column + 1}`;
}

/** `Column "x"` / `Columns "x", "y"`: for the start of a notice about some feature columns. */
export function columnsLabel(names: readonly string[]): string {
  const quoted = names.map((name) => `"${clip(name, 40)}"`).join(', ');
  return `${names.length === 1 ? 'Column' : 'Columns'} ${quoted}`;
}

/** Shortens user text quoted in a message, so a 10 kB cell cannot flood it. */
export function clip(text: string, maxChars = 30): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** "3 rows (7, 9, 12)" with at most 5 row numbers listed. */
export function describeRows(rows: readonly number[]): string {
  const shown = rows.slice(0, 5).join(', ');
  const more = rows.length > 5 ? `, … ${rows.length - 5} more` : '';
  return `${formatCount(rows.length, 'row')} (${shown}${more})`;
}

/** How the row numbers in messages count, as a sentence: they are the spreadsheet's, header included. */
export function rowNumbering(hasHeader: boolean): string {
  return hasHeader
    ? 'Rows are numbered as in a spreadsheet, the header being row 1.'
    : 'Rows are numbered as in a spreadsheet; the file has no header, so its first line is row 1.';
}

/** 12345678 → "12 345 678": thin groups read well in messages about sizes. */
export function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
