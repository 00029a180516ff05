import { describe, expect, it } from 'vitest';
import { gaussianBlobs, paperRing } from '../data/datasets';
import { buildSimilarityGraph } from '../graph/similarityGraph';
import { findAbParams } from '../kernel';
import { randomLayout } from '../layout/init';
import { nearestNeighbors } from '../neighbors/knn';
import { createUint32Source } from '../random';
import type { Dataset } from '../types';
import { createOptimizer, type OptimizerOptions } from './optimizer';
import { createWasmOptimizer, instantiateOptimizerKernel } from './wasmOptimizer';

const { a, b } = findAbParams(1, 0.1);

function problem(ds: Dataset): Omit<OptimizerOptions, 'seed'> {
  const graph = buildSimilarityGraph(ds, nearestNeighbors(ds, 15, 'euclidean'), {
    mode: 'umap',
    nEpochs: 500,
    a,
    b,
  });
  return { graph, layout: randomLayout(ds.n, 11), nEpochs: 500, a, b, m: 5, trackLoss: false };
}

function maxAbsDifference(x: Float32Array, y: Float32Array): number {
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
  return worst;
}

const ring = problem(paperRing({ n: 1000, seed: 3 }));
const blobs = problem(gaussianBlobs({ n: 1500, dim: 50, seed: 1 }));

describe('WebAssembly optimizer kernel', () => {
  const kernel = instantiateOptimizerKernel();

  it('runs here (Node has WebAssembly)', () => {
    expect(kernel).toBeDefined();
  });

  it('draws the same uint32 stream as createUint32Source', () => {
    for (const seed of [0, 7, 123456789, 2 ** 40 + 5, -3]) {
      const reference = createUint32Source(seed);
      const whole = Math.trunc(seed);
      kernel?.seed(whole >>> 0, Math.floor(whole / 2 ** 32) >>> 0);
      for (let i = 0; i < 1000; i++) expect((kernel?.nextUint32() ?? 0) >>> 0).toBe(reference());
    }
  });

  it('log2 is within 1e-8 (absolute) of Math.log2 from 1e-30 to 1e30', () => {
    let worst = 0;
    for (let e = -30; e <= 30; e += 0.001) {
      const x = 10 ** e;
      worst = Math.max(worst, Math.abs((kernel?.log2(x) ?? Number.NaN) - Math.log2(x)));
    }
    for (let x = 0.5; x < 2; x += 1e-5) {
      worst = Math.max(worst, Math.abs((kernel?.log2(x) ?? Number.NaN) - Math.log2(x)));
    }
    expect(worst).toBeLessThan(1e-8);
  });

  it('exp2 and (d²)^b = exp2(b·log2 d²) have relative error < 3e-8 over a wide range', () => {
    let worstExp = 0;
    for (let y = -100; y <= 100; y += 0.0007) {
      const exact = 2 ** y;
      worstExp = Math.max(worstExp, Math.abs((kernel?.exp2(y) ?? Number.NaN) - exact) / exact);
    }
    let worstPow = 0;
    for (const power of [0.5, 0.7915, 1, 1.5, 2.3]) {
      for (let e = -20; e <= 20; e += 0.003) {
        const x = 10 ** e;
        const exact = x ** power;
        const approximate = kernel?.exp2(power * kernel.log2(x)) ?? Number.NaN;
        worstPow = Math.max(worstPow, Math.abs(approximate - exact) / exact);
      }
    }
    expect(worstExp).toBeLessThan(3e-8);
    expect(worstPow).toBeLessThan(3e-8);
  });
});

describe('createOptimizer backend', () => {
  const cases = [
    ['ring (n = 1000)', ring],
    ['50-D blobs (n = 1500)', blobs],
  ] as const;
  for (const [name, base] of cases) {
    for (const pushNegatives of [false, true]) {
      const options = { ...base, pushNegatives, seed: 42 };

      it(`${name}, pushNegatives ${pushNegatives}: with the host's exp/log, WASM equals TypeScript bit for bit after 50 epochs, actual loss included`, () => {
        const tracked = { ...options, trackLoss: true };
        const reference = createOptimizer({ ...tracked, backend: 'typescript' });
        const kernel = createWasmOptimizer(tracked, true);
        const referenceStats = reference.step(50);
        const kernelStats = kernel?.step(50) ?? [];
        expect(kernelStats.map((s) => [s.edgeSamples, s.negativeSamples, s.actual])).toEqual(
          referenceStats.map((s) => [s.edgeSamples, s.negativeSamples, s.actual]),
        );
        expect(referenceStats[49].actual.repulsive).toBeGreaterThan(0);
        expect(kernel?.embedding).toEqual(reference.embedding);
        // The points did move: the comparison is not between two copies of the layout.
        expect(maxAbsDifference(reference.embedding, base.layout)).toBeGreaterThan(0.1);
      });

      it(`${name}, pushNegatives ${pushNegatives}: the fast backend is within 1e-4 of TypeScript after 2 epochs`, () => {
        // Only a few epochs: the SGD is chaotic at float32 resolution (one flipped rounding of (d²)^b
        // grows to O(1) within a few epochs, for two TypeScript runs too), so the whole-run
        // equality is checked above with the reference power instead.
        const reference = createOptimizer({ ...options, backend: 'typescript' });
        const fast = createOptimizer(options);
        expect(reference.backend).toBe('typescript');
        expect(fast.backend).toBe('wasm');
        reference.step(2);
        fast.step(2);
        expect(maxAbsDifference(fast.embedding, reference.embedding)).toBeLessThan(1e-4);
        expect(maxAbsDifference(fast.embedding, base.layout)).toBeGreaterThan(0.1);
      });

      it(`${name}, pushNegatives ${pushNegatives}: the fast backend's actual loss is within 1e-6 of TypeScript's in epochs 1 and 2`, () => {
        const tracked = { ...options, trackLoss: true };
        const reference = createOptimizer({ ...tracked, backend: 'typescript' });
        const fast = createOptimizer(tracked);
        expect(fast.backend).toBe('wasm');
        // Epoch 0 samples nothing (docs/algorithm.md §1.10).
        const pairs = [reference.step(3), fast.step(3)];
        for (let e = 1; e <= 2; e++) {
          const [exact, approximate] = pairs.map((stats) => stats[e].actual);
          expect(approximate.repulsive).toBeGreaterThan(0);
          for (const part of ['attractive', 'repulsive', 'total'] as const) {
            expect(Math.abs(approximate[part] - exact[part])).toBeLessThanOrEqual(1e-6 * exact.total);
          }
        }
      });
    }
  }

  it('reports a zero actual loss when loss tracking is off', () => {
    const stats = createOptimizer({ ...ring, seed: 2 }).step(3);
    expect(stats.map((s) => s.actual.total)).toEqual([0, 0, 0]);
    expect(stats[2].negativeSamples).toBeGreaterThan(0);
  });

  it('keeps agreeing through live changes of m and of the learning rate', () => {
    const options = { ...ring, seed: 5 };
    const reference = createOptimizer({ ...options, backend: 'typescript' });
    const fast = createWasmOptimizer(options, true);
    if (fast === undefined) throw new Error('no WebAssembly here');
    for (const optimizer of [reference, fast]) {
      optimizer.step(10);
      optimizer.setNegativeSampleRate(2.5);
      optimizer.step(10);
      optimizer.setLearningRate(0.5);
      optimizer.step(10);
    }
    expect(fast.alpha).toBe(reference.alpha);
    expect(fast.embedding).toEqual(reference.embedding);
  });

  it('falls back to TypeScript for options the kernel does not cover, and when forced', () => {
    expect(createOptimizer({ ...ring, seed: 1, trackLoss: true }).backend).toBe('wasm');
    expect(createOptimizer({ ...ring, seed: 1, pushNegatives: true }).backend).toBe('wasm');
    expect(createOptimizer({ ...ring, seed: 1, sampling: 'corrected' }).backend).toBe('typescript');
    expect(createOptimizer({ ...ring, seed: 1, logAfter: true }).backend).toBe('typescript');
    expect(createOptimizer({ ...ring, seed: 1, countPerEdge: true }).backend).toBe('typescript');
    expect(createOptimizer({ ...ring, seed: 1, backend: 'typescript' }).backend).toBe('typescript');
    expect(() => createOptimizer({ ...ring, seed: 1, logAfter: true, backend: 'wasm' })).toThrow(
      /covers only/,
    );
  });

  it('stops after nEpochs like the TypeScript path', () => {
    const fast = createOptimizer({ ...ring, nEpochs: 3, seed: 2 });
    expect(fast.step(5).map((s) => s.epoch)).toEqual([0, 1, 2]);
    expect(fast.step()).toEqual([]);
  });
});
