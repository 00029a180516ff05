import { describe, expect, it } from 'vitest';
import { paperRing } from '../data/datasets';
import { fuzzySimplicialSet } from '../graph/fuzzy';
import { nearestNeighbors } from '../neighbors/knn';
import type { Dataset, Graph } from '../types';
import { connectedComponents } from './components';
import { multiComponentLayout } from './multiComponent';

// A 200-point ring plus two isolated points: three components, so the corners e₁, e₂, −e₁.
const ring = paperRing({ n: 200, seed: 3 });
const points = new Float32Array(2 * 202);
points.set(ring.points);
points.set([50, 50, -50, 50], 400);
const ds: Dataset = { name: 'ring and strays', n: 202, dim: 2, points };
const ringGraph = fuzzySimplicialSet(nearestNeighbors(ring, 15));
const rowPtr = new Int32Array(203);
rowPtr.set(ringGraph.rowPtr);
rowPtr[201] = ringGraph.rowPtr[200];
rowPtr[202] = ringGraph.rowPtr[200];
const graph: Graph = { n: 202, rowPtr, cols: ringGraph.cols, values: ringGraph.values };
const components = connectedComponents(graph);
const { layout, notes } = multiComponentLayout(ds, graph, components, 2, { seed: 0 });
// Half the smallest distance between corners: |e₁ − e₂|/2.
const halfWidth = Math.SQRT2 / 2;

describe('multiComponentLayout', () => {
  it('scales a component to max |coordinate| = half the smallest corner distance, around its corner', () => {
    expect(components.count).toBe(3);
    expect(notes).toEqual([]);
    let largest = 0;
    for (let i = 0; i < 200; i++) {
      largest = Math.max(largest, Math.abs(layout[2 * i] - 1), Math.abs(layout[2 * i + 1]));
    }
    expect(largest).toBeCloseTo(halfWidth, 12);
  });

  it('places a component too small for a spectral layout at random inside its box', () => {
    // Point 200 is component 1 at e₂ = (0, 1); point 201 is component 2 at −e₁ = (−1, 0).
    expect(Math.abs(layout[400])).toBeLessThanOrEqual(halfWidth);
    expect(Math.abs(layout[401] - 1)).toBeLessThanOrEqual(halfWidth);
    expect(Math.abs(layout[402] + 1)).toBeLessThanOrEqual(halfWidth);
    expect(Math.abs(layout[403])).toBeLessThanOrEqual(halfWidth);
    // Not at the corner itself: the position was drawn.
    expect(layout[400]).not.toBe(0);
    expect(multiComponentLayout(ds, graph, components, 2, { seed: 1 }).layout[400]).not.toBe(layout[400]);
  });

  it('is deterministic for a seed', () => {
    expect(multiComponentLayout(ds, graph, components, 2, { seed: 0 }).layout).toEqual(layout);
  });
});
