import { paperRing } from '../core/datasets';
import { degrees, fuzzySimplicialSet } from '../core/fuzzy';
import { nearestNeighbors } from '../core/knn';

export interface GraphPreviewRequest {
  n: number;
  k: number;
  seed: number;
}

/** The paper ring and the size of its UMAP graph: what the first page shows. */
export interface GraphPreview {
  n: number;
  k: number;
  /** Undirected edges of the fuzzy union (each stored twice in the CSR graph). */
  edgeCount: number;
  meanDegree: number;
  /** n×2 input coordinates. */
  points: Float32Array;
  /** Ring angle in [0, 1), for colour. */
  hue: Float32Array;
}

export function buildGraphPreview({ n, k, seed }: GraphPreviewRequest): GraphPreview {
  const ring = paperRing({ n, seed });
  const graph = fuzzySimplicialSet(nearestNeighbors(ring, k));
  const degree = degrees(graph);
  let degreeSum = 0;
  for (const d of degree) degreeSum += d;
  return {
    n,
    k,
    edgeCount: graph.cols.length / 2,
    meanDegree: degreeSum / n,
    points: ring.points,
    hue: ring.hue ?? new Float32Array(n),
  };
}
