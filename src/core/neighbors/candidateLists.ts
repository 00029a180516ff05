/**
 * The candidate lists of one NN-descent round (Dong, Charikar & Li 2011, §2.3; pynndescent's
 * candidate building as umap-learn runs it, docs/algorithm.md §1.2).
 *
 * Every heap entry i → j is a candidate for both ends: j for row i (forward) and i for row j
 * (reverse). Entries that arrived since they were last sampled ("new") go to the new lists, the
 * others to the old lists. A list keeps at most `capacity` distinct points: each entry draws one
 * random priority, shared by both directions, and a list that would overflow keeps the smallest
 * ones, a uniform sample like pynndescent's max_candidates cap. New entries that made it into
 * their row's new list are then marked old, so the next round does not join them again.
 *
 * Row r's list is `indices[r·capacity .. r·capacity + counts[r])`: forward candidates in heap order,
 * then reverse ones by source row (unless the row overflowed, then in priority-heap order).
 */
import type { NeighbourHeap } from './neighbourHeap';

export interface CandidateLists {
  capacity: number;
  indices: Int32Array;
  counts: Int32Array;
}

/** What building one kind of list (new or old) needs besides the lists themselves. */
interface ListScratch {
  lists: CandidateLists;
  /** Per point, the last row whose list took it: an O(1) duplicate test instead of a scan. */
  stamp: Int32Array;
  /** Priorities of the current row's entries, slot by slot. */
  priorities: Uint32Array;
  /** The row whose entries currently form a max-heap on priority (it overflowed), else −1. */
  heapRow: number;
}

/** The new and old lists of a round, plus the scratch that builds them without allocating. */
export interface CandidateSampler {
  fresh: CandidateLists;
  old: CandidateLists;
  freshScratch: ListScratch;
  oldScratch: ListScratch;
  /** This round's priority of every heap entry. */
  entryPriorities: Uint32Array;
  /** The heap entries pointing at row r: `reverseEntries[reverseStarts[r] .. reverseStarts[r + 1])`. */
  reverseStarts: Int32Array;
  reverseEntries: Int32Array;
}

export function createCandidateSampler(n: number, width: number, capacity: number): CandidateSampler {
  const scratch = (): ListScratch => ({
    lists: { capacity, indices: new Int32Array(n * capacity), counts: new Int32Array(n) },
    stamp: new Int32Array(n),
    priorities: new Uint32Array(capacity),
    heapRow: -1,
  });
  const freshScratch = scratch();
  const oldScratch = scratch();
  return {
    fresh: freshScratch.lists,
    old: oldScratch.lists,
    freshScratch,
    oldScratch,
    entryPriorities: new Uint32Array(n * width),
    reverseStarts: new Int32Array(n + 1),
    reverseEntries: new Int32Array(n * width),
  };
}

/**
 * Fill `sampler.fresh` and `sampler.old` from the heap's current entries and mark the sampled new
 * entries old. Every row of the heap must be full. Draws one `nextUint32` per heap entry, in entry
 * order, so the lists are a function of the heap and the generator state.
 */
export function sampleCandidates(
  sampler: CandidateSampler,
  heap: NeighbourHeap,
  nextUint32: () => number,
): void {
  const { n, width, indices, isNew } = heap;
  const { freshScratch, oldScratch, entryPriorities, reverseStarts, reverseEntries } = sampler;
  const entries = n * width;
  for (let e = 0; e < entries; e++) entryPriorities[e] = nextUint32();

  // Counting sort of the entries by target: the reverse neighbours of every row, by source row.
  // With them, each row's lists are built in one go, so a stamp per point detects duplicates where
  // lists filled in entry order would need a scan of the list for every added point.
  const cursor = freshScratch.stamp;
  reverseStarts.fill(0);
  for (let e = 0; e < entries; e++) reverseStarts[indices[e] + 1]++;
  for (let r = 0; r < n; r++) reverseStarts[r + 1] += reverseStarts[r];
  cursor.set(reverseStarts.subarray(0, n));
  for (let e = 0; e < entries; e++) reverseEntries[cursor[indices[e]]++] = e;

  resetScratch(freshScratch);
  resetScratch(oldScratch);
  for (let row = 0; row < n; row++) {
    for (let e = row * width; e < (row + 1) * width; e++) {
      addCandidate(isNew[e] ? freshScratch : oldScratch, row, indices[e], entryPriorities[e]);
    }
    for (let r = reverseStarts[row]; r < reverseStarts[row + 1]; r++) {
      const e = reverseEntries[r];
      addCandidate(isNew[e] ? freshScratch : oldScratch, row, (e / width) | 0, entryPriorities[e]);
    }
  }

  // Only now, so that every row above saw this round's flags: new entries whose point made it into
  // the row's new list are no longer new (stamps n + row cannot collide with the rows above).
  const { capacity, indices: freshIndices, counts: freshCounts } = freshScratch.lists;
  const stamp = freshScratch.stamp;
  for (let row = 0; row < n; row++) {
    const base = row * capacity;
    for (let c = base; c < base + freshCounts[row]; c++) stamp[freshIndices[c]] = n + row;
    for (let e = row * width; e < (row + 1) * width; e++) {
      if (isNew[e] && stamp[indices[e]] === n + row) isNew[e] = 0;
    }
  }
}

function resetScratch(scratch: ListScratch): void {
  scratch.stamp.fill(-1);
  scratch.lists.counts.fill(0);
  scratch.heapRow = -1;
}

/** Add point j to row's list unless it is already there; a full list keeps the smallest priorities. */
function addCandidate(scratch: ListScratch, row: number, j: number, priority: number): void {
  const { lists, stamp, priorities } = scratch;
  if (stamp[j] === row) return;
  stamp[j] = row;
  const { capacity, indices, counts } = lists;
  const base = row * capacity;
  const count = counts[row];
  if (count < capacity) {
    // Arrival order until the row overflows (rare with umap-learn's cap of 60 and k ≤ 30).
    indices[base + count] = j;
    priorities[count] = priority;
    counts[row] = count + 1;
    return;
  }
  if (scratch.heapRow !== row) {
    for (let slot = (capacity >> 1) - 1; slot >= 0; slot--) {
      siftDown(priorities, indices, base, capacity, slot, priorities[slot], indices[base + slot]);
    }
    scratch.heapRow = row;
  }
  if (priority < priorities[0]) siftDown(priorities, indices, base, capacity, 0, priority, j);
}

/** Place (priority, j) at `slot` of the row's max-heap on priority and move it down to its place. */
function siftDown(
  priorities: Uint32Array,
  indices: Int32Array,
  base: number,
  size: number,
  slot: number,
  priority: number,
  j: number,
): void {
  let at = slot;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && priorities[child + 1] > priorities[child]) child++;
    if (priorities[child] <= priority) break;
    priorities[at] = priorities[child];
    indices[base + at] = indices[base + child];
    at = child;
  }
  priorities[at] = priority;
  indices[base + at] = j;
}
