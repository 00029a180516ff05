/**
 * Fixed-width per-row max-heaps in flat typed arrays, the working store of NN-descent.
 *
 * Row i owns entries [i·width, (i + 1)·width). The root (first entry) is the row's worst: rows are
 * ordered by (distance, index), the same order as the exact kNN rows, so ties go to the smaller
 * index. Empty slots hold distance +∞ and index `EMPTY`, which lose to every real candidate.
 */

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
 * Candidate lists for one NN-descent round: each row keeps at most `capacity` distinct candidates,
 * those with the smallest random priorities (a uniform sample, Dong et al. 2011's ρ-sampling with
 * a fixed cap like pynndescent's max_candidates). Row r is [r·capacity, r·capacity + counts[r]).
 */
export interface CandidateLists {
  capacity: number;
  indices: Int32Array;
  priorities: Uint32Array;
  counts: Int32Array;
}

export function createCandidateLists(n: number, capacity: number): CandidateLists {
  return {
    capacity,
    indices: new Int32Array(n * capacity),
    priorities: new Uint32Array(n * capacity),
    counts: new Int32Array(n),
  };
}

/** Add candidate j with `priority` to row `row` (a max-heap on priority once the row is full). */
export function pushCandidate(lists: CandidateLists, row: number, j: number, priority: number): void {
  const { capacity, indices, priorities, counts } = lists;
  const base = row * capacity;
  const count = counts[row];
  if (count === capacity && priority >= priorities[base]) return;
  for (let p = base; p < base + count; p++) if (indices[p] === j) return;
  if (count < capacity) {
    // Sift up from the new last slot.
    let at = count;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (priorities[base + parent] >= priority) break;
      priorities[base + at] = priorities[base + parent];
      indices[base + at] = indices[base + parent];
      at = parent;
    }
    priorities[base + at] = priority;
    indices[base + at] = j;
    counts[row] = count + 1;
    return;
  }
  // Replace the root (largest priority) and sift down.
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= capacity) break;
    if (child + 1 < capacity && priorities[base + child + 1] > priorities[base + child]) child++;
    if (priorities[base + child] <= priority) break;
    priorities[base + at] = priorities[base + child];
    indices[base + at] = indices[base + child];
    at = child;
  }
  priorities[base + at] = priority;
  indices[base + at] = j;
}
