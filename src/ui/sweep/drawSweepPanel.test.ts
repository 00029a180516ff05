import { describe, expect, it } from 'vitest';
import { colourByLabel } from '../scatter/pointColours';
import { MAX_THUMBNAIL_POINTS, thumbnailBatches, thumbnailStride } from './drawSweepPanel';

describe('thumbnails', () => {
  it('draw every point up to MAX_THUMBNAIL_POINTS, and every stride-th of each colour beyond', () => {
    expect(thumbnailStride(MAX_THUMBNAIL_POINTS)).toBe(1);
    expect(thumbnailStride(200_000)).toBe(8);
    const labels = Int32Array.from({ length: 200_000 }, (_, i) => i % 3);
    const batches = thumbnailBatches(colourByLabel(labels, 3));
    // Each colour starts at its own first point: at most one more per colour.
    expect(batches.order.length).toBeLessThanOrEqual(MAX_THUMBNAIL_POINTS + 3);
    expect(batches.order.length).toBeGreaterThan(MAX_THUMBNAIL_POINTS - 3);
    // Each colour keeps its share, and every drawn point has the batch's colour.
    for (let c = 0; c < 3; c++) {
      const count = batches.offsets[c + 1] - batches.offsets[c];
      expect(Math.abs(count - batches.order.length / 3)).toBeLessThanOrEqual(1);
      for (let o = batches.offsets[c]; o < batches.offsets[c + 1]; o++)
        expect(labels[batches.order[o]]).toBe(c);
    }
  });
});
