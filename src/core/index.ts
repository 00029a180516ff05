/**
 * The core's public surface: every name of the contract in docs/design.md ("Core contract"),
 * re-exported from the module that implements it. Pure TypeScript, deterministic from a seed; no
 * DOM, React or worker API.
 */

export { CancelledError, type ProgressCallback } from './cancel';
export {
  type BlobsOptions,
  gaussianBlobs,
  paperRing,
  paperRingCoordinates,
  paperRings,
  type RingOptions,
  type RingsOptions,
  uniformSquare,
} from './data';
export { UserError } from './errors';
export {
  binarizeSimilarities,
  degrees,
  denseKernelGraph,
  fuzzySimplicialSet,
  invertSimilarities,
  pruneGraph,
  smoothKnnDist,
} from './graph';
export { findAbParams } from './kernel';
export { type InitKind, initialLayout } from './layout';
export {
  type EffectiveLossOptions,
  effectiveLoss,
  evaluateLosses,
  type Layout,
  type Losses,
  type LossOptions,
  purportedLoss,
  targetSimilarities,
} from './losses';
export {
  classKnnAccuracy,
  type DistanceCorrelationOptions,
  distanceCorrelation,
  knnRecall,
  pearsonCorrelation,
  procrustesAlign,
  radialSpread,
  ringArcs,
  ringThickness,
  spearmanCorrelation,
  sweepMetrics,
} from './metrics';
export { type KnnMethod, nearestNeighbors } from './neighbors';
export {
  createOptimizer,
  createParallelOptimizer,
  createTsneOptimizer,
  type EpochStats,
  exactTsneGradient,
  infoNceTemperature,
  type LossMode,
  MAX_THREADS,
  negEstimatorScale,
  type Objective,
  type Optimizer,
  type OptimizerBackend,
  type OptimizerOptions,
  type PerEdgeCounts,
  type SamplingMode,
  type ShardAssignment,
  serveOptimizerShard,
  spectrumNormalization,
  tsneGradient,
} from './optimizer';
export { createRng, type NumpyRandomState, numpyRandomState } from './random';
export type { Dataset, Graph, KnnResult, LossParts, Metric, Rng } from './types';
