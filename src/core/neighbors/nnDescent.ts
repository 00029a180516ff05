/**
 * Approximate k nearest neighbours by NN-descent (Dong, Charikar & Li 2011) started from a
 * random-projection forest: umap-learn's path for n ≥ 4096 through pynndescent (docs/algorithm.md §1.2).
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
 *
 * Nearly all the time goes into pair distances, and most pairs change no row. So pairs are measured
 * two rows by four columns at a time (`joinAll`), compared as squared distances against a per-row
 * bound, and only the few that can enter a row take a square root and reach its heap.
 */
import { CancelledError, type ProgressCallback } from '../cancel';
import { createUint32Source } from '../random';
import type { Dataset, KnnResult, Metric } from '../types';
import { type CandidateLists, createCandidateSampler, sampleCandidates } from './candidateLists';
import {
  createNeighbourHeap,
  EMPTY,
  type NeighbourHeap,
  pushNeighbour,
  sortNeighbourRows,
  withSelfColumn,
} from './neighbourHeap';
import { rpTreeLeaves } from './rpTree';
import {
  cosineFromDot,
  dot,
  dots2x4,
  squaredDistance,
  squaredDistances2x4,
  squaredNorms,
} from './vectorDistance';

/** pynndescent's candidate cap as umap-learn sets it (docs/algorithm.md §1.2). */
const MAX_CANDIDATES = 60;
/** Early-stop threshold: fraction of all neighbour entries that must still change per round. */
const DELTA = 0.001;
/** Rows joined between two progress calls (so cancelling takes effect within a round). */
const ROW_BLOCK = 512;
/** Share of the progress bar given to the forest; the rounds share the rest. */
const FOREST_SHARE = 0.2;
/**
 * Relative headroom between a float32 distance and the squared float64 values that round to it
 * (as in knn.ts): (1 + 2⁻²⁴)² < 1 + 2⁻²², so a pair whose float32 distance ties a row's worst passes.
 */
const FLOAT32_HEADROOM = 1 + 2 ** -22;

/** Number of random-projection trees for n points (docs/algorithm.md §1.2). */
export function nnDescentTreeCount(n: number): number {
  return Math.min(64, 5 + Math.round(Math.sqrt(n) / 20));
}

/** Maximum number of NN-descent rounds for n points (docs/algorithm.md §1.2). */
export function nnDescentIterationCount(n: number): number {
  return Math.max(5, Math.round(Math.log2(n)));
}

/**
 * The search state. A pair is first measured by its key, the squared distance (Euclidean) or the
 * distance (cosine), both summed exactly like the exact path; only a key that can enter a row is
 * turned into the stored float32 distance, so the square root is taken for few pairs.
 */
interface Search {
  heap: NeighbourHeap;
  x: Float32Array;
  dim: number;
  cosine: boolean;
  norms: Float64Array;
  /** Per row, the largest key that may still enter it: root distance² · headroom, or the root distance. */
  bounds: Float64Array;
  /** Keys of the current 2×4 block. */
  keys: Float64Array;
  /** One row's join list: its new candidates, then its old ones. */
  targets: Int32Array;
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
  const search: Search = {
    heap: createNeighbourHeap(n, width),
    x: points,
    dim,
    cosine,
    norms: cosine ? squaredNorms(points, n, dim) : new Float64Array(0),
    bounds: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    keys: new Float64Array(8),
    targets: new Int32Array(2 * MAX_CANDIDATES),
  };
  const heap = search.heap;
  const nextUint32 = createUint32Source(seed);
  const report = (fraction: number): void => {
    if (onProgress && onProgress(fraction) === false) {
      throw new CancelledError('Nearest-neighbour search cancelled.');
    }
  };

  const treeCount = nnDescentTreeCount(n);
  const leafSize = Math.max(10, k);
  for (let tree = 0; tree < treeCount; tree++) {
    const { order, leafStarts, leafCount } = rpTreeLeaves(points, n, dim, cosine, leafSize, nextUint32);
    for (let leaf = 0; leaf < leafCount; leaf++) {
      const end = leafStarts[leaf + 1];
      joinAll(search, order, leafStarts[leaf], end, end);
    }
    report((FOREST_SHARE * (tree + 1)) / treeCount);
  }
  fillEmptySlots(search, nextUint32);

  const rounds = nnDescentIterationCount(n);
  const sampler = createCandidateSampler(n, width, MAX_CANDIDATES);
  const { fresh, old } = sampler;
  const minUpdates = DELTA * n * width;
  for (let round = 0; round < rounds; round++) {
    sampleCandidates(sampler, heap, nextUint32);
    let updates = 0;
    for (let row0 = 0; row0 < n; row0 += ROW_BLOCK) {
      const row1 = Math.min(n, row0 + ROW_BLOCK);
      for (let row = row0; row < row1; row++) updates += localJoin(search, fresh, old, row);
      report(FOREST_SHARE + ((1 - FOREST_SHARE) * (round + row1 / n)) / rounds);
    }
    if (updates <= minUpdates) break;
  }
  report(1);

  sortNeighbourRows(heap);
  return withSelfColumn(n, k, heap.indices, heap.distances);
}

/** The key of one pair, equal to the key `joinAll` computes for it in a block. */
function pairKey(search: Search, i: number, j: number): number {
  const { x, dim } = search;
  if (search.cosine) return cosineFromDot(dot(x, i * dim, j * dim, dim), search.norms[i], search.norms[j]);
  return squaredDistance(x, i * dim, j * dim, dim);
}

/**
 * Offer the pair (p, q) with `key` to both rows, unless p and q are the same point; returns the
 * number of rows that changed. Most pairs enter neither row: the bound tests settle them without
 * touching a heap.
 */
function offerBoth(search: Search, p: number, q: number, key: number): number {
  if (p === q) return 0;
  const bounds = search.bounds;
  return (
    (key <= bounds[p] ? admit(search, p, q, key) : 0) + (key <= bounds[q] ? admit(search, q, p, key) : 0)
  );
}

/** Offer neighbour j with a `key` within the row's bound: the row's heap decides. */
function admit(search: Search, row: number, j: number, key: number): number {
  const { heap, cosine } = search;
  // The exact path's float32 distance: fround(√(squared distance summed in order)), or the cosine.
  const distance = cosine ? key : Math.fround(Math.sqrt(key));
  if (pushNeighbour(heap, row, j, distance, 1) === 0) return 0;
  const worst = heap.distances[row * heap.width];
  search.bounds[row] = cosine ? worst : worst * worst * FLOAT32_HEADROOM;
  return 1;
}

/**
 * Join every pair (targets[a], targets[b]) with from ≤ a < rowEnd and a < b < end, offering each to
 * both of its rows; returns the number of row changes. Pairs of a point with itself are skipped.
 *
 * Two rows go against four columns at a time (vectorDistance.ts `squaredDistances2x4`): these loops
 * are most of the search's cost, and shared loads make them about twice as fast as one pair at a
 * time. A column block that runs past `end` repeats the last column, and a last odd row is paired
 * with itself; their extra keys are ignored (cheaper than separate narrower kernels).
 */
function joinAll(search: Search, targets: Int32Array, from: number, rowEnd: number, end: number): number {
  const { x, dim, cosine, norms, keys, bounds } = search;
  const last = end - 1;
  let updates = 0;
  for (let a = from; a < rowEnd; a += 2) {
    const twoRows = a + 1 < rowEnd;
    const p0 = targets[a];
    const p1 = twoRows ? targets[a + 1] : p0;
    if (twoRows) updates += offerBoth(search, p0, p1, pairKey(search, p0, p1));
    for (let b = twoRows ? a + 2 : a + 1; b < end; b += 4) {
      const q0 = targets[b] * dim;
      const q1 = targets[Math.min(b + 1, last)] * dim;
      const q2 = targets[Math.min(b + 2, last)] * dim;
      const q3 = targets[Math.min(b + 3, last)] * dim;
      const columns = Math.min(4, end - b);
      if (cosine) {
        dots2x4(x, p0 * dim, p1 * dim, q0, q1, q2, q3, dim, keys);
        for (let c = 0; c < columns; c++) {
          const q = targets[b + c];
          keys[c] = cosineFromDot(keys[c], norms[p0], norms[q]);
          keys[4 + c] = cosineFromDot(keys[4 + c], norms[p1], norms[q]);
        }
      } else {
        squaredDistances2x4(x, p0 * dim, p1 * dim, q0, q1, q2, q3, dim, keys);
      }
      for (let c = 0; c < columns; c++) {
        const q = targets[b + c];
        const key0 = keys[c];
        const key1 = keys[4 + c];
        const boundQ = bounds[q];
        // Most pairs enter none of the three rows: one combined test settles them (with one row,
        // p1 = p0 and key1 = key0, so the test still holds).
        if (key0 > bounds[p0] && key1 > bounds[p1] && key0 > boundQ && key1 > boundQ) continue;
        updates += offerBoth(search, p0, q, key0);
        if (twoRows) updates += offerBoth(search, p1, q, key1);
      }
    }
  }
  return updates;
}

/**
 * Rows the forest left short (a point alone in small leaves) get random points, so every row is
 * full before the rounds start; NN-descent then replaces them. A final scan guarantees termination.
 */
function fillEmptySlots(search: Search, nextUint32: () => number): void {
  const { heap, bounds } = search;
  const { n, width, indices } = heap;
  const offerTo = (i: number, j: number): void => {
    const key = pairKey(search, i, j);
    if (key <= bounds[i]) admit(search, i, j, key);
  };
  for (let i = 0; i < n; i++) {
    const base = i * width;
    for (let attempt = 0; attempt < 4 * width && indices[base] === EMPTY; attempt++) {
      const j = nextUint32() % n;
      if (j !== i) offerTo(i, j);
    }
    for (let j = 0; j < n && indices[base] === EMPTY; j++) {
      if (j !== i) offerTo(i, j);
    }
  }
}

/**
 * Join row's new candidates with each other and with its old ones (every new–new pair once, every
 * new–old pair); returns the number of updates.
 */
function localJoin(search: Search, fresh: CandidateLists, old: CandidateLists, row: number): number {
  const { targets } = search;
  const freshCount = fresh.counts[row];
  const oldCount = old.counts[row];
  const base = row * fresh.capacity;
  for (let c = 0; c < freshCount; c++) targets[c] = fresh.indices[base + c];
  for (let c = 0; c < oldCount; c++) targets[freshCount + c] = old.indices[base + c];
  return joinAll(search, targets, 0, freshCount, freshCount + oldCount);
}
