import { describe, expect, it } from 'vitest';
import { createRng, createUint32Source } from '../random';
import { createCandidateSampler, sampleCandidates } from './candidateLists';
import { createNeighbourHeap, type NeighbourHeap } from './neighbourHeap';

/** A heap with full rows of distinct random neighbours (no self) and random new flags. */
function randomHeap(n: number, width: number, seed: number): NeighbourHeap {
  const rng = createRng(seed);
  const heap = createNeighbourHeap(n, width);
  for (let i = 0; i < n; i++) {
    const row = new Set<number>();
    while (row.size < width) {
      const j = rng.nextInt(n);
      if (j !== i) row.add(j);
    }
    heap.indices.set([...row], i * width);
    for (let e = i * width; e < (i + 1) * width; e++) heap.isNew[e] = rng.nextInt(2);
  }
  return heap;
}

/**
 * The lists by their definition: every entry i → j offers j to row i and i to row j, in entry order
 * for row i's own entries and then by source row; a point keeps the priority of its first offer to
 * a list; a list keeps the `capacity` smallest priorities.
 */
function expectedLists(
  heap: NeighbourHeap,
  priorities: number[],
  capacity: number,
  wantNew: boolean,
): Set<number>[] {
  const { n, width, indices, isNew } = heap;
  const offers: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const offer = (row: number, j: number, e: number): void => {
    if ((isNew[e] === 1) === wantNew && !offers[row].has(j)) offers[row].set(j, priorities[e]);
  };
  for (let row = 0; row < n; row++) {
    for (let e = row * width; e < (row + 1) * width; e++) offer(row, indices[e], e);
    for (let e = 0; e < n * width; e++) if (indices[e] === row) offer(row, Math.floor(e / width), e);
  }
  return offers.map(
    (m) =>
      new Set(
        [...m]
          .sort((a, b) => a[1] - b[1])
          .slice(0, capacity)
          .map(([j]) => j),
      ),
  );
}

function listOf(lists: { capacity: number; indices: Int32Array; counts: Int32Array }, row: number): number[] {
  const base = row * lists.capacity;
  return Array.from(lists.indices.subarray(base, base + lists.counts[row]));
}

describe('sampleCandidates', () => {
  for (const capacity of [60, 5]) {
    it(`holds the forward and reverse candidates with the smallest priorities (capacity ${capacity})`, () => {
      const n = 300;
      const width = 8;
      const heap = randomHeap(n, width, 4);
      const flagsBefore = heap.isNew.slice();
      const draws = createUint32Source(7);
      const priorities = Array.from({ length: n * width }, () => draws());
      const sampler = createCandidateSampler(n, width, capacity);
      sampleCandidates(sampler, heap, createUint32Source(7));

      const snapshot = { ...heap, isNew: flagsBefore };
      const expectedFresh = expectedLists(snapshot, priorities, capacity, true);
      const expectedOld = expectedLists(snapshot, priorities, capacity, false);
      let overflowed = 0;
      for (let row = 0; row < n; row++) {
        const fresh = listOf(sampler.fresh, row);
        const old = listOf(sampler.old, row);
        expect(new Set(fresh).size).toBe(fresh.length);
        expect(new Set(old).size).toBe(old.length);
        expect(new Set(fresh)).toEqual(expectedFresh[row]);
        expect(new Set(old)).toEqual(expectedOld[row]);
        if (fresh.length === capacity) overflowed++;
        // A new entry turns old exactly when its point made it into the row's new list.
        for (let e = row * width; e < (row + 1) * width; e++) {
          const sampled = flagsBefore[e] === 1 && fresh.includes(heap.indices[e]);
          expect(heap.isNew[e]).toBe(flagsBefore[e] === 1 && !sampled ? 1 : 0);
        }
      }
      if (capacity === 5) expect(overflowed).toBeGreaterThan(n / 2);
    });
  }

  it('is a function of the heap and the generator state, and reuses its buffers across rounds', () => {
    const heap = randomHeap(200, 6, 9);
    const a = createCandidateSampler(200, 6, 10);
    const b = createCandidateSampler(200, 6, 10);
    const heapB = { ...heap, isNew: heap.isNew.slice() };
    const sourceA = createUint32Source(3);
    const sourceB = createUint32Source(3);
    for (let round = 0; round < 3; round++) {
      sampleCandidates(a, heap, sourceA);
      sampleCandidates(b, heapB, sourceB);
      expect(b.fresh.counts).toEqual(a.fresh.counts);
      expect(b.fresh.indices).toEqual(a.fresh.indices);
      expect(b.old.indices).toEqual(a.old.indices);
      expect(heapB.isNew).toEqual(heap.isNew);
    }
    // Lists rarely overflow at this size, so within three rounds every new entry was sampled once.
    expect(heap.isNew.every((flag) => flag === 0)).toBe(true);
  });
});
