import type { DatasetKind, ExplorerConfig } from '../../engine/config';
import { RING_COUNT } from '../../engine/stages';

/** The CSV a run was made from: its name (as the user's file had it) and content hash. */
export interface SnippetCsv {
  name: string;
  sha256?: string;
}

/** paperRings' default spacing, 3·r (algorithm.md §3.2). */
const RING_SPACING = 12;
/** Generated datasets with 2-D points, where data init applies. */
const planar: ReadonlySet<DatasetKind> = new Set(['ring', 'rings', 'square']);
const FORK = 'hci-unihd/UMAPs-true-loss';

/** A Python float literal: `1` → `1.0`, `0.1` → `0.1`, `1e-7` stays (valid Python). */
export function pythonFloat(value: number): string {
  const text = String(value);
  return /[.eE]/.test(text) || !Number.isFinite(value) ? text : `${text}.0`;
}

/**
 * A Python string literal safe to paste: JSON's escapes are Python's, and every non-ASCII or
 * control character is escaped, so a hostile file name cannot end the line or the string.
 */
export function pythonString(text: string): string {
  return JSON.stringify(text).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `get_ring` of the paper repo, re-implemented from algorithm.md §3.2 (same numpy draws). */
const getRingLines = [
  'def get_ring(n, r=4.0, var=0.5):',
  '    """The paper ring: n points at angles 2*pi*i/n, each moved uniformly within a disc of radius var."""',
  '    theta = 2 * np.pi * np.arange(n) / n',
  '    rho = np.sqrt(np.random.uniform(size=n)) * var  # all n draws of U first ...',
  '    phi = np.pi * np.random.uniform(0, 2, size=n)  # ... then all n draws of V',
  '    x = r * np.sin(theta) + rho * np.sin(phi)  # x is the sine',
  '    y = r * np.cos(theta) + rho * np.cos(phi)',
  '    return np.stack([x, y], axis=1)',
  '',
];

function datasetLines(config: ExplorerConfig, csv?: SnippetCsv): string[] {
  const { n, seed } = config;
  switch (config.dataset) {
    case 'ring':
      return [...getRingLines, `np.random.seed(${seed})`, `X = get_ring(${n})`];
    case 'rings': {
      const perRing = n / RING_COUNT;
      return [
        ...getRingLines,
        `# Fig. 1c: ${RING_COUNT} rings of ${perRing} points from one seeded stream, ring i shifted by (${RING_SPACING}*i, 0).`,
        `np.random.seed(${seed})`,
        `X = np.concatenate([get_ring(${perRing}) + np.array([${RING_SPACING} * i, 0]) for i in range(${RING_COUNT})])`,
      ];
    }
    case 'square':
      return [`np.random.seed(${seed})`, `X = np.random.uniform(size=(${n}, 2))`];
    case 'csv': {
      const hash = csv?.sha256 ? ` (SHA-256 ${csv.sha256.slice(0, 16)}…)` : '';
      return [
        csv
          ? `# Load X yourself: the feature columns of ${pythonString(csv.name)}${hash} you chose in the explorer,`
          : '# Load X yourself: the feature columns of your CSV file you chose in the explorer,',
        '# standardised if you standardised them there; one row per point.',
        'X = ...  # an (n, dim) float array',
      ];
    }
    default:
      return [
        `# Load X yourself: the explorer's "${config.dataset}" dataset (n = ${n}) has no numpy recipe here.`,
        'X = ...  # an (n, dim) float array',
      ];
  }
}

/** The paper's `graph=` recipes for its alternative input similarities (algorithm.md §3.3). */
function graphLines(config: ExplorerConfig): string[] {
  const { similarity, epochs, k, metric, seed } = config;
  if (similarity === 'umap') return [];
  const header = [
    '',
    `# Input similarities "${similarity}": the paper passes its own μ through \`graph=\`, an argument that`,
    `# exists only in the paper's fork ${FORK}; umap-learn itself has no such argument.`,
  ];
  if (similarity === 'dense') {
    return [
      ...header,
      '# Dense (Fig. 1d): μ_ij = φ(‖x_i − x_j‖) for all pairs of the raw data, diagonal (μ_ii = 1) included.',
      'import scipy.sparse',
      'from scipy.spatial.distance import pdist, squareform',
      'from umap.umap_ import find_ab_params',
      '',
      `a, b = find_ab_params(1.0, ${pythonFloat(config.minDist)})`,
      'distances = squareform(pdist(X))',
      'graph = scipy.sparse.coo_matrix(1.0 / (1.0 + a * distances ** (2 * b)))',
    ];
  }
  const transform =
    similarity === 'inverted'
      ? [
          '# Inverted (Fig. 2b): min(μ)/μ, so the strongest edge becomes the weakest and vice versa.',
          'graph.data = graph.data.min() / graph.data',
        ]
      : ['# Binary: every kNN-graph edge gets weight 1.', 'graph.data[:] = 1.0'];
  return [
    ...header,
    `# Fit once for umap-learn's μ, prune it as umap-learn would at n_epochs = ${epochs}, then transform it.`,
    `graph = umap.UMAP(n_neighbors=${k}, metric="${metric}", random_state=${seed}).fit(X).graph_.tocoo()`,
    `graph.data[graph.data < graph.data.max() / ${epochs}] = 0`,
    'graph.eliminate_zeros()',
    ...transform,
  ];
}

/**
 * A Python script that runs `config` in umap-learn: the same dataset (numpy-exact for the paper
 * ring and the uniform square), hyperparameters and seed. umap-learn's random stream differs from
 * ours, so the result matches in distribution, not point for point.
 */
export function umapLearnSnippet(config: ExplorerConfig, csv?: SnippetCsv): string {
  const fork = config.similarity !== 'umap' || config.pushNegatives;
  const init =
    config.init === 'data'
      ? planar.has(config.dataset)
        ? 'init=X,  # data init: the 2-D input itself, min-max scaled to [0, 10] by umap-learn'
        : 'init=X,  # data init: X must be 2-D'
      : `init="${config.init}",`;
  const lines = [
    '# The UMAP True-Loss Explorer run, in umap-learn (Damrich & Hamprecht, NeurIPS 2021).',
    fork
      ? `# Needs the paper's fork of umap-learn 0.5.0: https://github.com/${FORK}`
      : '# pip install umap-learn',
    'import numpy as np',
    'import umap',
    '',
    ...datasetLines(config, csv),
    ...graphLines(config),
    '',
    'reducer = umap.UMAP(',
    `    n_neighbors=${config.k},`,
    `    negative_sample_rate=${config.m},`,
    `    min_dist=${pythonFloat(config.minDist)},`,
    `    n_epochs=${config.epochs},`,
    `    ${init}`,
    `    random_state=${config.seed},`,
    `    learning_rate=${pythonFloat(config.learningRate)},`,
    `    metric="${config.metric}",`,
    ...(config.similarity !== 'umap' ? [`    graph=graph,  # only in ${FORK}`] : []),
    ...(config.pushNegatives ? [`    push_tail=True,  # push negatives: only in ${FORK}`] : []),
    ')',
    ...(config.sampling === 'corrected'
      ? [
          '# Corrected sampling (the explorer\'s "sampling: corrected") has no umap-learn counterpart:',
          "# this runs umap-learn's own negative sampling.",
        ]
      : []),
    'embedding = reducer.fit_transform(X)',
    '',
  ];
  return lines.join('\n');
}
