import type { SweepColours } from '../../engine/sweep';
import { inFrames } from './inFrames';
import { colourByHue, colourByLabel, colourUniform, type PointColouring } from './pointColours';
import { fitBox, sizeDrawingBuffer, viewFor } from './scene';
import { createSplatRaster, splatPoints, toStraightRgba } from './splatPoints';

/** Point side in CSS px: small, so 10 000 points in a thumbnail still show where they crowd… */
const POINT_SIZE = 1.5;
/** …and translucent, so overlapping colours mix. */
const POINT_ALPHA = 0.6;
const MARGIN_PX = 6;
const NO_ZOOM = { k: 1, x: 0, y: 0 };

/** A thumbnail's colours as the main scatter draws them (same palette). */
export function thumbnailColouring(colours: SweepColours, n: number): PointColouring {
  return colours.kind === 'label'
    ? colourByLabel(colours.labels, colours.names.length)
    : colours.kind === 'hue'
      ? colourByHue(colours.hue)
      : colourUniform(n);
}

/**
 * Draws an n×2 layout (a sweep's panel, an audited layout), every point, into a side × side CSS px canvas at `pixelRatio`,
 * fitted to its own bounding square (one scale for both axes, so shapes are not stretched). The
 * points are rasterised here (splatPoints) a slice per frame (inFrames), so 200 000 points never
 * hold the page, and the canvas changes once, when the picture is whole. Returns a cancel function.
 */
export function drawThumbnail(
  canvas: HTMLCanvasElement,
  points: Float32Array,
  colouring: PointColouring,
  side: number,
  pixelRatio: number,
): () => void {
  const width = Math.max(1, Math.round(side * pixelRatio));
  const raster = createSplatRaster(width, width);
  const { sx, ox, sy, oy } = viewFor(fitBox(points), NO_ZOOM, side, side, MARGIN_PX);
  const view = { sx: sx * pixelRatio, ox: ox * pixelRatio, sy: sy * pixelRatio, oy: oy * pixelRatio };
  const n = points.length / 2;
  let next = 0;
  return inFrames((units) => {
    const from = next;
    next = Math.min(n, from + units);
    splatPoints(raster, points, colouring, view, POINT_SIZE * pixelRatio, POINT_ALPHA, from, next);
    if (next < n) return { used: next - from, done: false };
    sizeDrawingBuffer(canvas, side, side, pixelRatio);
    const context = canvas.getContext('2d');
    if (context) {
      const image = context.createImageData(width, width);
      toStraightRgba(raster, image.data);
      context.putImageData(image, 0, 0);
    }
    return { used: next - from, done: true };
  });
}
