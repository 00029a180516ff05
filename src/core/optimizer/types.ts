/**
 * The optimizer's public types (docs/design.md, "Core contract"): what `createOptimizer` takes and
 * returns, whichever backend runs the epochs.
 */
import type { Graph, LossParts } from '../types';
import type { Objective } from './contrastive/objective';
import type { ShardAssignment } from './parallelOptimizer';

/** umap-learn's sampling, or the paper's corrected sampling of §7.3 (eq. 18). */
export type SamplingMode = 'umap' | 'corrected';

/**
 * Where the epoch loop runs: the WebAssembly kernel (wasm/optimizer.as.ts, the production SGD, on
 * one thread or several) or the TypeScript reference (referenceEpoch.ts).
 */
export type OptimizerBackend = 'typescript' | 'wasm';

export interface OptimizerOptions {
  graph: Graph;
  /** n×2 initial embedding; copied. */
  layout: Float32Array;
  nEpochs: number;
  a: number;
  b: number;
  /** Negative sample rate (umap-learn's negative_sample_rate); any positive number. */
  m: number;
  /** Initial learning rate α₀ (default 1). */
  learningRate?: number;
  /** Also move the negative sample, y_s −= α·g (Algorithm 1, line 10; the paper fork's push_tail). */
  pushNegatives?: boolean;
  /** 'corrected': add the §7.3 repulsion of graph edges (eq. 18). Default 'umap'. */
  sampling?: SamplingMode;
  /**
   * The loss each sampled pair descends (contrastive/objective.ts): UMAP's (default), NEG / Neg-t-SNE,
   * NCE or InfoNCE. a and b shape UMAP's φ only; the contrastive losses use the Cauchy kernel.
   */
  objective?: Objective;
  seed: number;
  /** Accumulate the actual loss (eq. 11) in the loop (default true). */
  trackLoss?: boolean;
  /** Also score the epoch's pairs on the end-of-epoch embedding (default false). */
  logAfter?: boolean;
  /** Keep per-edge sample counters (tests, diagnostics; default false). */
  countPerEdge?: boolean;
  /**
   * 'auto' (default): WebAssembly when it runs here and covers the options (umap sampling, no
   * logAfter, no per-edge counts), else TypeScript. 'wasm' throws if it cannot.
   */
  backend?: 'auto' | OptimizerBackend;
  /**
   * Threads sharing each epoch, 1 to MAX_THREADS (default 1). Above 1: Hogwild epochs on the
   * WebAssembly kernel (parallelOptimizer.ts), umap sampling only, not reproducible from the seed.
   */
  threads?: number;
  /**
   * Required when threads > 1: gets `serveOptimizerShard(assignment)` running on another thread,
   * called once per helper shard.
   */
  startHelper?: (assignment: ShardAssignment) => void;
}

export interface EpochStats {
  /** 0-based index of the epoch just run. */
  epoch: number;
  /** Eq. 11, each pair scored with its distance just before its update (log_losses="during"). */
  actual: LossParts;
  /** Eq. 11 on the end-of-epoch embedding (log_losses="after", the paper's plots), when logAfter. */
  actualAfter?: LossParts;
  edgeSamples: number;
  /** UMAP's negative samples, samples equal to the head included. */
  negativeSamples: number;
  /** §7.3 repulsions of graph edges, when sampling is 'corrected'. */
  correctedSamples?: number;
  /** The normalisation Z̄ of NEG or NCE in this epoch (ICLR 2023, eq. 5); absent for UMAP and InfoNCE. */
  normalization?: number;
}

/** Running totals per stored edge, aligned with graph.cols. */
export interface PerEdgeCounts {
  edgeSamples: Float64Array;
  negativeSamples: Float64Array;
  correctedSamples: Float64Array;
}

export interface Optimizer {
  /** The backend actually running the epochs. */
  readonly backend: OptimizerBackend;
  /** Threads sharing each epoch: 1, or more for parallel epochs. */
  readonly threads: number;
  readonly embedding: Float32Array;
  /** Number of epochs run so far = index of the next epoch. */
  readonly epoch: number;
  readonly nEpochs: number;
  /** The learning rate α the next epoch will use. */
  readonly alpha: number;
  readonly perEdgeCounts?: PerEdgeCounts;
  step(epochs?: number): EpochStats[];
  setNegativeSampleRate(m: number): void;
  setLearningRate(lr: number): void;
  /** The spectrum parameter s of NEG or InfoNCE, from the next epoch on (no effect on the other losses). */
  setSpectrum(s: number): void;
  /** Releases helper threads, if any; the optimizer must not step afterwards. */
  dispose(): void;
}
