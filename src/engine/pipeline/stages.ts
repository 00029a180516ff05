/**
 * The stages between the dataset and the optimizer (docs/design.md, "Staged pipeline and caching"):
 * kNN → graph μ → initial layout, each a function of the previous stages' results and the
 * configuration. The stage cache (stageCache.ts) runs them for the app, the bench and the tests.
 */
import type { ProgressCallback } from '../../core/cancel';
import { buildSimilarityGraph, degrees } from '../../core/graph';
import { findAbParams } from '../../core/kernel';
import { initialLayoutWithReport } from '../../core/layout';
import { APPROXIMATE_KNN_MIN_POINTS, nearestNeighbors, sliceKnn } from '../../core/neighbors';
import { deriveSeed } from '../../core/random';
import type { Dataset, Graph, KnnResult } from '../../core/types';
import type { ExplorerConfig } from '../config';
import { K_MAX } from '../parameters';

/** What the stages before the optimizer produce for one configuration. */
export interface Artifacts {
  dataset: Dataset;
  /** The kNN stage's result, `knnWidth` columns wide; null when none was computed (dense similarities need none). */
  knn: KnnResult | null;
  graph: Graph;
  degrees: Float64Array;
  a: number;
  b: number;
  /** n×2 layout in [0, 10]², the optimizer's starting point. */
  initial: Float32Array;
  /** Said to the user, e.g. that spectral init fell back to random. */
  initMessage?: string;
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

/** The kNN stage: `knnWidth` neighbours of every point; a wider result serves every smaller k. */
export function knnStage(dataset: Dataset, config: ExplorerConfig, onProgress?: ProgressCallback): KnnResult {
  return nearestNeighbors(
    dataset,
    knnWidth(dataset.n, config.k),
    config.metric,
    onProgress,
    deriveSeed(config.seed, 'knn'),
  );
}

/** The kernel's (a, b) of min_dist (spread 1): it shapes the dense similarities and the optimizer. */
export function kernelStage(config: ExplorerConfig): { a: number; b: number } {
  return findAbParams(1, config.minDist);
}

/** The graph stage: μ from the first k columns of the kNN (kNN rows are sorted, so they slice exactly). */
export function graphStage(
  dataset: Dataset,
  knn: KnnResult | null,
  config: ExplorerConfig,
  { a, b }: { a: number; b: number },
): { graph: Graph; degrees: Float64Array } {
  const graph = buildSimilarityGraph(dataset, knn && sliceKnn(knn, config.k), {
    mode: config.similarity,
    nEpochs: config.epochs,
    a,
    b,
  });
  return { graph, degrees: degrees(graph) };
}

/** The initial-layout stage, with the note to show when it deviated (e.g. spectral fell back). */
export function initStage(
  dataset: Dataset,
  graph: Graph,
  config: ExplorerConfig,
  onProgress?: ProgressCallback,
): { initial: Float32Array; message?: string } {
  const report = initialLayoutWithReport(config.init, dataset, graph, deriveSeed(config.seed, 'init'), {
    onProgress,
  });
  return { initial: report.layout, message: report.message };
}
