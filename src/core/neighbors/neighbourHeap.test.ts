import { describe, expect, it } from 'vitest';
import { createRng } from '../random';
import { createNeighbourHeap, EMPTY, pushNeighbour, sortNeighbourRows } from './neighbourHeap';

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
