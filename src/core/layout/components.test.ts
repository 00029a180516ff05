import { describe, expect, it } from 'vitest';
import { graphFromCoo } from '../graph/csr';
import type { Graph } from '../types';
import { connectedComponents, inducedSubgraph } from './components';

/** Symmetric graph from undirected edges (i, j, weight). */
function undirected(n: number, edges: [number, number, number][]): Graph {
  const rows: number[] = [];
  const cols: number[] = [];
  const values: number[] = [];
  for (const [i, j, w] of edges) {
    rows.push(i, j);
    cols.push(j, i);
    values.push(w, w);
  }
  return graphFromCoo(n, Int32Array.from(rows), Int32Array.from(cols), Float32Array.from(values));
}

describe('connectedComponents', () => {
  // 0–3–5 and 1–4 and the isolated vertex 2.
  const g = undirected(6, [
    [0, 3, 0.5],
    [3, 5, 1],
    [4, 1, 0.25],
  ]);
  const components = connectedComponents(g);

  it('labels components in order of their smallest vertex', () => {
    expect(components.count).toBe(3);
    expect(Array.from(components.labels)).toEqual([0, 1, 2, 0, 1, 0]);
    expect(Array.from(components.sizes)).toEqual([3, 2, 1]);
  });

  it('groups the members of each component, ascending', () => {
    expect(Array.from(components.offsets)).toEqual([0, 3, 5, 6]);
    expect(Array.from(components.members)).toEqual([0, 3, 5, 1, 4, 2]);
  });

  it('finds one component in a path', () => {
    const path = undirected(
      5,
      [0, 1, 2, 3].map((i) => [i, i + 1, 1]),
    );
    expect(connectedComponents(path).count).toBe(1);
  });
});

describe('inducedSubgraph', () => {
  it('keeps the edges inside the vertex set, renumbered in order', () => {
    const g = undirected(6, [
      [0, 3, 0.5],
      [3, 5, 1],
      [0, 5, 2],
      [4, 1, 0.25],
      [5, 1, 3],
    ]);
    const sub = inducedSubgraph(g, Int32Array.from([0, 3, 5]));
    expect(sub.n).toBe(3);
    expect(Array.from(sub.rowPtr)).toEqual([0, 2, 4, 6]);
    expect(Array.from(sub.cols)).toEqual([1, 2, 0, 2, 0, 1]);
    expect(Array.from(sub.values)).toEqual([0.5, 2, 0.5, 1, 2, 1]);
  });
});
