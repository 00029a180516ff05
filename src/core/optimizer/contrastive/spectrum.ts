/**
 * Where a contrastive loss sits on the t-SNE ↔ UMAP spectrum (Damrich, Böhm, Hamprecht & Kobak,
 * "From t-SNE to UMAP with contrastive learning", ICLR 2023, §4–5; the spectrum parameter s of their
 * package contrastive-ne). Pure numbers: the normalisation constants and the scale c of the NEG
 * estimator that follow from them.
 */

/** UMAP's default negative sample rate, which fixes the UMAP end of the spectrum (Z̄ = n²/5). */
export const UMAP_DEFAULT_NEGATIVE_SAMPLES = 5;

/** t-SNE's partition function on typical data, about 100·n (ICLR 2023, §5: "Z̄ ≈ 100·n" heuristic). */
export const TSNE_PARTITION_PER_POINT = 100;

/** The InfoNCE repulsion weight 1/τ at s = 1 is 1/4 (contrastive-ne: τ(s) = 4^s). */
const INFONCE_UMAP_TEMPERATURE = 4;

/**
 * Z̄(s) = Z_t-SNE · (Z_UMAP / Z_t-SNE)^s with Z_t-SNE = 100·n and Z_UMAP = n²/5: the fixed
 * normalisation constant of Neg-t-SNE, interpolated geometrically from t-SNE's (s = 0) to UMAP's
 * (s = 1); s outside [0, 1] extrapolates.
 */
export function spectrumNormalization(s: number, n: number): number {
  const tsne = TSNE_PARTITION_PER_POINT * n;
  const umap = (n * n) / UMAP_DEFAULT_NEGATIVE_SAMPLES;
  return tsne * Math.exp(s * (Math.log(umap) - Math.log(tsne)));
}

/**
 * The scale c = m·Z̄/n² of the NEG estimator ξ = q/(q + m·ξ_noise) with q = φ/Z̄ and uniform noise
 * ξ_noise = 1/n² over pairs (ICLR 2023, eq. 5): with the Cauchy kernel φ = 1/(1 + d²),
 * ξ(d) = 1/(1 + c·(1 + d²)).
 */
export function negEstimatorScale(m: number, normalization: number, n: number): number {
  return (m * normalization) / (n * n);
}

/** InfoNCE's temperature τ(s) = 4^s: the repulsion weight is 1/τ (contrastive-ne's spectrum for InfoNCE). */
export function infoNceTemperature(s: number): number {
  return INFONCE_UMAP_TEMPERATURE ** s;
}
