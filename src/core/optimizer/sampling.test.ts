import { describe, expect, it } from 'vitest';
import { paperRing } from '../data/datasets';
import { fuzzySimplicialSet, pruneGraph } from '../graph/fuzzy';
import { degrees } from '../graph/similarities';
import { nearestNeighbors } from '../neighbors/knn';
import { correctedRepulsionProbabilities } from './sampling';

const report = (message: string): void => {
  if (process.env.REPORT_MEASUREMENTS) console.info(message);
};

const ringGraph = pruneGraph(fuzzySimplicialSet(nearestNeighbors(paperRing({ seed: 3 }), 15)), 500);

describe('correctedRepulsionProbabilities (paper §7.3, eq. 18)', () => {
  const m = 5;
  const probabilities = correctedRepulsionProbabilities(ringGraph, m);
  const degree = degrees(ringGraph);

  it('makes the target similarities μ wherever p_ij > 0', () => {
    const { n, rowPtr, cols, values } = ringGraph;
    let clipped = 0;
    let worst = 0;
    for (let i = 0; i < n; i++) {
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        const mu = values[p];
        const umapRepulsion = ((degree[i] + degree[cols[p]]) * m) / (2 * n);
        expect(probabilities[p]).toBeCloseTo(Math.max(0, 1 - mu - umapRepulsion), 12);
        if (probabilities[p] === 0) {
          clipped++;
          continue;
        }
        // Attraction 2μ vs repulsion 2·(d_i + d_j)m/(2n) + 2p (both directions): eq. 15 becomes μ.
        const target = (2 * mu) / (2 * mu + 2 * umapRepulsion + 2 * probabilities[p]);
        worst = Math.max(worst, Math.abs(target / mu - 1));
      }
    }
    expect(worst).toBeLessThan(1e-12);
    // The μ ≈ 1 edges (each point's nearest neighbours) cannot be corrected: 1 − μ < (d_i + d_j)m/(2n).
    expect(clipped).toBeGreaterThan(0);
    expect(clipped).toBeLessThan(values.length / 4);
    report(`corrected sampling: p clipped at 0 on ${clipped} of ${values.length} stored edges`);
  });
});
