/**
 * How much of the graph a layout keeps as neighbours: for each point its (up to) k strongest graph
 * neighbours (largest μ, the kNN graph's nearest) against its k nearest points in the layout; the
 * share found, over all points. The input is only the graph, since an imported UMAP may come
 * without its features.
 */
import { nearestNeighbors } from '../../core/neighbors';
import type { Graph } from '../../core/types';

export function graphNeighbourRecall(graph: Graph, layout: Float32Array, k = 15): number {
  const { n, rowPtr, cols, values } = graph;
  if (n < 2) return 0;
  const width = Math.min(k, n - 1) + 1;
  // Column 0 of each row is the point itself.
  const low = nearestNeighbors({ name: 'layout', n, dim: 2, points: layout }, width);
  const marks = new Int32Array(n).fill(-1);
  let found = 0;
  let wanted = 0;
  const order: number[] = [];
  for (let i = 0; i < n; i++) {
    order.length = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) if (cols[p] !== i) order.push(p);
    order.sort((x, y) => values[y] - values[x]);
    const take = Math.min(width - 1, order.length);
    for (let c = 1; c < width; c++) marks[low.indices[i * width + c]] = i;
    for (let t = 0; t < take; t++) if (marks[cols[order[t]]] === i) found++;
    wanted += take;
  }
  return wanted > 0 ? found / wanted : 0;
}
