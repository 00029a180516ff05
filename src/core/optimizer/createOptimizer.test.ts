/** The entry: which backend runs, what it refuses, determinism; timings of the whole ring run. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { problemOptions } from '../testing/ringProblem';
import { paperRingProblem, referenceRingOptimizer, totalOf } from '../testing/ringRuns';
import { createOptimizer, createParallelOptimizer } from './createOptimizer';
import type { OptimizerBackend } from './types';

const report = (message: string): void => {
  if (process.env.REPORT_MEASUREMENTS) console.info(message);
};

const ring = paperRingProblem;
const options = problemOptions(ring, { seed: 1 });

/** The one-thread backends. */
const backends: OptimizerBackend[] = ['typescript', 'wasm'];

describe('createOptimizer: the backend', () => {
  it('is the WebAssembly kernel where it covers the options, else the TypeScript reference', () => {
    expect(createOptimizer(options).backend).toBe('wasm');
    expect(createOptimizer({ ...options, pushNegatives: true, trackLoss: false }).backend).toBe('wasm');
    expect(createOptimizer({ ...options, sampling: 'corrected' }).backend).toBe('typescript');
    expect(createOptimizer({ ...options, logAfter: true }).backend).toBe('typescript');
    expect(createOptimizer({ ...options, countPerEdge: true }).backend).toBe('typescript');
    expect(createOptimizer({ ...options, backend: 'typescript' }).backend).toBe('typescript');
    expect(() => createOptimizer({ ...options, logAfter: true, backend: 'wasm' })).toThrow(/covers only/);
  });

  it('runs one thread unless asked for more', () => {
    const optimizer = createParallelOptimizer(options, 1, () => {
      throw new Error('one thread starts no helper');
    });
    expect([optimizer.backend, optimizer.threads]).toEqual(['wasm', 1]);
  });

  it('refuses parallel epochs it cannot run, before starting any thread', () => {
    const startHelper = () => {
      throw new Error('no helper may start');
    };
    expect(() => createOptimizer({ ...options, threads: 2, sampling: 'corrected', startHelper })).toThrow(
      UserError,
    );
    expect(() => createOptimizer({ ...options, threads: 2, logAfter: true, startHelper })).toThrow(
      /logAfter/,
    );
    expect(() => createOptimizer({ ...options, threads: 2, backend: 'typescript', startHelper })).toThrow(
      /WebAssembly kernel only/,
    );
    expect(() => createOptimizer({ ...options, threads: 2 })).toThrow(/startHelper/);
    for (const threads of [0, 1.5, 9]) {
      expect(() => createOptimizer({ ...options, threads, startHelper })).toThrow(/from 1 to 8/);
    }
  });

  it('reports a zero actual loss when loss tracking is off', () => {
    const stats = createOptimizer({ ...options, trackLoss: false }).step(3);
    expect(stats.map((s) => s.actual.total)).toEqual([0, 0, 0]);
    expect(stats[2].negativeSamples).toBeGreaterThan(0);
  });
});

describe('createOptimizer: determinism and bounds', () => {
  it('is bit-identical for one seed and differs between seeds', () => {
    const options = { nEpochs: 30, pushNegatives: true, sampling: 'corrected' as const, logAfter: true };
    const first = referenceRingOptimizer({ ...options, seed: 11 });
    const second = referenceRingOptimizer({ ...options, seed: 11 });
    const other = referenceRingOptimizer({ ...options, seed: 12 });
    expect(second.step(30)).toEqual(first.step(30));
    other.step(30);
    expect(second.embedding).toEqual(first.embedding);
    expect(other.embedding).not.toEqual(first.embedding);
  });

  it.each(backends)('%s: stops at nEpochs', (backend) => {
    const optimizer = referenceRingOptimizer({ nEpochs: 5, trackLoss: false, backend });
    expect(optimizer.step(3).map((s) => s.epoch)).toEqual([0, 1, 2]);
    expect(optimizer.step(10).map((s) => s.epoch)).toEqual([3, 4]);
    expect(optimizer.step()).toEqual([]);
    expect(optimizer.epoch).toBe(5);
  });

  it('refuses a layout that is not n×2', () => {
    expect(() => referenceRingOptimizer({ layout: new Float32Array(3 * ring.graph.n) })).toThrow(
      /2-D layout/,
    );
  });
});

describe('createOptimizer: the seed-3 ring, 500 epochs', () => {
  const ringEpochs = ring.nEpochs;
  it.each(backends)('%s: runs the same path with and without loss tracking (timings reported)', (backend) => {
    const timed = (trackLoss: boolean) => {
      const optimizer = referenceRingOptimizer({ trackLoss, seed: 3, backend });
      const start = performance.now();
      const stats = optimizer.step(ringEpochs);
      const seconds = (performance.now() - start) / 1000;
      return { optimizer, stats, seconds };
    };
    const tracked = timed(true);
    const untracked = timed(false);
    expect(untracked.optimizer.embedding).toEqual(tracked.optimizer.embedding);
    expect(tracked.optimizer.embedding.every(Number.isFinite)).toBe(true);
    const edgeSamples = totalOf(tracked.stats, 'edgeSamples');
    const negativeSamples = totalOf(tracked.stats, 'negativeSamples');
    expect(Math.abs(negativeSamples / edgeSamples / 5 - 1)).toBeLessThan(0.02);
    // Loss decreases from the first sampled epochs to the end of the run (paper Fig. 3).
    expect(tracked.stats[ringEpochs - 1].actual.total).toBeLessThan(tracked.stats[5].actual.total);
    const updates = edgeSamples + negativeSamples;
    report(
      `${backend}, ring seed 3, ${ringEpochs} epochs, ${updates} SGD updates: trackLoss true ` +
        `${(ringEpochs / tracked.seconds).toFixed(0)} epochs/s (${(updates / tracked.seconds / 1e6).toFixed(1)} M updates/s), ` +
        `trackLoss false ${(ringEpochs / untracked.seconds).toFixed(0)} epochs/s ` +
        `(${(updates / untracked.seconds / 1e6).toFixed(1)} M updates/s)`,
    );
  });
});
