import { HIGH_SIMILARITY } from '../../core/losses';

export { HIGH_SIMILARITY };

/** Share of the counts in the bins at or above 0.8 (bins 80–99 of 100), i.e. of the pairs with similarity ≥ 0.8. */
export function massAbove08(counts: ArrayLike<number>): number {
  const first = Math.round(HIGH_SIMILARITY * counts.length);
  let total = 0;
  let high = 0;
  for (let b = 0; b < counts.length; b++) {
    total += counts[b];
    if (b >= first) high += counts[b];
  }
  return total > 0 ? high / total : 0;
}

/** Sum of a histogram's counts. */
export function totalCount(counts: ArrayLike<number>): number {
  let total = 0;
  for (let b = 0; b < counts.length; b++) total += counts[b];
  return total;
}

/**
 * Earth mover's distance (Wasserstein-1) between two histograms on the same equal bins over [0, 1],
 * each normalised to mass 1: Σ_b |CDF_a(b) − CDF_b(b)| · bin width. 0 for equal shapes, at most 1.
 */
export function histogramDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`histograms differ in bins: ${a.length} and ${b.length}`);
  const totalA = totalCount(a);
  const totalB = totalCount(b);
  if (!(totalA > 0) || !(totalB > 0)) return Number.NaN;
  let cdfA = 0;
  let cdfB = 0;
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    cdfA += a[i] / totalA;
    cdfB += b[i] / totalB;
    distance += Math.abs(cdfA - cdfB);
  }
  return distance / a.length;
}
