import { describe, expect, it } from 'vitest';
import { digitsByteLength } from '../engine/digitsFormat';
import { decodeDigits } from '../engine/mnistDigits';
import { buildMnistAsset } from './mnistAsset';

describe('buildMnistAsset', () => {
  it('converts the mnist package to 10 000 interleaved 784-pixel digits of 7.85 MB', () => {
    const bytes = buildMnistAsset();
    expect(bytes.byteLength).toBe(digitsByteLength(10_000, 784));
    expect(bytes.byteLength).toBe(7_850_012);
    const digits = decodeDigits(bytes.buffer as ArrayBuffer);
    expect([digits.n, digits.dim]).toEqual([10_000, 784]);
    const labels = digits.labels ?? new Int32Array();
    // The package's class sizes (863 fives … 1 127 ones) survive the interleaving.
    const counts = new Array(10).fill(0);
    for (const label of labels) counts[label] += 1;
    expect(counts).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
    // Interleaved: the first 1 000 digits hold exactly 100 of each class.
    const prefixCounts = new Array(10).fill(0);
    for (const label of labels.subarray(0, 1000)) prefixCounts[label] += 1;
    expect(prefixCounts).toEqual(new Array(10).fill(100));
    // Ink covers a fraction of each 28 × 28 image, as in MNIST (about 19 % of pixels non-zero).
    let inked = 0;
    for (const value of digits.points) if (value > 0) inked += 1;
    expect(inked / digits.points.length).toBeGreaterThan(0.1);
    expect(inked / digits.points.length).toBeLessThan(0.3);
  });
});
