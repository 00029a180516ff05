/**
 * Graph coarsening by heavy-edge matching, for the multilevel spectral solver (spectral.ts).
 *
 * Each vertex is paired with the unmatched neighbour it shares its heaviest edge with; a pair (or a
 * vertex left alone) becomes one coarse vertex. The coarse weights are W_c = Pᵀ·W·P, where P is the
 * n×n_c 0/1 aggregation matrix, so an edge inside a pair becomes a self-loop. Then the coarse degrees
 * are Pᵀ·D·P and the coarse problem W_c·y = μ·D_c·y is exactly the fine problem W·x = μ·D·x restricted
 * to vectors constant on each pair (a Galerkin projection): its eigenvalues bound the fine ones and
 * its eigenvectors, spread back by P, approximate the fine smooth eigenvectors.
 */
import { graphFromCoo } from '../graph/csr';
import { createRng } from '../random';
import type { Graph } from '../types';

export interface Coarsening {
  coarse: Graph;
  /** Coarse vertex of each fine vertex (the columns of P). */
  aggregate: Int32Array;
}

/**
 * One level of heavy-edge matching. Vertices are visited in a seeded random order, so the pairs do
 * not follow the index order (which on the paper's ring is the angle).
 */
export function coarsenGraph(g: Graph, seed: number): Coarsening {
  const { n, rowPtr, cols, values } = g;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const rng = createRng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  const aggregate = new Int32Array(n).fill(-1);
  let coarseCount = 0;
  for (let visit = 0; visit < n; visit++) {
    const i = order[visit];
    if (aggregate[i] !== -1) continue;
    let partner = -1;
    let heaviest = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = cols[p];
      if (j !== i && aggregate[j] === -1 && values[p] > heaviest) {
        heaviest = values[p];
        partner = j;
      }
    }
    aggregate[i] = coarseCount;
    if (partner !== -1) aggregate[partner] = coarseCount;
    coarseCount++;
  }

  const nnz = rowPtr[n];
  const coarseRows = new Int32Array(nnz);
  const coarseCols = new Int32Array(nnz);
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      coarseRows[p] = aggregate[i];
      coarseCols[p] = aggregate[cols[p]];
    }
  }
  const coarse = graphFromCoo(coarseCount, coarseRows, coarseCols, values, nnz);
  return { coarse, aggregate };
}
