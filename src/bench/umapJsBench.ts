/**
 * umap-js 1.4 on the same data, seeded with our generator, for the bench's ratios.
 *
 * Fairness: its kNN (its own NN-descent) is timed on its own, then discarded, and its graph is built
 * from *our* kNN through `setPrecomputedKNN`, so both optimizers see the same μ and make (up to
 * float rounding) the same number of updates. Its `initializeFit` also builds a search graph for
 * `transform` and uses a random init; that is what a umap-js user pays, so it is timed as is.
 */
import { UMAP } from 'umap-js';
import { createRng, deriveSeed } from '../core/random';
import type { Dataset, KnnResult } from '../core/types';
import type { ExplorerConfig } from '../engine/config';
import { collectGarbage, createRssSampler, timed } from './measure';

export interface UmapJsResult {
  knnMs: number;
  /** initializeFit with our kNN: fuzzy set, search graph, random init, epoch schedule. */
  graphAndInitMs: number;
  optimizeMs: number;
  updates: number;
  updatesPerSecond: number;
  totalMs: number;
  peakRssMb: number;
}

/** The private members the bench reads; umap-js exposes no other way to time its kNN alone. */
interface UmapJsInternals {
  nearestNeighbors(X: number[][]): { knnIndices: number[][]; knnDistances: number[][] };
  optimizationState: { epochsPerSample: number[]; epochOfNextSample: number[] };
}

function rowsOf(values: ArrayLike<number>, n: number, width: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from({ length: width }, (_, d) => values[i * width + d]));
  return rows;
}

/** umap-js on `ds` with `config`'s k, min_dist, m, epochs and seed, its graph built from `knn` (k columns). */
export function benchUmapJs(config: ExplorerConfig, ds: Dataset, knn: KnnResult): UmapJsResult {
  const { epochs: nEpochs, seed } = config;
  const points = rowsOf(ds.points, ds.n, ds.dim);
  collectGarbage();
  const memory = createRssSampler();
  const rng = createRng(deriveSeed(seed, 'umap-js'));
  // Every optimizer call of `random` is one negative sample (tauRandInt): counting them counts those.
  let randomCalls = 0;
  const random = (): number => {
    randomCalls++;
    return rng.next();
  };
  const umap = new UMAP({
    nNeighbors: config.k,
    nEpochs,
    minDist: config.minDist,
    negativeSampleRate: config.m,
    random,
  });
  const internals = umap as unknown as UmapJsInternals;
  // Its own kNN is timed and dropped at once (the graph comes from ours, see the file comment).
  const ownKnn = timed(() => {
    internals.nearestNeighbors(points);
    memory.sample();
  });
  umap.setPrecomputedKNN(rowsOf(knn.indices, knn.n, knn.k), rowsOf(knn.distances, knn.n, knn.k));
  const fit = timed(() => umap.initializeFit(points));
  memory.sample();
  randomCalls = 0;
  const optimize = timed(() => {
    for (let epoch = 0; epoch < nEpochs; epoch++) {
      umap.step();
      memory.sample();
    }
  });
  // Edge samples: an edge's next-sample epoch starts at e and grows by e per sample.
  const { epochsPerSample, epochOfNextSample } = internals.optimizationState;
  let edgeSamples = 0;
  for (let p = 0; p < epochsPerSample.length; p++) {
    edgeSamples += Math.round(epochOfNextSample[p] / epochsPerSample[p]) - 1;
  }
  const updates = edgeSamples + randomCalls;
  return {
    knnMs: ownKnn.ms,
    graphAndInitMs: fit.ms,
    optimizeMs: optimize.ms,
    updates,
    updatesPerSecond: updates / (optimize.ms / 1000),
    totalMs: ownKnn.ms + fit.ms + optimize.ms,
    peakRssMb: memory.peakMb(),
  };
}
