import { describe, expect, it } from 'vitest';
import { UserError } from '../core/errors';
import { defaultConfig, type ExplorerConfig } from './config';
import { DIGITS_HEADER_BYTES, digitsByteLength, encodeDigits } from './digitsFormat';
import { decodeDigits } from './mnistDigits';
import { createStageCache, datasetFor, MNIST_ID } from './pipeline';

/** n synthetic 3-pixel images: pixel p of image i has intensity ((i + p) mod 6) / 5; label i mod 10. */
function synthetic(n: number, dim = 3) {
  const images = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) for (let p = 0; p < dim; p++) images[i * dim + p] = ((i + p) % 6) / 5;
  const labels = Uint8Array.from({ length: n }, (_, i) => i % 10);
  return { images, labels };
}

const toBuffer = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('decodeDigits', () => {
  it('round-trips the build encoder within half an 8-bit step', () => {
    const { images, labels } = synthetic(12);
    const bytes = encodeDigits(images, labels);
    expect(bytes.byteLength).toBe(12 + 12 * 3 + 12);
    const dataset = decodeDigits(toBuffer(bytes));
    expect(dataset).toMatchObject({ name: 'MNIST digits', n: 12, dim: 3 });
    expect(dataset.labelNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(Array.from(dataset.labels ?? [])).toEqual(Array.from(labels));
    for (let p = 0; p < images.length; p++) {
      expect(Math.abs(dataset.points[p] - images[p])).toBeLessThanOrEqual(1 / 510 + 1e-7);
    }
    // 0 and 1 are exact: full ink is 255/255.
    expect(dataset.points[0]).toBe(0);
    expect(dataset.points[5 * 3]).toBe(1);
  });

  it('rejects a file with the wrong magic, a truncated file and a label beyond 9 with a UserError', () => {
    const bytes = encodeDigits(synthetic(4).images, synthetic(4).labels);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0x3c; // '<', as when an HTML error page is served instead
    expect(() => decodeDigits(toBuffer(wrongMagic))).toThrow(UserError);
    expect(() => decodeDigits(toBuffer(wrongMagic))).toThrow(/does not start with "UTLD"/);
    expect(() => decodeDigits(toBuffer(bytes.slice(0, bytes.length - 1)))).toThrow(
      /27 bytes where 4 images of 3 pixels need 28/,
    );
    expect(() => decodeDigits(new ArrayBuffer(5))).toThrow(/shorter than its header/);
    const badLabel = bytes.slice();
    badLabel[digitsByteLength(4, 3) - 1] = 10;
    expect(() => decodeDigits(toBuffer(badLabel))).toThrow(/image 3 has label 10/);
  });

  it('encodes the header little-endian: magic, n, dim', () => {
    const bytes = encodeDigits(new Float32Array(2 * 784), [3, 7]);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('UTLD');
    const view = new DataView(bytes.buffer);
    expect([view.getUint32(4, true), view.getUint32(8, true)]).toEqual([2, 784]);
    expect(Array.from(bytes.subarray(DIGITS_HEADER_BYTES + 2 * 784))).toEqual([3, 7]);
  });
});

describe('the mnist dataset stage', () => {
  const digits = {
    id: MNIST_ID,
    dataset: decodeDigits(toBuffer(encodeDigits(synthetic(60).images, synthetic(60).labels))),
  };
  const mnist = (n: number): ExplorerConfig => ({ ...defaultConfig, dataset: 'mnist', n, k: 5 });

  it('takes the first n digits, sharing the loaded buffers, and all of them when n is larger', () => {
    const subset = datasetFor(mnist(25), digits);
    expect(subset.n).toBe(25);
    expect(subset.points.length).toBe(25 * 3);
    expect(subset.points.buffer).toBe(digits.dataset.points.buffer);
    expect(Array.from(subset.points)).toEqual(Array.from(digits.dataset.points.subarray(0, 75)));
    expect(Array.from(subset.labels ?? [])).toEqual(Array.from(digits.dataset.labels?.subarray(0, 25) ?? []));
    expect(datasetFor(mnist(10_000), digits)).toBe(digits.dataset);
  });

  it('needs the digits loaded, and never uses them for a generated dataset', () => {
    expect(() => datasetFor(mnist(25), null)).toThrow(/MNIST digits could not be loaded/);
    expect(() => datasetFor(mnist(25), { id: 'csv-hash', dataset: digits.dataset })).toThrow(UserError);
    const ring = datasetFor({ ...defaultConfig, n: 40 }, digits);
    expect([ring.n, ring.dim]).toEqual([40, 2]);
  });

  it('builds the pipeline on the subset: a kNN graph over n = 30 digits with labels', () => {
    const artifacts = createStageCache().build({ ...mnist(30), init: 'random', epochs: 10 }, digits);
    expect(artifacts.dataset.n).toBe(30);
    expect(artifacts.graph.n).toBe(30);
    expect(artifacts.initial.length).toBe(60);
    expect(artifacts.dataset.labels?.[29]).toBe(9);
  });
});
