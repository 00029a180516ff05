/** How well an embedding keeps labelled groups apart: what "the digits still separate" means as a number. */
export interface LabelAgreement {
  /** Neighbours per point. */
  k: number;
  /** Mean over the points of the share of their k nearest embedding neighbours with the same label. */
  agreement: number;
  /** The same share for neighbours drawn at random: Σ_c p_c² over the label shares p_c. */
  chance: number;
}

/** Points above this are not scored (the O(n²) scan would block the page). */
export const MAX_LABEL_AGREEMENT_POINTS = 10_000;

/**
 * k-NN label agreement of a 2-D embedding (n×2, row-major) with integer labels: for each point, its
 * k nearest other points by Euclidean distance in the embedding (exact, O(n²·k)), and the share of
 * them sharing its label, averaged over the points. Null when there are fewer than k + 1 points.
 */
export function labelAgreement(embedding: Float32Array, labels: Int32Array, k = 10): LabelAgreement | null {
  const n = labels.length;
  if (embedding.length < 2 * n) throw new Error(`embedding has ${embedding.length / 2} points, labels ${n}`);
  if (n < k + 1 || k < 1) return null;
  const nearestDistance = new Float64Array(k);
  const nearestIndex = new Int32Array(k);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    nearestDistance.fill(Number.POSITIVE_INFINITY);
    nearestIndex.fill(-1);
    const xi = embedding[2 * i];
    const yi = embedding[2 * i + 1];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const dx = embedding[2 * j] - xi;
      const dy = embedding[2 * j + 1] - yi;
      const d = dx * dx + dy * dy;
      if (d >= nearestDistance[k - 1]) continue;
      // Insertion into the sorted list of the k nearest so far.
      let slot = k - 1;
      while (slot > 0 && nearestDistance[slot - 1] > d) {
        nearestDistance[slot] = nearestDistance[slot - 1];
        nearestIndex[slot] = nearestIndex[slot - 1];
        slot--;
      }
      nearestDistance[slot] = d;
      nearestIndex[slot] = j;
    }
    let same = 0;
    for (let s = 0; s < k; s++) if (labels[nearestIndex[s]] === labels[i]) same++;
    sum += same / k;
  }
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(labels[i], (counts.get(labels[i]) ?? 0) + 1);
  let chance = 0;
  for (const count of counts.values()) chance += (count / n) ** 2;
  return { k, agreement: sum / n, chance };
}
