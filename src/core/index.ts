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
} from './datasets';
export { UserError } from './errors';
export { fuzzySimplicialSet, smoothKnnDist } from './fuzzy';
export { type InitKind, initialLayout } from './init';
export { findAbParams } from './kernel';
export { type KnnMethod, nearestNeighbors } from './knn';
export {
  type EffectiveLossOptions,
  effectiveLoss,
  evaluateLosses,
  type Layout,
  type Losses,
  type LossOptions,
  purportedLoss,
} from './losses';
export {
  type DistanceCorrelationOptions,
  distanceCorrelation,
  knnRecall,
  pearsonCorrelation,
  radialSpread,
  ringArcs,
  ringThickness,
  spearmanCorrelation,
} from './metrics';
export {
  createOptimizer,
  type EpochStats,
  type Optimizer,
  type OptimizerBackend,
  type OptimizerOptions,
  type PerEdgeCounts,
} from './optimizer';
export {
  createParallelOptimizer,
  MAX_THREADS,
  type ShardAssignment,
  serveOptimizerShard,
} from './parallelOptimizer';
export { createRng, type NumpyRandomState, numpyRandomState } from './random';
export {
  binarizeSimilarities,
  degrees,
  denseKernelGraph,
  invertSimilarities,
  pruneGraph,
} from './similarities';
export { targetSimilarities } from './targets';
export type { Dataset, Graph, KnnResult, LossParts, Metric, Rng } from './types';
