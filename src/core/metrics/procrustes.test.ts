import { describe, expect, it } from 'vitest';
import { createGaussian, createRng } from '../random';
import { procrustesAlign } from './procrustes';

/** n points, standard normal in x and half as wide in y (so no symmetry makes R ambiguous). */
function randomLayout(n: number, seed: number): Float32Array {
  const gaussian = createGaussian(createRng(seed));
  const out = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    out[2 * i] = 3 * gaussian() + 1;
    out[2 * i + 1] = 1.5 * gaussian() - 2;
  }
  return out;
}

/** p ↦ scale·(p·[[c, s], [−s, c]] or its mirror image) + shift. */
function similarity(
  points: Float32Array,
  angle: number,
  reflect: boolean,
  scale: number,
  shiftX: number,
  shiftY: number,
): Float32Array {
  const out = new Float32Array(points.length);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  for (let p = 0; p < points.length; p += 2) {
    const x = points[p];
    const y = reflect ? -points[p + 1] : points[p + 1];
    out[p] = scale * (c * x - s * y) + shiftX;
    out[p + 1] = scale * (s * x + c * y) + shiftY;
  }
  return out;
}

function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  let worst = 0;
  for (let p = 0; p < a.length; p++) worst = Math.max(worst, Math.abs(a[p] - b[p]));
  return worst;
}

/** Root-mean-square distance between corresponding points. */
function rmsError(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let p = 0; p < a.length; p++) sum += (a[p] - b[p]) ** 2;
  return Math.sqrt(sum / (a.length / 2));
}

describe('procrustesAlign', () => {
  const n = 500;
  const reference = randomLayout(n, 1);

  it.each([
    ['rotated', 1.1, false, 1, 0, 0],
    ['rotated, scaled and shifted', -2.4, false, 0.37, 12, -5],
    ['reflected', 0, true, 1, 0, 0],
    ['rotated, reflected, scaled and shifted', 2.9, true, 4.2, -30, 7.5],
  ] as const)('maps a %s copy back onto the reference to 1e-5', (_, angle, reflect, scale, dx, dy) => {
    const moving = similarity(reference, angle, reflect, scale, dx, dy);
    expect(maxAbsDifference(procrustesAlign(reference, moving, n), reference)).toBeLessThan(1e-5);
    const leastSquares = procrustesAlign(reference, moving, n, { scale: 'leastSquares' });
    expect(maxAbsDifference(leastSquares, reference)).toBeLessThan(1e-5);
  });

  it('is the identity when aligning a layout to itself', () => {
    expect(maxAbsDifference(procrustesAlign(reference, reference, n), reference)).toBeLessThan(1e-6);
  });

  it('brings a noisy, transformed copy closer to the reference', () => {
    const gaussian = createGaussian(createRng(7));
    const noisy = similarity(reference, 0.8, true, 2.5, 4, 4);
    for (let p = 0; p < noisy.length; p++) noisy[p] += 0.5 * gaussian();
    const before = rmsError(noisy, reference);
    const aligned = procrustesAlign(reference, noisy, n);
    const after = rmsError(aligned, reference);
    // Noise of std 0.5 per coordinate of the ×2.5 copy is 0.2 in the reference's units: RMS ≈ 0.28.
    expect(after).toBeLessThan(0.35);
    expect(after).toBeLessThan(before / 10);
    // The least-squares scale is optimal for ‖A − s·B·R‖, so it fits at least as well.
    const leastSquares = procrustesAlign(reference, noisy, n, { scale: 'leastSquares' });
    expect(rmsError(leastSquares, reference)).toBeLessThanOrEqual(after + 1e-6);
  });

  it('keeps the reference size by default and shrinks an unrelated layout under least squares', () => {
    const unrelated = randomLayout(n, 99);
    const rmsRadius = (layout: Float32Array): number => {
      let cx = 0;
      let cy = 0;
      for (let i = 0; i < n; i++) {
        cx += layout[2 * i] / n;
        cy += layout[2 * i + 1] / n;
      }
      let sum = 0;
      for (let i = 0; i < n; i++) sum += (layout[2 * i] - cx) ** 2 + (layout[2 * i + 1] - cy) ** 2;
      return Math.sqrt(sum / n);
    };
    const size = rmsRadius(reference);
    expect(rmsRadius(procrustesAlign(reference, unrelated, n))).toBeCloseTo(size, 4);
    expect(rmsRadius(procrustesAlign(reference, unrelated, n, { scale: 'leastSquares' }))).toBeLessThan(
      size / 2,
    );
  });

  it('gives finite output for degenerate input', () => {
    const constant = new Float32Array(2 * n).fill(3);
    const fromConstant = procrustesAlign(reference, constant, n);
    expect(fromConstant.every(Number.isFinite)).toBe(true);
    // Every point lands on the reference's centroid.
    let cx = 0;
    for (let i = 0; i < n; i++) cx += reference[2 * i] / n;
    expect(fromConstant[0]).toBeCloseTo(cx, 5);
    const ontoConstant = procrustesAlign(constant, reference, n);
    expect(Array.from(ontoConstant)).toEqual(Array.from(constant));
    expect(Array.from(procrustesAlign(constant, constant, n))).toEqual(Array.from(constant));

    const single = procrustesAlign(Float32Array.of(2, -1), Float32Array.of(7, 8), 1);
    expect(Array.from(single)).toEqual([2, -1]);
    expect(procrustesAlign(new Float32Array(0), new Float32Array(0), 0)).toHaveLength(0);
  });

  it('rejects layouts of the wrong length', () => {
    expect(() => procrustesAlign(new Float32Array(4), new Float32Array(6), 2)).toThrow(/n×2/);
  });
});
