import { describe, expect, it } from 'vitest';
import { createGaussian, createRng } from '../random';
import { dot, dots2x4, squaredDistance, squaredDistances2x4 } from './vectorDistance';

describe('2×4 kernels', () => {
  // Odd dimensions and large offsets make any change of summation order show up in the last bits.
  for (const dim of [1, 7, 50, 129]) {
    it(`equal squaredDistance and dot bit for bit (dim ${dim})`, () => {
      const gauss = createGaussian(createRng(dim));
      const rows = 12;
      const x = Float32Array.from({ length: rows * dim }, (_, p) => 1000 * (p % 3) + gauss());
      const out = new Float64Array(8);
      const pick = [0, 5, 11, 3, 3, 8];
      const [a0, a1, ...b] = pick.map((row) => row * dim);
      squaredDistances2x4(x, a0, a1, b[0], b[1], b[2], b[3], dim, out);
      for (let c = 0; c < 4; c++) {
        expect(out[c]).toBe(squaredDistance(x, a0, b[c], dim));
        expect(out[4 + c]).toBe(squaredDistance(x, a1, b[c], dim));
      }
      dots2x4(x, a0, a1, b[0], b[1], b[2], b[3], dim, out);
      for (let c = 0; c < 4; c++) {
        expect(out[c]).toBe(dot(x, a0, b[c], dim));
        expect(out[4 + c]).toBe(dot(x, a1, b[c], dim));
      }
    });
  }
});
