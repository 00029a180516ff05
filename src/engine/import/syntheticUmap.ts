/**
 * A UMAP-shaped graph and layout of any size, for the import's scale test and bench: n points on a
 * circle, each joined to its `halfWidth` neighbours on either side with μ = exp(−(rank − 1)/halfWidth)
 * (1 for the nearest, as UMAP's), symmetric; 200 000 points with halfWidth 8 make 3.2 M stored entries,
 * about scanpy's graph of 200 000 cells.
 */
import type { Graph } from '../../core/types';

export function syntheticUmapGraph(n: number, halfWidth: number): Graph {
  const perRow = 2 * halfWidth;
  const rowPtr = new Int32Array(n + 1);
  const cols = new Int32Array(n * perRow);
  const values = new Float32Array(n * perRow);
  for (let i = 0; i < n; i++) {
    rowPtr[i + 1] = (i + 1) * perRow;
    const row: [number, number][] = [];
    for (let rank = 1; rank <= halfWidth; rank++) {
      const weight = Math.exp(-(rank - 1) / halfWidth);
      row.push([(i + rank) % n, weight], [(i - rank + n) % n, weight]);
    }
    row.sort((x, y) => x[0] - y[0]);
    row.forEach(([j, weight], k) => {
      cols[i * perRow + k] = j;
      values[i * perRow + k] = weight;
    });
  }
  return { n, rowPtr, cols, values };
}

/** The points on the unit circle with a little radial noise: the layout the graph describes. */
export function syntheticUmapLayout(n: number): Float32Array {
  const layout = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const radius = 10 + 0.3 * Math.sin(7.3 * i);
    layout[2 * i] = radius * Math.cos(angle);
    layout[2 * i + 1] = radius * Math.sin(angle);
  }
  return layout;
}
