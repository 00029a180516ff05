/**
 * The O(n²) part of the losses (losses.ts): R_i = Σ_j log(1 − ν_ij) for every point i, with
 * ν_ij = φ(‖e_i − e_j‖) = 1/(1 + a·d_ij^{2b}) (eq. 4), in square tiles, over a tabulated log(1 − ν).
 * The purported repulsion (eq. 6) is −Σ_i R_i plus an edge correction; the effective one (eq. 12)
 * is −(m/n)·Σ_i d_i·R_i.
 */
import { type LossSettings, repulsionLog } from './lossLog';

/** Rows per tile of the pair loop: 2 × 256 coordinates plus 256 row sums stay in L1. */
const TILE = 256;

/**
 * r(L) = log(1 − ν) as a function of L = log d², tabulated as cubic Hermite pieces (exact values
 * and slopes at the nodes) on a uniform grid of step 1/64 in L. r is smooth in L with derivatives
 * of order b^k·|r|, so the sums stay within 1e-11 (relative) of the formula's (7e-12 worst in the
 * tests). One log and a cubic per pair instead of exp, log and log1p: 2.2× faster (n = 5000: 0.3 s).
 *
 * The grid is anchored at the kink of the log convention, so no piece straddles it: in the paper
 * log at L_cut, where ν = ε and r becomes 0 for good; in the clamped log at L_floor, where 1 − ν = ε
 * and r is log ε below. Pairs outside the grid (very close pairs, or very far ones in the clamped
 * log) use the formula itself.
 */
interface RepulsionTable {
  /** L at the first node. */
  start: number;
  cells: number;
  coefficients: Float64Array;
}

const TABLE_STEPS_PER_UNIT = 64;
/** Width of the tabulated range in L = log d², i.e. a factor e^32 ≈ 8e13 in d². */
const TABLE_SPAN = 32;

function buildRepulsionTable(s: LossSettings): RepulsionTable {
  const { a, b, eps, clamped } = s;
  // ν = ε ⇔ a·e^{bL} = 1/ε − 1 (paper kink); 1 − ν = ε ⇔ a·e^{bL} = ε/(1 − ε) (clamped kink).
  const kink = Math.log((clamped ? eps / (1 - eps) : 1 / eps - 1) / a) / b;
  const cells = TABLE_SPAN * TABLE_STEPS_PER_UNIT;
  const step = 1 / TABLE_STEPS_PER_UNIT;
  const start = clamped ? kink : kink - TABLE_SPAN;
  // r and h·dr/dL at the nodes: dν/dL = −b·t·ν² with t = a·e^{bL}, and d log(1 + δ − ν) = −dν/(1 + δ − ν).
  const values = new Float64Array(cells + 1);
  const slopes = new Float64Array(cells + 1);
  const shift = clamped ? 0 : eps;
  for (let c = 0; c <= cells; c++) {
    const t = a * Math.exp(b * (start + c * step));
    const nu = 1 / (1 + t);
    values[c] = repulsionLog(nu, s);
    slopes[c] = (step * b * t * nu * nu) / (1 + shift - nu);
  }
  // Hermite on each cell as p(τ) = c0 + c1·τ + c2·τ² + c3·τ³, τ ∈ [0, 1].
  const coefficients = new Float64Array(4 * cells);
  for (let c = 0; c < cells; c++) {
    const f0 = values[c];
    const f1 = values[c + 1];
    const d0 = slopes[c];
    const d1 = slopes[c + 1];
    coefficients[4 * c] = f0;
    coefficients[4 * c + 1] = d0;
    coefficients[4 * c + 2] = 3 * (f1 - f0) - 2 * d0 - d1;
    coefficients[4 * c + 3] = 2 * (f0 - f1) + d0 + d1;
  }
  return { start, cells, coefficients };
}

/**
 * R_i = Σ_j log(1 − ν_ij) over all j (j = i only with the diagonal), each unordered pair evaluated
 * once and added to both rows, in square tiles. In the paper log a pair at or beyond the kink has
 * ν ≤ ε and contributes exactly 0, so it is skipped before any log is taken.
 */
export function repulsionRowSums(
  layout: Float32Array,
  n: number,
  s: LossSettings,
  rowSums: Float64Array,
): void {
  const { a, b, eps, clamped } = s;
  const { start, cells, coefficients } = buildRepulsionTable(s);
  const cutSquared = clamped ? Number.POSITIVE_INFINITY : Math.exp(start + TABLE_SPAN);
  const logEps = Math.log(eps);
  // float64 coordinates: ~5 % faster in the loop than converting float32 on every load.
  const xy = Float64Array.from(layout);
  for (let i0 = 0; i0 < n; i0 += TILE) {
    const i1 = Math.min(n, i0 + TILE);
    for (let j0 = i0; j0 < n; j0 += TILE) {
      const j1 = Math.min(n, j0 + TILE);
      for (let i = i0; i < i1; i++) {
        const xi = xy[2 * i];
        const yi = xy[2 * i + 1];
        let rowSum = 0;
        for (let j = j0 > i ? j0 : i + 1; j < j1; j++) {
          const dx = xi - xy[2 * j];
          const dy = yi - xy[2 * j + 1];
          const squared = dx * dx + dy * dy;
          if (squared >= cutSquared) continue;
          const position = (Math.log(squared) - start) * TABLE_STEPS_PER_UNIT;
          let r: number;
          if (position >= 0 && position < cells) {
            const cell = position | 0;
            const tau = position - cell;
            const k = 4 * cell;
            r =
              coefficients[k] +
              tau * (coefficients[k + 1] + tau * (coefficients[k + 2] + tau * coefficients[k + 3]));
          } else if (clamped && position < 0) {
            r = logEps;
          } else {
            // Off the grid: the formula, with (d²)^b as exp(b·log d²) (0 at d² = 0, so ν = 1).
            r = repulsionLog(1 / (1 + a * Math.exp(b * Math.log(squared))), s);
          }
          rowSum += r;
          rowSums[j] += r;
        }
        rowSums[i] += rowSum;
      }
    }
  }
  if (s.diagonal) {
    const self = repulsionLog(1, s); // ν_ii = 1
    for (let i = 0; i < n; i++) rowSums[i] += self;
  }
}
