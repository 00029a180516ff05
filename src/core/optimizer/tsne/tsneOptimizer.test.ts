import { describe, expect, it } from 'vitest';
import { randomLayout } from '../../layout/init';
import { TSNE_INITIAL_STD } from './rescaleLayout';
import { blobsProblem, knnClassAccuracy, layoutSpread } from './testing';
import { tsneGradient } from './tsneGradient';
import { createTsneOptimizer } from './tsneOptimizer';
import type { TsneOptimizerOptions } from './types';

const n = 500;
const { graph, labels } = blobsProblem(n, 5);
const layout = randomLayout(n, 3);
const base: TsneOptimizerOptions = { graph, layout, nEpochs: 300, exaggeration: 1, seed: 0 };

function run(options: Partial<TsneOptimizerOptions> = {}) {
  const optimizer = createTsneOptimizer({ ...base, ...options });
  const stats = optimizer.step(300);
  return { optimizer, stats };
}

describe('createTsneOptimizer on 5 Gaussian blobs (n = 500, 300 iterations)', () => {
  const plain = run();

  it('separates the blobs and lowers KL(P‖Q)', () => {
    expect(knnClassAccuracy(plain.optimizer.embedding, labels)).toBeGreaterThan(0.95);
    const first = plain.stats[0].actual.total;
    const last = plain.stats[299].actual.total;
    // KL ≈ 3.55 on the 1e-4-scaled start, ≈ 1.19 after 300 iterations.
    expect(last).toBeLessThan(0.5 * first);
    for (const s of plain.stats)
      expect(s.actual.total).toBeCloseTo(s.actual.attractive + s.actual.repulsive, 12);
  });

  it('larger ρ gives a smaller spread, overall and within each blob', () => {
    // 'auto' η = n/ρ (no floor: openTSNE's floor 50 would exceed n/ρ at ρ = 30 and oscillate).
    const spreads = [
      layoutSpread(plain.optimizer.embedding, labels),
      layoutSpread(run({ exaggeration: 10 }).optimizer.embedding, labels),
      layoutSpread(run({ exaggeration: 30 }).optimizer.embedding, labels),
    ];
    expect(spreads[1].total).toBeLessThan(spreads[0].total / 2);
    expect(spreads[2].total).toBeLessThan(spreads[1].total);
    expect(spreads[1].withinClass).toBeLessThan(spreads[0].withinClass / 100);
    expect(spreads[2].withinClass).toBeLessThan(spreads[0].withinClass / 100);
  });

  it('is bit-identical for the same options and seed', () => {
    const again = run();
    expect(again.optimizer.embedding).toEqual(plain.optimizer.embedding);
    expect(again.stats.map((s) => s.actual.total)).toEqual(plain.stats.map((s) => s.actual.total));
  });

  it('separates the blobs with Barnes–Hut repulsion as well', () => {
    const bh = run({ repulsion: 'barnes-hut' });
    expect(knnClassAccuracy(bh.optimizer.embedding, labels)).toBeGreaterThan(0.95);
    expect(bh.stats[299].actual.total).toBeLessThan(0.5 * bh.stats[0].actual.total);
  });
});

describe('createTsneOptimizer: the Optimizer contract', () => {
  it('starts from the centred layout rescaled to a first-coordinate std of 1e-4, without touching the input', () => {
    const input = Float32Array.from(layout);
    const optimizer = createTsneOptimizer({ ...base, layout: input });
    expect(input).toEqual(layout);
    let mx = 0;
    let my = 0;
    for (let i = 0; i < n; i++) {
      mx += optimizer.embedding[2 * i] / n;
      my += optimizer.embedding[2 * i + 1] / n;
    }
    let vx = 0;
    for (let i = 0; i < n; i++) vx += (optimizer.embedding[2 * i] - mx) ** 2 / n;
    expect(Math.abs(mx)).toBeLessThan(1e-10);
    expect(Math.abs(my)).toBeLessThan(1e-10);
    expect(Math.sqrt(vx) / TSNE_INITIAL_STD).toBeCloseTo(1, 5);
  });

  it('reports per iteration the KL at its start, the stored edges and no negative samples', () => {
    const optimizer = createTsneOptimizer({ ...base, nEpochs: 10 });
    expect(optimizer.backend).toBe('typescript');
    expect(optimizer.threads).toBe(1);
    const before = tsneGradient(graph, optimizer.embedding, 12);
    const [first] = optimizer.step(1);
    expect(first.epoch).toBe(0);
    expect(first.actual).toEqual(before.kl);
    expect(first.edgeSamples).toBe(graph.rowPtr[n]);
    expect(first.negativeSamples).toBe(0);
    const next = tsneGradient(graph, optimizer.embedding, 12);
    const stats = optimizer.step(2);
    expect(stats.map((s) => s.epoch)).toEqual([1, 2]);
    expect(stats[0].actual).toEqual(next.kl);
    expect(optimizer.epoch).toBe(3);
    // Never beyond nEpochs.
    expect(optimizer.step(100).length).toBe(7);
    expect(optimizer.epoch).toBe(10);
    expect(optimizer.step()).toEqual([]);
  });

  it('runs the phases: ρ = 12, η = n/12, then ρ, η = n/ρ; setLearningRate overrides η', () => {
    const optimizer = createTsneOptimizer({ ...base, nEpochs: 30, exaggeration: 4, earlyIterations: 10 });
    expect(optimizer.alpha).toBe(500 / 12);
    optimizer.step(10);
    expect(optimizer.alpha).toBe(125); // 500/4
    optimizer.setLearningRate(7);
    expect(optimizer.alpha).toBe(7);
    optimizer.setNegativeSampleRate(3);
    optimizer.step(20);
    expect(optimizer.alpha).toBe(7);
    const big = createTsneOptimizer({
      ...base,
      graph,
      exaggeration: 0.5,
      earlyIterations: 0,
      earlyExaggeration: 6,
    });
    expect(big.alpha).toBe(1000); // 500/0.5, no early phase
    expect(createTsneOptimizer({ ...base, learningRate: 200 }).alpha).toBe(200);
  });

  it('the default early phase is min(250, ⌊nEpochs/3⌋) iterations', () => {
    const short = createTsneOptimizer({ ...base, nEpochs: 30, exaggeration: 2 });
    short.step(9);
    expect(short.alpha).toBe(500 / 12);
    short.step(1);
    expect(short.alpha).toBe(250);
  });

  it('a zero learning rate freezes the layout', () => {
    const optimizer = createTsneOptimizer({ ...base, nEpochs: 5, learningRate: 0 });
    const start = Float32Array.from(optimizer.embedding);
    optimizer.step(5);
    expect(optimizer.embedding).toEqual(start);
  });

  it('rejects options it cannot run', () => {
    expect(() => createTsneOptimizer({ ...base, exaggeration: 0.05 })).toThrow(/exaggeration/);
    expect(() => createTsneOptimizer({ ...base, earlyExaggeration: Number.NaN })).toThrow(
      /early exaggeration/,
    );
    expect(() => createTsneOptimizer({ ...base, earlyIterations: 301 })).toThrow(/iterations/);
    expect(() => createTsneOptimizer({ ...base, nEpochs: 0 })).toThrow(/iterations/);
    expect(() => createTsneOptimizer({ ...base, theta: 1.5 })).toThrow(/θ/);
    expect(() => createTsneOptimizer({ ...base, learningRate: -1 })).toThrow(/learning rate/);
    expect(() => createTsneOptimizer({ ...base, layout: new Float32Array(10) })).toThrow(/layout/);
    expect(() => createTsneOptimizer({ ...base, layout: new Float32Array(2 * n).fill(3) })).toThrow(
      /same place/,
    );
    expect(() => createTsneOptimizer({ ...base, seed: Number.POSITIVE_INFINITY })).toThrow(/seed/);
    expect(() => createTsneOptimizer(base).setLearningRate(Number.NaN)).toThrow(/learning rate/);
  });
});
