/** Stage-by-stage timings of the app's pipeline (src/engine/pipeline) on one configuration. */

import { evaluateLosses } from '../core/losses';
import { sliceKnn } from '../core/neighbors';
import type { OptimizerBackend } from '../core/optimizer';
import type { Dataset, KnnResult } from '../core/types';
import { defaultConfig, type ExplorerConfig, type Stage } from '../engine/config';
import { type Artifacts, createRunOptimizer, createStageCache, runEpochs } from '../engine/pipeline';
import { collectGarbage, createRssSampler, type RssSampler, timed } from './measure';

/** Above this, the exact O(n²) loss is not timed (losses.ts switches to the far field there). */
const EXACT_LOSS_MAX_N = 5000;
/** From here on, the far-field loss is timed (and compared with exact where both run). */
const FAR_FIELD_MIN_N = 5000;

/** The bench's run of a generated dataset: umap-learn's defaults (k = 15, m = 5, spectral init). */
export function benchConfig(
  dataset: ExplorerConfig['dataset'],
  n: number,
  epochs: number,
  seed: number,
): ExplorerConfig {
  return { ...defaultConfig, dataset, n, epochs, seed, init: 'spectral' };
}

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
}

/**
 * The app's stages for `config` on a fresh stage cache, each timed from its start (its first
 * progress report) to the next stage's, the last to the end of the build: the dataset's generation
 * is not counted. `sample` runs with every progress report (the memory probe).
 */
export function buildTimed(
  config: ExplorerConfig,
  sample: () => void = () => {},
): { artifacts: Artifacts; stageMs: Partial<Record<Stage, number>> } {
  const starts: { stage: Stage; at: number }[] = [];
  const artifacts = createStageCache().build(config, null, (stage) => {
    if (starts.at(-1)?.stage !== stage) starts.push({ stage, at: performance.now() });
    sample();
  });
  const end = performance.now();
  const stageMs: Partial<Record<Stage, number>> = {};
  starts.forEach(({ stage, at }, i) => {
    stageMs[stage] = (starts[i + 1]?.at ?? end) - at;
  });
  return { artifacts, stageMs };
}

/** A whole run of the optimizer stage on `artifacts`, timed, with its updates counted. */
export function timeOptimizer(
  config: ExplorerConfig,
  artifacts: Artifacts,
  backend: 'auto' | OptimizerBackend,
  trackLoss: boolean,
  memory?: RssSampler,
): { timing: OptimizeTiming; embedding: Float32Array } {
  let updates = 0;
  const { ms, value: optimizer } = timed(() => {
    const { optimizer } = createRunOptimizer(config, artifacts, { backend, trackLoss });
    runEpochs(optimizer, (stats) => {
      updates += stats.edgeSamples + stats.negativeSamples;
      memory?.sample();
    });
    return optimizer;
  });
  optimizer.dispose();
  return {
    timing: { backend: optimizer.backend, trackLoss, ms, updates, updatesPerSecond: updates / (ms / 1000) },
    embedding: optimizer.embedding.slice(),
  };
}

function relativeError(approximate: number, exact: number): number {
  return Math.abs(approximate - exact) / Math.abs(exact);
}

function timeLosses(config: ExplorerConfig, { graph, a, b }: Artifacts, embedding: Float32Array): LossTiming {
  const options = { a, b, m: config.m };
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

/**
 * kNN → graph μ → init → config.epochs epochs, then the optimizer again on the same graph with loss
 * tracking and with the TypeScript backend. Also returns the dataset and the kNN the graph was built
 * from (k columns), on which umap-js and Embedding Atlas run too.
 */
export function benchCore(config: ExplorerConfig): {
  core: CoreResult;
  dataset: Dataset;
  knn: KnnResult;
  /** The default backend's final embedding (the peers' sanity checks compare with it). */
  embedding: Float32Array;
} {
  collectGarbage();
  const memory = createRssSampler();
  const { artifacts, stageMs } = buildTimed(config, memory.sample);
  memory.sample();
  if (!artifacts.knn) throw new Error(`the bench measures kNN similarities, not ${config.similarity}`);
  const optimize = timeOptimizer(config, artifacts, 'auto', false, memory);
  const peakRssMb = memory.peakMb();
  // The comparison runs come after the peak: they would only add the same graph's second copy.
  const wasmTracked = timeOptimizer(config, artifacts, 'auto', true);
  const typescript = timeOptimizer(config, artifacts, 'typescript', false);
  const tracked = timeOptimizer(config, artifacts, 'typescript', true);
  const knnMs = stageMs.knn ?? 0;
  const graphMs = stageMs.graph ?? 0;
  const initMs = stageMs.init ?? 0;
  const core: CoreResult = {
    knnMs,
    graphMs,
    initMs,
    edges: artifacts.graph.rowPtr[artifacts.graph.n],
    optimize: optimize.timing,
    optimizeTracked: wasmTracked.timing,
    optimizeTypescript: typescript.timing,
    optimizeTypescriptTracked: tracked.timing,
    totalMs: knnMs + graphMs + initMs + optimize.timing.ms,
    loss: timeLosses(config, artifacts, optimize.embedding),
    peakRssMb,
  };
  return {
    core,
    dataset: artifacts.dataset,
    knn: sliceKnn(artifacts.knn, config.k),
    embedding: optimize.embedding,
  };
}
