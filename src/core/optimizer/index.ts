/**
 * UMAP's SGD with negative sampling (docs/algorithm.md §1.7, §1.10, §4): one entry, createOptimizer,
 * over three backends (the WebAssembly kernel on one thread or several, the TypeScript reference).
 */

export { negEstimator } from './contrastive/negTerms';
export {
  createObjectiveState,
  type LossMode,
  type NegNormalization,
  type Objective,
  UMAP_OBJECTIVE,
} from './contrastive/objective';
export { infoNceTemperature, negEstimatorScale, spectrumNormalization } from './contrastive/spectrum';
export { createOptimizer, createParallelOptimizer } from './createOptimizer';
export { type ShardAssignment, serveOptimizerShard } from './parallelOptimizer';
export {
  createTsneOptimizer,
  exactTsneGradient,
  TSNE_EXACT_MAX_POINTS,
  type TsneOptimizerOptions,
  tsneGradient,
} from './tsne';
export type {
  EpochStats,
  Optimizer,
  OptimizerBackend,
  OptimizerOptions,
  PerEdgeCounts,
  SamplingMode,
} from './types';
export { MAX_THREADS } from './validateOptions';
