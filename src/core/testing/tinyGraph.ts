/** Hand-made graphs for the tests. */
import type { Graph } from '../types';

/** A symmetric graph from undirected edges [i, j, μ], both directions stored, columns sorted. */
export function tinyGraph(n: number, edges: [number, number, number][]): Graph {
  const rows: [number, number, number][] = [];
  for (const [i, j, mu] of edges) rows.push([i, j, mu], [j, i, mu]);
  rows.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const rowPtr = new Int32Array(n + 1);
  for (const [i] of rows) rowPtr[i + 1]++;
  for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i];
  return {
    n,
    rowPtr,
    cols: Int32Array.from(rows.map((r) => r[1])),
    values: Float32Array.from(rows.map((r) => r[2])),
  };
}
