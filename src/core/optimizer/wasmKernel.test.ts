/** The WebAssembly kernel's own pieces: its random stream and its table-driven log2/exp2 (fastMath.as.ts). */
import { describe, expect, it } from 'vitest';
import { createUint32Source } from '../random';
import { instantiateOptimizerKernel } from './wasmKernel';

describe('WebAssembly optimizer kernel', () => {
  const kernel = instantiateOptimizerKernel();

  it('runs here (Node has WebAssembly)', () => {
    expect(kernel).toBeDefined();
  });

  it('draws the same uint32 stream as createUint32Source', () => {
    for (const seed of [0, 7, 123456789, 2 ** 40 + 5, -3]) {
      const reference = createUint32Source(seed);
      const whole = Math.trunc(seed);
      kernel?.seed(whole >>> 0, Math.floor(whole / 2 ** 32) >>> 0);
      for (let i = 0; i < 1000; i++) expect((kernel?.nextUint32() ?? 0) >>> 0).toBe(reference());
    }
  });

  it('log2 is within 1e-8 (absolute) of Math.log2 from 1e-30 to 1e30', () => {
    let worst = 0;
    for (let e = -30; e <= 30; e += 0.001) {
      const x = 10 ** e;
      worst = Math.max(worst, Math.abs((kernel?.log2(x) ?? Number.NaN) - Math.log2(x)));
    }
    for (let x = 0.5; x < 2; x += 1e-5) {
      worst = Math.max(worst, Math.abs((kernel?.log2(x) ?? Number.NaN) - Math.log2(x)));
    }
    expect(worst).toBeLessThan(1e-8);
  });

  it('exp2 and (d²)^b = exp2(b·log2 d²) have relative error < 3e-8 over a wide range', () => {
    let worstExp = 0;
    for (let y = -100; y <= 100; y += 0.0007) {
      const exact = 2 ** y;
      worstExp = Math.max(worstExp, Math.abs((kernel?.exp2(y) ?? Number.NaN) - exact) / exact);
    }
    let worstPow = 0;
    for (const power of [0.5, 0.7915, 1, 1.5, 2.3]) {
      for (let e = -20; e <= 20; e += 0.003) {
        const x = 10 ** e;
        const exact = x ** power;
        const approximate = kernel?.exp2(power * kernel.log2(x)) ?? Number.NaN;
        worstPow = Math.max(worstPow, Math.abs(approximate - exact) / exact);
      }
    }
    expect(worstExp).toBeLessThan(3e-8);
    expect(worstPow).toBeLessThan(3e-8);
  });
});
