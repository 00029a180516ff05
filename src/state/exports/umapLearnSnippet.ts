import type { DatasetKind, ExplorerConfig } from '../../engine/config';
import { type ParameterName, parameterNames, parameters } from '../../engine/parameters';
import { datasetPart, type PythonPart, type SnippetCsv } from './pythonDatasets';
import { pythonFloat, pythonString } from './pythonLiterals';

export type { SnippetCsv } from './pythonDatasets';
export { pythonFloat, pythonString } from './pythonLiterals';

/** Generated datasets with 2-D points, where data init applies. */
const planar: ReadonlySet<DatasetKind> = new Set(['ring', 'rings', 'square']);
const FORK = 'hci-unihd/UMAPs-true-loss';

/**
 * The first lines: what the script is, and every way in which it cannot be the explorer's run
 * (stock umap-learn has no push of negative samples, no corrected sampling and only UMAP's loss).
 */
/** The losses other than UMAP's, as the header names them, and where they come from. */
const lossNames: Record<Exclude<ExplorerConfig['loss'], 'umap'>, string> = {
  neg: 'NEG (Neg-t-SNE)',
  nce: 'NCE',
  infonce: 'InfoNCE',
  tsne: 't-SNE with exaggeration',
};
const lossHomes: Record<Exclude<ExplorerConfig['loss'], 'umap'>, string> = {
  neg: "contrastive-ne's CNE(loss_mode='neg') runs it",
  nce: "contrastive-ne's CNE(loss_mode='nce') runs it",
  infonce: "contrastive-ne's CNE(loss_mode='infonce') runs it",
  tsne: "openTSNE's TSNE(exaggeration=...) runs it",
};

function headerLines(config: ExplorerConfig): string[] {
  const lines = [
    '# The UMAP True-Loss Explorer run, in stock umap-learn 0.5 (Damrich & Hamprecht, NeurIPS 2021).',
  ];
  if (config.pushNegatives) {
    lines.push(
      '# NOT THE SAME RUN: the explorer pushed the negative samples too (Algorithm 1, line 10). Stock',
      `# umap-learn cannot (only the paper's fork ${FORK} can, with push_tail=True),`,
      '# so this runs the nearest stock configuration: the same run without that push.',
    );
  }
  if (config.sampling === 'corrected') {
    lines.push(
      "# NOT THE SAME RUN: the explorer used the paper's corrected sampling (section 7.3, eq. 18), which",
      "# umap-learn has no counterpart for, so this runs umap-learn's own negative sampling.",
    );
  }
  if (config.loss !== 'umap') {
    lines.push(
      `# NOT THE SAME RUN: the explorer minimised ${lossNames[config.loss]}, not UMAP's loss; umap-learn`,
      `# has no such loss (${lossHomes[config.loss]}), so this runs UMAP on the same graph.`,
    );
  }
  if (config.threads > 1) {
    lines.push(
      `# The explorer ran each epoch on ${config.threads} threads; umap-learn with a random_state runs one.`,
    );
  }
  lines.push(
    '# pip install umap-learn (or Debian: apt install umap-learn). Same data, graph and hyperparameters;',
    "# umap-learn's random stream is not the explorer's, so the embedding matches in distribution, not",
    '# point for point.',
  );
  return lines;
}

/** umap-learn's keyword for parameter `name` (engine/parameters registry), or null where it has none. */
function keywordOf(name: ParameterName): string | null {
  const { umapLearn } = parameters[name];
  return 'keyword' in umapLearn ? umapLearn.keyword : null;
}

/** `keyword=value,` for parameter `name`: a float where umap-learn documents one (1.0, not 1). */
function argument(name: ParameterName, config: ExplorerConfig): string {
  const { umapLearn } = parameters[name];
  const value = config[name];
  const literal =
    typeof value === 'string'
      ? pythonString(value)
      : typeof value === 'number' && 'float' in umapLearn
        ? pythonFloat(value)
        : String(value);
  return `${keywordOf(name)}=${literal},`;
}

function initArgument(config: ExplorerConfig): string {
  if (config.init !== 'data') return argument('init', config);
  return planar.has(config.dataset)
    ? 'init=X,  # data init: the 2-D input itself, min-max scaled to [0, 10] by umap-learn'
    : 'init=X,  # data init: X must be 2-D';
}

/** UMAP's own similarities: the estimator, as anyone would call it, with every parameter umap-learn has. */
function estimatorPart(config: ExplorerConfig): PythonPart {
  const keywordLines = parameterNames
    .filter((name) => keywordOf(name) !== null)
    .map((name) => `    ${name === 'init' ? initArgument(config) : argument(name, config)}`);
  const lines = ['reducer = umap.UMAP(', ...keywordLines, ')', 'embedding = reducer.fit_transform(X)'];
  return { imports: ['import umap'], lines };
}

/** The explorer's pruning (core/graph/similarities.ts pruneGraph), in float64 as it compares. */
function pruneLines(epochs: number): string[] {
  return [
    `# Pruned as the explorer prunes it before init and SGD: entries below max / n_epochs = max / ${epochs} go.`,
    'mu = mu.tocsr()',
    `mu.data[mu.data.astype(np.float64) < float(mu.data.max()) / ${epochs}] = 0`,
    'mu.eliminate_zeros()',
  ];
}

/** μ of the run's similarity mode, as a scipy sparse matrix `graph` (core/graph/similarityGraph.ts). */
function similarityLines(config: ExplorerConfig): string[] {
  const { similarity, epochs, k, metric } = config;
  if (similarity === 'dense') {
    return [
      '# Dense similarities (Fig. 1d): mu_ij = 1 / (1 + a * |x_i - x_j|^(2b)) for all pairs, the diagonal',
      '# (mu_ii = 1) included, on Euclidean distances whatever the metric, as the explorer computes them',
      "# (its own fit of a, b agrees with umap-learn's find_ab_params to about 1e-7).",
      'squared = np.zeros((len(X), len(X)))',
      'for column in X.astype(np.float64).T:  # summed dimension by dimension, as the explorer does',
      '    difference = np.subtract.outer(column, column)',
      '    squared += difference * difference',
      'np.power(squared, b, out=squared)',
      'squared *= a',
      'squared += 1',
      'mu = scipy.sparse.csr_matrix(np.reciprocal(squared, out=squared).astype(np.float32))',
      'del squared, difference',
      ...pruneLines(epochs),
      'graph = mu',
    ];
  }
  const transform =
    similarity === 'inverted'
      ? [
          '# Inverted (Fig. 2b): min(mu) / mu, so the strongest edge becomes the weakest and vice versa.',
          'graph = mu.copy()',
          'graph.data = mu.data.min() / mu.data',
        ]
      : similarity === 'binary'
        ? [
            '# Binary: every kNN-graph edge left after pruning gets weight 1.',
            'graph = mu.copy()',
            'graph.data[:] = 1.0',
          ]
        : ['graph = mu'];
  return [
    `# umap-learn's fuzzy simplicial set mu, built as UMAP.fit builds it: on the exact ${k} nearest`,
    '# neighbours (all pairwise distances) below 4 096 points, as the explorer; on NN-descent above.',
    'if len(X) < 4096:',
    `    mu = fuzzy_simplicial_set(pairwise_distances(X, metric="${metric}"), ${k}, random_state, "precomputed")[0]`,
    'else:',
    `    mu = fuzzy_simplicial_set(X, ${k}, random_state, "${metric}")[0]`,
    ...pruneLines(epochs),
    ...transform,
  ];
}

/**
 * The explorer's other input similarities: umap-learn's UMAP class takes no graph of its own, so the
 * script builds μ from umap-learn's public functions and hands it to simplicial_set_embedding, the
 * function UMAP.fit_transform ends with.
 */
function graphEmbeddingPart(config: ExplorerConfig): PythonPart {
  const name = {
    inverted: 'inverted, min(mu) / mu (Fig. 2b)',
    binary: 'binary kNN graph',
    dense: 'dense phi of all pairs (Fig. 1d)',
    umap: 'UMAP',
  }[config.similarity];
  const lines = [
    `# Input similarities: ${name}. umap-learn's UMAP class cannot take a graph`,
    "# of our own, so this builds it with umap-learn's public functions and embeds it with",
    '# simplicial_set_embedding, the function UMAP.fit_transform ends with.',
    `random_state = np.random.RandomState(${config.seed})`,
    'X = np.asarray(X, dtype=np.float32)  # umap-learn works in float32 (UMAP.fit converts X alike)',
    `a, b = find_ab_params(1.0, ${pythonFloat(config.minDist)})  # the kernel 1 / (1 + a d^(2b)) of min_dist, spread 1`,
    '',
    ...similarityLines(config),
    '',
    '# simplicial_set_embedding prunes at max / n_epochs again (nothing is left below it) and min-max',
    '# scales the initial layout to [0, 10], as the explorer does: nothing is applied twice.',
    'embedding, _ = simplicial_set_embedding(',
    '    data=X,',
    '    graph=graph,',
    '    n_components=2,',
    `    initial_alpha=${pythonFloat(config.learningRate)},  # ${keywordOf('learningRate')}`,
    '    a=a,',
    '    b=b,',
    '    gamma=1.0,  # repulsion_strength',
    `    ${argument('m', config)}`,
    `    ${argument('epochs', config)}`,
    `    ${initArgument(config)}`,
    '    random_state=random_state,',
    `    ${argument('metric', config)}`,
    '    metric_kwds={},',
    '    densmap=False,',
    '    densmap_kwds={},',
    '    output_dens=False,',
    ')',
  ];
  const umapImport = `from umap.umap_ import find_ab_params, ${config.similarity === 'dense' ? '' : 'fuzzy_simplicial_set, '}simplicial_set_embedding`;
  const graphImport =
    config.similarity === 'dense' ? 'import scipy.sparse' : 'from sklearn.metrics import pairwise_distances';
  return { imports: [graphImport, umapImport], lines };
}

/** Import lines in PEP 8 order: the standard library, then numpy, scipy, scikit-learn, umap. */
function importLines(imports: readonly string[]): string[] {
  const thirdParty = ['numpy', 'scipy', 'sklearn', 'umap'];
  const moduleOf = (line: string) => line.split(' ')[1].split('.')[0];
  const unique = [...new Set(['import numpy as np', ...imports])];
  const standard = unique.filter((line) => !thirdParty.includes(moduleOf(line))).sort();
  const others = unique
    .filter((line) => thirdParty.includes(moduleOf(line)))
    .sort((a, b) => thirdParty.indexOf(moduleOf(a)) - thirdParty.indexOf(moduleOf(b)));
  return standard.length > 0 ? [...standard, '', ...others] : others;
}

/**
 * A Python script that runs `config` in stock umap-learn 0.5 unmodified: the same input points
 * (numpy-exact for the ring, rings and square; our own generator for the blobs; the npm package's
 * digits; the user's file read as the explorer read it), the same graph μ and hyperparameters and
 * seed. umap-learn's random stream differs from ours, so the result matches in distribution, not
 * point for point; what stock umap-learn cannot do (push negatives, corrected sampling) is said at
 * the top and left out.
 */
export function umapLearnSnippet(config: ExplorerConfig, csv?: SnippetCsv): string {
  const data = datasetPart(config, csv);
  const embed = config.similarity === 'umap' ? estimatorPart(config) : graphEmbeddingPart(config);
  const lines = [
    ...headerLines(config),
    ...importLines([...data.imports, ...embed.imports]),
    '',
    ...data.lines,
    '',
    ...embed.lines,
    '',
  ];
  return lines.join('\n');
}
