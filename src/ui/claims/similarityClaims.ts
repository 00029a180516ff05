/** Claims about the similarities: what ν follows, where ν* piles up, and the bounds on ν* (eq. 15). */
import type { PairViews } from '../../engine/frame';
import { histogramDistance, massAbove08, totalCount } from '../charts/histogramStats';
import { formatInteger, formatPercent, formatThreeDigits } from '../format';
import { formatDegree } from './claimFormat';
import { PAPER_DENSE, PAPER_H4, PILED_SHARE } from './criteria';
import type { Claim, RunData } from './runData';
import { targetSimilarity } from './runMeasures';

/** Which similarities ν should follow: ν* (UMAP's sampling, Fig. 4) or μ (corrected sampling, §7.3). */
export function followsClaim(data: RunData, target: 'nuStar' | 'mu', claim: string): Claim {
  const id = target === 'nuStar' ? 'nu-follows-target' : 'nu-follows-mu';
  const histograms = data.histograms;
  const pairs: PairViews | null | undefined = histograms?.pairs;
  if (pairs) {
    const toTarget = pairs.meanAbsNuMinusTarget;
    const toMu = pairs.meanAbsNuMinusMu;
    const count = histograms ? totalCount(histograms.mu) : 0;
    const measured =
      `mean |ν − ν*| = ${formatThreeDigits(toTarget)}, mean |ν − μ| = ${formatThreeDigits(toMu)}; ` +
      `ν nearer ν* than μ for ${formatPercent(pairs.nearerTarget)} of the ${formatInteger(count)} stored pairs ` +
      `(ν at epoch ${formatInteger(histograms?.nuEpoch ?? 0)})`;
    const nearer = target === 'nuStar' ? toTarget < toMu : toMu < toTarget;
    const [near, far] = target === 'nuStar' ? ['ν*', 'μ'] : ['μ', 'ν*'];
    const [nearValue, farValue] = target === 'nuStar' ? [toTarget, toMu] : [toMu, toTarget];
    return {
      id,
      claim,
      measured,
      verdict: nearer ? 'reproduced' : 'differs',
      why: nearer
        ? `ν lies nearer ${near} (${formatThreeDigits(nearValue)} on average) than ${far} (${formatThreeDigits(farValue)}).`
        : `ν lies nearer ${far} (${formatThreeDigits(farValue)} on average) than ${near} (${formatThreeDigits(nearValue)}).`,
      values: { toTarget, toMu, nearerTarget: pairs.nearerTarget },
    };
  }
  if (histograms?.nu) {
    // Without the per-pair views: the distance between the histograms' shapes (Wasserstein-1).
    const toTarget = histogramDistance(histograms.nu, histograms.nuStar);
    const toMu = histogramDistance(histograms.nu, histograms.mu);
    const nearer = target === 'nuStar' ? toTarget < toMu : toMu < toTarget;
    return {
      id,
      claim,
      measured:
        `histogram distance (earth mover's) of ν from ν*: ${formatThreeDigits(toTarget)}, from μ: ` +
        `${formatThreeDigits(toMu)} (ν at epoch ${formatInteger(histograms.nuEpoch)})`,
      verdict: nearer ? 'reproduced' : 'differs',
      why: nearer
        ? `ν's histogram is nearer ${target === 'nuStar' ? 'ν*' : 'μ'}'s.`
        : `ν's histogram is nearer ${target === 'nuStar' ? 'μ' : 'ν*'}'s.`,
      values: { toTarget, toMu },
    };
  }
  return {
    id,
    claim,
    measured: 'ν not evaluated yet',
    verdict: 'pending',
    why: 'ν is compared with ν* and μ once the embedding has been evaluated.',
    values: {},
  };
}

/** ν* piles up near 1 while μ spreads out (Fig. 4): shares at or above 0.8, as the histogram legend shows them. */
export function pilesUpClaim(data: RunData, claim: string): Claim {
  const histograms = data.histograms;
  if (!histograms)
    return { id: 'piles-up', claim, measured: 'no histograms yet', verdict: 'pending', why: '', values: {} };
  const mu = massAbove08(histograms.mu);
  const nuStar = massAbove08(histograms.nuStar);
  const nu = histograms.nu ? massAbove08(histograms.nu) : undefined;
  const measured =
    `pairs ≥ 0.8: ν* ${formatPercent(nuStar)}, μ ${formatPercent(mu)}` +
    (nu === undefined ? '' : `, ν ${formatPercent(nu)} (epoch ${formatInteger(histograms.nuEpoch)})`);
  const piled = nuStar > PILED_SHARE && mu < PILED_SHARE;
  return {
    id: 'piles-up',
    claim,
    measured,
    verdict: piled ? 'reproduced' : 'differs',
    why: piled
      ? `Most targets ν* are at or above 0.8 (${formatPercent(nuStar)}), while most μ are not (${formatPercent(mu)} are).`
      : nuStar <= PILED_SHARE
        ? `Only ${formatPercent(nuStar)} of the targets ν* are at or above 0.8: they do not pile up near 1.`
        : `μ is near 1 too (${formatPercent(mu)} at or above 0.8): nothing to binarise.`,
    values: { mu, nuStar, ...(nu === undefined ? {} : { nu }) },
  };
}

/** App. H.4: with dᵢ ≈ log₂ k every μ > 0.2 gets ν* > 0.83; the fuzzy union's real degree gives less. */
export function smallDataBoundClaim(data: RunData): Claim {
  const { k, m, n } = data.config;
  const paperDegree = Math.log2(PAPER_H4.k);
  const claim =
    `App. H.4 (§6): with k = ${PAPER_H4.k}, m = ${PAPER_H4.m} and n = ${PAPER_H4.n}, every μᵢⱼ > ${PAPER_H4.mu} ` +
    `is mapped to a target ν*ᵢⱼ > ${PAPER_H4.nuStar} (eq. 15, taking dᵢ ≈ log₂ k = ${formatThreeDigits(paperDegree)}).`;
  const runN = data.n ?? n;
  const logDegree = Math.log2(k);
  const withLog = targetSimilarity(PAPER_H4.mu, logDegree, m, runN);
  const values: Record<string, number> = { withLog, logDegree };
  let measured =
    `ν*(${PAPER_H4.mu}) = ${PAPER_H4.mu} / (${PAPER_H4.mu} + (dᵢ + dⱼ)m / 2n) with k = ${k}, m = ${formatThreeDigits(m)}, ` +
    `n = ${formatInteger(runN)}: ${formatThreeDigits(withLog)} for dᵢ = dⱼ = log₂ k = ${formatThreeDigits(logDegree)}`;
  if (data.meanDegree === undefined)
    return {
      id: 'h4-bound',
      claim,
      measured,
      verdict: 'pending',
      why: 'The run’s mean degree appears once its graph is built.',
      values,
    };
  const withMean = targetSimilarity(PAPER_H4.mu, data.meanDegree, m, runN);
  values.withMean = withMean;
  values.meanDegree = data.meanDegree;
  measured += `; ${formatThreeDigits(withMean)} for this run's mean degree ${formatDegree(data.meanDegree)}`;
  if (data.histograms)
    measured += `; ν* ≥ 0.8 for ${formatPercent(massAbove08(data.histograms.nuStar))} of pairs`;
  const holds = withMean > PAPER_H4.nuStar;
  return {
    id: 'h4-bound',
    claim,
    measured,
    verdict: holds ? 'reproduced' : 'differs',
    why: holds
      ? `Even with the run's mean degree ν*(${PAPER_H4.mu}) = ${formatThreeDigits(withMean)} > ${PAPER_H4.nuStar}.`
      : `The bound holds for dᵢ ≈ log₂ k (${formatThreeDigits(withLog)}), the degree before the fuzzy union; ` +
        `the union raises the mean degree to ${formatDegree(data.meanDegree)}, where ν*(${PAPER_H4.mu}) = ` +
        `${formatThreeDigits(withMean)} < ${PAPER_H4.nuStar}.`,
    values,
  };
}

/** §6.1 / Fig. 1d: the dense graph's degree makes the repulsion weight about 0.5, capping every target ν*. */
export function denseWeightClaim(data: RunData): Claim {
  const claim =
    `§6.1 (Fig. 1d): with dense similarities the mean degree is about ${PAPER_DENSE.degree}, so the repulsion ` +
    `weight (dᵢ + dⱼ)m / 2n is about ${PAPER_DENSE.weight}: every target ν* = μ / (μ + weight) stays far below 1, ` +
    'skewed towards 0.5 rather than reproducing μ.';
  if (data.meanDegree === undefined)
    return {
      id: 'dense-weight',
      claim,
      measured: 'graph not built yet',
      verdict: 'pending',
      why: '',
      values: {},
    };
  const n = data.n ?? data.config.n;
  const weight = (data.meanDegree * data.config.m) / n;
  const cap = 1 / (1 + weight);
  const nuStarHigh = data.histograms ? massAbove08(data.histograms.nuStar) : undefined;
  const measured =
    `mean degree ${formatDegree(data.meanDegree)} ⇒ weight d̄·m / n = ${formatThreeDigits(weight)}; ` +
    `ν* ≤ 1 / (1 + weight) = ${formatThreeDigits(cap)} where μ = 1` +
    (nuStarHigh === undefined ? '' : `; ν* ≥ 0.8 for ${formatPercent(nuStarHigh)} of pairs`);
  const near = Math.abs(weight - PAPER_DENSE.weight) <= 0.1;
  return {
    id: 'dense-weight',
    claim,
    measured,
    verdict: near ? 'reproduced' : 'differs',
    why: near
      ? `The weight ${formatThreeDigits(weight)} is about ${PAPER_DENSE.weight}, so no target gets above ${formatThreeDigits(cap)}.`
      : `The weight is ${formatThreeDigits(weight)}, not about ${PAPER_DENSE.weight}.`,
    values: { weight, cap, meanDegree: data.meanDegree },
  };
}
