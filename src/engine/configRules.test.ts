import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExplorerConfig } from './config';
import { checkConfig } from './configRules';

const ring: ExplorerConfig = { ...defaultConfig };

describe('checkConfig', () => {
  it('leaves a valid configuration alone and says nothing', () => {
    expect(checkConfig(ring)).toEqual({ config: ring, notices: [] });
    expect(checkConfig({ ...ring, dataset: 'rings', n: 2000 }).notices).toEqual([]);
  });

  it('moves 20 rings to the nearest multiple of 20 points', () => {
    const { config, notices } = checkConfig({ ...ring, dataset: 'rings', n: 777 });
    expect(config.n).toBe(780);
    expect(notices).toEqual([
      'The 20 rings need n to be a multiple of 20; using n = 780 (20 × 39) instead of 777.',
    ]);
    expect(checkConfig({ ...ring, dataset: 'rings', n: 41 }).config.n).toBe(40);
  });

  it('replaces data init by spectral for data that is not 2-D, naming the dimension', () => {
    const blobs = checkConfig({ ...ring, dataset: 'blobs' });
    expect(blobs.config.init).toBe('spectral');
    expect(blobs.notices[0]).toContain('this dataset is 50-D');
    expect(checkConfig({ ...ring, dataset: 'mnist', n: 1000 }).config.init).toBe('spectral');
    const csv = checkConfig({ ...ring, dataset: 'csv' }, { csv: { n: 500, dim: 7 } });
    expect(csv.config.init).toBe('spectral');
    expect(csv.notices[0]).toContain('7-D');
    // A 2-D CSV keeps data init; an unknown CSV shape is left to the loader.
    expect(checkConfig({ ...ring, dataset: 'csv' }, { csv: { n: 500, dim: 2 } }).config.init).toBe('data');
    expect(checkConfig({ ...ring, dataset: 'csv' }).config.init).toBe('data');
  });

  it('caps MNIST at the 10 000 bundled digits', () => {
    const { config, notices } = checkConfig({ ...ring, dataset: 'mnist', init: 'spectral', n: 20_000 });
    expect(config.n).toBe(10_000);
    expect(notices).toEqual(['There are 10,000 MNIST digits; using n = 10000 instead of 20000.']);
  });

  it('lowers k below the number of points, in words with the right plural', () => {
    const { config, notices } = checkConfig({ ...ring, dataset: 'csv', k: 15 }, { csv: { n: 10, dim: 2 } });
    expect(config.k).toBe(9);
    expect(notices).toEqual(['k = 15 needs at least 16 points; this dataset has 10. Using k = 9.']);
  });

  it('rounds whole-number parameters and clamps every parameter to its range, saying which', () => {
    const rounded = checkConfig({ ...ring, n: 250.7 });
    expect(rounded.config.n).toBe(251);
    expect(rounded.notices).toEqual(['points n must be a whole number; using 251 instead of 250.7.']);
    const clamped = checkConfig({ ...ring, epochs: 0, threads: 64, learningRate: 50, minDist: 1 });
    expect(clamped.config).toMatchObject({ epochs: 11, threads: 8, learningRate: 10, minDist: 0.99 });
    expect(clamped.notices).toEqual([
      'epochs = 0 is outside 11–20,000; using 11.',
      'learning rate α₀ = 50 is outside 0.001–10; using 10.',
      'min_dist = 1 is outside 0–0.99; using 0.99.',
      'threads per epoch = 64 is outside 1–8; using 8.',
    ]);
    expect(checkConfig({ ...ring, m: Number.NaN }).config.m).toBe(defaultConfig.m);
  });
});
