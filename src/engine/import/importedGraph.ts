/**
 * A UMAP made elsewhere (umap-learn, scanpy), as the explorer takes it in: the graph μ, and what came
 * with it. Every reader (matrixMarket.ts, scipyNpz.ts, h5ad.ts) ends in `checkedGraph`, so every
 * format gets the same checks and the same messages.
 */
import { UserError } from '../../core/errors';
import type { Graph } from '../../core/types';

/** A graph from a file, before it is checked: CSR in any column order, possibly one triangle only. */
export interface SparseInput {
  rows: number;
  columns: number;
  rowPtr: ArrayLike<number>;
  cols: ArrayLike<number>;
  values: ArrayLike<number>;
}

/** Relative difference |μ_ij − μ_ji| / max allowed before a graph counts as not symmetric (float32 rounding). */
const SYMMETRY_TOLERANCE = 1e-6;

/**
 * The graph as the explorer's Graph (CSR, both directions stored, columns sorted, no explicit zeros),
 * or a UserError that says exactly what is wrong: not square, a weight NaN, negative or above 1, not
 * symmetric (with the first offending pair). `what` names the file in messages.
 */
export function checkedGraph(input: SparseInput, what: string): Graph {
  const { rows, columns, rowPtr, cols, values } = input;
  if (rows !== columns)
    throw new UserError(`${what}: the graph is ${rows} × ${columns}; μ must be square (n × n).`);
  const n = rows;
  const nnz = rowPtr[n];
  if (rowPtr.length !== n + 1 || cols.length < nnz || values.length < nnz) {
    throw new UserError(
      `${what}: its CSR arrays disagree (indptr has ${rowPtr.length} entries for ${n} rows).`,
    );
  }
  const outRowPtr = new Int32Array(n + 1);
  let outCols = new Int32Array(nnz);
  let outValues = new Float32Array(nnz);
  let written = 0;
  for (let i = 0; i < n; i++) {
    const rowStart = written;
    let sorted = true;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = cols[p];
      const value = values[p];
      if (!(j >= 0 && j < n && Number.isInteger(j))) {
        throw new UserError(`${what}: column ${j} in row ${i} is outside 0–${n - 1}.`);
      }
      if (Number.isNaN(value)) throw new UserError(`${what}: μ(${i}, ${j}) is NaN.`);
      if (value < 0 || value > 1) {
        throw new UserError(`${what}: μ(${i}, ${j}) = ${value}; UMAP's similarities lie in [0, 1].`);
      }
      if (value === 0) continue;
      if (written > rowStart && outCols[written - 1] >= j) sorted = false;
      outCols[written] = j;
      outValues[written] = value;
      written++;
    }
    if (!sorted) sortRow(outCols, outValues, rowStart, written, what, i);
    outRowPtr[i + 1] = written;
  }
  if (written < nnz) {
    outCols = outCols.slice(0, written);
    outValues = outValues.slice(0, written);
  }
  const graph: Graph = { n, rowPtr: outRowPtr, cols: outCols, values: outValues };
  checkSymmetric(graph, what);
  return graph;
}

/** Sorts row `row`'s entries start..end − 1 by column; a column stored twice is an error. */
function sortRow(
  cols: Int32Array,
  values: Float32Array,
  start: number,
  end: number,
  what: string,
  row: number,
): void {
  const order = Array.from({ length: end - start }, (_, k) => start + k).sort((x, y) => cols[x] - cols[y]);
  const sortedCols = order.map((p) => cols[p]);
  const sortedValues = order.map((p) => values[p]);
  for (let k = 0; k < order.length; k++) {
    if (k > 0 && sortedCols[k] === sortedCols[k - 1]) {
      throw new UserError(`${what}: μ(${row}, ${sortedCols[k]}) is stored twice.`);
    }
    cols[start + k] = sortedCols[k];
    values[start + k] = sortedValues[k];
  }
}

/** μ(j, i) by binary search in row j, 0 when not stored. */
function stored(g: Graph, j: number, i: number): number {
  let low = g.rowPtr[j];
  let high = g.rowPtr[j + 1] - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (g.cols[middle] === i) return g.values[middle];
    if (g.cols[middle] < i) low = middle + 1;
    else high = middle - 1;
  }
  return 0;
}

function checkSymmetric(g: Graph, what: string): void {
  for (let i = 0; i < g.n; i++) {
    for (let p = g.rowPtr[i]; p < g.rowPtr[i + 1]; p++) {
      const j = g.cols[p];
      const back = stored(g, j, i);
      if (Math.abs(back - g.values[p]) > SYMMETRY_TOLERANCE * Math.max(back, g.values[p])) {
        throw new UserError(
          `${what}: the graph is not symmetric: μ(${i}, ${j}) = ${g.values[p]} but μ(${j}, ${i}) = ${back}. UMAP's μ (reducer.graph_, obsp['connectivities']) is symmetric; a kNN graph before symmetrisation is not.`,
        );
      }
    }
  }
}
