import { CancelledError } from '../core/cancel';
import { gaussianBlobs, paperRing, paperRings, uniformSquare } from '../core/data';
import { UserError } from '../core/errors';
import { buildSimilarityGraph, degrees } from '../core/graph';
import { findAbParams } from '../core/kernel';
import { initialLayoutWithReport } from '../core/layout';
import { APPROXIMATE_KNN_MIN_POINTS, nearestNeighbors, sliceKnn } from '../core/neighbors';
import {
  createOptimizer,
  createParallelOptimizer,
  type Optimizer,
  type OptimizerOptions,
  type ShardAssignment,
} from '../core/optimizer';
import { deriveSeed } from '../core/random';
import type { Dataset, Graph, KnnResult } from '../core/types';
import { type ExplorerConfig, type Stage, stageKeys } from './config';
import { K_MAX, RING_COUNT } from './parameters';

/** What the stages before the optimizer produce for one configuration. */
export interface Artifacts {
  dataset: Dataset;
  graph: Graph;
  degrees: Float64Array;
  a: number;
  b: number;
  /** n×2 layout in [0, 10]², the optimizer's starting point. */
  initial: Float32Array;
  /** Said to the user, e.g. that spectral init fell back to random. */
  initMessage?: string;
}

/** Where parallel epochs can run: helper threads the caller has started (workers/shard.worker.ts). */
export interface ParallelEpochs {
  /** The most threads a run may use here (the helpers available, plus this thread). */
  maxThreads: number;
  startHelper(assignment: ShardAssignment): void;
}

/** The optimizer stage's result: the optimizer, and why it runs on fewer threads than asked, if it does. */
export interface RunOptimizer {
  optimizer: Optimizer;
  threadsMessage?: string;
}

/**
 * The optimizer stage: a fresh optimizer on the artifacts' graph from their initial layout, on
 * config.threads threads when `parallel` allows (else one, with a message saying why). The
 * multi-seed runs of Fig. 3 offset the run's seed (and, given no `parallel`, run on one thread).
 */
export function createRunOptimizer(
  config: ExplorerConfig,
  artifacts: Artifacts,
  seedOffset = 0,
  parallel?: ParallelEpochs,
): RunOptimizer {
  const options: OptimizerOptions = {
    graph: artifacts.graph,
    layout: artifacts.initial,
    nEpochs: config.epochs,
    a: artifacts.a,
    b: artifacts.b,
    m: config.m,
    learningRate: config.learningRate,
    pushNegatives: config.pushNegatives,
    sampling: config.sampling,
    seed: deriveSeed(config.seed + seedOffset, 'optimizer'),
  };
  if (config.threads <= 1) return { optimizer: createOptimizer(options) };
  const oneThreadBecause = singleThreadReason(config, parallel);
  if (oneThreadBecause !== undefined || !parallel) {
    return {
      optimizer: createOptimizer(options),
      threadsMessage: `${oneThreadBecause}; running on one thread.`,
    };
  }
  const threads = Math.min(config.threads, parallel.maxThreads);
  return {
    optimizer: createParallelOptimizer(options, threads, parallel.startHelper),
    threadsMessage:
      threads < config.threads ? `This browser offers ${threads} threads; running on ${threads}.` : undefined,
  };
}

/** Why a configuration asking for parallel epochs cannot have them here, if it cannot. */
function singleThreadReason(
  config: ExplorerConfig,
  parallel: ParallelEpochs | undefined,
): string | undefined {
  if (config.sampling === 'corrected')
    return 'Parallel epochs cover UMAP sampling only, not §7.3 corrected sampling';
  if (!parallel) return 'Parallel epochs need a cross-origin isolated page (shared memory)';
  if (parallel.maxThreads < 2) return 'This device reports a single processor core';
  return undefined;
}

export type StageProgress = (stage: Stage, fraction: number) => void;

/** A dataset loaded from outside the generators (a CSV, the bundled digits), with its identity. */
export interface ExternalDataset {
  id: string;
  dataset: Dataset;
}

export function generateDataset(config: ExplorerConfig): Dataset {
  const { n, seed } = config;
  switch (config.dataset) {
    case 'ring':
      return paperRing({ n, seed });
    case 'rings':
      if (n % RING_COUNT !== 0)
        throw new UserError(`The 20 rings need n to be a multiple of ${RING_COUNT}; got ${n}.`);
      return paperRings({ count: RING_COUNT, n: n / RING_COUNT, seed });
    case 'square':
      return uniformSquare({ n, seed });
    case 'blobs':
      return gaussianBlobs({ n, dim: 50, seed });
    default:
      throw new UserError(`The ${config.dataset} dataset has to be loaded first.`);
  }
}

/** The id under which the worker loads the bundled digits (workers/run.worker.ts). */
export const MNIST_ID = 'mnist';

/**
 * The first n digits of the bundled set (all of them if n is larger). The asset interleaves the
 * classes, so a prefix is balanced across the ten labels; the views share the loaded buffers.
 */
export function firstDigits(digits: Dataset, n: number): Dataset {
  if (n >= digits.n) return digits;
  if (n < 1) throw new UserError(`n = ${n}: choose at least one digit.`);
  return {
    ...digits,
    n,
    points: digits.points.subarray(0, n * digits.dim),
    labels: digits.labels?.subarray(0, n),
  };
}

/** The dataset a configuration asks for: generated, or the loaded external one it names. */
export function datasetFor(config: ExplorerConfig, external: ExternalDataset | null): Dataset {
  if (config.dataset === 'mnist') {
    if (external?.id !== MNIST_ID)
      throw new UserError(
        'The MNIST digits could not be loaded; check the connection and choose them again.',
      );
    return firstDigits(external.dataset, config.n);
  }
  if (config.dataset === 'csv') {
    if (!external || external.id === MNIST_ID) throw new UserError('Load a CSV file first.');
    return external.dataset;
  }
  return generateDataset(config);
}

/**
 * How many neighbours the kNN stage computes. Exact kNN (n < 4096) costs the same for any k, so it
 * computes the slider's largest k once; NN-descent's cost grows with k (10 000 MNIST digits: 15 s at
 * k = 15, 94 s at k = 50), so above that it computes max(k, 30) and recomputes only for a larger k.
 */
export function knnWidth(n: number, k: number): number {
  const width = n < APPROXIMATE_KNN_MIN_POINTS ? K_MAX : Math.max(k, 30);
  return Math.min(width, n - 1);
}

interface Entry<T> {
  key: string;
  value: T;
}

/**
 * The staged pipeline with one cached value per stage (openTSNE-style: each stage reusable).
 * `build` recomputes exactly the stages whose key changed; `shouldCancel` is polled during the
 * long stages and aborts them with a CancelledError, leaving the cache as it was.
 */
export function createStageCache() {
  let datasetEntry: Entry<Dataset> | null = null;
  let knnEntry: Entry<KnnResult> | null = null;
  let graphEntry: Entry<{ graph: Graph; degrees: Float64Array }> | null = null;
  let initEntry: Entry<{ initial: Float32Array; message?: string }> | null = null;

  function build(
    config: ExplorerConfig,
    external: ExternalDataset | null,
    onProgress: StageProgress = () => {},
    shouldCancel: () => boolean = () => false,
  ): Artifacts {
    const keys = stageKeys(config, external?.id);
    const progressOf = (stage: Stage) => (fraction: number) => {
      onProgress(stage, fraction);
      return !shouldCancel();
    };

    const dataset = datasetEntry?.key === keys.dataset ? datasetEntry.value : datasetFor(config, external);
    if (config.k >= dataset.n) {
      throw new UserError(
        `k = ${config.k} needs at least ${config.k + 1} points; this dataset has ${dataset.n}.`,
      );
    }

    // Reused while it has enough columns (kNN rows are sorted, so a wider result slices exactly).
    let knn = knnEntry?.key === keys.knn && knnEntry.value.k >= config.k ? knnEntry.value : null;
    const needsKnn = config.similarity !== 'dense';
    if (needsKnn && !knn) {
      onProgress('knn', 0);
      knn = nearestNeighbors(
        dataset,
        knnWidth(dataset.n, config.k),
        config.metric,
        progressOf('knn'),
        deriveSeed(config.seed, 'knn'),
      );
    }

    // The kernel's (a, b) of min_dist: shapes the dense similarities and the optimizer.
    const { a, b } = findAbParams(1, config.minDist);
    let graphValue = graphEntry?.key === keys.graph ? graphEntry.value : null;
    if (!graphValue) {
      onProgress('graph', 0);
      const graph = buildSimilarityGraph(dataset, knn && sliceKnn(knn, config.k), {
        mode: config.similarity,
        nEpochs: config.epochs,
        a,
        b,
      });
      graphValue = { graph, degrees: degrees(graph) };
    }

    let initValue = initEntry?.key === keys.init ? initEntry.value : null;
    if (!initValue) {
      onProgress('init', 0);
      const report = initialLayoutWithReport(
        config.init,
        dataset,
        graphValue.graph,
        deriveSeed(config.seed, 'init'),
        {
          onProgress: progressOf('init'),
        },
      );
      initValue = { initial: report.layout, message: report.message };
    }
    if (shouldCancel()) throw new CancelledError();

    // Commit only once every stage succeeded, so a failed or cancelled build keeps the old cache.
    datasetEntry = { key: keys.dataset, value: dataset };
    if (knn) knnEntry = { key: keys.knn, value: knn };
    graphEntry = { key: keys.graph, value: graphValue };
    initEntry = { key: keys.init, value: initValue };
    return {
      dataset,
      graph: graphValue.graph,
      degrees: graphValue.degrees,
      a,
      b,
      initial: initValue.initial,
      initMessage: initValue.message,
    };
  }

  return { build };
}

export type StageCache = ReturnType<typeof createStageCache>;
