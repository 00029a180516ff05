/**
 * Apple's Embedding Atlas (npm `embedding-atlas` 0.26.0, MIT) on the same data, for the bench's ratios.
 * Its UMAP is a Rust port of umap-learn compiled to WebAssembly (`dist/umap.js`).
 *
 * Installed for the bench only, in bench-peers/ (`npm run bench:peers`): its package.json lists peers
 * (Mosaic, vgplot) that the registry does not serve, so it cannot sit among the app's dependencies.
 * When that folder is not installed, the bench says so and skips it. Nothing of it is bundled into
 * the app: it is loaded here with a dynamic import of the file path (Node ≥ 20 instantiates its
 * inlined `data:application/wasm` module through the built-in fetch).
 *
 * Fairness: `createUMAPFromKNN` gets *our* kNN (k columns, self in column 0, which it detects), our
 * min_dist, m and epochs, learning rate 1, spectral init, plain SGD, one thread, no WebGPU. Its graph
 * and init (eager, in `createUMAPFromKNN`) are timed apart from its SGD (`run()`: every remaining
 * epoch with umap-learn's linear decay); `epoch` is read back to check that it ran `config.epochs`.
 * End to end, `createUMAP` uses its own NN-descent for the kNN, then graph, init and `run()`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Dataset, KnnResult } from '../core/types';
import type { ExplorerConfig } from '../engine/config';
import { collectGarbage, createRssSampler } from './measure';

/** The subset of `embedding-atlas/dist/umap.d.ts` the bench uses (the package may not be installed). */
interface AtlasUmap {
  readonly epoch: number;
  readonly embedding: Float32Array;
  run(): Promise<void>;
  destroy(): void;
}

interface AtlasOptions {
  initializeMethod?: 'spectral' | 'random';
  optimizer?: 'sgd' | 'momentum';
  minDist?: number;
  nEpochs?: number;
  learningRate?: number;
  negativeSampleRate?: number;
  nNeighbors?: number;
  metric?: 'euclidean' | 'cosine';
  seed?: number;
  gpu?: boolean;
}

export interface EmbeddingAtlasModule {
  createUMAP(
    count: number,
    inputDim: number,
    outputDim: number,
    data: Float32Array,
    options?: AtlasOptions,
  ): Promise<AtlasUmap>;
  createUMAPFromKNN(
    count: number,
    outputDim: number,
    knnIndices: Int32Array,
    knnDistances: Float32Array,
    options?: Omit<AtlasOptions, 'metric' | 'nNeighbors'>,
  ): Promise<AtlasUmap>;
}

export const EMBEDDING_ATLAS_SKIPPED = 'not installed: run `npm run bench:peers`';

const modulePath = fileURLToPath(
  new URL('../../bench-peers/node_modules/embedding-atlas/dist/umap.js', import.meta.url),
);

/**
 * Its UMAP module, or undefined when bench-peers/ is not installed. A tiny run instantiates its WASM
 * (1.3 MB of base64) here, so that one-off cost is not charged to the first case's graph + init.
 */
export async function loadEmbeddingAtlas(): Promise<EmbeddingAtlasModule | undefined> {
  if (!existsSync(modulePath)) return undefined;
  const atlas = (await import(/* @vite-ignore */ pathToFileURL(modulePath).href)) as EmbeddingAtlasModule;
  const n = 64;
  const k = 3;
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    indices.set([i, (i + 1) % n, (i + n - 1) % n], i * k);
    distances.set([0, 1, 1], i * k);
  }
  const warmUp = await atlas.createUMAPFromKNN(n, 2, indices, distances, { nEpochs: 10, seed: 0 });
  await warmUp.run();
  warmUp.destroy();
  return atlas;
}

export interface EmbeddingAtlasResult {
  /** createUMAPFromKNN on our kNN: its fuzzy set, spectral init, epoch schedule. */
  graphAndInitMs: number;
  /** `run()` after createUMAPFromKNN: its SGD over `epochs` epochs. */
  optimizeMs: number;
  /** Epochs its `run()` reported (must equal the config's). */
  epochs: number;
  /** createUMAP on the points: its own NN-descent kNN, fuzzy set, spectral init. */
  ownKnnGraphAndInitMs: number;
  /** `run()` after createUMAP. */
  ownOptimizeMs: number;
  /** createUMAP + run(): what an Embedding Atlas user pays. */
  totalMs: number;
  /** Sanity of the run on our kNN (see `neighbourContrast`). */
  contrast: number;
  peakRssMb: number;
}

async function runTimed(
  create: () => Promise<AtlasUmap>,
  sample: () => void,
): Promise<{ createMs: number; runMs: number; epochs: number; embedding: Float32Array }> {
  const start = performance.now();
  const umap = await create();
  const created = performance.now();
  sample();
  await umap.run();
  const end = performance.now();
  sample();
  const result = {
    createMs: created - start,
    runMs: end - created,
    epochs: umap.epoch,
    embedding: umap.embedding.slice(),
  };
  umap.destroy();
  return result;
}

/**
 * Mean 2-D distance between kNN neighbours over the mean distance between random pairs: well below 1
 * for an embedding that keeps neighbours together (UMAP's is ≈0.01–0.1), ≈1 for noise; Infinity when a
 * coordinate is not finite, NaN when everything collapsed onto one point.
 */
export function neighbourContrast(embedding: Float32Array, knn: KnnResult): number {
  if (!embedding.every(Number.isFinite)) return Number.POSITIVE_INFINITY;
  const distance = (i: number, j: number): number =>
    Math.hypot(embedding[2 * i] - embedding[2 * j], embedding[2 * i + 1] - embedding[2 * j + 1]);
  let neighbours = 0;
  let pairs = 0;
  for (let i = 0; i < knn.n; i++) {
    for (let c = 1; c < knn.k; c++) neighbours += distance(i, knn.indices[i * knn.k + c]);
    // A fixed stride visits pairs spread over the whole dataset without a random generator.
    pairs += distance(i, (i * 7919 + 104_729) % knn.n);
  }
  return neighbours / (knn.n * (knn.k - 1)) / (pairs / knn.n);
}

/** Embedding Atlas on `ds` with `config`'s k, min_dist, m, epochs and seed; first fed `knn` (k columns). */
export async function benchEmbeddingAtlas(
  atlas: EmbeddingAtlasModule,
  config: ExplorerConfig,
  ds: Dataset,
  knn: KnnResult,
): Promise<EmbeddingAtlasResult> {
  const options = {
    minDist: config.minDist,
    nEpochs: config.epochs,
    negativeSampleRate: config.m,
    learningRate: 1,
    initializeMethod: 'spectral',
    optimizer: 'sgd',
    seed: config.seed,
    gpu: false,
  } as const;
  collectGarbage();
  const memory = createRssSampler();
  const fromKnn = await runTimed(
    () => atlas.createUMAPFromKNN(ds.n, 2, knn.indices, knn.distances, options),
    memory.sample,
  );
  if (fromKnn.epochs !== config.epochs) {
    throw new Error(`Embedding Atlas ran ${fromKnn.epochs} epochs, not ${config.epochs}`);
  }
  const contrast = neighbourContrast(fromKnn.embedding, knn);
  if (!(contrast < 0.5)) {
    throw new Error(`Embedding Atlas's embedding is not a layout (neighbour contrast ${contrast})`);
  }
  const own = await runTimed(
    () =>
      atlas.createUMAP(ds.n, ds.dim, 2, ds.points, {
        ...options,
        nNeighbors: config.k,
        metric: config.metric,
      }),
    memory.sample,
  );
  return {
    graphAndInitMs: fromKnn.createMs,
    optimizeMs: fromKnn.runMs,
    epochs: fromKnn.epochs,
    ownKnnGraphAndInitMs: own.createMs,
    ownOptimizeMs: own.runMs,
    totalMs: own.createMs + own.runMs,
    contrast,
    peakRssMb: memory.peakMb(),
  };
}
