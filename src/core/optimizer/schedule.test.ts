/** The sampling and learning-rate schedules (docs/algorithm.md §1.7, §1.10, §4.4) and live changes of m. */
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { similarity } from '../kernel';
import { paperLog } from '../losses/paperLog';
import { problemOptions, ringProblem } from '../testing/ringProblem';
import { paperRingProblem, referenceRingOptimizer, totalOf } from '../testing/ringRuns';
import { tinyGraph } from '../testing/tinyGraph';
import { createOptimizer } from './createOptimizer';
import { attractiveCoefficient, clipGradient } from './gradients';
import { epochsPerSample, learningRateAt } from './sampling';
import type { OptimizerBackend } from './types';

const report = (message: string): void => {
  if (process.env.REPORT_MEASUREMENTS) console.info(message);
};

const ring = paperRingProblem;
const { graph: ringGraph, layout: ringLayout, a, b } = ring;

/** The one-thread backends. */
const backends: OptimizerBackend[] = ['typescript', 'wasm'];

/** A smaller ring for the long schedule statistics (1000 epochs). */
const small = ringProblem({ n: 300, nEpochs: 1000 });

describe('createOptimizer: sampling schedule (docs/algorithm.md §1.7, §1.10)', () => {
  const maxWeight = Math.max(...ringGraph.values);

  it.each(backends)('%s: copies the layout and samples nothing in epoch 0', (backend) => {
    const layout = ringLayout.slice();
    const optimizer = createOptimizer({
      graph: ringGraph,
      layout,
      nEpochs: 10,
      a,
      b,
      m: 5,
      seed: 0,
      backend,
    });
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
      const optimizer = referenceRingOptimizer({ m, countPerEdge: true, trackLoss: false });
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
    const { nEpochs } = small;
    const m = 5;
    const optimizer = createOptimizer(
      problemOptions(small, { seed: 2, trackLoss: false, countPerEdge: true }),
    );
    const stats = optimizer.step(nEpochs);
    const counts = optimizer.perEdgeCounts;
    if (!counts) throw new Error('countPerEdge was requested');
    const eps = epochsPerSample(small.graph);
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
    const edgeSamples = totalOf(stats, 'edgeSamples');
    const negativeSamples = totalOf(stats, 'negativeSamples');
    expect(Math.abs(edgeSamples / totalExpected - 1)).toBeLessThan(0.02);
    expect(Math.abs(negativeSamples / edgeSamples / m - 1)).toBeLessThan(0.02);
    report(
      `eq. 8 over ${nEpochs} epochs: ${wellSampled}/${eps.length} edges with ≥ 50 expected samples, worst ` +
        `sample-rate gap ${(100 * worstSampleRatio).toFixed(3)} %, worst negatives-per-sample gap ` +
        `${(100 * worstNegativeRatio).toFixed(3)} %; totals: samples ${edgeSamples} vs ${totalExpected.toFixed(1)}, ` +
        `negatives per sample ${(negativeSamples / edgeSamples).toFixed(5)}`,
    );
  });

  it.each(backends)('%s: draws negative samples uniformly from all n points', (backend) => {
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
      backend,
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
    const optimizer = referenceRingOptimizer({ nEpochs: 10, trackLoss: false });
    const seen = [optimizer.alpha];
    for (let e = 0; e < 4; e++) {
      optimizer.step();
      seen.push(optimizer.alpha);
    }
    for (let k = 0; k < seen.length; k++) expect(seen[k]).toBeCloseTo(expected[k], 15);
  });

  it.each(backends)('%s: moves a 2-point graph by exactly that schedule', (backend) => {
    const nEpochs = 8;
    const graph = tinyGraph(2, [[0, 1, 1]]);
    const layout = Float32Array.of(0, 0, 3, 1.5);
    // m tiny: the first negative sample would be due at epoch ~1000, so only attraction acts.
    const optimizer = createOptimizer({ graph, layout, nEpochs, a, b, m: 1e-3, seed: 0, backend });
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
    const optimizer = referenceRingOptimizer({ nEpochs: 10, trackLoss: false });
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
    const baseline = referenceRingOptimizer({ trackLoss: false });
    const changed = referenceRingOptimizer({ trackLoss: false, countPerEdge: true });
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
    expect(Math.abs(totalOf(later, 'negativeSamples') / totalOf(later, 'edgeSamples') / 10 - 1)).toBeLessThan(
      0.02,
    );
    report(`m 5 → 10 after 100 epochs: next epoch's negatives ×${ratio.toFixed(4)}`);
  });

  it('before the first sampled epoch equals a fresh start with the new m', () => {
    const fresh = referenceRingOptimizer({ m: 3, nEpochs: 20 });
    const changed = referenceRingOptimizer({ m: 5, nEpochs: 20 });
    changed.step(1);
    changed.setNegativeSampleRate(3);
    fresh.step(1);
    expect(changed.step(19)).toEqual(fresh.step(19));
    expect(changed.embedding).toEqual(fresh.embedding);
  });

  it('refuses a rate that is not positive', () => {
    expect(() => referenceRingOptimizer().setNegativeSampleRate(0)).toThrow(UserError);
    expect(() => referenceRingOptimizer({ m: -1 })).toThrow(UserError);
  });
});
