/**
 * The O(n²) term of the losses (losses.ts, and with NEG's ξ negLosses.ts: the repulsion of eq. 6
 * and eq. 12), R_i = Σ_j r_ij with
 * r_ij = log(1 − ν_ij) in the chosen log convention (lossLog.ts), approximated in O(n log n) by a Barnes–Hut walk of a quadtree
 * (quadtree.ts): near pairs exactly, a far cell of N points by a second-order Taylor expansion of
 * f(y) = g(‖y − e_i‖²) about the cell's centre of mass c, g(s) = r at squared distance s.
 *
 *   Σ_{j∈cell} f(e_j) ≈ N·g(s) + g'(s)·tr M + 2·g''(s)·vᵀMv,     v = c − e_i, s = ‖v‖²,
 *
 * with M = Σ_j (e_j − c)(e_j − c)ᵀ (the Hessian of f is 2g'·I + 4g''·vvᵀ; the first-order term is
 * zero about the centre of mass). A cell is expanded only if it lies within one smooth piece of g:
 * beyond the kink of the log convention (the paper log's r = 0 for ν ≤ ε, the clamped log's
 * r = log ε for 1 − ν ≤ ε) g has no derivative, so a cell straddling a kink is opened; a cell wholly
 * beyond the paper log's kink contributes exactly 0 and is skipped.
 *
 * Error bound. The dropped term is the third-order Taylor remainder of f over the cell. Far from
 * the kinks g behaves like −ν ≈ −s^{−b}/a, so each derivative in y brings a factor ≤ (2b + k)/‖y − e_i‖
 * and ‖∇³f(y)‖ ≤ C·|g(y)|/‖y − e_i‖³ with C ≈ 2b(2b + 1)(2b + 2) (≈ 19 at b = 0.9). With the opening
 * test ρ < θ·D (ρ the cell radius about c, D = ‖c − e_i‖) a cell's remainder is then at most
 *
 *   (1/6)·Σ_j ‖e_j − c‖³·max_cell ‖∇³f‖ ≤ C/6 · θ³/(1 − θ)³ · ((1 + θ)/(1 − θ))^{2b} · |exact cell sum|,
 *
 * the last factor bounding max|g| / min|g| over the cell (|g| ~ s^{−b}). Every r_ij has the same sign
 * (≤ 0), so the relative error of each R_i, of −Σ_i R_i and of Σ_i d_i·R_i (d_i ≥ 0) is at most that
 * of the worst cell; the attraction and the edge terms are exact. That worst case (all of a cell's
 * points on its rim, on the line to e_i) is ~1.8 at θ = 0.35, b = 0.9, and far from real cells: their third
 * moments nearly cancel about the centre of mass, so the remainder is effectively fourth order
 * (measured: the error grows as θ^3.9–4.5), and the bound is not what sets θ. The measured relative
 * error of the totals at θ = FAR_FIELD_THETA is 0.5–2.2e-4 (rings n = 5000 raw and scaled ×3, ten
 * blobs n = 20 000, both log conventions), so FAR_FIELD_RELATIVE_ERROR = 1e-3 holds with a margin
 * of ≥ 4.5; farField.test.ts checks it against exact at n = 4000, 5000 and 20 000.
 *
 * Near pairs (leaf against leaf) use the formula of lossLog.ts, so their terms are exact.
 */
import { type LossSettings, repulsionLog } from './lossLog';
import { buildQuadtree, QUADTREE_MAX_DEPTH } from './quadtree';

/** Opening angle: a cell of radius ρ is expanded when ρ < θ·(distance to its centre of mass). */
export const FAR_FIELD_THETA = 0.35;

/** Largest n evaluated exactly when `approximate` is 'auto' (losses.ts). */
export const EXACT_LOSS_MAX_POINTS = 5000;

/** Relative error on the total losses the far field is tested to stay within. */
export const FAR_FIELD_RELATIVE_ERROR = 1e-3;

/** Grid steps per unit of L = log s and the width of the tabulated range (as pairRepulsion.ts). */
const STEPS_PER_UNIT = 64;
const SPAN = 32;

/**
 * g, G1 = dg/dL and G2 = d²g/dL² (L = log s) on a uniform grid in L, anchored for UMAP's φ at the
 * kink of the log convention, so that a pair or cell costs one log instead of exp, log and log1p.
 * g is interpolated by cubic Hermite pieces (values and slopes G1): relative error ~1e-11
 * (pairRepulsion.ts). G1, G2 only enter the second-order correction, itself ≤ θ² of the cell's sum;
 * linear interpolation (relative error ≤ h²/8·max|G''|/|G| ~ 1e-4 at h = 1/64) adds ≤ 1e-5·θ² to a
 * cell's relative error.
 */
interface KernelTable {
  start: number;
  cells: number;
  hermite: Float64Array;
  g1: Float64Array;
  g2: Float64Array;
}

/** Writes g, G1, G2 at squared distance s into out[0], out[1], out[2]. */
type KernelAt = (s: number, out: Float64Array) => void;

/**
 * What the walk needs of a repulsion kernel: its table, its exact values where the table ends, and
 * the squared distances beyond which r = 0 (cut) and below which a cell is not expanded (floor).
 */
interface RepulsionKernel {
  table: KernelTable;
  at: KernelAt;
  cutSquared: number;
  floorSquared: number;
  /** r of every pair closer than the table's start, where it is constant (the clamped log's log ε). */
  below?: number;
}

function kernelTable(start: number, at: KernelAt): KernelTable {
  const cells = SPAN * STEPS_PER_UNIT;
  const step = 1 / STEPS_PER_UNIT;
  const values = new Float64Array(cells + 1);
  const g1 = new Float64Array(cells + 1);
  const g2 = new Float64Array(cells + 1);
  const out = new Float64Array(3);
  for (let c = 0; c <= cells; c++) {
    at(Math.exp(start + c * step), out);
    values[c] = out[0];
    g1[c] = out[1];
    g2[c] = out[2];
  }
  const hermite = new Float64Array(4 * cells);
  for (let c = 0; c < cells; c++) {
    const f0 = values[c];
    const f1 = values[c + 1];
    const d0 = step * g1[c];
    const d1 = step * g1[c + 1];
    hermite[4 * c] = f0;
    hermite[4 * c + 1] = d0;
    hermite[4 * c + 2] = 3 * (f1 - f0) - 2 * d0 - d1;
    hermite[4 * c + 3] = 2 * (f0 - f1) + d0 + d1;
  }
  return { start, cells, hermite, g1, g2 };
}

/**
 * UMAP's r = log(1 − ν), ν = φ = 1/(1 + t), t = a·s^b, in the chosen log convention; G1 and G2 of
 * log(1 + shift − ν) (they are only read inside one smooth piece, where the two agree).
 */
function umapKernel(settings: LossSettings): RepulsionKernel {
  const { a, b, eps, clamped } = settings;
  const shift = clamped ? 0 : eps;
  // Kinks in L = log s: paper ν = ε ⇔ t = 1/ε − 1; clamped 1 − ν = ε ⇔ t = ε/(1 − ε).
  const kink = Math.log((clamped ? eps / (1 - eps) : 1 / eps - 1) / a) / b;
  const at: KernelAt = (s, out) => {
    const t = a * Math.exp(b * Math.log(s));
    const nu = 1 / (1 + t);
    const q = 1 + shift - nu;
    const tn2 = t * nu * nu;
    out[0] = repulsionLog(nu, settings);
    out[1] = (b * tn2) / q;
    out[2] = (b * b * tn2 * ((1 - 2 * t * nu) * q - tn2)) / (q * q);
  };
  return {
    table: kernelTable(clamped ? kink : kink - SPAN, at),
    at,
    cutSquared: clamped ? Number.POSITIVE_INFINITY : Math.exp(kink),
    floorSquared: clamped ? Math.exp(kink) : 0,
    below: clamped ? Math.log(eps) : undefined,
  };
}

/**
 * NEG's r = log(1 − ξ), ξ = 1/(1 + w), w = c(1 + s) (ICLR 2023, eq. 5): g = −log1p(1/w), smooth
 * for every s ≥ 0 (no kink: ξ ≤ 1/(1 + c) < 1), with dg/ds = c/(w(1 + w)) and
 * d²g/ds² = −c²(2w + 1)/(w(1 + w))². Far away g ≈ −1/(cs), the Cauchy tail, so the expansion's
 * remainder falls like φ's with b = 1 (the file comment's bound).
 */
function negKernel(c: number): RepulsionKernel {
  const at: KernelAt = (s, out) => {
    const w = c * (1 + s);
    const w1 = w * (1 + w);
    const slope = s * (c / w1);
    out[0] = -Math.log1p(1 / w);
    out[1] = slope;
    out[2] = slope - (s * s * c * c * (2 * w + 1)) / (w1 * w1);
  };
  return {
    table: kernelTable(-SPAN / 2, at),
    at,
    cutSquared: Number.POSITIVE_INFINITY,
    floorSquared: 0,
  };
}

/**
 * R_i = Σ_j log(1 − ν_ij) (j = i only with the diagonal) for every point, into rowSums (indexed as
 * the layout), with the far field approximated as in the file comment.
 */
export function farFieldRowSums(
  layout: Float32Array,
  n: number,
  s: LossSettings,
  rowSums: Float64Array,
  theta: number = FAR_FIELD_THETA,
): void {
  walkRowSums(layout, n, umapKernel(s), rowSums, theta);
  if (s.diagonal) {
    const self = repulsionLog(1, s); // ν_ii = 1
    for (let i = 0; i < n; i++) rowSums[i] += self;
  }
}

/**
 * R_i = Σ_{j≠i} log(1 − ξ_ij) for NEG's ξ = 1/(1 + c(1 + d²)) (negLosses.ts), into rowSums, with
 * the far field approximated as for φ.
 */
export function negFarFieldRowSums(
  layout: Float32Array,
  n: number,
  c: number,
  rowSums: Float64Array,
  theta: number = FAR_FIELD_THETA,
): void {
  walkRowSums(layout, n, negKernel(c), rowSums, theta);
}

/** Σ_{j≠i} g(‖e_i − e_j‖²) for every point i: near pairs from the table, far cells expanded. */
function walkRowSums(
  layout: Float32Array,
  n: number,
  { table, at, cutSquared, floorSquared, below }: RepulsionKernel,
  rowSums: Float64Array,
  theta: number,
): void {
  if (!(theta > 0 && theta < 1)) throw new Error(`theta must lie in (0, 1), got ${theta}`);
  rowSums.fill(0);
  if (n === 0) return;
  const tree = buildQuadtree(layout, n);
  const { order, xy, start, end, firstChild, childCount, cx, cy, mxx, mxy, myy, radius } = tree;
  const { start: tableStart, cells, hermite, g1: g1Table, g2: g2Table } = table;
  const exact = new Float64Array(3);
  const theta2 = theta * theta;
  const stack = new Int32Array(4 * (QUADTREE_MAX_DEPTH + 2));

  for (let p = 0; p < n; p++) {
    const x = xy[2 * p];
    const y = xy[2 * p + 1];
    let sum = 0;
    let top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      const vx = cx[node] - x;
      const vy = cy[node] - y;
      const squared = vx * vx + vy * vy;
      const rho = radius[node];
      const distance = Math.sqrt(squared);
      const near = distance - rho;
      // Wholly beyond the paper log's kink: every ν ≤ ε, every r = 0.
      if (near > 0 && near * near >= cutSquared) continue;
      const far = distance + rho;
      const expandable =
        rho * rho < theta2 * squared && far * far < cutSquared && near > 0 && near * near > floorSquared;
      if (expandable) {
        // g, G1 = dg/dL, G2 = d²g/dL² at s; then g'(s) = G1/s, g''(s) = (G2 − G1)/s².
        const position = (Math.log(squared) - tableStart) * STEPS_PER_UNIT;
        let g: number;
        let g1: number;
        let g2: number;
        if (position >= 0 && position < cells) {
          const cell = position | 0;
          const tau = position - cell;
          const k = 4 * cell;
          g = hermite[k] + tau * (hermite[k + 1] + tau * (hermite[k + 2] + tau * hermite[k + 3]));
          g1 = g1Table[cell] + tau * (g1Table[cell + 1] - g1Table[cell]);
          g2 = g2Table[cell] + tau * (g2Table[cell + 1] - g2Table[cell]);
        } else {
          at(squared, exact);
          g = exact[0];
          g1 = exact[1];
          g2 = exact[2];
        }
        const trace = mxx[node] + myy[node];
        const along = vx * vx * mxx[node] + 2 * vx * vy * mxy[node] + vy * vy * myy[node];
        sum +=
          (end[node] - start[node]) * g +
          (g1 / squared) * trace +
          (2 * (g2 - g1) * along) / (squared * squared);
      } else if (childCount[node] === 0) {
        for (let k = start[node]; k < end[node]; k++) {
          if (k === p) continue;
          const dx = x - xy[2 * k];
          const dy = y - xy[2 * k + 1];
          const d2 = dx * dx + dy * dy;
          if (d2 >= cutSquared) continue;
          const position = (Math.log(d2) - tableStart) * STEPS_PER_UNIT;
          if (position >= 0 && position < cells) {
            const cell = position | 0;
            const tau = position - cell;
            const c = 4 * cell;
            sum += hermite[c] + tau * (hermite[c + 1] + tau * (hermite[c + 2] + tau * hermite[c + 3]));
          } else if (position < 0 && below !== undefined) {
            sum += below;
          } else {
            at(d2, exact);
            sum += exact[0];
          }
        }
      } else {
        const first = firstChild[node];
        for (let c = 0; c < childCount[node]; c++) stack[top++] = first + c;
      }
    }
    rowSums[order[p]] = sum;
  }
}
