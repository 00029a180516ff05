/**
 * Fixed-width per-row max-heaps in flat typed arrays, the working store of NN-descent.
 *
 * Row i owns entries [i·width, (i + 1)·width). The root (first entry) is the row's worst: rows are
 * ordered by (distance, index), the same order as the exact kNN rows, so ties go to the smaller
 * index. Empty slots hold distance +∞ and index `EMPTY`, which lose to every real candidate.
 */

import type { KnnResult } from '../types';

/** Index of an empty slot: larger than any point index, so it is the worst at distance +∞. */
export const EMPTY = 0x7fffffff;

export interface NeighbourHeap {
  n: number;
  width: number;
  distances: Float32Array;
  indices: Int32Array;
  /** 1 if the entry arrived since it was last sampled for a local join (Dong et al. 2011, §2.3). */
  isNew: Uint8Array;
}

export function createNeighbourHeap(n: number, width: number): NeighbourHeap {
  return {
    n,
    width,
    distances: new Float32Array(n * width).fill(Number.POSITIVE_INFINITY),
    indices: new Int32Array(n * width).fill(EMPTY),
    isNew: new Uint8Array(n * width),
  };
}

/**
 * Offer neighbour j at `distance` to row `row`: it replaces the worst entry if it beats it and is
 * not already in the row. Returns 1 if the row changed, else 0 (summed into the update count).
 */
export function pushNeighbour(
  heap: NeighbourHeap,
  row: number,
  j: number,
  distance: number,
  isNew: number,
): number {
  const { width, distances, indices } = heap;
  const base = row * width;
  const rootDistance = distances[base];
  if (distance > rootDistance || (distance === rootDistance && j >= indices[base])) return 0;
  for (let p = base; p < base + width; p++) if (indices[p] === j) return 0;
  siftDownFrom(heap, base, width, 0, distance, j, isNew);
  return 1;
}

/** Place (distance, j, flag) at heap slot `slot` of the heap [base, base + size) and restore order. */
function siftDownFrom(
  heap: NeighbourHeap,
  base: number,
  size: number,
  slot: number,
  distance: number,
  j: number,
  isNew: number,
): void {
  const { distances, indices, isNew: flags } = heap;
  let at = slot;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    const right = child + 1;
    if (
      right < size &&
      (distances[base + right] > distances[base + child] ||
        (distances[base + right] === distances[base + child] &&
          indices[base + right] > indices[base + child]))
    ) {
      child = right;
    }
    const childDistance = distances[base + child];
    if (childDistance < distance || (childDistance === distance && indices[base + child] < j)) break;
    distances[base + at] = childDistance;
    indices[base + at] = indices[base + child];
    flags[base + at] = flags[base + child];
    at = child;
  }
  distances[base + at] = distance;
  indices[base + at] = j;
  flags[base + at] = isNew;
}

/** Heap-sort every row in place into ascending (distance, index) order; flags are left meaningless. */
export function sortNeighbourRows(heap: NeighbourHeap): void {
  const { n, width, distances, indices } = heap;
  for (let row = 0; row < n; row++) {
    const base = row * width;
    for (let last = width - 1; last > 0; last--) {
      const distance = distances[base + last];
      const j = indices[base + last];
      distances[base + last] = distances[base];
      indices[base + last] = indices[base];
      siftDownFrom(heap, base, last, 0, distance, j, 0);
    }
  }
}

/**
 * The KnnResult of n sorted rows of k − 1 non-self neighbours (row i at [i·(k − 1), (i + 1)·(k − 1))),
 * with the point itself in column 0 at distance 0, as umap-learn's kNN has it. Shared by the exact
 * path (knn.ts) and NN-descent.
 */
export function withSelfColumn(
  n: number,
  k: number,
  indices: Int32Array,
  distances: Float32Array,
): KnnResult {
  const width = k - 1;
  const result = { n, k, indices: new Int32Array(n * k), distances: new Float32Array(n * k) };
  for (let i = 0; i < n; i++) {
    result.indices[i * k] = i;
    result.indices.set(indices.subarray(i * width, (i + 1) * width), i * k + 1);
    result.distances.set(distances.subarray(i * width, (i + 1) * width), i * k + 1);
  }
  return result;
}
