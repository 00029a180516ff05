import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExplorerConfig, planChange, sameConfig, stageKeys } from './config';

const change = (overrides: Partial<ExplorerConfig>) =>
  planChange(defaultConfig, { ...defaultConfig, ...overrides });

describe('planChange: which change rebuilds what (docs/design.md, "Staged pipeline and caching")', () => {
  it.each([
    [{ m: 7 }, [], ['m']],
    [{ learningRate: 0.5 }, [], ['learningRate']],
    [{ k: 30 }, ['graph', 'init', 'optimizer'], []],
    [{ similarity: 'inverted' as const }, ['graph', 'init', 'optimizer'], []],
    [{ epochs: 1000 }, ['graph', 'init', 'optimizer'], []],
    [{ init: 'spectral' as const }, ['init', 'optimizer'], []],
    [{ pushNegatives: true }, ['optimizer'], []],
    [{ sampling: 'corrected' as const }, ['optimizer'], []],
    [{ minDist: 0.5 }, ['optimizer'], []],
    [{ loss: 'neg' as const }, ['optimizer'], []],
    [{ spectrum: 0.3 }, [], ['spectrum']],
    [{ normalization: 'per-m' as const }, ['optimizer'], []],
    [{ exaggeration: 4 }, [], []],
    [{ metric: 'cosine' as const }, ['knn', 'graph', 'init', 'optimizer'], []],
    [{ n: 500 }, ['dataset', 'knn', 'graph', 'init', 'optimizer'], []],
    [{ seed: 0 }, ['dataset', 'knn', 'graph', 'init', 'optimizer'], []],
    [{ dataset: 'square' as const }, ['dataset', 'knn', 'graph', 'init', 'optimizer'], []],
  ])('%o rebuilds %o, live %o', (overrides, rebuild, live) => {
    expect(change(overrides)).toEqual({ rebuild, live });
  });

  it('restarts t-SNE when ρ changes; ρ does nothing to the other losses', () => {
    const tsne = { ...defaultConfig, loss: 'tsne' as const };
    expect(planChange(tsne, { ...tsne, exaggeration: 4 }).rebuild).toEqual(['optimizer']);
  });

  it('rebuilds the dense graph when min_dist changes, since φ depends on it', () => {
    const dense = { ...defaultConfig, similarity: 'dense' as const };
    expect(planChange(dense, { ...dense, minDist: 0.5 }).rebuild).toEqual(['graph', 'init', 'optimizer']);
  });

  it('identifies a loaded CSV by its content, not by n or seed', () => {
    const csv = { ...defaultConfig, dataset: 'csv' as const };
    expect(stageKeys(csv, 'abc').dataset).toBe(stageKeys({ ...csv, n: 5, seed: 9 }, 'abc').dataset);
    expect(planChange(csv, csv, 'abc', 'def').rebuild[0]).toBe('dataset');
  });
});

describe('defaultConfig', () => {
  it("is Fig. 1b's setting, from the registry's defaults", () => {
    expect(defaultConfig).toEqual({
      dataset: 'ring',
      n: 1000,
      seed: 3,
      k: 15,
      m: 5,
      similarity: 'umap',
      init: 'data',
      epochs: 500,
      learningRate: 1,
      minDist: 0.1,
      pushNegatives: false,
      sampling: 'umap',
      metric: 'euclidean',
      threads: 1,
      loss: 'umap',
      spectrum: 1,
      normalization: 'spectrum',
      exaggeration: 1,
    });
  });
});

describe('sameConfig', () => {
  it('compares field by field, not by identity', () => {
    expect(sameConfig(defaultConfig, { ...defaultConfig })).toBe(true);
    expect(sameConfig(defaultConfig, { ...defaultConfig, m: 6 })).toBe(false);
    expect(sameConfig(defaultConfig, { ...defaultConfig, pushNegatives: true })).toBe(false);
  });
});
