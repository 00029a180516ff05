/**
 * The paper's two losses over all pairs: the purported loss UMAP claims to minimise (eq. 6) and the
 * effective loss its negative sampling really minimises (eq. 12), each split into attraction and
 * repulsion, and Table 1 built from them.
 *
 * Convention (algorithm.md §3.4, the paper code's): the sums run over all n² ordered pairs, the
 * diagonal included: the paper's 2·Σ_{i<j} plus i = j terms with ν_ii = 1 and μ_ii = 0
 * (unless the graph stores a self-loop, as the dense kernel graph does). Every log is the paper's
 * log(min(x + ε, 1)), ε = 1e-4. `diagonal: false` drops the i = j terms; `log: 'clamped'` uses
 * log(max(x, ε)) instead (the convention of umap_learn_reference.json's "brief" numbers).
 *
 * Cost: one O(n²) pass. With r_ij = log(1 − ν_ij) and R_i = Σ_j r_ij, both repulsions follow from R:
 *   purported (eq. 6)   −Σ_ij (1 − μ_ij)·r_ij           = −Σ_i R_i + Σ_edges μ_ij·r_ij
 *   effective (eq. 12)  −Σ_ij m(d_i + d_j)/(2n)·r_ij    = −(m/n)·Σ_i d_i·R_i      (r symmetric)
 * and attraction −Σ μ_ij·log ν_ij only needs the stored edges.
 */
import { UserError } from './errors';
import { PAPER_LOG_EPS } from './paperLog';
import { degrees as graphDegrees } from './similarities';
import type { Graph, LossParts } from './types';

/** A 2-D embedding (n×2, row-major), or `'diverged'`: ν = identity, every pair infinitely far apart. */
export type Layout = Float32Array | 'diverged';

/** 'paper': log(min(x + ε, 1)) (algorithm.md §3.4); 'clamped': log(max(x, ε)). */
export type LossLog = 'paper' | 'clamped';

export interface LossOptions {
  /** Shape of φ(d) = 1/(1 + a·d^{2b}) (kernel.ts). */
  a: number;
  b: number;
  eps?: number;
  /** Include the i = j pairs (default true, as the paper's code). */
  diagonal?: boolean;
  log?: LossLog;
  /** d_i = Σ_j μ_ij if already known (degrees(g)); computed otherwise. */
  degrees?: Float64Array;
}

export interface EffectiveLossOptions extends LossOptions {
  /** Negative sample rate. */
  m: number;
}

export interface Losses {
  purported: LossParts;
  effective: LossParts;
}

/** Rows per tile of the pair loop: 2 × 256 coordinates plus 256 row sums stay in L1. */
const TILE = 256;

/** Eq. 6 for ν = φ(layout) (or ν = identity). */
export function purportedLoss(g: Graph, layout: Layout, o: LossOptions): LossParts {
  return evaluateLosses(g, layout, { ...o, m: 0 }).purported;
}

/** Eq. 12 for ν = φ(layout) (or ν = identity). */
export function effectiveLoss(g: Graph, layout: Layout, o: EffectiveLossOptions): LossParts {
  return evaluateLosses(g, layout, o).effective;
}

/**
 * Both losses of one layout from a single pass over the pairs (design.md, "Evaluation budget").
 * ν_ij = φ(‖e_i − e_j‖), computed in float64 from the float32 embedding.
 */
export function evaluateLosses(g: Graph, layout: Layout, o: EffectiveLossOptions): Losses {
  const { n } = g;
  const settings = resolve(o);
  const rowSums = new Float64Array(n);
  if (layout === 'diverged') {
    // ν_ij = 0 off the diagonal: r_ij = log(1) = 0 in either log; only r_ii = log ε remains.
    if (settings.diagonal) rowSums.fill(repulsionLog(1, settings));
  } else {
    if (layout.length !== 2 * n) {
      throw new Error(`layout has ${layout.length} values, expected ${n}×2`);
    }
    repulsionRowSums(layout, n, settings, rowSums);
  }

  // Stored edges: the attraction, and the μ_ij·r_ij correction of the purported repulsion.
  const { rowPtr, cols, values } = g;
  const { a, b, diagonal } = settings;
  let attractive = 0;
  let edgeRepulsion = 0;
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = cols[p];
      let nu: number;
      if (i === j) {
        if (!diagonal) continue;
        nu = 1;
      } else if (layout === 'diverged') {
        nu = 0;
      } else {
        const dx = layout[2 * i] - layout[2 * j];
        const dy = layout[2 * i + 1] - layout[2 * j + 1];
        nu = 1 / (1 + a * Math.exp(b * Math.log(dx * dx + dy * dy)));
      }
      const mu = values[p];
      attractive -= mu * attractionLog(nu, settings);
      edgeRepulsion += mu * repulsionLog(nu, settings);
    }
  }
  return combine(g, rowSums, attractive, edgeRepulsion, o.m, o.degrees);
}

/**
 * Both losses when ν is given on the stored pairs of g (aligned with g.values) and is 0 on every
 * other pair, the diagonal included unless stored: e.g. ν = ν* of eq. 15 (targets.ts) or ν = μ.
 * Then r_ij = 0 off the graph and everything is O(nnz).
 */
export function evaluateLossesOnGraph(
  g: Graph,
  nuValues: ArrayLike<number>,
  o: EffectiveLossOptions,
): Losses {
  const { n, rowPtr, cols, values } = g;
  if (nuValues.length !== values.length) {
    throw new Error(`nuValues has ${nuValues.length} entries, the graph stores ${values.length}`);
  }
  const settings = resolve(o);
  const d = degreesOf(g, o.degrees);
  let attractive = 0;
  let purportedRepulsive = 0;
  let effectiveRepulsive = 0;
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = cols[p];
      if (i === j && !settings.diagonal) continue;
      const mu = values[p];
      const r = repulsionLog(nuValues[p], settings);
      attractive -= mu * attractionLog(nuValues[p], settings);
      purportedRepulsive -= (1 - mu) * r; // eq. 6
      effectiveRepulsive -= ((o.m * (d[i] + d[j])) / (2 * n)) * r; // eq. 12
    }
  }
  return {
    purported: parts(attractive, purportedRepulsive),
    effective: parts(attractive, effectiveRepulsive),
  };
}

interface Settings {
  a: number;
  b: number;
  eps: number;
  diagonal: boolean;
  clamped: boolean;
}

function resolve(o: EffectiveLossOptions): Settings {
  const eps = o.eps ?? PAPER_LOG_EPS;
  if (!(eps > 0 && eps < 1)) throw new Error(`eps must lie in (0, 1), got ${eps}`);
  if (!(o.a > 0 && o.b > 0)) throw new Error(`a and b must be positive, got a = ${o.a}, b = ${o.b}`);
  if (!(o.m >= 0)) throw new Error(`m must be ≥ 0, got ${o.m}`);
  return { a: o.a, b: o.b, eps, diagonal: o.diagonal ?? true, clamped: o.log === 'clamped' };
}

/** log ν in the chosen convention. */
function attractionLog(nu: number, s: Settings): number {
  if (s.clamped) return Math.log(Math.max(nu, s.eps));
  const shifted = nu + s.eps;
  return shifted < 1 ? Math.log(shifted) : 0;
}

/**
 * log(1 − ν) in the chosen convention, via log1p so that small ν keep their precision:
 * paper log(min(1 − ν + ε, 1)) = log1p(ε − ν) for ν > ε, else 0; clamped log(max(1 − ν, ε)).
 */
function repulsionLog(nu: number, s: Settings): number {
  if (s.clamped) return nu < 1 - s.eps ? Math.log1p(-nu) : Math.log(s.eps);
  return nu > s.eps ? Math.log1p(s.eps - nu) : 0;
}

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

function buildRepulsionTable(s: Settings): RepulsionTable {
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
function repulsionRowSums(layout: Float32Array, n: number, s: Settings, rowSums: Float64Array): void {
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

/** Assemble both losses from the row sums R_i and the edge terms (see the file comment). */
function combine(
  g: Graph,
  rowSums: Float64Array,
  attractive: number,
  edgeRepulsion: number,
  m: number,
  knownDegrees: Float64Array | undefined,
): Losses {
  const { n } = g;
  const d = degreesOf(g, knownDegrees);
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += rowSums[i];
    weighted += d[i] * rowSums[i];
  }
  return {
    purported: parts(attractive, -total + edgeRepulsion),
    effective: parts(attractive, (-m / n) * weighted),
  };
}

function degreesOf(g: Graph, known: Float64Array | undefined): Float64Array {
  if (!known) return graphDegrees(g);
  if (known.length !== g.n) throw new Error(`degrees has ${known.length} entries, expected ${g.n}`);
  return known;
}

function parts(attractive: number, repulsive: number): LossParts {
  return { attractive, repulsive, total: attractive + repulsive };
}

// ---------------------------------------------------------------------------------------------
// Table 1

export type LossTableColumn = 'diverged' | 'result' | 'input';

export const lossTableColumns: readonly LossTableColumn[] = ['diverged', 'result', 'input'];

export interface LossTableRow {
  /** 'mu': UMAP's kNN graph μ; 'dense': μ = φ of the raw input, diagonal kept (Fig. 1d). */
  similarities: 'mu' | 'dense';
  /** ν = identity; ν = φ(optimized embedding); ν = φ(raw input coordinates). */
  cells: Record<LossTableColumn, Losses>;
  /** Column of the lowest total per loss; `lowest.purported` is the paper's bold entry. */
  lowest: { purported: LossTableColumn; effective: LossTableColumn };
}

export interface LossTableInput {
  /** μ row: the kNN graph, pruned at max/nEpochs as in the run. */
  graph: Graph;
  /** Final embedding (n×2) of the run on `graph`. */
  umapResult: Float32Array;
  /** Raw 2-D input coordinates (n×2): the "input layout" column, ν = φ(‖x_i − x_j‖). */
  input: Float32Array;
  /** Dense row: μ = denseKernelGraph(input, a, b); the row is left out without both of these. */
  denseGraph?: Graph;
  /** Final embedding of the run on `denseGraph`. */
  denseResult?: Float32Array;
  a: number;
  b: number;
  m: number;
  eps?: number;
  diagonal?: boolean;
  log?: LossLog;
}

/**
 * Table 1 of the paper (§4; recipe in algorithm.md §3.5): for each input similarity (rows) the
 * purported and effective loss of three layouts (columns). The paper reports the purported totals
 * and bolds the lowest one per row; the optimized embeddings come from the caller's runs.
 */
export function lossTable(t: LossTableInput): LossTableRow[] {
  const { graph, input } = t;
  if (input.length !== 2 * graph.n) {
    throw new UserError(
      `The input-layout column needs 2-D data with ${graph.n} points; got ${input.length} coordinates.`,
    );
  }
  const options: EffectiveLossOptions = {
    a: t.a,
    b: t.b,
    m: t.m,
    eps: t.eps,
    diagonal: t.diagonal,
    log: t.log,
  };
  const row = (similarities: 'mu' | 'dense', g: Graph, result: Float32Array): LossTableRow => {
    const withDegrees = { ...options, degrees: graphDegrees(g) };
    const cells: Record<LossTableColumn, Losses> = {
      diverged: evaluateLosses(g, 'diverged', withDegrees),
      result: evaluateLosses(g, result, withDegrees),
      input: evaluateLosses(g, input, withDegrees),
    };
    return {
      similarities,
      cells,
      lowest: { purported: lowestColumn(cells, 'purported'), effective: lowestColumn(cells, 'effective') },
    };
  };
  const rows = [row('mu', graph, t.umapResult)];
  if (t.denseGraph && t.denseResult) rows.push(row('dense', t.denseGraph, t.denseResult));
  return rows;
}

function lowestColumn(cells: Record<LossTableColumn, Losses>, loss: keyof Losses): LossTableColumn {
  let best: LossTableColumn = lossTableColumns[0];
  for (const column of lossTableColumns) {
    if (cells[column][loss].total < cells[best][loss].total) best = column;
  }
  return best;
}
