/**
 * Distances between rows of a row-major float32 matrix, shared by the exact kNN scan (knn.ts), the
 * random-projection trees (rpTree.ts) and NN-descent (nnDescent.ts), so that both kNN paths store
 * bit-identical values for the same pair.
 *
 * Float32 products are exact in float64, and sums run in index order in float64. The blocked
 * kernels (`squaredDistances2x4`, `dots2x4`) keep that order for every pair, so they return the same
 * values as the one-pair functions, only faster.
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

/**
 * |x_ar − x_bc|² for rows a0, a1 against rows b0..b3, into out[r·4 + c]. Each of the eight sums runs
 * in index order like `squaredDistance`, so the values are bit-identical to it; sharing the loads
 * of the six rows makes eight pairs about twice as fast as eight `squaredDistance` calls in V8
 * (measured at 50-D). Offsets are row starts (index·dim).
 */
export function squaredDistances2x4(
  x: Float32Array,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  b2: number,
  b3: number,
  dim: number,
  out: Float64Array,
): void {
  let sum00 = 0;
  let sum01 = 0;
  let sum02 = 0;
  let sum03 = 0;
  let sum10 = 0;
  let sum11 = 0;
  let sum12 = 0;
  let sum13 = 0;
  for (let t = 0; t < dim; t++) {
    const u0 = x[a0 + t];
    const u1 = x[a1 + t];
    let v = x[b0 + t];
    let diff = u0 - v;
    sum00 += diff * diff;
    diff = u1 - v;
    sum10 += diff * diff;
    v = x[b1 + t];
    diff = u0 - v;
    sum01 += diff * diff;
    diff = u1 - v;
    sum11 += diff * diff;
    v = x[b2 + t];
    diff = u0 - v;
    sum02 += diff * diff;
    diff = u1 - v;
    sum12 += diff * diff;
    v = x[b3 + t];
    diff = u0 - v;
    sum03 += diff * diff;
    diff = u1 - v;
    sum13 += diff * diff;
  }
  out[0] = sum00;
  out[1] = sum01;
  out[2] = sum02;
  out[3] = sum03;
  out[4] = sum10;
  out[5] = sum11;
  out[6] = sum12;
  out[7] = sum13;
}

/** x_ar · x_bc for rows a0, a1 against rows b0..b3, into out[r·4 + c]; each summed in order like `dot`. */
export function dots2x4(
  x: Float32Array,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  b2: number,
  b3: number,
  dim: number,
  out: Float64Array,
): void {
  let sum00 = 0;
  let sum01 = 0;
  let sum02 = 0;
  let sum03 = 0;
  let sum10 = 0;
  let sum11 = 0;
  let sum12 = 0;
  let sum13 = 0;
  for (let t = 0; t < dim; t++) {
    const u0 = x[a0 + t];
    const u1 = x[a1 + t];
    let v = x[b0 + t];
    sum00 += u0 * v;
    sum10 += u1 * v;
    v = x[b1 + t];
    sum01 += u0 * v;
    sum11 += u1 * v;
    v = x[b2 + t];
    sum02 += u0 * v;
    sum12 += u1 * v;
    v = x[b3 + t];
    sum03 += u0 * v;
    sum13 += u1 * v;
  }
  out[0] = sum00;
  out[1] = sum01;
  out[2] = sum02;
  out[3] = sum03;
  out[4] = sum10;
  out[5] = sum11;
  out[6] = sum12;
  out[7] = sum13;
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
