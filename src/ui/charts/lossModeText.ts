import type { ExplorerConfig } from '../../engine/config';
import type { LossKind } from './lossSeries';

/** What the loss chart says of a run that minimises another loss than UMAP's (registry `loss`). */
export interface LossModeText {
  /** The legend's titles where they differ from UMAP's. */
  titles: Partial<Record<LossKind, string>>;
  /** The loss, with its equation and where it comes from. */
  equation: string;
}

const withXi =
  ' The purported and effective curves are eq. 6 and eq. 12 with ξ in place of φ (exact up to 5 000 points, far field above): NEG samples UMAP’s way, so it descends the effective one, whose targets are ν* of eq. 15.';
const untracked =
  ' The purported (eq. 6) and effective (eq. 12) losses are UMAP’s and are not evaluated for this run; the actual curve is this loss on the pairs each epoch samples.';
const negTitles = { purported: 'purported (eq. 6, ξ)', effective: 'effective (eq. 12, ξ)' };

/** The chart's words for each loss other than UMAP's (ICLR 2023 for the contrastive ones, JMLR 2022 for t-SNE). */
export const lossModeTexts: Record<Exclude<ExplorerConfig['loss'], 'umap'>, LossModeText> = {
  neg: {
    titles: { ...negTitles, actual: 'actual: NEG (Neg-t-SNE)' },
    equation:
      'NEG with the Cauchy kernel: −log ξᵢⱼ for an edge, −log(1 − ξᵢₖ) for each of its m negative samples, ξ = 1/(1 + c(1 + d²)), c = m·Z̄/n², Z̄(s) = 100n·(n/500)ˢ (ICLR 2023, eq. 5).' +
      withXi,
  },
  nce: {
    titles: { ...negTitles, actual: 'actual: NCE' },
    equation:
      'NCE: NEG’s terms with Z̄ learned alongside the embedding (ICLR 2023, eq. 4); the run reports Z̄ each epoch.' +
      withXi,
  },
  infonce: {
    titles: { actual: 'actual: InfoNCE' },
    equation:
      'InfoNCE: −log φᵢⱼ + (1/τ)·log(φᵢⱼ + Σₖ φᵢₖ) over an edge and its m negative samples, φ = 1/(1 + d²), τ = 4ˢ (ICLR 2023, eq. 6).' +
      untracked,
  },
  tsne: {
    titles: { actual: 'actual: KL(P‖Q)' },
    equation:
      't-SNE: KL(P‖Q) with P = μ/Σμ and Q ∝ 1/(1 + d²), its gradient’s attraction multiplied by ρ (JMLR 2022); the curve is the KL itself, without ρ.' +
      untracked,
  },
};
