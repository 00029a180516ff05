/**
 * Which loss the SGD epochs descend, per sampled pair (docs/algorithm.md, "Contrastive losses"):
 * - 'umap': UMAP's −log φ / −log(1 − φ) with φ = 1/(1 + a·d^{2b}) (the paper's eq. 6 terms);
 * - 'neg': NEG with the Cauchy kernel (Neg-t-SNE, negTerms.ts) and a fixed normalisation Z̄, either
 *   Z̄(s) of the spectrum (spectrum.ts; contrastive-ne's s) or Z̄ = n²/m (ICLR 2023's Neg-t-SNE, c = 1);
 * - 'nce': the same estimator with Z̄ learned (ICLR 2023, eq. 4);
 * - 'infonce': −log φ_ij + (1/τ)·log(φ_ij + Σ_k φ_ik) over the edge and its m negatives, τ = 4^s.
 * The objective state below holds what changes during a run: the spectrum s (live), the early phase
 * and NCE's learned log Z̄.
 */
import { infoNceTemperature, negEstimatorScale, spectrumNormalization } from './spectrum';

export type LossMode = 'umap' | 'neg' | 'nce' | 'infonce';

/** How NEG fixes Z̄: from the spectrum parameter s, or as n²/m (the estimator scale c = 1). */
export type NegNormalization = 'spectrum' | 'per-m';

export interface Objective {
  mode: LossMode;
  /** The spectrum parameter s (NEG with 'spectrum' normalisation, InfoNCE); 1 = UMAP-like, 0 = t-SNE-like. */
  s: number;
  normalization: NegNormalization;
  /**
   * NEG on the spectrum: run the first third of the epochs at s = max(s, 1), contrastive-ne's default
   * (its early_exaggeration), so that clusters form before the repulsion of small s spreads them.
   */
  earlyPhase: boolean;
}

export const UMAP_OBJECTIVE: Objective = { mode: 'umap', s: 1, normalization: 'spectrum', earlyPhase: false };

/** NCE's step on log Z̄ per epoch, times α/α₀ and the epoch's mean ∂L/∂log Z̄ per sampled edge. */
export const NCE_NORMALIZATION_RATE = 0.5;

/** The part of a run that changes with its objective's settings and what it learns. */
export interface ObjectiveState {
  readonly objective: Objective;
  /** The NEG estimator's scale c for an epoch (neg, nce); NaN for the other modes. */
  negScale(epoch: number, nEpochs: number, m: number): number;
  /** InfoNCE's repulsion weight 1/τ(s). */
  infoNceWeight(): number;
  /** Z̄ the NEG estimator used in that epoch (neg, nce); undefined for the other modes. */
  normalization(epoch: number, nEpochs: number, m: number): number | undefined;
  setSpectrum(s: number): void;
  /**
   * NCE: after an epoch, the sum over its pairs of ∂L/∂log Z̄ (1 − ξ per attraction, −ξ per
   * repulsion), the number of sampled edges and the epoch's α relative to α₀.
   */
  learnNormalization(gradientSum: number, edgeSamples: number, relativeAlpha: number): void;
}

export function checkObjective(o: Objective): void {
  if (!Number.isFinite(o.s)) throw new Error(`the spectrum parameter s must be a finite number; got ${o.s}`);
}

export function createObjectiveState(initial: Objective, n: number): ObjectiveState {
  const objective = { ...initial };
  // NCE starts at Z̄ = n², contrastive-ne's Z = 1 in its units (c = m).
  let logLearned = 2 * Math.log(n);
  const normalization = (epoch: number, nEpochs: number, m: number): number | undefined => {
    switch (objective.mode) {
      case 'nce':
        return Math.exp(logLearned);
      case 'neg': {
        if (objective.normalization === 'per-m') return (n * n) / m;
        const early = objective.earlyPhase && epoch < Math.floor(nEpochs / 3);
        return spectrumNormalization(early ? Math.max(objective.s, 1) : objective.s, n);
      }
      default:
        return undefined;
    }
  };
  return {
    objective,
    normalization,
    negScale(epoch, nEpochs, m) {
      const zBar = normalization(epoch, nEpochs, m);
      return zBar === undefined ? Number.NaN : negEstimatorScale(m, zBar, n);
    },
    infoNceWeight: () => 1 / infoNceTemperature(objective.s),
    setSpectrum(s) {
      checkObjective({ ...objective, s });
      objective.s = s;
    },
    learnNormalization(gradientSum, edgeSamples, relativeAlpha) {
      if (objective.mode !== 'nce' || edgeSamples === 0) return;
      logLearned -= NCE_NORMALIZATION_RATE * relativeAlpha * (gradientSum / edgeSamples);
    },
  };
}
