/** The optimizer stage: the one place a run's optimizer is created (app, multi-seed, Table 1, bench, tests). */
import {
  createOptimizer,
  createTsneOptimizer,
  type Objective,
  type Optimizer,
  type OptimizerBackend,
  type OptimizerOptions,
  type ShardAssignment,
  UMAP_OBJECTIVE,
} from '../../core/optimizer';
import { deriveSeed } from '../../core/random';
import type { ExplorerConfig } from '../config';
import type { Artifacts } from './stages';

/** Where parallel epochs can run: helper threads the caller has started (workers/shard.worker.ts). */
export interface ParallelEpochs {
  /** The most threads a run may use here (the helpers available, plus this thread). */
  maxThreads: number;
  startHelper(assignment: ShardAssignment): void;
}

/** How a run's optimizer runs, beyond what the configuration says. */
export interface RunOptions {
  /** Added to the configuration's seed for the optimizer: Fig. 3's runs over seeds on one graph. */
  seedOffset?: number;
  /** Helper threads for a configuration with threads > 1; without them it runs on one thread. */
  parallel?: ParallelEpochs;
  /** Accumulate the actual loss (eq. 11) every epoch (default true, as the app shows it). */
  trackLoss?: boolean;
  /** Also score each epoch's pairs on its end-of-epoch embedding (default false; TypeScript backend). */
  logAfter?: boolean;
  /** Default 'auto' (WebAssembly where it runs); the bench also times 'typescript'. */
  backend?: 'auto' | OptimizerBackend;
}

/** The optimizer stage's result: the optimizer, and why it runs on fewer threads than asked, if it does. */
export interface RunOptimizer {
  optimizer: Optimizer;
  threadsMessage?: string;
}

/**
 * A fresh optimizer on the artifacts' graph from their initial layout, on config.threads threads
 * when `options.parallel` allows (else one, with a message saying why).
 */
export function createRunOptimizer(
  config: ExplorerConfig,
  artifacts: Artifacts,
  { seedOffset = 0, parallel, ...run }: RunOptions = {},
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
    objective: objectiveOf(config),
    seed: deriveSeed(config.seed + seedOffset, 'optimizer'),
    ...run,
  };
  if (config.loss === 'tsne') {
    // t-SNE (JMLR 2022): full gradients on the graph's P = μ/Σμ, its own schedule (core/optimizer/tsne).
    const optimizer = createTsneOptimizer({
      graph: options.graph,
      layout: options.layout,
      nEpochs: options.nEpochs,
      exaggeration: config.exaggeration,
      seed: options.seed,
    });
    return config.threads > 1 ? { optimizer, threadsMessage: 't-SNE runs on one thread.' } : { optimizer };
  }
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
    optimizer: createOptimizer({ ...options, threads, startHelper: parallel.startHelper }),
    threadsMessage:
      threads < config.threads ? `This browser offers ${threads} threads; running on ${threads}.` : undefined,
  };
}

/** The SGD's per-pair loss (core/optimizer/contrastive/objective.ts) of a configuration's loss. */
export function objectiveOf(config: ExplorerConfig): Objective {
  if (config.loss === 'umap' || config.loss === 'tsne') return UMAP_OBJECTIVE;
  // contrastive-ne runs its first third at s = 1 by default, for NEG on the spectrum only.
  const earlyPhase = config.loss === 'neg' && config.normalization === 'spectrum';
  return { mode: config.loss, s: config.spectrum, normalization: config.normalization, earlyPhase };
}

/** Why a configuration asking for parallel epochs cannot have them here, if it cannot. */
function singleThreadReason(
  config: ExplorerConfig,
  parallel: ParallelEpochs | undefined,
): string | undefined {
  if (config.sampling === 'corrected')
    return 'Parallel epochs cover UMAP sampling only, not §7.3 corrected sampling';
  if (config.loss !== 'umap') return "Parallel epochs cover UMAP's loss only";
  if (!parallel) return 'Parallel epochs need a cross-origin isolated page (shared memory)';
  if (parallel.maxThreads < 2) return 'This device reports a single processor core';
  return undefined;
}
