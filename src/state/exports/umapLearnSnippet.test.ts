import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExplorerConfig } from '../../engine/config';
import { exportFileName, fileSlug } from './exportFileName';
import { pythonFloat, pythonString, umapLearnSnippet } from './umapLearnSnippet';

const FORK = 'hci-unihd/UMAPs-true-loss';
const linesOf = (config: Partial<ExplorerConfig>, csv?: { name: string; sha256?: string }) =>
  umapLearnSnippet({ ...defaultConfig, ...config }, csv).split('\n');

describe('umapLearnSnippet', () => {
  it('runs the default paper-ring configuration with umap-learn arguments', () => {
    const lines = linesOf({});
    for (const line of [
      'import numpy as np',
      'import umap',
      '    theta = 2 * np.pi * np.arange(n) / n',
      '    rho = np.sqrt(np.random.uniform(size=n)) * var  # all n draws of U first ...',
      '    phi = np.pi * np.random.uniform(0, 2, size=n)  # ... then all n draws of V',
      '    x = r * np.sin(theta) + rho * np.sin(phi)  # x is the sine',
      'np.random.seed(3)',
      'X = get_ring(1000)',
      'reducer = umap.UMAP(',
      '    n_neighbors=15,',
      '    negative_sample_rate=5,',
      '    min_dist=0.1,',
      '    n_epochs=500,',
      '    init=X,  # data init: the 2-D input itself, min-max scaled to [0, 10] by umap-learn',
      '    random_state=3,',
      '    learning_rate=1.0,',
      '    metric="euclidean",',
      'embedding = reducer.fit_transform(X)',
    ]) {
      expect(lines).toContain(line);
    }
    const text = lines.join('\n');
    expect(text).not.toContain('graph=');
    expect(text).not.toContain('push_tail');
    expect(text).toContain('# pip install umap-learn');
  });

  it('writes the uniform square and the other inits and metrics', () => {
    const lines = linesOf({
      dataset: 'square',
      seed: 0,
      n: 500,
      init: 'random',
      metric: 'cosine',
      k: 30,
      m: 7,
      minDist: 0.001,
      learningRate: 0.5,
      epochs: 750,
    });
    expect(lines).toContain('np.random.seed(0)');
    expect(lines).toContain('X = np.random.uniform(size=(500, 2))');
    for (const line of [
      '    n_neighbors=30,',
      '    negative_sample_rate=7,',
      '    min_dist=0.001,',
      '    n_epochs=750,',
      '    init="random",',
      '    random_state=0,',
      '    learning_rate=0.5,',
      '    metric="cosine",',
    ]) {
      expect(lines).toContain(line);
    }
    expect(lines.join('\n')).not.toContain('get_ring');
    expect(linesOf({ init: 'spectral' })).toContain('    init="spectral",');
  });

  it('draws the 20 rings from one seeded stream', () => {
    const lines = linesOf({ dataset: 'rings', n: 2000, seed: 5 });
    expect(lines).toContain('np.random.seed(5)');
    expect(lines).toContain('X = np.concatenate([get_ring(100) + np.array([12 * i, 0]) for i in range(20)])');
  });

  it("passes inverted similarities through the paper fork's graph= after pruning at max/n_epochs", () => {
    const lines = linesOf({ similarity: 'inverted', epochs: 750 });
    const prune = lines.indexOf('graph.data[graph.data < graph.data.max() / 750] = 0');
    const invert = lines.indexOf('graph.data = graph.data.min() / graph.data');
    expect(lines).toContain(
      'graph = umap.UMAP(n_neighbors=15, metric="euclidean", random_state=3).fit(X).graph_.tocoo()',
    );
    expect(prune).toBeGreaterThan(0);
    expect(invert).toBeGreaterThan(prune);
    expect(lines).toContain(`    graph=graph,  # only in ${FORK}`);
    expect(lines).toContain(`# Needs the paper's fork of umap-learn 0.5.0: https://github.com/${FORK}`);
  });

  it('binarizes, pushes negatives through push_tail and says corrected sampling has no counterpart', () => {
    const lines = linesOf({ similarity: 'binary', pushNegatives: true, sampling: 'corrected' });
    expect(lines).toContain('graph.data[:] = 1.0');
    expect(lines).not.toContain('graph.data = graph.data.min() / graph.data');
    expect(lines).toContain(`    push_tail=True,  # push negatives: only in ${FORK}`);
    expect(lines.join('\n')).toContain('has no umap-learn counterpart');
  });

  it('builds dense similarities from find_ab_params with the configured min_dist', () => {
    const lines = linesOf({ similarity: 'dense', minDist: 0.5 });
    expect(lines).toContain('from umap.umap_ import find_ab_params');
    expect(lines).toContain('a, b = find_ab_params(1.0, 0.5)');
    expect(lines).toContain('graph = scipy.sparse.coo_matrix(1.0 / (1.0 + a * distances ** (2 * b)))');
    expect(lines.join('\n')).not.toContain('graph.eliminate_zeros()');
    expect(lines).toContain(`    graph=graph,  # only in ${FORK}`);
  });

  it('asks for X of a CSV run, and a hostile file name cannot inject a line of code', () => {
    const lines = linesOf(
      { dataset: 'csv', init: 'spectral' },
      { name: 'cells"\nimport os\u2028.csv', sha256: 'ab'.repeat(32) },
    );
    expect(lines).toContain('X = ...  # an (n, dim) float array');
    expect(lines.filter((line) => line.startsWith('import'))).toEqual(['import numpy as np', 'import umap']);
    expect(lines.join('\n')).toContain('"cells\\"\\nimport os\\u2028.csv" (SHA-256 abababababababab…)');
  });
});

describe('Python literals', () => {
  it('writes floats and escaped strings', () => {
    expect([1, 0.1, 1e-7, 250].map(pythonFloat)).toEqual(['1.0', '0.1', '1e-7', '250.0']);
    expect(pythonString('é\t')).toBe('"\\u00e9\\t"');
  });
});

describe('exportFileName', () => {
  it('names a file by dataset, n, seed and content', () => {
    expect(exportFileName(defaultConfig, 'embedding', 'csv')).toBe('umap-ring-n1000-seed3-embedding.csv');
    expect(
      exportFileName({ ...defaultConfig, dataset: 'csv', seed: 0 }, 'loss-curves', 'svg', {
        datasetName: 'Café cells (v2).CSV',
        n: 812,
      }),
    ).toBe('umap-cafe-cells-v2-n812-seed0-loss-curves.svg');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('***')).toBe('data');
  });
});
