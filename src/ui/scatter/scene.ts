import type { PointColouring } from './pointColours';

/** Data → CSS pixel map of the plot: px = sx·x + ox, py = sy·y + oy (sy < 0: y grows upwards). */
export interface ScatterView {
  sx: number;
  ox: number;
  sy: number;
  oy: number;
}

/** Everything one draw needs; sizes in CSS pixels, the renderer multiplies by `pixelRatio`. */
export interface ScatterScene {
  /** n×2 row-major coordinates. */
  points: Float32Array;
  colouring: PointColouring;
  view: ScatterView;
  /** Side of a point in CSS pixels. */
  pointSize: number;
  width: number;
  height: number;
  pixelRatio: number;
}

export interface ScatterRenderer {
  readonly kind: 'webgl2' | 'canvas2d';
  draw(scene: ScatterScene): void;
  dispose(): void;
}

/** The square data window that holds every point: centre and half side. */
export interface FitBox {
  cx: number;
  cy: number;
  half: number;
}

/** Smallest square around the points (a square, so both axes keep one scale and contraction shows). */
export function fitBox(points: Float32Array): FitBox {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < points.length; i += 2) {
    const x = points[i];
    const y = points[i + 1];
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  if (!(x1 >= x0 && y1 >= y0)) return { cx: 0, cy: 0, half: 1 };
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, half: Math.max(x1 - x0, y1 - y0) / 2 || 1 };
}

/** A d3-zoom transform's three numbers: CSS px' = k·px + x. */
export interface ZoomState {
  k: number;
  x: number;
  y: number;
}

/**
 * The view that shows `box` centred in a width × height area with `margin` pixels spare, then
 * applies the user's zoom. One scale for both axes: 1 unit of x is as long as 1 unit of y.
 */
export function viewFor(
  box: FitBox,
  zoom: ZoomState,
  width: number,
  height: number,
  margin = 12,
): ScatterView {
  const scale = Math.max(1e-9, (Math.min(width, height) / 2 - margin) / box.half);
  return {
    sx: zoom.k * scale,
    ox: zoom.k * (width / 2 - scale * box.cx) + zoom.x,
    sy: -zoom.k * scale,
    oy: zoom.k * (height / 2 + scale * box.cy) + zoom.y,
  };
}

/** Point side in CSS px: 3 px at n = 1 000, 1.5 px at n = 20 000, log-interpolated and clamped. */
export function pointSizeFor(n: number): number {
  const t = Math.log(Math.max(1, n) / 1000) / Math.log(20);
  return Math.min(4, Math.max(1.5, 3 - 1.5 * t));
}

/**
 * Sizes a canvas's drawing buffer to `width` × `height` CSS pixels at `pixelRatio` (at least 1 × 1).
 * Setting either size reallocates and clears the buffer even to the same value, so each is set only
 * when it changes. Returns whether the buffer was reallocated (cleared): then it must be redrawn now.
 */
export function sizeDrawingBuffer(
  canvas: { width: number; height: number },
  width: number,
  height: number,
  pixelRatio: number,
): boolean {
  const pixelWidth = Math.max(1, Math.round(width * pixelRatio));
  const pixelHeight = Math.max(1, Math.round(height * pixelRatio));
  const reallocated = canvas.width !== pixelWidth || canvas.height !== pixelHeight;
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
  return reallocated;
}
