import { describe, expect, it } from 'vitest';
import { paperRing } from '../data/datasets';
import { denseKernelGraph, fuzzySimplicialSet, pruneGraph } from '../graph/fuzzy';
import { findAbParams } from '../kernel';
import { nearestNeighbors } from '../neighbors/knn';
import { readReferenceLayout } from '../testing/reference';
import { evaluateLosses } from './losses';
import { lossTable } from './lossTable';

describe('lossTable', () => {
  const ring = paperRing({ seed: 3 });
  const { a, b } = findAbParams(1, 0.1);
  const graph = pruneGraph(fuzzySimplicialSet(nearestNeighbors(ring, 15)), 500);
  // umap-learn's embedding of the ring after 500 epochs, n rows of "x,y".
  const umapResult = readReferenceLayout('ring_seed3_umap_500ep.csv');

  it('fills each cell with evaluateLosses and names the lowest column per row', () => {
    const denseGraph = denseKernelGraph(ring, a, b);
    // Any embedding will do for the dense row's result column; the paper's comes from a dense run.
    const table = lossTable({
      graph,
      umapResult,
      input: ring.points,
      denseGraph,
      denseResult: umapResult,
      a,
      b,
      m: 5,
    });
    expect(table.map((row) => row.similarities)).toEqual(['mu', 'dense']);
    const [mu, dense] = table;
    expect(mu.cells.result).toEqual(evaluateLosses(graph, umapResult, { a, b, m: 5 }));
    expect(mu.cells.input).toEqual(evaluateLosses(graph, ring.points, { a, b, m: 5 }));
    expect(dense.cells.diverged).toEqual(evaluateLosses(denseGraph, 'diverged', { a, b, m: 5 }));
    // The paper's bold entries: the diverged layout beats UMAP's result on its own purported loss,
    // and with dense φ input the input layout wins; the effective loss prefers UMAP's result.
    expect(mu.lowest).toEqual({ purported: 'diverged', effective: 'result' });
    expect(dense.lowest.purported).toBe('input');
  });

  it('leaves the dense row out without a dense result, and refuses non-2-D input', () => {
    expect(lossTable({ graph, umapResult, input: ring.points, a, b, m: 5 })).toHaveLength(1);
    expect(() => lossTable({ graph, umapResult, input: new Float32Array(3000), a, b, m: 5 })).toThrow(
      /needs 2-D data/,
    );
  });
});
