import { UserError } from '../core/errors';
import type { Dataset } from '../core/types';
import { DIGITS_HEADER_BYTES, DIGITS_MAGIC, digitsByteLength } from './digitsFormat';

export const DIGIT_LABEL_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const unreadable = (why: string) =>
  new UserError(`The bundled MNIST digits could not be read (${why}); reload the page to fetch them again.`);

/** Decodes the bundled digits asset (format: digitsFormat.ts) into a Dataset with pixels in [0, 1]. */
export function decodeDigits(buffer: ArrayBuffer): Dataset {
  if (buffer.byteLength < DIGITS_HEADER_BYTES) {
    throw unreadable(`${buffer.byteLength} bytes is shorter than its header`);
  }
  const bytes = new Uint8Array(buffer);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== DIGITS_MAGIC) throw unreadable(`it does not start with "${DIGITS_MAGIC}"`);
  const view = new DataView(buffer);
  const n = view.getUint32(4, true);
  const dim = view.getUint32(8, true);
  if (n === 0 || dim === 0) throw unreadable(`its header says ${n} images of ${dim} pixels`);
  const expected = digitsByteLength(n, dim);
  if (buffer.byteLength !== expected) {
    throw unreadable(`${buffer.byteLength} bytes where ${n} images of ${dim} pixels need ${expected}`);
  }
  const points = new Float32Array(n * dim);
  for (let p = 0; p < n * dim; p++) points[p] = bytes[DIGITS_HEADER_BYTES + p] / 255;
  const labels = new Int32Array(n);
  const labelOffset = DIGITS_HEADER_BYTES + n * dim;
  for (let i = 0; i < n; i++) {
    labels[i] = bytes[labelOffset + i];
    if (labels[i] >= DIGIT_LABEL_NAMES.length) throw unreadable(`image ${i} has label ${labels[i]}`);
  }
  return { name: 'MNIST digits', n, dim, points, labels, labelNames: DIGIT_LABEL_NAMES.slice() };
}
