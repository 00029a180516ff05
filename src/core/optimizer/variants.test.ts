/** The paper's variants: corrected sampling (§7.3, eq. 18), pushNegatives (Algorithm 1), the actual loss (eq. 11). */
import { describe, expect, it } from 'vitest';
import { similarity } from '../kernel';
import { paperLog } from '../losses/paperLog';
import { problemOptions, ringProblem } from '../testing/ringProblem';
import { paperRingProblem, referenceRingOptimizer, totalOf } from '../testing/ringRuns';
import { tinyGraph } from '../testing/tinyGraph';
import { createOptimizer } from './createOptimizer';
import { correctedRepulsionProbabilities } from './sampling';
import type { OptimizerBackend } from './types';

const report = (message: string): void => {
  if (process.env.REPORT_MEASUREMENTS) console.info(message);
};

const ring = paperRingProblem;
const { graph: ringGraph, layout: ringLayout, a, b } = ring;

/** The one-thread backends. */
const backends: OptimizerBackend[] = ['typescript', 'wasm'];

/** The mean of an n×2 layout. */
function centroid(y: Float32Array): [number, number] {
  let x = 0;
  let z = 0;
  for (let i = 0; i < y.length; i += 2) {
    x += y[i];
    z += y[i + 1];
  }
  return [(2 * x) / y.length, (2 * z) / y.length];
}

describe('createOptimizer: corrected sampling (paper §7.3, eq. 18)', () => {
  const m = 5;
  const probabilities = correctedRepulsionProbabilities(ringGraph, m);

  it('samples each edge for repulsion with probability p_ij per epoch', () => {
    // A 100-point ring (k = 5, m = 2) for 10 000 epochs: enough trials for a per-edge comparison.
    const tiny = ringProblem({ n: 100, k: 5, nEpochs: 10_000 });
    const { graph, nEpochs } = tiny;
    const options = problemOptions(tiny, { m: 2, seed: 5, trackLoss: false });
    const optimizer = createOptimizer({ ...options, sampling: 'corrected', countPerEdge: true });
    const tinyProbabilities = correctedRepulsionProbabilities(graph, 2);
    const stats = optimizer.step(nEpochs);
    const umapStats = createOptimizer(options).step(300);
    const counts = optimizer.perEdgeCounts;
    if (!counts) throw new Error('countPerEdge was requested');
    expect(stats[0].correctedSamples).toBe(0);
    // UMAP's own sampling is unchanged.
    const head = stats.slice(0, 300);
    expect(head.map((s) => s.negativeSamples)).toEqual(umapStats.map((s) => s.negativeSamples));
    expect(head.map((s) => s.edgeSamples)).toEqual(umapStats.map((s) => s.edgeSamples));
    const trials = nEpochs - 1;
    let expectedTotal = 0;
    let worstSigma = 0;
    let worstRelative = 0;
    let compared = 0;
    for (let p = 0; p < tinyProbabilities.length; p++) {
      const q = tinyProbabilities[p];
      expectedTotal += trials * q;
      if (q === 0) {
        expect(counts.correctedSamples[p]).toBe(0);
        continue;
      }
      const frequency = counts.correctedSamples[p] / trials;
      const sigma = Math.sqrt((q * (1 - q)) / trials);
      worstSigma = Math.max(worstSigma, Math.abs(frequency - q) / sigma);
      if (q >= 0.5) {
        compared++;
        worstRelative = Math.max(worstRelative, Math.abs(frequency / q - 1));
      }
    }
    // Binomial counts: no edge beyond 5 standard deviations; for p ≥ 0.5 that is within 5 %.
    expect(worstSigma).toBeLessThan(5);
    expect(compared).toBeGreaterThan(tinyProbabilities.length / 5);
    expect(worstRelative).toBeLessThan(0.05);
    const total = totalOf(stats, 'correctedSamples');
    expect(Math.abs(total / expectedTotal - 1)).toBeLessThan(0.005);
    report(
      `corrected sampling over ${trials} epochs, ${tinyProbabilities.length} edges: worst edge ` +
        `${worstSigma.toFixed(2)} σ, worst relative gap ${(100 * worstRelative).toFixed(2)} % over the ` +
        `${compared} edges with p ≥ 0.5; total ${total} vs ${expectedTotal.toFixed(0)}`,
    );
  });

  it('recomputes p_ij when m changes', () => {
    const optimizer = referenceRingOptimizer({ sampling: 'corrected', trackLoss: false, seed: 6 });
    optimizer.step(1);
    optimizer.setNegativeSampleRate(1);
    const stats = optimizer.step(50);
    const expectedPerEpoch = correctedRepulsionProbabilities(ringGraph, 1).reduce((s, q) => s + q, 0);
    const observedPerEpoch = totalOf(stats, 'correctedSamples') / 50;
    expect(Math.abs(observedPerEpoch / expectedPerEpoch - 1)).toBeLessThan(0.005);
    const atFive = probabilities.reduce((s, q) => s + q, 0);
    expect(expectedPerEpoch).toBeGreaterThan(atFive * 1.01);
  });

  it('moves both ends of an edge it repels, by opposite steps: with pushNegatives the centroid stays', () => {
    const optimizer = referenceRingOptimizer({
      sampling: 'corrected',
      pushNegatives: true,
      trackLoss: false,
    });
    const stats = optimizer.step(30);
    expect(totalOf(stats, 'correctedSamples')).toBeGreaterThan(1000);
    const [cx, cy] = centroid(optimizer.embedding);
    const [x0, y0] = centroid(ringLayout);
    // Float32 rounding of each end only; a one-sided step would drag the centroid by ~1e-2.
    expect(Math.hypot(cx - x0, cy - y0)).toBeLessThan(1e-4);
  });
});

describe('createOptimizer: pushNegatives (Algorithm 1, line 10)', () => {
  // Points 0 and 1 share an edge; point 2 has none, so only a push as a negative sample moves it.
  const graph = tinyGraph(3, [[0, 1, 1]]);
  const layout = Float32Array.of(0, 0, 1, 0, 0.5, 0.8);
  const run = (pushNegatives: boolean, backend: OptimizerBackend) => {
    const optimizer = createOptimizer({
      graph,
      layout,
      nEpochs: 20,
      a,
      b,
      m: 5,
      seed: 7,
      pushNegatives,
      backend,
    });
    optimizer.step(20);
    return optimizer.embedding;
  };

  it.each(backends)('%s: moves the sample too, by the opposite of the head’s step', (backend) => {
    const pushed = run(true, backend);
    const headOnly = run(false, backend);
    expect([pushed[4], pushed[5]]).not.toEqual([layout[4], layout[5]]);
    expect([headOnly[4], headOnly[5]]).toEqual([layout[4], layout[5]]);
    // Every update is then an equal and opposite pair of steps: the centroid stays (float32 rounding).
    const [cx, cy] = centroid(pushed);
    const [x0, y0] = centroid(layout);
    expect(Math.abs(cx - x0)).toBeLessThan(1e-5);
    expect(Math.abs(cy - y0)).toBeLessThan(1e-5);
    // Without the push, the repelled heads drag the centroid away.
    const [hx, hy] = centroid(headOnly);
    expect(Math.hypot(hx - x0, hy - y0)).toBeGreaterThan(0.1);
  });
});

describe('createOptimizer: actual loss (eq. 11, docs/algorithm.md §3.4)', () => {
  it('scores the same pairs in both conventions when nothing moves', () => {
    const optimizer = referenceRingOptimizer({
      learningRate: 0,
      logAfter: true,
      sampling: 'corrected',
      nEpochs: 6,
    });
    const stats = optimizer.step(3);
    // 5× more negatives than the pair buffer was sized for: it has to grow.
    optimizer.setNegativeSampleRate(25);
    stats.push(...optimizer.step(3));
    expect(stats[5].negativeSamples).toBeGreaterThan(4 * stats[2].negativeSamples);
    for (const s of stats.slice(1)) {
      const after = s.actualAfter;
      if (!after) throw new Error('logAfter was requested');
      expect(after.attractive).toBeCloseTo(s.actual.attractive, 8);
      expect(after.repulsive).toBeCloseTo(s.actual.repulsive, 8);
      expect(s.actual.total).toBe(s.actual.attractive + s.actual.repulsive);
      expect(s.actual.attractive).toBeGreaterThan(0);
    }
    expect(optimizer.embedding).toEqual(ringLayout);
  });

  it('sums −paperLog φ over exactly the edges sampled in the epoch', () => {
    const optimizer = referenceRingOptimizer({ learningRate: 0, countPerEdge: true, nEpochs: 4 });
    const counts = optimizer.perEdgeCounts;
    if (!counts) throw new Error('countPerEdge was requested');
    optimizer.step(2);
    const before = new Float64Array(counts.edgeSamples);
    const [stats] = optimizer.step();
    const { n, rowPtr, cols } = ringGraph;
    let expected = 0;
    for (let i = 0; i < n; i++) {
      for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
        if (counts.edgeSamples[p] === before[p]) continue;
        const j = cols[p];
        const d2 =
          (ringLayout[2 * i] - ringLayout[2 * j]) ** 2 + (ringLayout[2 * i + 1] - ringLayout[2 * j + 1]) ** 2;
        expected -= paperLog(similarity(d2, a, b));
      }
    }
    expect(stats.actual.attractive).toBeCloseTo(expected, 8);
  });

  it('differs between the conventions once points move, and is off when trackLoss is false', () => {
    const tracked = referenceRingOptimizer({ logAfter: true, nEpochs: 20 });
    const untracked = referenceRingOptimizer({ trackLoss: false, nEpochs: 20 });
    const stats = tracked.step(20);
    const quiet = untracked.step(20);
    const last = stats[19];
    expect(last.actualAfter?.attractive).not.toBeCloseTo(last.actual.attractive, 3);
    expect(quiet[19].actual).toEqual({ attractive: 0, repulsive: 0, total: 0 });
    expect(quiet[19].actualAfter).toBeUndefined();
    // Loss accounting does not change the run.
    expect(untracked.embedding).toEqual(tracked.embedding);
  });
});
