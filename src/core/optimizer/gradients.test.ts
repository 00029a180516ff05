import { describe, expect, it } from 'vitest';
import { findAbParams, similarity } from '../kernel';
import { attractiveCoefficient, clipGradient, REPULSION_OFFSET, repulsiveCoefficient } from './gradients';

/** L^a = −log φ and L^r = −log(1 − φ) of the pair (e_i, e_j) in 2-D (paper eq. 6), in float64. */
function attractiveLoss(xi: number, yi: number, xj: number, yj: number, a: number, b: number): number {
  return -Math.log(similarity((xi - xj) ** 2 + (yi - yj) ** 2, a, b));
}
function repulsiveLoss(xi: number, yi: number, xj: number, yj: number, a: number, b: number): number {
  return -Math.log(1 - similarity((xi - xj) ** 2 + (yi - yj) ** 2, a, b));
}

/** −∂L/∂e_i by central differences, both coordinates. */
function negativeGradient(
  loss: typeof attractiveLoss,
  xi: number,
  yi: number,
  xj: number,
  yj: number,
  a: number,
  b: number,
): [number, number] {
  const h = 1e-6 * Math.max(1, Math.hypot(xi - xj, yi - yj));
  const gx = (loss(xi + h, yi, xj, yj, a, b) - loss(xi - h, yi, xj, yj, a, b)) / (2 * h);
  const gy = (loss(xi, yi + h, xj, yj, a, b) - loss(xi, yi - h, xj, yj, a, b)) / (2 * h);
  return [-gx, -gy];
}

describe('gradient coefficients', () => {
  const parameterSets = [findAbParams(1, 0.1), findAbParams(1, 0.5)];
  const distances = [0.05, 0.2, 0.7, 1, 2.5, 6, 15];
  // A direction off the axes, so both coordinates carry a gradient.
  const direction = [0.6, -0.8];

  it('equal −∂L^a/∂e_i and −∂L^r/∂e_i of φ by finite differences (offset 0)', () => {
    let worst = 0;
    for (const { a, b } of parameterSets) {
      for (const distance of distances) {
        const xi = 1.3;
        const yi = -0.4;
        const dx = distance * direction[0];
        const dy = distance * direction[1];
        const xj = xi - dx;
        const yj = yi - dy;
        const distSquared = dx * dx + dy * dy;
        const attract = attractiveCoefficient(distSquared, a, b);
        const repel = repulsiveCoefficient(distSquared, a, b, 0);
        const numericAttract = negativeGradient(attractiveLoss, xi, yi, xj, yj, a, b);
        const numericRepel = negativeGradient(repulsiveLoss, xi, yi, xj, yj, a, b);
        const pairs: [number, number][] = [
          [attract * dx, numericAttract[0]],
          [attract * dy, numericAttract[1]],
          [repel * dx, numericRepel[0]],
          [repel * dy, numericRepel[1]],
        ];
        for (const [analytic, numeric] of pairs) {
          const relative = Math.abs(analytic - numeric) / Math.abs(numeric);
          worst = Math.max(worst, relative);
          expect(relative).toBeLessThan(1e-4);
        }
      }
    }
    if (process.env.REPORT_MEASUREMENTS) console.info(`largest relative gap to finite differences: ${worst}`);
  });

  it('attraction pulls together and repulsion pushes apart', () => {
    const { a, b } = findAbParams();
    expect(attractiveCoefficient(0.5, a, b)).toBeLessThan(0);
    expect(repulsiveCoefficient(0.5, a, b)).toBeGreaterThan(0);
  });

  it('use umap-learn’s 0.001 offset in the repulsive denominator by default', () => {
    const { a, b } = findAbParams();
    const distSquared = 0.01;
    const expected = (2 * b) / ((REPULSION_OFFSET + distSquared) * (1 + a * distSquared ** b));
    expect(repulsiveCoefficient(distSquared, a, b)).toBeCloseTo(expected, 12);
    expect(REPULSION_OFFSET).toBe(0.001);
  });

  it('are 0 for coincident points, which umap-learn does not move', () => {
    const { a, b } = findAbParams();
    expect(attractiveCoefficient(0, a, b)).toBe(0);
    expect(repulsiveCoefficient(0, a, b)).toBe(0);
  });

  it('clip each gradient coordinate to ±4', () => {
    expect(clipGradient(7)).toBe(4);
    expect(clipGradient(-9)).toBe(-4);
    expect(clipGradient(1.5)).toBe(1.5);
  });
});
