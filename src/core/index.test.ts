import { describe, expect, it } from 'vitest';
import * as core from './index';

/** Every function of the core contract (docs/design.md, "Core contract"). */
const contractFunctions = [
  'createRng',
  'numpyRandomState',
  'paperRing',
  'paperRings',
  'paperRingCoordinates',
  'uniformSquare',
  'gaussianBlobs',
  'nearestNeighbors',
  'smoothKnnDist',
  'fuzzySimplicialSet',
  'pruneGraph',
  'invertSimilarities',
  'binarizeSimilarities',
  'denseKernelGraph',
  'degrees',
  'findAbParams',
  'purportedLoss',
  'effectiveLoss',
  'evaluateLosses',
  'targetSimilarities',
  'initialLayout',
  'createOptimizer',
  'createParallelOptimizer',
  'serveOptimizerShard',
  'ringArcs',
  'ringThickness',
  'radialSpread',
  'knnRecall',
  'distanceCorrelation',
  'pearsonCorrelation',
  'spearmanCorrelation',
] as const satisfies readonly (keyof typeof core)[];

/** The module's exports by name (a test only, so tree shaking does not matter). */
const exported = new Map<string, unknown>(Object.entries(core));

describe('src/core/index.ts', () => {
  it.each(contractFunctions)('exports %s as a function', (name) => {
    expect(typeof exported.get(name)).toBe('function');
  });

  it('exports the error classes and the thread limit', () => {
    expect(new core.UserError('x')).toBeInstanceOf(Error);
    expect(new core.CancelledError()).toBeInstanceOf(Error);
    expect(core.MAX_THREADS).toBeGreaterThanOrEqual(2);
  });

  it('runs end to end: ring → kNN → symmetric graph → losses → a few epochs', () => {
    const ring: core.Dataset = core.paperRing({ n: 100 });
    const knn: core.KnnResult = core.nearestNeighbors(ring, 10);
    expect(knn).toMatchObject({ n: 100, k: 10 });
    expect(Array.from({ length: 100 }, (_, i) => knn.indices[10 * i])).toEqual(
      Array.from({ length: 100 }, (_, i) => i),
    );

    const graph: core.Graph = core.fuzzySimplicialSet(knn);
    const entries = new Map<string, number>();
    for (let i = 0; i < graph.n; i++) {
      for (let p = graph.rowPtr[i]; p < graph.rowPtr[i + 1]; p++) {
        expect(graph.cols[p]).not.toBe(i);
        entries.set(`${i},${graph.cols[p]}`, graph.values[p]);
      }
    }
    expect(entries.size).toBe(graph.rowPtr[graph.n]);
    for (const [key, mu] of entries) {
      const [i, j] = key.split(',');
      expect(entries.get(`${j},${i}`)).toBe(mu);
      expect(mu).toBeGreaterThan(0);
      expect(mu).toBeLessThanOrEqual(1);
    }

    const { a, b } = core.findAbParams();
    const layout = core.initialLayout('data', ring, graph, 0);
    const purported: core.LossParts = core.purportedLoss(graph, layout, { a, b });
    const effective = core.effectiveLoss(graph, layout, { a, b, m: 5 });
    expect(purported.total).toBeCloseTo(purported.attractive + purported.repulsive, 6);
    expect(effective.total).toBeLessThan(purported.total);

    const optimizer: core.Optimizer = core.createOptimizer({
      graph,
      layout,
      nEpochs: 20,
      a,
      b,
      m: 5,
      seed: 1,
    });
    const stats: core.EpochStats[] = optimizer.step(5);
    expect(stats.map((s) => s.epoch)).toEqual([0, 1, 2, 3, 4]);
    expect(optimizer.epoch).toBe(5);
    expect(optimizer.embedding.every(Number.isFinite)).toBe(true);
    optimizer.dispose();
  });
});
