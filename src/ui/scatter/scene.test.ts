import { describe, expect, it } from 'vitest';
import { fitBox, pointSizeFor, sizeDrawingBuffer, viewFor } from './scene';

describe('fitBox and viewFor', () => {
  const points = new Float32Array([-2, 1, 4, 3, 1, 2]);

  it('fits the smallest square around the points', () => {
    expect(fitBox(points)).toEqual({ cx: 1, cy: 2, half: 3 });
  });

  it('maps the box into the area with one scale for both axes, y upwards', () => {
    const view = viewFor(fitBox(points), { k: 1, x: 0, y: 0 }, 400, 200, 10);
    // Half side 3 units → 90 px: 30 px per unit on both axes.
    expect(view.sx).toBeCloseTo(30);
    expect(view.sy).toBeCloseTo(-30);
    // The box centre (1, 2) lands in the middle of the area.
    expect(view.sx * 1 + view.ox).toBeCloseTo(200);
    expect(view.sy * 2 + view.oy).toBeCloseTo(100);
  });

  it('applies a zoom transform after the fit', () => {
    const view = viewFor(fitBox(points), { k: 2, x: 5, y: -7 }, 400, 200, 10);
    expect(view.sx * 1 + view.ox).toBeCloseTo(2 * 200 + 5);
    expect(view.sy * 2 + view.oy).toBeCloseTo(2 * 100 - 7);
    expect(view.sx).toBeCloseTo(60);
  });
});

describe('pointSizeFor', () => {
  it('is 3 px at n = 1 000 and 1.5 px at n = 20 000', () => {
    expect(pointSizeFor(1000)).toBeCloseTo(3);
    expect(pointSizeFor(20000)).toBeCloseTo(1.5);
    expect(pointSizeFor(100000)).toBe(1.5);
  });
});

describe('sizeDrawingBuffer', () => {
  it('sets only the sides that change and says whether the buffer was reallocated', () => {
    const writes: string[] = [];
    let width = 300;
    let height = 150;
    const canvas = {
      get width() {
        return width;
      },
      set width(value: number) {
        writes.push(`width ${value}`);
        width = value;
      },
      get height() {
        return height;
      },
      set height(value: number) {
        writes.push(`height ${value}`);
        height = value;
      },
    };
    expect(sizeDrawingBuffer(canvas, 200, 100.4, 1.5)).toBe(true);
    expect(writes).toEqual(['height 151']);
    writes.length = 0;
    expect(sizeDrawingBuffer(canvas, 200.2, 100.6, 1.5)).toBe(false);
    expect(writes).toEqual([]);
    expect(sizeDrawingBuffer(canvas, 0, 0, 2)).toBe(true);
    expect([width, height]).toEqual([1, 1]);
  });
});
