import { describe, expect, it } from 'vitest';
import { paperRing } from '../data/datasets';
import { fuzzySimplicialSet } from '../graph/fuzzy';
import { degrees } from '../graph/similarities';
import { nearestNeighbors } from '../neighbors/knn';
import { coarsenGraph } from './coarsen';

const fine = fuzzySimplicialSet(nearestNeighbors(paperRing({ n: 400, seed: 3 }), 15));
const { coarse, aggregate } = coarsenGraph(fine, 11);

describe('coarsenGraph (heavy-edge matching)', () => {
  it('merges vertices in pairs or leaves them alone, roughly halving the graph', () => {
    const members = new Int32Array(coarse.n);
    for (const a of aggregate) members[a]++;
    expect(Math.min(...members)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...members)).toBeLessThanOrEqual(2);
    expect(coarse.n).toBeLessThan(0.6 * fine.n);
  });

  it('pairs only vertices joined by an edge', () => {
    const firstMember = new Int32Array(coarse.n).fill(-1);
    for (let i = 0; i < fine.n; i++) {
      const a = aggregate[i];
      if (firstMember[a] === -1) {
        firstMember[a] = i;
        continue;
      }
      const j = firstMember[a];
      const neighbours = fine.cols.subarray(fine.rowPtr[i], fine.rowPtr[i + 1]);
      expect(neighbours).toContain(j);
    }
  });

  it('is the Galerkin product Pᵀ·W·P: coarse degrees are sums of fine degrees, weights preserved', () => {
    const fineDegree = degrees(fine);
    const coarseDegree = degrees(coarse);
    const expected = new Float64Array(coarse.n);
    for (let i = 0; i < fine.n; i++) expected[aggregate[i]] += fineDegree[i];
    for (let a = 0; a < coarse.n; a++) expect(coarseDegree[a]).toBeCloseTo(expected[a], 4);
    // Entry (a, b) is the sum of the fine weights between the two pairs, self-loops included.
    const dense = new Float64Array(coarse.n * coarse.n);
    for (let i = 0; i < fine.n; i++) {
      for (let p = fine.rowPtr[i]; p < fine.rowPtr[i + 1]; p++) {
        dense[aggregate[i] * coarse.n + aggregate[fine.cols[p]]] += fine.values[p];
      }
    }
    for (let a = 0; a < coarse.n; a++) {
      for (let p = coarse.rowPtr[a]; p < coarse.rowPtr[a + 1]; p++) {
        expect(coarse.values[p]).toBeCloseTo(dense[a * coarse.n + coarse.cols[p]], 5);
      }
    }
  });

  it('depends on the seed only through the visiting order, deterministically', () => {
    expect(coarsenGraph(fine, 11).aggregate).toEqual(aggregate);
    expect(coarsenGraph(fine, 12).aggregate).not.toEqual(aggregate);
  });
});
