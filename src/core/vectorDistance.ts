/**
 * Distances between rows of a row-major float32 matrix, shared by the exact kNN scan (knn.ts), the
 * random-projection trees (rpTree.ts) and NN-descent (nnDescent.ts), so that both kNN paths store
 * bit-identical values for the same pair.
 *
 * Float32 products are exact in float64, and sums run in index order in float64.
 */

/** Σ x[a+t]·x[b+t], summed in order in float64. */
export function dot(x: Float32Array, a: number, b: number, dim: number): number {
  let sum = 0;
  for (let t = 0; t < dim; t++) sum += x[a + t] * x[b + t];
  return sum;
}

/** |x_a − x_b|² by differences, summed in order in float64: the Euclidean value we store. */
export function squaredDistance(x: Float32Array, a: number, b: number, dim: number): number {
  let sum = 0;
  for (let t = 0; t < dim; t++) {
    const diff = x[a + t] - x[b + t];
    sum += diff * diff;
  }
  return sum;
}

/** |x_i|² of every row, in float64. */
export function squaredNorms(x: Float32Array, n: number, dim: number): Float64Array {
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) norms[i] = dot(x, i * dim, i * dim, dim);
  return norms;
}

/**
 * umap-learn's cosine distance 1 − x·y/√(|x|²|y|²) as float32, from the dot product and squared
 * norms (knn.ts header: two zero vectors are at 0, a zero and a non-zero one at 1, clamped at 0).
 */
export function cosineFromDot(dotIJ: number, normI: number, normJ: number): number {
  if (normI === 0 && normJ === 0) return 0;
  if (normI === 0 || normJ === 0) return 1;
  return Math.fround(Math.max(0, 1 - dotIJ / Math.sqrt(normI * normJ)));
}
