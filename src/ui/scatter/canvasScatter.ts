import type { PointColouring } from './pointColours';
import type { ScatterRenderer, ScatterScene } from './scene';

/** Point indices grouped by palette entry (CSR-like: offsets into one index array). */
export interface Batches {
  offsets: Int32Array;
  order: Int32Array;
}

export function batchByColour({ palette, paletteIndex }: PointColouring): Batches {
  const colours = palette.length;
  const offsets = new Int32Array(colours + 1);
  for (let i = 0; i < paletteIndex.length; i++) offsets[paletteIndex[i] + 1] += 1;
  for (let c = 0; c < colours; c++) offsets[c + 1] += offsets[c];
  const cursor = offsets.slice(0, colours);
  const order = new Int32Array(paletteIndex.length);
  for (let i = 0; i < paletteIndex.length; i++) order[cursor[paletteIndex[i]]++] = i;
  return { offsets, order };
}

/**
 * Paints `points` (n×2) as squares of `pointSize` CSS px, one path and one fill per colour of
 * `colouring`, through `view` (CSS px = s·coordinate + o): the main scatter's fallback and the
 * sweep's thumbnails draw alike. Points beyond the colouring's length are skipped.
 */
export function paintBatches(
  context: CanvasRenderingContext2D,
  points: Float32Array,
  colouring: PointColouring,
  batches: Batches,
  { sx, ox, sy, oy }: { sx: number; ox: number; sy: number; oy: number },
  pointSize: number,
): void {
  const half = pointSize / 2;
  const n = Math.min(points.length / 2, colouring.paletteIndex.length);
  for (let c = 0; c + 1 < batches.offsets.length; c++) {
    if (batches.offsets[c] === batches.offsets[c + 1]) continue;
    context.fillStyle = colouring.palette[c];
    context.beginPath();
    for (let o = batches.offsets[c]; o < batches.offsets[c + 1]; o++) {
      const i = batches.order[o];
      if (i >= n) continue;
      context.rect(sx * points[2 * i] + ox - half, sy * points[2 * i + 1] + oy - half, pointSize, pointSize);
    }
    context.fill();
  }
}

/**
 * The fallback renderer: one path per colour, not one per point, so a frame costs a few dozen
 * fill calls whatever n is. Returns null when the canvas has no 2-D context.
 */
export function createCanvasScatter(canvas: HTMLCanvasElement): ScatterRenderer | null {
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) return null;
  let batchesFor: PointColouring | null = null;
  let batches: Batches = { offsets: new Int32Array(1), order: new Int32Array(0) };

  return {
    kind: 'canvas2d',
    draw({ points, colouring, view, pointSize, width, height, pixelRatio }: ScatterScene) {
      // Batches depend on the colouring only: regrouping is O(n), once per run or colour mode.
      if (batchesFor !== colouring) {
        batches = batchByColour(colouring);
        batchesFor = colouring;
      }
      context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      paintBatches(context, points, colouring, batches, view, pointSize);
    },
    dispose() {
      batchesFor = null;
    },
  };
}
