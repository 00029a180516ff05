/**
 * The pairs one optimizer epoch sampled, kept to score them again on the end-of-epoch embedding:
 * the actual loss of eq. 11 in umap-learn's log_losses="after" convention (the paper's plots).
 */
import { paperLog } from '../losses/paperLog';
import type { LossParts } from '../types';

export interface EpochPairLog {
  /** Forget the logged pairs (the buffers are kept for the next epoch). */
  clear(): void;
  /** An edge ij sampled for attraction. */
  addAttractive(i: number, j: number): void;
  /** Head i repelled from `other` (a negative sample, or a §7.3 repulsion of an edge). */
  addRepulsive(i: number, other: number): void;
  /** Eq. 11 over the logged pairs on `embedding` (n×2), with φ(d) = 1/(1 + a·d^{2b}). */
  score(embedding: Float32Array, a: number, b: number): LossParts;
}

/**
 * Pairs are stored interleaved (head, other). Attraction uses each edge at most once per epoch
 * (eps ≥ 1), so `edgeCount` pairs suffice; repulsion starts at 10 % above `expectedRepulsive`, its
 * expected count per epoch, and doubles when needed (a raised m, an unlucky epoch).
 */
export function createEpochPairLog(edgeCount: number, expectedRepulsive: number): EpochPairLog {
  const attractivePairs = new Int32Array(2 * edgeCount);
  let repulsivePairs = new Int32Array(2 * Math.ceil(1.1 * expectedRepulsive + 1024));
  let attractiveCount = 0;
  let repulsiveCount = 0;

  return {
    clear() {
      attractiveCount = 0;
      repulsiveCount = 0;
    },
    addAttractive(i, j) {
      attractivePairs[2 * attractiveCount] = i;
      attractivePairs[2 * attractiveCount + 1] = j;
      attractiveCount++;
    },
    addRepulsive(i, other) {
      if (2 * repulsiveCount === repulsivePairs.length) {
        const grown = new Int32Array(2 * repulsivePairs.length);
        grown.set(repulsivePairs);
        repulsivePairs = grown;
      }
      repulsivePairs[2 * repulsiveCount] = i;
      repulsivePairs[2 * repulsiveCount + 1] = other;
      repulsiveCount++;
    },
    score(embedding, a, b) {
      const attractive = pairLoss(attractivePairs, attractiveCount, false, embedding, a, b);
      const repulsive = pairLoss(repulsivePairs, repulsiveCount, true, embedding, a, b);
      return { attractive, repulsive, total: attractive + repulsive };
    },
  };
}

/** −Σ paperLog(φ) (attraction) or −Σ paperLog(1 − φ) (repulsion) over `count` stored pairs. */
function pairLoss(
  pairs: Int32Array,
  count: number,
  repulsive: boolean,
  embedding: Float32Array,
  a: number,
  b: number,
): number {
  let loss = 0;
  for (let q = 0; q < 2 * count; q += 2) {
    const i = pairs[q];
    const j = pairs[q + 1];
    const dx = embedding[2 * i] - embedding[2 * j];
    const dy = embedding[2 * i + 1] - embedding[2 * j + 1];
    const distSquared = dx * dx + dy * dy;
    const phi = distSquared > 0 ? 1 / (1 + a * Math.exp(b * Math.log(distSquared))) : 1;
    loss -= paperLog(repulsive ? 1 - phi : phi);
  }
  return loss;
}
