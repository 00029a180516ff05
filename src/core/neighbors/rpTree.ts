/**
 * Random-projection trees: the initial candidate neighbours of NN-descent (docs/algorithm.md §1.2).
 *
 * A tree splits the points recursively by the hyperplane that bisects two random members of the
 * node, until a node has at most `leafSize` points. Points close to each other tend to share a leaf,
 * so the pairs inside each leaf of a few trees give a good first guess of the kNN graph
 * (Dasgupta & Freund 2008; the "RP forest" initialisation used by pynndescent).
 *
 * - Euclidean: the hyperplane is the perpendicular bisector of x_a and x_b.
 * - Cosine: only directions matter, so the hyperplane goes through the origin and is normal to
 *   x_a/|x_a| − x_b/|x_b| (it bisects the angle between them).
 *
 * A tree is returned flat: `order` is a permutation of 0..n−1 in which every leaf is a contiguous run
 * `order[leafStarts[l] .. leafStarts[l + 1])`.
 */
import { dot } from './vectorDistance';

export interface RpTreeLeaves {
  /** Point indices, grouped leaf by leaf. */
  order: Int32Array;
  /** leafCount + 1 offsets into `order`. */
  leafStarts: Int32Array;
  leafCount: number;
}

/**
 * One random-projection tree over the n rows of `points` (row-major, `dim` columns). `nextUint32`
 * is the only randomness (random.ts `createUint32Source`), so the tree is a function of its state.
 */
export function rpTreeLeaves(
  points: Float32Array,
  n: number,
  dim: number,
  cosine: boolean,
  leafSize: number,
  nextUint32: () => number,
): RpTreeLeaves {
  if (!(leafSize >= 1)) throw new Error(`leafSize must be at least 1, got ${leafSize}`);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const leafStarts = new Int32Array(n + 1);
  let leafCount = 0;
  const normal = new Float64Array(dim);
  const margins = new Float64Array(n);
  // Pending nodes as (start, end) pairs; there are never more pending nodes than points.
  const stack = new Int32Array(2 * n + 2);
  let top = 0;
  stack[top++] = 0;
  stack[top++] = n;
  while (top > 0) {
    const end = stack[--top];
    const start = stack[--top];
    if (end - start <= leafSize) {
      leafStarts[leafCount++] = start;
      continue;
    }
    const middle = splitNode(points, dim, cosine, order, start, end, normal, margins, nextUint32);
    // Right child first so leaves come out left to right.
    stack[top++] = middle;
    stack[top++] = end;
    stack[top++] = start;
    stack[top++] = middle;
  }
  // Leaves were recorded by start in depth-first order, which is increasing start.
  leafStarts[leafCount] = n;
  return { order, leafStarts: leafStarts.slice(0, leafCount + 1), leafCount };
}

/**
 * Partition order[start..end) by a random hyperplane; returns the first index of the right side.
 * Points exactly on the plane (e.g. duplicates of both pivots) go to a random side; if one side is
 * still empty the node is cut in half so the recursion always ends.
 */
function splitNode(
  points: Float32Array,
  dim: number,
  cosine: boolean,
  order: Int32Array,
  start: number,
  end: number,
  normal: Float64Array,
  margins: Float64Array,
  nextUint32: () => number,
): number {
  const size = end - start;
  const pickA = nextUint32() % size;
  let pickB = nextUint32() % (size - 1);
  if (pickB >= pickA) pickB++;
  const a = order[start + pickA] * dim;
  const b = order[start + pickB] * dim;
  let offset = 0;
  if (cosine) {
    const normA = Math.sqrt(dot(points, a, a, dim)) || 1;
    const normB = Math.sqrt(dot(points, b, b, dim)) || 1;
    for (let t = 0; t < dim; t++) normal[t] = points[a + t] / normA - points[b + t] / normB;
  } else {
    for (let t = 0; t < dim; t++) {
      const u = points[a + t];
      const v = points[b + t];
      normal[t] = u - v;
      offset -= (u - v) * 0.5 * (u + v);
    }
  }
  // Four points per pass share the loads of the normal; each margin is still summed in index order
  // from `offset`, so the split does not depend on the blocking.
  let p = start;
  for (; p + 3 < end; p += 4) {
    const row0 = order[p] * dim;
    const row1 = order[p + 1] * dim;
    const row2 = order[p + 2] * dim;
    const row3 = order[p + 3] * dim;
    let margin0 = offset;
    let margin1 = offset;
    let margin2 = offset;
    let margin3 = offset;
    for (let t = 0; t < dim; t++) {
      const w = normal[t];
      margin0 += w * points[row0 + t];
      margin1 += w * points[row1 + t];
      margin2 += w * points[row2 + t];
      margin3 += w * points[row3 + t];
    }
    margins[p] = margin0;
    margins[p + 1] = margin1;
    margins[p + 2] = margin2;
    margins[p + 3] = margin3;
  }
  for (; p < end; p++) {
    const row = order[p] * dim;
    let margin = offset;
    for (let t = 0; t < dim; t++) margin += normal[t] * points[row + t];
    margins[p] = margin;
  }
  for (let q = start; q < end; q++) if (margins[q] === 0) margins[q] = nextUint32() & 1 ? 1 : -1;
  // Two-pointer partition: non-positive margins to the left, positive to the right.
  let left = start;
  let right = end - 1;
  while (left <= right) {
    if (margins[left] <= 0) left++;
    else {
      const point = order[left];
      order[left] = order[right];
      order[right] = point;
      const margin = margins[left];
      margins[left] = margins[right];
      margins[right] = margin;
      right--;
    }
  }
  if (left === start || left === end) return start + (size >> 1);
  return left;
}
