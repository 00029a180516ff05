/**
 * The logarithms of the loss sums (docs/algorithm.md §3.4): in the paper code's convention
 * log(min(x + ε, 1)), or clamped, log(max(x, ε)) (the convention of umap_learn_reference.json's
 * "brief" numbers). Both keep ν = 1 on the diagonal and ν = 0 off the graph finite.
 */

/** 'paper': log(min(x + ε, 1)) (docs/algorithm.md §3.4); 'clamped': log(max(x, ε)). */
export type LossLog = 'paper' | 'clamped';

/** The resolved options of one loss evaluation. */
export interface LossSettings {
  /** Shape of φ(d) = 1/(1 + a·d^{2b}) (kernel.ts). */
  a: number;
  b: number;
  eps: number;
  /** Include the i = j pairs. */
  diagonal: boolean;
  clamped: boolean;
}

/** log ν in the chosen convention. */
export function attractionLog(nu: number, s: LossSettings): number {
  if (s.clamped) return Math.log(Math.max(nu, s.eps));
  const shifted = nu + s.eps;
  return shifted < 1 ? Math.log(shifted) : 0;
}

/**
 * log(1 − ν) in the chosen convention, via log1p so that small ν keep their precision:
 * paper log(min(1 − ν + ε, 1)) = log1p(ε − ν) for ν > ε, else 0; clamped log(max(1 − ν, ε)).
 */
export function repulsionLog(nu: number, s: LossSettings): number {
  if (s.clamped) return nu < 1 - s.eps ? Math.log1p(-nu) : Math.log(s.eps);
  return nu > s.eps ? Math.log1p(s.eps - nu) : 0;
}
