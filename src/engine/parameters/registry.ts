import type { SimilarityMode } from '../../core/graph';
import type { InitKind } from '../../core/layout';
import { type LossMode, MAX_THREADS, type NegNormalization, type SamplingMode } from '../../core/optimizer';
import type { Metric } from '../../core/types';
import {
  type BooleanParameter,
  booleanParameter,
  type ChoiceParameter,
  choiceParameter,
  integerParameter,
  type NumberParameter,
  numberParameter,
  type ParameterBase,
  type Stage,
} from './declarations';
import { epochMenu, K_MAX, RING_COUNT, sizeMenu, threadMenu } from './limits';

/**
 * The run parameters, one entry each, in the order links write them (a new one goes last). The
 * configuration's type, its defaults, the controls, links, validation, change planning and notes,
 * the umap-learn export and the README's table all follow from these entries; adding a parameter is
 * one entry here plus its use in the math.
 */
export const parameters = {
  dataset: choiceParameter({
    key: 'ds',
    name: 'dataset',
    label: 'dataset',
    help: "The points to embed: the paper's ring or 20 rings (Fig. 1), a uniform square, 50-D Gaussian blobs, MNIST digits, or your CSV.",
    choices: {
      ring: 'paper ring (2-D)',
      rings: `${RING_COUNT} rings (2-D)`,
      square: 'uniform square (2-D)',
      blobs: 'Gaussian blobs (50-D)',
      mnist: 'MNIST digits (784-D)',
      csv: 'your CSV',
    },
    default: 'ring',
    effect: 'dataset',
    umapLearn: { none: 'the data itself, X' },
  }),
  n: integerParameter({
    key: 'n',
    name: 'n',
    label: 'points n',
    help: 'How many points the dataset has; a loaded CSV has its own.',
    min: 20,
    max: 200_000,
    menu: (config: ExplorerConfig): readonly number[] => sizeMenu(config.dataset),
    default: 1000,
    effect: (config: ExplorerConfig): Stage | null => (config.dataset === 'csv' ? null : 'dataset'),
    umapLearn: { none: 'the rows of X' },
  }),
  seed: integerParameter({
    key: 'seed',
    name: 'seed',
    label: 'seed',
    help: 'Seeds the generated data, the initial layout and the optimizer, so the same seed gives the same run.',
    min: 0,
    max: 4_294_967_295,
    default: 3,
    // MNIST and a CSV are not drawn from the seed; it still seeds the layout and the optimizer.
    effect: (config: ExplorerConfig): Stage | null =>
      config.dataset === 'mnist' || config.dataset === 'csv' ? 'init' : 'dataset',
    umapLearn: { keyword: 'random_state' },
  }),
  k: integerParameter({
    key: 'k',
    name: 'k',
    label: 'neighbours k',
    help: 'How many nearest neighbours of each point the input similarities μ are built on.',
    min: 2,
    max: K_MAX,
    slider: { min: 2, max: K_MAX, step: 1 },
    default: 15,
    // The neighbours are found once at the widest k and sliced, so k only rebuilds the graph.
    effect: 'graph',
    umapLearn: { keyword: 'n_neighbors' },
  }),
  m: numberParameter({
    key: 'm',
    name: 'm',
    label: 'negative samples m',
    help: 'How many negative samples repel the head of each sampled edge.',
    min: 1,
    // The slider's 30 covers UMAP's use; sweeps and links reach Neg-t-SNE's m of the ICLR 2023 paper.
    max: 500,
    slider: { min: 1, max: 30, step: 1 },
    default: 5,
    effect: 'live',
    umapLearn: { keyword: 'negative_sample_rate' },
  }),
  similarity: choiceParameter({
    key: 'sim',
    name: 'similarities',
    label: 'similarity',
    help: "The input similarities μ: UMAP's, inverted min(μ)/μ (Fig. 2b), the binary kNN graph, or φ of every input distance (Fig. 1d).",
    choices: {
      umap: 'UMAP μ',
      inverted: 'inverted min(μ)/μ',
      binary: 'binary kNN',
      dense: 'dense φ(‖xᵢ − xⱼ‖)',
    } satisfies Record<SimilarityMode, string>,
    default: 'umap',
    effect: 'graph',
    umapLearn: { none: "umap-learn builds UMAP's μ only; the export builds the others with its functions" },
  }),
  init: choiceParameter({
    key: 'init',
    name: 'init',
    label: 'init',
    help: 'Where the optimizer starts: at the input coordinates (2-D data only), a spectral embedding of the graph, or random points.',
    choices: {
      data: 'data (input coordinates)',
      spectral: 'spectral',
      random: 'random',
    } satisfies Record<InitKind, string>,
    default: 'data',
    effect: 'init',
    umapLearn: { keyword: 'init' },
  }),
  epochs: integerParameter({
    key: 'epochs',
    name: 'epochs',
    label: 'epochs',
    help: 'How many passes the optimizer makes; μ below max(μ) / epochs is pruned, as umap-learn does.',
    min: 11,
    max: 20_000,
    menu: () => epochMenu,
    default: 500,
    // The pruning threshold is part of the graph.
    effect: 'graph',
    umapLearn: { keyword: 'n_epochs' },
  }),
  learningRate: numberParameter({
    key: 'lr',
    name: 'learning rate',
    label: 'learning rate α₀',
    help: "The optimizer's first step size, decreased linearly to 0 over the epochs.",
    min: 0.001,
    max: 10,
    slider: { min: 0.05, max: 2, step: 0.05 },
    default: 1,
    effect: 'live',
    umapLearn: { keyword: 'learning_rate', float: true },
  }),
  minDist: numberParameter({
    key: 'md',
    name: 'min_dist',
    label: 'min_dist',
    help: 'Shapes the embedding similarity φ(d) = 1 / (1 + a·d^2b): how closely points may pack.',
    min: 0,
    max: 0.99,
    slider: { min: 0, max: 0.99, step: 0.01 },
    default: 0.1,
    // The dense similarities (Fig. 1d) are φ of the input distances: min_dist is part of that graph.
    effect: (config: ExplorerConfig): Stage | null => (config.similarity === 'dense' ? 'graph' : 'optimizer'),
    umapLearn: { keyword: 'min_dist', float: true },
  }),
  pushNegatives: booleanParameter({
    key: 'push',
    name: 'push negatives',
    label: 'push negatives',
    help: "Also moves each negative sample away, as the paper's Algorithm 1 (line 10) does; umap-learn moves the head only.",
    hint: 'also move the negative sample (Algorithm 1, line 10)',
    default: false,
    effect: 'optimizer',
    umapLearn: { none: "the paper's variant (its fork's push_tail=True)" },
  }),
  sampling: choiceParameter({
    key: 'sampling',
    name: 'sampling',
    label: 'sampling',
    help: "How negative samples repel: UMAP's way, or the paper's correction (§7.3) under which the optimizer descends the purported loss.",
    choices: { umap: 'UMAP', corrected: 'corrected (§7.3)' } satisfies Record<SamplingMode, string>,
    default: 'umap',
    effect: 'optimizer',
    umapLearn: { none: "the paper's variant (§7.3, eq. 18)" },
  }),
  metric: choiceParameter({
    key: 'metric',
    name: 'metric',
    label: 'metric',
    help: 'The input distance the nearest neighbours are found by.',
    choices: { euclidean: 'euclidean', cosine: 'cosine' } satisfies Record<Metric, string>,
    default: 'euclidean',
    effect: 'knn',
    umapLearn: { keyword: 'metric' },
  }),
  threads: integerParameter({
    key: 'threads',
    name: 'threads',
    label: 'threads per epoch',
    help: 'Threads sharing each epoch: 1 is reproducible from the seed; more run Hogwild-style parallel epochs (core/optimizer/parallelOptimizer.ts).',
    hint: 'more than 1: Hogwild-style parallel epochs, faster but not reproducible from the seed',
    min: 1,
    max: MAX_THREADS,
    menu: () => threadMenu,
    default: 1,
    effect: 'optimizer',
    umapLearn: { none: 'umap-learn runs one thread when given a random_state' },
    linkOmitsDefault: true,
  }),
  loss: choiceParameter({
    key: 'loss',
    name: 'loss',
    label: 'loss',
    help: "What the optimizer minimises: UMAP's loss, a contrastive loss of the t-SNE ↔ UMAP spectrum (ICLR 2023: NEG / Neg-t-SNE, NCE, InfoNCE), or t-SNE with exaggeration ρ (JMLR 2022).",
    choices: {
      umap: 'UMAP',
      neg: 'NEG (Neg-t-SNE)',
      nce: 'NCE (learned Z̄)',
      infonce: 'InfoNCE',
      tsne: 't-SNE (exaggeration ρ)',
    } satisfies Record<LossMode | 'tsne', string>,
    default: 'umap',
    effect: 'optimizer',
    umapLearn: {
      none: "umap-learn minimises UMAP's loss only; the others are contrastive-ne's and openTSNE's",
    },
    linkOmitsDefault: true,
  }),
  spectrum: numberParameter({
    key: 's',
    name: 'spectrum s',
    label: 'spectrum s',
    help: 'Where NEG and InfoNCE sit between t-SNE (s = 0) and UMAP (s = 1): NEG fixes Z̄(s) = 100n·(n/500)^s, InfoNCE weighs its repulsion by 4^(−s).',
    hint: '0: t-SNE-like · 1: UMAP-like (NEG, InfoNCE)',
    min: -1,
    max: 2,
    slider: { min: 0, max: 1, step: 0.05 },
    default: 1,
    effect: 'live',
    umapLearn: { none: "contrastive-ne's s" },
    linkOmitsDefault: true,
  }),
  normalization: choiceParameter({
    key: 'zbar',
    name: 'NEG normalisation',
    label: 'NEG Z̄',
    help: "How NEG fixes its normalisation Z̄: from the spectrum s (contrastive-ne), or Z̄ = n²/m, the ICLR 2023 paper's Neg-t-SNE, where m moves it along the spectrum.",
    choices: { spectrum: 'from s', 'per-m': 'n²/m (ICLR 2023)' } satisfies Record<NegNormalization, string>,
    default: 'spectrum',
    effect: 'optimizer',
    umapLearn: { none: "contrastive-ne's Z_bar" },
    linkOmitsDefault: true,
  }),
  exaggeration: numberParameter({
    key: 'rho',
    name: 'exaggeration ρ',
    label: 'exaggeration ρ',
    help: "t-SNE's attraction multiplied by ρ after its early phase: 1 is t-SNE, about 4 UMAP-like, 30 and above Laplacian-eigenmaps-like (JMLR 2022).",
    min: 0.1,
    max: 100,
    slider: { min: 1, max: 50, step: 1 },
    default: 1,
    effect: (config: ExplorerConfig): Stage | null => (config.loss === 'tsne' ? 'optimizer' : null),
    umapLearn: { none: "openTSNE's exaggeration" },
    linkOmitsDefault: true,
  }),
};

export type ParameterName = keyof typeof parameters;

/** Everything that defines a run, one field per registry entry: what the controls show and a link carries. */
export type ExplorerConfig = { -readonly [K in ParameterName]: (typeof parameters)[K]['default'] };

export type DatasetKind = ExplorerConfig['dataset'];
/** How negative samples repel (the optimizer's `sampling` option). */

type NamesOf<Value> = { [K in ParameterName]: ExplorerConfig[K] extends Value ? K : never }[ParameterName];
export type NumberParameterName = NamesOf<number>;
export type ChoiceParameterName = NamesOf<string>;
export type BooleanParameterName = NamesOf<boolean>;
/** Parameters the running optimizer takes without a restart. */
export type LiveParameter = {
  [K in ParameterName]: (typeof parameters)[K]['effect'] extends 'live' ? K : never;
}[ParameterName];

/** Every parameter's name, in registry order (a record literal's keys are exactly its names). */
export const parameterNames = Object.keys(parameters) as ParameterName[];
export const numberParameterNames = parameterNames.filter(
  (name): name is NumberParameterName =>
    parameters[name].type === 'integer' || parameters[name].type === 'number',
);
export const choiceParameterNames = parameterNames.filter(
  (name): name is ChoiceParameterName => parameters[name].type === 'choice',
);

/** The registry seen by kind, for code that handles one kind; loop over the name lists, not over these. */
export const numberParameters: { readonly [K in NumberParameterName]: NumberParameter } = parameters;
export const choiceParameters: { readonly [K in ChoiceParameterName]: ChoiceParameter<ExplorerConfig[K]> } =
  parameters;
export const booleanParameters: { readonly [K in BooleanParameterName]: BooleanParameter } = parameters;

/** The registry seen generically: entry K reads and writes values of type ExplorerConfig[K]. */
const byValue: { readonly [K in ParameterName]: ParameterBase<ExplorerConfig[K]> } = parameters;

/** A link's text for parameter `name` as its value; undefined when the text is not one. */
export function parseParameter<K extends ParameterName>(
  name: K,
  text: string,
): ExplorerConfig[K] | undefined {
  return byValue[name].parse(text);
}

export function formatParameter<K extends ParameterName>(name: K, value: ExplorerConfig[K]): string {
  return byValue[name].format(value);
}

/** `config` with one parameter changed; typed so that a value only goes to a parameter of its type. */
export function withParameter<K extends ParameterName>(
  config: ExplorerConfig,
  name: K,
  value: ExplorerConfig[K],
): ExplorerConfig {
  const next = { ...config };
  next[name] = value;
  return next;
}
