/**
 * CSV text → records and numbers. Records come from d3-dsv (RFC 4180 quoting, CRLF), fed one chunk
 * of complete records at a time so a 600 MB file never exists as one string and no array of rows
 * is kept: each record is handed to a callback and dropped.
 */
import { dsvFormat } from 'd3';

export type Delimiter = ',' | ';' | '\t';
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t'];

/** What a cell holds when it is not a plain finite number. */
export type CellProblem = 'missing' | 'nonfinite' | 'text';

/** Common spellings of "no value", as written by R, pandas, Excel and by hand. */
const MISSING = new Set(['', 'na', 'n/a', '#n/a', 'null', 'none', 'nan', '-nan', '?', '-', '.', 'missing']);
const NONFINITE = new Set(['inf', '+inf', '-inf', 'infinity', '+infinity', '-infinity', '#div/0!', '#num!']);

/**
 * Picks the delimiter that splits the first records into the same number (> 1) of fields most
 * often, preferring more fields; a file with one column gets ','. Semicolons are common where the
 * decimal separator is a comma (Excel in much of Europe), tabs in .tsv exports.
 */
export function detectDelimiter(sampleText: string): Delimiter {
  const head = sampleText.slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const rows = dsvFormat(delimiter)
      .parseRows(head)
      .slice(0, 50)
      .filter((r) => !(r.length === 1 && r[0] === ''));
    if (rows.length === 0) continue;
    const width = rows[0].length;
    if (width < 2) continue;
    const consistent = rows.filter((r) => r.length === width).length / rows.length;
    const score = consistent * 1000 + width;
    if (consistent >= 0.8 && score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Parses one cell as a float64 number; `NaN` when it is not a plain decimal number (ask
 * `cellProblem` why). `Number` is the fast path (native, trims blanks); it also accepts "", "0x1f"
 * and "Infinity", which are caught here. Values beyond float32's range come back as they are (the
 * loader scales such a column, float32Range.ts); only "1e999" and the like are ±Infinity.
 */
export function parseCell(cell: string, decimalComma: boolean): number {
  const fast = parsePlainDecimal(cell, decimalComma ? 44 : 46);
  if (!Number.isNaN(fast)) return fast;
  const text = decimalComma && cell.indexOf(',') >= 0 ? cell.replace(',', '.') : cell;
  const value = Number(text);
  if (value === 0) {
    // "" and "   " are 0 for Number; "0x0", "0b0" are not decimal. Zeros are common (sparse data),
    // so the regular expression runs only when the cell does not start with a digit, sign or point.
    const first = text.charCodeAt(0);
    const plain = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46;
    if (!plain && !/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text)) return Number.NaN;
    const second = text.charCodeAt(1) | 32;
    return second === 120 || second === 98 || second === 111 ? Number.NaN : value;
  }
  if (Number.isNaN(value)) return value;
  const second = text.charCodeAt(1) | 32;
  if (second === 120 || second === 98 || second === 111) return Number.NaN; // 0x.., 0b.., 0o..
  return value;
}

/**
 * Fast path for the common cell "-12.345": at most 15 digits, so the digits form an exact integer
 * below 2^53 and one division by an exact power of ten (≤ 10^15) is correctly rounded (Clinger's
 * fast path): the same double as `Number`, without its slower general parser. Anything else
 * (exponents, blanks, text, more digits) returns NaN and goes to `Number`.
 */
function parsePlainDecimal(cell: string, pointCode: number): number {
  const length = cell.length;
  let i = 0;
  let negative = false;
  const first = cell.charCodeAt(0);
  if (first === 45 || first === 43) {
    negative = first === 45;
    i = 1;
  }
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = -1;
  for (; i < length; i++) {
    const code = cell.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if (code === pointCode && fractionDigits < 0) {
      fractionDigits = 0;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = fractionDigits > 0 ? mantissa / POWERS_OF_TEN[fractionDigits] : mantissa;
  return negative ? -value : value;
}

const POWERS_OF_TEN = Float64Array.from({ length: 16 }, (_, e) => 10 ** e);

/** Why `parseCell` gave NaN or ±Infinity: a missing marker, NaN/Infinity, or text. */
export function cellProblem(cell: string, decimalComma: boolean): CellProblem | null {
  const value = parseCell(cell, decimalComma);
  if (Number.isFinite(value)) return null;
  if (value === Infinity || value === -Infinity) return 'nonfinite';
  const key = cell.trim().toLowerCase();
  if (MISSING.has(key)) return 'missing';
  if (NONFINITE.has(key)) return 'nonfinite';
  return 'text';
}

/** True for the record d3-dsv makes of an empty line. */
export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0].trim() === '';
}

/**
 * The end of the last complete record in `text` (index after its '\n'), or -1. A '\n' inside a
 * quoted field does not end a record: quotes are counted up to each candidate newline. A quote in the
 * middle of an unquoted field (12" pipe) can fool this; d3-dsv would then report a ragged row.
 */
export function lastRecordEnd(text: string): number {
  let cut = text.lastIndexOf('\n');
  if (cut < 0 || text.indexOf('"') < 0) return cut + 1 || -1;
  let quotes = 0;
  for (let q = text.indexOf('"'); q >= 0 && q < cut; q = text.indexOf('"', q + 1)) quotes++;
  while (quotes % 2 === 1) {
    const previous = text.lastIndexOf('\n', cut - 1);
    if (previous < 0) return -1;
    for (let q = text.indexOf('"', previous); q >= 0 && q < cut; q = text.indexOf('"', q + 1)) quotes--;
    cut = previous;
  }
  return cut + 1;
}

/**
 * Feeds every record of the decoded chunks to `onRecord(fields, rowNumber)`; rowNumber is 1-based as a
 * spreadsheet shows it (blank lines count). Returning `false` from `onRecord` stops early. Returns
 * the row whose quote is never closed (d3-dsv lets that field run to the end of the file), or null.
 */
export function forEachRecord(
  chunks: Iterable<{ text: string }>,
  delimiter: Delimiter,
  onRecord: (fields: string[], rowNumber: number) => boolean | undefined,
  afterChunk?: () => void,
): { unclosedQuoteRow: number | null } {
  const format = dsvFormat(delimiter);
  let carry = '';
  let rowNumber = 0;
  let stopped = false;
  const visit = (fields: string[]): null => {
    if (stopped) return null;
    rowNumber++;
    if (onRecord(fields, rowNumber) === false) stopped = true;
    return null;
  };
  for (const chunk of chunks) {
    const text = carry + chunk.text;
    const end = lastRecordEnd(text);
    if (end < 0) {
      carry = text;
    } else {
      format.parseRows(text.slice(0, end), visit);
      carry = text.slice(end);
    }
    afterChunk?.();
    if (stopped) return { unclosedQuoteRow: null };
  }
  if (carry === '') return { unclosedQuoteRow: null };
  format.parseRows(carry, visit);
  let quotes = 0;
  for (let q = carry.indexOf('"'); q >= 0; q = carry.indexOf('"', q + 1)) quotes++;
  return { unclosedQuoteRow: quotes % 2 === 1 && !stopped ? rowNumber : null };
}

/** A hexadecimal integer such as "0x1F" (which `parseCell` does not read: it is text to the loader). */
export function isHexNumber(cell: string): boolean {
  return /^\s*[+-]?0x[0-9a-f]+\s*$/i.test(cell);
}
