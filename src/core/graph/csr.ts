/**
 * Small CSR helpers shared by the similarity constructions (fuzzy.ts, similarities.ts).
 * Every Graph built here has its columns sorted ascending within each row and no stored zeros,
 * like a scipy matrix after `sum_duplicates()` and `eliminate_zeros()`.
 */
import type { Graph } from '../types';

/** Number of stored entries; both directions of a symmetric graph count separately. */
export function edgeCount(g: Graph): number {
  return g.rowPtr[g.n];
}

/** The row pointer of a CSR matrix whose entries lie in rows `rowOf[0..count)`: counts, then prefix sums. */
function rowStarts(n: number, rowOf: Int32Array, count: number): Int32Array {
  const rowPtr = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) rowPtr[rowOf[e] + 1]++;
  for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i];
  return rowPtr;
}

/**
 * CSR from coordinate triplets (the first `count` of them). Duplicate (row, col) pairs are summed in
 * float32 and zero values are dropped, as scipy's coo → csr conversion followed by `eliminate_zeros`.
 */
export function graphFromCoo(
  n: number,
  rows: Int32Array,
  cols: Int32Array,
  values: Float32Array,
  count: number = rows.length,
): Graph {
  // Counting sort by row, then an insertion sort by column inside each (short) row.
  const rowPtr = rowStarts(n, rows, count);
  const fill = rowPtr.slice(0, n);
  const sortedCols = new Int32Array(count);
  const sortedValues = new Float32Array(count);
  for (let e = 0; e < count; e++) {
    const at = fill[rows[e]]++;
    sortedCols[at] = cols[e];
    sortedValues[at] = values[e];
  }
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i] + 1; p < rowPtr[i + 1]; p++) {
      const col = sortedCols[p];
      const value = sortedValues[p];
      let q = p - 1;
      while (q >= rowPtr[i] && sortedCols[q] > col) {
        sortedCols[q + 1] = sortedCols[q];
        sortedValues[q + 1] = sortedValues[q];
        q--;
      }
      sortedCols[q + 1] = col;
      sortedValues[q + 1] = value;
    }
  }
  // Merge duplicates and drop zeros in one compacting pass.
  const outPtr = new Int32Array(n + 1);
  let out = 0;
  for (let i = 0; i < n; i++) {
    let p = rowPtr[i];
    while (p < rowPtr[i + 1]) {
      const col = sortedCols[p];
      let sum = sortedValues[p++];
      while (p < rowPtr[i + 1] && sortedCols[p] === col) sum = Math.fround(sum + sortedValues[p++]);
      if (sum !== 0) {
        sortedCols[out] = col;
        sortedValues[out] = sum;
        out++;
      }
    }
    outPtr[i + 1] = out;
  }
  return { n, rowPtr: outPtr, cols: sortedCols.slice(0, out), values: sortedValues.slice(0, out) };
}

/** Gᵀ. Scanning rows in order fills each transposed row with ascending columns, so no sort is needed. */
export function transposeGraph(g: Graph): Graph {
  const { n, rowPtr, cols, values } = g;
  const nnz = rowPtr[n];
  const tPtr = rowStarts(n, cols, nnz);
  const fill = tPtr.slice(0, n);
  const tCols = new Int32Array(nnz);
  const tValues = new Float32Array(nnz);
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const at = fill[cols[p]]++;
      tCols[at] = i;
      tValues[at] = values[p];
    }
  }
  return { n, rowPtr: tPtr, cols: tCols, values: tValues };
}

/**
 * A graph with the same sparsity pattern and `transform(value)` as values (rounded to float32);
 * entries mapped to 0 are removed. Used for pruning, inverting and binarizing (docs/algorithm.md §1.6, §3.3).
 */
export function mapGraphValues(g: Graph, transform: (value: number) => number): Graph {
  const { n, rowPtr, cols, values } = g;
  const nnz = rowPtr[n];
  const outPtr = new Int32Array(n + 1);
  const outCols = new Int32Array(nnz);
  const outValues = new Float32Array(nnz);
  let out = 0;
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const value = Math.fround(transform(values[p]));
      if (value !== 0) {
        outCols[out] = cols[p];
        outValues[out] = value;
        out++;
      }
    }
    outPtr[i + 1] = out;
  }
  return { n, rowPtr: outPtr, cols: outCols.slice(0, out), values: outValues.slice(0, out) };
}

/** Largest stored value (−∞ for an empty graph). */
export function maxValue(g: Graph): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < g.rowPtr[g.n]; p++) if (g.values[p] > max) max = g.values[p];
  return max;
}

/** Smallest stored value (+∞ for an empty graph). */
export function minValue(g: Graph): number {
  let min = Number.POSITIVE_INFINITY;
  for (let p = 0; p < g.rowPtr[g.n]; p++) if (g.values[p] < min) min = g.values[p];
  return min;
}
