import { APPROXIMATE_KNN_MIN_POINTS } from '../core/neighbors';

/** Exact kNN is O(n²·d): 4000 points × 784 dimensions took 4.4 s in Node (MNIST digits). */
const MEASURED = { n: 4000, dim: 784, seconds: 4.4 };

/**
 * What the user should know about the kNN stage before embedding n points of dim dimensions: the
 * exact search's expected time when it takes a second or more, or that NN-descent takes over.
 */
export function knnTimeNote(n: number, dim: number): string | null {
  if (n >= APPROXIMATE_KNN_MIN_POINTS) {
    return `${n} points: the nearest neighbours are approximate (NN-descent) from ${APPROXIMATE_KNN_MIN_POINTS} points on.`;
  }
  const seconds = MEASURED.seconds * (n / MEASURED.n) ** 2 * (dim / MEASURED.dim);
  if (seconds < 1) return null;
  return `Exact nearest neighbours take about ${Math.round(seconds)} s for ${n} points × ${dim} columns (O(n²·d)).`;
}
