/** The t-SNE optimizer's public types (tsneOptimizer.ts, tsneGradient.ts). */
import type { Graph, LossParts } from '../../types';

/**
 * How the repulsion over all pairs is evaluated: 'exact' O(n²) (exactGradient.ts), 'barnes-hut'
 * O(n log n) (barnesHutGradient.ts), or 'auto': exact below TSNE_EXACT_MAX_POINTS points.
 */
export type TsneRepulsion = 'auto' | 'exact' | 'barnes-hut';

/** The exaggerated KL gradient at one layout, with the (unexaggerated) KL divergence there. */
export interface TsneGradient {
  /** ∂/∂y of ρ·A(y) + log Z(y) (tsneGradient.ts), n×2 row-major. */
  gradient: Float64Array;
  /**
   * KL(P‖Q) split as attractive = Σ p log p − Σ p log w (over the edges) and repulsive = log Z;
   * total = attractive + repulsive = KL(P‖Q), whatever the exaggeration.
   */
  kl: LossParts;
  /** Z = Σ_{k≠l} w_kl (Barnes–Hut: its approximation). */
  z: number;
}

export interface TsneOptimizerOptions {
  /** Symmetric graph μ (CSR, both directions stored): P = μ / Σμ (affinities.ts). */
  graph: Graph;
  /** n×2 initial layout; copied, centred and rescaled to a first-coordinate std of 1e-4. */
  layout: Float32Array;
  /** Total number of gradient-descent iterations, early exaggeration included. */
  nEpochs: number;
  /** ρ of the main phase, ≥ 0.1 (1 = plain t-SNE). */
  exaggeration: number;
  /** ρ of the early phase (default 12). */
  earlyExaggeration?: number;
  /** Iterations of the early phase (default min(250, ⌊nEpochs/3⌋)). */
  earlyIterations?: number;
  /** η, or 'auto' (default): max(n/ρ_phase, 50) in each phase (tsneOptimizer.ts). */
  learningRate?: 'auto' | number;
  /** Default 'auto'. */
  repulsion?: TsneRepulsion;
  /** Barnes–Hut opening angle θ in [0, 1] (default 0.5). */
  theta?: number;
  /**
   * Checked, otherwise unused: t-SNE's gradient descent draws no random numbers, so a run is
   * determined by its graph, layout and options.
   */
  seed: number;
}
