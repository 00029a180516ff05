/**
 * Bytes → text for the CSV loader: size limit, binary detection, encoding (UTF-8 with or without BOM,
 * UTF-16 with BOM, Windows-1252 fallback), decoded in chunks so a large file never becomes one
 * string (V8 caps a string at about 2^29 characters, less than a 600 MB CSV).
 */
import { UserError } from '../../core/errors';
import { groupDigits } from './csvErrors';

/** Default file size limit: 100 000 rows × 1 000 short numbers ("0.123,") is about 600 MB. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface EncodingChoice {
  encoding: TextEncodingName;
  /** Bytes to skip at the start (the byte-order mark). */
  bomBytes: number;
}

/** Bytes that Windows-1252 leaves undefined: a file holding them is not Western-European text. */
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** How much of the start of the file the binary check looks at. */
const SNIFF_BYTES = 64 * 1024;

/** Raised inside the UTF-8 pass so the loader can restart in Windows-1252 (internal, not shown). */
export class InvalidUtf8Error extends Error {
  override name = 'InvalidUtf8Error';
}

/** Refuses files that are empty, too large or binary; picks the encoding from the byte-order mark. */
export function checkBytes(bytes: Uint8Array, maxBytes = MAX_FILE_BYTES): EncodingChoice {
  if (bytes.length > maxBytes) {
    const mb = (n: number) => `${groupDigits(Math.round(n / (1024 * 1024)))} MB`;
    throw new UserError(
      `The file is ${mb(bytes.length)}; the limit is ${mb(maxBytes)}. Keep fewer rows or columns, or round the numbers to fewer digits.`,
    );
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: 'utf-16le', bomBytes: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: 'utf-16be', bomBytes: 2 };
  const bomBytes = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes.length - bomBytes === 0) throw new UserError('The file is empty.');
  refuseBinary(bytes);
  return { encoding: 'utf-8', bomBytes };
}

function refuseBinary(bytes: Uint8Array): void {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    throw new UserError(
      'This is a ZIP file (an Excel .xlsx workbook is one), not a CSV. Export the sheet as "CSV UTF-8" and load that.',
    );
  }
  if (b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b) {
    throw new UserError(
      'This file is gzip-compressed. Decompress it (e.g. gunzip) and load the .csv inside.',
    );
  }
  const end = Math.min(b.length, SNIFF_BYTES);
  let nulAtEven = 0;
  let nulAtOdd = 0;
  let control = 0;
  for (let i = 0; i < end; i++) {
    const byte = b[i];
    if (byte === 0) {
      if (i % 2 === 0) nulAtEven++;
      else nulAtOdd++;
    } else if (
      (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) ||
      byte === 0x7f
    ) {
      control++;
    }
  }
  const nul = nulAtEven + nulAtOdd;
  // UTF-16 without a BOM: ASCII text has a NUL in every other byte, all on one parity.
  if (nul > end / 4 && (nulAtEven === 0 || nulAtOdd === 0)) {
    throw new UserError(
      'This file looks like UTF-16 text without a byte-order mark. Save it as "CSV UTF-8" and load it again.',
    );
  }
  if (nul > 0 || control > end * 0.01) {
    throw new UserError(
      'This is a binary file, not CSV text (it contains NUL or control bytes). Load a comma-, semicolon- or tab-separated text file.',
    );
  }
}

/**
 * Decodes `bytes` in chunks of about `chunkBytes`, yielding text and the fraction of bytes read.
 * UTF-8 is decoded strictly: invalid bytes throw `InvalidUtf8Error` so the caller can restart in
 * Windows-1252. Windows-1252 refuses its five undefined bytes, which mark some other encoding.
 */
export function* decodeChunks(
  bytes: Uint8Array,
  choice: EncodingChoice,
  chunkBytes = 1024 * 1024,
): Generator<{ text: string; fraction: number }> {
  const decoder = new TextDecoder(choice.encoding, { fatal: choice.encoding === 'utf-8', ignoreBOM: true });
  const total = bytes.length;
  for (let start = choice.bomBytes; start < total; start += chunkBytes) {
    const end = Math.min(total, start + chunkBytes);
    const part = bytes.subarray(start, end);
    if (choice.encoding === 'windows-1252') refuseUndefined1252(part, start);
    let text: string;
    try {
      text = decoder.decode(part, { stream: end < total });
    } catch {
      throw new InvalidUtf8Error(`invalid UTF-8 in bytes ${start}..${end}`);
    }
    yield { text, fraction: end / total };
  }
}

function refuseUndefined1252(part: Uint8Array, offset: number): void {
  for (let i = 0; i < part.length; i++) {
    if (part[i] >= 0x81 && part[i] <= 0x9d && UNDEFINED_IN_1252.has(part[i])) {
      throw new UserError(
        `The file is neither UTF-8 nor Windows-1252 text (byte 0x${part[i].toString(16)} at offset ${offset + i}). Save it as "CSV UTF-8" and load it again.`,
      );
    }
  }
}

/** The notice given when a file was read as Windows-1252 after failing as UTF-8. */
export const WINDOWS_1252_NOTICE =
  'The file is not valid UTF-8, so it was read as Windows-1252 (Western European). If labels show wrong letters, save it as "CSV UTF-8".';
