import type { PointColouring } from './pointColours';
import type { ScatterView } from './scene';

/**
 * A raster being painted: RGBA premultiplied by alpha, in floats. Source-over is then
 * P ← αC + (1 − α)P per channel and A ← α + (1 − α)A, with no division until the one per pixel
 * that turns it into an ImageData's straight bytes (toStraightRgba).
 */
export interface SplatRaster {
  premultiplied: Float32Array;
  width: number;
  height: number;
}

export function createSplatRaster(width: number, height: number): SplatRaster {
  return { premultiplied: new Float32Array(4 * width * height), width, height };
}

/**
 * Paints points `from` … `to` − 1 of `points` (n×2) as squares of `sidePx` device pixels, in point
 * order, each blended source-over with opacity `alpha` in its colour of `colouring`; `view` maps a
 * coordinate to device pixels. Our own rasteriser, not Canvas 2D paths: Chromium rasterises a
 * canvas's paths when the frame commits, on the page's main thread in software (about 0.5 ms per
 * 1 000 points here), and in one piece; these blends cost about 0.05 ms per 1 000 points and can
 * be spread over frames. Points beyond the colouring's length, and pixels outside, are skipped.
 */
export function splatPoints(
  { premultiplied, width, height }: SplatRaster,
  points: Float32Array,
  { paletteRgb, paletteIndex }: PointColouring,
  { sx, ox, sy, oy }: ScatterView,
  sidePx: number,
  alpha: number,
  from = 0,
  to = points.length / 2,
): void {
  const side = Math.max(1, Math.round(sidePx));
  const end = Math.min(to, points.length / 2, paletteIndex.length);
  const keep = 1 - alpha;
  for (let i = from; i < end; i++) {
    const left = Math.round(sx * points[2 * i] + ox - side / 2);
    const top = Math.round(sy * points[2 * i + 1] + oy - side / 2);
    const x0 = Math.max(0, left);
    const x1 = Math.min(width, left + side);
    const y0 = Math.max(0, top);
    const y1 = Math.min(height, top + side);
    const p = 3 * paletteIndex[i];
    const r = alpha * paletteRgb[p];
    const g = alpha * paletteRgb[p + 1];
    const b = alpha * paletteRgb[p + 2];
    for (let y = y0; y < y1; y++) {
      const row = 4 * y * width;
      for (let x = x0; x < x1; x++) {
        const o = row + 4 * x;
        premultiplied[o] = r + keep * premultiplied[o];
        premultiplied[o + 1] = g + keep * premultiplied[o + 1];
        premultiplied[o + 2] = b + keep * premultiplied[o + 2];
        premultiplied[o + 3] = alpha + keep * premultiplied[o + 3];
      }
    }
  }
}

/** The raster as an ImageData's bytes (straight alpha, 0–255), into `data` (4 × width × height). */
export function toStraightRgba({ premultiplied }: SplatRaster, data: Uint8ClampedArray): void {
  for (let o = 0; o < data.length; o += 4) {
    const coverage = premultiplied[o + 3];
    if (coverage === 0) {
      data[o] = data[o + 1] = data[o + 2] = data[o + 3] = 0;
      continue;
    }
    data[o] = premultiplied[o] / coverage;
    data[o + 1] = premultiplied[o + 1] / coverage;
    data[o + 2] = premultiplied[o + 2] / coverage;
    data[o + 3] = 255 * coverage;
  }
}
