import { describe, expect, it } from 'vitest';
import { embeddingSimilarities, evaluateLosses } from '../../core/losses';
import { ringThickness } from '../../core/metrics';
import type { LossParts } from '../../core/types';
import { defaultConfig, type ExplorerConfig } from '../config';
import { runEpochs, runPipeline } from './headlessRun';
import { createRunOptimizer } from './optimizerStage';
import { createStageCache } from './stageCache';

/** The default ring (Fig. 1b: n = 1 000, data init, 500 epochs) with `overrides`. */
const ringConfig = (overrides: Partial<ExplorerConfig> = {}): ExplorerConfig => ({
  ...defaultConfig,
  ...overrides,
});

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
const relativeGap = (actual: number, expected: number) => (actual - expected) / expected;
const sameBytes = (x: Float32Array, y: Float32Array) => Buffer.from(x.buffer).equals(Buffer.from(y.buffer));

describe('runPipeline on the paper ring (Fig. 1b)', () => {
  it('contracts the ring: thickness after 500 epochs is 0.25–0.5 of the input’s (umap-learn: 0.36)', () => {
    const { embedding, dataset, stats } = runPipeline(ringConfig());
    expect(stats.map((s) => s.epoch)).toEqual(Array.from({ length: 500 }, (_, epoch) => epoch));
    const ratio = ringThickness(embedding) / ringThickness(dataset.points);
    expect(ratio).toBeGreaterThan(0.25);
    expect(ratio).toBeLessThan(0.5);
  });

  it('is bit-identical for one seed and differs between seeds', () => {
    const first = runPipeline(ringConfig({ epochs: 50 })).embedding;
    const again = runPipeline(ringConfig({ epochs: 50 })).embedding;
    const other = runPipeline(ringConfig({ epochs: 50, seed: 1 })).embedding;
    expect(sameBytes(again, first)).toBe(true);
    expect(sameBytes(other, first)).toBe(false);
  });
});

/** Mean losses over epochs ≥ 100 of a 500-epoch run, the effective and purported losses evaluated on
 * the end-of-epoch embedding every `every` epochs, as the paper logged them. */
function fig3Averages(n: number, every: number) {
  const config = ringConfig({ n });
  const artifacts = createStageCache().build(config, null);
  const { graph, a, b } = artifacts;
  const { optimizer } = createRunOptimizer(config, artifacts, { logAfter: true });
  const logged: { actual: LossParts; after: LossParts; effective: LossParts; purported: LossParts }[] = [];
  runEpochs(optimizer, (stats, embedding) => {
    if (stats.epoch < 100 || stats.epoch % every !== 0 || !stats.actualAfter) return;
    const { effective, purported } = evaluateLosses(graph, embedding, { a, b, m: config.m });
    logged.push({ actual: stats.actual, after: stats.actualAfter, effective, purported });
  });
  const average = (pick: (entry: (typeof logged)[number]) => LossParts, part: keyof LossParts) =>
    mean(logged.map((entry) => pick(entry)[part]));
  return {
    actual: (part: keyof LossParts) => average((e) => e.actual, part),
    after: (part: keyof LossParts) => average((e) => e.after, part),
    effective: (part: keyof LossParts) => average((e) => e.effective, part),
    purported: (part: keyof LossParts) => average((e) => e.purported, part),
  };
}

describe('§7.3 corrected sampling (eq. 18)', () => {
  // Measured over seeds 0–4: mean |ν − μ| on the graph's edges 0.102–0.103 corrected vs 0.424–0.430
  // with UMAP's sampling, whose ν approach the binarized ν* instead.
  it.each([0, 1])('reproduces μ on the kNN edges far better than UMAP’s sampling (seed %i)', (seed) => {
    const meanGap = (sampling: 'umap' | 'corrected') => {
      const run = runPipeline(ringConfig({ seed, sampling }), { trackLoss: false });
      const nu = embeddingSimilarities(run.graph, run.embedding, run.a, run.b);
      let sum = 0;
      for (let e = 0; e < nu.length; e++) sum += Math.abs(nu[e] - run.graph.values[e]);
      return sum / nu.length;
    };
    expect(meanGap('corrected')).toBeLessThan(0.5 * meanGap('umap'));
  });
});

describe('Fig. 3: the actual loss (eq. 11) follows the effective loss (eq. 12), not the purported one (eq. 6)', () => {
  it('on the paper ring, epochs 100–500: repulsion within 3 %, total within 10 %, purported > 10× effective', () => {
    const losses = fig3Averages(1000, 1);
    expect(Math.abs(relativeGap(losses.actual('repulsive'), losses.effective('repulsive')))).toBeLessThan(
      0.03,
    );
    expect(Math.abs(relativeGap(losses.actual('total'), losses.effective('total')))).toBeLessThan(0.1);
    expect(Math.abs(relativeGap(losses.after('total'), losses.effective('total')))).toBeLessThan(0.1);
    expect(losses.purported('total')).toBeGreaterThan(10 * losses.effective('total'));
    expect(losses.purported('total')).toBeGreaterThan(10 * losses.after('total'));
    // Scored before its own update, each attractive pair still has its pre-pull distance: at n = 1000
    // one update moves a point by a large fraction of a neighbour distance, so `actual` overstates
    // attraction by ~8 % and the purported loss is "only" 9.9–10× it here (the gap shrinks with n).
    expect(losses.purported('total')).toBeGreaterThan(9.5 * losses.actual('total'));
  });

  it('at n = 2000 the purported loss is more than 10× all three, as the ratio grows with n', () => {
    const losses = fig3Averages(2000, 10);
    for (const measured of [losses.actual, losses.after, losses.effective]) {
      expect(losses.purported('total')).toBeGreaterThan(10 * measured('total'));
    }
    expect(Math.abs(relativeGap(losses.actual('repulsive'), losses.effective('repulsive')))).toBeLessThan(
      0.03,
    );
  });
});
