/**
 * The gradient of KL(P‖Q) with exaggeration ρ (Böhm, Berens & Kobak, "Attraction-repulsion
 * spectrum in neighbor embeddings", JMLR 2022, eq. 4):
 *
 *   ∂/∂y_i = 4 Σ_j (ρ·p_ij − q_ij) w_ij (y_i − y_j)
 *          = ρ·∂A/∂y_i + ∂ log Z/∂y_i
 *          = ρ·4 Σ_j p_ij w_ij (y_i − y_j)  −  (4/Z) Σ_j w_ij² (y_i − y_j),
 *
 * w_ij = 1/(1 + ‖y_i − y_j‖²), Z = Σ_{k≠l} w_kl, q_ij = w_ij/Z, A = −Σ p_ij log w_ij: the attraction
 * over the graph's edges (attraction.ts) and the repulsion over all pairs, exact (exactGradient.ts)
 * or Barnes–Hut (barnesHutGradient.ts). ρ = 1 is the gradient of KL itself; the KL reported is
 * always the unexaggerated one, KL = Σ p log p + A + log Z.
 */
import { UserError } from '../../errors';
import type { Graph } from '../../types';
import { type TsneAffinities, tsneAffinities } from './affinities';
import { attractiveGradient } from './attraction';
import { barnesHutRepulsion } from './barnesHutGradient';
import { exactRepulsion } from './exactGradient';
import type { TsneGradient, TsneRepulsion } from './types';

/** Below this many points 'auto' repulsion is exact (O(n²)); from here on Barnes–Hut. */
export const TSNE_EXACT_MAX_POINTS = 5000;

/** The default Barnes–Hut opening angle θ (van der Maaten 2014; openTSNE's default). */
export const TSNE_DEFAULT_THETA = 0.5;

/** 'exact' or 'barnes-hut' for `n` points. */
export function resolveRepulsion(repulsion: TsneRepulsion, n: number): 'exact' | 'barnes-hut' {
  if (repulsion === 'auto') return n < TSNE_EXACT_MAX_POINTS ? 'exact' : 'barnes-hut';
  if (repulsion === 'exact' || repulsion === 'barnes-hut') return repulsion;
  throw new Error(`unknown repulsion method: ${repulsion}`);
}

export function checkTheta(theta: number): void {
  if (!(theta >= 0 && theta <= 1)) {
    throw new UserError(`The Barnes–Hut angle θ must be a number from 0 to 1; got ${theta}.`);
  }
}

/** Scratch arrays of one gradient evaluation, reusable across iterations of n points. */
export interface TsneWorkspace {
  y: Float64Array;
  attraction: Float64Array;
  repulsion: Float64Array;
}

export function createTsneWorkspace(n: number): TsneWorkspace {
  return {
    y: new Float64Array(2 * n),
    attraction: new Float64Array(2 * n),
    repulsion: new Float64Array(2 * n),
  };
}

/**
 * The exaggerated gradient at `layout` into `gradient` (n×2, overwritten), from precomputed
 * affinities; returns the unexaggerated KL parts and Z. `repulsion` must be resolved.
 */
export function affinityGradient(
  aff: TsneAffinities,
  layout: Float32Array | Float64Array,
  exaggeration: number,
  repulsion: 'exact' | 'barnes-hut',
  theta: number,
  gradient: Float64Array,
  work: TsneWorkspace = createTsneWorkspace(aff.n),
): Omit<TsneGradient, 'gradient'> {
  const { n } = aff;
  if (layout.length !== 2 * n) throw new Error(`layout has ${layout.length} values, expected ${n}×2`);
  const { y, attraction, repulsion: forces } = work;
  y.set(layout);
  const a = attractiveGradient(aff, y, attraction);
  let z: number;
  if (repulsion === 'exact') {
    z = exactRepulsion(y, n, forces);
  } else {
    checkTheta(theta);
    z = barnesHutRepulsion(
      layout instanceof Float32Array ? layout : Float32Array.from(layout),
      n,
      theta,
      forces,
    );
  }
  const r = -4 / z;
  for (let k = 0; k < 2 * n; k++) gradient[k] = exaggeration * attraction[k] + r * forces[k];
  const attractive = aff.sumPLogP + a;
  const repulsive = Math.log(z);
  return { kl: { attractive, repulsive, total: attractive + repulsive }, z };
}

/**
 * ∂/∂y of ρ·A + log Z at `layout` (n×2) for the graph's affinities, with the unexaggerated
 * KL(P‖Q) = attractive + repulsive there. Any ρ ≥ 0 is taken (0: the repulsion ∇ log Z alone). `repulsion` 'auto' is exact below
 * TSNE_EXACT_MAX_POINTS points; `theta` is the Barnes–Hut opening angle.
 */
export function tsneGradient(
  graph: Graph,
  layout: Float32Array | Float64Array,
  exaggeration = 1,
  repulsion: TsneRepulsion = 'auto',
  theta: number = TSNE_DEFAULT_THETA,
): TsneGradient {
  const aff = tsneAffinities(graph);
  const gradient = new Float64Array(2 * graph.n);
  const rest = affinityGradient(
    aff,
    layout,
    exaggeration,
    resolveRepulsion(repulsion, graph.n),
    theta,
    gradient,
  );
  return { gradient, ...rest };
}
