import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random';
import { defaultConfig, type ExplorerConfig } from '../engine/config';
import { checkConfig } from '../engine/configRules';
import { K_MAX } from '../engine/parameters';
import { decodeConfig, encodeConfig } from './urlCodec';

/** A random configuration, made valid by the rules every configuration passes. */
function randomConfig(seed: number): ExplorerConfig {
  const rng = createRng(seed);
  const pick = <T>(values: readonly T[]) => values[rng.nextInt(values.length)];
  const config: ExplorerConfig = {
    dataset: pick(['ring', 'rings', 'square', 'blobs', 'mnist'] as const),
    n: 100 + rng.nextInt(50_000),
    seed: rng.nextInt(4_294_967_295),
    k: 2 + rng.nextInt(K_MAX - 1),
    metric: pick(['euclidean', 'cosine'] as const),
    similarity: pick(['umap', 'inverted', 'binary', 'dense'] as const),
    init: pick(['data', 'spectral', 'random'] as const),
    epochs: 11 + rng.nextInt(10_000),
    m: 1 + rng.nextInt(29) + pick([0, 0.5, 0.25]),
    learningRate: pick([0.001, 0.1, 0.5, 1, 2.5]),
    minDist: pick([0, 0.001, 0.1, 0.5, 0.99]),
    pushNegatives: rng.next() < 0.5,
    sampling: pick(['umap', 'corrected'] as const),
    threads: pick([1, 1, 2, 4, 8]),
    loss: pick(['umap', 'neg', 'nce', 'infonce', 'tsne'] as const),
    spectrum: pick([0, 0.25, 0.5, 1, -0.5, 1.75]),
    normalization: pick(['spectrum', 'per-m'] as const),
    exaggeration: pick([1, 4, 12, 30, 0.5]),
  };
  return checkConfig(config).config;
}

describe('URL codec', () => {
  it('round-trips every valid configuration without a notice', () => {
    for (let seed = 0; seed < 500; seed++) {
      const config = randomConfig(seed);
      expect(decodeConfig(encodeConfig(config))).toEqual({ config, csv: null, sweep: null, notices: [] });
    }
  });

  it('carries a sweep beside the configuration, and says what is wrong with a bad one', () => {
    const sweep = { parameter: 'spectrum' as const, from: 0, to: 1, count: 5, scale: 'linear' as const };
    const hash = encodeConfig({ ...defaultConfig, loss: 'neg' }, null, sweep);
    expect(hash).toContain('sweep=s%3A0%3A1%3A5');
    expect(decodeConfig(hash)).toMatchObject({ config: { loss: 'neg' }, sweep, notices: [] });
    const bad = decodeConfig('#v=1&sweep=zz:0:1:5');
    expect(bad.sweep).toBeNull();
    expect(bad.notices).toEqual([
      expect.stringMatching(/sweeps step one of s, rho, m, n, k, not "zz".*single run/),
    ]);
  });

  it('writes the design’s short keys', () => {
    expect(encodeConfig(defaultConfig)).toBe(
      '#v=1&ds=ring&n=1000&seed=3&k=15&m=5&sim=umap&init=data&epochs=500&lr=1&md=0.1&push=0&sampling=umap&metric=euclidean',
    );
  });

  it('writes threads only when parallel, and clamps it to 1–8', () => {
    expect(encodeConfig({ ...defaultConfig, threads: 2 })).toMatch(/&threads=2$/);
    expect(decodeConfig(encodeConfig({ ...defaultConfig, threads: 2 })).config.threads).toBe(2);
    const clamped = decodeConfig(`${encodeConfig(defaultConfig)}&threads=64`);
    expect(clamped.config.threads).toBe(8);
    expect(clamped.notices).toEqual(['threads per epoch = 64 is outside 1–8; using 8.']);
  });

  it('carries a CSV file’s name and SHA-256', () => {
    const sha256 = 'a'.repeat(64);
    const decoded = decodeConfig(
      encodeConfig({ ...defaultConfig, dataset: 'csv' }, { name: 'cells.csv', sha256 }),
    );
    expect(decoded.csv).toEqual({ name: 'cells.csv', sha256 });
    expect(decoded.config.dataset).toBe('csv');
  });

  it.each([
    ['n=-5', { n: 20 }, /points n = -5 is outside 20–200,000; using 20/],
    ['k=1000000000', { k: K_MAX }, /neighbours k = 1000000000 is outside 2–50; using 50/],
    ['m=NaN', { m: 5 }, /m = "NaN" is not a decimal number; using 5/],
    ['epochs=1e400', { epochs: 500 }, /not a decimal number/],
    ['n=0x200', { n: 1000 }, /n = "0x200" is not a decimal number; using 1000/],
    ['n=1_000', { n: 1000 }, /not a decimal number/],
    ['n=500&n=700', { n: 500 }, /n appears 2 times in this link; using the first, "500"/],
    ['ds=rings&n=41', { dataset: 'rings', n: 40 }, /multiple of 20; using n = 40/],
    ['ds=blobs', { dataset: 'blobs', init: 'spectral' }, /needs 2-D data; this dataset is 50-D/],
    ['ds=mnist&n=20&init=data', { dataset: 'mnist', n: 20, init: 'spectral' }, /784-D/],
    ['ds=mnist&n=50000', { n: 10_000 }, /There are 10,000 MNIST digits/],
    [
      'sim=<script>alert(1)</script>',
      { similarity: 'umap' },
      /sim = "<script>alert\(1\)<\/script>" is not one of/,
    ],
    ['push=yes', { pushNegatives: false }, /push = "yes" must be 0 or 1/],
    ['n=250.7', { n: 251 }, /points n must be a whole number; using 251 instead of 250.7/],
    ['n=12.7', { n: 20 }, /outside/],
  ])('clamps or rejects %s with a notice', (hash, expected, notice) => {
    const decoded = decodeConfig(`#v=1&${hash}`);
    expect(decoded.config).toMatchObject(expected);
    expect(decoded.notices.join('\n')).toMatch(notice);
  });

  it('ignores unknown keys and quotes long hostile values briefly', () => {
    const decoded = decodeConfig(`#v=1&${'x'.repeat(10_000)}=1&ds=${'y'.repeat(10_000)}`);
    expect(decoded.config).toEqual(defaultConfig);
    expect(decoded.notices).toHaveLength(2);
    for (const notice of decoded.notices) expect(notice.length).toBeLessThan(200);
  });

  it('refuses a CSV link without the file’s identity and keeps k below n', () => {
    expect(decodeConfig('#ds=csv').config.dataset).toBe('ring');
    const decoded = decodeConfig('#n=20&k=40');
    expect(decoded.config.k).toBe(15);
    expect(decoded.notices.join()).toMatch(
      /k = 40 needs at least 41 points; this dataset has 20. Using k = 15/,
    );
  });
});
