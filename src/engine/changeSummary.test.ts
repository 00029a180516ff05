import { describe, expect, it } from 'vitest';
import { changeSummary } from './changeSummary';
import { defaultConfig, type ExplorerConfig, planChange } from './config';

const summary = (overrides: Partial<ExplorerConfig>, from: ExplorerConfig = defaultConfig) => {
  const next = { ...from, ...overrides };
  return changeSummary(from, next, planChange(from, next));
};

describe('changeSummary: each change in plain words', () => {
  it.each([
    [{}, 'no change'],
    [{ dataset: 'square' as const }, 'dataset changed: new data, rebuilding everything'],
    [{ n: 500 }, 'n changed: new data, rebuilding everything'],
    [{ seed: 0 }, 'seed changed: new data and layout'],
    [
      { metric: 'cosine' as const },
      'metric changed: recomputing the nearest neighbours, the graph and the layout',
    ],
    [{ k: 30 }, 'k changed: rebuilding the graph'],
    [{ similarity: 'inverted' as const }, 'similarities changed: rebuilding the graph'],
    [{ epochs: 1000 }, 'epochs changed: rebuilding the graph'],
    [{ init: 'spectral' as const }, 'init changed: new initial layout'],
    [{ minDist: 0.5 }, 'min_dist changed: restarting the optimizer'],
    [{ pushNegatives: true }, 'push negatives changed: restarting the optimizer'],
    [{ sampling: 'corrected' as const }, 'sampling changed: restarting the optimizer'],
    [{ threads: 2 }, 'threads changed: restarting the optimizer'],
    [{ m: 7 }, 'm applied live'],
    [{ learningRate: 0.5 }, 'learning rate applied live'],
  ])('%o → %s', (overrides, expected) => {
    expect(summary(overrides)).toBe(expected);
  });

  it('names every changed parameter, with the largest rebuild', () => {
    expect(summary({ k: 30, m: 7 })).toBe('k and m changed: rebuilding the graph');
    expect(summary({ init: 'random', k: 30, n: 500 })).toBe(
      'n, k and init changed: new data, rebuilding everything',
    );
    expect(summary({ m: 7, learningRate: 0.5 })).toBe('m and learning rate applied live');
  });

  it('says when the dense graph is rebuilt for min_dist, and a seed that leaves the data alone', () => {
    const dense = { ...defaultConfig, similarity: 'dense' as const };
    expect(summary({ minDist: 0.5 }, dense)).toBe('min_dist changed: rebuilding the graph');
    const digits = { ...defaultConfig, dataset: 'mnist' as const };
    expect(summary({ seed: 4 }, digits)).toBe('seed changed: new layout');
  });

  it('says when a change has no effect (n of a loaded CSV) and when a new file replaces the data', () => {
    const csv = { ...defaultConfig, dataset: 'csv' as const };
    expect(summary({ n: 500 }, csv)).toBe('n changed: no effect on this run');
    expect(changeSummary(csv, csv, planChange(csv, csv, 'abc', 'def'), true)).toBe(
      'file changed: new data, rebuilding everything',
    );
  });

  it('says so for the first run', () => {
    expect(changeSummary(null, defaultConfig, planChange(null, defaultConfig))).toBe(
      'first run: building everything',
    );
  });
});
