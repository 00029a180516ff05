import { UserError } from './errors';
import { buildSimilarityGraph, type SimilarityMode } from './graph/similarityGraph';
import { findAbParams } from './kernel';
import { type InitKind, initialLayout } from './layout/init';
import { nearestNeighbors } from './neighbors/knn';
import {
  createOptimizer,
  type EpochStats,
  type Optimizer,
  type OptimizerOptions,
} from './optimizer/optimizer';
import { createParallelOptimizer, type ShardAssignment } from './optimizer/parallelOptimizer';
import { deriveSeed } from './random';
import type { Dataset, Graph, Metric } from './types';

export type SamplingMode = 'umap' | 'corrected';

/** One UMAP run, in umap-learn's vocabulary (defaults as umap-learn 0.5, docs/algorithm.md §1.1). */
export interface UmapConfig {
  /** n_neighbors, self included (umap-learn semantics). */
  k: number;
  metric: Metric;
  similarity: SimilarityMode;
  /** Default: 500 for n ≤ 10 000, else 200 (docs/algorithm.md §1.6). */
  nEpochs: number;
  init: InitKind;
  /** negative_sample_rate. */
  m: number;
  learningRate: number;
  minDist: number;
  spread: number;
  pushNegatives: boolean;
  sampling: SamplingMode;
  seed: number;
  trackLoss: boolean;
  logAfter: boolean;
}

export const defaultEpochs = (n: number): number => (n <= 10_000 ? 500 : 200);

export function umapConfig(n: number, overrides: Partial<UmapConfig> = {}): UmapConfig {
  return {
    k: 15,
    metric: 'euclidean',
    similarity: 'umap',
    nEpochs: defaultEpochs(n),
    init: 'spectral',
    m: 5,
    learningRate: 1,
    minDist: 0.1,
    spread: 1,
    pushNegatives: false,
    sampling: 'umap',
    seed: 0,
    trackLoss: true,
    logAfter: false,
    ...overrides,
  };
}

export interface PreparedRun {
  a: number;
  b: number;
  graph: Graph;
  initial: Float32Array;
  optimizer: Optimizer;
}

/** Parallel epochs for prepareRun: how many threads, and how to start a helper (parallelOptimizer.ts). */
export interface ParallelRun {
  threads: number;
  startHelper(assignment: ShardAssignment): void;
}

/**
 * The stages of docs/design.md up to a ready optimizer: dataset → kNN → graph μ → (a, b) → initial
 * layout → optimizer (on parallel.threads threads when given and above 1). The engine runs the same
 * stage functions with caching.
 */
export function prepareRun(ds: Dataset, config: UmapConfig, parallel?: ParallelRun): PreparedRun {
  if (!Number.isInteger(config.nEpochs) || config.nEpochs < 1) {
    throw new UserError(`The number of epochs must be a whole number of at least 1; got ${config.nEpochs}.`);
  }
  const { a, b } = findAbParams(config.spread, config.minDist);
  const knn =
    config.similarity === 'dense'
      ? null
      : nearestNeighbors(ds, config.k, config.metric, undefined, deriveSeed(config.seed, 'knn'));
  const graph = buildSimilarityGraph(ds, knn, { mode: config.similarity, nEpochs: config.nEpochs, a, b });
  const initial = initialLayout(config.init, ds, graph, deriveSeed(config.seed, 'init'));
  const options: OptimizerOptions = {
    graph,
    layout: initial,
    nEpochs: config.nEpochs,
    a,
    b,
    m: config.m,
    learningRate: config.learningRate,
    pushNegatives: config.pushNegatives,
    sampling: config.sampling,
    seed: deriveSeed(config.seed, 'optimizer'),
    trackLoss: config.trackLoss,
    logAfter: config.logAfter,
  };
  const optimizer =
    parallel && parallel.threads > 1
      ? createParallelOptimizer(options, parallel.threads, parallel.startHelper)
      : createOptimizer(options);
  return { a, b, graph, initial, optimizer };
}

export interface UmapResult extends Omit<PreparedRun, 'optimizer'> {
  embedding: Float32Array;
  stats: EpochStats[];
}

/** A whole run, headless: what the bench, the tests and the closing-note scripts call. */
export function runUmap(
  ds: Dataset,
  config: UmapConfig,
  onEpoch?: (stats: EpochStats, embedding: Float32Array) => void,
): UmapResult {
  const { optimizer, ...prepared } = prepareRun(ds, config);
  const stats: EpochStats[] = [];
  for (let epoch = 0; epoch < config.nEpochs; epoch++) {
    for (const epochStats of optimizer.step(1)) {
      stats.push(epochStats);
      onEpoch?.(epochStats, optimizer.embedding);
    }
  }
  return { ...prepared, embedding: optimizer.embedding, stats };
}
