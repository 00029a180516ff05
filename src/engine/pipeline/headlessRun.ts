/** A whole run without the engine: what the bench and the tests call (the app steps through the engine). */
import type { EpochStats, Optimizer, OptimizerBackend } from '../../core/optimizer';
import type { ExplorerConfig } from '../config';
import type { ExternalDataset } from './dataset';
import { createRunOptimizer, type RunOptions } from './optimizerStage';
import { createStageCache, type StageProgress } from './stageCache';
import type { Artifacts } from './stages';

export type EpochCallback = (stats: EpochStats, embedding: Float32Array) => void;

export interface HeadlessRunOptions extends RunOptions {
  /** The loaded dataset a 'csv' or 'mnist' configuration names. */
  external?: ExternalDataset | null;
  /** Each stage's start and progress (the bench times the stages with it). */
  onProgress?: StageProgress;
  /** After every epoch: its stats and the embedding so far (live, not a copy). */
  onEpoch?: EpochCallback;
}

export interface HeadlessRun extends Artifacts {
  embedding: Float32Array;
  /** One entry per epoch, in order. */
  stats: EpochStats[];
  backend: OptimizerBackend;
  threads: number;
}

/** Steps `optimizer` to its last epoch, one epoch at a time (as the engine does), collecting the stats. */
export function runEpochs(optimizer: Optimizer, onEpoch?: EpochCallback): EpochStats[] {
  const stats: EpochStats[] = [];
  while (optimizer.epoch < optimizer.nEpochs) {
    for (const epochStats of optimizer.step(1)) {
      stats.push(epochStats);
      onEpoch?.(epochStats, optimizer.embedding);
    }
  }
  return stats;
}

/**
 * `config` from its dataset to its last epoch: the app's stages (a fresh stage cache) and optimizer
 * stage, so it builds the graph and the embedding the app builds for the same configuration.
 */
export function runPipeline(config: ExplorerConfig, options: HeadlessRunOptions = {}): HeadlessRun {
  const { external = null, onProgress, onEpoch, ...run } = options;
  const artifacts = createStageCache().build(config, external, onProgress);
  const { optimizer } = createRunOptimizer(config, artifacts, run);
  try {
    const stats = runEpochs(optimizer, onEpoch);
    const { backend, threads } = optimizer;
    // A copy: a WebAssembly optimizer's embedding is a view into its memory.
    return { ...artifacts, embedding: optimizer.embedding.slice(), stats, backend, threads };
  } finally {
    optimizer.dispose();
  }
}
