/** Plain data shared by every stage of the pipeline (docs/design.md, "Core contract"). */

/** n points of dimension `dim`, row-major float32 like umap-learn's `check_array(dtype=float32)`. */
export interface Dataset {
  name: string;
  n: number;
  dim: number;
  points: Float32Array;
  labels?: Int32Array;
  labelNames?: string[];
  /** A colour coordinate in [0, 1), e.g. the ring angle. */
  hue?: Float32Array;
}

/** k nearest neighbours of every point, row-major n×k, the point itself in column 0 at distance 0. */
export interface KnnResult {
  n: number;
  k: number;
  indices: Int32Array;
  distances: Float32Array;
}

/** Symmetric sparse similarity matrix in CSR form; both (i, j) and (j, i) are stored. */
export interface Graph {
  n: number;
  rowPtr: Int32Array;
  cols: Int32Array;
  values: Float32Array;
}

export interface LossParts {
  attractive: number;
  repulsive: number;
  total: number;
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in 0..n−1. */
  nextInt(n: number): number;
}

export type Metric = 'euclidean' | 'cosine';
