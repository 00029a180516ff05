/**
 * A point quadtree over a 2-D layout with the moments the far-field loss (farField.ts) expands
 * around: per node the point count, the centre of mass, the second moments about it and the radius
 * (largest distance of a point from the centre of mass).
 *
 * Points are reordered so that every node owns a contiguous range [start, end) of `order`; `xy`
 * holds the coordinates in that order (float64). Children of a node are stored consecutively from
 * `firstChild` (only non-empty quadrants), so a node is a leaf when `childCount` is 0.
 */

export interface Quadtree {
  n: number;
  nodeCount: number;
  /** order[p] = index in the layout of the p-th point in tree order. */
  order: Int32Array;
  /** Coordinates in tree order, n×2 row-major. */
  xy: Float64Array;
  start: Int32Array;
  end: Int32Array;
  firstChild: Int32Array;
  childCount: Uint8Array;
  /** Centre of mass. */
  cx: Float64Array;
  cy: Float64Array;
  /** Σ (x − cx)², Σ (x − cx)(y − cy), Σ (y − cy)² over the node's points. */
  mxx: Float64Array;
  mxy: Float64Array;
  myy: Float64Array;
  /** max ‖e_j − c‖ over the node's points. */
  radius: Float64Array;
  /** Depth of the deepest node (root = 0). */
  depth: number;
}

/** Points per leaf: the pairs inside a leaf are evaluated exactly anyway. */
export const QUADTREE_LEAF_SIZE = 12;
/**
 * Coincident (or nearly) points cannot be separated: beyond this depth (cell side 2^-48 of the
 * bounding box, below float32 resolution of the coordinates) a node stays a leaf whatever its size.
 */
export const QUADTREE_MAX_DEPTH = 48;

export function buildQuadtree(
  layout: Float32Array,
  n: number,
  leafSize: number = QUADTREE_LEAF_SIZE,
): Quadtree {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const scratch = new Int32Array(n);

  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const x = layout[2 * i];
    const y = layout[2 * i + 1];
    if (!(Number.isFinite(x) && Number.isFinite(y))) throw new Error(`layout point ${i} is not finite`);
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  // A square root cell keeps the children square.
  const half = Math.max(maxX - minX, maxY - minY, 1e-300) / 2;

  // Nodes are appended breadth-first-ish from a work stack; plain arrays grow, typed copies at the end.
  const start: number[] = [0];
  const end: number[] = [n];
  const firstChild: number[] = [-1];
  const childCount: number[] = [0];
  const boxX: number[] = [(minX + maxX) / 2];
  const boxY: number[] = [(minY + maxY) / 2];
  const boxHalf: number[] = [half];
  const level: number[] = [0];
  const pending: number[] = n > 0 ? [0] : [];
  let depth = 0;
  const counts = new Int32Array(4);
  const offsets = new Int32Array(4);

  while (pending.length > 0) {
    const node = pending.pop() as number;
    const s = start[node];
    const e = end[node];
    if (level[node] > depth) depth = level[node];
    if (e - s <= leafSize || level[node] >= QUADTREE_MAX_DEPTH) continue;
    const mx = boxX[node];
    const my = boxY[node];
    // Counting sort of the range into quadrants q = (x ≥ mx) + 2·(y ≥ my).
    counts.fill(0);
    for (let p = s; p < e; p++) {
      const i = order[p];
      counts[(layout[2 * i] >= mx ? 1 : 0) + (layout[2 * i + 1] >= my ? 2 : 0)]++;
    }
    offsets[0] = s;
    for (let q = 1; q < 4; q++) offsets[q] = offsets[q - 1] + counts[q - 1];
    for (let p = s; p < e; p++) {
      const i = order[p];
      scratch[offsets[(layout[2 * i] >= mx ? 1 : 0) + (layout[2 * i + 1] >= my ? 2 : 0)]++] = i;
    }
    for (let p = s; p < e; p++) order[p] = scratch[p];
    const h = boxHalf[node] / 2;
    firstChild[node] = start.length;
    let from = s;
    for (let q = 0; q < 4; q++) {
      if (counts[q] === 0) continue;
      const child = start.length;
      start.push(from);
      end.push(from + counts[q]);
      firstChild.push(-1);
      childCount.push(0);
      boxX.push(mx + (q & 1 ? h : -h));
      boxY.push(my + (q & 2 ? h : -h));
      boxHalf.push(h);
      level.push(level[node] + 1);
      childCount[node]++;
      pending.push(child);
      from += counts[q];
    }
  }

  const nodeCount = start.length;
  const xy = new Float64Array(2 * n);
  for (let p = 0; p < n; p++) {
    xy[2 * p] = layout[2 * order[p]];
    xy[2 * p + 1] = layout[2 * order[p] + 1];
  }
  const tree: Quadtree = {
    n,
    nodeCount,
    order,
    xy,
    start: Int32Array.from(start),
    end: Int32Array.from(end),
    firstChild: Int32Array.from(firstChild),
    childCount: Uint8Array.from(childCount),
    cx: new Float64Array(nodeCount),
    cy: new Float64Array(nodeCount),
    mxx: new Float64Array(nodeCount),
    mxy: new Float64Array(nodeCount),
    myy: new Float64Array(nodeCount),
    radius: new Float64Array(nodeCount),
    depth,
  };
  // Moments straight from each node's range: O(n·depth), and no cancellation from combining children.
  for (let node = 0; node < nodeCount; node++) {
    const s = tree.start[node];
    const e = tree.end[node];
    let sx = 0;
    let sy = 0;
    for (let p = s; p < e; p++) {
      sx += xy[2 * p];
      sy += xy[2 * p + 1];
    }
    const cx = sx / (e - s);
    const cy = sy / (e - s);
    let xx = 0;
    let xyM = 0;
    let yy = 0;
    let r2 = 0;
    for (let p = s; p < e; p++) {
      const dx = xy[2 * p] - cx;
      const dy = xy[2 * p + 1] - cy;
      xx += dx * dx;
      xyM += dx * dy;
      yy += dy * dy;
      const d2 = dx * dx + dy * dy;
      if (d2 > r2) r2 = d2;
    }
    tree.cx[node] = cx;
    tree.cy[node] = cy;
    tree.mxx[node] = xx;
    tree.mxy[node] = xyM;
    tree.myy[node] = yy;
    tree.radius[node] = Math.sqrt(r2);
  }
  return tree;
}
