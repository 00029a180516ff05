import { UserError } from '../../core/errors';

/**
 * Some rows hold NaN, ±Infinity or a missing value in a chosen feature column. Distinct from a plain
 * `UserError` because the UI can fix it for the user: offer "Drop N rows" and call `loadCsv` again
 * with `dropInvalidRows: true`. `rows` are 1-based spreadsheet row numbers (the header is row 1).
 */
export class InvalidValuesError extends UserError {
  override name = 'InvalidValuesError';
  readonly rows: number[];

  constructor(message: string, rows: number[]) {
    super(message);
    this.rows = rows;
  }
}

/** Formats a column for messages: its header name when there is one, else its 1-based number. */
export function columnLabel(names: readonly string[] | null, column: number): string {
  const name = names?.[column];
  return name ? `column "${clip(name, 40)}"` : `column ${column + 1}`;
}

/** Shortens user text quoted in a message, so a 10 kB cell cannot flood it. */
export function clip(text: string, maxChars = 30): string {
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

/** "3 rows (7, 9, 12)" with at most 5 row numbers listed. */
export function describeRows(rows: readonly number[]): string {
  const shown = rows.slice(0, 5).join(', ');
  const more = rows.length > 5 ? `, … ${rows.length - 5} more` : '';
  return `${rows.length} ${rows.length === 1 ? 'row' : 'rows'} (${shown}${more})`;
}

/** 12345678 → "12 345 678": thin groups read well in messages about sizes. */
export function groupDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}
