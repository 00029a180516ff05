import { describe, expect, it } from 'vitest';
import { paperRing } from '../data/datasets';
import { UserError } from '../errors';
import { fuzzySimplicialSet, pruneGraph } from '../graph/fuzzy';
import { findAbParams, similarity } from '../kernel';
import { paperLog } from '../losses/paperLog';
import { nearestNeighbors } from '../neighbors/knn';
import type { Graph } from '../types';
import { attractiveCoefficient, clipGradient } from './gradients';
import { createOptimizer, type EpochStats, type OptimizerOptions } from './optimizer';
import { correctedRepulsionProbabilities, epochsPerSample, learningRateAt } from './sampling';

const report = (message: string): void => {
  if (process.env.REPORT_MEASUREMENTS) console.info(message);
};

const { a, b } = findAbParams();
const ring = paperRing({ seed: 3 });
const ringEpochs = 500;
const ringGraph = pruneGraph(fuzzySimplicialSet(nearestNeighbors(ring, 15)), ringEpochs);

/** The paper's init=data: the ring points min-max scaled to [0, 10] per axis (docs/algorithm.md §1.9). */
const ringLayout = (() => {
  const layout = new Float32Array(ring.points.length);
  for (let axis = 0; axis < 2; axis++) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < ring.n; i++) {
      min = Math.min(min, ring.points[2 * i + axis]);
      max = Math.max(max, ring.points[2 * i + axis]);
    }
    for (let i = 0; i < ring.n; i++)
      layout[2 * i + axis] = (10 * (ring.points[2 * i + axis] - min)) / (max - min);
  }
  return layout;
})();

/** A smaller ring for the long schedule statistics (1000 epochs). */
const smallRing = paperRing({ n: 300, seed: 3 });
const smallEpochs = 1000;
const smallGraph = pruneGraph(fuzzySimplicialSet(nearestNeighbors(smallRing, 15)), smallEpochs);

const ringOptimizer = (overrides: Partial<OptimizerOptions> = {}) =>
  createOptimizer({
    graph: ringGraph,
    layout: ringLayout,
    nEpochs: ringEpochs,
    a,
    b,
    m: 5,
    seed: 1,
    // These tests are about the reference path; wasmOptimizer.test.ts checks the WASM one against it.
    backend: 'typescript',
    ...overrides,
  });

/** A symmetric graph from undirected edges [i, j, μ], both directions stored, columns sorted. */
function tinyGraph(n: number, edges: [number, number, number][]): Graph {
  const rows: [number, number, number][] = [];
  for (const [i, j, mu] of edges) rows.push([i, j, mu], [j, i, mu]);
  rows.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const rowPtr = new Int32Array(n + 1);
  for (const [i] of rows) rowPtr[i + 1]++;
  for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i];
  return {
    n,
    rowPtr,
    cols: Int32Array.from(rows.map((r) => r[1])),
    values: Float32Array.from(rows.map((r) => r[2])),
  };
}

const sum = (stats: EpochStats[], key: 'edgeSamples' | 'negativeSamples' | 'correctedSamples'): number =>
  stats.reduce((total, s) => total + (s[key] ?? 0), 0);

describe('createOptimizer: sampling schedule (docs/algorithm.md §1.7, §1.10)', () => {
  const maxWeight = Math.max(...ringGraph.values);

  it('copies the layout and samples nothing in epoch 0', () => {
    const layout = ringLayout.slice();
    const optimizer = createOptimizer({ graph: ringGraph, layout, nEpochs: 10, a, b, m: 5, seed: 0 });
    layout[0] = -99;
    expect(optimizer.embedding[0]).toBe(ringLayout[0]);
    const [stats] = optimizer.step();
    expect(stats).toEqual({
      epoch: 0,
      actual: { attractive: 0, repulsive: 0, total: 0 },
      edgeSamples: 0,
      negativeSamples: 0,
    });
    expect(optimizer.embedding).toEqual(ringLayout);
    expect(optimizer.epoch).toBe(1);
  });

  it('gives m − 1 negatives on the first use of a w_max edge, then m', () => {
    expect(maxWeight).toBe(1);
    for (const m of [5, 3, 2.4]) {
      const optimizer = ringOptimizer({ m, countPerEdge: true, trackLoss: false });
      const counts = optimizer.perEdgeCounts;
      if (!counts) throw new Error('countPerEdge was requested');
      optimizer.step(2);
      const secondUse = new Float64Array(counts.negativeSamples);
      optimizer.step(1);
      let maxEdges = 0;
      for (let p = 0; p < ringGraph.values.length; p++) {
        if (ringGraph.values[p] !== maxWeight) continue;
        maxEdges++;
        expect(counts.edgeSamples[p]).toBe(2);
        expect(secondUse[p]).toBe(Math.floor(m - 1));
        // With m = 2.4 the fraction carries over: 1 (credit 1.4), then 2 (credit 0.4 + 2.4).
        expect(counts.negativeSamples[p]).toBe(Math.floor(2 * m - 1));
      }
      expect(maxEdges).toBeGreaterThan(1000);
    }
  });

  it('samples each edge w/w_max times per epoch and draws m negatives per sample (eq. 8)', () => {
    const nEpochs = smallEpochs;
    const m = 5;
    const optimizer = createOptimizer({
      graph: smallGraph,
      layout: smallRing.points,
      nEpochs,
      a,
      b,
      m,
      seed: 2,
      trackLoss: false,
      countPerEdge: true,
    });
    const stats = optimizer.step(nEpochs);
    const counts = optimizer.perEdgeCounts;
    if (!counts) throw new Error('countPerEdge was requested');
    const eps = epochsPerSample(smallGraph);
    // Epochs 1..N−1 sample; edge e is due at ⌈k·eps_e⌉, so its count is ⌊(N − 1)/eps_e⌋.
    let worstSampleRatio = 0;
    let worstNegativeRatio = 0;
    let wellSampled = 0;
    let totalExpected = 0;
    for (let p = 0; p < eps.length; p++) {
      const expected = (nEpochs - 1) / eps[p];
      totalExpected += expected;
      expect(Math.abs(counts.edgeSamples[p] - expected)).toBeLessThan(1);
      // Negatives: the credit runs at m per eps epochs, minus the one-off start of −1 (§1.10 step 4).
      expect(Math.abs(counts.negativeSamples[p] - m * counts.edgeSamples[p])).toBeLessThanOrEqual(m);
      if (expected >= 50) {
        wellSampled++;
        worstSampleRatio = Math.max(worstSampleRatio, Math.abs(counts.edgeSamples[p] / expected - 1));
        const perSample = counts.negativeSamples[p] / counts.edgeSamples[p];
        worstNegativeRatio = Math.max(worstNegativeRatio, Math.abs(perSample / m - 1));
      }
    }
    expect(worstSampleRatio).toBeLessThan(0.02);
    expect(worstNegativeRatio).toBeLessThan(0.02);
    const edgeSamples = sum(stats, 'edgeSamples');
    const negativeSamples = sum(stats, 'negativeSamples');
    expect(Math.abs(edgeSamples / totalExpected - 1)).toBeLessThan(0.02);
    expect(Math.abs(negativeSamples / edgeSamples / m - 1)).toBeLessThan(0.02);
    report(
      `eq. 8 over ${nEpochs} epochs: ${wellSampled}/${eps.length} edges with ≥ 50 expected samples, worst ` +
        `sample-rate gap ${(100 * worstSampleRatio).toFixed(3)} %, worst negatives-per-sample gap ` +
        `${(100 * worstNegativeRatio).toFixed(3)} %; totals: samples ${edgeSamples} vs ${totalExpected.toFixed(1)}, ` +
        `negatives per sample ${(negativeSamples / edgeSamples).toFixed(5)}`,
    );
  });

  it('draws negative samples uniformly from all n points', () => {
    // Two points, one edge: the sample is the head itself half of the time (the diagonal term).
    const graph = tinyGraph(2, [[0, 1, 1]]);
    const optimizer = createOptimizer({
      graph,
      layout: Float32Array.of(0, 0, 1, 0),
      nEpochs: 2001,
      a,
      b,
      m: 5,
      seed: 4,
      learningRate: 0,
    });
    const stats = optimizer.step(2001);
    // lr = 0: nothing moves, so each negative scores either 9.2103 (s = head) or −log(1 − φ(1)).
    const diagonal = -paperLog(0);
    const offDiagonal = -paperLog(1 - similarity(1, a, b));
    let selfSamples = 0;
    let negatives = 0;
    for (const s of stats) {
      const self = (s.actual.repulsive - s.negativeSamples * offDiagonal) / (diagonal - offDiagonal);
      expect(Math.abs(self - Math.round(self))).toBeLessThan(1e-6);
      selfSamples += Math.round(self);
      negatives += s.negativeSamples;
    }
    // 20 000 draws: the share of s = head is 1/2 ± 4 standard deviations (0.014).
    expect(Math.abs(selfSamples / negatives - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / negatives));
  });
});

describe('createOptimizer: learning rate (α after each epoch, docs/algorithm.md §4.4)', () => {
  it('follows α₀, α₀, α₀(1 − 1/N), …', () => {
    const expected = [1, 1, 0.9, 0.8, 0.7, 0.2];
    const epochs = [0, 1, 2, 3, 4, 9];
    for (let k = 0; k < epochs.length; k++)
      expect(learningRateAt(epochs[k], 10, 1)).toBeCloseTo(expected[k], 15);
    const optimizer = ringOptimizer({ nEpochs: 10, trackLoss: false });
    const seen = [optimizer.alpha];
    for (let e = 0; e < 4; e++) {
      optimizer.step();
      seen.push(optimizer.alpha);
    }
    for (let k = 0; k < seen.length; k++) expect(seen[k]).toBeCloseTo(expected[k], 15);
  });

  it('moves a 2-point graph by exactly that schedule', () => {
    const nEpochs = 8;
    const graph = tinyGraph(2, [[0, 1, 1]]);
    const layout = Float32Array.of(0, 0, 3, 1.5);
    // m tiny: the first negative sample would be due at epoch ~1000, so only attraction acts.
    const optimizer = createOptimizer({ graph, layout, nEpochs, a, b, m: 1e-3, seed: 0 });
    const simulate = (alphaAt: (epoch: number) => number, epochs: number): Float32Array => {
      const y = layout.slice();
      for (let epoch = 1; epoch < epochs; epoch++) {
        const alpha = alphaAt(epoch);
        for (const [i, j] of [
          [0, 1],
          [1, 0],
        ]) {
          const dx = y[2 * i] - y[2 * j];
          const dy = y[2 * i + 1] - y[2 * j + 1];
          const c = attractiveCoefficient(dx * dx + dy * dy, a, b);
          const gx = clipGradient(c * dx);
          const gy = clipGradient(c * dy);
          y[2 * i] += alpha * gx;
          y[2 * i + 1] += alpha * gy;
          y[2 * j] -= alpha * gx;
          y[2 * j + 1] -= alpha * gy;
        }
      }
      return y;
    };
    for (let epoch = 1; epoch <= nEpochs; epoch++) {
      const [stats] = optimizer.step();
      expect(stats.negativeSamples).toBe(0);
      const expected = simulate((e) => learningRateAt(e, nEpochs, 1), epoch);
      for (let c = 0; c < 4; c++) expect(optimizer.embedding[c]).toBeCloseTo(expected[c], 5);
    }
    // The test can tell an off-by-one schedule (α = 1 − n/N in epoch n) apart.
    const offByOne = simulate((e) => 1 - e / nEpochs, nEpochs);
    expect(Math.abs(offByOne[0] - optimizer.embedding[0])).toBeGreaterThan(1e-3);
  });

  it('applies a new learning rate from the next epoch, continuing the schedule', () => {
    const optimizer = ringOptimizer({ nEpochs: 10, trackLoss: false });
    optimizer.step(3);
    const before = optimizer.embedding.slice();
    optimizer.setLearningRate(0.5);
    expect(optimizer.embedding).toEqual(before);
    expect(optimizer.alpha).toBeCloseTo(0.5 * (1 - 2 / 10), 15);
    optimizer.step();
    expect(optimizer.alpha).toBeCloseTo(0.5 * (1 - 3 / 10), 15);
    expect(() => optimizer.setLearningRate(-1)).toThrow(UserError);
  });
});

describe('createOptimizer: live negative sample rate', () => {
  it('keeps the embedding and scales the next epoch’s negatives', () => {
    const baseline = ringOptimizer({ trackLoss: false });
    const changed = ringOptimizer({ trackLoss: false, countPerEdge: true });
    baseline.step(100);
    changed.step(100);
    expect(changed.embedding).toEqual(baseline.embedding);
    changed.setNegativeSampleRate(10);
    expect(changed.embedding).toEqual(baseline.embedding);
    const counts = changed.perEdgeCounts;
    if (!counts) throw new Error('countPerEdge was requested');
    const negativesBefore = new Float64Array(counts.negativeSamples);
    const [base] = baseline.step();
    const [next] = changed.step();
    expect(next.edgeSamples).toBe(base.edgeSamples);
    const ratio = next.negativeSamples / base.negativeSamples;
    expect(Math.abs(ratio - 2)).toBeLessThan(0.04);
    // Rule: a w_max edge, sampled every epoch with no pending fraction, draws exactly the new m.
    for (let p = 0; p < ringGraph.values.length; p++) {
      if (ringGraph.values[p] === 1) expect(counts.negativeSamples[p] - negativesBefore[p]).toBe(10);
    }
    // Over the next epochs the rate is the new m per sample.
    const later = changed.step(50);
    expect(Math.abs(sum(later, 'negativeSamples') / sum(later, 'edgeSamples') / 10 - 1)).toBeLessThan(0.02);
    report(`m 5 → 10 after 100 epochs: next epoch's negatives ×${ratio.toFixed(4)}`);
  });

  it('before the first sampled epoch equals a fresh start with the new m', () => {
    const fresh = ringOptimizer({ m: 3, nEpochs: 20 });
    const changed = ringOptimizer({ m: 5, nEpochs: 20 });
    changed.step(1);
    changed.setNegativeSampleRate(3);
    fresh.step(1);
    expect(changed.step(19)).toEqual(fresh.step(19));
    expect(changed.embedding).toEqual(fresh.embedding);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => ringOptimizer().setNegativeSampleRate(0)).toThrow(UserError);
    expect(() => ringOptimizer({ m: -1 })).toThrow(UserError);
  });
});

describe('createOptimizer: corrected sampling (paper §7.3, eq. 18)', () => {
  const m = 5;
  const probabilities = correctedRepulsionProbabilities(ringGraph, m);

  it('samples each edge for repulsion with probability p_ij per epoch', () => {
    // A 100-point ring (k = 5, m = 2) for 10 000 epochs: enough trials for a per-edge comparison.
    const tinyRing = paperRing({ n: 100, seed: 3 });
    const graph = fuzzySimplicialSet(nearestNeighbors(tinyRing, 5));
    const nEpochs = 10_000;
    const options = { graph, layout: tinyRing.points, nEpochs, a, b, m: 2, seed: 5, trackLoss: false };
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
    const total = sum(stats, 'correctedSamples');
    expect(Math.abs(total / expectedTotal - 1)).toBeLessThan(0.005);
    report(
      `corrected sampling over ${trials} epochs, ${tinyProbabilities.length} edges: worst edge ` +
        `${worstSigma.toFixed(2)} σ, worst relative gap ${(100 * worstRelative).toFixed(2)} % over the ` +
        `${compared} edges with p ≥ 0.5; total ${total} vs ${expectedTotal.toFixed(0)}`,
    );
  });

  it('recomputes p_ij when m changes', () => {
    const optimizer = ringOptimizer({ sampling: 'corrected', trackLoss: false, seed: 6 });
    optimizer.step(1);
    optimizer.setNegativeSampleRate(1);
    const stats = optimizer.step(50);
    const expectedPerEpoch = correctedRepulsionProbabilities(ringGraph, 1).reduce((s, q) => s + q, 0);
    const observedPerEpoch = sum(stats, 'correctedSamples') / 50;
    expect(Math.abs(observedPerEpoch / expectedPerEpoch - 1)).toBeLessThan(0.005);
    const atFive = probabilities.reduce((s, q) => s + q, 0);
    expect(expectedPerEpoch).toBeGreaterThan(atFive * 1.01);
  });
});

describe('createOptimizer: pushNegatives (Algorithm 1, line 10)', () => {
  // Points 0 and 1 share an edge; point 2 has none, so only a push as a negative sample moves it.
  const graph = tinyGraph(3, [[0, 1, 1]]);
  const layout = Float32Array.of(0, 0, 1, 0, 0.5, 0.8);
  const run = (pushNegatives: boolean) => {
    const optimizer = createOptimizer({ graph, layout, nEpochs: 20, a, b, m: 5, seed: 7, pushNegatives });
    optimizer.step(20);
    return optimizer.embedding;
  };
  const centroid = (y: Float32Array): [number, number] => [
    (y[0] + y[2] + y[4]) / 3,
    (y[1] + y[3] + y[5]) / 3,
  ];

  it('moves the sample too, by the opposite of the head’s step', () => {
    const pushed = run(true);
    const headOnly = run(false);
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
    const optimizer = ringOptimizer({ learningRate: 0, logAfter: true, sampling: 'corrected', nEpochs: 6 });
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
    const optimizer = ringOptimizer({ learningRate: 0, countPerEdge: true, nEpochs: 4 });
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
    const tracked = ringOptimizer({ logAfter: true, nEpochs: 20 });
    const untracked = ringOptimizer({ trackLoss: false, nEpochs: 20 });
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

describe('createOptimizer: determinism and bounds', () => {
  it('is bit-identical for one seed and differs between seeds', () => {
    const options = { nEpochs: 30, pushNegatives: true, sampling: 'corrected' as const, logAfter: true };
    const first = ringOptimizer({ ...options, seed: 11 });
    const second = ringOptimizer({ ...options, seed: 11 });
    const other = ringOptimizer({ ...options, seed: 12 });
    expect(second.step(30)).toEqual(first.step(30));
    other.step(30);
    expect(second.embedding).toEqual(first.embedding);
    expect(other.embedding).not.toEqual(first.embedding);
  });

  it('stops at nEpochs', () => {
    const optimizer = ringOptimizer({ nEpochs: 5, trackLoss: false });
    expect(optimizer.step(3).map((s) => s.epoch)).toEqual([0, 1, 2]);
    expect(optimizer.step(10).map((s) => s.epoch)).toEqual([3, 4]);
    expect(optimizer.step()).toEqual([]);
    expect(optimizer.epoch).toBe(5);
  });

  it('refuses a layout that is not n×2', () => {
    expect(() => ringOptimizer({ layout: new Float32Array(3 * ring.n) })).toThrow(/2-D layout/);
  });
});

describe('createOptimizer: the seed-3 ring, 500 epochs', () => {
  it('runs the same path with and without loss tracking (timings reported)', () => {
    const timed = (trackLoss: boolean) => {
      const optimizer = ringOptimizer({ trackLoss, seed: 3 });
      const start = performance.now();
      const stats = optimizer.step(ringEpochs);
      const seconds = (performance.now() - start) / 1000;
      return { optimizer, stats, seconds };
    };
    const tracked = timed(true);
    const untracked = timed(false);
    expect(untracked.optimizer.embedding).toEqual(tracked.optimizer.embedding);
    expect(tracked.optimizer.embedding.every(Number.isFinite)).toBe(true);
    const edgeSamples = sum(tracked.stats, 'edgeSamples');
    const negativeSamples = sum(tracked.stats, 'negativeSamples');
    expect(Math.abs(negativeSamples / edgeSamples / 5 - 1)).toBeLessThan(0.02);
    // Loss decreases from the first sampled epochs to the end of the run (paper Fig. 3).
    expect(tracked.stats[ringEpochs - 1].actual.total).toBeLessThan(tracked.stats[5].actual.total);
    const updates = edgeSamples + negativeSamples;
    report(
      `ring seed 3, ${ringEpochs} epochs, ${updates} SGD updates: trackLoss true ` +
        `${(ringEpochs / tracked.seconds).toFixed(0)} epochs/s (${(updates / tracked.seconds / 1e6).toFixed(1)} M updates/s), ` +
        `trackLoss false ${(ringEpochs / untracked.seconds).toFixed(0)} epochs/s ` +
        `(${(updates / untracked.seconds / 1e6).toFixed(1)} M updates/s)`,
    );
  });
});
