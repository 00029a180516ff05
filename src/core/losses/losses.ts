/**
 * The paper's two losses over all pairs: the purported loss UMAP claims to minimise (eq. 6) and the
 * effective loss its negative sampling really minimises (eq. 12), each split into attraction and
 * repulsion (Table 1 is built from them in lossTable.ts).
 *
 * Convention (docs/algorithm.md §3.4, the paper code's): the sums run over all n² ordered pairs, the
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

import { degrees as graphDegrees } from '../graph/similarities';
import type { Graph, LossParts } from '../types';
import { EXACT_LOSS_MAX_POINTS, farFieldRowSums } from './farField';
import { attractionLog, type LossLog, type LossSettings, repulsionLog } from './lossLog';
import { repulsionRowSums } from './pairRepulsion';
import { PAPER_LOG_EPS } from './paperLog';

/** A 2-D embedding (n×2, row-major), or `'diverged'`: ν = identity, every pair infinitely far apart. */
export type Layout = Float32Array | 'diverged';

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
  /**
   * Σ_j log(1 − ν_ij) by the far-field approximation of farField.ts (relative error ≤ 1e-3 on the
   * totals) instead of exactly: 'auto' (default) approximates above EXACT_LOSS_MAX_POINTS points.
   */
  approximate?: boolean | 'auto';
}

export interface EffectiveLossOptions extends LossOptions {
  /** Negative sample rate. */
  m: number;
}

export interface Losses {
  purported: LossParts;
  effective: LossParts;
}

/** Eq. 6 for ν = φ(layout) (or ν = identity). */
export function purportedLoss(g: Graph, layout: Layout, o: LossOptions): LossParts {
  return evaluateLosses(g, layout, { ...o, m: 0 }).purported;
}

/** Eq. 12 for ν = φ(layout) (or ν = identity). */
export function effectiveLoss(g: Graph, layout: Layout, o: EffectiveLossOptions): LossParts {
  return evaluateLosses(g, layout, o).effective;
}

/**
 * Both losses of one layout from a single pass over the pairs (docs/design.md, "Evaluation budget").
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
    const approximate = o.approximate ?? 'auto';
    if (approximate === true || (approximate === 'auto' && n > EXACT_LOSS_MAX_POINTS)) {
      farFieldRowSums(layout, n, settings, rowSums);
    } else {
      repulsionRowSums(layout, n, settings, rowSums);
    }
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

function resolve(o: EffectiveLossOptions): LossSettings {
  const eps = o.eps ?? PAPER_LOG_EPS;
  if (!(eps > 0 && eps < 1)) throw new Error(`eps must lie in (0, 1), got ${eps}`);
  if (!(o.a > 0 && o.b > 0)) throw new Error(`a and b must be positive, got a = ${o.a}, b = ${o.b}`);
  if (!(o.m >= 0)) throw new Error(`m must be ≥ 0, got ${o.m}`);
  return { a: o.a, b: o.b, eps, diagonal: o.diagonal ?? true, clamped: o.log === 'clamped' };
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
