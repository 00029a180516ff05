import { describe, expect, it } from 'vitest';
import { UserError } from './errors';
import { findAbParams, similarity } from './kernel';

/** Sum of squares of umap-learn's fit (docs/algorithm.md §1.8), written out directly on [0, 3·spread]. */
function sumOfSquares(spread: number, minDist: number, a: number, b: number): number {
  let sum = 0;
  for (let i = 0; i < 300; i++) {
    const x = i === 299 ? 3 * spread : (i * 3 * spread) / 299;
    const target = x < minDist ? 1 : Math.exp(-(x - minDist) / spread);
    const residual = 1 / (1 + a * x ** (2 * b)) - target;
    sum += residual * residual;
  }
  return sum;
}

function expectRelativelyClose(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected) / Math.abs(expected)).toBeLessThan(tolerance);
}

describe('findAbParams', () => {
  it('matches umap-learn for the defaults (spread 1, min_dist 0.1)', () => {
    const { a, b } = findAbParams();
    expectRelativelyClose(a, 1.57694346, 1e-5);
    expectRelativelyClose(b, 0.895060878, 1e-5);
  });

  it('matches umap-learn for min_dist 0.5', () => {
    const { a, b } = findAbParams(1, 0.5);
    expectRelativelyClose(a, 0.58303, 1e-5);
    expectRelativelyClose(b, 1.33417, 1e-5);
  });

  it('matches umap-learn for min_dist 0.001 and 0', () => {
    const small = findAbParams(1, 0.001);
    expectRelativelyClose(small.a, 1.92907, 1e-4);
    expectRelativelyClose(small.b, 0.7915, 1e-4);
    const zero = findAbParams(1, 0);
    expectRelativelyClose(zero.a, 1.93281, 1e-4);
    expectRelativelyClose(zero.b, 0.79049, 1e-4);
  });

  it('reaches the exact least-squares minimum, not scipy curve_fit’s early stop', () => {
    // scipy least_squares, analytic Jacobian, tolerances 1e-15. curve_fit's default stops at
    // a = 1.5769434603 (1e-7 away), which this tolerance rejects.
    const { a, b } = findAbParams(1, 0.1);
    expectRelativelyClose(a, 1.5769436134905805, 1e-9);
    expectRelativelyClose(b, 0.8950607193568522, 1e-9);
  });

  const cases: [spread: number, minDist: number][] = [
    [1, 0.1],
    [1, 0.5],
    [1, 0.001],
    [1, 0],
    [1, 1],
    // scipy's curve_fit from (1, 1) diverges to b < 0 here; the true minimum is still well defined.
    [0.1, 0],
    [3, 1],
  ];

  it.each(cases)('is a local minimum of the sum of squares (spread %s, min_dist %s)', (spread, minDist) => {
    const { a, b } = findAbParams(spread, minDist);
    const best = sumOfSquares(spread, minDist, a, b);
    for (const factor of [1 - 1e-4, 1 + 1e-4]) {
      expect(sumOfSquares(spread, minDist, a * factor, b)).toBeGreaterThan(best);
      expect(sumOfSquares(spread, minDist, a, b * factor)).toBeGreaterThan(best);
    }
  });

  it.each(cases)(
    'is a stationary point: the gradient vanishes (spread %s, min_dist %s)',
    (spread, minDist) => {
      const { a, b } = findAbParams(spread, minDist);
      // Analytic gradient of the sum of squares in log a and log b. A point 1e-7 (relative) off the
      // minimum, like curve_fit's default stop, gives about 1e-7 here.
      let slopeLogA = 0;
      let slopeLogB = 0;
      for (let i = 1; i < 300; i++) {
        const x = i === 299 ? 3 * spread : (i * 3 * spread) / 299;
        const target = x < minDist ? 1 : Math.exp(-(x - minDist) / spread);
        const power = x ** (2 * b);
        const phi = 1 / (1 + a * power);
        const residual = phi - target;
        slopeLogA += 2 * residual * -a * power * phi * phi;
        slopeLogB += 2 * residual * -a * power * 2 * b * Math.log(x) * phi * phi;
      }
      expect(Math.abs(slopeLogA)).toBeLessThan(1e-11);
      expect(Math.abs(slopeLogB)).toBeLessThan(1e-11);
    },
  );

  it('scales as the fit is scale-free: b unchanged, a·spread^{2b} unchanged', () => {
    const unit = findAbParams(1, 0.1);
    const double = findAbParams(2, 0.2);
    expectRelativelyClose(double.b, unit.b, 1e-9);
    expectRelativelyClose(double.a * 2 ** (2 * double.b), unit.a, 1e-9);
  });

  it('makes the curve steeper as min_dist grows (b increases on [0, spread])', () => {
    let previousB = 0;
    for (let minDist = 0; minDist <= 1; minDist += 0.05) {
      const { a, b } = findAbParams(1, minDist);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(previousB);
      previousB = b;
    }
  });

  it('rejects values umap-learn rejects, with a UserError', () => {
    expect(() => findAbParams(0, 0)).toThrow(UserError);
    expect(() => findAbParams(-1, 0.1)).toThrow(UserError);
    expect(() => findAbParams(1, -0.1)).toThrow(UserError);
    expect(() => findAbParams(1, 1.5)).toThrow(/must not exceed spread/);
    expect(() => findAbParams(Number.NaN, 0.1)).toThrow(UserError);
    expect(() => findAbParams(Number.POSITIVE_INFINITY, 0.1)).toThrow(UserError);
    expect(() => findAbParams(1, Number.NaN)).toThrow(UserError);
    expect(() => findAbParams(1e-300, 0)).toThrow(UserError);
  });
});

describe('similarity', () => {
  it('is φ(d) = 1/(1 + a·d^{2b}) of squared distance', () => {
    expect(similarity(0, 1.5, 0.9)).toBe(1);
    expect(similarity(1, 1.5, 0.9)).toBeCloseTo(0.4, 15);
    // a = b = 1 is the Cauchy kernel of t-SNE: 1/(1 + d²).
    expect(similarity(4, 1, 1)).toBeCloseTo(0.2, 15);
    // b = 1/2 is linear in distance: d = 2 gives 1/(1 + 2·2).
    expect(similarity(4, 2, 0.5)).toBeCloseTo(0.2, 15);
  });

  it('falls from 1 to 0 with distance', () => {
    const { a, b } = findAbParams();
    let previous = 1;
    for (let distance = 0.25; distance <= 16; distance *= 2) {
      const value = similarity(distance * distance, a, b);
      expect(value).toBeLessThan(previous);
      previous = value;
    }
    expect(previous).toBeLessThan(0.01);
  });
});
