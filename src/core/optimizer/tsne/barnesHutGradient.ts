/**
 * The repulsion of exactGradient.ts in O(n log n) by a Barnes–Hut walk of the quadtree of
 * losses/quadtree.ts (van der Maaten, "Accelerating t-SNE using tree-based algorithms", JMLR 2014,
 * §4.2): from each point y_i the tree is walked from the root; a cell far enough from y_i is
 * summarised at its centre of mass c, near cells are opened down to the leaves, whose points are
 * summed exactly. van der Maaten's summary of a cell of N points is the monopole
 *
 *   Z_cell ≈ N·w,     S_cell ≈ N·w²·v,     v = y_i − c, s = ‖v‖², w = 1/(1 + s);
 *
 * here the second-order (quadrupole) term of the Taylor expansion about c is added, from the
 * cell's second moments M = Σ_j (e_j − c)(e_j − c)ᵀ that the quadtree keeps (the expansion
 * losses/farField.ts uses for UMAP's loss; the first-order term vanishes about the centre of mass):
 *
 *   Z_cell ≈ N·w + 4w³·vᵀMv − w²·tr M,
 *   S_cell ≈ N·w²·v + 12w⁴·(vᵀMv)·v − 2w³·(tr M·v + 2·M v),
 *
 * from ∂²w/∂v_b∂v_c = 8w³ v_b v_c − 2w² δ_bc and ∂²(w² v_a)/∂v_b∂v_c = 24w⁴ v_a v_b v_c −
 * 4w³ (δ_ab v_c + δ_ac v_b + δ_bc v_a). The monopole alone is biased: beyond distance 1, w is convex
 * along the cell, so N·w(c) underestimates every far cell, and at θ = 0.5 that bias left Z 2–4e-3
 * low on blobs at n = 500; with the quadrupole the error is third order and mostly cancels.
 *
 * "Far enough": van der Maaten's test r_cell / ‖y_i − c‖ < θ with r_cell the cell's diagonal; here
 * r_cell = 2·radius, the diameter of the ball about c that holds the cell's points (quadtree.ts),
 * which never exceeds the diagonal and shrinks with the points, not the box. A cell holding y_i
 * itself has ‖y_i − c‖ ≤ radius, so for θ < 2 it is always opened and y_i never repels itself.
 */
import { buildQuadtree } from '../../losses/quadtree';

/**
 * Writes S_i (see above) into `forces` (n×2, overwritten, layout order) and returns the
 * approximate Z. `theta` = 0 opens every cell (exact, O(n²)). The walk runs on the tree's
 * float64 copy of the float32 coordinates.
 */
export function barnesHutRepulsion(
  layout: Float32Array,
  n: number,
  theta: number,
  forces: Float64Array,
): number {
  forces.fill(0);
  if (n === 0) return 0;
  const tree = buildQuadtree(layout, n);
  const { order, xy, start, end, firstChild, childCount, cx, cy, mxx, mxy, myy, radius } = tree;
  const theta2 = theta * theta;
  // Depth-first: each pop pushes at most 4 children, so 3 per level plus 4 bound the stack.
  const stack = new Int32Array(3 * tree.depth + 8);
  let z = 0;
  for (let p = 0; p < n; p++) {
    const qx = xy[2 * p];
    const qy = xy[2 * p + 1];
    let zi = 0;
    let fx = 0;
    let fy = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      const dx = qx - cx[node];
      const dy = qy - cy[node];
      const d2 = dx * dx + dy * dy;
      const size = 2 * radius[node];
      if (size * size < theta2 * d2) {
        const count = end[node] - start[node];
        const w = 1 / (1 + d2);
        const w2 = w * w;
        const trace = mxx[node] + myy[node];
        const mvx = mxx[node] * dx + mxy[node] * dy;
        const mvy = mxy[node] * dx + myy[node] * dy;
        const vmv = dx * mvx + dy * mvy;
        zi += count * w + w2 * (4 * w * vmv - trace);
        const along = count * w2 + 2 * w2 * w * (6 * w * vmv - trace);
        const across = -4 * w2 * w;
        fx += along * dx + across * mvx;
        fy += along * dy + across * mvy;
      } else if (childCount[node] === 0) {
        for (let q = start[node]; q < end[node]; q++) {
          if (q === p) continue;
          const ex = qx - xy[2 * q];
          const ey = qy - xy[2 * q + 1];
          const w = 1 / (1 + ex * ex + ey * ey);
          zi += w;
          const w2 = w * w;
          fx += w2 * ex;
          fy += w2 * ey;
        }
      } else {
        const first = firstChild[node];
        for (let c = first + childCount[node] - 1; c >= first; c--) stack[top++] = c;
      }
    }
    z += zi;
    const i = order[p];
    forces[2 * i] = fx;
    forces[2 * i + 1] = fy;
  }
  return z;
}
