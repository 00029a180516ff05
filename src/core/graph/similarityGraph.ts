import { UserError } from '../errors';
import type { Dataset, Graph, KnnResult } from '../types';
import {
  binarizeSimilarities,
  denseKernelGraph,
  fuzzySimplicialSet,
  invertSimilarities,
  pruneGraph,
} from './fuzzy';

/**
 * The input similarities μ the optimizer is given. Besides UMAP's own graph, the paper feeds
 * three alternatives through umap-learn's `graph=` argument (docs/algorithm.md §3.3):
 * - `inverted`: min(μ)/μ on the pruned graph (Fig. 2b, Fig. 4b);
 * - `binary`: every kNN-graph edge set to 1 (the graph ν* approximates, eq. 15);
 * - `dense`: φ(‖x_i − x_j‖) for all pairs, diagonal included (Fig. 1d, Table 1 row 2).
 */
export type SimilarityMode = 'umap' | 'inverted' | 'binary' | 'dense';

export const similarityModes: readonly SimilarityMode[] = ['umap', 'inverted', 'binary', 'dense'];

export interface SimilarityGraphOptions {
  mode: SimilarityMode;
  /** umap-learn prunes μ < max/nEpochs before both init and SGD (docs/algorithm.md §1.6). */
  nEpochs: number;
  /** Kernel shape, used by the dense mode. */
  a: number;
  b: number;
}

export function buildSimilarityGraph(
  ds: Dataset,
  knn: KnnResult | null,
  { mode, nEpochs, a, b }: SimilarityGraphOptions,
): Graph {
  if (mode === 'dense') return pruneGraph(denseKernelGraph(ds, a, b), nEpochs);
  if (!knn) throw new Error(`similarity mode ${mode} needs the kNN result`);
  const pruned = pruneGraph(fuzzySimplicialSet(knn), nEpochs);
  switch (mode) {
    case 'umap':
      return pruned;
    case 'inverted':
      return invertSimilarities(pruned);
    case 'binary':
      return binarizeSimilarities(pruned);
    default:
      throw new UserError(`Unknown similarity mode "${mode}"; use one of ${similarityModes.join(', ')}.`);
  }
}
