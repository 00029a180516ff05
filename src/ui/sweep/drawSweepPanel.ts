import type { SweepColours } from '../../engine/sweep';
import { type Batches, batchByColour, paintBatches } from '../scatter/canvasScatter';
import { colourByHue, colourByLabel, colourUniform, type PointColouring } from '../scatter/pointColours';
import { fitBox, sizeDrawingBuffer, viewFor } from '../scatter/scene';

/** Point side in CSS px: small, so 10 000 points in a thumbnail still show where they crowd… */
const POINT_SIZE = 1.5;
/** …and translucent, so overlapping colours mix. */
const POINT_ALPHA = 0.6;
const MARGIN_PX = 6;
const NO_ZOOM = { k: 1, x: 0, y: 0 };

/** A panel's colours as the main scatter draws them (same palette), grouped for drawing once. */
export interface PanelColouring {
  colouring: PointColouring;
  batches: Batches;
}

export function panelColouring(colours: SweepColours, n: number): PanelColouring {
  const colouring =
    colours.kind === 'label'
      ? colourByLabel(colours.labels, colours.names.length)
      : colours.kind === 'hue'
        ? colourByHue(colours.hue)
        : colourUniform(n);
  return { colouring, batches: thumbnailBatches(colouring) };
}

/**
 * The most points a thumbnail draws: Canvas 2D rasterises on the page's main thread, about 1 ms per
 * 1 000 points here, so 200 000 would hold it for 200 ms; a few hundred pixels show no more.
 */
export const MAX_THUMBNAIL_POINTS = 25_000;

/** Every `thumbnailStride(n)`-th point is drawn (1: all of them). */
export function thumbnailStride(n: number): number {
  return Math.max(1, Math.ceil(n / MAX_THUMBNAIL_POINTS));
}

/** The colour batches of the points a thumbnail draws: every stride-th point of each colour (≈ MAX_THUMBNAIL_POINTS). */
export function thumbnailBatches(colouring: PointColouring): Batches {
  const all = batchByColour(colouring);
  const stride = thumbnailStride(colouring.paletteIndex.length);
  if (stride === 1) return all;
  const offsets = new Int32Array(all.offsets.length);
  const order: number[] = [];
  for (let c = 0; c + 1 < all.offsets.length; c++) {
    for (let o = all.offsets[c]; o < all.offsets[c + 1]; o += stride) order.push(all.order[o]);
    offsets[c + 1] = order.length;
  }
  return { offsets, order: Int32Array.from(order) };
}

/**
 * Draws one panel's n×2 layout into a side × side CSS px canvas at `pixelRatio`, fitted to its own
 * bounding square (one scale for both axes, so shapes are not stretched). One pass over the points,
 * grouped by colour (paintBatches), so a panel costs one path per colour.
 */
export function drawSweepPanel(
  canvas: HTMLCanvasElement,
  points: Float32Array,
  { colouring, batches }: PanelColouring,
  side: number,
  pixelRatio: number,
) {
  sizeDrawingBuffer(canvas, side, side, pixelRatio);
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.clearRect(0, 0, side, side);
  context.globalAlpha = POINT_ALPHA;
  paintBatches(
    context,
    points,
    colouring,
    batches,
    viewFor(fitBox(points), NO_ZOOM, side, side, MARGIN_PX),
    POINT_SIZE,
  );
}
