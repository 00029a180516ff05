import { describe, expect, it } from 'vitest';
import { createGaussian, createRng, deriveSeed, numpyRandomState, uniformIntFrom } from './random';
import type { Rng } from './types';

/** χ² statistic of `draws` integers in 0..buckets−1 against the uniform distribution. */
function chiSquare(draw: () => number, buckets: number, draws: number): number {
  const counts = new Float64Array(buckets);
  for (let i = 0; i < draws; i++) counts[draw()]++;
  const expected = draws / buckets;
  let statistic = 0;
  for (const count of counts) statistic += (count - expected) ** 2 / expected;
  return statistic;
}

// 100 buckets → 99 degrees of freedom: mean 99, sd ≈ 14; 200 is beyond the 1 − 1e−8 quantile.
const CHI_SQUARE_BOUND_99_DOF = 200;

describe('numpyRandomState (values printed by numpy 2.4, np.random.seed(s))', () => {
  it('gives numpy’s first uniforms for seeds 0 and 3', () => {
    const seed0 = numpyRandomState(0);
    expect(seed0.next()).toBe(0.5488135039273248);
    expect(seed0.next()).toBe(0.7151893663724195);
    expect(numpyRandomState(3).next()).toBe(0.5507979025745755);
    expect(numpyRandomState(4294967295).next()).toBe(0.0976320289940138);
  });

  it('gives numpy’s raw MT19937 outputs for seed 0', () => {
    const state = numpyRandomState(0);
    const raw = [state.nextUint32(), state.nextUint32(), state.nextUint32(), state.nextUint32()];
    expect(raw).toEqual([2357136044, 2546248239, 3071714933, 3626093760]);
  });

  it('stays on numpy’s stream across the 624-word state refills', () => {
    const state = numpyRandomState(0);
    const samples = Array.from({ length: 1000 }, () => state.next());
    expect(samples[311]).toBe(0.14694664540037505);
    expect(samples[312]).toBe(0.07952208258675575);
    expect(samples[999]).toBe(0.6771411441114241);
  });

  it('matches np.random.uniform(low, high)', () => {
    expect(numpyRandomState(12345).uniform(-3, 5)).toBe(4.436928742537183);
  });

  it('matches np.random.randint(0, n), with n = 1 consuming no draw', () => {
    const seed0 = numpyRandomState(0);
    expect([0, 1, 2, 3, 4].map(() => seed0.nextInt(10))).toEqual([5, 0, 3, 3, 7]);
    expect(seed0.nextInt(1)).toBe(0);
    expect(seed0.next()).toBe(0.4236547993389047);
    const seed1 = numpyRandomState(1);
    expect([0, 1, 2, 3, 4].map(() => seed1.nextInt(1000))).toEqual([37, 235, 908, 72, 767]);
    expect(seed1.nextInt(2 ** 32)).toBe(550290313);
  });

  it('rejects seeds numpy rejects', () => {
    expect(() => numpyRandomState(-1)).toThrow(/seed must be an integer from 0 to 4294967295/);
    expect(() => numpyRandomState(2 ** 32)).toThrow(/seed/);
    expect(() => numpyRandomState(1.5)).toThrow(/seed/);
  });
});

describe('createRng', () => {
  const firstDraws = (rng: Rng, count: number) => Array.from({ length: count }, () => rng.next());

  it('is deterministic for a seed and differs between seeds', () => {
    expect(firstDraws(createRng(42), 20)).toEqual(firstDraws(createRng(42), 20));
    const seed0 = firstDraws(createRng(0), 20);
    const seed1 = firstDraws(createRng(1), 20);
    const seedHigh = firstDraws(createRng(2 ** 32), 20);
    expect(seed0.filter((value, i) => value === seed1[i])).toHaveLength(0);
    expect(seed0.filter((value, i) => value === seedHigh[i])).toHaveLength(0);
  });

  it('draws uniformly in [0, 1): range, mean and bucket counts', () => {
    const rng = createRng(7);
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = rng.next();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // sd of the mean of 1e5 uniforms is 0.0009, so 0.01 is > 10 sd.
    expect(Math.abs(sum / 100_000 - 0.5)).toBeLessThan(0.01);
    expect(chiSquare(() => Math.floor(rng.next() * 100), 100, 100_000)).toBeLessThan(CHI_SQUARE_BOUND_99_DOF);
  });

  it('nextInt covers 0..n−1 evenly and nothing else', () => {
    const rng = createRng(11);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.nextInt(7));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(chiSquare(() => rng.nextInt(100), 100, 100_000)).toBeLessThan(CHI_SQUARE_BOUND_99_DOF);
  });

  it('the bucket test can fail: a skewed generator exceeds the bound', () => {
    const rng = createRng(11);
    const skewed = () => Math.floor(rng.next() ** 1.1 * 100);
    expect(chiSquare(skewed, 100, 100_000)).toBeGreaterThan(CHI_SQUARE_BOUND_99_DOF);
  });

  it('nextInt rejects the top 2^32 mod n values of the raw source', () => {
    const values = [2 ** 32 - 1, 7];
    const source = () => values.shift() ?? 0;
    // 2^32 mod 3 = 1, so 2^32 − 1 would favour 0 and must be redrawn.
    expect(uniformIntFrom(source, 3)).toBe(1);
    expect(() => uniformIntFrom(source, 0)).toThrow();
  });
});

describe('createGaussian', () => {
  it('has mean 0 and variance 1', () => {
    const gaussian = createGaussian(createRng(5));
    let sum = 0;
    let sumSquares = 0;
    const count = 100_000;
    for (let i = 0; i < count; i++) {
      const z = gaussian();
      sum += z;
      sumSquares += z * z;
    }
    const mean = sum / count;
    // sd of the mean is 0.003 and of the variance estimate 0.0045.
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sumSquares / count - mean * mean - 1)).toBeLessThan(0.03);
  });
});

describe('deriveSeed', () => {
  it('gives distinct, reproducible seeds per stage and per user seed', () => {
    expect(deriveSeed(3, 'optimizer')).toBe(deriveSeed(3, 'optimizer'));
    expect(deriveSeed(3, 'optimizer')).not.toBe(deriveSeed(3, 'init'));
    expect(deriveSeed(3, 'optimizer')).not.toBe(deriveSeed(4, 'optimizer'));
    expect(Number.isInteger(deriveSeed(0, 'x'))).toBe(true);
  });
});
