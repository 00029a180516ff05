import { describe, expect, it } from 'vitest';
import {
  createCandidateLists,
  createNeighbourHeap,
  EMPTY,
  pushCandidate,
  pushNeighbour,
  sortNeighbourRows,
} from './neighbourHeap';
import { createRng } from './random';

describe('pushNeighbour / sortNeighbourRows', () => {
  it('keep the `width` best distinct candidates of each row, sorted by (distance, index)', () => {
    const rng = createRng(3);
    const width = 7;
    const heap = createNeighbourHeap(2, width);
    const offered: Array<[number, number]> = [];
    let changes = 0;
    for (let t = 0; t < 400; t++) {
      const j = rng.nextInt(60);
      // Distance a function of j (ties between j's sharing a distance), like a real metric.
      const distance = Math.fround((j % 23) / 7);
      offered.push([distance, j]);
      changes += pushNeighbour(heap, 1, j, distance, 1);
    }
    const unique = new Map(offered.map(([d, j]) => [j, d]));
    const expected = [...unique].sort((a, b) => a[1] - b[1] || a[0] - b[0]).slice(0, width);
    sortNeighbourRows(heap);
    expect(Array.from(heap.indices.subarray(width))).toEqual(expected.map(([j]) => j));
    expect(Array.from(heap.distances.subarray(width))).toEqual(expected.map(([, d]) => d));
    // Row 0 was never touched.
    expect(Array.from(heap.indices.subarray(0, width))).toEqual(new Array(width).fill(EMPTY));
    expect(changes).toBeGreaterThanOrEqual(width);
    expect(changes).toBeLessThan(unique.size + 1);
  });

  it('rejects a candidate already in the row and reports no change', () => {
    const heap = createNeighbourHeap(1, 3);
    expect(pushNeighbour(heap, 0, 5, 1, 1)).toBe(1);
    expect(pushNeighbour(heap, 0, 5, 1, 1)).toBe(0);
    expect(pushNeighbour(heap, 0, 4, 2, 1)).toBe(1);
    expect(pushNeighbour(heap, 0, 6, 0.5, 1)).toBe(1);
    // Full: worse than the worst (2, 4) is rejected; a tie at distance 2 with a larger index too.
    expect(pushNeighbour(heap, 0, 9, 3, 1)).toBe(0);
    expect(pushNeighbour(heap, 0, 7, 2, 1)).toBe(0);
    expect(pushNeighbour(heap, 0, 3, 2, 0)).toBe(1);
    sortNeighbourRows(heap);
    expect(Array.from(heap.indices)).toEqual([6, 5, 3]);
    expect(Array.from(heap.distances)).toEqual([0.5, 1, 2]);
  });
});

describe('pushCandidate', () => {
  it('keeps the distinct candidates with the smallest priorities', () => {
    const rng = createRng(11);
    const capacity = 10;
    const lists = createCandidateLists(3, capacity);
    const best = new Map<number, number>();
    for (let t = 0; t < 300; t++) {
      const j = rng.nextInt(100);
      const priority = rng.nextUint32();
      pushCandidate(lists, 2, j, priority);
      // A repeated candidate keeps its first priority if that one is still held.
      if (!best.has(j)) best.set(j, priority);
    }
    expect(lists.counts[2]).toBe(capacity);
    expect(lists.counts[0]).toBe(0);
    const held = Array.from(lists.indices.subarray(2 * capacity, 3 * capacity));
    expect(new Set(held).size).toBe(capacity);
    const priorities = Array.from(lists.priorities.subarray(2 * capacity, 3 * capacity));
    // Root holds the largest priority kept; everything kept is below the 11th smallest first priority.
    expect(priorities[0]).toBe(Math.max(...priorities));
    const sortedFirst = [...best.values()].sort((a, b) => a - b);
    expect(Math.max(...priorities)).toBeLessThanOrEqual(sortedFirst[capacity]);
  });
});
