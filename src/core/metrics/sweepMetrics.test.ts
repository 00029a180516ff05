import { describe, expect, it } from 'vitest';
import { gaussianBlobs, paperRing } from '../data/datasets';
import { nearestNeighbors } from '../neighbors/knn';
import { createRng } from '../random';
import { firstTwo } from '../testing/firstTwo';
import { classKnnAccuracy } from './classAccuracy';
import { distanceCorrelation, knnRecall, ringThickness } from './metrics';
import { sweepMetrics } from './sweepMetrics';

describe('sweepMetrics', () => {
  it('gives recall 1, distance correlation 1 and the input thickness when the layout is the 2-D data', () => {
    const ring = paperRing({ n: 1000 });
    const metrics = sweepMetrics({ dataset: ring, embedding: ring.points, isRing: true, seed: 0 });
    expect(metrics.knnRecall10).toBe(1);
    expect(metrics.distanceCorrelation).toBeCloseTo(1, 12);
    // umap_learn_reference.json's width_local of the seed-3 input ring.
    expect(metrics.ringThickness).toBeCloseTo(0.0612, 4);
    expect(metrics.classAccuracy10).toBeUndefined(); // no labels
    expect(Object.keys(metrics).sort()).toEqual(['distanceCorrelation', 'knnRecall10', 'ringThickness']);
  });

  const blobs = gaussianBlobs({ n: 800, dim: 12, centers: 4, spread: 4, seed: 5 });
  const embedding = firstTwo(blobs);

  it.each(['euclidean', 'cosine'] as const)('matches the individual measures (%s)', (metric) => {
    const metrics = sweepMetrics({ dataset: blobs, embedding, seed: 9, metric });
    expect(metrics).toEqual({
      knnRecall10: knnRecall(blobs, embedding, 10, metric),
      classAccuracy10: classKnnAccuracy(embedding, blobs.labels as Int32Array, 10),
      distanceCorrelation: distanceCorrelation(blobs, embedding, { seed: 9, metric }).spearman,
    });
    // Not trivial values.
    expect(metrics.knnRecall10).toBeLessThan(0.9);
    expect(metrics.classAccuracy10).toBeGreaterThan(0.3);
    expect(metrics.classAccuracy10).toBeLessThan(1);
  });

  it('gives the same numbers with a precomputed data kNN', () => {
    const plain = sweepMetrics({ dataset: blobs, embedding, seed: 1 });
    const highKnn = nearestNeighbors(blobs, 16);
    expect(sweepMetrics({ dataset: blobs, embedding, seed: 1, highKnn })).toEqual(plain);
    expect(() =>
      sweepMetrics({ dataset: blobs, embedding, seed: 1, highKnn: nearestNeighbors(blobs, 5) }),
    ).toThrow(/highKnn/);
  });

  it('prefers the given labels over the dataset’s and skips a single class', () => {
    const rng = createRng(2);
    const random = Int32Array.from({ length: blobs.n }, () => rng.nextInt(3));
    expect(sweepMetrics({ dataset: blobs, embedding, labels: random, seed: 0 }).classAccuracy10).toBe(
      classKnnAccuracy(embedding, random, 10),
    );
    const single = new Int32Array(blobs.n);
    expect(
      sweepMetrics({ dataset: blobs, embedding, labels: single, seed: 0 }).classAccuracy10,
    ).toBeUndefined();
  });

  it('skips the 10-NN measures below 12 points and undefined values of collapsed layouts', () => {
    const small = gaussianBlobs({ n: 11, dim: 3, centers: 2 });
    const metrics = sweepMetrics({ dataset: small, embedding: firstTwo(small), isRing: true, seed: 0 });
    expect(metrics.knnRecall10).toBeUndefined();
    expect(metrics.classAccuracy10).toBeUndefined();
    expect(metrics.distanceCorrelation).toBeGreaterThan(0);
    expect(metrics.ringThickness).toBe(ringThickness(firstTwo(small)));

    const collapsed = sweepMetrics({
      dataset: blobs,
      embedding: new Float32Array(2 * blobs.n),
      isRing: true,
      seed: 0,
    });
    expect(collapsed.distanceCorrelation).toBeUndefined();
    expect(collapsed.ringThickness).toBeUndefined();
    expect(collapsed.knnRecall10).toBeGreaterThanOrEqual(0);
    expect(Object.values(collapsed).every(Number.isFinite)).toBe(true);
  });

  it('rejects an embedding of the wrong length', () => {
    expect(() => sweepMetrics({ dataset: blobs, embedding: embedding.subarray(2), seed: 0 })).toThrow(
      /expected/,
    );
  });
});
