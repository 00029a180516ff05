/** Stage-by-stage timings of our pipeline (src/core) on one dataset, as `prepareRun` runs it. */

import { buildSimilarityGraph } from '../core/graph';
import { findAbParams } from '../core/kernel';
import { initialLayout } from '../core/layout';
import { evaluateLosses } from '../core/losses';
import { nearestNeighbors } from '../core/neighbors';
import { createOptimizer, type OptimizerBackend } from '../core/optimizer';
import { deriveSeed } from '../core/random';
import type { Dataset, Graph, KnnResult } from '../core/types';
import { collectGarbage, createRssSampler, type RssSampler, timed } from './measure';

export const K = 15;
export const NEGATIVE_SAMPLE_RATE = 5;
/** Above this, the exact O(n²) loss is not timed (losses.ts switches to the far field there). */
const EXACT_LOSS_MAX_N = 5000;
/** From here on, the far-field loss is timed (and compared with exact where both run). */
const FAR_FIELD_MIN_N = 5000;

export interface OptimizeTiming {
  backend: OptimizerBackend;
  trackLoss: boolean;
  ms: number;
  /** Edge samples plus negative samples over all epochs (EpochStats). */
  updates: number;
  updatesPerSecond: number;
}

export interface LossTiming {
  exactMs?: number;
  farFieldMs?: number;
  /** |far field − exact| / |exact| on the total effective and purported loss, the larger. */
  farFieldRelativeError?: number;
}

export interface CoreResult {
  knnMs: number;
  graphMs: number;
  initMs: number;
  edges: number;
  /** The default backend ('auto': WASM), trackLoss false: what a headless run does. */
  optimize: OptimizeTiming;
  /** The same with trackLoss true: what the app runs (the actual loss every epoch). */
  optimizeTracked: OptimizeTiming;
  /** TypeScript with trackLoss false and true: the reference path and what loss tracking costs. */
  optimizeTypescript: OptimizeTiming;
  optimizeTypescriptTracked: OptimizeTiming;
  /** kNN + graph + init + optimize (default backend). */
  totalMs: number;
  loss: LossTiming;
  peakRssMb: number;
  knn: KnnResult;
}

function runOptimizer(
  graph: Graph,
  initial: Float32Array,
  nEpochs: number,
  seed: number,
  backend: 'auto' | OptimizerBackend,
  trackLoss: boolean,
  memory: RssSampler,
): { timing: OptimizeTiming; embedding: Float32Array } {
  const { a, b } = findAbParams(1, 0.1);
  let updates = 0;
  const { ms, value: optimizer } = timed(() => {
    const run = createOptimizer({
      graph,
      layout: initial,
      nEpochs,
      a,
      b,
      m: NEGATIVE_SAMPLE_RATE,
      seed: deriveSeed(seed, 'optimizer'),
      trackLoss,
      backend,
    });
    for (let epoch = 0; epoch < nEpochs; epoch++) {
      for (const stats of run.step(1)) updates += stats.edgeSamples + stats.negativeSamples;
      memory.sample();
    }
    return run;
  });
  return {
    timing: { backend: optimizer.backend, trackLoss, ms, updates, updatesPerSecond: updates / (ms / 1000) },
    embedding: optimizer.embedding,
  };
}

function relativeError(approximate: number, exact: number): number {
  return Math.abs(approximate - exact) / Math.abs(exact);
}

function timeLosses(graph: Graph, embedding: Float32Array): LossTiming {
  const { a, b } = findAbParams(1, 0.1);
  const options = { a, b, m: NEGATIVE_SAMPLE_RATE };
  const exact =
    graph.n <= EXACT_LOSS_MAX_N
      ? timed(() => evaluateLosses(graph, embedding, { ...options, approximate: false }))
      : undefined;
  const farField =
    graph.n >= FAR_FIELD_MIN_N
      ? timed(() => evaluateLosses(graph, embedding, { ...options, approximate: true }))
      : undefined;
  const farFieldRelativeError =
    exact && farField
      ? Math.max(
          relativeError(farField.value.effective.total, exact.value.effective.total),
          relativeError(farField.value.purported.total, exact.value.purported.total),
        )
      : undefined;
  return { exactMs: exact?.ms, farFieldMs: farField?.ms, farFieldRelativeError };
}

/** kNN → graph μ → spectral init → 500 epochs (k = 15, m = 5, umap-learn defaults otherwise). */
export function benchCore(ds: Dataset, nEpochs: number, seed: number): CoreResult {
  collectGarbage();
  const memory = createRssSampler();
  const sample = (): void => memory.sample();
  const { a, b } = findAbParams(1, 0.1);
  const knn = timed(() => nearestNeighbors(ds, K, 'euclidean', sample, deriveSeed(seed, 'knn')));
  memory.sample();
  const graph = timed(() => buildSimilarityGraph(ds, knn.value, { mode: 'umap', nEpochs, a, b }));
  memory.sample();
  const init = timed(() => initialLayout('spectral', ds, graph.value, deriveSeed(seed, 'init'), sample));
  memory.sample();
  const optimize = runOptimizer(graph.value, init.value, nEpochs, seed, 'auto', false, memory);
  const peakRssMb = memory.peakMb();
  // The comparison runs come after the peak: they would only add the same graph's second copy.
  const wasmTracked = runOptimizer(graph.value, init.value, nEpochs, seed, 'auto', true, memory);
  const typescript = runOptimizer(graph.value, init.value, nEpochs, seed, 'typescript', false, memory);
  const tracked = runOptimizer(graph.value, init.value, nEpochs, seed, 'typescript', true, memory);
  return {
    knnMs: knn.ms,
    graphMs: graph.ms,
    initMs: init.ms,
    edges: graph.value.rowPtr[graph.value.n],
    optimize: optimize.timing,
    optimizeTracked: wasmTracked.timing,
    optimizeTypescript: typescript.timing,
    optimizeTypescriptTracked: tracked.timing,
    totalMs: knn.ms + graph.ms + init.ms + optimize.timing.ms,
    loss: timeLosses(graph.value, optimize.embedding),
    peakRssMb,
    knn: knn.value,
  };
}
