/**
 * Approximate k nearest neighbours by NN-descent (Dong, Charikar & Li 2011) started from a
 * random-projection forest: umap-learn's path for n ≥ 4096 through pynndescent (algorithm.md §1.2).
 *
 * 1. Forest: n_trees = min(64, 5 + round(√n / 20)) random-projection trees (rpTree.ts); every pair
 *    inside a leaf is a candidate for both rows.
 * 2. NN-descent: "a neighbour of a neighbour is likely a neighbour". Each round samples at most
 *    max_candidates = 60 new and 60 old candidates per point (its own neighbours plus the points that
 *    list it, i.e. forward and reverse), then joins every new–new and new–old pair of a point's
 *    candidates, offering each to both rows. Only entries that arrived since the last round are
 *    "new", so a pair is not joined twice. At most n_iters = max(5, round(log2 n)) rounds; it stops
 *    early once a round changes fewer than δ·n·(k − 1) entries (δ = 0.001).
 *
 * Rows hold the k − 1 best non-self neighbours, ordered by (distance, index) like the exact path, and
 * the result puts the point itself in column 0 at distance 0. Distances are the exact path's float32
 * values (vectorDistance.ts), so a correctly found neighbour has the same distance in both paths.
 * Everything is single-threaded and driven by one seeded generator, so the result is a function of
 * (data, k, metric, seed).
 */
import { CancelledError, type ProgressCallback } from './cancel';
import {
  type CandidateLists,
  createCandidateLists,
  createNeighbourHeap,
  EMPTY,
  type NeighbourHeap,
  pushCandidate,
  pushNeighbour,
  sortNeighbourRows,
} from './neighbourHeap';
import { createUint32Source } from './random';
import { rpTreeLeaves } from './rpTree';
import type { Dataset, KnnResult, Metric } from './types';
import { cosineFromDot, dot, squaredDistance, squaredNorms } from './vectorDistance';

/** pynndescent's candidate cap as umap-learn sets it (algorithm.md §1.2). */
const MAX_CANDIDATES = 60;
/** Early-stop threshold: fraction of all neighbour entries that must still change per round. */
const DELTA = 0.001;
/** Rows joined between two progress calls (so cancelling takes effect within a round). */
const ROW_BLOCK = 512;
/** Share of the progress bar given to the forest; the rounds share the rest. */
const FOREST_SHARE = 0.2;

/** Number of random-projection trees for n points (algorithm.md §1.2). */
export function nnDescentTreeCount(n: number): number {
  return Math.min(64, 5 + Math.round(Math.sqrt(n) / 20));
}

/** Maximum number of NN-descent rounds for n points (algorithm.md §1.2). */
export function nnDescentIterationCount(n: number): number {
  return Math.max(5, Math.round(Math.log2(n)));
}

/** Everything a distance evaluation needs. */
interface DistanceContext {
  x: Float32Array;
  dim: number;
  cosine: boolean;
  norms: Float64Array;
}

/** The exact path's float32 distance between points i and j. */
function distanceBetween(ctx: DistanceContext, i: number, j: number): number {
  const { x, dim } = ctx;
  if (ctx.cosine) return cosineFromDot(dot(x, i * dim, j * dim, dim), ctx.norms[i], ctx.norms[j]);
  return Math.fround(Math.sqrt(squaredDistance(x, i * dim, j * dim, dim)));
}

/**
 * Approximate k nearest neighbours, self in column 0. Expects input already validated by
 * `nearestNeighbors` (2 ≤ k < n, finite coordinates). `onProgress` as in knn.ts: returning `false`
 * throws a `CancelledError`.
 */
export function nnDescent(
  ds: Dataset,
  k: number,
  metric: Metric = 'euclidean',
  seed = 0,
  onProgress?: ProgressCallback,
): KnnResult {
  const { n, dim, points } = ds;
  const width = k - 1;
  const cosine = metric === 'cosine';
  const ctx: DistanceContext = {
    x: points,
    dim,
    cosine,
    norms: cosine ? squaredNorms(points, n, dim) : new Float64Array(0),
  };
  const nextUint32 = createUint32Source(seed);
  const report = (fraction: number): void => {
    if (onProgress && onProgress(fraction) === false) {
      throw new CancelledError('Nearest-neighbour search cancelled.');
    }
  };

  const heap = createNeighbourHeap(n, width);
  const treeCount = nnDescentTreeCount(n);
  const leafSize = Math.max(10, k);
  for (let tree = 0; tree < treeCount; tree++) {
    addLeafPairs(heap, ctx, rpTreeLeaves(points, n, dim, cosine, leafSize, nextUint32));
    report((FOREST_SHARE * (tree + 1)) / treeCount);
  }
  fillEmptySlots(heap, ctx, nextUint32);

  const rounds = nnDescentIterationCount(n);
  const fresh = createCandidateLists(n, MAX_CANDIDATES);
  const old = createCandidateLists(n, MAX_CANDIDATES);
  const stamp = new Int32Array(n).fill(-1);
  const minUpdates = DELTA * n * width;
  for (let round = 0; round < rounds; round++) {
    sampleCandidates(heap, fresh, old, stamp, nextUint32);
    let updates = 0;
    for (let row0 = 0; row0 < n; row0 += ROW_BLOCK) {
      const row1 = Math.min(n, row0 + ROW_BLOCK);
      for (let row = row0; row < row1; row++) updates += localJoin(heap, ctx, fresh, old, row);
      report(FOREST_SHARE + ((1 - FOREST_SHARE) * (round + row1 / n)) / rounds);
    }
    if (updates <= minUpdates) break;
  }
  report(1);

  sortNeighbourRows(heap);
  const indices = new Int32Array(n * k);
  const distances = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    indices[i * k] = i;
    indices.set(heap.indices.subarray(i * width, (i + 1) * width), i * k + 1);
    distances.set(heap.distances.subarray(i * width, (i + 1) * width), i * k + 1);
  }
  return { n, k, indices, distances };
}

/** Offer every pair inside every leaf of one tree to both of its rows. */
function addLeafPairs(
  heap: NeighbourHeap,
  ctx: DistanceContext,
  leaves: { order: Int32Array; leafStarts: Int32Array; leafCount: number },
): void {
  const { order, leafStarts, leafCount } = leaves;
  for (let leaf = 0; leaf < leafCount; leaf++) {
    const end = leafStarts[leaf + 1];
    for (let p = leafStarts[leaf]; p < end; p++) {
      const i = order[p];
      for (let q = p + 1; q < end; q++) {
        const j = order[q];
        const distance = distanceBetween(ctx, i, j);
        pushNeighbour(heap, i, j, distance, 1);
        pushNeighbour(heap, j, i, distance, 1);
      }
    }
  }
}

/**
 * Rows the forest left short (a point alone in small leaves) get random points, so every row is
 * full before the rounds start; NN-descent then replaces them. A final scan guarantees termination.
 */
function fillEmptySlots(heap: NeighbourHeap, ctx: DistanceContext, nextUint32: () => number): void {
  const { n, width, indices } = heap;
  for (let i = 0; i < n; i++) {
    const base = i * width;
    for (let attempt = 0; attempt < 4 * width && indices[base] === EMPTY; attempt++) {
      const j = nextUint32() % n;
      if (j !== i) pushNeighbour(heap, i, j, distanceBetween(ctx, i, j), 1);
    }
    for (let j = 0; j < n && indices[base] === EMPTY; j++) {
      if (j !== i) pushNeighbour(heap, i, j, distanceBetween(ctx, i, j), 1);
    }
  }
}

/**
 * Build this round's new and old candidate lists (forward and reverse neighbours, each list capped
 * by random priority) and mark the sampled new entries as old in the heap.
 */
function sampleCandidates(
  heap: NeighbourHeap,
  fresh: CandidateLists,
  old: CandidateLists,
  stamp: Int32Array,
  nextUint32: () => number,
): void {
  const { n, width, indices, isNew } = heap;
  fresh.counts.fill(0);
  old.counts.fill(0);
  for (let i = 0; i < n; i++) {
    for (let p = i * width; p < (i + 1) * width; p++) {
      const j = indices[p];
      const priority = nextUint32();
      const lists = isNew[p] ? fresh : old;
      pushCandidate(lists, i, j, priority);
      pushCandidate(lists, j, i, priority);
    }
  }
  const capacity = fresh.capacity;
  for (let i = 0; i < n; i++) {
    for (let c = i * capacity; c < i * capacity + fresh.counts[i]; c++) stamp[fresh.indices[c]] = i;
    for (let p = i * width; p < (i + 1) * width; p++) if (isNew[p] && stamp[indices[p]] === i) isNew[p] = 0;
  }
}

/** Join row's new candidates with each other and with its old ones; returns the number of updates. */
function localJoin(
  heap: NeighbourHeap,
  ctx: DistanceContext,
  fresh: CandidateLists,
  old: CandidateLists,
  row: number,
): number {
  const capacity = fresh.capacity;
  const freshBase = row * capacity;
  const freshEnd = freshBase + fresh.counts[row];
  const oldBase = row * capacity;
  const oldEnd = oldBase + old.counts[row];
  let updates = 0;
  for (let a = freshBase; a < freshEnd; a++) {
    const p = fresh.indices[a];
    for (let b = a + 1; b < freshEnd; b++) {
      const q = fresh.indices[b];
      const distance = distanceBetween(ctx, p, q);
      updates += pushNeighbour(heap, p, q, distance, 1) + pushNeighbour(heap, q, p, distance, 1);
    }
    for (let b = oldBase; b < oldEnd; b++) {
      const q = old.indices[b];
      if (q === p) continue;
      const distance = distanceBetween(ctx, p, q);
      updates += pushNeighbour(heap, p, q, distance, 1) + pushNeighbour(heap, q, p, distance, 1);
    }
  }
  return updates;
}
