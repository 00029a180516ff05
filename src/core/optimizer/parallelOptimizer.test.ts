import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paperRing } from '../data/datasets';
import { ringThickness } from '../metrics/metrics';
import { prepareRun, umapConfig } from '../pipeline';
import { type NodeShardThreads, startNodeShardThreads } from '../testing/shardThreads';
import { createOptimizer, type EpochStats, type OptimizerOptions } from './optimizer';
import { createParallelOptimizer, partitionRows } from './parallelOptimizer';

const ring = paperRing({ n: 1000, seed: 3 });
const nEpochs = 500;
const prepared = prepareRun(ring, umapConfig(ring.n, { init: 'data', nEpochs, seed: 0 }));
const options: OptimizerOptions = {
  graph: prepared.graph,
  layout: prepared.initial,
  nEpochs,
  a: prepared.a,
  b: prepared.b,
  m: 5,
  seed: 0,
};

let threads: NodeShardThreads;
beforeAll(async () => {
  threads = await startNodeShardThreads(3);
}, 60_000);
afterAll(async () => {
  await threads?.close();
});

describe('partitionRows', () => {
  it('splits the rows into contiguous shards of about equal sampling work (sum of μ)', () => {
    const { rowPtr, values, n } = prepared.graph;
    const rowWeight = (i: number) => {
      let sum = 0;
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) sum += values[p];
      return sum;
    };
    let total = 0;
    let heaviestRow = 0;
    for (let i = 0; i < n; i++) {
      total += rowWeight(i);
      heaviestRow = Math.max(heaviestRow, rowWeight(i));
    }
    for (const count of [2, 3, 4, 8]) {
      const bounds = partitionRows(prepared.graph, count);
      expect(bounds[0]).toBe(0);
      expect(bounds[count]).toBe(n);
      for (let s = 0; s < count; s++) {
        expect(bounds[s + 1]).toBeGreaterThan(bounds[s]);
        let work = 0;
        for (let i = bounds[s]; i < bounds[s + 1]; i++) work += rowWeight(i);
        expect(Math.abs(work - total / count)).toBeLessThanOrEqual(heaviestRow);
      }
    }
  });
});

describe('createParallelOptimizer (helper threads on worker_threads)', () => {
  const run = (optimizer: ReturnType<typeof createOptimizer>): EpochStats[] => {
    const stats = optimizer.step(nEpochs);
    optimizer.dispose();
    return stats;
  };

  for (const count of [2, 4]) {
    it(`${count} threads sample exactly the single thread's edges and negatives, epoch by epoch`, () => {
      const single = run(createOptimizer(options));
      const parallel = createParallelOptimizer(options, count, threads.startHelper);
      expect(parallel.threads).toBe(count);
      const stats = run(parallel);
      // The schedule does not depend on positions, so shards that cover every row exactly once
      // reproduce the counts; a missing or doubled row would not.
      expect(stats.map((s) => [s.edgeSamples, s.negativeSamples])).toEqual(
        single.map((s) => [s.edgeSamples, s.negativeSamples]),
      );
    });
  }

  it('contracts the ring and lowers the actual loss as the single thread does', () => {
    const singleOptimizer = createOptimizer(options);
    const single = run(singleOptimizer);
    const parallelOptimizer = createParallelOptimizer(options, 2, threads.startHelper);
    const parallel = run(parallelOptimizer);
    const inputThickness = ringThickness(prepared.initial);
    const singleRatio = ringThickness(singleOptimizer.embedding) / inputThickness;
    const parallelRatio = ringThickness(parallelOptimizer.embedding) / inputThickness;
    expect(singleRatio).toBeLessThan(0.6);
    expect(parallelRatio).toBeLessThan(0.6);
    expect(Math.abs(parallelRatio - singleRatio)).toBeLessThan(0.15);
    const last = (stats: EpochStats[]) => stats[stats.length - 1].actual.total;
    // Hogwild is not reproducible: the same trend, not the same numbers (measured: thickness ratio
    // 0.31 one thread, 0.37 two; last epoch's loss 3 421 and 3 298).
    expect(Math.abs(last(parallel) - last(single))).toBeLessThan(0.1 * last(single));
    const perUpdate = (s: EpochStats) => s.actual.total / (s.edgeSamples + s.negativeSamples);
    expect(perUpdate(parallel[nEpochs - 1])).toBeLessThan(0.8 * perUpdate(parallel[1]));
  });

  it('applies a live change of m to every shard', () => {
    const single = createOptimizer(options);
    const parallel = createParallelOptimizer(options, 2, threads.startHelper);
    const counts = [single, parallel].map((optimizer) => {
      optimizer.step(5);
      optimizer.setNegativeSampleRate(2);
      const negatives = optimizer.step(5).map((s) => s.negativeSamples);
      optimizer.dispose();
      return negatives;
    });
    expect(counts[1]).toEqual(counts[0]);
  });

  it('refuses §7.3 corrected sampling and thread counts out of range', () => {
    expect(() =>
      createParallelOptimizer({ ...options, sampling: 'corrected' }, 2, threads.startHelper),
    ).toThrow(/UMAP sampling only/);
    expect(() => createParallelOptimizer(options, 1, threads.startHelper)).toThrow(/2 to 8 threads/);
    expect(() => createParallelOptimizer(options, 9, threads.startHelper)).toThrow(/2 to 8 threads/);
  });

  it('reports helpers that never start instead of waiting forever', () => {
    const optimizer = createParallelOptimizer(options, 2, () => {}, 200);
    expect(() => optimizer.step(1)).toThrow(/did not respond/);
    optimizer.dispose();
  });
});
