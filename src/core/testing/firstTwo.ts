import type { Dataset } from '../types';

/** The first two coordinates of every point: a crude 2-D projection for the metrics' tests. */
export function firstTwo(ds: Dataset): Float32Array {
  const out = new Float32Array(2 * ds.n);
  for (let i = 0; i < ds.n; i++) {
    out[2 * i] = ds.points[i * ds.dim];
    out[2 * i + 1] = ds.points[i * ds.dim + 1];
  }
  return out;
}
