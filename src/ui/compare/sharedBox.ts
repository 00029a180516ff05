import type { FitBox } from '../scatter/scene';

/**
 * The smallest square holding every box: drawing each run with this one box (and canvases of one
 * size) gives both scatters the same scale, so a contracted ring looks contracted next to the other.
 */
export function unionBox(boxes: readonly FitBox[]): FitBox {
  if (boxes.length === 0) return { cx: 0, cy: 0, half: 1 };
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const box of boxes) {
    x0 = Math.min(x0, box.cx - box.half);
    x1 = Math.max(x1, box.cx + box.half);
    y0 = Math.min(y0, box.cy - box.half);
    y1 = Math.max(y1, box.cy + box.half);
  }
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, half: Math.max(x1 - x0, y1 - y0) / 2 };
}
