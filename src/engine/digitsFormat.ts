/**
 * The bundled digits' binary format, shared by the build (which encodes) and the worker (which
 * decodes), so the two cannot drift apart. Little-endian:
 *
 *   bytes 0–3   magic "UTLD" (UMAP True-Loss Digits)
 *   bytes 4–7   n, the number of images (uint32)
 *   bytes 8–11  dim, pixels per image (uint32)
 *   then        n × dim pixels, one uint8 each (0 = white, 255 = full ink), row-major
 *   then        n labels, one uint8 each (0..9)
 *
 * 8 bits per pixel is MNIST's own precision, so nothing is lost against the package's JSON.
 */

export const DIGITS_MAGIC = 'UTLD';
export const DIGITS_HEADER_BYTES = 12;

/** Byte length of a file holding n images of `dim` pixels. */
export function digitsByteLength(n: number, dim: number): number {
  return DIGITS_HEADER_BYTES + n * dim + n;
}

/**
 * Encodes images (row-major n × dim, intensities in [0, 1]) and their labels. Intensities are
 * rounded to the nearest of 256 levels and clamped, so a decoder's pixel / 255 is within 1/510.
 */
export function encodeDigits(images: ArrayLike<number>, labels: ArrayLike<number>): Uint8Array {
  const n = labels.length;
  if (n === 0 || images.length % n !== 0) {
    throw new Error(`encodeDigits: ${images.length} pixel values do not split into ${n} images.`);
  }
  const dim = images.length / n;
  const bytes = new Uint8Array(digitsByteLength(n, dim));
  const view = new DataView(bytes.buffer);
  for (let c = 0; c < 4; c++) bytes[c] = DIGITS_MAGIC.charCodeAt(c);
  view.setUint32(4, n, true);
  view.setUint32(8, dim, true);
  for (let p = 0; p < n * dim; p++) {
    bytes[DIGITS_HEADER_BYTES + p] = Math.round(Math.min(1, Math.max(0, images[p])) * 255);
  }
  const labelOffset = DIGITS_HEADER_BYTES + n * dim;
  for (let i = 0; i < n; i++) {
    const label = labels[i];
    if (!Number.isInteger(label) || label < 0 || label > 255) {
      throw new Error(`encodeDigits: label ${label} of image ${i} does not fit in a byte.`);
    }
    bytes[labelOffset + i] = label;
  }
  return bytes;
}
