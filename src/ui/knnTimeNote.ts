import { APPROXIMATE_KNN_MIN_POINTS } from '../core/neighbors';
import { exactKnnSeconds } from '../engine/runEstimate';

/**
 * What the user should know about the kNN stage before embedding n points of dim dimensions: the
 * exact search's expected time when it takes a second or more, or that NN-descent takes over.
 */
export function knnTimeNote(n: number, dim: number): string | null {
  if (n >= APPROXIMATE_KNN_MIN_POINTS) {
    return `${n} points: the nearest neighbours are approximate (NN-descent) from ${APPROXIMATE_KNN_MIN_POINTS} points on.`;
  }
  const seconds = exactKnnSeconds(n, dim);
  if (seconds < 1) return null;
  return `Exact nearest neighbours take about ${Math.round(seconds)} s for ${n} points × ${dim} columns (O(n²·d)).`;
}
