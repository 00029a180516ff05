/**
 * Connected components of a symmetric CSR graph, needed by the spectral initialisation: the
 * normalised Laplacian of a graph with c components has eigenvalue 0 c times, so each component is
 * embedded on its own and the pieces are laid out apart (docs/algorithm.md §1.9, multi-component).
 */
import type { Graph } from '../types';

export interface Components {
  /** Number of components. */
  count: number;
  /** Component of each vertex, 0..count−1, numbered in order of each component's smallest vertex. */
  labels: Int32Array;
  /** Vertex count of each component. */
  sizes: Int32Array;
  /**
   * The vertices grouped by component: those of component c are
   * `members[offsets[c]] … members[offsets[c + 1] − 1]`, ascending.
   */
  members: Int32Array;
  offsets: Int32Array;
}

/**
 * Components by breadth-first search from each unvisited vertex in index order. Only stored entries
 * count as edges; every Graph built by this project stores no zeros, and a stored zero would still
 * join its endpoints here (scipy's `connected_components` does the same).
 */
export function connectedComponents(g: Graph): Components {
  const { n, rowPtr, cols } = g;
  const labels = new Int32Array(n).fill(-1);
  // The BFS queue doubles as the grouped member list: each search appends one whole component.
  const queue = new Int32Array(n);
  const starts: number[] = [];
  let tail = 0;
  for (let root = 0; root < n; root++) {
    if (labels[root] !== -1) continue;
    const component = starts.length;
    starts.push(tail);
    labels[root] = component;
    let head = tail;
    queue[tail++] = root;
    while (head < tail) {
      const i = queue[head++];
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        const j = cols[p];
        if (labels[j] === -1) {
          labels[j] = component;
          queue[tail++] = j;
        }
      }
    }
  }
  const count = starts.length;
  const offsets = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) offsets[c] = starts[c];
  offsets[count] = n;
  const sizes = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    sizes[c] = offsets[c + 1] - offsets[c];
    queue.subarray(offsets[c], offsets[c + 1]).sort();
  }
  return { count, labels, sizes, members: queue, offsets };
}

/**
 * The subgraph induced by `vertices` (ascending, as in `Components.members`), renumbered 0..m−1 in
 * that order. Columns stay ascending within each row.
 */
export function inducedSubgraph(g: Graph, vertices: Int32Array): Graph {
  const m = vertices.length;
  const localIndex = new Int32Array(g.n).fill(-1);
  for (let v = 0; v < m; v++) localIndex[vertices[v]] = v;
  let nnz = 0;
  for (let v = 0; v < m; v++) {
    const i = vertices[v];
    for (let p = g.rowPtr[i]; p < g.rowPtr[i + 1]; p++) if (localIndex[g.cols[p]] !== -1) nnz++;
  }
  const rowPtr = new Int32Array(m + 1);
  const cols = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  let out = 0;
  for (let v = 0; v < m; v++) {
    const i = vertices[v];
    for (let p = g.rowPtr[i]; p < g.rowPtr[i + 1]; p++) {
      const local = localIndex[g.cols[p]];
      if (local === -1) continue;
      cols[out] = local;
      values[out] = g.values[p];
      out++;
    }
    rowPtr[v + 1] = out;
  }
  return { n: m, rowPtr, cols, values };
}
