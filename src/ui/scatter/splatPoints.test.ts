import { describe, expect, it } from 'vitest';
import type { PointColouring } from './pointColours';
import { createSplatRaster, splatPoints, toStraightRgba } from './splatPoints';

const RED_BLUE = (paletteIndex: number[]): PointColouring => ({
  palette: ['#ff0000', '#0000ff'],
  paletteRgb: Uint8Array.from([255, 0, 0, 0, 0, 255]),
  paletteIndex: Uint16Array.from(paletteIndex),
});
const IDENTITY = { sx: 1, ox: 0, sy: 1, oy: 0 };

interface Painted {
  data: Uint8ClampedArray;
  width: number;
}

/** Splats `points` (in pieces of `piece`, as frames would) into a width × height image's bytes. */
function paint(
  width: number,
  height: number,
  points: number[],
  colouring: PointColouring,
  { view = IDENTITY, side = 1, alpha = 1, piece = Number.POSITIVE_INFINITY } = {},
): Painted {
  const raster = createSplatRaster(width, height);
  const xy = Float32Array.from(points);
  for (let from = 0; from < xy.length / 2; from += piece)
    splatPoints(raster, xy, colouring, view, side, alpha, from, from + piece);
  const data = new Uint8ClampedArray(4 * width * height);
  toStraightRgba(raster, data);
  return { data, width };
}
const pixel = ({ data, width }: Painted, x: number, y: number) =>
  Array.from(data.subarray(4 * (y * width + x), 4 * (y * width + x) + 4));
const paintedCount = ({ data }: Painted) => data.filter((_, o) => o % 4 === 3 && data[o] > 0).length;

describe('splatPoints', () => {
  it('paints a side × side square centred on the point, in its colour at opacity alpha', () => {
    const image = paint(8, 8, [4, 4], RED_BLUE([0]), { side: 2, alpha: 0.6 });
    expect(paintedCount(image)).toBe(4);
    for (const [x, y] of [
      [3, 3],
      [4, 3],
      [3, 4],
      [4, 4],
    ])
      expect(pixel(image, x, y)).toEqual([255, 0, 0, Math.round(0.6 * 255)]);
  });

  it('blends source-over: coverage 1 − (1 − α)², the later colour on top', () => {
    const [r, g, b, a] = pixel(paint(4, 4, [2, 2, 2, 2], RED_BLUE([0, 1]), { alpha: 0.6 }), 2, 2);
    const over = 1 - 0.4 ** 2;
    expect(a).toBe(Math.round(255 * over));
    // Red lies under blue: its share is α(1 − α) / αₒ = 0.24 / 0.84.
    expect(r).toBe(Math.round((255 * 0.24) / over));
    expect(g).toBe(0);
    expect(b).toBe(Math.round((255 * 0.6) / over));
  });

  it('paints the same picture in pieces as in one go, order kept', () => {
    const points = Array.from({ length: 40 }, (_, i) => [3 + (i % 5), 3 + ((i * 3) % 4)]).flat();
    const colouring = RED_BLUE(Array.from({ length: 20 }, (_, i) => i % 2));
    const whole = paint(10, 10, points, colouring, { side: 2, alpha: 0.6 });
    expect(paint(10, 10, points, colouring, { side: 2, alpha: 0.6, piece: 3 }).data).toEqual(whole.data);
  });

  it('maps coordinates through the view, and skips what falls outside or has no colour', () => {
    // y grows upwards in the data: sy < 0 flips it, as the scatter's views do.
    const view = { sx: 2, ox: 1, sy: -2, oy: 9 };
    const image = paint(10, 10, [1, 1, 50, 50, -9, 0, 2, 2], RED_BLUE([1, 0, 0]), { view });
    expect(pixel(image, 3, 7)).toEqual([0, 0, 255, 255]);
    // (50, 50) and (−9, 0) land outside; (2, 2) is past the colouring's three points.
    expect(paintedCount(image)).toBe(1);
  });

  it('clips a square at the edge instead of wrapping it to the next row', () => {
    const image = paint(4, 4, [4, 1], RED_BLUE([0]), { side: 2 });
    expect(paintedCount(image)).toBe(2);
    expect(pixel(image, 3, 0)[3]).toBe(255);
    expect(pixel(image, 3, 1)[3]).toBe(255);
    expect(pixel(image, 0, 1)[3]).toBe(0);
  });
});
