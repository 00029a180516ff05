import { quadtree } from 'd3';
import type { Live } from './useLiveScatter';

/** The hover index is rebuilt at most this often while frames stream (O(n log n) per build). */
const TREE_MAX_AGE_MS = 200;
/** Hover picks the nearest point within this many CSS pixels. */
const HOVER_RADIUS_PX = 10;

/** The point under the pointer and where it is drawn, in CSS pixels from the canvas's corner. */
export interface Tooltip {
  index: number;
  left: number;
  top: number;
}

/**
 * The drawn point nearest the pointer (within HOVER_RADIUS_PX), found in a quadtree of the last
 * drawn frame; null when none is near or nothing is drawn. The quadtree is cached in `s`.
 */
export function hoverPoint(
  s: Live,
  canvas: HTMLCanvasElement,
  clientX: number,
  clientY: number,
): Tooltip | null {
  if (!s.view || !s.drawn) return null;
  const now = performance.now();
  if (!s.tree || (s.treeFrame !== s.drawn && now - s.treeBuiltAt > TREE_MAX_AGE_MS)) {
    const points = s.drawn.embedding;
    s.tree = quadtree<number>()
      .x((i) => points[2 * i])
      .y((i) => points[2 * i + 1])
      .addAll(Array.from({ length: points.length / 2 }, (_, i) => i));
    s.treePoints = points;
    s.treeFrame = s.drawn;
    s.treeBuiltAt = now;
  }
  const rect = canvas.getBoundingClientRect();
  const { sx, ox, sy, oy } = s.view;
  const x = (clientX - rect.left - ox) / sx;
  const y = (clientY - rect.top - oy) / sy;
  const index = s.tree.find(x, y, HOVER_RADIUS_PX / Math.abs(sx));
  const points = s.treePoints;
  if (index === undefined || !points) return null;
  return { index, left: sx * points[2 * index] + ox, top: sy * points[2 * index + 1] + oy };
}
